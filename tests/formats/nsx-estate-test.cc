// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
// `estate: {nsx: FILE}`: the estate and the groups of a collector's bundle
// (tests/data/nsx-estate/), what is placed, guessed and left out, and bad input in one pass.
#include "core/input-error.h"
#include "core/scenario.h"
#include "formats/scenario/scenario-reader.h"

#include <gtest/gtest.h>

namespace
{

using namespace segproof;

const std::string kDir = std::string(SEGPROOF_TEST_DATA_DIR) + "/nsx-estate/";

const core::Machine&
MachineNamed(const core::Scenario& scenario, const std::string& name)
{
    const core::Estate& estate = scenario.GetEstate();
    core::Index index = estate.FindMachine(name);
    EXPECT_NE(index, core::kNone) << name;
    static const core::Machine none;
    return index == core::kNone ? none : estate.Machines()[static_cast<std::size_t>(index)];
}

bool
Warned(const core::Scenario& scenario, const std::string& part)
{
    for (const auto& w : scenario.Warnings())
    {
        if (w.ToString().find(part) != std::string::npos)
        {
            return true;
        }
    }
    return false;
}

TEST(NsxEstateTest, TheBundlesVmsSegmentsHostsAndGroupsBecomeTheEstate)
{
    core::Scenario scenario = formats::ReadScenarioFile(kDir + "scenario.yaml");
    const core::Estate& estate = scenario.GetEstate();
    ASSERT_EQ(estate.Segments().size(), 3u);
    EXPECT_EQ(estate.Segments()[0].name, "vdi");
    EXPECT_EQ(estate.Segments()[0].cidr.ToString(), "10.10.0.0/24"); // from gateway_address
    EXPECT_EQ(estate.Segments()[0].vlan, 110);
    EXPECT_EQ(estate.Segments()[0].nsxPath, "/infra/segments/seg-vdi");
    EXPECT_EQ(estate.Segments()[1].cidr.ToString(), "10.20.0.0/27");
    EXPECT_EQ(estate.Segments()[2].name, "inferred-172.16.5.0-24");
    // vdi-01, vdi-02, fs01, lab-01; powered-off has no address, the template never runs,
    // clone's address is fs01's.
    ASSERT_EQ(estate.Machines().size(), 4u);
    const core::Machine& vdi = MachineNamed(scenario, "vdi-01");
    EXPECT_EQ(core::FormatIpv4(vdi.ip), "10.10.0.11");
    EXPECT_EQ(vdi.kind, core::MachineKind::Desktop);
    EXPECT_EQ(vdi.externalId, "5001-a");
    EXPECT_EQ(vdi.tags, (std::vector<std::string>{"role|vdi-desktop"}));
    EXPECT_EQ(estate.Hosts()[static_cast<std::size_t>(vdi.host)].name, "esx01");
    const core::Machine& fs = MachineNamed(scenario, "fs01");
    EXPECT_EQ(fs.kind, core::MachineKind::Server);
    EXPECT_EQ(estate.Segments()[static_cast<std::size_t>(fs.segment)].name, "servers");
    EXPECT_EQ(estate.Hosts()[static_cast<std::size_t>(fs.host)].name, "h-2");
    EXPECT_EQ(estate.FindMachine("powered-off"), core::kNone);
    EXPECT_EQ(estate.FindMachine("golden-image"), core::kNone);
    EXPECT_EQ(estate.FindMachine("clone"), core::kNone);
    ASSERT_EQ(estate.Externals().size(), 1u);

    // The bundle's groups, for intents: desktops by its criteria (vdi-02 too, though NSX had
    // realized vdi-01 alone), file-servers by its realized members; macs is not modelled.
    const core::Group* desktops = scenario.FindGroup("desktops");
    ASSERT_NE(desktops, nullptr);
    EXPECT_EQ(desktops->addresses.Size(), 2u);
    const core::Group* files = scenario.FindGroup("file-servers");
    ASSERT_NE(files, nullptr);
    EXPECT_TRUE(files->addresses.Contains(fs.ip));
    EXPECT_EQ(scenario.FindGroup("macs"), nullptr);

    EXPECT_TRUE(Warned(scenario, "powered-off at virtual_machines[4]"));
    EXPECT_TRUE(Warned(scenario, "placed in segment inferred-172.16.5.0-24"));
    EXPECT_TRUE(Warned(scenario, "VM clone has address 10.20.0.10, which VM fs01 already holds"));
    EXPECT_TRUE(Warned(scenario, "the members NSX realized differ (1 by the criteria only: "
                                 "vdi-02)"));
    EXPECT_TRUE(Warned(scenario, "(gone) is no machine of the estate"));
    EXPECT_TRUE(Warned(scenario, "group /infra/domains/default/groups/macs is not available"));
    // The estate and the DFW read one file; its warnings come once.
    std::size_t realized = 0;
    for (const auto& w : scenario.Warnings())
    {
        realized += w.message.find("(gone)") != std::string::npos ? 1 : 0;
    }
    EXPECT_EQ(realized, 1u);
    // The DFW from the same file, resolved against this estate.
    const core::Firewall* dfw = scenario.FindFirewall(core::FirewallKind::Dfw);
    ASSERT_NE(dfw, nullptr);
    ASSERT_EQ(dfw->rules.size(), 1u);
    EXPECT_EQ(dfw->defaultIn, core::Action::Drop);
}

TEST(NsxEstateTest, BadBundlesReportEveryProblemOnceInOnePass)
{
    try
    {
        formats::ReadScenarioFile(kDir + "bad-scenario.yaml");
        FAIL() << "accepted";
    }
    catch (const core::InputError& e)
    {
        std::vector<std::string> lines;
        for (const auto& d : e.Diagnostics())
        {
            lines.push_back(d.ToString().substr(d.ToString().find("nsx-estate/") + 11));
        }
        EXPECT_EQ(lines,
                  (std::vector<std::string>{
                      "bad-bundle.json:2:3: unknown key 'virtual_machine' in a collector's "
                      "bundle; did you mean 'virtual_machines'?",
                      "bad-scenario.yaml:3:45: 'unaddressed' must be skip or placeholder, got "
                      "'maybe'",
                      "bad-bundle.json:4:5: a virtual machine lacks 'external_id' and "
                      "'display_name'",
                      "bad-bundle.json:8:65: '10.30.0.300' is not an IPv4 address (in a VIF of "
                      "w1)",
                      "bad-bundle.json:11:31: the subnet '10.30.0.5/24' has host bits set (did "
                      "you mean 10.30.0.0/24?) (in segment /infra/segments/web)",
                      "bad-bundle.json:16:50: unknown group "
                      "'/infra/domains/default/groups/missing': the export defines no group "
                      "with this path (in group /infra/domains/default/groups/nested)"}));
    }
}

TEST(NsxEstateTest, WhatSegproofCollectWritesIsAnEstate)
{
    // tests/data/nsx-api/expected-bundle.json is the bundle the collect tests check that
    // `segproof collect` writes from the recorded Manager: it must read back as an estate.
    const std::string bundle =
        std::string(SEGPROOF_TEST_DATA_DIR) + "/nsx-api/expected-bundle.json";
    const std::string text = "format: segproof/v1\nname: collected\nestate: {nsx: " + bundle +
                             "}\nfirewalls:\n  dfw: {nsx: " + bundle +
                             "}\npostures:\n  microseg: [dfw]\n";
    core::Scenario scenario = formats::ReadScenarioText(text, "collected.yaml");
    EXPECT_EQ(scenario.GetEstate().Machines().size(), 3u);
    EXPECT_EQ(scenario.GetEstate().Segments().size(), 2u);
    EXPECT_EQ(scenario.FindFirewall(core::FirewallKind::Dfw)->rules.size(), 5u);
    EXPECT_TRUE(Warned(scenario, "gateway policy (1 rules), which the DFW does not include"));
}

TEST(NsxEstateTest, APlainExportHasNoEstate)
{
    const std::string text =
        "format: segproof/v1\nname: t\nestate: {nsx: " + std::string(SEGPROOF_SCENARIOS_DIR) +
        "/nsx/seed-dfw-bundle.json}\n";
    try
    {
        formats::ReadScenarioText(text, "t.yaml");
        FAIL() << "accepted";
    }
    catch (const core::InputError& e)
    {
        EXPECT_NE(e.Diagnostics().front().message.find("not a collector's bundle"),
                  std::string::npos)
            << e.Diagnostics().front().message;
    }
}

} // namespace
