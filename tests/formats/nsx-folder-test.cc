// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
// `nsx: FOLDER`: a folder of NSX API responses (one GET's JSON per file, paged results) reads as
// the bundle segproof collect writes from the same Manager; bad files are each named, with
// their line:col, in one pass.
#include "core/input-error.h"
#include "core/scenario.h"
#include "formats/nsx-export/nsx-export.h"
#include "formats/scenario/scenario-reader.h"

#include <gtest/gtest.h>
#include <string>
#include <vector>

namespace
{

using namespace segproof;

const std::string kData = SEGPROOF_TEST_DATA_DIR;

core::Scenario
ScenarioOn(const std::string& nsx)
{
    const std::string text = "format: segproof/v1\nname: collected\nestate: {nsx: " + nsx +
                             "}\nfirewalls:\n  dfw: {nsx: " + nsx +
                             "}\npostures:\n  microseg: [dfw]\n";
    return formats::ReadScenarioText(text, "collected.yaml");
}

/// The estate as text: each segment and machine with what decides its traffic.
std::string
Describe(const core::Estate& estate)
{
    std::string text;
    for (const auto& segment : estate.Segments())
    {
        text += "segment " + segment.name + " " + segment.cidr.ToString() + "\n";
    }
    for (const auto& machine : estate.Machines())
    {
        text += "machine " + machine.name + " " + core::FormatIpv4(machine.ip) + " on " +
                estate.Segments()[static_cast<std::size_t>(machine.segment)].name + " host " +
                estate.Hosts()[static_cast<std::size_t>(machine.host)].name + " id " +
                machine.externalId + "\n";
    }
    return text;
}

std::vector<std::string>
ErrorsOf(const std::string& folder)
{
    try
    {
        ScenarioOn(folder);
    }
    catch (const core::InputError& e)
    {
        std::vector<std::string> lines;
        for (const auto& d : e.Diagnostics())
        {
            std::string line = d.ToString();
            lines.push_back(line.rfind(folder + "/", 0) == 0 ? line.substr(folder.size() + 1)
                                                             : line);
        }
        return lines;
    }
    return {"accepted"};
}

bool
Warned(const core::Scenario& scenario, const std::string& file, const std::string& part)
{
    for (const auto& w : scenario.Warnings())
    {
        if (w.location.file.find(file) != std::string::npos &&
            w.message.find(part) != std::string::npos)
        {
            return true;
        }
    }
    return false;
}

TEST(NsxFolderTest, AFolderOfApiResponsesReadsAsTheBundleCollectedFromThem)
{
    // tests/data/nsx-api-folder holds the recorded Manager's answers (tests/data/nsx-api), one
    // GET per file; expected-bundle.json is what segproof collect writes from the same answers.
    core::Scenario folder = ScenarioOn(kData + "/nsx-api-folder");
    core::Scenario bundle = ScenarioOn(kData + "/nsx-api/expected-bundle.json");
    EXPECT_EQ(folder.GetEstate().Machines().size(), 3u);
    EXPECT_EQ(Describe(folder.GetEstate()), Describe(bundle.GetEstate()));
    ASSERT_EQ(folder.Groups().size(), bundle.Groups().size());
    for (std::size_t i = 0; i < folder.Groups().size(); ++i)
    {
        EXPECT_EQ(folder.Groups()[i].name, bundle.Groups()[i].name);
        EXPECT_TRUE(folder.Groups()[i].addresses == bundle.Groups()[i].addresses);
    }
    // The DFW: the same groups, services (the services listing is in two pages), policies
    // and rules in the same order, written out byte for byte alike.
    formats::NsxExportOptions options{"test", "collected.yaml"};
    EXPECT_EQ(formats::ExportNsxDfw(folder, options).json,
              formats::ExportNsxDfw(bundle, options).json);
    EXPECT_EQ(folder.FindFirewall(core::FirewallKind::Dfw)->rules.size(), 5u);
    // A rule says where it was written: its own file of the folder.
    EXPECT_NE(folder.FindFirewall(core::FirewallKind::Dfw)
                  ->rules.front()
                  .location.file.find("security-policies_"),
              std::string::npos);
    // What the folder reader cannot use is skipped with a warning at its file.
    EXPECT_TRUE(Warned(folder, "members_virtual-machines.json",
                       "skipped 2 realized group members (RealizedVirtualMachine)"));
    EXPECT_TRUE(Warned(folder, "members_ip-addresses.json", "skipped a list of 1 strings"));
    EXPECT_TRUE(Warned(folder, "context-profiles.json",
                       "skipped 1 object of resource_type PolicyContextProfile"));
}

TEST(NsxFolderTest, EveryBadFileOfAFolderIsNamedInOnePass)
{
    EXPECT_EQ(
        ErrorsOf(kData + "/nsx-api-folder-bad/objects"),
        (std::vector<std::string>{
            "a-error-answer.json:1:1: the Manager answered an error here, not objects: The "
            "credentials were incorrect or the account specified has been locked. (error_code "
            "403): collect this GET again",
            "b-groups.json:5:5: an element of 'results' lacks 'resource_type': the objects of a "
            "folder are told apart by it",
            "b-groups.json:6:5: an element of 'results' must be a JSON object, got the string "
            "\"app\"",
            "c-rules.json:3:5: rule r1: its policy '/infra/domains/default/security-policies/gone' "
            "is not in the folder (add the GET of the domain's security-policies or "
            "gateway-policies)",
            "d-vms-page1.json:6:19: result_count says 5 VirtualMachine objects, the folder's files "
            "hold 2: a page is missing (collect them again)",
            "e-whole-bundle.json:1:1: this file is a whole export or bundle (it has 'groups'), not "
            "one GET's answer: name it on its own (nsx: FILE); a folder holds one GET's JSON per "
            "file",
            "f-empty.json:1:1: the file is empty"}));
}

TEST(NsxFolderTest, EachFileThatIsNotJsonIsNamedWithItsOwnLine)
{
    EXPECT_EQ(ErrorsOf(kData + "/nsx-api-folder-bad/syntax"),
              (std::vector<std::string>{
                  "a-unclosed.json:4:3: JSON syntax error: a ']' or '}' that closes nothing "
                  "open here (the '{' or '[' before it is not closed, or the other bracket was "
                  "meant)",
                  "c-trailing.json:3:43: JSON syntax error: an object '{' is not closed with "
                  "'}' (or a ',' or ':' is missing)"}));
}

} // namespace
