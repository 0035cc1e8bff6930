// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
// The malformed-input corpus: each file under tests/data/invalid/ holds one kind of mistake and
// opens with `# expect: LINE:COL: message` lines, the exact diagnostics the reader must give,
// in order. A message that points elsewhere in the file writes the file's path as `{file}`
// ("first at {file}:10:3"), so that no expectation depends on where the repository lies.
// The file list is written out so that each file is a test of its own name.

#include "core/input-error.h"
#include "formats/scenario/scenario-reader.h"

#include <cctype>
#include <fstream>
#include <gtest/gtest.h>
#include <string>
#include <vector>

namespace
{

using segproof::core::InputError;
using segproof::formats::ReadScenarioFile;

const std::string kInvalidDir = std::string(SEGPROOF_TEST_DATA_DIR) + "/invalid/";

/// The `# expect:` lines at the top of a corpus file, each as "PATH:LINE:COL: message" with
/// every `{file}` replaced by PATH.
std::vector<std::string>
ExpectedDiagnostics(const std::string& path)
{
    const std::string marker = "# expect: ";
    const std::string placeholder = "{file}";
    std::ifstream in(path);
    std::vector<std::string> expected;
    std::string line;
    while (std::getline(in, line) && line.rfind(marker, 0) == 0)
    {
        std::string text = path + ":" + line.substr(marker.size());
        for (auto at = text.find(placeholder); at != std::string::npos;
             at = text.find(placeholder, at + path.size()))
        {
            text.replace(at, placeholder.size(), path);
        }
        expected.push_back(text);
    }
    return expected;
}

class InvalidScenarioTest : public ::testing::TestWithParam<const char*>
{
};

TEST_P(InvalidScenarioTest, ReportsExactlyTheExpectedDiagnostics)
{
    const std::string path = kInvalidDir + GetParam();
    ASSERT_TRUE(std::ifstream(path).good()) << "missing corpus file " << path;
    std::vector<std::string> expected = ExpectedDiagnostics(path);
    ASSERT_FALSE(expected.empty()) << path << " has no '# expect: LINE:COL: message' line";

    std::vector<std::string> actual;
    try
    {
        ReadScenarioFile(path);
        FAIL() << path << " was accepted; expected an InputError";
    }
    catch (const InputError& e)
    {
        for (const auto& d : e.Diagnostics())
        {
            EXPECT_EQ(d.location.file, path);
            actual.push_back(d.ToString());
        }
    }
    EXPECT_EQ(actual, expected);
}

// clang-format off
const char* const kCorpus[] = {
    "address-outside-segment.yaml",
    "applied-to-on-gateway.yaml",
    "attack-bad-duration.yaml",
    "attack-bad-profile.yaml",
    "attack-opened-more-than-mails.yaml",
    "attack-probability-out-of-range.yaml",
    "attack-unknown-external.yaml",
    "attack-unknown-key.yaml",
    "attack-unknown-target.yaml",
    "attack-wrong-type.yaml",
    "bad-bracket-range.yaml",
    "benign-bad-values.yaml",
    "cidr-host-bits.yaml",
    "cyclic-groups.yaml",
    "dangling-group.yaml",
    "dangling-group-in-group.yaml",
    "dangling-host.yaml",
    "identity-mistakes.yaml",
    "dangling-machine-in-group.yaml",
    "dangling-segment.yaml",
    "dangling-service.yaml",
    "defence-detector-bad-values.yaml",
    "defence-zero-av-delay.yaml",
    "duplicate-group-key.yaml",
    "duplicate-intent-id.yaml",
    "duplicate-machine-ip.yaml",
    "duplicate-machine-names.yaml",
    "duplicate-rule-id.yaml",
    "empty-value.yaml",
    "external-inside-segment.yaml",
    "external-named-like-machine.yaml",
    "group-nested-too-deep.yaml",
    "group-nested-too-deep-outermost-first.yaml",
    "group-with-two-selectors.yaml",
    "hosts-exceed-limit.yaml",
    "intent-deny-and-allow.yaml",
    "list-where-scalar-expected.yaml",
    "machine-on-network-address.yaml",
    "missing-required-key.yaml",
    "overlapping-segments.yaml",
    "posture-detector-without-dfw.yaml",
    "posture-undefined-firewall.yaml",
    "posture-unknown-firewall.yaml",
    "posture-quarantine-sources.yaml",
    "posture-unknown-ids-mode.yaml",
    "range-exceeds-cap.yaml",
    "reserved-any-group.yaml",
    "reserved-any-service.yaml",
    "rule-logged-not-boolean.yaml",
    "segment-cidr-unreadable.yaml",
    "segment-in-reserved-block.yaml",
    "segment-out-of-auto-addresses.yaml",
    "service-range-backwards.yaml",
    "several-errors.yaml",
    "string-where-number-expected.yaml",
    "tab-indentation.yaml",
    "unknown-machine-key.yaml",
    "unknown-rule-key.yaml",
    "unknown-top-level-key.yaml",
    "wrong-action-word.yaml",
    "wrong-format.yaml",
    "yaml-nested-too-deep.yaml",
    "yaml-syntax-error.yaml",
};
// clang-format on

/// "cidr-host-bits.yaml" -> "cidr_host_bits": test names allow letters, digits and '_'.
std::string
TestName(const ::testing::TestParamInfo<const char*>& info)
{
    std::string name = info.param;
    name = name.substr(0, name.rfind('.'));
    for (char& c : name)
    {
        if (!std::isalnum(static_cast<unsigned char>(c)))
        {
            c = '_';
        }
    }
    return name;
}

INSTANTIATE_TEST_SUITE_P(Corpus, InvalidScenarioTest, ::testing::ValuesIn(kCorpus), TestName);

// Input limits (docs/limits.md) whose inputs are too long to keep in the corpus: each is
// written here, read, and must end in exactly the documented diagnostics.

const std::string kHead = "format: segproof/v1\nname: limits\n";
const std::string kSmallEstate = "estate:\n  segments: [{name: lab, cidr: 10.0.0.0/24}]\n"
                                 "  machines: [{name: pc1, kind: desktop, segment: lab}]\n";

/// Each diagnostic of reading `text` as `file`; empty when it reads fine.
std::vector<std::string>
DiagnosticsOf(const std::string& text, const std::string& file = "limits.yaml")
{
    std::vector<std::string> actual;
    try
    {
        segproof::formats::ReadScenarioText(text, file);
    }
    catch (const InputError& e)
    {
        for (const auto& d : e.Diagnostics())
        {
            actual.push_back(d.ToString());
        }
    }
    return actual;
}

/// "  - {...}\n" `count` times, with `{i}` in `line` replaced by the index.
std::string
Repeated(const std::string& line, std::size_t count, std::size_t first = 0)
{
    std::string text;
    for (std::size_t i = first; i < first + count; ++i)
    {
        std::string each = line;
        for (auto at = each.find("{i}"); at != std::string::npos; at = each.find("{i}"))
        {
            each.replace(at, 3, std::to_string(i));
        }
        text += each + "\n";
    }
    return text;
}

/// The dotted address of 10.0.0.0 + 256 * i, for /24 segments.
std::string
Subnet(std::size_t i)
{
    return "10." + std::to_string((i >> 8) & 255) + "." + std::to_string(i & 255) + ".0/24";
}

TEST(InputLimitTest, MoreSegmentsThanTheLimitEndTheReadingWithOneError)
{
    std::string segments;
    for (std::size_t i = 0; i <= 10000; ++i)
    {
        segments += "    - {name: s" + std::to_string(i) + ", cidr: " + Subnet(i) + "}\n";
    }
    EXPECT_EQ(DiagnosticsOf(kHead + "estate:\n  segments:\n" + segments + "  machines: []\n"),
              std::vector<std::string>{"limits.yaml:5:5: the estate has 10001 segments, more than "
                                       "10000 (the limit; see docs/limits.md)"});
}

TEST(InputLimitTest, MoreExternalAddressesThanTheLimitEndTheReadingWithOneError)
{
    std::string externals = Repeated("    - {name: e{i}, ip: 192.0.{i}}", 10001);
    for (std::size_t i = 0; i <= 10000; ++i)
    {
        std::string from = "192.0." + std::to_string(i) + "}";
        std::string to = "192." + std::to_string(i >> 8) + "." + std::to_string(i & 255) + ".1}";
        externals.replace(externals.find(from), from.size(), to);
    }
    EXPECT_EQ(DiagnosticsOf(kHead + kSmallEstate + "  external:\n" + externals),
              std::vector<std::string>{"limits.yaml:7:5: the estate has 10001 external addresses, "
                                       "more than 10000 (the limit; see docs/limits.md)"});
}

TEST(InputLimitTest, MoreGroupsThanTheLimitEndTheReadingWithOneError)
{
    EXPECT_EQ(DiagnosticsOf(kHead + kSmallEstate + "groups:\n" +
                            Repeated("  g{i}: {segment: lab}", 100001)),
              std::vector<std::string>{"limits.yaml:7:3: 'groups' defines 100001 groups, more than "
                                       "100000 (the limit; see docs/limits.md)"});
}

TEST(InputLimitTest, MoreServicesThanTheLimitEndTheReadingWithOneError)
{
    EXPECT_EQ(
        DiagnosticsOf(kHead + kSmallEstate + "services:\n" + Repeated("  s{i}: tcp/445", 100001)),
        std::vector<std::string>{"limits.yaml:7:3: 'services' defines 100001 services, more "
                                 "than 100000 (the limit; see docs/limits.md)"});
}

TEST(InputLimitTest, MoreIntentsThanTheLimitAreOneError)
{
    EXPECT_EQ(
        DiagnosticsOf(kHead + kSmallEstate + "intents:\n" +
                      Repeated("  - {id: i{i}, deny: {from: any, to: any, service: any}}", 10001)),
        std::vector<std::string>{"limits.yaml:7:3: 'intents' lists 10001 intents, more than "
                                 "10000 (the limit; see docs/limits.md)"});
}

TEST(InputLimitTest, ValuesReadPastTheLimitStopTheReadingWhereTheyPassIt)
{
    // 100,000 desktops, each with its own copy of 200 tags and the 4 default services: some
    // 20.5 million values, refused before any copy is made.
    std::string tags;
    for (int i = 0; i < 200; ++i)
    {
        tags += (i == 0 ? "" : ", ") + std::string("t") + std::to_string(i);
    }
    EXPECT_EQ(DiagnosticsOf(kHead +
                            "estate:\n  segments: [{name: lab, cidr: 10.0.0.0/8}]\n"
                            "  machines:\n    - {name: \"pc[1-100000]\", kind: desktop, "
                            "segment: lab, tags: [" +
                            tags + "]}\n"),
              std::vector<std::string>{
                  "limits.yaml:6:7: reading stopped here: the file amounts to more than 20000000 "
                  "values (list items, names from bracket ranges, and the address ranges and "
                  "ports a group or service brings each time it is named, YAML aliases "
                  "included) (the limit; see docs/limits.md)"});
}

TEST(InputLimitTest, AGroupCountsEachTimeItIsNamed)
{
    // A group of 100,000 separate addresses named by 201 rules: each use copies them (as a
    // YAML alias used again copies what it names), 20.1 million values in all.
    std::string cidrs;
    for (std::size_t i = 0; i < 100000; ++i)
    {
        cidrs += (i == 0 ? "" : ", ") + std::string("11.") + std::to_string(i >> 8 & 255) + "." +
                 std::to_string(i & 255) + "." + std::to_string((i >> 16 & 1) * 2) + "/32";
    }
    std::vector<std::string> actual = DiagnosticsOf(
        kHead + kSmallEstate + "groups:\n  big: {cidr: [" + cidrs + "]}\nfirewalls:\n" +
        "  gateway:\n    default: allow\n    rules:\n" +
        Repeated("      - {id: r{i}, from: big, to: any, service: any, action: drop}", 201));
    ASSERT_EQ(actual.size(), 1u);
    EXPECT_EQ(actual[0], "limits.yaml:210:26: reading stopped here: the file amounts to more than "
                         "20000000 values (list items, names from bracket ranges, and the address "
                         "ranges and ports a group or service brings each time it is named, YAML "
                         "aliases included) (the limit; see docs/limits.md)");
}

TEST(InputLimitTest, ReadingStopsAfterTheLimitOfErrorsAndSaysSo)
{
    std::vector<std::string> actual = DiagnosticsOf(kHead + kSmallEstate + "groups:\n" +
                                                    Repeated("  g{i}: {any: [nowhere{i}]}", 1500));
    ASSERT_EQ(actual.size(), 1001u);
    EXPECT_EQ(actual[0], "limits.yaml:7:14: unknown group 'nowhere0'");
    EXPECT_EQ(actual.back(), "limits.yaml: stopped after 1000 errors (the limit; see "
                             "docs/limits.md)");
}

/// A scenario whose DFW is the NSX bundle `json`, both written to a temporary folder.
std::vector<std::string>
NsxDiagnosticsOf(const std::string& name, const std::string& json)
{
    const std::string dir = ::testing::TempDir();
    std::ofstream(dir + name + ".json") << json;
    return DiagnosticsOf(kHead +
                             "estate:\n  segments: [{name: lab, cidr: 10.0.0.0/24}]\n"
                             "  hosts: [{name: esx1}]\n"
                             "  machines: [{name: pc1, kind: desktop, segment: lab, host: esx1}]\n"
                             "firewalls:\n  dfw: {nsx: " +
                             name + ".json}\n",
                         dir + name + ".yaml");
}

/// An NSX bundle with `groups` and one policy of `rules`.
std::string
NsxBundle(const std::string& groups, const std::string& rules)
{
    return "{\"groups\": [" + groups +
           "], \"security_policies\": [{\"resource_type\": \"SecurityPolicy\", \"id\": \"p\", "
           "\"category\": \"Application\", \"sequence_number\": 1, \"rules\": [" +
           rules + "]}]}";
}

/// An NSX rule `i` from `source` to ANY with `extra` fields.
std::string
NsxRule(std::size_t i, const std::string& source, const std::string& extra = "")
{
    return "{\"resource_type\": \"Rule\", \"id\": \"r" + std::to_string(i) +
           "\", \"sequence_number\": " + std::to_string(i) + ", \"source_groups\": [\"" + source +
           "\"], \"destination_groups\": [\"ANY\"], \"action\": \"ALLOW\"" + extra + "}";
}

TEST(InputLimitTest, NsxSourcePortsPastTheServiceCellLimitAreRefused)
{
    // 500 rules, each with its own destination and source port: some 1001 x 1001 TCP cells.
    std::string rules;
    for (std::size_t i = 0; i < 500; ++i)
    {
        rules += (i == 0 ? "" : ", ") +
                 NsxRule(i, "ANY",
                         ", \"services\": [], \"service_entries\": [{\"resource_type\": "
                         "\"L4PortSetServiceEntry\", \"l4_protocol\": \"TCP\", "
                         "\"destination_ports\": [\"" +
                             std::to_string(1000 + 2 * i) + "\"], \"source_ports\": [\"" +
                             std::to_string(3000 + 2 * i) + "\"]}]");
    }
    std::vector<std::string> actual = NsxDiagnosticsOf("limits-cells", NsxBundle("", rules));
    ASSERT_EQ(actual.size(), 1u);
    EXPECT_EQ(actual[0], ::testing::TempDir() +
                             "limits-cells.yaml:8:3: the services, rules and listeners cut ports "
                             "and protocols into 1010012 service cells, more than 200000 (the "
                             "limit; see docs/limits.md)");
}

/// NSX groups g0 (one address) to g`levels`, each naming the one before by a PathExpression.
std::string
NsxGroupChain(std::size_t levels)
{
    std::string groups = "{\"resource_type\": \"Group\", \"id\": \"g0\", \"expression\": "
                         "[{\"resource_type\": \"IPAddressExpression\", \"ip_addresses\": "
                         "[\"10.0.0.5\"]}]}";
    for (std::size_t i = 1; i <= levels; ++i)
    {
        groups += ", {\"resource_type\": \"Group\", \"id\": \"g" + std::to_string(i) +
                  "\", \"expression\": [{\"resource_type\": \"PathExpression\", \"paths\": "
                  "[\"/infra/domains/default/groups/g" +
                  std::to_string(i - 1) + "\"]}]}";
    }
    return groups;
}

TEST(InputLimitTest, NsxGroupsNestedPastTheLimitAreRefusedInEitherOrderOfUse)
{
    const std::string path = "/infra/domains/default/groups/g";
    // Outermost first: the chain is followed down from g65 and stops 64 levels below.
    std::vector<std::string> outermost =
        NsxDiagnosticsOf("limits-nsx-deep", NsxBundle(NsxGroupChain(65), NsxRule(1, path + "65")));
    ASSERT_EQ(outermost.size(), 1u);
    EXPECT_NE(outermost[0].find(": groups nest deeper than 64 levels (the limit; see "
                                "docs/limits.md) (in group /infra/domains/default/groups/g1)"),
              std::string::npos)
        << outermost[0];
    // Innermost first: each group is resolved from the ones below, already known.
    std::string rules;
    for (std::size_t i = 0; i <= 65; ++i)
    {
        rules += (i == 0 ? "" : ", ") + NsxRule(i, path + std::to_string(i));
    }
    std::vector<std::string> innermost =
        NsxDiagnosticsOf("limits-nsx-deep-up", NsxBundle(NsxGroupChain(65), rules));
    ASSERT_EQ(innermost.size(), 1u);
    EXPECT_NE(innermost[0].find(": groups nest deeper than 64 levels (the limit; see "
                                "docs/limits.md) (in rule "
                                "/infra/domains/default/security-policies/p/rules/r65)"),
              std::string::npos)
        << innermost[0];
    // 64 levels are fine.
    EXPECT_EQ(
        NsxDiagnosticsOf("limits-nsx-64", NsxBundle(NsxGroupChain(64), NsxRule(1, path + "64"))),
        std::vector<std::string>{});
}

} // namespace
