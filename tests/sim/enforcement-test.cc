// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
// The enforcement points in ns-3 on a tiny estate: drops counted per point and rule id,
// rejects, and the host firewall's run-time switch.

#include "formats/scenario/scenario-reader.h"
#include "sim/probe/connection-probe.h"

#include <gtest/gtest.h>

namespace
{

using namespace segproof;

const char* const kTiny = R"(format: segproof/v1
name: tiny
estate:
  segments:
    - {name: lan, vlan: 10, cidr: 10.0.0.0/24}
    - {name: dmz, vlan: 20, cidr: 10.0.1.0/24}
  hosts:
    - {name: h1}
  machines:
    - {name: a, kind: desktop, segment: lan, host: h1, ip: 10.0.0.10, tags: [role|desk]}
    - {name: b, kind: desktop, segment: lan, host: h1, ip: 10.0.0.11, tags: [role|desk]}
    - {name: web, kind: server, segment: dmz, ip: 10.0.1.10}
  external:
    - {name: c2, ip: 203.0.113.10}
groups:
  desktops: {tag: role|desk}
  b-only: {machines: [b]}
firewalls:
  dfw:
    default: allow
    rules:
      - {id: no-ssh-to-b, from: any, to: b-only, service: tcp/22, action: drop,
         direction: in}
      - {id: reject-telnet, from: any, to: any, service: tcp/23, action: reject, direction: out}
      - {id: reject-dns, from: any, to: any, service: udp/53, action: reject, direction: out}
  gateway: {default: allow, rules: []}
  perimeter: {default: drop, rules: []}
  host:
    applies_to: desktops
    default_in: drop
    default_out: allow
    rules: []
postures:
  microseg: [dfw, gateway, perimeter]
  host-fw: [host]
)";

core::Connection
Tcp(const char* src, const char* dst, std::uint16_t port)
{
    core::Connection c;
    c.source = *core::ParseIpv4(src);
    c.destination = *core::ParseIpv4(dst);
    c.protocol = 6;
    c.destinationPort = port;
    return c;
}

TEST(EnforcementTest, DfwDropIsCountedWithItsRuleId)
{
    core::Scenario tiny = formats::ReadScenarioText(kTiny, "tiny.yaml");
    sim::ConnectionProbe probe(tiny, *tiny.FindPosture("microseg"));
    std::vector<bool> delivered =
        probe.Run({Tcp("10.0.0.10", "10.0.0.11", 22), Tcp("10.0.0.10", "10.0.0.11", 80)});
    EXPECT_FALSE(delivered[0]);
    EXPECT_TRUE(delivered[1]);
    const auto& drops = probe.Drops();
    auto it = drops.find({core::PointKind::DfwIn, "no-ssh-to-b"});
    ASSERT_NE(it, drops.end());
    EXPECT_GE(it->second, 1U); // the SYN and its retransmission
    EXPECT_EQ(drops.count({core::PointKind::DfwOut, "no-ssh-to-b"}), 0U);
}

TEST(EnforcementTest, RejectBlocksTcpAndUdpAndIsCounted)
{
    core::Scenario tiny = formats::ReadScenarioText(kTiny, "tiny.yaml");
    sim::ConnectionProbe probe(tiny, *tiny.FindPosture("microseg"));
    core::Connection dns = Tcp("10.0.0.10", "10.0.1.10", 53);
    dns.protocol = 17;
    std::vector<bool> delivered = probe.Run({Tcp("10.0.0.10", "10.0.1.10", 23), dns});
    EXPECT_FALSE(delivered[0]);
    EXPECT_FALSE(delivered[1]);
    // A bare RST aborts the connect at once: one SYN, no retransmission, one drop.
    EXPECT_EQ(probe.Drops().at({core::PointKind::DfwOut, "reject-telnet"}), 1U);
    EXPECT_EQ(probe.Drops().at({core::PointKind::DfwOut, "reject-dns"}), 1U);
}

TEST(EnforcementTest, HostFirewallSwitchedOffLetsABlockedConnectionThrough)
{
    core::Scenario tiny = formats::ReadScenarioText(kTiny, "tiny.yaml");
    sim::ConnectionProbe probe(tiny, *tiny.FindPosture("host-fw"));
    probe.SwitchHostFirewallOffBefore(1);
    std::vector<bool> delivered =
        probe.Run({Tcp("10.0.0.10", "10.0.0.11", 445), Tcp("10.0.0.10", "10.0.0.11", 445)});
    EXPECT_FALSE(delivered[0]);
    EXPECT_TRUE(delivered[1]);
    EXPECT_GE(probe.Drops().at({core::PointKind::HostIn, "default"}), 1U);
}

TEST(EnforcementTest, PhysicalMachineAndPerimeterDefault)
{
    core::Scenario tiny = formats::ReadScenarioText(kTiny, "tiny.yaml");
    sim::ConnectionProbe probe(tiny, *tiny.FindPosture("microseg"));
    std::vector<bool> delivered =
        probe.Run({Tcp("10.0.1.10", "10.0.0.10", 80), Tcp("10.0.1.10", "203.0.113.10", 443)});
    EXPECT_TRUE(delivered[0]);  // gateway allows, the physical machine has no vNIC
    EXPECT_FALSE(delivered[1]); // perimeter default drop
    EXPECT_GE(probe.Drops().at({core::PointKind::Perimeter, "default"}), 1U);
}

} // namespace
