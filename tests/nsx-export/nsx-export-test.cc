// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
// The NSX export: what each construct is written as, read back through formats/nsx to the same
// rules and addresses; ids, determinism, the fallbacks and their warnings; and the importer's
// segment PathExpression and ExternalIDExpression that the export relies on.
#include "core/input-error.h"
#include "core/scenario.h"
#include "formats/nsx-export/nsx-export.h"
#include "formats/nsx-export/nsx-id-allocator.h"
#include "formats/nsx/nsx-reader.h"
#include "formats/scenario/scenario-reader.h"

#include <algorithm>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace
{

using namespace segproof::core;
using namespace segproof::formats;
using Json = nlohmann::json;

const NsxExportOptions kOptions{"test", "test.yaml"};

const Scenario&
Seed()
{
    static const Scenario seed =
        ReadScenarioFile(std::string(SEGPROOF_SCENARIOS_DIR) + "/seed.yaml");
    return seed;
}

/// A small scenario: one VM segment (two hosts' worth), a segment with a physical box, an
/// external; `groups`, `services` and `rules` as given (YAML, indented by the caller).
Scenario
Small(const std::string& groups, const std::string& rules, const std::string& services = "")
{
    std::string text = R"(format: segproof/v1
name: small
estate:
  segments:
    - {name: vdi, cidr: 10.1.0.0/24}
    - {name: lab, cidr: 10.2.0.0/24}
  hosts:
    - {name: esx1}
  machines:
    - {name: pc1, kind: desktop, segment: vdi, host: esx1, ip: 10.1.0.11, tags: [role|pc, dept|hr]}
    - {name: pc2, kind: desktop, segment: vdi, host: esx1, ip: 10.1.0.12, tags: [role|pc]}
    - {name: box1, kind: server, segment: lab, ip: 10.2.0.10, tags: [role|pc]}
    - {name: srv1, kind: server, segment: lab, host: esx1, ip: 10.2.0.11, tags: [role|srv]}
  external:
    - {name: c2, ip: 203.0.113.10}
groups:
)" + (groups.empty() ? std::string("  {}\n") : groups) +
                       "services:\n  web: [tcp/80, tcp/443]\n" + services +
                       "firewalls:\n  dfw:\n    default: drop\n    rules:\n" + rules +
                       "postures:\n  microseg: [dfw]\n";
    return ReadScenarioText(text, "small.yaml");
}

Json
Parse(const NsxExport& exported)
{
    return Json::parse(exported.json);
}

const Json&
Domain(const Json& infra)
{
    return infra["children"][0]["Domain"];
}

const Json*
FindGroup(const Json& infra, const std::string& displayName)
{
    for (const auto& child : Domain(infra)["children"])
    {
        if (child.contains("Group") && child["Group"]["display_name"] == displayName)
        {
            return &child["Group"];
        }
    }
    return nullptr;
}

std::vector<Json>
Policies(const Json& infra)
{
    std::vector<Json> policies;
    for (const auto& child : Domain(infra)["children"])
    {
        if (child.contains("SecurityPolicy"))
        {
            policies.push_back(child["SecurityPolicy"]);
        }
    }
    return policies;
}

std::vector<std::string>
EntryTexts(const std::vector<ServiceEntry>& entries)
{
    std::vector<std::string> texts;
    for (const auto& e : entries)
    {
        texts.push_back(e.ToString());
    }
    std::sort(texts.begin(), texts.end());
    texts.erase(std::unique(texts.begin(), texts.end()), texts.end());
    return texts;
}

bool
HasWarning(const NsxExport& exported, const std::string& text)
{
    for (const auto& w : exported.warnings)
    {
        if (w.message.find(text) != std::string::npos)
        {
            return true;
        }
    }
    return false;
}

/// Reads the export back and checks it decides as the scenario's DFW does: the same rules, in
/// order, with the same addresses, services, scope and flags, and the same defaults.
void
ExpectSameDfw(const Scenario& scenario, const NsxExport& exported)
{
    NsxImport back = ReadNsxDfwText(exported.json, "export.json", scenario.GetEstate());
    const Firewall& original = *scenario.FindFirewall(FirewallKind::Dfw);
    const Firewall& read = back.firewall;
    std::vector<Rule> rules = read.rules;
    Action defaultIn = read.defaultIn;
    Action defaultOut = read.defaultOut;
    if (original.defaultIn != original.defaultOut)
    {
        ASSERT_GE(rules.size(), 2u);
        EXPECT_EQ(rules[rules.size() - 2].direction, Direction::In);
        EXPECT_EQ(rules.back().direction, Direction::Out);
        defaultIn = rules[rules.size() - 2].action;
        defaultOut = rules.back().action;
        rules.resize(rules.size() - 2);
    }
    EXPECT_EQ(defaultIn, original.defaultIn);
    EXPECT_EQ(defaultOut, original.defaultOut);
    ASSERT_EQ(rules.size(), original.rules.size());
    for (std::size_t i = 0; i < rules.size(); ++i)
    {
        const Rule& a = original.rules[i];
        const Rule& b = rules[i];
        SCOPED_TRACE("rule " + a.id);
        EXPECT_EQ(a.action, b.action);
        EXPECT_EQ(a.direction, b.direction);
        EXPECT_EQ(a.disabled, b.disabled);
        EXPECT_EQ(a.logged, b.logged);
        EXPECT_EQ(a.from.addresses, b.from.addresses);
        EXPECT_EQ(a.to.addresses, b.to.addresses);
        EXPECT_EQ(a.AppliesEverywhere(), b.AppliesEverywhere());
        // Only VMs enforce a scope: compare the machines with a host.
        auto vms = [&scenario](const AddressSet& set)
        {
            AddressSet result;
            for (const auto& m : scenario.GetEstate().Machines())
            {
                if (m.host != kNone && set.Contains(m.ip))
                {
                    result.Add(m.ip);
                }
            }
            return result;
        };
        EXPECT_EQ(vms(a.appliedTo.addresses), vms(b.appliedTo.addresses));
        EXPECT_EQ(a.service.IsAny(), b.service.IsAny());
        if (!a.service.IsAny())
        {
            EXPECT_EQ(EntryTexts(a.service.entries), EntryTexts(b.service.entries));
        }
    }
}

TEST(NsxExportTest, SeedRulesComeBackInOrderWithTheirNamesAndDefault)
{
    NsxExport exported = ExportNsxDfw(Seed(), kOptions);
    ExpectSameDfw(Seed(), exported);
    NsxImport back = ReadNsxDfwText(exported.json, "export.json", Seed().GetEstate());
    const Firewall& original = *Seed().FindFirewall(FirewallKind::Dfw);
    for (std::size_t i = 0; i < original.rules.size(); ++i)
    {
        EXPECT_EQ(back.firewall.rules[i].id, original.rules[i].id);
        // The simulator's quarantine finds its group in the rules by the name written.
        EXPECT_EQ(back.firewall.rules[i].from.written, original.rules[i].from.written);
    }
    EXPECT_TRUE(back.firewall.orderTies.empty());
}

TEST(NsxExportTest, SequenceNumbersStrictlyIncreaseAndTheDefaultIsTheLayer3Rule)
{
    Json infra = Parse(ExportNsxDfw(Seed(), kOptions));
    std::vector<Json> policies = Policies(infra);
    ASSERT_EQ(policies.size(), 2u);
    EXPECT_EQ(policies[0]["category"], "Application");
    EXPECT_EQ(policies[0]["sequence_number"], 10);
    EXPECT_EQ(policies[0]["scope"], Json::array({"ANY"}));
    EXPECT_EQ(policies[0]["description"], "exported by segproof test from test.yaml");
    std::int64_t previous = 0;
    for (const auto& child : policies[0]["children"])
    {
        std::int64_t sequence = child["Rule"]["sequence_number"];
        EXPECT_GT(sequence, previous);
        previous = sequence;
    }
    EXPECT_EQ(policies[1]["id"], "default-layer3-section");
    const Json& last = policies[1]["children"][0]["Rule"];
    EXPECT_EQ(last["id"], "default-layer3-rule");
    EXPECT_EQ(last["action"], "DROP");
    EXPECT_EQ(last["source_groups"], Json::array({"ANY"}));
    EXPECT_EQ(last["services"], Json::array({"ANY"}));
}

TEST(NsxExportTest, TheSameScenarioGivesTheSameBytes)
{
    NsxExport a = ExportNsxDfw(Seed(), kOptions);
    NsxExport b = ExportNsxDfw(Seed(), kOptions);
    EXPECT_EQ(a.json, b.json);
    EXPECT_EQ(a.json.substr(0, 4), "{\n  ");
    EXPECT_EQ(a.json.back(), '\n');
}

TEST(NsxExportTest, TagGroupsStayTagConditionsOrChained)
{
    Scenario s = Small("  pcs: {tag: role|pc}\n  two: {tag: [dept|hr, role|srv]}\n",
                       "      - {id: r1, from: pcs, to: two, service: web, action: allow}\n");
    NsxExport exported = ExportNsxDfw(s, kOptions);
    ExpectSameDfw(s, exported);
    Json infra = Parse(exported);
    const Json* two = FindGroup(infra, "two");
    ASSERT_NE(two, nullptr);
    ASSERT_EQ((*two)["expression"].size(), 3u);
    EXPECT_EQ((*two)["expression"][0]["key"], "Tag");
    EXPECT_EQ((*two)["expression"][0]["value"], "dept|hr");
    EXPECT_EQ((*two)["expression"][1]["conjunction_operator"], "OR");
    EXPECT_EQ((*two)["expression"][2]["value"], "role|srv");
    // box1 carries role|pc but has no host: NSX's conditions do not see it, so its address is
    // written beside the condition.
    const Json* pcs = FindGroup(infra, "pcs");
    ASSERT_NE(pcs, nullptr);
    EXPECT_EQ((*pcs)["expression"][0]["resource_type"], "Condition");
    EXPECT_EQ((*pcs)["expression"][2]["resource_type"], "IPAddressExpression");
    EXPECT_EQ((*pcs)["expression"][2]["ip_addresses"], Json::array({"10.2.0.10"}));
}

TEST(NsxExportTest, SegmentGroupsArePathsPlusTheAddressesOfMachinesWithoutHost)
{
    Scenario s = Small("  lab-seg: {segment: lab}\n",
                       "      - {id: r1, from: lab-seg, to: any, service: any, action: drop}\n");
    NsxExport exported = ExportNsxDfw(s, kOptions);
    ExpectSameDfw(s, exported);
    const Json infraLab = Parse(exported);
    const Json* lab = FindGroup(infraLab, "lab-seg");
    ASSERT_NE(lab, nullptr);
    EXPECT_EQ((*lab)["expression"][0]["paths"], Json::array({"/infra/segments/lab"}));
    EXPECT_EQ((*lab)["expression"][2]["ip_addresses"], Json::array({"10.2.0.10"}));
}

TEST(NsxExportTest, MachinesAreNamedVmsAndAddressesForTheRest)
{
    Scenario s = Small("  some: {machines: [pc1, box1, c2]}\n",
                       "      - {id: r1, from: some, to: any, service: any, action: drop}\n");
    NsxExport exported = ExportNsxDfw(s, kOptions);
    ExpectSameDfw(s, exported);
    const Json infraSome = Parse(exported);
    const Json* some = FindGroup(infraSome, "some");
    ASSERT_NE(some, nullptr);
    EXPECT_EQ((*some)["expression"][0]["key"], "Name");
    EXPECT_EQ((*some)["expression"][0]["value"], "pc1");
    EXPECT_EQ((*some)["expression"][2]["ip_addresses"], Json::array({"10.2.0.10", "203.0.113.10"}));
}

TEST(NsxExportTest, ExternalIdsNameVmsWhenTheEstateHasThem)
{
    const Scenario base = Small("  some: {machines: [pc1, pc2]}\n",
                                "      - {id: r1, from: some, to: any, service: any, "
                                "action: drop}\n");
    Scenario::Parts parts;
    parts.sourceFile = base.SourceFile();
    parts.format = base.Format();
    parts.name = base.Name();
    std::vector<Machine> machines = base.GetEstate().Machines();
    machines[0].externalId = "5001-aaaa";
    const Estate& e = base.GetEstate();
    parts.estate = Estate(e.Segments(), e.Hosts(), machines, e.Externals());
    parts.groups = base.Groups();
    parts.services = base.Services();
    parts.firewalls[0] = *base.FindFirewall(FirewallKind::Dfw);
    parts.postures = base.Postures();
    Scenario s(std::move(parts));
    NsxExport exported = ExportNsxDfw(s, kOptions);
    ExpectSameDfw(s, exported);
    const Json infraSome = Parse(exported);
    const Json* some = FindGroup(infraSome, "some");
    ASSERT_NE(some, nullptr);
    EXPECT_EQ((*some)["expression"][0]["resource_type"], "ExternalIDExpression");
    EXPECT_EQ((*some)["expression"][0]["external_ids"], Json::array({"5001-aaaa"}));
    EXPECT_EQ((*some)["expression"][2]["value"], "pc2");
}

TEST(NsxExportTest, ExceptIsWrittenAsThePresentMembersWithAWarning)
{
    Scenario s = Small("  pcs: {tag: role|pc}\n  hr: {tag: dept|hr}\n"
                       "  not-hr: {all: [pcs], except: [hr]}\n",
                       "      - {id: r1, from: not-hr, to: any, service: any, action: drop}\n");
    NsxExport exported = ExportNsxDfw(s, kOptions);
    ExpectSameDfw(s, exported);
    EXPECT_TRUE(HasWarning(exported, "group 'not-hr' is written as its present members, "
                                     "statically: NSX groups cannot subtract"));
    const Json infraGroup = Parse(exported);
    const Json* group = FindGroup(infraGroup, "not-hr");
    ASSERT_NE(group, nullptr);
    EXPECT_EQ((*group)["expression"][0]["value"], "pc2");
    EXPECT_EQ((*group)["expression"][2]["ip_addresses"], Json::array({"10.2.0.10"}));
}

TEST(NsxExportTest, CriteriaNsxWouldEvaluateDifferentlyFallBackToStaticMembers)
{
    // NSX reads a tag without scope in any scope: "pc" would select every role|pc VM, while
    // segproof's tag selector matches the exact tag "pc", which no machine carries.
    Scenario s = Small("  bare: {tag: pc}\n",
                       "      - {id: r1, from: bare, to: any, service: any, action: drop}\n");
    NsxExport exported = ExportNsxDfw(s, kOptions);
    ExpectSameDfw(s, exported);
    EXPECT_TRUE(HasWarning(exported, "NSX would evaluate its criteria (tag pc) differently"));
    const Json infra = Parse(exported);
    EXPECT_TRUE((*FindGroup(infra, "bare"))["expression"].empty());
}

TEST(NsxExportTest, AnyAndAllArePathExpressionsJoinedByOrAndAnd)
{
    Scenario s = Small("  pcs: {tag: role|pc}\n  hr: {tag: dept|hr}\n  vdi: {segment: vdi}\n"
                       "  either: {any: [hr, vdi]}\n  both: {all: [pcs, vdi]}\n",
                       "      - {id: r1, from: either, to: both, service: any, action: drop}\n");
    NsxExport exported = ExportNsxDfw(s, kOptions);
    ExpectSameDfw(s, exported);
    Json infra = Parse(exported);
    const Json& both = (*FindGroup(infra, "both"))["expression"];
    ASSERT_EQ(both.size(), 3u);
    EXPECT_EQ(both[0]["paths"], Json::array({"/infra/domains/default/groups/pcs"}));
    EXPECT_EQ(both[1]["conjunction_operator"], "AND");
    EXPECT_EQ(both[2]["paths"], Json::array({"/infra/domains/default/groups/vdi"}));
    EXPECT_EQ((*FindGroup(infra, "either"))["expression"][1]["conjunction_operator"], "OR");
}

TEST(NsxExportTest, ServicesMapExactlyBareTcpIsEveryPort)
{
    Scenario s = Small("  pcs: {tag: role|pc}\n",
                       "      - {id: r1, from: pcs, to: pcs, service: [all-tcp, web, ping, "
                       "udp/1000-2000], action: allow}\n      - {id: r2, from: pcs, to: pcs, "
                       "service: icmp, action: allow}\n",
                       "  all-tcp: tcp\n  ping: icmp/8\n");
    NsxExport exported = ExportNsxDfw(s, kOptions);
    ExpectSameDfw(s, exported);
    Json infra = Parse(exported);
    const Json* allTcp = nullptr;
    for (const auto& child : infra["children"])
    {
        if (child.contains("Service") && child["Service"]["display_name"] == "all-tcp")
        {
            allTcp = &child["Service"];
        }
    }
    ASSERT_NE(allTcp, nullptr);
    EXPECT_EQ((*allTcp)["service_entries"][0]["l4_protocol"], "TCP");
    EXPECT_FALSE((*allTcp)["service_entries"][0].contains("destination_ports"));
    const std::vector<Json> policies = Policies(infra);
    const Json& r1 = policies[0]["children"][0]["Rule"];
    EXPECT_EQ(r1["services"].size(), 3u);
    EXPECT_EQ(r1["service_entries"][0]["l4_protocol"], "UDP");
    EXPECT_EQ(r1["service_entries"][0]["destination_ports"], Json::array({"1000-2000"}));
    const Json& r2 = policies[0]["children"][1]["Rule"];
    EXPECT_EQ(r2["service_entries"][0]["resource_type"], "ICMPTypeServiceEntry");
    EXPECT_FALSE(r2["service_entries"][0].contains("icmp_type"));
}

TEST(NsxExportTest, ACidrGroupInAppliedToIsWrittenForTheScopeAsItsVms)
{
    Scenario s = Small("  labnet: {cidr: 10.2.0.0/24}\n",
                       "      - {id: r1, from: any, to: any, service: web, action: allow, "
                       "applied_to: labnet}\n");
    NsxExport exported = ExportNsxDfw(s, kOptions);
    ExpectSameDfw(s, exported);
    EXPECT_TRUE(HasWarning(exported, "group 'labnet' is written for the scope (applied-to) of "
                                     "rule r1 as its VMs, statically ('labnet (VMs)')"));
    const Json infraVms = Parse(exported);
    const Json* vms = FindGroup(infraVms, "labnet (VMs)");
    ASSERT_NE(vms, nullptr);
    EXPECT_EQ((*vms)["expression"][0]["value"], "srv1");
}

TEST(NsxExportTest, DirectionalDefaultsBecomeTwoCatchAllRules)
{
    Firewall dfw = *Seed().FindFirewall(FirewallKind::Dfw);
    dfw.defaultIn = Action::Drop;
    dfw.defaultOut = Action::Allow;
    Scenario s = Seed().WithFirewall(dfw);
    NsxExport exported = ExportNsxDfw(s, kOptions);
    ExpectSameDfw(s, exported);
    EXPECT_TRUE(HasWarning(exported, "the DFW's default differs by direction (in: drop, out: "
                                     "allow)"));
    NsxImport back = ReadNsxDfwText(exported.json, "export.json", s.GetEstate());
    EXPECT_EQ(back.firewall.rules.back().id, "default-out");
}

TEST(NsxExportTest, LoggedIsWrittenForEveryRuleAndReadBack)
{
    Scenario s = Small("  pcs: {tag: role|pc}\n",
                       "      - {id: watched, from: pcs, to: pcs, service: web, action: drop, "
                       "logged: true}\n"
                       "      - {id: quiet, from: pcs, to: pcs, service: any, action: allow}\n");
    NsxExport exported = ExportNsxDfw(s, kOptions);
    ExpectSameDfw(s, exported);
    const std::vector<Json> policies = Policies(Parse(exported));
    ASSERT_EQ(policies[0]["children"].size(), 2u);
    EXPECT_EQ(policies[0]["children"][0]["Rule"]["logged"], true);
    EXPECT_EQ(policies[0]["children"][1]["Rule"]["logged"], false);
    NsxImport back = ReadNsxDfwText(exported.json, "export.json", s.GetEstate());
    EXPECT_TRUE(back.firewall.rules.at(0).logged);
    EXPECT_FALSE(back.firewall.rules.at(1).logged);
}

TEST(NsxExportTest, IdsAreSanitisedUniqueButForCaseAndDisplayNamesKept)
{
    EXPECT_EQ(SanitizeNsxId("micro seg+q/1"), "micro_seg_q_1");
    EXPECT_EQ(SanitizeNsxId(""), "_");
    NsxIdAllocator ids;
    EXPECT_EQ(ids.Allocate("web servers"), "web_servers");
    EXPECT_EQ(ids.Allocate("web_servers"), "web_servers-2");
    EXPECT_EQ(ids.Allocate("Web_Servers"), "Web_Servers-3");
    Scenario s = Small("  pcs: {tag: role|pc}\n",
                       "      - {id: \"allow web+tls\", from: pcs, to: pcs, service: web, "
                       "action: allow}\n");
    Json infra = Parse(ExportNsxDfw(s, kOptions));
    const std::vector<Json> policies = Policies(infra);
    const Json& rule = policies[0]["children"][0]["Rule"];
    EXPECT_EQ(rule["id"], "allow_web_tls");
    EXPECT_EQ(rule["display_name"], "allow web+tls");
}

TEST(NsxExportTest, AnNsxImportedDfwKeepsItsGroupNames)
{
    const Scenario seedNsx =
        ReadScenarioFile(std::string(SEGPROOF_SCENARIOS_DIR) + "/seed-nsx.yaml");
    NsxExport exported = ExportNsxDfw(seedNsx, kOptions);
    ExpectSameDfw(seedNsx, exported);
    NsxImport back = ReadNsxDfwText(exported.json, "export.json", seedNsx.GetEstate());
    const Firewall& original = *seedNsx.FindFirewall(FirewallKind::Dfw);
    for (std::size_t i = 0; i < original.rules.size(); ++i)
    {
        EXPECT_EQ(back.firewall.rules[i].from.written, original.rules[i].from.written);
        EXPECT_EQ(back.firewall.rules[i].to.written, original.rules[i].to.written);
    }
    // The quarantine group stays a tag condition.
    const Json infraQuarantined = Parse(exported);
    const Json* quarantined = FindGroup(infraQuarantined, "Quarantined");
    ASSERT_NE(quarantined, nullptr);
    EXPECT_EQ((*quarantined)["expression"][0]["value"], "virus_found|true");
}

TEST(NsxExportTest, AScenarioWithoutDfwIsRefused)
{
    const std::string text = R"(format: segproof/v1
name: no-dfw
estate:
  segments: [{name: s, cidr: 10.0.0.0/24}]
  machines: [{name: m, kind: server, segment: s}]
firewalls:
  perimeter: {default: drop}
)";
    Scenario s = ReadScenarioText(text, "no-dfw.yaml");
    EXPECT_THROW(ExportNsxDfw(s, kOptions), InputError);
}

// The importer (formats/nsx/nsx-group-resolver) reads what the export writes.

std::string
GroupDocument(const std::string& expression)
{
    return R"({"resource_type": "Infra", "children": [{"resource_type": "ChildDomain",
  "Domain": {"id": "default", "children": [
    {"resource_type": "ChildGroup", "Group": {"id": "g", "expression": [)" +
           expression + R"(]}},
    {"resource_type": "ChildSecurityPolicy", "SecurityPolicy": {"id": "p",
      "category": "Application", "rules": [{"id": "r", "action": "DROP",
        "source_groups": ["/infra/domains/default/groups/g"], "destination_groups": ["ANY"],
        "services": ["ANY"], "sequence_number": 1}]}}]}}]})";
}

TEST(NsxGroupResolverTest, ASegmentPathSelectsTheVmsOnThatSegment)
{
    Scenario s = Small("", "      - {id: r1, from: any, to: any, service: any, action: drop}\n");
    NsxImport back = ReadNsxDfwText(
        GroupDocument(R"({"resource_type": "PathExpression", "paths": ["/infra/segments/lab"]})"),
        "g.json", s.GetEstate());
    // srv1 has a host; box1 on the same segment has none, so NSX does not see it.
    EXPECT_EQ(back.firewall.rules[0].from.addresses.ToString(), "10.2.0.11");
}

TEST(NsxGroupResolverTest, AnUnknownSegmentPathIsAnErrorWithASuggestion)
{
    Scenario s = Small("", "      - {id: r1, from: any, to: any, service: any, action: drop}\n");
    try
    {
        ReadNsxDfwText(
            GroupDocument(
                R"({"resource_type": "PathExpression", "paths": ["/infra/segments/lb"]})"),
            "g.json", s.GetEstate());
        FAIL() << "no error";
    }
    catch (const InputError& e)
    {
        const std::string message = e.Diagnostics().front().ToString();
        EXPECT_NE(message.find("g.json:3:"), std::string::npos) << message;
        EXPECT_NE(message.find("unknown segment '/infra/segments/lb'"), std::string::npos)
            << message;
        EXPECT_NE(message.find("did you mean '/infra/segments/lab'"), std::string::npos) << message;
    }
}

TEST(NsxGroupResolverTest, ExternalIdsOfAHandWrittenEstateMatchNothingWithOneWarning)
{
    Scenario s = Small("", "      - {id: r1, from: any, to: any, service: any, action: drop}\n");
    NsxImport back = ReadNsxDfwText(
        GroupDocument(R"({"resource_type": "ExternalIDExpression", "member_type": "VirtualMachine",
          "external_ids": ["5001-aaaa"]}, {"resource_type": "ConjunctionOperator",
          "conjunction_operator": "OR"}, {"resource_type": "ExternalIDExpression",
          "member_type": "VirtualMachine", "external_ids": ["5001-bbbb"]})"),
        "g.json", s.GetEstate());
    EXPECT_TRUE(back.firewall.rules[0].from.addresses.IsEmpty());
    std::size_t warnings = 0;
    for (const auto& w : back.warnings)
    {
        warnings += w.message.find("ExternalIDExpression matches no machine") != std::string::npos;
    }
    EXPECT_EQ(warnings, 1u);
}

TEST(NsxGroupResolverTest, AnExternalIdExpressionOfAnotherMemberTypeIsRefused)
{
    Scenario s = Small("", "      - {id: r1, from: any, to: any, service: any, action: drop}\n");
    EXPECT_THROW(ReadNsxDfwText(GroupDocument(R"({"resource_type": "ExternalIDExpression",
          "member_type": "VirtualNetworkInterface", "external_ids": ["x"]})"),
                                "g.json", s.GetEstate()),
                 InputError);
}

} // namespace
