// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
// The NSX Policy API import: the samples under scenarios/nsx/ (one per feature of section 4 of
// the spec, plus the seed's DFW written twice, as an Infra document and as a bundle) and the
// refusal corpus under tests/data/nsx/, each checked to the exact rule, address and message.

#include "core/connection.h"
#include "core/first-match.h"
#include "core/input-error.h"
#include "core/ipv4.h"
#include "formats/nsx/nsx-reader.h"
#include "formats/scenario/scenario-reader.h"

#include <gtest/gtest.h>
#include <initializer_list>
#include <string>
#include <utility>
#include <vector>

namespace
{

using namespace segproof::core;
using namespace segproof::formats;

const std::string kNsxDir = std::string(SEGPROOF_SCENARIOS_DIR) + "/nsx/";
const std::string kBadDir = std::string(SEGPROOF_TEST_DATA_DIR) + "/nsx/";
const std::string kPolicies = "/infra/domains/default/security-policies/";

/// The seed scenario: its estate is what the samples are written against.
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
    return ReadNsxDfw(kNsxDir + file, Seed().GetEstate());
}

Ipv4Address
Ip(const std::string& text)
{
    auto ip = ParseIpv4(text);
    EXPECT_TRUE(ip.has_value()) << text;
    return ip.value_or(0);
}

/// An address set from "a.b.c.d" and "a.b.c.d-e.f.g.h" items.
AddressSet
Addresses(std::initializer_list<std::string> items)
{
    AddressSet set;
    for (const auto& item : items)
    {
        auto dash = item.find('-');
        if (dash == std::string::npos)
        {
            set.Add(Ip(item));
        }
        else
        {
            set.Add(Ip(item.substr(0, dash)), Ip(item.substr(dash + 1)));
        }
    }
    return set;
}

std::vector<std::string>
Ids(const Firewall& firewall)
{
    std::vector<std::string> ids;
    for (const auto& rule : firewall.rules)
    {
        ids.push_back(rule.id);
    }
    return ids;
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
Strings(const std::vector<Diagnostic>& diagnostics)
{
    std::vector<std::string> lines;
    for (const auto& d : diagnostics)
    {
        lines.push_back(d.ToString());
    }
    return lines;
}

/// The diagnostics a refusal file gives, each "PATH:LINE:COL: message".
std::vector<std::string>
Refusals(const std::string& file)
{
    try
    {
        ReadNsxDfw(kBadDir + file, Seed().GetEstate());
    }
    catch (const InputError& e)
    {
        return Strings(e.Diagnostics());
    }
    ADD_FAILURE() << file << " was accepted; expected an InputError";
    return {};
}

/// "PATH:LINE:COL: message" for a corpus file.
std::string
At(const std::string& file, const std::string& rest)
{
    return kBadDir + file + ":" + rest;
}

/// The entries of a service set, as text.
std::vector<std::string>
Entries(const ServiceSet& service)
{
    std::vector<std::string> entries;
    for (const auto& e : service.entries)
    {
        entries.push_back(e.ToString());
    }
    return entries;
}

Connection
Tcp(const std::string& source, const std::string& destination, std::uint16_t port)
{
    Connection c;
    c.source = Ip(source);
    c.destination = Ip(destination);
    c.protocol = static_cast<std::uint8_t>(Protocol::Tcp);
    c.sourcePort = 49152;
    c.destinationPort = port;
    return c;
}

/// The id of the deciding rule, or "default".
std::string
Decider(const Firewall& firewall, const Connection& c, Side side, const std::string& machine)
{
    FirstMatch match = EvaluateFirewall(firewall, c, side, Ip(machine));
    return match.rule ? match.rule->id : "default:" + ActionName(match.action);
}

// ---------------------------------------------------------------- the seed, twice

const std::vector<std::string> kSeedIds = {"quarantine-out", "quarantine-in",  "vdi-isolation",
                                           "desktops-ad",    "desktops-files", "desktops-mail",
                                           "desktops-proxy", "admins-servers", "servers-ad",
                                           "proxy-egress",   "mail-egress",    "mail-ingress"};

TEST(NsxReaderTest, SeedInfraDocumentImportsTheSeedRulesInCategoryOrder)
{
    NsxImport nsx = Import("seed-dfw-infra.json");
    EXPECT_EQ(nsx.firewall.kind, FirewallKind::Dfw);
    EXPECT_EQ(Ids(nsx.firewall), kSeedIds);
    EXPECT_EQ(nsx.firewall.defaultIn, Action::Drop);
    EXPECT_EQ(nsx.firewall.defaultOut, Action::Drop);
    EXPECT_EQ(nsx.firewall.applicationStart, 3u);
    EXPECT_EQ(Strings(nsx.warnings),
              std::vector<std::string>{
                  kNsxDir + "seed-dfw-infra.json:1087:27: skipped policy " + kPolicies +
                  "default-layer2-section (1 rule): the Ethernet category holds layer-2 rules, "
                  "and segproof models layer-3 IPv4 connections"});
}

TEST(NsxReaderTest, SeedBundleGivesTheSameRulesAsTheInfraDocument)
{
    NsxImport infra = Import("seed-dfw-infra.json");
    NsxImport bundle = Import("seed-dfw-bundle.json");
    EXPECT_TRUE(bundle.warnings.empty());
    ASSERT_EQ(Ids(bundle.firewall), kSeedIds);
    EXPECT_EQ(bundle.firewall.defaultIn, Action::Drop);
    EXPECT_EQ(bundle.firewall.applicationStart, 3u);
    for (std::size_t i = 0; i < kSeedIds.size(); ++i)
    {
        const Rule& a = infra.firewall.rules[i];
        const Rule& b = bundle.firewall.rules[i];
        EXPECT_EQ(a.from.written, b.from.written) << a.id;
        EXPECT_EQ(a.from.addresses, b.from.addresses) << a.id;
        EXPECT_EQ(a.to.addresses, b.to.addresses) << a.id;
        EXPECT_EQ(Entries(a.service), Entries(b.service)) << a.id;
        EXPECT_EQ(a.action, b.action) << a.id;
        EXPECT_EQ(a.logged, b.logged) << a.id;
    }
}

TEST(NsxReaderTest, LoggedIsReadFromEachRule)
{
    // The seed logs its quarantine rules ("logged": true) and no other ("logged": false).
    const Firewall fw = Import("seed-dfw-infra.json").firewall;
    std::vector<std::string> logged;
    for (const auto& rule : fw.rules)
    {
        if (rule.logged)
        {
            logged.push_back(rule.id);
        }
    }
    EXPECT_EQ(logged, (std::vector<std::string>{"quarantine-out", "quarantine-in"}));
    // A rule without the field is not logged.
    EXPECT_FALSE(FindRule(Import("features-order.json").firewall, "em-1").logged);
}

TEST(NsxReaderTest, SeedRulesNameGroupsAndServicesByDisplayName)
{
    const Firewall fw = Import("seed-dfw-infra.json").firewall;
    const Rule& ad = FindRule(fw, "desktops-ad");
    EXPECT_EQ(ad.from.written, std::vector<std::string>{"desktops"});
    EXPECT_EQ(ad.from.addresses, Addresses({"10.10.0.10-10.10.0.109"}));
    EXPECT_EQ(ad.to.addresses, Addresses({"10.20.0.10"}));
    EXPECT_EQ(ad.service.written, (std::vector<std::string>{"Kerberos", "LDAP", "DNS", "SMB"}));
    EXPECT_EQ(Entries(ad.service),
              (std::vector<std::string>{"tcp/88", "udp/88", "tcp/389", "tcp/636", "udp/389",
                                        "udp/53", "tcp/53", "tcp/445"}));
    const Rule& quarantine = FindRule(fw, "quarantine-out");
    EXPECT_EQ(quarantine.from.written, std::vector<std::string>{"Quarantined"});
    EXPECT_TRUE(quarantine.from.addresses.IsEmpty()); // nobody carries virus_found|true yet
    EXPECT_TRUE(quarantine.to.addresses.IsAll());
    EXPECT_EQ(quarantine.to.written, std::vector<std::string>{"any"});
    EXPECT_TRUE(quarantine.service.IsAny());
}

/// Every named service of the seed, by its first and last port, and a few others.
std::vector<Connection>
Probes(const Scenario& seed)
{
    std::vector<Connection> probes;
    auto add = [&probes](std::uint8_t protocol, std::uint16_t port, std::uint8_t icmpType)
    {
        Connection c;
        c.protocol = protocol;
        c.sourcePort = 50000;
        c.destinationPort = port;
        c.icmpType = icmpType;
        probes.push_back(c);
    };
    for (const auto& service : seed.Services())
    {
        for (const auto& e : service.entries)
        {
            if (e.protocol == static_cast<std::uint8_t>(Protocol::Icmp))
            {
                add(e.protocol, 0, static_cast<std::uint8_t>(e.icmpTypes.first));
                continue;
            }
            add(e.protocol, static_cast<std::uint16_t>(e.destinationPorts.first), 0);
            add(e.protocol, static_cast<std::uint16_t>(e.destinationPorts.last), 0);
        }
    }
    const auto tcp = static_cast<std::uint8_t>(Protocol::Tcp);
    const auto udp = static_cast<std::uint8_t>(Protocol::Udp);
    const auto icmp = static_cast<std::uint8_t>(Protocol::Icmp);
    for (int port : {22, 8443, 49152, 65535})
    {
        add(tcp, static_cast<std::uint16_t>(port), 0);
    }
    for (int port : {123, 161, 445})
    {
        add(udp, static_cast<std::uint16_t>(port), 0);
    }
    add(icmp, 0, 0);
    add(icmp, 0, 3);
    add(icmp, 0, 8);
    return probes;
}

/// Compares two DFWs on every pair of machines plus a rogue address in each segment and an
/// external address, on both
/// sides; returns the number of decisions compared.
std::size_t
ExpectSameDecisions(const Firewall& native, const Firewall& imported, const std::string& label)
{
    const Scenario& seed = Seed();
    std::vector<Ipv4Address> addresses;
    for (const auto& machine : seed.GetEstate().Machines())
    {
        addresses.push_back(machine.ip);
    }
    addresses.push_back(Ip("10.10.0.200"));  // rogue: in the vdi segment, no machine
    addresses.push_back(Ip("10.20.0.20"));   // rogue: in the server segment, no machine
    addresses.push_back(Ip("203.0.113.10")); // external: c2
    const std::vector<Connection> probes = Probes(seed);
    std::size_t compared = 0;
    std::size_t mismatches = 0;
    for (Ipv4Address source : addresses)
    {
        for (Ipv4Address destination : addresses)
        {
            if (source == destination)
            {
                continue;
            }
            for (Connection c : probes)
            {
                c.source = source;
                c.destination = destination;
                for (auto [side, machine] :
                     {std::make_pair(Side::Out, source), std::make_pair(Side::In, destination)})
                {
                    FirstMatch a = EvaluateFirewall(native, c, side, machine);
                    FirstMatch b = EvaluateFirewall(imported, c, side, machine);
                    std::string aId = a.rule ? a.rule->id : "default";
                    std::string bId = b.rule ? b.rule->id : "default";
                    ++compared;
                    if (a.action != b.action || aId != bId)
                    {
                        if (++mismatches <= 5)
                        {
                            ADD_FAILURE() << label << ": " << c.ToString() << " "
                                          << (side == Side::Out ? "OUT" : "IN") << ": native "
                                          << aId << " " << ActionName(a.action) << ", NSX " << bId
                                          << " " << ActionName(b.action);
                        }
                    }
                }
            }
        }
    }
    EXPECT_EQ(mismatches, 0u) << label;
    return compared;
}

TEST(NsxEquivalenceTest, SeedInfraDocumentDecidesLikeTheNativeDfw)
{
    const Firewall* native = Seed().FindFirewall(FirewallKind::Dfw);
    ASSERT_NE(native, nullptr);
    NsxImport nsx = Import("seed-dfw-infra.json");
    EXPECT_GT(ExpectSameDecisions(*native, nsx.firewall, "infra"), 100000u);
}

TEST(NsxEquivalenceTest, SeedBundleDecidesLikeTheNativeDfw)
{
    const Firewall* native = Seed().FindFirewall(FirewallKind::Dfw);
    ASSERT_NE(native, nullptr);
    NsxImport nsx = Import("seed-dfw-bundle.json");
    EXPECT_GT(ExpectSameDecisions(*native, nsx.firewall, "bundle"), 100000u);
}

// ---------------------------------------------------------------- ordering

TEST(NsxReaderTest, PoliciesFollowCategoryThenSequenceNumberAndRulesTheirOwn)
{
    NsxImport nsx = Import("features-order.json");
    // File order: app-b, loose (no category), layer2 (Ethernet), emergency, app-a, infra, env.
    EXPECT_EQ(Ids(nsx.firewall),
              (std::vector<std::string>{"em-1", "infra-1", "env-1", "app-a-1", "app-a-2", "app-b-1",
                                        "app-b-2", "loose-1"}));
    EXPECT_EQ(nsx.firewall.applicationStart, 3u);
    EXPECT_EQ(nsx.firewall.defaultIn, Action::Allow); // no default rule: NSX's factory default
    EXPECT_EQ(nsx.firewall.defaultOut, Action::Allow);
    const std::string file = kNsxDir + "features-order.json";
    EXPECT_EQ(Strings(nsx.warnings),
              (std::vector<std::string>{
                  file + ":87:19: skipped policy " + kPolicies +
                      "layer2 (1 rule): the Ethernet category holds layer-2 rules, and segproof "
                      "models layer-3 IPv4 connections",
                  file + ":138:30: rules app-a-1 and app-a-2 share sequence_number 5 (in policy " +
                      kPolicies +
                      "app-a): NSX leaves their order undefined, so verify states a "
                      "verdict only when it holds under every order they allow (else "
                      "UNKNOWN); lint, matrix, diff and simulate take file order"}));
}

TEST(NsxReaderTest, ActionsDirectionsAndDisabledAreKept)
{
    const Firewall fw = Import("features-order.json").firewall;
    const Rule& em = FindRule(fw, "em-1");
    EXPECT_TRUE(em.disabled);
    EXPECT_EQ(em.action, Action::Drop);
    EXPECT_EQ(FindRule(fw, "infra-1").action, Action::Reject);
    EXPECT_EQ(FindRule(fw, "infra-1").direction, Direction::In);
    EXPECT_EQ(FindRule(fw, "env-1").direction, Direction::Out);
    EXPECT_EQ(FindRule(fw, "app-a-1").direction, Direction::InOut);
    EXPECT_FALSE(FindRule(fw, "app-a-1").disabled);
    EXPECT_EQ(FindRule(fw, "app-b-1").to.addresses, Addresses({"10.20.0.11"}));

    // The disabled emergency drop never decides: the Application allow does.
    EXPECT_EQ(Decider(fw, Tcp("10.10.0.10", "10.20.0.11", 445), Side::Out, "10.10.0.10"),
              "app-a-1");
    // infra-1 rejects inbound only; outbound env-1 allows.
    EXPECT_EQ(Decider(fw, Tcp("10.10.0.11", "10.20.0.11", 445), Side::In, "10.20.0.11"), "infra-1");
    EXPECT_EQ(Decider(fw, Tcp("10.10.0.11", "10.20.0.11", 445), Side::Out, "10.10.0.11"), "env-1");
    // Policies without a category come after the Application category.
    EXPECT_EQ(Decider(fw, Tcp("10.10.0.13", "10.20.0.11", 445), Side::Out, "10.10.0.13"),
              "loose-1");
}

// ---------------------------------------------------------------- jump, scope, default

TEST(NsxReaderTest, JumpToApplicationSkipsTheRestOfTheEarlierCategories)
{
    const Firewall fw = Import("features-jump-scope.json").firewall;
    EXPECT_EQ(Ids(fw), (std::vector<std::string>{"desktops-to-apps", "zone-drop", "admin-rdp",
                                                 "admin-smb", "files-in", "files-out"}));
    EXPECT_EQ(FindRule(fw, "desktops-to-apps").action, Action::JumpToApplication);
    EXPECT_EQ(fw.applicationStart, 2u);
    // A desktop jumps over zone-drop to the Application rules.
    EXPECT_EQ(Decider(fw, Tcp("10.10.0.12", "10.20.0.11", 445), Side::Out, "10.10.0.12"),
              "files-out");
    EXPECT_EQ(Decider(fw, Tcp("10.10.0.12", "10.20.0.11", 445), Side::In, "10.20.0.11"),
              "files-in");
    // A server does not match the jump: zone-drop decides.
    EXPECT_EQ(Decider(fw, Tcp("10.20.0.10", "10.20.0.11", 445), Side::Out, "10.20.0.10"),
              "zone-drop");
    // A desktop's jump on a service no Application rule allows ends at the default.
    EXPECT_EQ(Decider(fw, Tcp("10.10.0.12", "10.20.0.11", 80), Side::Out, "10.10.0.12"),
              "default:reject");
}

TEST(NsxReaderTest, PolicyScopeTakesPrecedenceOverRuleScope)
{
    NsxImport nsx = Import("features-jump-scope.json");
    const Rule& rdp = FindRule(nsx.firewall, "admin-rdp");
    EXPECT_EQ(rdp.appliedTo.written, std::vector<std::string>{"admins"});
    EXPECT_EQ(rdp.appliedTo.addresses, Addresses({"10.10.0.10-10.10.0.11"}));
    EXPECT_EQ(FindRule(nsx.firewall, "admin-smb").appliedTo.addresses,
              Addresses({"10.10.0.10-10.10.0.11"}));
    EXPECT_EQ(Strings(nsx.warnings),
              std::vector<std::string>{kNsxDir + "features-jump-scope.json:297:30: the scope of "
                                                 "rule admin-rdp has no effect: its policy's "
                                                 "scope (admins) takes precedence, as in NSX"});
    // The admin's own vNIC evaluates admin-smb; another desktop's does not.
    EXPECT_EQ(Decider(nsx.firewall, Tcp("10.10.0.10", "10.20.0.11", 445), Side::Out, "10.10.0.10"),
              "admin-smb");
}

TEST(NsxReaderTest, RuleScopeAppliesWhenThePolicyHasNone)
{
    const Firewall fw = Import("features-jump-scope.json").firewall;
    const Rule& in = FindRule(fw, "files-in");
    EXPECT_EQ(in.appliedTo.written, std::vector<std::string>{"file-servers"});
    EXPECT_EQ(in.appliedTo.addresses, Addresses({"10.20.0.11"}));
    EXPECT_TRUE(FindRule(fw, "files-out").AppliesEverywhere()); // scope ["ANY"]
    EXPECT_TRUE(FindRule(fw, "zone-drop").AppliesEverywhere());
}

TEST(NsxReaderTest, DefaultLayer3RuleBecomesTheDefault)
{
    const Firewall jump = Import("features-jump-scope.json").firewall;
    EXPECT_EQ(jump.defaultIn, Action::Reject);
    EXPECT_EQ(jump.defaultOut, Action::Reject);
    const Firewall services = Import("features-services.json").firewall;
    EXPECT_EQ(services.defaultIn, Action::Drop);
    for (const auto& id : Ids(services))
    {
        EXPECT_NE(id, "default-layer3-rule");
    }
}

TEST(NsxReaderTest, CatchAllFollowedByRulesWithoutCategoryStaysARule)
{
    NsxImport nsx = Import("features-default.json");
    EXPECT_EQ(Ids(nsx.firewall),
              (std::vector<std::string>{"app-1", "default-layer3-rule", "late-1"}));
    EXPECT_EQ(nsx.firewall.defaultIn, Action::Allow);
    EXPECT_EQ(nsx.firewall.applicationStart, 0u);
    EXPECT_EQ(Strings(nsx.warnings),
              std::vector<std::string>{
                  kNsxDir + "features-default.json:57:11: rule default-layer3-rule matches "
                            "everything in the last position of the Application category, but "
                            "is kept as a rule, not the default: it is followed by 1 rule of "
                            "policies without a category, which never match"});
    EXPECT_EQ(Decider(nsx.firewall, Tcp("10.10.0.10", "10.20.0.11", 445), Side::Out, "10.10.0.10"),
              "default-layer3-rule");
}

// ---------------------------------------------------------------- groups

TEST(NsxReaderTest, ConditionsMatchVirtualMachinesCaseInsensitively)
{
    const Firewall fw = Import("features-groups.json").firewall;
    auto from = [&fw](const std::string& id) { return FindRule(fw, id).from.addresses; };
    EXPECT_EQ(from("name-eq"), Addresses({"10.20.0.11"}));                    // Name EQUALS FS01
    EXPECT_EQ(from("computer-starts"), Addresses({"10.10.0.10-10.10.0.18"})); // vdi001-009
    EXPECT_EQ(from("os-contains"), Addresses({"10.20.0.10-10.20.0.11"}));     // Windows Server
    EXPECT_EQ(from("os-ends"), Addresses({"10.20.0.12-10.20.0.13"}));         // Linux
    EXPECT_EQ(from("not-desktop"), Addresses({"10.20.0.10-10.20.0.13"}));     // Tag NOTEQUALS
    EXPECT_EQ(from("tag-contains"), Addresses({"10.20.0.11"}));               // role|*serv*
    EXPECT_TRUE(from("empty").IsEmpty());
}

TEST(NsxReaderTest, TagValuesWithoutScopeMatchAnyScopeAndScopeOnlyMatchesAnyTag)
{
    const Firewall fw = Import("features-groups.json").firewall;
    EXPECT_EQ(FindRule(fw, "tag-any-scope").from.addresses,
              Addresses({"10.10.0.10-10.10.0.11"})); // "it-admin"
    EXPECT_EQ(FindRule(fw, "tag-bar-no-scope").from.addresses,
              Addresses({"10.20.0.10"})); // "|domain-controller"
    EXPECT_EQ(FindRule(fw, "scope-only").from.addresses,
              Addresses({"10.10.0.10-10.10.0.94"})); // "hostfw|": vdi001-085
}

TEST(NsxReaderTest, AndBindsTighterThanOr)
{
    const Firewall fw = Import("features-groups.json").firewall;
    // [proxy, OR, OS contains Server, AND, Name starts with fs] = proxy01 + fs01; read left to
    // right it would be fs01 alone.
    EXPECT_EQ(FindRule(fw, "and-or").from.addresses, Addresses({"10.20.0.11", "10.20.0.13"}));
    // [(mail OR proxy), AND, OS Linux]
    EXPECT_EQ(FindRule(fw, "nested").from.addresses, Addresses({"10.20.0.12-10.20.0.13"}));
}

TEST(NsxReaderTest, IpAddressesAndNestedGroupsResolveRecursively)
{
    const Firewall fw = Import("features-groups.json").firewall;
    const AddressSet addresses =
        Addresses({"10.20.0.12", "10.30.0.0-10.30.0.255", "192.168.1.10-192.168.1.20"});
    EXPECT_EQ(FindRule(fw, "addresses").from.addresses, addresses);
    const AddressSet byPath = addresses.Union(Addresses({"10.20.0.11", "10.20.0.13"}));
    EXPECT_EQ(FindRule(fw, "by-path").from.addresses, byPath);
    EXPECT_EQ(FindRule(fw, "deep").from.addresses, byPath);
    EXPECT_EQ(FindRule(fw, "deep").from.written, std::vector<std::string>{"deep"});
}

TEST(NsxReaderTest, LiteralAddressesAndExclusionInSourceAndDestination)
{
    const Firewall fw = Import("features-groups.json").firewall;
    const Rule& literals = FindRule(fw, "literals");
    EXPECT_EQ(literals.from.written,
              (std::vector<std::string>{"10.10.0.10", "10.20.0.0/27", "10.30.0.1-10.30.0.5"}));
    EXPECT_EQ(literals.from.addresses,
              Addresses({"10.10.0.10", "10.20.0.0-10.20.0.31", "10.30.0.1-10.30.0.5"}));
    EXPECT_EQ(literals.to.written, (std::vector<std::string>{"name-eq", "203.0.113.10"}));
    EXPECT_EQ(literals.to.addresses, Addresses({"10.20.0.11", "203.0.113.10"}));

    const Rule& excluded = FindRule(fw, "excluded");
    EXPECT_EQ(excluded.from.written, std::vector<std::string>{"any except (os-ends, name-eq)"});
    EXPECT_EQ(excluded.from.addresses, Addresses({"10.20.0.11-10.20.0.13"}).Complement());
    EXPECT_EQ(excluded.to.written, std::vector<std::string>{"any except addresses"});
    EXPECT_EQ(excluded.to.addresses,
              Addresses({"10.20.0.12", "10.30.0.0-10.30.0.255", "192.168.1.10-192.168.1.20"})
                  .Complement());
}

TEST(NsxReaderTest, AnyIsCaseInsensitiveAndMissingListsMeanAny)
{
    const Firewall fw = Import("features-groups.json").firewall;
    for (const char* id : {"any-lowercase", "empty-lists"})
    {
        const Rule& rule = FindRule(fw, id);
        EXPECT_TRUE(rule.from.addresses.IsAll()) << id;
        EXPECT_TRUE(rule.to.addresses.IsAll()) << id;
        EXPECT_EQ(rule.from.written, std::vector<std::string>{"any"}) << id;
        EXPECT_TRUE(rule.service.IsAny()) << id;
        EXPECT_TRUE(rule.AppliesEverywhere()) << id;
    }
}

// ---------------------------------------------------------------- services

TEST(NsxReaderTest, ServicesMapPortRangesSourcePortsAndIcmp)
{
    const Firewall fw = Import("features-services.json").firewall;
    EXPECT_EQ(Ids(fw), (std::vector<std::string>{"r-range", "r-src", "r-icmp", "r-multi",
                                                 "r-inline", "r-both", "r-any"}));
    EXPECT_EQ(Entries(FindRule(fw, "r-range").service),
              (std::vector<std::string>{"tcp/1000-2000", "tcp/8443"}));
    EXPECT_EQ(FindRule(fw, "r-range").service.written, std::vector<std::string>{"range"});
    EXPECT_EQ(Entries(FindRule(fw, "r-src").service),
              std::vector<std::string>{"udp/53 from port 1024-65535"});
    EXPECT_EQ(Entries(FindRule(fw, "r-icmp").service),
              (std::vector<std::string>{"icmp/8", "icmp"}));
    EXPECT_EQ(Entries(FindRule(fw, "r-multi").service),
              (std::vector<std::string>{"tcp/80", "udp/80"}));
    EXPECT_TRUE(FindRule(fw, "r-any").service.IsAny());
    EXPECT_EQ(FindRule(fw, "r-any").direction, Direction::In);
}

TEST(NsxReaderTest, InlineServiceEntriesAddToServicePaths)
{
    const Firewall fw = Import("features-services.json").firewall;
    const Rule& inline_ = FindRule(fw, "r-inline");
    EXPECT_EQ(inline_.service.written, std::vector<std::string>{"tcp/22"});
    EXPECT_EQ(Entries(inline_.service), std::vector<std::string>{"tcp/22"});
    EXPECT_EQ(Entries(FindRule(fw, "r-both").service),
              (std::vector<std::string>{"tcp/1000-2000", "tcp/8443", "udp/5000-5001 from port 7",
                                        "udp/5000-5001 from port 9"}));
}

TEST(NsxReaderTest, ServiceEntriesDecideConnections)
{
    const Firewall fw = Import("features-services.json").firewall;
    const std::string a = "10.10.0.10";
    const std::string b = "10.20.0.11";
    EXPECT_EQ(Decider(fw, Tcp(a, b, 1500), Side::Out, a), "r-range");
    EXPECT_EQ(Decider(fw, Tcp(a, b, 2001), Side::Out, a), "default:drop");
    Connection dns;
    dns.source = Ip(a);
    dns.destination = Ip(b);
    dns.protocol = static_cast<std::uint8_t>(Protocol::Udp);
    dns.destinationPort = 53;
    dns.sourcePort = 1000; // below the source-port range
    EXPECT_EQ(Decider(fw, dns, Side::Out, a), "default:drop");
    dns.sourcePort = 40000;
    EXPECT_EQ(Decider(fw, dns, Side::Out, a), "r-src");
    Connection ping = dns;
    ping.protocol = static_cast<std::uint8_t>(Protocol::Icmp);
    ping.icmpType = 13;
    EXPECT_EQ(Decider(fw, ping, Side::Out, a), "r-icmp"); // icmp-all takes any type
    EXPECT_EQ(Decider(fw, Tcp(a, b, 22), Side::Out, a), "r-inline");
    EXPECT_EQ(Decider(fw, Tcp(a, b, 23), Side::In, b), "r-any");
}

// ---------------------------------------------------------------- the document's shape

TEST(NsxReaderTest, SkippedChildrenWarnAndUnreferencedObjectsAreNotRead)
{
    // Tab-indented; a ChildResourceReference to the Domain; a Segment-member group and an ALG
    // service that no rule uses (not read, so not refused); no display names.
    const std::string path = kBadDir + "skipped-children.json";
    NsxImport nsx = ReadNsxDfw(path, Seed().GetEstate());
    ASSERT_EQ(Ids(nsx.firewall), std::vector<std::string>{"to-files"});
    const Rule& rule = nsx.firewall.rules[0];
    EXPECT_EQ(rule.to.written,
              std::vector<std::string>{"/infra/domains/default/groups/file-servers"});
    EXPECT_EQ(rule.to.addresses, Addresses({"10.20.0.11"}));
    EXPECT_EQ(rule.service.written, std::vector<std::string>{"/infra/services/smb"});
    EXPECT_EQ(Entries(rule.service), std::vector<std::string>{"tcp/445"});
    EXPECT_EQ(rule.location.ToString(), path + ":101:8");
    EXPECT_EQ(Strings(nsx.warnings),
              (std::vector<std::string>{
                  path + ":5:21: skipped ChildTier1 (in infra): gateways are topology, which "
                         "segproof takes from the scenario's estate",
                  path + ":11:21: skipped ChildSegment (in infra): segments are topology, "
                         "which segproof takes from the scenario's estate",
                  path + ":17:21: skipped ChildPolicyContextProfile (in infra): context "
                         "profiles act only through rule 'profiles', which the import refuses"}));
    // The ChildGatewayPolicy is read as a gateway policy (for `gateway:` and `perimeter:`);
    // it has no rules, so the DFW has nothing to say about it.
    EXPECT_EQ(nsx.gatewayPolicies, 1u);
    EXPECT_EQ(nsx.gatewayRules, 0u);
}

TEST(NsxReaderTest, RuleIdsSharedByTwoPoliciesAreQualified)
{
    const std::string text = R"({"security_policies": [
      {"id": "a", "category": "Application", "sequence_number": 1,
       "rules": [{"id": "r", "action": "DROP", "source_groups": ["10.0.0.1"]}]},
      {"id": "b", "category": "Application", "sequence_number": 2,
       "rules": [{"id": "r", "action": "DROP", "source_groups": ["10.0.0.2"]}]}]})";
    NsxImport nsx = ReadNsxDfwText(text, "inline.json", Seed().GetEstate());
    EXPECT_EQ(Ids(nsx.firewall), (std::vector<std::string>{"a/r", "b/r"}));
}

// ---------------------------------------------------------------- refusals and bad input

TEST(NsxRefusalTest, RuleFeaturesOutsideTheModelAreRefusedByName)
{
    const std::string f = "refuse-rule-features.json";
    const std::string rule = "(in rule " + kPolicies + "p/rules/";
    EXPECT_EQ(
        Refusals(f),
        (std::vector<std::string>{
            At(f, "11:22: unsupported NSX feature: profiles = "
                  "[/infra/context-profiles/HTTP] " +
                      rule + "r1): layer-7 and context profiles are not modelled"),
            At(f, "12:59: unsupported NSX feature: source_groups = fe80::1 " + rule +
                      "r2): IPv6 is not modelled"),
            At(f, "12:86: unsupported NSX feature: ip_protocol = IPV6 " + rule +
                      "r2): segproof models IPv4 only"),
            At(f, "13:32: unsupported NSX feature: action = JUMP_TO_APPLICATION " + rule +
                      "r3): NSX accepts it only in the Environment category, and this "
                      "policy's category is Application"),
            At(f, "14:41: unsupported NSX feature: log_label = x " + rule + "r4)"),
            At(f, "14:72: unknown service '/infra/services/HTTPX': neither the export nor "
                  "NSX's built-in services define it " +
                      rule + "r4); did you mean '/infra/services/HTTP'?"),
            At(f, "15:81: unsupported NSX feature: service_entries = "
                  "[{resource_type: L4PortSetServiceEntry, l4_protocol: TCP}] " +
                      rule +
                      "r5): 'services' is ANY as well, and NSX does not define what the "
                      "two mean together"),
            At(f, "17:41: unsupported NSX feature: marked_for_delete = true " + rule + "r6)")}));
}

TEST(NsxRefusalTest, PolicyFeaturesAndUnknownChildrenAreRefusedByName)
{
    // The rules of a policy with errors are still checked, in the same pass.
    const std::string f = "refuse-policy-features.json";
    const std::string policy = "(in policy " + kPolicies;
    EXPECT_EQ(
        Refusals(f),
        (std::vector<std::string>{
            At(f, "6:67: unsupported NSX feature: stateful = false " + policy +
                      "stateless): a stateless policy lets no reply through that no rule "
                      "allows, and segproof's firewalls are stateful"),
            At(f, "7:34: unsupported NSX feature: connectivity_strategy = WHITELIST " + policy +
                      "stateless): it adds an implicit default rule to the policy; write "
                      "that rule explicitly"),
            At(f, "7:65: unsupported NSX feature: scheduler_path = "
                  "/infra/firewall-schedulers/night " +
                      policy + "stateless): time-windowed policies are not modelled"),
            At(f, "8:83: unsupported NSX feature: action = PERMIT (in rule " + kPolicies +
                      "stateless/rules/r): the actions are ALLOW, DROP, REJECT and "
                      "JUMP_TO_APPLICATION"),
            At(f, "10:37: unsupported NSX feature: category = SystemRules " + policy +
                      "system): the DFW categories are Ethernet, Emergency, "
                      "Infrastructure, Environment and Application"),
            At(f, "12:25: unsupported NSX feature: resource_type = ChildRedirectionPolicy "
                  "(in domain /infra/domains/default)"),
            At(f, "15:23: unsupported NSX feature: resource_type = "
                  "ChildIpfixCollectorProfile (in infra)")}));
}

TEST(NsxRefusalTest, GroupCriteriaOutsideTheModelAreRefusedByName)
{
    const std::string f = "refuse-groups.json";
    const std::string group = "(in group /infra/domains/default/groups/";
    EXPECT_EQ(
        Refusals(f),
        (std::vector<std::string>{
            At(f, "4:22: unsupported NSX feature: member_type = Segment " + group +
                      "segment-members): only VirtualMachine members are modelled"),
            At(f, "6:47: unsupported NSX feature: key = OSVersion " + group +
                      "os-version): the keys modelled are Tag, Name, ComputerName, "
                      "OSName"),
            At(f, "6:72: unsupported NSX feature: operator = MATCHES " + group +
                      "os-version): the operators modelled are EQUALS, NOTEQUALS, "
                      "CONTAINS, STARTSWITH, ENDSWITH"),
            At(f, "7:53: unsupported NSX feature: resource_type = MACAddressExpression " + group +
                      "macs)"),
            At(f, "9:65: unsupported NSX feature: extended_expression = "
                  "[{resource_type: IdentityGroupExpression, identity_groups: []}] " +
                      group +
                      "ad-users): identity (Active Directory) membership is not "
                      "modelled"),
            // A segment path is read (its VMs), but the seed estate has no segment "web".
            At(f, "12:17: unknown segment '/infra/segments/web': no segment of the estate has "
                  "this path (its nsxPath, or /infra/segments/NAME) " +
                      group + "segment-path)"),
            At(f, "14:24: unsupported NSX feature: ip_addresses = 2001:db8::/32 " + group +
                      "v6): IPv6 is not modelled"),
            At(f, "18:82: unsupported NSX feature: scope_operator = NOTEQUALS " + group + "vms)"),
            At(f, "31:18: unsupported NSX feature: scope = "
                  "/infra/domains/default/groups/nets (in rule " +
                      kPolicies +
                      "p/rules/r2): the group has IP-address members only, which have no "
                      "vNIC to enforce on (NSX refuses such a group in applied-to)"),
            At(f, "31:56: unsupported NSX feature: scope = 10.10.0.0/24 (in rule " + kPolicies +
                      "p/rules/r2): a scope lists groups; an address has no vNIC to "
                      "enforce on")}));
}

TEST(NsxRefusalTest, GroupCyclesAreSpeltOut)
{
    const std::string f = "group-cycle.json";
    const std::string g = "/infra/domains/default/groups/";
    EXPECT_EQ(Refusals(f),
              (std::vector<std::string>{At(f, "6:17: groups form a cycle: " + g + "a -> " + g +
                                                  "b -> " + g + "a (in group " + g + "b)"),
                                        At(f, "8:17: groups form a cycle: " + g + "self -> " + g +
                                                  "self (in group " + g + "self)")}));
}

TEST(NsxRefusalTest, BadValuesAreAllReportedInOnePass)
{
    const std::string f = "bad-values.json";
    const std::string group = " (in group /infra/domains/default/groups/desktops)";
    const std::string r = " (in rule " + kPolicies + "p/rules/";
    EXPECT_EQ(
        Refusals(f),
        (std::vector<std::string>{
            At(f, "6:7: expected a ConjunctionOperator between two expressions, got a "
                  "Condition" +
                      group),
            At(f, "8:72: 'conjunction_operator' must be AND or OR, got \"XOR\"" + group),
            At(f, "9:7: a Condition lacks 'value'" + group),
            At(f, "11:7: the expression list ends with a ConjunctionOperator" + group),
            At(f, "17:51: 'destination_ports' must list ports 0-65535 or ranges FIRST-LAST, got "
                  "the string \"70000\" (in service /infra/services/high)"),
            At(f, "17:60: 'destination_ports' must list ports 0-65535 or ranges FIRST-LAST, got "
                  "the string \"2000-1000\" (in service /infra/services/high)"),
            At(f, "20:63: 'sequence_number' must be a whole number from 0 to 2147483647, got "
                  "the string \"10\" (in policy " +
                      kPolicies + "p)"),
            At(f, "21:52: 'direction' must be IN, OUT or IN_OUT, got \"BOTH\"" + r + "r1)"),
            At(f, "21:72: 'disabled' must be true or false, got the string \"yes\"" + r + "r1)"),
            At(f, "22:7: a rule lacks 'action' (ALLOW, DROP, REJECT or JUMP_TO_APPLICATION)" + r +
                      "r2)"),
            At(f, "22:52: 'logged' must be true or false, got the number 1" + r + "r2)"),
            At(f,
               "23:61: duplicate field 'action' (first at " + kBadDir + f + ":23:20)" + r + "r3)"),
            At(f, "25:26: 'ANY' must be the only element of 'source_groups'" + r + "r4)"),
            At(f, "26:31: 'destination_groups': '10.0.0.5/24' has host bits set; did you mean "
                  "'10.0.0.0/24'?" +
                      r + "r4)"),
            At(f, "26:46: 'destination_groups': '10.0.0.9-10.0.0.1': the address range runs "
                  "backwards" +
                      r + "r4)"),
            At(f, "26:67: 'destination_groups': 'web-servers' is neither a group path, ANY, nor "
                  "an IPv4 address, CIDR or range" +
                      r + "r4)"),
            At(f, "28:26: unknown group '/infra/domains/default/groups/desktop': the export "
                  "defines no group with this path" +
                      r + "r5); did you mean '/infra/domains/default/groups/desktops'?"),
            At(f, "32:7: a rule lacks 'id' (in policy " + kPolicies + "p)"),
            At(f, "33:7: duplicate rule id 'r1' (first at " + kBadDir + f + ":21:7) (in policy " +
                      kPolicies + "p)")}));
}

TEST(NsxRefusalTest, UnknownBundleKeysAndListFieldsAreReported)
{
    const std::string f = "bundle-keys.json";
    EXPECT_EQ(Refusals(f),
              (std::vector<std::string>{
                  At(f, "3:3: unknown key 'service' in an NSX bundle; did you mean 'services'?"),
                  At(f, "4:59: unsupported NSX feature: page = 1 (in list result "
                        "security_policies)")}));
}

TEST(NsxRefusalTest, AFileThatIsNoExportSaysWhatIsExpected)
{
    EXPECT_EQ(Refusals("not-an-export.json"),
              std::vector<std::string>{
                  At("not-an-export.json",
                     "1:1: not an NSX Policy API export (expected an Infra document "
                     "{\"resource_type\": \"Infra\", \"children\": [...]} or a bundle {\"groups\": "
                     "[...], \"services\": [...], \"security_policies\": [...]})")});
}

TEST(NsxRefusalTest, JsonSyntaxErrorsAreLocated)
{
    EXPECT_EQ(Refusals("syntax-error.json"),
              std::vector<std::string>{At("syntax-error.json",
                                          "6:1: JSON syntax error: a list '[' is not closed with "
                                          "']' (or a ',' is missing)")});
    EXPECT_EQ(Refusals("surrogate-pair.json"),
              std::vector<std::string>{
                  At("surrogate-pair.json",
                     "1:69: JSON syntax error: a \\u escape that is not a character; yaml-cpp "
                     "cannot read a character outside the Basic Multilingual Plane written as a "
                     "surrogate pair (\\uD83D\\uDE00): write the character itself")});
}

TEST(NsxRefusalTest, MissingFileAndEmptyTextAreInputErrors)
{
    const std::string path = kBadDir + "no-such-file.json";
    try
    {
        ReadNsxDfw(path, Seed().GetEstate());
        FAIL() << "a missing file was accepted";
    }
    catch (const InputError& e)
    {
        EXPECT_EQ(Strings(e.Diagnostics()), std::vector<std::string>{path + ": no such file"});
    }
    try
    {
        ReadNsxDfwText("", "empty.json", Seed().GetEstate());
        FAIL() << "an empty text was accepted";
    }
    catch (const InputError& e)
    {
        EXPECT_EQ(Strings(e.Diagnostics()),
                  std::vector<std::string>{"empty.json:1:1: the file is empty"});
    }
}

} // namespace

namespace
{

using namespace segproof;

/// The message of the InputError `read` throws, or "" when it throws none.
template <typename Read>
std::string
InputErrorOf(Read read)
{
    try
    {
        read();
    }
    catch (const core::InputError& e)
    {
        return e.Diagnostics().at(0).ToString();
    }
    return "";
}

// Hostile paths end in an error, never in exhausted memory: /dev/zero never ends.
TEST(InputFileTest, AnEndlessFileStopsAtTheSizeLimit)
{
    core::Scenario seed = formats::ReadScenarioFile(SEGPROOF_SCENARIOS_DIR "/seed.yaml");
    EXPECT_EQ(InputErrorOf([&] { formats::ReadNsxDfw("/dev/zero", seed.GetEstate()); }),
              "/dev/zero: the file is larger than 67108864 bytes (the limit; see "
              "docs/limits.md)");
    EXPECT_EQ(InputErrorOf([] { formats::ReadScenarioFile("/dev/zero"); }),
              "/dev/zero: the file is larger than 67108864 bytes (the limit; see "
              "docs/limits.md)");
}

TEST(InputFileTest, ADirectoryWithoutJsonFilesIsNamedAsSuch)
{
    core::Scenario seed = formats::ReadScenarioFile(SEGPROOF_SCENARIOS_DIR "/seed.yaml");
    // A folder is read as NSX API responses (nsx-folder-test.cc); this one holds none.
    const std::string folder = SEGPROOF_TEST_DATA_DIR "/research";
    EXPECT_EQ(InputErrorOf([&] { formats::ReadNsxDfw(folder, seed.GetEstate()); }),
              folder + ": is a directory without .json files, neither an NSX export nor a "
                       "folder of NSX API responses");
}

} // namespace
