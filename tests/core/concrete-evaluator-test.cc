// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#include "core/concrete-evaluator.h"
#include "formats/scenario/scenario-reader.h"

#include <gtest/gtest.h>
#include <string>
#include <vector>

namespace
{

using namespace segproof::core;
using namespace segproof::formats;

// Two segments; desktops d1, d2 on host h1 and d3 on h2 in segment a; server s1 on host h3 and
// a physical server p1 (no host) in segment b; an external x on the internet.
const char* const kScenario = R"(
format: segproof/v1
name: evaluator-test
estate:
  segments:
    - {name: a, vlan: 10, cidr: 10.1.0.0/24}
    - {name: b, vlan: 20, cidr: 10.2.0.0/24}
  hosts: [{name: h1}, {name: h2}, {name: h3}]
  machines:
    - {name: d1, kind: desktop, segment: a, host: h1, ip: 10.1.0.11, tags: [t|desk, t|one]}
    - {name: d2, kind: desktop, segment: a, host: h1, ip: 10.1.0.12, tags: [t|desk]}
    - {name: d3, kind: desktop, segment: a, host: h2, ip: 10.1.0.13, tags: [t|desk]}
    - {name: s1, kind: server, segment: b, host: h3, ip: 10.2.0.10, tags: [t|srv]}
    - {name: p1, kind: server, segment: b, ip: 10.2.0.20}
  external: [{name: x, ip: 198.51.100.7}]
groups:
  desks: {tag: t|desk}
  one: {tag: t|one}
  srv: {tag: t|srv}
services:
  smb: tcp/445
  rdp: tcp/3389
firewalls:
  dfw:
    default: allow
    rules:
      - {id: d-off, from: desks, to: desks, service: rdp, action: allow, disabled: true}
      - {id: d-rdp, from: desks, to: desks, service: rdp, action: drop}
      - {id: d-out-only, from: desks, to: srv, service: smb, action: reject, direction: out}
      - {id: d-applied, from: any, to: desks, service: tcp/8080, action: drop, applied_to: one}
  gateway:
    default: allow
    rules:
      - {id: g-smb, from: any, to: srv, service: smb, action: allow}
      - {id: g-smb-late, from: any, to: srv, service: smb, action: drop}
  perimeter:
    default: drop
    rules:
      - {id: p-web, from: desks, to: any, service: tcp/443, action: allow}
  host:
    applies_to: desks
    default_in: drop
    default_out: allow
    rules:
      - {id: h-smb-in, from: desks, to: desks, service: smb, action: allow, direction: in}
postures:
  all: [dfw, gateway, perimeter, host]
  flat: [perimeter]
  no-host: [dfw, gateway, perimeter]
  gw: [gateway, perimeter]
)";

class ConcreteEvaluatorTest : public ::testing::Test
{
protected:
    ConcreteEvaluatorTest()
        : m_scenario(ReadScenarioText(kScenario, "evaluator-test.yaml")), m_evaluator(m_scenario)
    {
    }

    Connection Tcp(const std::string& from, const std::string& to, std::uint16_t port) const
    {
        Connection c;
        c.source = *ParseIpv4(from);
        c.destination = *ParseIpv4(to);
        c.protocol = static_cast<std::uint8_t>(Protocol::Tcp);
        c.sourcePort = 49152;
        c.destinationPort = port;
        return c;
    }

    Evaluation Evaluate(const Connection& c, const std::string& posture,
                        const AddressSet& off = AddressSet()) const
    {
        return m_evaluator.Evaluate(c, *m_scenario.FindPosture(posture), off);
    }

    /// "point:rule:action" for each decision.
    std::vector<std::string> TraceOf(const Evaluation& e) const
    {
        std::vector<std::string> trace;
        for (const auto& d : e.decisions)
        {
            trace.push_back(m_evaluator.Label(d.point) + ":" + d.RuleId() + ":" +
                            ActionName(d.action));
        }
        return trace;
    }

    Scenario m_scenario;
    ConcreteEvaluator m_evaluator;
};

using Trace = std::vector<std::string>;

TEST_F(ConcreteEvaluatorTest, SameSegmentTrafficNeverMeetsTheGateway)
{
    Evaluation e = Evaluate(Tcp("10.1.0.11", "10.1.0.13", 445), "all");
    EXPECT_TRUE(e.delivered);
    EXPECT_EQ(TraceOf(e), (Trace{"host-out@d1:default:allow", "dfw-out@d1:default:allow",
                                 "dfw-in@d3:default:allow", "host-in@d3:h-smb-in:allow"}));
}

TEST_F(ConcreteEvaluatorTest, FirstMatchingRuleDecidesAndDisabledRulesNeverMatch)
{
    // d-off would allow but is disabled; d-rdp drops at the source's vNIC.
    Evaluation e = Evaluate(Tcp("10.1.0.12", "10.1.0.13", 3389), "no-host");
    EXPECT_FALSE(e.delivered);
    EXPECT_EQ(TraceOf(e), (Trace{"dfw-out@d2:d-rdp:drop"}));
}

TEST_F(ConcreteEvaluatorTest, CrossSegmentTrafficMeetsGatewayButNotPerimeter)
{
    Evaluation e = Evaluate(Tcp("10.2.0.20", "10.2.0.10", 445), "all");
    // Same segment b: p1 has no host, so no vNIC of its own; s1's vNIC sees it arrive.
    EXPECT_EQ(TraceOf(e), (Trace{"dfw-in@s1:default:allow"}));
    Evaluation cross = Evaluate(Tcp("10.2.0.20", "10.1.0.11", 80), "no-host");
    EXPECT_EQ(TraceOf(cross), (Trace{"gateway:default:allow", "dfw-in@d1:default:allow"}));
}

TEST_F(ConcreteEvaluatorTest, GatewayReadsRulesInOrder)
{
    // g-smb allows before g-smb-late could drop.
    Evaluation e = Evaluate(Tcp("10.1.0.11", "10.2.0.10", 445), "gw");
    EXPECT_TRUE(e.delivered);
    EXPECT_EQ(TraceOf(e), (Trace{"gateway:g-smb:allow"}));
    // flat: no firewall on an internal path at all.
    Evaluation flat = Evaluate(Tcp("10.1.0.11", "10.2.0.10", 445), "flat");
    EXPECT_TRUE(flat.delivered);
    EXPECT_TRUE(flat.decisions.empty());
}

TEST_F(ConcreteEvaluatorTest, OutboundToTheInternetMeetsGatewayThenPerimeter)
{
    Evaluation e = Evaluate(Tcp("10.1.0.11", "198.51.100.7", 443), "no-host");
    EXPECT_TRUE(e.delivered);
    EXPECT_EQ(TraceOf(e), (Trace{"dfw-out@d1:default:allow", "gateway:default:allow",
                                 "perimeter:p-web:allow"}));
}

TEST_F(ConcreteEvaluatorTest, InboundFromTheInternetMeetsPerimeterFirstAndStopsThere)
{
    Evaluation e = Evaluate(Tcp("198.51.100.7", "10.1.0.11", 443), "no-host");
    EXPECT_FALSE(e.delivered);
    EXPECT_EQ(TraceOf(e), (Trace{"perimeter:default:drop"}));
}

TEST_F(ConcreteEvaluatorTest, OutDirectionRuleDoesNotApplyAtTheDestination)
{
    // d-out-only rejects desks -> srv smb on the way out of the desktop's vNIC.
    Evaluation e = Evaluate(Tcp("10.1.0.11", "10.2.0.10", 445), "no-host");
    EXPECT_FALSE(e.delivered);
    EXPECT_EQ(TraceOf(e), (Trace{"dfw-out@d1:d-out-only:reject"}));
    // From the physical server p1 there is no source vNIC; at s1's vNIC the rule (out only)
    // does not apply and the default allows.
    Evaluation in = Evaluate(Tcp("10.2.0.20", "10.2.0.10", 445), "no-host");
    EXPECT_TRUE(in.delivered);
}

TEST_F(ConcreteEvaluatorTest, AppliedToLimitsARuleToTheListedMachines)
{
    Evaluation toOne = Evaluate(Tcp("10.1.0.12", "10.1.0.11", 8080), "no-host");
    EXPECT_EQ(TraceOf(toOne), (Trace{"dfw-out@d2:default:allow", "dfw-in@d1:d-applied:drop"}));
    Evaluation toThree = Evaluate(Tcp("10.1.0.12", "10.1.0.13", 8080), "no-host");
    EXPECT_TRUE(toThree.delivered);
    // At d2's own vNIC (source side) the rule is not applied either: d2 is not in `one`.
    EXPECT_EQ(toThree.decisions.front().RuleId(), "default");
}

TEST_F(ConcreteEvaluatorTest, HostFirewallBlocksInboundByDefault)
{
    Evaluation e = Evaluate(Tcp("10.1.0.11", "10.1.0.13", 8443), "all");
    EXPECT_FALSE(e.delivered);
    EXPECT_EQ(TraceOf(e).back(), "host-in@d3:default:drop");
}

TEST_F(ConcreteEvaluatorTest, CompromisedMachineHasItsHostFirewallSwitchedOff)
{
    AddressSet off = AddressSet::Single(*ParseIpv4("10.1.0.13"));
    Evaluation e = Evaluate(Tcp("10.1.0.11", "10.1.0.13", 8443), "all", off);
    EXPECT_TRUE(e.delivered);
    EXPECT_EQ(TraceOf(e), (Trace{"host-out@d1:default:allow", "dfw-out@d1:default:allow",
                                 "dfw-in@d3:default:allow"}));
}

TEST_F(ConcreteEvaluatorTest, RogueAddressHasNoVnicAndNoHostFirewall)
{
    // 10.1.0.99 is inside segment a but no machine holds it.
    Evaluation e = Evaluate(Tcp("10.1.0.99", "10.1.0.11", 445), "all");
    EXPECT_EQ(TraceOf(e), (Trace{"dfw-in@d1:default:allow", "host-in@d1:default:drop"}));
    Evaluation out = Evaluate(Tcp("10.1.0.11", "10.1.0.99", 445), "all");
    EXPECT_EQ(TraceOf(out), (Trace{"host-out@d1:default:allow", "dfw-out@d1:default:allow"}));
    EXPECT_TRUE(out.delivered);
}

TEST_F(ConcreteEvaluatorTest, ConnectionsOutsideEverySegmentAreOutsideTheModel)
{
    EXPECT_FALSE(Evaluate(Tcp("198.51.100.7", "8.8.8.8", 443), "all").inModel);
    EXPECT_FALSE(Evaluate(Tcp("10.1.0.11", "10.1.0.11", 445), "all").inModel);
    EXPECT_TRUE(Evaluate(Tcp("10.1.0.11", "8.8.8.8", 443), "all").inModel);
}

TEST_F(ConcreteEvaluatorTest, FirewallsOutsideThePostureAreNotOnThePath)
{
    Evaluation e = Evaluate(Tcp("10.1.0.12", "10.1.0.13", 3389), "flat");
    EXPECT_TRUE(e.delivered);
    EXPECT_TRUE(e.decisions.empty());
}

TEST_F(ConcreteEvaluatorTest, IcmpMatchesOnlyIcmpEntries)
{
    Connection ping = Tcp("10.1.0.11", "198.51.100.7", 0);
    ping.protocol = static_cast<std::uint8_t>(Protocol::Icmp);
    ping.icmpType = 8;
    Evaluation e = Evaluate(ping, "no-host");
    EXPECT_FALSE(e.delivered);
    EXPECT_EQ(TraceOf(e).back(), "perimeter:default:drop");
}

TEST(TopologyTest, PathOfTwoVmsOnOneHostStaysOnTheHostSwitch)
{
    Scenario scenario = ReadScenarioText(kScenario, "evaluator-test.yaml");
    Topology topology(scenario.GetEstate());
    auto path = topology.Path(topology.AttachmentOf(*ParseIpv4("10.1.0.11")),
                              topology.AttachmentOf(*ParseIpv4("10.1.0.12")));
    std::vector<std::string> labels;
    for (auto v : path)
    {
        labels.push_back(topology.Label(v));
    }
    EXPECT_EQ(labels, (std::vector<std::string>{"d1", "vnic@d1", "h1/a", "vnic@d2", "d2"}));
}

TEST(TopologyTest, PathBetweenSegmentsCrossesTheGateway)
{
    Scenario scenario = ReadScenarioText(kScenario, "evaluator-test.yaml");
    Topology topology(scenario.GetEstate());
    auto path = topology.Path(topology.AttachmentOf(*ParseIpv4("10.1.0.13")),
                              topology.AttachmentOf(*ParseIpv4("198.51.100.7")));
    std::vector<std::string> labels;
    for (auto v : path)
    {
        labels.push_back(topology.Label(v));
    }
    EXPECT_EQ(labels, (std::vector<std::string>{"d3", "vnic@d3", "h2/a", "segment a", "gateway",
                                                "perimeter", "internet", "x"}));
}

TEST(SeedScenarioTest, MicrosegmentationStopsDesktopToDesktopSmbThatFlatAllows)
{
    Scenario seed = ReadScenarioFile(SEGPROOF_SCENARIOS_DIR "/seed.yaml");
    ConcreteEvaluator evaluator(seed);
    const Estate& estate = seed.GetEstate();
    Connection smb;
    smb.source = estate.Machines()[static_cast<std::size_t>(estate.FindMachine("vdi010"))].ip;
    smb.destination = estate.Machines()[static_cast<std::size_t>(estate.FindMachine("vdi020"))].ip;
    smb.sourcePort = 50000;
    smb.destinationPort = 445;
    EXPECT_TRUE(evaluator.Evaluate(smb, *seed.FindPosture("flat")).delivered);
    EXPECT_TRUE(evaluator.Evaluate(smb, *seed.FindPosture("segment-fw")).delivered);
    Evaluation micro = evaluator.Evaluate(smb, *seed.FindPosture("microseg"));
    ASSERT_FALSE(micro.delivered);
    EXPECT_EQ(evaluator.Label(micro.decisions.back().point), "dfw-out@vdi010");
    EXPECT_EQ(micro.decisions.back().RuleId(), "vdi-isolation");
    // host-fw: vdi020 carries the File and Printer Sharing exception.
    Evaluation host = evaluator.Evaluate(smb, *seed.FindPosture("host-fw"));
    EXPECT_TRUE(host.delivered);
    EXPECT_EQ(host.decisions.back().RuleId(), "hf-file-sharing-in");
}

} // namespace
