// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
// Settings of a campaign's sweep applied to a scenario before it is read
// (formats/scenario/parameter-setting.h, ReadScenarioText with a ParameterPoint).

#include "core/input-error.h"
#include "formats/scenario/parameter-setting.h"
#include "formats/scenario/scenario-reader.h"

#include <gtest/gtest.h>
#include <string>
#include <vector>

namespace
{

using namespace segproof::core;
using namespace segproof::formats;

const std::string kEstate = R"(format: segproof/v1
name: setting-test
estate:
  segments:
    - {name: vdi, cidr: 10.10.0.0/24}
  machines:
    - {name: "pc[1-4]", kind: desktop, segment: vdi}
)";

// kEstate with an attack section (lines 8 to 11).
const std::string kWithAttack = kEstate + R"(attack:
  breakout: 62m
  lateral:
    attempt_interval: 10m
)";

/// A setting written in the campaign spec c.yaml at line `line`, column 22.
ParameterSetting
Set(const std::string& path, const std::string& value, int line = 4)
{
    return ParameterSetting{path, value, SourceLocation{"c.yaml", line, 22}};
}

Scenario
Read(const std::string& text, const ParameterPoint& point)
{
    return ReadScenarioText(text, "a.yaml", point);
}

/// Every diagnostic of a reading that must fail, as "FILE:LINE:COL: message".
std::vector<std::string>
Errors(const std::string& text, const ParameterPoint& point)
{
    try
    {
        Read(text, point);
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
    ADD_FAILURE() << "no InputError";
    return {};
}

TEST(ParameterSettingTest, SettingsReplaceTheScenarioValues)
{
    Scenario plain = Read(kWithAttack, {});
    EXPECT_DOUBLE_EQ(plain.Attack().breakout_s, 3720);
    EXPECT_DOUBLE_EQ(plain.Attack().lateral.attemptInterval_s, 600);

    Scenario set = Read(kWithAttack, {Set("attack.breakout", "12d"),
                                      Set("attack.lateral.attempt_interval", "3d", 5)});
    EXPECT_DOUBLE_EQ(set.Attack().breakout_s, 1036800);
    EXPECT_DOUBLE_EQ(set.Attack().lateral.attemptInterval_s, 259200);
    // The section itself is still the scenario's.
    EXPECT_EQ(set.Attack().location.ToString(), "a.yaml:9:3");
}

TEST(ParameterSettingTest, DefenceSettingCreatesTheSection)
{
    Scenario scenario = Read(kEstate, {Set("defence.av.delay", "2h")});
    EXPECT_TRUE(scenario.Defence().given);
    EXPECT_DOUBLE_EQ(scenario.Defence().avDelay_s, 7200);
    // A section made by a setting is where the setting was written.
    EXPECT_EQ(scenario.Defence().location.ToString(), "c.yaml:4:22");
}

TEST(ParameterSettingTest, DetectorAndBenignSettingsAreRead)
{
    Scenario scenario = Read(
        kEstate, {Set("defence.pattern.threshold", "8"), Set("defence.pattern.window", "2h", 5),
                  Set("defence.ids.new.rdp", "0.25", 6),
                  Set("defence.monitoring.false_alarm", "0.01", 7), Set("benign.web", "2m", 8),
                  Set("benign.web_bytes", "3MB", 9), Set("benign.enabled", "false", 10)});
    EXPECT_EQ(scenario.Defence().patternThreshold, 8u);
    EXPECT_DOUBLE_EQ(scenario.Defence().patternWindow_s, 7200);
    EXPECT_DOUBLE_EQ(scenario.Defence().idsDetectNew[static_cast<std::size_t>(IdsSignature::Rdp)],
                     0.25);
    EXPECT_DOUBLE_EQ(scenario.Defence().monitoringFalseAlarm, 0.01);
    EXPECT_TRUE(scenario.Benign().given);
    EXPECT_DOUBLE_EQ(scenario.Benign().webInterval_s, 120);
    EXPECT_EQ(scenario.Benign().webBytes, 3000000u);
    EXPECT_FALSE(scenario.Benign().enabled);
    // A section made by a setting is where the setting was written.
    EXPECT_EQ(scenario.Benign().location.ToString(), "c.yaml:8:22");
}

TEST(ParameterSettingTest, BadDetectorAndBenignSettingsAreReportedAtTheSetting)
{
    EXPECT_EQ(Errors(kEstate, {Set("defence.pattern.threshold", "0"), Set("benign.web", "0s", 5),
                               Set("benign.mial", "1h", 6), Set("defence.ids.known.rdpp", "1", 7)}),
              (std::vector<std::string>{
                  "c.yaml:4:22: 'threshold' must be a whole number from 1 to 1000000, got '0'",
                  "c.yaml:5:22: 'web' must be longer than 0, got '0s'",
                  "c.yaml:6:22: unknown key 'mial' in 'benign'; did you mean 'mail'?",
                  "c.yaml:7:22: unknown key 'rdpp' in 'known'; did you mean 'rdp'?"}));
}

TEST(ParameterSettingTest, MissingAttackSectionIsCreated)
{
    Scenario scenario = Read(kEstate, {Set("attack.lateral.attempt_interval", "3d")});
    EXPECT_TRUE(scenario.Attack().given);
    EXPECT_DOUBLE_EQ(scenario.Attack().lateral.attemptInterval_s, 259200);
    EXPECT_DOUBLE_EQ(scenario.Attack().breakout_s, 3720);
}

TEST(ParameterSettingTest, NewKeyInExistingSection)
{
    Scenario scenario = Read(kWithAttack, {Set("attack.credential_theft", "0.25")});
    EXPECT_DOUBLE_EQ(scenario.Attack().credentialTheft, 0.25);
    EXPECT_DOUBLE_EQ(scenario.Attack().breakout_s, 3720);
}

TEST(ParameterSettingTest, LaterSettingOfSamePathWins)
{
    Scenario scenario =
        Read(kWithAttack, {Set("attack.breakout", "12d"), Set("attack.breakout", "1h", 5)});
    EXPECT_DOUBLE_EQ(scenario.Attack().breakout_s, 3600);
}

TEST(ParameterSettingTest, SettingInsideAnEarlierSettingsValue)
{
    Scenario scenario = Read(kEstate, {Set("attack.lateral", "{attempt_interval: 1m}"),
                                       Set("attack.lateral.exploit_success", "0.5", 5)});
    EXPECT_DOUBLE_EQ(scenario.Attack().lateral.attemptInterval_s, 60);
    EXPECT_DOUBLE_EQ(scenario.Attack().lateral.exploitSuccess, 0.5);

    EXPECT_EQ(
        Errors(kEstate, {Set("attack.lateral", "{attempt_interval: 1m}"),
                         Set("attack.lateral.attempt_interval", "0", 5)}),
        std::vector<std::string>{"c.yaml:5:22: 'attempt_interval' must be longer than 0, got '0'"});
}

TEST(ParameterSettingTest, ListValueSetsTechniques)
{
    Scenario scenario = Read(kWithAttack, {Set("attack.lateral.techniques", "[rdp, winrm]")});
    EXPECT_EQ(scenario.Attack().lateral.techniques,
              (std::vector<LateralTechnique>{LateralTechnique::Rdp, LateralTechnique::WinRm}));
}

TEST(ParameterSettingTest, BadValueIsReportedAtTheSetting)
{
    EXPECT_EQ(Errors(kWithAttack, {Set("attack.breakout", "soon")}),
              std::vector<std::string>{"c.yaml:4:22: 'breakout' must be a duration such as 62m, "
                                       "1h or 30s, got 'soon'"});
    EXPECT_EQ(Errors(kEstate, {Set("defence.av.detect_new", "2")}),
              std::vector<std::string>{
                  "c.yaml:4:22: 'detect_new' must be a probability from 0 to 1, got '2'"});
    // Inside a list value.
    EXPECT_EQ(
        Errors(kWithAttack, {Set("attack.lateral.techniques", "[smb, rdx]")}),
        std::vector<std::string>{"c.yaml:4:22: unknown technique 'rdx'; did you mean 'rdp'?"});
    // A value that holds itself (a YAML alias) is read, and reported, like any other.
    EXPECT_EQ(Errors(kWithAttack, {Set("attack.lateral.techniques", "&a [smb, *a]")}),
              std::vector<std::string>{"c.yaml:4:22: 'techniques' must list names, got a list"});
    // An empty value.
    EXPECT_EQ(
        Errors(kWithAttack, {Set("attack.breakout", "")}),
        std::vector<std::string>{"c.yaml:4:22: 'breakout' must be a single value, got nothing"});
}

TEST(ParameterSettingTest, UnknownKeyIsReportedAtTheSettingWithSuggestion)
{
    EXPECT_EQ(Errors(kWithAttack, {Set("attack.breakot", "12d")}),
              std::vector<std::string>{
                  "c.yaml:4:22: unknown key 'breakot' in 'attack'; did you mean 'breakout'?"});
    // In a section the setting makes.
    EXPECT_EQ(Errors(kEstate, {Set("defence.av.detect_neww", "0.5")}),
              std::vector<std::string>{
                  "c.yaml:4:22: unknown key 'detect_neww' in 'av'; did you mean 'detect_new'?"});
    EXPECT_EQ(Errors(kEstate, {Set("attack.lateral.tehcniques", "smb")}),
              std::vector<std::string>{"c.yaml:4:22: unknown key 'tehcniques' in 'lateral'; did "
                                       "you mean 'techniques'?"});
}

TEST(ParameterSettingTest, ScenarioErrorsStayInTheScenario)
{
    std::string text = kWithAttack + "  sample: newish\n";
    EXPECT_EQ(Errors(text, {Set("attack.breakout", "soon")}),
              (std::vector<std::string>{
                  "a.yaml:12:11: 'sample' must be new or known, got 'newish'",
                  "c.yaml:4:22: 'breakout' must be a duration such as 62m, 1h or 30s, got "
                  "'soon'"}));
}

TEST(ParameterSettingTest, OnlyAttackDefenceAndBenignPathsCanBeSet)
{
    const std::string rule =
        ": only attack.*, defence.* and benign.* parameters can be set (docs/campaign.md)";
    EXPECT_EQ(Errors(kEstate, {Set("estate.segments", "[]")}),
              std::vector<std::string>{"c.yaml:4:22: 'estate.segments'" + rule});
    EXPECT_EQ(Errors(kEstate, {Set("attack", "{breakout: 1h}")}),
              std::vector<std::string>{"c.yaml:4:22: 'attack'" + rule});
    EXPECT_EQ(Errors(kEstate, {Set("attackers.breakout", "1h")}),
              std::vector<std::string>{"c.yaml:4:22: 'attackers.breakout'" + rule});
    EXPECT_EQ(Errors(kEstate, {Set("benign", "{web: 1h}")}),
              std::vector<std::string>{"c.yaml:4:22: 'benign'" + rule});
    EXPECT_EQ(Errors(kEstate, {Set("postures.microseg.ids", "detect")}),
              std::vector<std::string>{"c.yaml:4:22: 'postures.microseg.ids'" + rule});
    EXPECT_EQ(Errors(kEstate, {Set("attack..breakout", "1h")}),
              std::vector<std::string>{
                  "c.yaml:4:22: 'attack..breakout': an empty key in the path (keys are "
                  "separated by single dots, such as attack.lateral.attempt_interval)"});
}

TEST(ParameterSettingTest, YamlSyntaxErrorInValue)
{
    EXPECT_EQ(Errors(kWithAttack, {Set("attack.lateral.techniques", "[smb, rdp")}),
              std::vector<std::string>{
                  "c.yaml:4:22: 'attack.lateral.techniques': the value '[smb, rdp' does not "
                  "read: YAML syntax error: end of sequence flow not found (a '[' above is not "
                  "closed with ']')"});
}

TEST(ParameterSettingTest, PathThroughAValueThatIsNotAMap)
{
    EXPECT_EQ(Errors(kWithAttack, {Set("attack.breakout.min", "1h")}),
              std::vector<std::string>{
                  "c.yaml:4:22: 'attack.breakout.min': 'breakout' (a.yaml:9:13) is '62m', not "
                  "a map, so nothing can be set inside it"});
}

TEST(ParameterSettingTest, EveryBadSettingIsReported)
{
    EXPECT_EQ(
        Errors(kWithAttack, {Set("attack.breakout", "soon"), Set("estate.x", "1", 5),
                             Set("attack.lateral.attempt_interval", "0", 6)}),
        (std::vector<std::string>{
            "c.yaml:4:22: 'breakout' must be a duration such as 62m, 1h or 30s, got "
            "'soon'",
            "c.yaml:5:22: 'estate.x': only attack.*, defence.* and benign.* parameters can be set "
            "(docs/campaign.md)",
            "c.yaml:6:22: 'attempt_interval' must be longer than 0, got '0'"}));
}

TEST(ParameterSettingTest, EmptyPointReadsTheScenarioAsIs)
{
    Scenario scenario = Read(kWithAttack, {});
    Scenario plain = ReadScenarioText(kWithAttack, "a.yaml");
    EXPECT_DOUBLE_EQ(scenario.Attack().breakout_s, plain.Attack().breakout_s);
    EXPECT_EQ(scenario.Attack().location.ToString(), "a.yaml:9:3");
}

TEST(ParameterSettingTest, PointTextJoinsSettingsInOrder)
{
    EXPECT_EQ(PointText({}), "");
    EXPECT_EQ(PointText({Set("attack.breakout", "12d")}), "attack.breakout=12d");
    EXPECT_EQ(
        PointText({Set("attack.breakout", "12d"), Set("attack.lateral.techniques", "[smb, rdp]")}),
        "attack.breakout=12d attack.lateral.techniques=[smb, rdp]");
}

} // namespace
