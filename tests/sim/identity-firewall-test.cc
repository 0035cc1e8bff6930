// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
// The identity firewall in the simulator (sim/office/logon-sessions.h, EstateHelper::LogOn):
// sessions placed by the pools, the DFW's AD-group sources following them, `idfw: true` rules
// only with the identity firewall on, and no change at all without it.

#include "formats/run-result/run-result-json.h"
#include "formats/scenario/scenario-reader.h"
#include "sim/probe/reach-probe.h"
#include "sim/run/attack-simulation.h"
#include "verifier/lateral-closure.h"
#include "verifier/reach-matrix-builder.h"

#include <gtest/gtest.h>
#include <string>

namespace
{

using namespace segproof;

/// pc1-pc3: alice's, bob's and carol's own desktops; pc4-pc6 a floating pool where the others
/// (dana, u1-u3) sit; only records (alice, dana) may reach fs's share under the identity
/// policy. The data sits on fs
/// itself: the intruder on the phished desktop takes it in one SMB hop, or never.
std::string
Office(const std::string& target, const std::string& logon)
{
    return R"(format: segproof/v1
name: idfw-office
estate:
  segments:
    - {name: lan, cidr: 10.0.0.0/24}
    - {name: srv, cidr: 10.0.1.0/24}
  hosts:
    - {name: h1}
  machines:
    - {name: "pc[1-6]", kind: desktop, segment: lan, host: h1, tags: [role|desk],
       os: Windows 10}
    - {name: fs, kind: server, segment: srv, host: h1, ip: 10.0.1.10, os: Windows Server 2019,
       listens: [tcp/445], holds: {records: 1000, bytes: 5MB}}
    - {name: proxy, kind: server, segment: srv, host: h1, ip: 10.0.1.20, os: Linux,
       listens: [tcp/8080]}
  external:
    - {name: c2, ip: 203.0.113.10}
groups:
  desktops: {tag: role|desk}
  files: {machines: [fs]}
  proxies: {machines: [proxy]}
  internal: {cidr: 10.0.0.0/8}
  internet: {all: [any], except: [internal]}
identity:
  users: [alice, bob, carol, dana, "u[1-3]"]
  groups:
    records: {users: [alice, dana]}
    staff: {users: [bob, carol, "u[1-3]"], groups: [records]}
  pools:
    own: {kind: dedicated, desktops: ["pc[1-3]"], entitled: [staff],
          assign: {alice: pc1, bob: pc2, carol: pc3}}
    office: {kind: floating, desktops: ["pc[4-6]"], entitled: [staff]}
  logon: )" +
           logon + R"(
firewalls:
  dfw:
    default: drop
    rules:
      - {id: isolate, from: desktops, to: desktops, service: any, action: drop}
      - {id: records-files, from: {ad_group: records}, to: files, service: tcp/445,
         action: allow}
      - {id: others-no-files, from: desktops, to: files, service: tcp/445, action: drop,
         idfw: true}
      - {id: desktops-files, from: desktops, to: files, service: tcp/445, action: allow}
      - {id: browse, from: [desktops, files], to: proxies, service: tcp/8080, action: allow}
      - {id: egress, from: proxies, to: internet, service: [tcp/80, tcp/443], action: allow}
postures:
  microseg: [dfw]
  microseg+idfw: {firewalls: [dfw], idfw: true}
attack:
  initial_access: {targets: [)" +
           target + R"(]}
  breakout: 60s
  lateral: {techniques: [smb], attempt_interval: 30s, exploit_success: 1, infection_delay: 10s}
  credential_theft: 0
  c2: {beacon_interval: 10m}
defence:
  av: {detect_new: 0, detect_known: 0}
  monitoring: {detect: 0, false_alarm: 0}
)";
}

/// Everyone logs on in the first minute and stays the whole run.
const char* const kEveryoneStays =
    "{logged_on_share: 1, logon_window: 1m, session_mean: 1000h, break_mean: 1m}";

core::RunResult
Simulate(const core::Scenario& scenario, const std::string& posture, std::uint64_t run = 0)
{
    sim::RunSettings s;
    s.seed = 3;
    s.run = run;
    s.duration_s = 3 * 3600;
    s.sampleInterval_s = 600;
    s.benign = false;
    return sim::SimulateAttack(scenario, *scenario.FindPosture(posture), s);
}

TEST(IdentityFirewallSim, OnlyTheRecordsTeamsSessionReachesTheShare)
{
    core::Scenario alices = formats::ReadScenarioText(Office("pc1", kEveryoneStays), "a.yaml");
    core::Scenario bobs = formats::ReadScenarioText(Office("pc2", kEveryoneStays), "b.yaml");
    // Without the identity firewall every desktop's SMB reaches the share.
    for (const core::Scenario* s : {&alices, &bobs})
    {
        core::RunResult plain = Simulate(*s, "microseg");
        EXPECT_TRUE(plain.timeToCrownJewel_s.has_value()) << s->SourceFile();
    }
    // With it, alice's session on pc1 lets the intruder take fs, bob's on pc2 does not.
    core::RunResult fromAlice = Simulate(alices, "microseg+idfw");
    EXPECT_TRUE(fromAlice.timeToCrownJewel_s.has_value());
    EXPECT_EQ(fromAlice.everInfected, 2u);
    core::RunResult fromBob = Simulate(bobs, "microseg+idfw");
    EXPECT_FALSE(fromBob.timeToCrownJewel_s.has_value());
    EXPECT_EQ(fromBob.everInfected, 1u);
    EXPECT_GT(fromBob.blockedByRule["dfw/others-no-files"], 0u);
}

TEST(IdentityFirewallSim, AFloatingDesktopTakesTheRightsOfWhoeverLogsOnNext)
{
    // pc4 is in the floating pool: four users for three desktops, each logon on a free one
    // drawn anew; the intruder takes fs in the runs where dana (records) sits at pc4 while it
    // tries, and not in the others (alice, records too, keeps to her own desktop).
    const std::string churn =
        "{logged_on_share: 1, logon_window: 10m, session_mean: 1h, break_mean: 20m}";
    core::Scenario s = formats::ReadScenarioText(Office("pc4", churn), "c.yaml");
    std::size_t leaked = 0;
    const std::size_t runs = 6;
    for (std::uint64_t run = 0; run < runs; ++run)
    {
        leaked += Simulate(s, "microseg+idfw", run).timeToCrownJewel_s ? 1 : 0;
    }
    EXPECT_GT(leaked, 0u);
    EXPECT_LT(leaked, runs);
}

TEST(IdentityFirewallSim, ProbeWithNobodyLoggedOnEqualsTheMatrix)
{
    core::Scenario s = formats::ReadScenarioText(Office("pc1", kEveryoneStays), "e.yaml");
    for (const auto& posture : s.Postures())
    {
        core::ReachMatrix proved =
            verifier::BuildReachMatrix(s, posture, core::MatrixGrouping::Group);
        core::ReachMatrix observed = sim::ProbeReachMatrix(s, posture, core::MatrixGrouping::Group);
        EXPECT_EQ(observed.firewalls, proved.firewalls);
        ASSERT_EQ(observed.reach, proved.reach) << posture.name;
    }
    core::ReachMatrix idfw =
        verifier::BuildReachMatrix(s, *s.FindPosture("microseg+idfw"), core::MatrixGrouping::Group);
    EXPECT_EQ(idfw.firewalls, "dfw + identity firewall, nobody logged on");
}

TEST(IdentityFirewallSim, RunsStayInsideTheClosureOverEverySessionState)
{
    // Lateral movement over SMB, the identity firewall opening desktops -> fs for records'
    // sessions only: whatever the sessions do, no run takes a machine outside the closure.
    const std::string churn =
        "{logged_on_share: 1, logon_window: 10m, session_mean: 20m, break_mean: 10m}";
    core::Scenario s = formats::ReadScenarioText(Office("pc4", churn), "f.yaml");
    const core::Posture& posture = *s.FindPosture("microseg+idfw");
    const std::vector<std::uint16_t> ports = verifier::LateralPorts(s);
    for (std::uint64_t run = 0; run < 4; ++run)
    {
        core::RunResult r = Simulate(s, "microseg+idfw", run);
        std::vector<core::Index> initial(r.phishedMachines.begin(), r.phishedMachines.end());
        std::vector<bool> closure = verifier::LateralClosure(s, posture, initial, ports);
        for (std::int32_t m : r.infectedMachines)
        {
            EXPECT_TRUE(closure[static_cast<std::size_t>(m)]) << "run " << run << " machine " << m;
        }
    }
    // The closure from pc4 holds fs (some session, alice's, opens it) and no other desktop.
    std::vector<bool> fromPc4 =
        verifier::LateralClosure(s, posture, {s.GetEstate().FindMachine("pc4")}, ports);
    EXPECT_TRUE(fromPc4[s.GetEstate().FindMachine("fs")]);
    EXPECT_FALSE(fromPc4[s.GetEstate().FindMachine("pc5")]);
}

TEST(IdentityFirewallSim, WithoutTheIdentityFirewallTheRunIsTheSameByteForByte)
{
    // The identity section changes nothing under a posture with the identity firewall off:
    // the same run as the scenario without it.
    core::Scenario with = formats::ReadScenarioText(Office("pc2", kEveryoneStays), "d.yaml");
    std::string text = Office("pc2", kEveryoneStays);
    const auto from = text.find("identity:");
    const auto to = text.find("firewalls:");
    text.erase(from, to - from);
    const std::string idfwRules =
        "      - {id: records-files, from: {ad_group: records}, to: files, service: tcp/445,\n"
        "         action: allow}\n"
        "      - {id: others-no-files, from: desktops, to: files, service: tcp/445, action: drop,\n"
        "         idfw: true}\n";
    text.erase(text.find(idfwRules), idfwRules.size());
    text.erase(text.find("  microseg+idfw: {firewalls: [dfw], idfw: true}\n"),
               std::string("  microseg+idfw: {firewalls: [dfw], idfw: true}\n").size());
    core::Scenario without = formats::ReadScenarioText(text, "d.yaml");
    core::RunResult a = Simulate(with, "microseg");
    core::RunResult b = Simulate(without, "microseg");
    a.wall_s = b.wall_s = 0; // the one figure that is the machine's, not the model's
    EXPECT_EQ(formats::EncodeRunResult(a), formats::EncodeRunResult(b));
}

} // namespace
