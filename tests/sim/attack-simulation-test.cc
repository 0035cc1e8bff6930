// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
// The attack replay on a small office: outcomes that must emerge from the packets (spread in
// a flat segment, none through a DFW that isolates desktops, quarantine cutting exfiltration),
// determinism, the worm profile, and the campaign runner's process pool.

#include "formats/run-result/run-result-json.h"
#include "formats/scenario/scenario-reader.h"
#include "sim/run/attack-simulation.h"
#include "sim/run/campaign.h"

#include <gtest/gtest.h>
#include <string>

namespace
{

using namespace segproof;

/// 12 Windows desktops on one segment, a file server holding 20 MB, a proxy, C2 outside.
/// `attack` and `defence` are appended as written.
std::string
Office(const std::string& attackAndDefence)
{
    return R"(format: segproof/v1
name: office
estate:
  segments:
    - {name: lan, vlan: 10, cidr: 10.0.0.0/24}
    - {name: srv, vlan: 20, cidr: 10.0.1.0/24}
  hosts:
    - {name: "h[1-2]"}
  machines:
    - {name: "pc[01-12]", kind: desktop, segment: lan, host: "h[1-2]", ip: auto,
       tags: [role|desk], os: Windows 10}
    - {name: fs, kind: server, segment: srv, host: h1, ip: 10.0.1.10, os: Linux,
       listens: [smb], holds: {records: 1000, bytes: 20MB}}
    - {name: proxy, kind: server, segment: srv, host: h2, ip: 10.0.1.20, os: Linux,
       listens: [proxy]}
  external:
    - {name: c2, ip: 203.0.113.10}
groups:
  desktops: {tag: role|desk}
  files: {machines: [fs]}
  proxies: {machines: [proxy]}
  quarantined: {tag: virus_found|true}
  internal: {cidr: 10.0.0.0/8}
  internet: {all: [any], except: [internal]}
services:
  smb: tcp/445
  proxy: tcp/8080
  web: [tcp/80, tcp/443]
firewalls:
  dfw:
    default: drop
    rules:
      - {id: q-out, from: quarantined, to: any, service: any, action: drop}
      - {id: q-in, from: any, to: quarantined, service: any, action: drop}
      - {id: isolate, from: desktops, to: desktops, service: any, action: drop}
      - {id: files, from: desktops, to: files, service: smb, action: allow}
      - {id: browse, from: desktops, to: proxies, service: proxy, action: allow}
      - {id: egress, from: proxies, to: internet, service: web, action: allow}
  perimeter:
    default: drop
    rules:
      - {id: edge, from: proxies, to: internet, service: web, action: allow}
postures:
  flat: [perimeter]
  microseg: [dfw, perimeter]
  microseg+quarantine: {firewalls: [dfw, perimeter], quarantine: true}
)" + attackAndDefence;
}

/// Fast attacker, AV that never fires: the network alone decides.
const char* const kFastAttack = R"(attack:
  breakout: 60s
  lateral: {attempt_interval: 30s, exploit_success: 1, credential_success: 1, infection_delay: 10s}
  c2: {beacon_interval: 10m}
defence:
  av: {detect_new: 0, detect_known: 0}
  monitoring: {detect: 0}
)";

sim::RunSettings
Settings(std::uint64_t run, double duration = 3600)
{
    sim::RunSettings s;
    s.seed = 7;
    s.run = run;
    s.duration_s = duration;
    s.sampleInterval_s = 60;
    return s;
}

core::RunResult
Simulate(const core::Scenario& scenario, const std::string& posture, std::uint64_t run = 0,
         double duration = 3600)
{
    return sim::SimulateAttack(scenario, *scenario.FindPosture(posture), Settings(run, duration));
}

TEST(AttackSimulationTest, FlatSegmentLosesEveryDesktopAndTheData)
{
    core::Scenario s = formats::ReadScenarioText(Office(kFastAttack), "office.yaml");
    core::RunResult r = Simulate(s, "flat");
    EXPECT_EQ(r.phished, 1u);
    EXPECT_EQ(r.everInfectedDesktops, 12u);
    ASSERT_TRUE(r.timeToCrownJewel_s.has_value());
    EXPECT_GE(*r.timeToCrownJewel_s, 30.0); // not before half the breakout time
    EXPECT_EQ(r.exfiltratedBytes, 20000000u);
    EXPECT_EQ(r.alerts, 0u); // no AV, monitoring that never fires
    EXPECT_GT(r.packets, 0u);
    ASSERT_FALSE(r.infectedSeries.empty());
    EXPECT_EQ(r.infectedSeries.front(), std::make_pair(0.0, 1u));
    EXPECT_EQ(r.infectedSeries.back().first, 3600.0);
    EXPECT_EQ(r.infectedSeries.size(), 61u);
}

TEST(AttackSimulationTest, DfwHoldsTheSpreadToThePhishedDesktop)
{
    core::Scenario s = formats::ReadScenarioText(Office(kFastAttack), "office.yaml");
    core::RunResult r = Simulate(s, "microseg");
    EXPECT_EQ(r.everInfected, 1u);
    EXPECT_GT(r.blocked[static_cast<std::size_t>(core::BlockedAt::Dfw)], 0u);
    EXPECT_GT(r.blockedByRule["dfw/isolate"], 0u); // the desktop-isolation rule did it
    // The phished user's own share and proxy are allowed: the data still leaves.
    EXPECT_TRUE(r.timeToCrownJewel_s.has_value());
    EXPECT_EQ(r.exfiltratedBytes, 20000000u);
}

TEST(AttackSimulationTest, QuarantineCutsTheExfiltrationOnlyUnderAQuarantinePosture)
{
    // AV detects within ~20 s, long before the breakout; the tag acts 5 s later.
    const std::string attack = R"(attack:
  breakout: 30m
  lateral: {attempt_interval: 30s, exploit_success: 1, infection_delay: 10s}
defence:
  av: {detect_new: 1, delay: 20s, removes: false}
  quarantine: {reaction_delay: 5s}
)";
    core::Scenario s = formats::ReadScenarioText(Office(attack), "office.yaml");
    core::RunResult quarantine = Simulate(s, "microseg+quarantine");
    EXPECT_EQ(quarantine.detected, 1u);
    EXPECT_EQ(quarantine.quarantined, 1u);
    EXPECT_EQ(quarantine.exfiltratedBytes, 0u);
    EXPECT_FALSE(quarantine.timeToCrownJewel_s.has_value());
    core::RunResult plain = Simulate(s, "microseg");
    EXPECT_EQ(plain.detected, 1u);
    EXPECT_EQ(plain.quarantined, 0u);
    EXPECT_EQ(plain.exfiltratedBytes, 20000000u);
}

TEST(AttackSimulationTest, MonitoringAlertsOnWhatCrossesTheGatewayAndBlocksNothing)
{
    std::string attack = kFastAttack;
    attack.replace(attack.find("monitoring: {detect: 0}"), 23, "monitoring: {detect: 1}");
    core::Scenario watched = formats::ReadScenarioText(Office(attack), "office.yaml");
    core::Scenario blind = formats::ReadScenarioText(Office(kFastAttack), "office.yaml");
    core::RunResult seen = Simulate(watched, "flat");
    core::RunResult unseen = Simulate(blind, "flat");
    // Beacons, collection and exfiltration cross the gateway (desktops -> servers segment).
    EXPECT_GT(seen.alerts, 0u);
    EXPECT_EQ(seen.everInfected, unseen.everInfected);
    EXPECT_EQ(seen.exfiltratedBytes, unseen.exfiltratedBytes);
}

TEST(AttackSimulationTest, ExfiltrationIsThrottledAndCountedOnceWhereItArrives)
{
    // 4 MB POSTs paced at 2 kB/s: one at once, the next 2,000 s later, the third after the
    // end of the hour. The proxy relays each POST; only the C2 counts it.
    std::string attack = kFastAttack;
    attack.replace(attack.find("  c2:"), 0, "  exfiltration: {rate: 2KB/s}\n");
    core::Scenario s = formats::ReadScenarioText(Office(attack), "office.yaml");
    core::RunResult r = Simulate(s, "microseg");
    EXPECT_EQ(r.exfiltratedBytes, 8000000u);
}

TEST(AttackSimulationTest, SameSeedSameRunSameResult)
{
    core::Scenario s = formats::ReadScenarioText(Office(kFastAttack), "office.yaml");
    core::RunResult a = Simulate(s, "flat", 3, 1800);
    core::RunResult b = Simulate(s, "flat", 3, 1800);
    a.wall_s = b.wall_s = 0;
    EXPECT_EQ(formats::EncodeRunResult(a), formats::EncodeRunResult(b));
}

TEST(AttackSimulationTest, WormSweepsTheSubnet)
{
    const std::string worm = R"(attack:
  profile: worm
  worm: {scans_per_second: 10, exploit_success: 1}
  lateral: {infection_delay: 5s}
defence:
  av: {detect_new: 0}
)";
    core::Scenario s = formats::ReadScenarioText(Office(worm), "office.yaml");
    core::RunResult flat = Simulate(s, "flat", 0, 600);
    EXPECT_EQ(flat.everInfectedDesktops, 12u);
    EXPECT_FALSE(flat.timeToCrownJewel_s.has_value()); // a worm collects nothing
    core::RunResult microseg = Simulate(s, "microseg", 0, 120);
    EXPECT_EQ(microseg.everInfected, 1u);
}

TEST(CampaignTest, RunsComeBackInOrderWhateverFinishesFirst)
{
    core::Scenario s = formats::ReadScenarioText(Office(kFastAttack), "office.yaml");
    sim::CampaignSettings c;
    c.postures = {*s.FindPosture("microseg"), *s.FindPosture("flat")};
    c.runs = 2;
    c.run = Settings(0, 900);
    c.workers = 2;
    std::size_t reported = 0;
    c.progress = [&reported](std::size_t done, std::size_t total)
    {
        EXPECT_EQ(total, 4u);
        reported = done;
    };
    std::vector<core::RunResult> results = sim::RunCampaign(s, c);
    ASSERT_EQ(results.size(), 4u);
    EXPECT_EQ(reported, 4u);
    for (std::size_t i = 0; i < results.size(); ++i)
    {
        EXPECT_EQ(results[i].posture, i < 2 ? "microseg" : "flat");
        EXPECT_EQ(results[i].run, i % 2);
        // A run in a child process equals the same run here.
        core::RunResult here = sim::SimulateAttack(s, c.postures[i / 2], Settings(i % 2, 900));
        here.wall_s = results[i].wall_s;
        EXPECT_EQ(formats::EncodeRunResult(results[i]), formats::EncodeRunResult(here));
    }
}

TEST(CampaignTest, OddNamesComeBackFromTheRunsProcess)
{
    // A rule id with a newline and a byte that is not UTF-8, a posture with a leading space:
    // a run in a child process sends them back as they are.
    std::string text = Office(kFastAttack);
    const std::string notUtf8(1, '\xff');
    const std::string rule = "isolate\n" + notUtf8 + "all";
    text.replace(text.find("{id: isolate,"), 13, "{id: \"isolate\\n" + notUtf8 + "all\",");
    text.replace(text.find("  microseg: [dfw"), 11, "  \" microseg\":");
    core::Scenario s = formats::ReadScenarioText(text, "office.yaml");
    ASSERT_NE(s.FindPosture(" microseg"), nullptr);
    sim::CampaignSettings c;
    c.postures = {*s.FindPosture(" microseg")};
    c.runs = 1;
    c.run = Settings(0, 900);
    std::vector<core::RunResult> results = sim::RunCampaign(s, c);
    ASSERT_EQ(results.size(), 1u);
    EXPECT_EQ(results[0].posture, " microseg");
    EXPECT_GT(results[0].blockedByRule["dfw/" + rule], 0u);
    core::RunResult here = sim::SimulateAttack(s, c.postures[0], Settings(0, 900));
    here.wall_s = results[0].wall_s;
    EXPECT_EQ(formats::EncodeRunResult(results[0]), formats::EncodeRunResult(here));
}

TEST(CampaignTest, EncodedResultsReadBack)
{
    core::RunResult r;
    r.posture = "microseg+quarantine";
    r.run = 4;
    r.infectedSeries = {{0, 1}, {0.5, 2}, {60, 3}};
    r.everInfected = 3;
    r.timeToCrownJewel_s = 1234.5678;
    r.exfiltratedBytes = 250000000;
    r.blocked = {1, 2, 3, 4};
    r.blockedByRule = {{"dfw/vdi isolation", 1}, {"gateway/default", 2}};
    r.alerts = 9;
    r.infectedMachines = {3, 7, 3};
    r.phishedMachines = {3};
    std::string text = formats::EncodeRunResult(r);
    EXPECT_EQ(formats::EncodeRunResult(formats::DecodeRunResult(text)), text);
    EXPECT_EQ(formats::DecodeRunResult(text).infectedMachines, r.infectedMachines);
    EXPECT_EQ(formats::DecodeRunResult(text).phishedMachines, r.phishedMachines);
    EXPECT_THROW(formats::DecodeRunResult(text.substr(0, text.size() / 2)), std::runtime_error);
}

} // namespace

namespace
{

// seed-nsx.yaml is the seed with its DFW read from NSX: its quarantine rules name the NSX group
// /infra/domains/default/groups/quarantined (Tag EQUALS virus_found|true), not the scenario's
// group. A VM the AV tags must join that group, as NSX does, or quarantine never bites.
TEST(AttackSimulationTest, TheQuarantineTagJoinsTheNsxGroupsOfThatTag)
{
    core::Scenario native = formats::ReadScenarioFile(SEGPROOF_SCENARIOS_DIR "/seed.yaml");
    core::Scenario nsx = formats::ReadScenarioFile(SEGPROOF_SCENARIOS_DIR "/seed-nsx.yaml");
    std::size_t saved = 0;
    for (std::uint64_t run = 0; run < 6; ++run)
    {
        core::RunResult a = Simulate(native, "microseg+quarantine", run, 8 * 3600);
        core::RunResult b = Simulate(nsx, "microseg+quarantine", run, 8 * 3600);
        EXPECT_EQ(a.quarantined, b.quarantined) << "run " << run;
        EXPECT_EQ(a.timeToCrownJewel_s.has_value(), b.timeToCrownJewel_s.has_value())
            << "run " << run;
        EXPECT_EQ(a.exfiltratedBytes, b.exfiltratedBytes) << "run " << run;
        saved += b.timeToCrownJewel_s.has_value() ? 0 : 1;
    }
    EXPECT_GT(saved, 0u); // the tag took effect in some run
}

} // namespace
