// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#include "core/input-error.h"
#include "formats/scenario/scenario-reader.h"

#include <gtest/gtest.h>
#include <string>
#include <vector>

namespace
{

using namespace segproof::core;
using namespace segproof::formats;

// One scenario that uses every construct of the format once; each test looks at one part.
const char* const kScenario = R"(format: segproof/v1
name: reader-test
description: Every construct of the format, once.
estate:
  segments:
    - {name: vdi, vlan: 110, cidr: 10.10.0.0/24}
    - {name: servers, vlan: 200, cidr: 10.20.0.0/27}
    - {name: lab, cidr: 10.30.0.0/24}
  hosts:
    - {name: "esx[01-02]"}
    - {name: esx-mgmt}
  machines:
    - name: "vdi[001-005]"
      kind: desktop
      segment: vdi
      host: "esx[01-02]"
      ip: auto
      tags: [role|vdi-desktop]
      os: Windows 10
    - {name: admin01, kind: desktop, segment: vdi, host: esx01, ip: 10.10.0.12,
       tags: [role|vdi-desktop, role|it-admin]}
    - {name: "pc[1-2]", kind: desktop, segment: vdi}
    - {name: fs01, kind: server, segment: servers, host: esx-mgmt, ip: 10.20.0.10,
       tags: [role|file-server], listens: [smb, tcp/8080], holds: {records: 1250000, bytes: 250MB},
       os: Windows Server 2012}
    - {name: "srv[1-3]", kind: server, segment: servers, host: [esx-mgmt, esx02], ip: 10.20.0.20}
    - {name: "lab[1-4]", kind: desktop, segment: lab, host: ["esx[01-02]", esx-mgmt],
       listens: []}
  external:
    - {name: c2, ip: 203.0.113.10}
groups:
  desktops: {tag: role|vdi-desktop}
  admins: {tag: role|it-admin}
  file-servers: {machines: [fs01]}
  picked: {machines: ["vdi[001-002]", c2]}
  vdi-seg: {segment: vdi}
  server-net: {cidr: 10.20.0.0/27}
  internal: {any: [desktops, file-servers]}
  fin-desktops: {all: [desktops, vdi-seg]}
  others: {all: [desktops], except: [admins]}
  early: {any: [late]}
  late: {machines: [pc1]}
  internal-net: {cidr: [10.0.0.0/8, 192.168.0.0/16]}
  internet: {all: [any], except: [internal-net]}
  tagged: {tag: [role|it-admin, role|file-server]}
  nobody: {tag: virus_found|true}
services:
  smb: tcp/445
  web: [tcp/80, tcp/443]
  rpc-dyn: tcp/49152-65535
  dns: [udp/53, tcp/53]
  ping: icmp/8
firewalls:
  dfw:
    default: drop
    rules:
      - {id: r1, from: desktops, to: file-servers, service: smb, action: allow, logged: true}
      - {id: r2, from: [admins, 10.30.0.0/24], to: 10.20.0.10, service: [web, tcp/8080],
         action: reject, direction: out, applied_to: [admins, file-servers]}
      - {id: r3, from: any, to: any, service: any, action: drop, direction: in, disabled: true,
         logged: false, description: switched off}
  gateway:
    default: allow
    rules:
      - {id: g1, from: vdi-seg, to: server-net, service: dns, action: drop}
  perimeter: {default: reject}
  host:
    applies_to: desktops
    default_in: drop
    default_out: allow
    rules:
      - {id: h1, from: admins, to: desktops, service: [tcp/3389, ping], action: allow,
         direction: in_out}
postures:
  flat: [perimeter]
  microseg: [dfw, gateway, perimeter]
  quarantined: {firewalls: [dfw, perimeter], quarantine: true, pattern: true, ids: prevent}
  host-only: {firewalls: [host], quarantine: false, pattern: false, ids: off}
intents:
  - {id: no-lateral, deny: {from: desktops, to: desktops, service: any}}
  - {id: files-ok, allow: {from: desktops, to: file-servers, service: smb},
     description: desktops open shares}
  - {id: jewels, only: {to: file-servers, from: [admins], service: any}}
  - {id: owned, deny: {from: desktops, to: 10.20.0.0/27, service: [smb, udp]},
     assume_compromised: [desktops, admins]}
attack:
  profile: targeted
  initial_access: {targets: [admins, "vdi[001-002]"], mails: 124, opened: 2, window: 12d}
  lateral: {techniques: [smb, rdp]}
  crown_jewels: file-servers
  exfiltration: {to: c2, via: direct}
defence:
  av: {detect_new: 0.5}
  pattern: {threshold: 3}
benign:
  web: 15m
)";

Ipv4Address
Ip(const std::string& text)
{
    auto ip = ParseIpv4(text);
    EXPECT_TRUE(ip.has_value()) << text;
    return ip.value_or(0);
}

class ScenarioReaderTest : public ::testing::Test
{
protected:
    ScenarioReaderTest() : m_scenario(ReadScenarioText(kScenario, "reader-test.yaml")) {}

    const Machine& M(const std::string& name) const
    {
        Index i = m_scenario.GetEstate().FindMachine(name);
        EXPECT_NE(i, kNone) << name;
        return m_scenario.GetEstate().Machines().at(static_cast<std::size_t>(i == kNone ? 0 : i));
    }

    std::string HostOf(const std::string& machine) const
    {
        Index h = M(machine).host;
        return h == kNone ? "(none)"
                          : m_scenario.GetEstate().Hosts().at(static_cast<std::size_t>(h)).name;
    }

    const AddressSet& G(const std::string& name) const
    {
        const Group* g = m_scenario.FindGroup(name);
        EXPECT_NE(g, nullptr) << name;
        static const AddressSet kEmpty;
        return g ? g->addresses : kEmpty;
    }

    AddressSet Of(const std::vector<std::string>& machines) const
    {
        AddressSet set;
        for (const auto& m : machines)
        {
            set.Add(M(m).ip);
        }
        return set;
    }

    const Rule& R(FirewallKind kind, std::size_t index) const
    {
        const Firewall* fw = m_scenario.FindFirewall(kind);
        EXPECT_NE(fw, nullptr);
        return fw->rules.at(index);
    }

    Scenario m_scenario;
};

TEST_F(ScenarioReaderTest, ReadsHeader)
{
    EXPECT_EQ(m_scenario.Format(), "segproof/v1");
    EXPECT_EQ(m_scenario.Name(), "reader-test");
    EXPECT_EQ(m_scenario.Description(), "Every construct of the format, once.");
    EXPECT_EQ(m_scenario.SourceFile(), "reader-test.yaml");
}

TEST_F(ScenarioReaderTest, ReadsSegmentsWithVlanAndCidr)
{
    const auto& segments = m_scenario.GetEstate().Segments();
    ASSERT_EQ(segments.size(), 3u);
    EXPECT_EQ(segments[0].name, "vdi");
    EXPECT_EQ(segments[0].vlan, 110);
    EXPECT_EQ(segments[0].cidr.ToString(), "10.10.0.0/24");
    EXPECT_EQ(segments[1].cidr.ToString(), "10.20.0.0/27");
    EXPECT_EQ(segments[2].vlan, 0); // optional
    EXPECT_EQ(segments[0].location.ToString(), "reader-test.yaml:6:7");
}

TEST_F(ScenarioReaderTest, ExpandsHostRanges)
{
    const auto& hosts = m_scenario.GetEstate().Hosts();
    ASSERT_EQ(hosts.size(), 3u);
    EXPECT_EQ(hosts[0].name, "esx01");
    EXPECT_EQ(hosts[1].name, "esx02");
    EXPECT_EQ(hosts[2].name, "esx-mgmt");
}

TEST_F(ScenarioReaderTest, ExpandsMachineRangesInFileOrder)
{
    std::vector<std::string> names;
    for (const auto& m : m_scenario.GetEstate().Machines())
    {
        names.push_back(m.name);
    }
    EXPECT_EQ(names, (std::vector<std::string>{"vdi001", "vdi002", "vdi003", "vdi004", "vdi005",
                                               "admin01", "pc1", "pc2", "fs01", "srv1", "srv2",
                                               "srv3", "lab1", "lab2", "lab3", "lab4"}));
}

TEST_F(ScenarioReaderTest, IpAutoStartsAtNetworkPlusTen)
{
    EXPECT_EQ(M("vdi001").ip, Ip("10.10.0.10"));
    EXPECT_EQ(M("vdi002").ip, Ip("10.10.0.11"));
    EXPECT_EQ(M("lab1").ip, Ip("10.30.0.10"));
}

TEST_F(ScenarioReaderTest, IpAutoSkipsExplicitAddressesEvenWhenDeclaredLater)
{
    // admin01 is written after vdi[001-005] but holds 10.10.0.12 explicitly.
    EXPECT_EQ(M("admin01").ip, Ip("10.10.0.12"));
    EXPECT_EQ(M("vdi003").ip, Ip("10.10.0.13"));
    EXPECT_EQ(M("vdi004").ip, Ip("10.10.0.14"));
    EXPECT_EQ(M("vdi005").ip, Ip("10.10.0.15"));
}

TEST_F(ScenarioReaderTest, IpDefaultsToAuto)
{
    EXPECT_EQ(M("pc1").ip, Ip("10.10.0.16"));
    EXPECT_EQ(M("pc2").ip, Ip("10.10.0.17"));
}

TEST_F(ScenarioReaderTest, ExplicitIpOnARangeIsTheFirstAndTheRestFollow)
{
    EXPECT_EQ(M("srv1").ip, Ip("10.20.0.20"));
    EXPECT_EQ(M("srv2").ip, Ip("10.20.0.21"));
    EXPECT_EQ(M("srv3").ip, Ip("10.20.0.22"));
}

TEST_F(ScenarioReaderTest, MachinesOfOneEntryAreSpreadRoundRobinOverItsHosts)
{
    EXPECT_EQ(HostOf("vdi001"), "esx01");
    EXPECT_EQ(HostOf("vdi002"), "esx02");
    EXPECT_EQ(HostOf("vdi003"), "esx01");
    EXPECT_EQ(HostOf("vdi004"), "esx02");
    EXPECT_EQ(HostOf("vdi005"), "esx01");
    EXPECT_EQ(HostOf("srv1"), "esx-mgmt");
    EXPECT_EQ(HostOf("srv2"), "esx02");
    EXPECT_EQ(HostOf("srv3"), "esx-mgmt");
}

TEST_F(ScenarioReaderTest, HostListMayMixRangesAndNames)
{
    EXPECT_EQ(HostOf("lab1"), "esx01");
    EXPECT_EQ(HostOf("lab2"), "esx02");
    EXPECT_EQ(HostOf("lab3"), "esx-mgmt");
    EXPECT_EQ(HostOf("lab4"), "esx01");
}

TEST_F(ScenarioReaderTest, MachineWithoutHostIsNotVirtualised)
{
    EXPECT_EQ(M("pc1").host, kNone);
}

TEST_F(ScenarioReaderTest, ReadsKindTagsOsAndSegment)
{
    EXPECT_EQ(M("vdi001").kind, MachineKind::Desktop);
    EXPECT_EQ(M("fs01").kind, MachineKind::Server);
    EXPECT_EQ(M("admin01").tags, (std::vector<std::string>{"role|vdi-desktop", "role|it-admin"}));
    EXPECT_EQ(M("vdi004").os, "Windows 10");
    EXPECT_EQ(M("fs01").os, "Windows Server 2012");
    EXPECT_EQ(M("pc1").os, "");
    const auto& segments = m_scenario.GetEstate().Segments();
    EXPECT_EQ(segments.at(static_cast<std::size_t>(M("fs01").segment)).name, "servers");
}

TEST_F(ScenarioReaderTest, DesktopsListenOnWindowsDefaultsAndServersOnNothing)
{
    EXPECT_EQ(M("vdi001").listens.written,
              (std::vector<std::string>{"tcp/135", "tcp/139", "tcp/445", "tcp/3389"}));
    EXPECT_EQ(M("vdi001").listens.entries.size(), 4u);
    EXPECT_TRUE(M("srv1").listens.entries.empty());
    EXPECT_TRUE(M("lab1").listens.entries.empty()); // listens: [] overrides the default
}

TEST_F(ScenarioReaderTest, ListensResolvesServiceNamesAndInlineEntries)
{
    const ServiceSet& listens = M("fs01").listens;
    EXPECT_EQ(listens.written, (std::vector<std::string>{"smb", "tcp/8080"}));
    ASSERT_EQ(listens.entries.size(), 2u);
    EXPECT_EQ(listens.entries[0].ToString(), "tcp/445");
    EXPECT_EQ(listens.entries[1].ToString(), "tcp/8080");
}

TEST_F(ScenarioReaderTest, HoldsReadsRecordsAndBytesWithUnits)
{
    ASSERT_TRUE(M("fs01").holds.has_value());
    EXPECT_EQ(M("fs01").holds->records, 1250000u);
    EXPECT_EQ(M("fs01").holds->bytes, 250000000u);
    EXPECT_FALSE(M("vdi001").holds.has_value());
}

TEST_F(ScenarioReaderTest, ReadsExternalAddresses)
{
    const Estate& estate = m_scenario.GetEstate();
    ASSERT_EQ(estate.Externals().size(), 1u);
    EXPECT_EQ(estate.Externals()[0].name, "c2");
    EXPECT_EQ(estate.Externals()[0].ip, Ip("203.0.113.10"));
    EXPECT_EQ(estate.SegmentOf(Ip("203.0.113.10")), kNone);
}

TEST_F(ScenarioReaderTest, GroupsKeepTheirFileOrder)
{
    std::vector<std::string> names;
    for (const auto& g : m_scenario.Groups())
    {
        names.push_back(g.name);
    }
    EXPECT_EQ(names,
              (std::vector<std::string>{"desktops", "admins", "file-servers", "picked", "vdi-seg",
                                        "server-net", "internal", "fin-desktops", "others", "early",
                                        "late", "internal-net", "internet", "tagged", "nobody"}));
    EXPECT_EQ(m_scenario.FindGroup("desktops")->definition, "tag role|vdi-desktop");
    EXPECT_EQ(m_scenario.FindGroup("others")->definition, "all desktops except admins");
    EXPECT_EQ(m_scenario.FindGroup("desktops")->location.ToString(), "reader-test.yaml:32:3");
}

TEST_F(ScenarioReaderTest, TagGroupHoldsTheTaggedMachines)
{
    EXPECT_EQ(G("desktops"), Of({"vdi001", "vdi002", "vdi003", "vdi004", "vdi005", "admin01"}));
    EXPECT_EQ(G("admins"), Of({"admin01"}));
}

TEST_F(ScenarioReaderTest, TagListIsTheUnionOfTheTags)
{
    EXPECT_EQ(G("tagged"), Of({"admin01", "fs01"}));
}

TEST_F(ScenarioReaderTest, TagNoMachineCarriesIsAnEmptyGroup)
{
    EXPECT_TRUE(G("nobody").IsEmpty());
}

TEST_F(ScenarioReaderTest, MachinesGroupAcceptsRangesAndExternals)
{
    EXPECT_EQ(G("file-servers"), Of({"fs01"}));
    AddressSet picked = Of({"vdi001", "vdi002"});
    picked.Add(Ip("203.0.113.10"));
    EXPECT_EQ(G("picked"), picked);
}

TEST_F(ScenarioReaderTest, SegmentGroupHoldsItsMachinesNotItsFreeAddresses)
{
    EXPECT_EQ(G("vdi-seg"),
              Of({"vdi001", "vdi002", "vdi003", "vdi004", "vdi005", "admin01", "pc1", "pc2"}));
    EXPECT_FALSE(G("vdi-seg").Contains(Ip("10.10.0.200")));
}

TEST_F(ScenarioReaderTest, CidrGroupHoldsEveryAddressOfTheRange)
{
    EXPECT_EQ(G("server-net").Size(), 32u);
    EXPECT_TRUE(G("server-net").Contains(Ip("10.20.0.0")));
    EXPECT_TRUE(G("server-net").Contains(Ip("10.20.0.31")));
    EXPECT_FALSE(G("server-net").Contains(Ip("10.20.0.32")));
    EXPECT_EQ(G("internal-net").Size(), (std::uint64_t{1} << 24) + (std::uint64_t{1} << 16));
}

TEST_F(ScenarioReaderTest, AnyIsTheUnionOfItsGroups)
{
    EXPECT_EQ(G("internal"), G("desktops").Union(G("file-servers")));
    EXPECT_EQ(G("internal").Size(), 7u);
}

TEST_F(ScenarioReaderTest, AllIsTheIntersectionOfItsGroups)
{
    EXPECT_EQ(G("fin-desktops"), G("desktops"));
}

TEST_F(ScenarioReaderTest, ExceptRemovesItsGroups)
{
    EXPECT_EQ(G("others"), Of({"vdi001", "vdi002", "vdi003", "vdi004", "vdi005"}));
}

TEST_F(ScenarioReaderTest, GroupsMayReferToGroupsDefinedLater)
{
    EXPECT_EQ(G("early"), Of({"pc1"}));
}

TEST_F(ScenarioReaderTest, ReservedAnyIsEveryAddressInsideAll)
{
    const AddressSet& internet = G("internet");
    EXPECT_EQ(internet.Size(),
              (std::uint64_t{1} << 32) - (std::uint64_t{1} << 24) - (std::uint64_t{1} << 16));
    EXPECT_TRUE(internet.Contains(Ip("203.0.113.10")));
    EXPECT_FALSE(internet.Contains(Ip("10.10.0.10")));
    EXPECT_FALSE(internet.Contains(Ip("192.168.1.1")));
}

TEST_F(ScenarioReaderTest, ServicesAreSingleEntriesOrLists)
{
    const auto& services = m_scenario.Services();
    ASSERT_EQ(services.size(), 5u);
    std::vector<std::string> text;
    for (const auto& s : services)
    {
        std::string joined;
        for (const auto& e : s.entries)
        {
            joined += (joined.empty() ? "" : " ") + e.ToString();
        }
        text.push_back(s.name + "=" + joined);
    }
    EXPECT_EQ(text, (std::vector<std::string>{"smb=tcp/445", "web=tcp/80 tcp/443",
                                              "rpc-dyn=tcp/49152-65535", "dns=udp/53 tcp/53",
                                              "ping=icmp/8"}));
}

TEST_F(ScenarioReaderTest, FirewallsReadTheirDefaults)
{
    const Firewall* dfw = m_scenario.FindFirewall(FirewallKind::Dfw);
    const Firewall* gateway = m_scenario.FindFirewall(FirewallKind::Gateway);
    const Firewall* perimeter = m_scenario.FindFirewall(FirewallKind::Perimeter);
    const Firewall* host = m_scenario.FindFirewall(FirewallKind::Host);
    ASSERT_TRUE(dfw && gateway && perimeter && host);
    EXPECT_EQ(dfw->defaultIn, Action::Drop);
    EXPECT_EQ(dfw->defaultOut, Action::Drop);
    EXPECT_EQ(gateway->defaultIn, Action::Allow);
    EXPECT_EQ(perimeter->defaultIn, Action::Reject);
    EXPECT_TRUE(perimeter->rules.empty());
    EXPECT_EQ(host->defaultIn, Action::Drop);
    EXPECT_EQ(host->defaultOut, Action::Allow);
    EXPECT_EQ(host->appliesTo.written, (std::vector<std::string>{"desktops"}));
    EXPECT_EQ(host->appliesTo.addresses, G("desktops"));
}

TEST_F(ScenarioReaderTest, RuleResolvesGroupsAndNamedServices)
{
    const Rule& r1 = R(FirewallKind::Dfw, 0);
    EXPECT_EQ(r1.id, "r1");
    EXPECT_EQ(r1.from.addresses, G("desktops"));
    EXPECT_EQ(r1.to.addresses, G("file-servers"));
    EXPECT_EQ(r1.service.written, (std::vector<std::string>{"smb"}));
    ASSERT_EQ(r1.service.entries.size(), 1u);
    EXPECT_EQ(r1.service.entries[0].ToString(), "tcp/445");
    EXPECT_EQ(r1.action, Action::Allow);
    EXPECT_EQ(r1.direction, Direction::InOut);
    EXPECT_FALSE(r1.disabled);
    EXPECT_TRUE(r1.logged);
    EXPECT_TRUE(r1.AppliesEverywhere());
    EXPECT_EQ(r1.location.ToString(), "reader-test.yaml:57:9");
}

TEST_F(ScenarioReaderTest, RuleMixesGroupsCidrsAddressesAndInlineServices)
{
    const Rule& r2 = R(FirewallKind::Dfw, 1);
    EXPECT_EQ(r2.from.written, (std::vector<std::string>{"admins", "10.30.0.0/24"}));
    AddressSet from = G("admins");
    from.Add(Ip("10.30.0.0"), Ip("10.30.0.255"));
    EXPECT_EQ(r2.from.addresses, from);
    EXPECT_EQ(r2.to.addresses, AddressSet::Single(Ip("10.20.0.10")));
    std::vector<std::string> entries;
    for (const auto& e : r2.service.entries)
    {
        entries.push_back(e.ToString());
    }
    EXPECT_EQ(entries, (std::vector<std::string>{"tcp/80", "tcp/443", "tcp/8080"}));
    EXPECT_EQ(r2.action, Action::Reject);
    EXPECT_EQ(r2.direction, Direction::Out);
}

TEST_F(ScenarioReaderTest, RuleAppliedToResolvesItsGroups)
{
    const Rule& r2 = R(FirewallKind::Dfw, 1);
    EXPECT_FALSE(r2.AppliesEverywhere());
    EXPECT_EQ(r2.appliedTo.written, (std::vector<std::string>{"admins", "file-servers"}));
    EXPECT_EQ(r2.appliedTo.addresses, Of({"admin01", "fs01"}));
}

TEST_F(ScenarioReaderTest, RuleAnyAndDisabled)
{
    const Rule& r3 = R(FirewallKind::Dfw, 2);
    EXPECT_TRUE(r3.from.addresses.IsAll());
    EXPECT_TRUE(r3.to.addresses.IsAll());
    EXPECT_TRUE(r3.service.IsAny());
    EXPECT_TRUE(r3.disabled);
    EXPECT_FALSE(r3.logged);
    EXPECT_EQ(r3.direction, Direction::In);
}

TEST_F(ScenarioReaderTest, GatewayAndHostRulesAreRead)
{
    const Rule& g1 = R(FirewallKind::Gateway, 0);
    EXPECT_EQ(g1.from.addresses, G("vdi-seg"));
    EXPECT_EQ(g1.to.addresses, G("server-net"));
    EXPECT_EQ(g1.service.entries.size(), 2u);
    EXPECT_EQ(g1.action, Action::Drop);
    EXPECT_FALSE(g1.logged); // not written: false
    const Rule& h1 = R(FirewallKind::Host, 0);
    EXPECT_EQ(h1.direction, Direction::InOut);
    ASSERT_EQ(h1.service.entries.size(), 2u);
    EXPECT_EQ(h1.service.entries[1].ToString(), "icmp/8");
}

TEST_F(ScenarioReaderTest, PosturesInListAndLongForm)
{
    ASSERT_EQ(m_scenario.Postures().size(), 4u);
    const Posture* flat = m_scenario.FindPosture("flat");
    ASSERT_NE(flat, nullptr);
    EXPECT_TRUE(flat->Has(FirewallKind::Perimeter));
    EXPECT_FALSE(flat->Has(FirewallKind::Dfw));
    EXPECT_FALSE(flat->quarantine);
    EXPECT_FALSE(flat->pattern);
    EXPECT_EQ(flat->ids, IdsMode::Off);
    EXPECT_EQ(flat->FirewallList(), "perimeter");

    const Posture* microseg = m_scenario.FindPosture("microseg");
    ASSERT_NE(microseg, nullptr);
    EXPECT_EQ(microseg->FirewallList(), "dfw, gateway, perimeter");

    const Posture* quarantined = m_scenario.FindPosture("quarantined");
    ASSERT_NE(quarantined, nullptr);
    EXPECT_TRUE(quarantined->quarantine);
    EXPECT_TRUE(quarantined->pattern);
    EXPECT_EQ(quarantined->ids, IdsMode::Prevent);
    EXPECT_TRUE(quarantined->Has(FirewallKind::Dfw));
    EXPECT_FALSE(quarantined->Has(FirewallKind::Gateway));

    const Posture* hostOnly = m_scenario.FindPosture("host-only");
    ASSERT_NE(hostOnly, nullptr);
    EXPECT_FALSE(hostOnly->quarantine);
    EXPECT_FALSE(hostOnly->pattern);
    EXPECT_EQ(hostOnly->ids, IdsMode::Off); // `ids: off` needs no DFW
    EXPECT_TRUE(hostOnly->Has(FirewallKind::Host));
    EXPECT_EQ(m_scenario.FindPosture("missing"), nullptr);
}

TEST_F(ScenarioReaderTest, AllFirewallsPostureHasEveryDefinedFirewall)
{
    Posture all = m_scenario.AllFirewallsPosture();
    for (auto kind : kAllFirewallKinds)
    {
        EXPECT_TRUE(all.Has(kind)) << FirewallKindName(kind);
    }
}

TEST_F(ScenarioReaderTest, IntentsOfAllThreeKinds)
{
    const auto& intents = m_scenario.Intents();
    ASSERT_EQ(intents.size(), 4u);
    EXPECT_EQ(intents[0].id, "no-lateral");
    EXPECT_EQ(intents[0].kind, IntentKind::Deny);
    EXPECT_EQ(intents[0].from.addresses, G("desktops"));
    EXPECT_EQ(intents[0].to.addresses, G("desktops"));
    EXPECT_TRUE(intents[0].service.IsAny());
    EXPECT_TRUE(intents[0].assumeCompromised.written.empty());

    EXPECT_EQ(intents[1].kind, IntentKind::Allow);
    EXPECT_EQ(intents[1].to.addresses, G("file-servers"));

    EXPECT_EQ(intents[2].kind, IntentKind::Only);
    EXPECT_EQ(intents[2].from.addresses, G("admins"));
    EXPECT_EQ(intents[2].to.addresses, G("file-servers"));
}

TEST_F(ScenarioReaderTest, IntentAcceptsCidrsInlineServicesAndAssumeCompromised)
{
    const Intent& owned = m_scenario.Intents().at(3);
    EXPECT_EQ(owned.kind, IntentKind::Deny);
    EXPECT_EQ(owned.to.addresses.Size(), 32u);
    ASSERT_EQ(owned.service.entries.size(), 2u);
    EXPECT_EQ(owned.service.entries[1].ToString(), "udp");
    EXPECT_EQ(owned.assumeCompromised.written, (std::vector<std::string>{"desktops", "admins"}));
    EXPECT_EQ(owned.assumeCompromised.addresses, G("desktops"));
}

TEST_F(ScenarioReaderTest, AttackDefenceAndBenignAreReadFromTheirSections)
{
    // Every key and unit is covered by attack-reader-test.cc; here, that the reader calls it.
    const AttackParameters& attack = m_scenario.Attack();
    ASSERT_TRUE(attack.given);
    EXPECT_EQ(attack.location.file, "reader-test.yaml");
    EXPECT_EQ(attack.location.line, 87); // the section's first key
    EXPECT_EQ(attack.initialAccess.mails, 124);
    EXPECT_EQ(attack.initialAccess.opened, 2);
    EXPECT_EQ(attack.initialAccess.window_s, 12 * 86400.0);
    std::vector<std::string> targets;
    for (Index m : attack.initialAccess.targets)
    {
        targets.push_back(m_scenario.GetEstate().Machines().at(static_cast<std::size_t>(m)).name);
    }
    EXPECT_EQ(targets, (std::vector<std::string>{"vdi001", "vdi002", "admin01"}));
    EXPECT_EQ(attack.lateral.techniques,
              (std::vector<LateralTechnique>{LateralTechnique::Smb, LateralTechnique::Rdp}));
    EXPECT_EQ(attack.crownJewels, (std::vector<Index>{m_scenario.GetEstate().FindMachine("fs01")}));
    EXPECT_EQ(attack.exfiltrationTo, m_scenario.GetEstate().FindExternal("c2"));
    EXPECT_TRUE(attack.exfiltrationDirect);
    const DefenceParameters& defence = m_scenario.Defence();
    ASSERT_TRUE(defence.given);
    EXPECT_EQ(defence.location.line, 93);
    EXPECT_EQ(defence.avDetectNew, 0.5);
    EXPECT_EQ(defence.avDetectKnown, DefenceParameters().avDetectKnown);
    EXPECT_EQ(defence.patternThreshold, 3u);
    const BenignTrafficParameters& benign = m_scenario.Benign();
    ASSERT_TRUE(benign.given);
    EXPECT_EQ(benign.location.ToString(), "reader-test.yaml:96:3");
    EXPECT_EQ(benign.webInterval_s, 900);
    EXPECT_EQ(benign.mailInterval_s, BenignTrafficParameters().mailInterval_s);
}

const char* const kMinimal = R"(format: segproof/v1
name: minimal
estate:
  segments: [{name: s, cidr: 10.0.0.0/24}]
  machines: [{name: m, kind: server, segment: s}]
)";

TEST(ScenarioReaderMinimalTest, OptionalSectionsMayBeLeftOut)
{
    Scenario scenario = ReadScenarioText(kMinimal, "minimal.yaml");
    EXPECT_EQ(scenario.Description(), "");
    EXPECT_TRUE(scenario.Groups().empty());
    EXPECT_TRUE(scenario.Services().empty());
    EXPECT_TRUE(scenario.Postures().empty());
    EXPECT_TRUE(scenario.Intents().empty());
    EXPECT_FALSE(scenario.Attack().given);
    EXPECT_EQ(scenario.Attack().location.file, "minimal.yaml");
    EXPECT_EQ(scenario.Attack().breakout_s, AttackParameters().breakout_s);
    EXPECT_FALSE(scenario.Defence().given);
    EXPECT_EQ(scenario.Defence().location.file, "minimal.yaml");
    EXPECT_FALSE(scenario.Benign().given);
    EXPECT_EQ(scenario.Benign().location.file, "minimal.yaml");
    EXPECT_TRUE(scenario.Benign().enabled);
    for (auto kind : kAllFirewallKinds)
    {
        EXPECT_EQ(scenario.FindFirewall(kind), nullptr);
    }
    EXPECT_TRUE(scenario.GetEstate().Hosts().empty());
    EXPECT_TRUE(scenario.GetEstate().Externals().empty());
    EXPECT_EQ(scenario.GetEstate().Machines().at(0).ip, 0x0a00000au);
}

/// Every diagnostic of a text that must fail, as "FILE:LINE:COL: message".
std::vector<std::string>
Diagnostics(const std::string& text)
{
    try
    {
        ReadScenarioText(text, "t.yaml");
    }
    catch (const InputError& e)
    {
        std::vector<std::string> lines;
        for (const auto& d : e.Diagnostics())
        {
            lines.push_back(d.ToString());
        }
        return lines;
    }
    ADD_FAILURE() << "no InputError for:\n" << text;
    return {};
}

TEST(ScenarioReaderErrorTest, EmptyTextIsAnError)
{
    EXPECT_EQ(Diagnostics(""), (std::vector<std::string>{"t.yaml:1:1: the file is empty"}));
    EXPECT_EQ(Diagnostics("# nothing but a comment\n"),
              (std::vector<std::string>{"t.yaml:1:1: the file is empty"}));
}

TEST(ScenarioReaderErrorTest, TopLevelMustBeAMap)
{
    EXPECT_EQ(Diagnostics("- a\n- b\n"),
              (std::vector<std::string>{"t.yaml:1:1: the scenario must be a map, got a list"}));
}

TEST(ScenarioReaderErrorTest, MissingRequiredKeysAreEachReported)
{
    EXPECT_EQ(Diagnostics("description: only this\n"),
              (std::vector<std::string>{"t.yaml:1:1: the scenario lacks required key 'format'",
                                        "t.yaml:1:1: the scenario lacks required key 'name'",
                                        "t.yaml:1:1: the scenario lacks required key 'estate'"}));
}

TEST(ScenarioReaderErrorTest, EmptyValueIsReportedAtItsKeyNotAtTheNextLine)
{
    // yaml-cpp places an empty value where the next token starts; the reader points at the key.
    EXPECT_EQ(Diagnostics("format: segproof/v1\n"
                          "name: x\n"
                          "estate:\n"
                          "  segments:\n"
                          "    - name:\n"
                          "      cidr: 10.0.0.0/24\n"
                          "  machines: []\n"),
              (std::vector<std::string>{"t.yaml:5:7: 'name' must be a single value, got nothing"}));
    EXPECT_EQ(Diagnostics("format: segproof/v1\nname: x\nestate:\n"),
              (std::vector<std::string>{"t.yaml:3:1: 'estate' must be a map, got nothing"}));
}

TEST(ScenarioReaderErrorTest, DiagnosticsComeInFileOrder)
{
    // Services are read before the estate (machines listen on them); the report still follows
    // the file from top to bottom.
    EXPECT_EQ(Diagnostics("format: segproof/v1\n"
                          "name: x\n"
                          "estate:\n"
                          "  segments: [{name: s, vlan: 0, cidr: 10.0.0.0/24}]\n"
                          "  machines: [{name: m, kind: server, segment: s}]\n"
                          "services:\n"
                          "  bad: tcp/70000\n"),
              (std::vector<std::string>{
                  "t.yaml:4:30: 'vlan' must be a whole number from 1 to 4094, got '0'",
                  "t.yaml:7:8: 'tcp/70000': expected tcp/PORT or tcp/FIRST-LAST with ports "
                  "0-65535"}));
}

TEST(ScenarioReaderErrorTest, TabIndentationIsNamedAsSuch)
{
    EXPECT_EQ(Diagnostics("format: segproof/v1\nname: x\nestate:\n\tsegments: []\n"),
              (std::vector<std::string>{"t.yaml:4:1: YAML syntax error: a tab in the indentation "
                                        "(YAML indents with spaces only)"}));
}

/// The one diagnostic ReadScenarioFile gives for a path it cannot read.
std::string
FileDiagnostic(const std::string& path)
{
    try
    {
        ReadScenarioFile(path);
    }
    catch (const InputError& e)
    {
        EXPECT_EQ(e.Diagnostics().size(), 1u);
        return e.Diagnostics().empty() ? "" : e.Diagnostics()[0].ToString();
    }
    ADD_FAILURE() << "no InputError for " << path;
    return "";
}

TEST(ScenarioReaderErrorTest, MissingFileIsAnInputErrorWithoutPosition)
{
    EXPECT_EQ(FileDiagnostic("/nonexistent/segproof/scenario.yaml"),
              "/nonexistent/segproof/scenario.yaml: no such file");
}

TEST(ScenarioReaderErrorTest, DirectoryIsNotMistakenForAnEmptyFile)
{
    EXPECT_EQ(FileDiagnostic("/"), "/: is a directory, not a scenario file");
}

TEST(ScenarioReaderMinimalTest, CidrSlashThirtyTwoInARuleIsOneAddress)
{
    Scenario scenario = ReadScenarioText(R"(format: segproof/v1
name: one-address
estate:
  segments: [{name: s, cidr: 10.0.0.0/24}]
  machines: [{name: m, kind: server, segment: s}]
firewalls:
  gateway:
    default: allow
    rules: [{id: r, from: 10.0.0.7/32, to: 0.0.0.0/0, service: any, action: drop}]
)",
                                         "t.yaml");
    const Rule& rule = scenario.FindFirewall(FirewallKind::Gateway)->rules.at(0);
    EXPECT_EQ(rule.from.addresses, AddressSet::Single(0x0a000007u));
    EXPECT_TRUE(rule.to.addresses.IsAll());
}

} // namespace

TEST(ScenarioReaderRoundRobinTest, EntriesWithTheSameHostsContinueOneRoundRobin)
{
    Scenario s = ReadScenarioText(R"(
format: segproof/v1
name: rr
estate:
  segments: [{name: a, cidr: 10.1.0.0/24}]
  hosts: [{name: "h[1-2]"}]
  machines:
    - {name: "x[1-3]", kind: desktop, segment: a, host: "h[1-2]"}
    - {name: "y[1-3]", kind: desktop, segment: a, host: "h[1-2]"}
    - {name: "z1", kind: desktop, segment: a, host: [h2, h1]}
)",
                                  "rr.yaml");
    auto hostOf = [&s](const std::string& name)
    {
        const Estate& e = s.GetEstate();
        return e
            .Hosts()[static_cast<std::size_t>(
                e.Machines()[static_cast<std::size_t>(e.FindMachine(name))].host)]
            .name;
    };
    EXPECT_EQ(hostOf("x3"), "h1");
    EXPECT_EQ(hostOf("y1"), "h2"); // continues after x3
    EXPECT_EQ(hostOf("y2"), "h1");
    EXPECT_EQ(hostOf("z1"), "h2"); // another host list starts its own round-robin
}
