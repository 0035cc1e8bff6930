// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
// The NSX importer on documents shaped like real ones: NSX's built-in services, ALG, ICMPv6
// and ICMP-code entries, applied-to groups with IP members, target_type, the default layer-3
// section, tied sequence numbers, group paths as np-guard's collector writes them.
#include "core/input-error.h"
#include "core/scenario.h"
#include "formats/nsx/nsx-reader.h"
#include "formats/scenario/scenario-reader.h"

#include <gtest/gtest.h>

namespace
{

using namespace segproof::core;
using namespace segproof::formats;

const std::string kData = std::string(SEGPROOF_TEST_DATA_DIR) + "/nsx/";

const Scenario&
Seed()
{
    static const Scenario seed =
        ReadScenarioFile(std::string(SEGPROOF_SCENARIOS_DIR) + "/seed.yaml");
    return seed;
}

NsxImport
Import(const std::string& file)
{
    return ReadNsxDfw(kData + file, Seed().GetEstate());
}

const Rule&
FindRule(const Firewall& firewall, const std::string& id)
{
    for (const auto& rule : firewall.rules)
    {
        if (rule.id == id)
        {
            return rule;
        }
    }
    ADD_FAILURE() << "no rule " << id;
    static const Rule none;
    return none;
}

std::vector<std::string>
Entries(const Rule& rule)
{
    std::vector<std::string> entries;
    for (const auto& e : rule.service.entries)
    {
        entries.push_back(e.ToString());
    }
    return entries;
}

/// The warnings' messages, without FILE:LINE:COL.
std::vector<std::string>
Messages(const std::vector<Diagnostic>& diagnostics)
{
    std::vector<std::string> messages;
    for (const auto& d : diagnostics)
    {
        messages.push_back(d.message);
    }
    return messages;
}

bool
AnyContains(const std::vector<std::string>& messages, const std::string& part)
{
    for (const auto& m : messages)
    {
        if (m.find(part) != std::string::npos)
        {
            return true;
        }
    }
    return false;
}

Ipv4Address
MachineIp(const std::string& name)
{
    return Seed()
        .GetEstate()
        .Machines()[static_cast<std::size_t>(Seed().GetEstate().FindMachine(name))]
        .ip;
}

TEST(NsxImportFixesTest, AlgIcmpv6IcmpCodeAndIpProtocolEntriesAreModelled)
{
    NsxImport nsx = Import("modelled-services.json");
    // ALG: its control port; ICMP echo with code 0 is type 8; GRE and IGMP by protocol.
    EXPECT_EQ(Entries(FindRule(nsx.firewall, "r1")),
              (std::vector<std::string>{"tcp/21", "icmp/8", "proto-47", "proto-2"}));
    // A built-in ALG service the export does not define: MS-RPC's endpoint mapper.
    EXPECT_EQ(Entries(FindRule(nsx.firewall, "r2")),
              (std::vector<std::string>{"tcp/21", "tcp/135"}));
    // ICMPv6 alone: the rule can match no IPv4 connection, and says so.
    EXPECT_TRUE(Entries(FindRule(nsx.firewall, "r3")).empty());
    // Built-ins: ICMP-ALL keeps its ICMPv4 entry; HTTPS and DNS-UDP their ports.
    EXPECT_EQ(Entries(FindRule(nsx.firewall, "r4")),
              (std::vector<std::string>{"icmp", "tcp/443", "udp/53"}));
    EXPECT_EQ(FindRule(nsx.firewall, "r4").service.written,
              (std::vector<std::string>{"ICMP ALL", "HTTPS", "DNS-UDP"}));
    EXPECT_EQ(Entries(FindRule(nsx.firewall, "r5")), (std::vector<std::string>{"udp/69"}));
    auto warnings = Messages(nsx.warnings);
    EXPECT_TRUE(AnyContains(warnings, "2 rules (r1, r2) use the ALG FTP on tcp/21: segproof "
                                      "models this control connection, not the data "
                                      "connections the client and server negotiate"));
    EXPECT_TRUE(AnyContains(warnings, "1 rule (r2) uses the ALG MS_RPC_TCP on tcp/135"));
    EXPECT_TRUE(AnyContains(warnings, "1 rule (r5) uses the ALG TFTP on udp/69"));
    EXPECT_TRUE(AnyContains(warnings, "rule r3 matches no IPv4 connection: its services "
                                      "(/infra/services/ping6) are ICMPv6 only"));
}

TEST(NsxImportFixesTest, EntriesThatCannotBeModelledAreRefusedByName)
{
    try
    {
        Import("refuse-services.json");
        FAIL() << "accepted";
    }
    catch (const InputError& e)
    {
        auto messages = Messages(e.Diagnostics());
        ASSERT_EQ(messages.size(), 5u) << ::testing::PrintToString(messages);
        EXPECT_TRUE(AnyContains(messages, "icmp_code = 1 (in service /infra/services/unreachable): "
                                          "ICMP type 3 has more than one code"));
        EXPECT_TRUE(AnyContains(messages, "icmp_code = 0 (in service /infra/services/code-only): a "
                                          "code without an icmp_type is not modelled"));
        EXPECT_TRUE(AnyContains(messages, "resource_type = EtherTypeServiceEntry (in service "
                                          "/infra/services/arp): EtherTypes are layer 2"));
        EXPECT_TRUE(AnyContains(messages, "resource_type = NestedServiceServiceEntry"));
        EXPECT_TRUE(AnyContains(messages, "unknown 'alg' \"FTPS\""));
        // unused-ether is never referenced, so never read.
        EXPECT_FALSE(AnyContains(messages, "unused-ether"));
    }
}

TEST(NsxImportFixesTest, AScopeGroupWithIpMembersAppliesOnItsVmsAlone)
{
    NsxImport nsx = Import("fixes-scope-and-policies.json");
    const Rule& rule = FindRule(nsx.firewall, "admin-smb");
    // admins-and-net = the it-admin VMs OR 10.10.0.0/24: every desktop's address is in the
    // range, yet NSX enforces the rule on the two admin VMs' vNICs only.
    EXPECT_EQ(rule.appliedTo.written, (std::vector<std::string>{"admins-and-net"}));
    EXPECT_TRUE(rule.appliedTo.addresses.Contains(MachineIp("vdi001")));
    EXPECT_TRUE(rule.appliedTo.addresses.Contains(MachineIp("vdi002")));
    EXPECT_FALSE(rule.appliedTo.addresses.Contains(MachineIp("vdi003")));
    EXPECT_EQ(rule.appliedTo.addresses.Size(), 2u);
}

TEST(NsxImportFixesTest, TargetTypeDfwIsReadAntreaPoliciesAreSkippedDefaultSectionIsLast)
{
    NsxImport nsx = Import("fixes-scope-and-policies.json");
    // The default layer-3 section comes first in the file and has no sequence_number, yet NSX
    // evaluates it last: its catch-all DROP is the default.
    ASSERT_EQ(nsx.firewall.rules.size(), 2u);
    EXPECT_EQ(nsx.firewall.rules[0].id, "admin-smb");
    EXPECT_EQ(nsx.firewall.rules[1].id, "ping");
    EXPECT_EQ(nsx.firewall.defaultIn, Action::Drop);
    EXPECT_EQ(Entries(nsx.firewall.rules[1]), (std::vector<std::string>{"icmp", "icmp/8"}));
    auto warnings = Messages(nsx.warnings);
    EXPECT_TRUE(AnyContains(warnings, "skipped policy /infra/domains/default/security-policies/"
                                      "antrea (1 rule): target_type DFW_ANTREA is enforced by a "
                                      "container cluster (Antrea), not at VM vNICs"));
    EXPECT_TRUE(nsx.firewall.orderTies.empty());
}

TEST(NsxImportFixesTest, TiesThatCanChangeAVerdictAreRecordedOthersAreNot)
{
    NsxImport nsx = Import("fixes-ties.json");
    // e1 / e2 tie but both drop: their order decides nothing. allow-smb / drop-files have no
    // sequence_number (NSX assigns 0 to both), and do not act alike.
    ASSERT_EQ(nsx.firewall.orderTies.size(), 1u);
    const OrderTie& tie = nsx.firewall.orderTies.front();
    EXPECT_EQ(tie.level, OrderTie::Level::Rules);
    ASSERT_EQ(tie.spans.size(), 1u);
    EXPECT_EQ(tie.spans.front(), (std::pair<std::size_t, std::size_t>{2, 2}));
    EXPECT_EQ(tie.description, "rules allow-smb and drop-files share sequence_number 0 (none "
                               "given: NSX assigns 0) (in policy "
                               "/infra/domains/default/security-policies/files)");
    auto warnings = Messages(nsx.warnings);
    EXPECT_TRUE(AnyContains(warnings, "verify states a verdict only when it holds under every "
                                      "order they allow"));
    EXPECT_FALSE(AnyContains(warnings, "e1 and e2"));
}

TEST(NsxImportFixesTest, GroupPathsWithoutASlashNameTheBundlesGroups)
{
    // np-guard's collector writes a group's path as its name, and rules refer to it so.
    NsxImport nsx = Import("fixes-np-guard-shape.json");
    const Rule& rule = FindRule(nsx.firewall, "to-files");
    EXPECT_EQ(rule.to.written, (std::vector<std::string>{"files"}));
    EXPECT_TRUE(rule.to.addresses.Contains(MachineIp("fs01")));
    EXPECT_EQ(rule.to.addresses.Size(), 1u);
}

TEST(NsxImportFixesTest, AFailedImportDrawsNoSecondErrorAboutThePosture)
{
    const std::string text = "format: segproof/v1\n"
                             "name: t\n"
                             "estate:\n"
                             "  segments: [{name: s, cidr: 10.0.0.0/24}]\n"
                             "  hosts: [{name: h}]\n"
                             "  machines: [{name: m, kind: server, segment: s, host: h}]\n"
                             "firewalls:\n"
                             "  dfw: {nsx: " +
                             kData +
                             "refuse-services.json}\n"
                             "postures:\n"
                             "  microseg: [dfw]\n";
    try
    {
        ReadScenarioText(text, "t.yaml");
        FAIL() << "accepted";
    }
    catch (const InputError& e)
    {
        auto messages = Messages(e.Diagnostics());
        EXPECT_FALSE(AnyContains(messages, "does not define it"))
            << ::testing::PrintToString(messages);
        EXPECT_TRUE(AnyContains(messages, "EtherTypeServiceEntry"));
    }
}

} // namespace
