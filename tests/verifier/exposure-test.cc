// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
// Exposure (reachable pairs whose lateral service answers) on an estate small enough to count
// by hand, and on the seed scenario against its concrete evaluator.
#include "core/concrete-evaluator.h"
#include "core/listening-ports.h"
#include "formats/scenario/scenario-reader.h"
#include "verifier/exposure.h"
#include "verifier/lateral-closure.h"

#include <gtest/gtest.h>
#include <set>
#include <string>

namespace
{

using namespace segproof;

// Four Windows desktops (SMB, RDP and WinRM answer by default) and a Linux server that answers
// on none of them. microseg: desktops are isolated from each other; the server may reach them
// on SMB. host-fw: desktop 4 lets SMB in from everyone, the others let nothing in.
const char* kEstate = R"(format: segproof/v1
name: exposure
estate:
  segments: [{name: lan, cidr: 10.0.0.0/24}]
  hosts: [{name: esx1}]
  machines:
    - {name: "pc[1-4]", kind: desktop, segment: lan, host: esx1, tags: [role|pc]}
    - {name: srv, kind: server, segment: lan, host: esx1, os: Linux, tags: [role|srv]}
groups:
  pcs: {tag: role|pc}
  srv: {tag: role|srv}
  pc4: {machines: [pc4]}
services:
  smb: tcp/445
firewalls:
  dfw:
    default: drop
    rules:
      - {id: srv-to-pcs, from: srv, to: pcs, service: smb, action: allow}
  host:
    applies_to: pcs
    default_in: drop
    default_out: allow
    rules:
      - {id: pc4-smb, from: any, to: pc4, service: smb, action: allow, direction: in}
postures:
  flat: []
  microseg: [dfw]
  host-fw: [host]
)";

TEST(ExposureTest, CountsPairsByHand)
{
    core::Scenario s = formats::ReadScenarioText(kEstate, "exposure.yaml");
    std::vector<std::uint16_t> ports = verifier::LateralPorts(s);
    verifier::Exposure flat = verifier::MeasureExposure(s, s.ResolvePosture("flat", "t"), ports);
    EXPECT_EQ(flat.machines, 5u);
    EXPECT_EQ(flat.pairs, 20u);
    // Every desktop answers, from the 4 other machines; the server answers no one.
    EXPECT_EQ(flat.reachable, 16u);
    EXPECT_EQ(flat.reachableOnceOwned, 16u);
    verifier::Exposure micro =
        verifier::MeasureExposure(s, s.ResolvePosture("microseg", "t"), ports);
    EXPECT_EQ(micro.reachable, 4u); // srv -> each desktop on SMB
    verifier::Exposure host = verifier::MeasureExposure(s, s.ResolvePosture("host-fw", "t"), ports);
    EXPECT_EQ(host.reachable, 4u); // everyone -> pc4 on SMB
    EXPECT_EQ(host.reachableOnceOwned, 4u);
}

TEST(ExposureTest, SeedAgreesWithTheConcreteEvaluatorPairByPair)
{
    core::Scenario s =
        formats::ReadScenarioFile(std::string(SEGPROOF_SCENARIOS_DIR) + "/seed.yaml");
    std::vector<std::uint16_t> ports = verifier::LateralPorts(s);
    const auto& machines = s.GetEstate().Machines();
    core::ConcreteEvaluator evaluator(s);
    for (const char* name : {"flat", "host-fw", "microseg"})
    {
        core::Posture posture = s.ResolvePosture(name, "t");
        std::uint64_t expected = 0;
        std::uint64_t expectedOnceOwned = 0;
        for (const core::Machine& u : machines)
        {
            for (const core::Machine& v : machines)
            {
                if (&u == &v)
                {
                    continue;
                }
                std::set<std::uint16_t> open = core::ListeningPorts(v);
                bool reached = false;
                bool reachedOnceOwned = false;
                for (std::uint16_t port : ports)
                {
                    core::Connection c;
                    c.source = u.ip;
                    c.destination = v.ip;
                    c.sourcePort = 49152;
                    c.destinationPort = port;
                    if (open.count(port) == 0)
                    {
                        continue;
                    }
                    reached = reached || evaluator.Evaluate(c, posture).delivered;
                    reachedOnceOwned =
                        reachedOnceOwned ||
                        evaluator.Evaluate(c, posture, core::AddressSet::Single(u.ip)).delivered;
                }
                expected += reached ? 1 : 0;
                expectedOnceOwned += reachedOnceOwned ? 1 : 0;
            }
        }
        verifier::Exposure measured = verifier::MeasureExposure(s, posture, ports);
        EXPECT_EQ(measured.reachable, expected) << name;
        EXPECT_EQ(measured.reachableOnceOwned, expectedOnceOwned) << name;
    }
}

} // namespace
