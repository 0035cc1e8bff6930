// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
// The scenario's `attack:`, `defence:` and `benign:` sections (formats/scenario/attack-reader.h,
// docs/attack-model.md) and the units they are written in (core/units.h).

#include "core/input-error.h"
#include "core/limits.h"
#include "core/units.h"
#include "formats/scenario/scenario-reader.h"
#include "support/scenario-errors.h"

#include <fstream>
#include <gtest/gtest.h>
#include <sstream>
#include <string>
#include <vector>

namespace
{

using namespace segproof::core;
using namespace segproof::formats;

// Machines in file order: pc1..pc4 (0-3), admin1 (4), fs01 (5), proxy01 (6).
const std::string kEstate = R"(format: segproof/v1
name: attack-test
estate:
  segments:
    - {name: vdi, cidr: 10.10.0.0/24}
    - {name: servers, cidr: 10.20.0.0/24}
  machines:
    - {name: "pc[1-4]", kind: desktop, segment: vdi}
    - {name: admin1, kind: desktop, segment: vdi, tags: [role|admin]}
    - {name: fs01, kind: server, segment: servers, holds: {records: 10, bytes: 1MB}}
    - {name: proxy01, kind: server, segment: servers}
  external:
    - {name: c2, ip: 203.0.113.10}
    - {name: drop-box, ip: 198.51.100.7}
groups:
  admins: {tag: role|admin}
  server-seg: {segment: servers}
  server-net: {cidr: 10.20.0.0/24}
  nobody: {tag: virus_found|true}
)";

// Line of the first line appended after kEstate.
constexpr int kFirstLine = 20;

Scenario
Read(const std::string& sections)
{
    return ReadScenarioText(kEstate + sections, "a.yaml");
}

/// Every diagnostic of a text that must fail, as "LINE:COL: message" (the file is a.yaml).
std::vector<std::string>
Errors(const std::string& sections)
{
    return segproof::test::ScenarioErrors(kEstate + sections, "a.yaml");
}

/// The single error of a text that must fail.
std::string
Error(const std::string& sections)
{
    std::vector<std::string> errors = Errors(sections);
    EXPECT_EQ(errors.size(), 1u) << ::testing::PrintToString(errors);
    return errors.empty() ? "" : errors[0];
}

std::string
Line(int offset, int column)
{
    return std::to_string(kFirstLine + offset) + ":" + std::to_string(column) + ": ";
}

TEST(AttackReaderTest, AbsentSectionsGiveTheDefaults)
{
    Scenario s = Read("");
    const AttackParameters& a = s.Attack();
    AttackParameters d;
    EXPECT_FALSE(a.given);
    EXPECT_EQ(a.location.file, "a.yaml");
    EXPECT_EQ(a.location.line, 0);
    EXPECT_EQ(a.profile, d.profile);
    EXPECT_EQ(a.sample, d.sample);
    EXPECT_TRUE(a.initialAccess.targets.empty());
    EXPECT_EQ(a.initialAccess.mails, d.initialAccess.mails);
    EXPECT_EQ(a.initialAccess.opened, d.initialAccess.opened);
    EXPECT_EQ(a.initialAccess.window_s, d.initialAccess.window_s);
    EXPECT_EQ(a.breakout_s, d.breakout_s);
    EXPECT_EQ(a.lateral.techniques, d.lateral.techniques);
    EXPECT_EQ(a.lateral.attemptInterval_s, d.lateral.attemptInterval_s);
    EXPECT_EQ(a.lateral.toolBytes, d.lateral.toolBytes);
    EXPECT_EQ(a.worm.scansPerSecond, d.worm.scansPerSecond);
    EXPECT_EQ(a.credentialTheft, d.credentialTheft);
    EXPECT_TRUE(a.crownJewels.empty());
    EXPECT_EQ(a.exfiltrationTo, kNone);
    EXPECT_EQ(a.exfiltrationVia, kNone);
    EXPECT_FALSE(a.exfiltrationDirect);
    EXPECT_EQ(a.exfiltrationPort, d.exfiltrationPort);
    EXPECT_EQ(a.beaconInterval_s, d.beaconInterval_s);
    const DefenceParameters& f = s.Defence();
    EXPECT_FALSE(f.given);
    EXPECT_EQ(f.location.file, "a.yaml");
    EXPECT_EQ(f.avDetectNew, DefenceParameters().avDetectNew);
    EXPECT_EQ(f.quarantineTag, "virus_found|true");
    EXPECT_EQ(f.monitoringFalseAlarm, DefenceParameters().monitoringFalseAlarm);
    EXPECT_EQ(f.patternThreshold, DefenceParameters().patternThreshold);
    EXPECT_EQ(f.patternWindow_s, DefenceParameters().patternWindow_s);
    EXPECT_EQ(f.idsDetectKnown, DefenceParameters().idsDetectKnown);
    EXPECT_EQ(f.idsDetectNew, DefenceParameters().idsDetectNew);
    EXPECT_EQ(f.idsFalseAlarm, DefenceParameters().idsFalseAlarm);
    const BenignTrafficParameters& b = s.Benign();
    BenignTrafficParameters db;
    EXPECT_FALSE(b.given);
    EXPECT_EQ(b.location.file, "a.yaml");
    EXPECT_EQ(b.location.line, 0);
    EXPECT_EQ(b.enabled, db.enabled);
    EXPECT_EQ(b.logonWindow_s, db.logonWindow_s);
    EXPECT_EQ(b.policyRefresh_s, db.policyRefresh_s);
    EXPECT_EQ(b.webInterval_s, db.webInterval_s);
    EXPECT_EQ(b.webBytes, db.webBytes);
}

TEST(AttackReaderTest, DefaultsAreTheDocumentedFigures)
{
    // docs/attack-model.md's tables; a change here is a change there (and in its sources).
    AttackParameters a;
    EXPECT_EQ(a.profile, AttackProfile::Targeted);
    EXPECT_EQ(a.sample, SampleKind::New);
    EXPECT_EQ(a.breakout_s, 62 * 60.0); // CrowdStrike 2023
    EXPECT_EQ(a.lateral.techniques.size(), 3u);
    EXPECT_EQ(a.lateral.attemptInterval_s, 600);
    EXPECT_EQ(a.lateral.exploitSuccess, 0.3);
    EXPECT_EQ(a.lateral.credentialSuccess, 0.9);
    EXPECT_EQ(a.lateral.infectionDelay_s, 120);
    EXPECT_EQ(a.lateral.toolBytes, 500000u);
    EXPECT_EQ(a.worm.targeting, WormTargeting::SubnetFirst); // WannaCry
    EXPECT_EQ(a.worm.scansPerSecond, 10);                    // Staniford et al. 2002
    EXPECT_EQ(a.worm.exploitSuccess, 0.85);
    EXPECT_EQ(a.credentialTheft, 0.5);
    EXPECT_EQ(a.disableHostFirewallProbability, 0.9);
    EXPECT_EQ(a.disableHostFirewallDelay_s, 600);
    EXPECT_EQ(a.exfiltrationPort, 443);
    EXPECT_EQ(a.exfiltrationRate_Bps, 1e6);
    EXPECT_EQ(a.beaconInterval_s, 300);
    EXPECT_EQ(a.c2Egress, C2Egress::Phished);
    DefenceParameters d;
    EXPECT_EQ(d.avDetectNew, 0.51);   // Lastline / VirusTotal, day 0
    EXPECT_EQ(d.avDetectKnown, 0.98); // AV-TEST
    EXPECT_EQ(d.avDelay_s, 3600);
    EXPECT_FALSE(d.avRemoves); // [A]: detection alerts; quarantine contains
    EXPECT_EQ(d.monitoringDetect, 0.1);
    EXPECT_EQ(d.quarantineReaction_s, 60);
}

TEST(AttackReaderTest, EveryAttackKeyIsRead)
{
    Scenario s = Read(R"(attack:
  profile: worm
  sample: known
  initial_access: {targets: [admins, "pc[2-3]"], mails: 124, opened: 3, window: 12d}
  breakout: 29m
  lateral:
    techniques: [winrm, smb]
    attempt_interval: 5m
    exploit_success: 0.25
    credential_success: 1
    infection_delay: 90s
    tool_bytes: 2MiB
  worm: {scan: random, scans_per_second: 100, exploit_success: 0.5}
  credential_theft: 0
  disable_host_firewall: {probability: 0.75, delay: 0.5h}
  crown_jewels: [fs01]
  exfiltration: {to: drop-box, via: proxy01, port: 8443, rate: 10Mbit/s}
  c2: {beacon_interval: 500ms, egress: every}
)");
    const AttackParameters& a = s.Attack();
    EXPECT_TRUE(a.given);
    EXPECT_EQ(a.location.line, kFirstLine + 1);
    EXPECT_EQ(a.location.column, 3);
    EXPECT_EQ(a.profile, AttackProfile::Worm);
    EXPECT_EQ(a.sample, SampleKind::Known);
    EXPECT_EQ(a.initialAccess.targets, (std::vector<Index>{1, 2, 4}));
    EXPECT_EQ(a.initialAccess.mails, 124);
    EXPECT_EQ(a.initialAccess.opened, 3);
    EXPECT_EQ(a.initialAccess.window_s, 12 * 86400.0);
    EXPECT_EQ(a.breakout_s, 29 * 60.0);
    EXPECT_EQ(a.lateral.techniques,
              (std::vector<LateralTechnique>{LateralTechnique::WinRm, LateralTechnique::Smb}));
    EXPECT_EQ(a.lateral.attemptInterval_s, 300);
    EXPECT_EQ(a.lateral.exploitSuccess, 0.25);
    EXPECT_EQ(a.lateral.credentialSuccess, 1);
    EXPECT_EQ(a.lateral.infectionDelay_s, 90);
    EXPECT_EQ(a.lateral.toolBytes, 2u * 1024 * 1024);
    EXPECT_EQ(a.worm.targeting, WormTargeting::Random);
    EXPECT_EQ(a.worm.scansPerSecond, 100);
    EXPECT_EQ(a.worm.exploitSuccess, 0.5);
    EXPECT_EQ(a.credentialTheft, 0);
    EXPECT_EQ(a.disableHostFirewallProbability, 0.75);
    EXPECT_EQ(a.disableHostFirewallDelay_s, 1800);
    EXPECT_EQ(a.crownJewels, (std::vector<Index>{5}));
    EXPECT_EQ(a.exfiltrationTo, 1);
    EXPECT_EQ(a.exfiltrationVia, 6);
    EXPECT_FALSE(a.exfiltrationDirect);
    EXPECT_EQ(a.exfiltrationPort, 8443);
    EXPECT_EQ(a.exfiltrationRate_Bps, 1.25e6);
    EXPECT_EQ(a.beaconInterval_s, 0.5);
    EXPECT_EQ(a.c2Egress, C2Egress::Every);
}

TEST(AttackReaderTest, EveryDefenceKeyIsRead)
{
    Scenario s = Read(R"(defence:
  av: {detect_new: 0.61, detect_known: 1, delay: 10m, removes: true}
  monitoring: {detect: 0.25}
  quarantine: {tag: "edr|isolate", reaction_delay: 0}
)");
    const DefenceParameters& d = s.Defence();
    EXPECT_TRUE(d.given);
    EXPECT_EQ(d.location.line, kFirstLine + 1);
    EXPECT_EQ(d.avDetectNew, 0.61);
    EXPECT_EQ(d.avDetectKnown, 1);
    EXPECT_EQ(d.avDelay_s, 600);
    EXPECT_TRUE(d.avRemoves);
    EXPECT_EQ(d.monitoringDetect, 0.25);
    EXPECT_EQ(d.quarantineTag, "edr|isolate");
    EXPECT_EQ(d.quarantineReaction_s, 0);
}

TEST(AttackReaderTest, EveryDetectorKeyOfDefenceIsRead)
{
    Scenario s = Read(R"(defence:
  monitoring: {detect: 0.2, false_alarm: 0.001}
  pattern: {threshold: 12, window: 30m}
  ids:
    known: {smb_exploit: 0.99, pass_the_hash: 0.6, remote_exec: 0.7, rdp: 0.4, beacon: 0.8,
            upload: 0.5}
    new: {smb_exploit: 0.8, pass_the_hash: 0.2, remote_exec: 0.25, rdp: 0.05, beacon: 0.1,
          upload: 0}
    false_alarm: 0.003
)");
    const DefenceParameters& d = s.Defence();
    EXPECT_TRUE(d.given);
    EXPECT_EQ(d.monitoringDetect, 0.2);
    EXPECT_EQ(d.monitoringFalseAlarm, 0.001);
    EXPECT_EQ(d.patternThreshold, 12u);
    EXPECT_EQ(d.patternWindow_s, 1800);
    EXPECT_EQ(d.idsDetectKnown, (IdsRates{0.99, 0.6, 0.7, 0.4, 0.8, 0.5}));
    EXPECT_EQ(d.idsDetectNew, (IdsRates{0.8, 0.2, 0.25, 0.05, 0.1, 0}));
    EXPECT_EQ(d.idsFalseAlarm, 0.003);
    // The arrays are indexed by IdsSignature, named as the scenario's keys.
    EXPECT_EQ(IdsSignatureName(IdsSignature::RemoteExecution), "remote_exec");
    EXPECT_EQ(d.idsDetectKnown[static_cast<std::size_t>(IdsSignature::RemoteExecution)], 0.7);
}

TEST(AttackReaderTest, SignaturesLeftOutKeepTheirDefaults)
{
    Scenario s = Read("defence:\n  ids: {new: {rdp: 0.5}}\n");
    const DefenceParameters& d = s.Defence();
    IdsRates expected = DefenceParameters().idsDetectNew;
    expected[static_cast<std::size_t>(IdsSignature::Rdp)] = 0.5;
    EXPECT_EQ(d.idsDetectNew, expected);
    EXPECT_EQ(d.idsDetectKnown, DefenceParameters().idsDetectKnown);
    EXPECT_EQ(d.idsFalseAlarm, DefenceParameters().idsFalseAlarm);
    EXPECT_EQ(d.patternThreshold, DefenceParameters().patternThreshold);
}

TEST(AttackReaderTest, EveryBenignKeyIsRead)
{
    Scenario s = Read(R"(benign:
  enabled: false
  logon_window: 0
  policy_refresh: 90m
  policy_offset: 0s
  file_share: 20m
  web: 5m
  mail: 1h
  file_bytes: 4096
  web_bytes: 2.3MB
  mail_bytes: 1MiB
)");
    const BenignTrafficParameters& b = s.Benign();
    EXPECT_TRUE(b.given);
    EXPECT_EQ(b.location.file, "a.yaml");
    EXPECT_EQ(b.location.line, kFirstLine + 1);
    EXPECT_EQ(b.location.column, 3);
    EXPECT_FALSE(b.enabled);
    EXPECT_EQ(b.logonWindow_s, 0);
    EXPECT_EQ(b.policyRefresh_s, 5400);
    EXPECT_EQ(b.policyOffset_s, 0);
    EXPECT_EQ(b.fileShareInterval_s, 1200);
    EXPECT_EQ(b.webInterval_s, 300);
    EXPECT_EQ(b.mailInterval_s, 3600);
    EXPECT_EQ(b.fileBytes, 4096u);
    EXPECT_EQ(b.webBytes, 2300000u);
    EXPECT_EQ(b.mailBytes, 1048576u);
    // The attack and the defence are still the defaults.
    EXPECT_FALSE(s.Attack().given);
    EXPECT_FALSE(s.Defence().given);
}

TEST(AttackReaderTest, BenignKeysLeftOutKeepTheirDefaults)
{
    Scenario s = Read("benign: {web: 2m}\n");
    const BenignTrafficParameters& b = s.Benign();
    BenignTrafficParameters d;
    EXPECT_TRUE(b.given);
    EXPECT_TRUE(b.enabled);
    EXPECT_EQ(b.webInterval_s, 120);
    EXPECT_EQ(b.mailInterval_s, d.mailInterval_s);
    EXPECT_EQ(b.fileShareInterval_s, d.fileShareInterval_s);
    EXPECT_EQ(b.policyOffset_s, d.policyOffset_s);
    EXPECT_EQ(b.fileBytes, d.fileBytes);
}

TEST(AttackReaderTest, KeysLeftOutOfASectionKeepTheirDefaults)
{
    Scenario s = Read("attack:\n  lateral: {exploit_success: 0.1}\n");
    EXPECT_TRUE(s.Attack().given);
    EXPECT_EQ(s.Attack().lateral.exploitSuccess, 0.1);
    EXPECT_EQ(s.Attack().lateral.credentialSuccess, LateralMovement().credentialSuccess);
    EXPECT_EQ(s.Attack().breakout_s, AttackParameters().breakout_s);
    EXPECT_FALSE(s.Defence().given);
}

TEST(AttackReaderTest, AGroupStandsForTheMachinesItHolds)
{
    // A CIDR group holds free addresses too; only machines are targets.
    Scenario s = Read("attack:\n  crown_jewels: server-net\n"
                      "  initial_access: {targets: [server-seg, fs01, admins, admin1]}\n");
    EXPECT_EQ(s.Attack().crownJewels, (std::vector<Index>{5, 6}));
    EXPECT_EQ(s.Attack().initialAccess.targets, (std::vector<Index>{4, 5, 6}));
}

TEST(AttackReaderTest, ViaDirectSkipsTheProxy)
{
    Scenario s = Read("attack:\n  exfiltration: {via: direct}\n");
    EXPECT_TRUE(s.Attack().exfiltrationDirect);
    EXPECT_EQ(s.Attack().exfiltrationVia, kNone);
    EXPECT_EQ(s.Attack().exfiltrationTo, kNone); // the first external, chosen by the simulator
}

TEST(AttackReaderTest, DurationsSizesAndRatesTakeUnits)
{
    auto breakout = [](const std::string& text)
    { return Read("attack:\n  breakout: " + text + "\n").Attack().breakout_s; };
    EXPECT_EQ(breakout("500ms"), 0.5);
    EXPECT_EQ(breakout("30s"), 30);
    EXPECT_EQ(breakout("10m"), 600);
    EXPECT_EQ(breakout("1.5h"), 5400);
    EXPECT_EQ(breakout("12d"), 12 * 86400.0);
    EXPECT_EQ(breakout("3720"), 3720);
    EXPECT_EQ(breakout("365d"), Limits::kMaxDuration_s);
    auto rate = [](const std::string& text) {
        return Read("attack:\n  exfiltration: {rate: " + text + "}\n")
            .Attack()
            .exfiltrationRate_Bps;
    };
    EXPECT_EQ(rate("1MB/s"), 1e6);
    EXPECT_EQ(rate("500KB/s"), 5e5);
    EXPECT_EQ(rate("10Mbit/s"), 1.25e6);
    EXPECT_EQ(rate("1MiB/s"), 1048576);
    EXPECT_EQ(rate("125000"), 125000);
    auto tool = [](const std::string& text)
    { return Read("attack:\n  lateral: {tool_bytes: " + text + "}\n").Attack().lateral.toolBytes; };
    EXPECT_EQ(tool("4096"), 4096u);
    EXPECT_EQ(tool("500KB"), 500000u);
    EXPECT_EQ(tool("1.5GB"), 1500000000u);
}

TEST(AttackReaderTest, TheDocumentedExampleReadsOnTheJpsEstate)
{
    // docs/attack-model.md's example, appended to the shipped scenario it was written for.
    std::ifstream in(std::string(SEGPROOF_SCENARIOS_DIR) + "/jps-2015.yaml");
    std::ostringstream text;
    text << in.rdbuf();
    text << R"(attack:
  sample: new
  initial_access: {targets: lan-pcs, mails: 124, opened: 5, window: 12d}
  crown_jewels: fs01
  exfiltration: {to: c2, via: proxy01}
defence:
  av: {detect_new: 0.51}
  quarantine: {reaction_delay: 60s}
)";
    Scenario s = ReadScenarioText(text.str(), "jps-2015.yaml");
    EXPECT_EQ(s.Attack().initialAccess.targets.size(), 340u);
    EXPECT_EQ(s.Attack().initialAccess.opened, 5);
    EXPECT_EQ(s.Attack().crownJewels, (std::vector<Index>{s.GetEstate().FindMachine("fs01")}));
    EXPECT_EQ(s.Attack().exfiltrationVia, s.GetEstate().FindMachine("proxy01"));
    EXPECT_TRUE(s.Defence().given);
}

TEST(AttackReaderTest, TheFormatPagesDetectorAndBenignExamplesRead)
{
    // docs/scenario-format.md's `defence:` detector example and `benign:` example.
    Scenario s = Read(R"(defence:
  monitoring: {detect: 0.1, false_alarm: 0.0005}
  pattern: {threshold: 5, window: 1h}
  ids:
    known: {smb_exploit: 0.95, rdp: 0.3}
    new: {smb_exploit: 0.9, beacon: 0.2}
    false_alarm: 0.0002
benign:
  logon_window: 30m
  web: 10m
  web_bytes: 2.3MB
)");
    EXPECT_EQ(s.Defence().patternWindow_s, 3600);
    EXPECT_EQ(s.Defence().idsDetectNew[static_cast<std::size_t>(IdsSignature::Beacon)], 0.2);
    EXPECT_EQ(s.Benign().webBytes, 2300000u);
}

TEST(UnitsTest, MalformedQuantitiesAreRefused)
{
    for (const char* text : {"", "soon", "1.2.3s", "-5s", "5 s", "5min", "1e3", "inf", "m"})
    {
        EXPECT_FALSE(ParseDuration(text).has_value()) << text;
    }
    for (const char* text : {"", "1MB", "1 MB/s", "fast", "1Mb/s", "/s"})
    {
        EXPECT_FALSE(ParseRate(text).has_value()) << text;
    }
    for (const char* text : {"", "MB", "1.2.3MB", "2PB", "99999999999TB", "-1"})
    {
        EXPECT_FALSE(ParseByteSize(text).has_value()) << text;
    }
}

TEST(UnitsTest, DurationsPrintInTheirLargestExactUnit)
{
    EXPECT_EQ(FormatDuration(3720), "62m");
    EXPECT_EQ(FormatDuration(Limits::kMaxDuration_s), "365d");
    EXPECT_EQ(FormatDuration(0.5), "500ms");
    EXPECT_EQ(FormatDuration(90), "90s");
}

TEST(AttackReaderErrorTest, WrongValuesNameTheExpectedForm)
{
    EXPECT_EQ(Error("attack:\n  breakout: soon\n"),
              Line(1, 13) + "'breakout' must be a duration such as 62m, 1h or 30s, got 'soon'");
    EXPECT_EQ(Error("attack:\n  breakout: 366d\n"),
              Line(1, 13) +
                  "'breakout' must be at most 365d (the limit; see docs/limits.md), got '366d'");
    EXPECT_EQ(Error("attack:\n  c2: {beacon_interval: 0s}\n"),
              Line(1, 25) + "'beacon_interval' must be longer than 0, got '0s'");
    EXPECT_EQ(Error("attack:\n  credential_theft: 1.5\n"),
              Line(1, 21) + "'credential_theft' must be a probability from 0 to 1, got '1.5'");
    EXPECT_EQ(Error("attack:\n  worm: {scans_per_second: 5000}\n"),
              Line(1, 28) + "'scans_per_second' must be a number above 0 and at most 1000 (the "
                            "limit; see docs/limits.md), got '5000'");
    EXPECT_EQ(Error("attack:\n  worm: {scan: randm}\n"),
              Line(1, 16) + "'scan' must be subnet-first or random, got 'randm'; did you mean "
                            "'random'?");
    EXPECT_EQ(Error("attack:\n  exfiltration: {rate: 0}\n"),
              Line(1, 24) + "'rate' must be a rate above 0 such as 1MB/s, 500KB/s or 10Mbit/s, "
                            "got '0'");
    EXPECT_EQ(Error("attack:\n  lateral: {tool_bytes: lots}\n"),
              Line(1, 25) + "'tool_bytes' must be a size such as 500KB, 2MiB or 4096, got 'lots'");
    EXPECT_EQ(Error("attack:\n  sample: knwon\n"),
              Line(1, 11) + "'sample' must be new or known, got 'knwon'; did you mean 'known'?");
    EXPECT_EQ(Error("defence:\n  av: {removes: maybe}\n"),
              Line(1, 17) + "'removes' must be true or false, got 'maybe'");
    EXPECT_EQ(Error("defence:\n  quarantine: {tag: infected}\n"),
              Line(1, 21) + "'tag' must be an NSX tag written scope|tag, such as "
                            "virus_found|true, got 'infected'");
    EXPECT_EQ(Error("attack:\n  exfiltration: {port: 0}\n"),
              Line(1, 24) + "'port' must be a whole number from 1 to 65535, got '0'");
}

TEST(AttackReaderErrorTest, WrongDetectorValuesNameTheExpectedForm)
{
    EXPECT_EQ(Error("defence:\n  monitoring: {false_alarm: 2}\n"),
              Line(1, 29) + "'false_alarm' must be a probability from 0 to 1, got '2'");
    EXPECT_EQ(Error("defence:\n  pattern: {threshold: 0}\n"),
              Line(1, 24) + "'threshold' must be a whole number from 1 to 1000000, got '0'");
    EXPECT_EQ(Error("defence:\n  pattern: {threshold: 2.5}\n"),
              Line(1, 24) + "'threshold' must be a whole number from 1 to 1000000, got '2.5'");
    EXPECT_EQ(Error("defence:\n  pattern: {window: 0s}\n"),
              Line(1, 21) + "'window' must be longer than 0, got '0s'");
    EXPECT_EQ(Error("defence:\n  pattern: {window: soon}\n"),
              Line(1, 21) + "'window' must be a duration such as 62m, 1h or 30s, got 'soon'");
    EXPECT_EQ(Error("defence:\n  ids: {known: {rdp: 1.5}}\n"),
              Line(1, 22) + "'rdp' must be a probability from 0 to 1, got '1.5'");
    EXPECT_EQ(Error("defence:\n  ids: {new: {upload: -0.1}}\n"),
              Line(1, 23) + "'upload' must be a probability from 0 to 1, got '-0.1'");
    EXPECT_EQ(Error("defence:\n  ids: {false_alarm: often}\n"),
              Line(1, 22) + "'false_alarm' must be a probability from 0 to 1, got 'often'");
    EXPECT_EQ(Error("defence:\n  ids: {known: 0.9}\n"),
              Line(1, 16) + "'known' must be a map, got '0.9'");
}

TEST(AttackReaderErrorTest, MisspeltDetectorKeysGetASuggestion)
{
    EXPECT_EQ(Error("defence:\n  patern: {threshold: 3}\n"),
              Line(1, 3) + "unknown key 'patern' in 'defence'; did you mean 'pattern'?");
    EXPECT_EQ(Error("defence:\n  monitoring: {false_alarms: 0.1}\n"),
              Line(1, 16) +
                  "unknown key 'false_alarms' in 'monitoring'; did you mean 'false_alarm'?");
    EXPECT_EQ(Error("defence:\n  pattern: {treshold: 3}\n"),
              Line(1, 13) + "unknown key 'treshold' in 'pattern'; did you mean 'threshold'?");
    EXPECT_EQ(Error("defence:\n  ids: {knwon: {rdp: 0.1}}\n"),
              Line(1, 9) + "unknown key 'knwon' in 'ids'; did you mean 'known'?");
    EXPECT_EQ(Error("defence:\n  ids: {new: {smb_exploits: 0.1}}\n"),
              Line(1, 15) + "unknown key 'smb_exploits' in 'new'; did you mean 'smb_exploit'?");
    // Known keys beside an unknown one are still checked.
    EXPECT_EQ(
        Errors("defence:\n  ids: {known: {pass_the_hash: 2, remote_exe: 0.1}}\n"),
        (std::vector<std::string>{
            Line(1, 32) + "'pass_the_hash' must be a probability from 0 to 1, got '2'",
            Line(1, 35) + "unknown key 'remote_exe' in 'known'; did you mean 'remote_exec'?"}));
}

TEST(AttackReaderErrorTest, WrongBenignValuesNameTheExpectedForm)
{
    EXPECT_EQ(Error("benign: {enabled: maybe}\n"),
              Line(0, 19) + "'enabled' must be true or false, got 'maybe'");
    EXPECT_EQ(Error("benign: {logon_window: soon}\n"),
              Line(0, 24) + "'logon_window' must be a duration such as 62m, 1h or 30s, got "
                            "'soon'");
    EXPECT_EQ(Error("benign: {policy_refresh: 366d}\n"),
              Line(0, 26) + "'policy_refresh' must be at most 365d (the limit; see "
                            "docs/limits.md), got '366d'");
    EXPECT_EQ(Error("benign: {policy_offset: -1m}\n"),
              Line(0, 25) + "'policy_offset' must be a duration such as 62m, 1h or 30s, got "
                            "'-1m'");
    EXPECT_EQ(Error("benign: {web: 0s}\n"), Line(0, 15) + "'web' must be longer than 0, got '0s'");
    EXPECT_EQ(Error("benign: {file_share: 0}\n"),
              Line(0, 22) + "'file_share' must be longer than 0, got '0'");
    EXPECT_EQ(Error("benign: {mail: 0m}\n"),
              Line(0, 16) + "'mail' must be longer than 0, got '0m'");
    EXPECT_EQ(Error("benign: {web_bytes: lots}\n"),
              Line(0, 21) + "'web_bytes' must be a size such as 500KB, 2MiB or 4096, got 'lots'");
    EXPECT_EQ(Error("benign: {mail_bytes: 1MB/s}\n"),
              Line(0, 22) + "'mail_bytes' must be a size such as 500KB, 2MiB or 4096, got "
                            "'1MB/s'");
}

TEST(AttackReaderErrorTest, WrongBenignShapesAndKeysAreReported)
{
    EXPECT_EQ(Error("benign: [web]\n"), Line(0, 9) + "'benign' must be a map, got a list");
    EXPECT_EQ(Error("benign: {web_byte: 1MB}\n"),
              Line(0, 10) + "unknown key 'web_byte' in 'benign'; did you mean 'web_bytes'?");
    EXPECT_EQ(Error("benign: {fileshare: 1h}\n"),
              Line(0, 10) + "unknown key 'fileshare' in 'benign'; did you mean 'file_share'?");
    EXPECT_EQ(Error("benin: {web: 1h}\n"),
              Line(0, 1) + "unknown key 'benin' in the scenario; did you mean 'benign'?");
}

TEST(AttackReaderErrorTest, WrongShapesAreReported)
{
    EXPECT_EQ(Error("attack: [worm]\n"), Line(0, 9) + "'attack' must be a map, got a list");
    EXPECT_EQ(Error("attack:\n  lateral: 5\n"), Line(1, 12) + "'lateral' must be a map, got '5'");
    EXPECT_EQ(Error("defence:\n  av: {detect_neww: 0.4}\n"),
              Line(1, 8) + "unknown key 'detect_neww' in 'av'; did you mean 'detect_new'?");
    // Known keys beside an unknown one are still checked.
    EXPECT_EQ(Errors("attack:\n  breakout: soon\n  c3: {}\n"),
              (std::vector<std::string>{
                  Line(1, 13) + "'breakout' must be a duration such as 62m, 1h or 30s, got 'soon'",
                  Line(2, 3) + "unknown key 'c3' in 'attack'; did you mean 'c2'?"}));
}

TEST(AttackReaderErrorTest, TechniquesAreASubsetWithoutRepeats)
{
    EXPECT_EQ(Error("attack:\n  lateral: {techniques: []}\n"),
              Line(1, 25) + "'techniques' must name at least one of smb, rdp or winrm");
    EXPECT_EQ(Error("attack:\n  lateral: {techniques: [smb, winmr]}\n"),
              Line(1, 31) + "unknown technique 'winmr'; did you mean 'winrm'?");
    EXPECT_EQ(Error("attack:\n  lateral: {techniques: [smb, dcom]}\n"),
              Line(1, 31) + "unknown technique 'dcom' (expected smb, rdp or winrm)");
    EXPECT_EQ(Error("attack:\n  lateral: {techniques: [smb, rdp, smb]}\n"),
              Line(1, 36) + "technique 'smb' is listed twice");
}

TEST(AttackReaderErrorTest, NamesMustResolve)
{
    EXPECT_EQ(Error("attack:\n  crown_jewels: fs1\n"),
              Line(1, 17) + "unknown group or machine 'fs1'; did you mean 'fs01'?");
    EXPECT_EQ(Error("attack:\n  crown_jewels: [fs01, c2]\n"),
              Line(1, 24) + "'crown_jewels' takes machines and groups, and 'c2' is an external "
                            "address");
    EXPECT_EQ(Error("attack:\n  crown_jewels: nobody\n"),
              Line(1, 17) + "'crown_jewels' selects no machine");
    EXPECT_EQ(Error("attack:\n  exfiltration: {to: c3}\n"),
              Line(1, 22) + "unknown external address 'c3'; did you mean 'c2'?");
    EXPECT_EQ(Error("attack:\n  exfiltration: {to: fs01}\n"),
              Line(1, 22) + "'to' must name an external address (estate: external), and 'fs01' "
                            "is a machine of the estate");
    EXPECT_EQ(Error("attack:\n  exfiltration: {via: proxy1}\n"),
              Line(1, 23) + "unknown machine 'proxy1' ('via' takes a machine or 'direct'); did "
                            "you mean 'proxy01'?");
}

TEST(AttackReaderErrorTest, OpenedIsBoundedByMailsAndTargets)
{
    EXPECT_EQ(Error("attack:\n  initial_access: {mails: 3, opened: 4}\n"),
              Line(1, 38) + "'opened' is 4, more than 'mails' (3)");
    EXPECT_EQ(Error("attack:\n  initial_access: {opened: 2}\n"),
              Line(1, 28) + "'opened' is 2, more than 'mails' (1 when not given)");
    EXPECT_EQ(Error("attack:\n  initial_access: {targets: admins, mails: 9, opened: 2}\n"),
              Line(1, 55) + "'opened' is 2, more than the 1 machine 'targets' selects");
    EXPECT_EQ(Error("attack:\n  initial_access: {mails: 9, opened: 6}\n"),
              Line(1, 38) + "'opened' is 6, more than the 5 desktops of the estate (the targets "
                            "when 'targets' is not given)");
    EXPECT_EQ(
        Read("attack:\n  initial_access: {mails: 9, opened: 5}\n").Attack().initialAccess.opened,
        5);
}

} // namespace
