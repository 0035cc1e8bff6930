// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
// Detection at the vNIC on a small office (docs/attack-model.md, "Detection at the vNIC"):
// the blocked-attempt pattern, the IDS in detect mode and the IPS in prevent mode, the alert
// chain and the quarantine it drives, `logged` rules, and the benign traffic beside the attack.
// Every figure comes from the packets of one seeded run.

#include "formats/run-result/run-result-json.h"
#include "formats/scenario/scenario-reader.h"
#include "sim/run/attack-simulation.h"

#include <fstream>
#include <gtest/gtest.h>
#include <sstream>
#include <string>

namespace
{

using namespace segproof;

/// 12 desktops (the phished one is pc12), an application server every desktop may reach on
/// SMB, and the file server holding 20 MB that only the application server may read: the data
/// leaves only once the intruder owns the application server. A proxy, C2 outside.
std::string
Office(const std::string& attackAndDefence)
{
    return R"(format: segproof/v1
name: detection-office
estate:
  segments:
    - {name: lan, vlan: 10, cidr: 10.0.0.0/24}
    - {name: srv, vlan: 20, cidr: 10.0.1.0/24}
  hosts:
    - {name: "h[1-2]"}
  machines:
    - {name: "pc[01-12]", kind: desktop, segment: lan, host: "h[1-2]", ip: auto,
       tags: [role|desk], os: Windows 10}
    - {name: app, kind: server, segment: srv, host: h1, ip: 10.0.1.5, os: Windows Server 2019,
       listens: [smb]}
    - {name: fs, kind: server, segment: srv, host: h1, ip: 10.0.1.10, os: Linux,
       listens: [smb], holds: {records: 1000, bytes: 20MB}}
    - {name: proxy, kind: server, segment: srv, host: h2, ip: 10.0.1.20, os: Linux,
       listens: [proxy]}
  external:
    - {name: c2, ip: 203.0.113.10}
groups:
  desktops: {tag: role|desk}
  apps: {machines: [app]}
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
      - {id: q-out, from: quarantined, to: any, service: any, action: drop, logged: true}
      - {id: q-in, from: any, to: quarantined, service: any, action: drop, logged: true}
      - {id: isolate, from: desktops, to: desktops, service: any, action: drop, logged: true}
      - {id: app, from: desktops, to: apps, service: smb, action: allow}
      - {id: files, from: apps, to: files, service: smb, action: allow}
      - {id: browse, from: [desktops, apps], to: proxies, service: proxy, action: allow}
      - {id: egress, from: proxies, to: internet, service: web, action: allow}
  perimeter:
    default: drop
    rules:
      - {id: edge, from: proxies, to: internet, service: web, action: allow}
postures:
  microseg: [dfw, perimeter]
  microseg+quarantine: {firewalls: [dfw, perimeter], quarantine: true}
  microseg+pattern: {firewalls: [dfw, perimeter], pattern: true}
  microseg+pattern+quarantine: {firewalls: [dfw, perimeter], pattern: true, quarantine: true}
  microseg+ids: {firewalls: [dfw, perimeter], ids: detect}
  microseg+ips: {firewalls: [dfw, perimeter], ids: prevent}
intents:
  - {id: apps-ok, allow: {from: desktops, to: apps, service: smb}}
  - {id: web-ok, allow: {from: desktops, to: proxies, service: proxy}}
)" + attackAndDefence;
}

/// pc12 is phished; the intruder moves every ~30 s over SMB; AV and monitoring never fire;
/// the pattern alerts on the second blocked attempt within 10 minutes; the tag acts in 1 s.
/// The IDS knows only the SMB exploit, and raises no false alarm.
const char* const kAttack = R"(attack:
  initial_access: {targets: [pc12]}
  breakout: 60s
  lateral: {techniques: [smb], attempt_interval: 30s, exploit_success: 1, infection_delay: 10s}
  credential_theft: 0
  c2: {beacon_interval: 10m}
defence:
  av: {detect_new: 0, detect_known: 0}
  monitoring: {detect: 0, false_alarm: 0}
  pattern: {threshold: 2, window: 10m}
  ids:
    new: {smb_exploit: 1, pass_the_hash: 0, remote_exec: 0, rdp: 0, beacon: 0, upload: 0}
    false_alarm: 0
  quarantine: {reaction_delay: 1s}
)";

sim::RunSettings
Settings(std::uint64_t run)
{
    sim::RunSettings s;
    s.seed = 11;
    s.run = run;
    s.duration_s = 3600;
    s.sampleInterval_s = 60;
    return s;
}

core::RunResult
Simulate(const core::Scenario& scenario, const std::string& posture, std::uint64_t run = 0,
         sim::RunSettings settings = Settings(0))
{
    settings.run = run;
    return sim::SimulateAttack(scenario, *scenario.FindPosture(posture), settings);
}

const core::Scenario&
OfficeScenario()
{
    static const core::Scenario s = formats::ReadScenarioText(Office(kAttack), "office.yaml");
    return s;
}

std::size_t
Of(core::AlertSource source)
{
    return static_cast<std::size_t>(source);
}

TEST(DetectionTest, WithoutDetectionTheIntruderTakesTheAppServerAndTheDataLeaves)
{
    core::RunResult r = Simulate(OfficeScenario(), "microseg");
    EXPECT_EQ(r.everInfected, 2u); // pc12, then app: every desktop move is blocked
    ASSERT_TRUE(r.timeToCrownJewel_s.has_value());
    EXPECT_EQ(r.exfiltratedBytes, 20000000u);
    EXPECT_GT(r.blockedByRule["dfw/isolate"], 0u);
    EXPECT_EQ(r.alerts, 0u);
}

TEST(DetectionTest, ThePatternQuarantinesThePhishedDesktopAfterItsBlockedMoves)
{
    // Over several runs: the pattern fires on pc12's blocked moves and the tag isolates it
    // before it takes the application server, unless its first move went there (1 in 12).
    std::size_t saved = 0;
    for (std::uint64_t run = 0; run < 4; ++run)
    {
        core::RunResult plain = Simulate(OfficeScenario(), "microseg", run);
        core::RunResult watched = Simulate(OfficeScenario(), "microseg+pattern+quarantine", run);
        EXPECT_EQ(plain.exfiltratedBytes, 20000000u) << "run " << run;
        EXPECT_GE(watched.alertsBySource[Of(core::AlertSource::Pattern)], 1u) << "run " << run;
        EXPECT_EQ(watched.falseAlarmsBySource[Of(core::AlertSource::Pattern)], 0u);
        ASSERT_TRUE(watched.timeToFirstAlert_s.has_value()) << "run " << run;
        EXPECT_EQ(watched.firstAlertSource, static_cast<std::uint8_t>(core::AlertSource::Pattern));
        ASSERT_TRUE(watched.timeToQuarantine_s.has_value()) << "run " << run;
        EXPECT_GE(*watched.timeToQuarantine_s, *watched.timeToFirstAlert_s + 1.0);
        EXPECT_EQ(watched.wronglyQuarantined, 0u);
        saved += watched.exfiltratedBytes == 0 && !watched.timeToCrownJewel_s ? 1 : 0;
        // After the tag, pc12's own attempts hit the quarantine rule, logged per machine.
        EXPECT_GT(watched.loggedHits["q-out"]["pc12"], 0u) << "run " << run;
    }
    EXPECT_GE(saved, 3u);
}

TEST(DetectionTest, AlertsUnderAPostureWithoutQuarantineChangeNothing)
{
    for (const char* posture : {"microseg+pattern", "microseg+ids"})
    {
        core::RunResult plain = Simulate(OfficeScenario(), "microseg");
        core::RunResult alerted = Simulate(OfficeScenario(), posture);
        EXPECT_GT(alerted.alerts, 0u) << posture;
        EXPECT_EQ(alerted.quarantined, 0u);
        EXPECT_EQ(alerted.everInfected, plain.everInfected) << posture;
        EXPECT_EQ(alerted.timeToCrownJewel_s, plain.timeToCrownJewel_s) << posture;
        EXPECT_EQ(alerted.exfiltratedBytes, plain.exfiltratedBytes) << posture;
        EXPECT_EQ(alerted.blocked, plain.blocked) << posture;
        EXPECT_EQ(alerted.idsPrevented, 0u); // detect mode blocks nothing
    }
}

TEST(DetectionTest, IdsInDetectModeAlertsOnTheExploitAndLetsItThrough)
{
    core::RunResult r = Simulate(OfficeScenario(), "microseg+ids");
    EXPECT_EQ(r.alertsBySource[Of(core::AlertSource::Ids)], 1u); // the one exploit session
    EXPECT_EQ(r.falseAlarmsBySource[Of(core::AlertSource::Ids)], 0u);
    EXPECT_EQ(r.everInfected, 2u);
    EXPECT_EQ(r.exfiltratedBytes, 20000000u);
}

TEST(DetectionTest, IpsInPreventModeDropsTheExploitAndNotTheAllowedSmb)
{
    core::RunResult r = Simulate(OfficeScenario(), "microseg+ips");
    // The exploit session to app is dropped at the vNIC: app is never taken, nothing leaves.
    EXPECT_GE(r.idsPrevented, 1u);
    EXPECT_EQ(r.everInfected, 1u);
    EXPECT_FALSE(r.timeToCrownJewel_s.has_value());
    EXPECT_EQ(r.exfiltratedBytes, 0u);
    // The desktops' own SMB to app (benign, no signature) all went through.
    EXPECT_GT(r.benignSessions, 0u);
    EXPECT_EQ(r.benignFailed, 0u);
}

TEST(DetectionTest, BenignTrafficIsPlayedAndCountsNoAlertAsTrue)
{
    // Every benign session alerts (false_alarm 1): each is a false alarm, none a true one,
    // and under quarantine every desktop is taken from its user.
    std::string text = Office(kAttack) + "benign: {logon_window: 1m, file_share: 2m, web: 2m}\n";
    text.replace(text.find("    false_alarm: 0\n"), 19, "    false_alarm: 1\n");
    core::Scenario s = formats::ReadScenarioText(text, "office.yaml");
    core::RunResult r = Simulate(s, "microseg+ids");
    EXPECT_GT(r.benignSessions, 0u);
    EXPECT_GT(r.falseAlarmsBySource[Of(core::AlertSource::Ids)], 0u);
    EXPECT_EQ(r.alertsBySource[Of(core::AlertSource::Ids)], 1u);
    std::string quarantined = text;
    const std::string detect = "ids: detect}";
    quarantined.replace(quarantined.find(detect), detect.size(), "ids: detect, quarantine: true}");
    core::Scenario q = formats::ReadScenarioText(quarantined, "office.yaml");
    core::RunResult taken = Simulate(q, "microseg+ids");
    EXPECT_EQ(taken.desktopsTakenFromUsers, 11u); // every desktop but the phished one
    EXPECT_GT(taken.benignFailed, 0u);
}

TEST(DetectionTest, WithoutBenignTrafficNoBenignSession)
{
    sim::RunSettings settings = Settings(0);
    settings.benign = false;
    core::RunResult r = Simulate(OfficeScenario(), "microseg", 0, settings);
    EXPECT_EQ(r.benignSessions, 0u);
    EXPECT_EQ(r.exfiltratedBytes, 20000000u);
}

TEST(DetectionTest, FlowRecordsListEverySessionBenignAndAttack)
{
    sim::RunSettings settings = Settings(0);
    settings.flowsFile = ::testing::TempDir() + "/detection-flows.csv";
    core::RunResult r = Simulate(OfficeScenario(), "microseg", 0, settings);
    std::ifstream in(settings.flowsFile);
    std::string line;
    std::size_t benign = 0;
    std::size_t attack = 0;
    while (std::getline(in, line))
    {
        benign += line.find(",benign,") != std::string::npos ? 1 : 0;
        attack += line.find(",attack,") != std::string::npos ? 1 : 0;
        EXPECT_EQ(line.rfind("microseg,0,10.0.", 0), 0u) << line;
    }
    EXPECT_GT(attack, 0u);
    EXPECT_GT(benign, 0u);
    EXPECT_LE(benign, r.benignSessions); // sessions still open at the end are not records
    EXPECT_GE(benign + 5, r.benignSessions);
}

TEST(DetectionTest, TheSameSeedGivesTheSameResult)
{
    core::RunResult a = Simulate(OfficeScenario(), "microseg+pattern+quarantine", 2);
    core::RunResult b = Simulate(OfficeScenario(), "microseg+pattern+quarantine", 2);
    a.wall_s = b.wall_s = 0;
    EXPECT_EQ(formats::EncodeRunResult(a), formats::EncodeRunResult(b));
}

} // namespace
