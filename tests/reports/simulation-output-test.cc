// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#include "reports/sha256.h"
#include "reports/simulation-output.h"

#include <array>
#include <gtest/gtest.h>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <stdexcept>

namespace
{

using namespace segproof;

/// A run whose infected count climbs to `everInfected` over three samples a minute apart.
core::RunResult
MakeRun(const std::string& posture, std::uint64_t index, std::uint32_t everInfected,
        std::optional<double> timeToCrownJewel_s = std::nullopt)
{
    core::RunResult r;
    r.posture = posture;
    r.run = index;
    r.infectedSeries = {{0, 1}, {60, everInfected / 2}, {120, everInfected}};
    r.everInfected = everInfected;
    r.everInfectedDesktops = everInfected / 2;
    r.timeToCrownJewel_s = timeToCrownJewel_s;
    r.exfiltratedBytes = timeToCrownJewel_s ? 1000000 * (index + 1) : 0;
    r.blocked = {10 * index, 2, 0, index};
    r.alerts = 3 + index;
    r.detected = 1;
    r.quarantined = static_cast<std::uint32_t>(index % 2);
    r.wall_s = 0.123 * static_cast<double>(index + 1); // must never reach the outputs
    return r;
}

reports::CampaignInfo
MakeInfo()
{
    reports::CampaignInfo info;
    info.scenarioFile = "scenarios/seed.yaml";
    info.scenarioName = "seed";
    info.scenarioSha256 = reports::Sha256Hex("scenario bytes");
    info.seed = 42;
    info.runs = 4;
    info.duration_s = 28800;
    info.segproofVersion = "0.1.0";
    info.ns3Version = "3.40";
    info.command = "segproof simulate scenarios/seed.yaml --runs 4 --seed 42";
    info.attackProfile = "wannacry";
    return info;
}

/// Two postures: "flat" reaches the crown jewel in runs 0-2, "segmented" never does.
std::vector<core::RunResult>
MakeCampaign()
{
    return {MakeRun("segmented", 1, 3),     MakeRun("flat", 2, 40, 5400.0),
            MakeRun("flat", 0, 30, 3600.0), MakeRun("segmented", 0, 2),
            MakeRun("flat", 1, 35, 7200.0), MakeRun("flat", 3, 45),
            MakeRun("segmented", 3, 4),     MakeRun("segmented", 2, 2)};
}

/// Four runs of "flat" with every defence figure set by hand (core::AlertSource order: av,
/// monitoring, ids, pattern). Quarantine before the crown jewel: runs 0 and 2 (never reached);
/// before exfiltration: runs 0, 1 and 2; exfiltration started: runs 0 and 1.
std::vector<core::RunResult>
MakeDefenceRuns()
{
    std::vector<core::RunResult> runs = {MakeRun("flat", 0, 10, 300.0),
                                         MakeRun("flat", 1, 12, 300.0), MakeRun("flat", 2, 3),
                                         MakeRun("flat", 3, 20, 100.0)};
    runs[0].alertsBySource = {1, 0, 2, 0};
    runs[0].falseAlarmsBySource = {0, 3, 0, 1};
    runs[0].timeToFirstAlert_s = 100;
    runs[0].firstAlertSource = 2;
    runs[0].timeToQuarantine_s = 200;
    runs[0].timeToExfiltration_s = 400;
    runs[0].wronglyQuarantined = 1;
    runs[0].desktopsTakenFromUsers = 1;
    runs[0].idsPrevented = 5;
    runs[0].benignSessions = 100;
    runs[0].benignFailed = 2;
    runs[0].loggedHits = {{"log-smb", {{"desk-01", 2}, {"gateway", 1}}}};
    runs[1].alertsBySource = {0, 1, 0, 0};
    runs[1].falseAlarmsBySource = {1, 0, 0, 0};
    runs[1].timeToFirstAlert_s = 50;
    runs[1].firstAlertSource = 1;
    runs[1].timeToQuarantine_s = 500; // after the crown jewel, before the first bytes out
    runs[1].timeToExfiltration_s = 600;
    runs[1].benignSessions = 100;
    runs[1].loggedHits = {{"log-smb", {{"desk-01", 3}}}, {"log-rdp", {{"desk-02", 1}}}};
    runs[2].timeToQuarantine_s = 700; // no alert on the attack, the jewel never reached
    runs[2].wronglyQuarantined = 3;
    runs[2].desktopsTakenFromUsers = 2;
    runs[2].benignSessions = 50;
    runs[2].benignFailed = 10;
    return runs; // run 3: no quarantine, the jewel at 100 s, nothing out
}

TEST(SummariseTest, EvenCountInterpolatesBetweenClosestRanks)
{
    // numpy.percentile([1, 2, 3, 4], [10, 50, 90]) == [1.3, 2.5, 3.7]
    reports::Distribution d = reports::Summarise({4, 2, 1, 3});
    EXPECT_DOUBLE_EQ(d.median, 2.5);
    EXPECT_DOUBLE_EQ(d.p10, 1.3);
    EXPECT_DOUBLE_EQ(d.p90, 3.7);
    EXPECT_DOUBLE_EQ(d.mean, 2.5);
    EXPECT_DOUBLE_EQ(d.min, 1);
    EXPECT_DOUBLE_EQ(d.max, 4);
}

TEST(SummariseTest, OddCountMatchesNumpyType7)
{
    // numpy.percentile([50, 15, 40, 20, 35], [10, 50, 90]) == [17, 35, 46]
    reports::Distribution d = reports::Summarise({50, 15, 40, 20, 35});
    EXPECT_DOUBLE_EQ(d.median, 35);
    EXPECT_DOUBLE_EQ(d.p10, 17);
    EXPECT_DOUBLE_EQ(d.p90, 46);
    EXPECT_DOUBLE_EQ(d.mean, 32);
    EXPECT_DOUBLE_EQ(d.min, 15);
    EXPECT_DOUBLE_EQ(d.max, 50);
}

TEST(SummariseTest, OneToTenMatchesNumpyType7)
{
    // numpy.percentile(range(1, 11), [10, 50, 90]) == [1.9, 5.5, 9.1]
    reports::Distribution d = reports::Summarise({10, 9, 8, 7, 6, 5, 4, 3, 2, 1});
    EXPECT_DOUBLE_EQ(d.p10, 1.9);
    EXPECT_DOUBLE_EQ(d.median, 5.5);
    EXPECT_DOUBLE_EQ(d.p90, 9.1);
}

TEST(SummariseTest, OneValueIsEveryFigure)
{
    reports::Distribution d = reports::Summarise({7});
    EXPECT_DOUBLE_EQ(d.median, 7);
    EXPECT_DOUBLE_EQ(d.p10, 7);
    EXPECT_DOUBLE_EQ(d.p90, 7);
    EXPECT_DOUBLE_EQ(d.mean, 7);
}

TEST(SummariseTest, EmptyInputThrows)
{
    EXPECT_THROW(reports::Summarise({}), std::invalid_argument);
}

TEST(SummarisePostureTest, CountsOnlyRunsThatReachedTheCrownJewel)
{
    std::vector<core::RunResult> flat = {MakeRun("flat", 0, 30, 3600.0),
                                         MakeRun("flat", 1, 35, 7200.0), MakeRun("flat", 2, 40),
                                         MakeRun("flat", 3, 45)};
    reports::PostureSummary s = reports::SummarisePosture(flat);
    EXPECT_EQ(s.posture, "flat");
    EXPECT_EQ(s.runs, 4U);
    EXPECT_DOUBLE_EQ(s.infected.median, 37.5);
    EXPECT_DOUBLE_EQ(s.crownJewelReached, 0.5);
    ASSERT_TRUE(s.timeToCrownJewel.has_value());
    EXPECT_DOUBLE_EQ(s.timeToCrownJewel->median, 5400);
    EXPECT_DOUBLE_EQ(s.exfiltratedBytes.median, 500000); // {0, 0, 1e6, 2e6}: middle two
    EXPECT_DOUBLE_EQ(s.blocked[0], 15);                  // dfw {0, 10, 20, 30}
    EXPECT_DOUBLE_EQ(s.blocked[1], 2);
    EXPECT_DOUBLE_EQ(s.alerts, 4.5);
    EXPECT_DOUBLE_EQ(s.quarantined, 0.5);
}

TEST(SummarisePostureTest, NoRunReachingTheCrownJewelLeavesNoTime)
{
    reports::PostureSummary s =
        reports::SummarisePosture({MakeRun("segmented", 0, 2), MakeRun("segmented", 1, 3)});
    EXPECT_DOUBLE_EQ(s.crownJewelReached, 0);
    EXPECT_FALSE(s.timeToCrownJewel.has_value());
}

TEST(SummarisePostureTest, SumsAndTimesTheDefencesFigures)
{
    reports::PostureSummary s = reports::SummarisePosture(MakeDefenceRuns());
    EXPECT_EQ(s.alertsBySource, (std::array<std::uint64_t, 4>{1, 1, 2, 0}));
    EXPECT_EQ(s.falseAlarmsBySource, (std::array<std::uint64_t, 4>{1, 3, 0, 1}));
    ASSERT_TRUE(s.timeToFirstAlert.has_value());
    EXPECT_DOUBLE_EQ(s.timeToFirstAlert->median, 75); // over the two runs with an alert
    EXPECT_DOUBLE_EQ(s.timeToFirstAlert->min, 50);
    EXPECT_EQ(s.firstAlertSource, (std::array<std::uint64_t, 4>{0, 1, 1, 0}));
    ASSERT_TRUE(s.timeToQuarantine.has_value());
    EXPECT_DOUBLE_EQ(s.timeToQuarantine->median, 500);
    EXPECT_DOUBLE_EQ(s.quarantineBeforeCrownJewel, 0.5);
    EXPECT_DOUBLE_EQ(s.quarantineBeforeExfiltration, 0.75);
    EXPECT_DOUBLE_EQ(s.exfiltrationStarted, 0.5);
    EXPECT_DOUBLE_EQ(s.wronglyQuarantined, 0.5); // {0, 0, 1, 3}
    EXPECT_EQ(s.wronglyQuarantinedSum, 4U);
    EXPECT_DOUBLE_EQ(s.desktopsTakenFromUsers, 0.5);
    EXPECT_EQ(s.desktopsTakenFromUsersSum, 3U);
    EXPECT_EQ(s.idsPrevented, 5U);
    EXPECT_EQ(s.benignSessions, 250U);
    EXPECT_EQ(s.benignFailed, 12U);
    using Hits = std::map<std::string, std::map<std::string, std::uint64_t>>;
    EXPECT_EQ(s.loggedHits,
              (Hits{{"log-rdp", {{"desk-02", 1}}}, {"log-smb", {{"desk-01", 5}, {"gateway", 1}}}}));
}

TEST(SummarisePostureTest, QuarantineAtTheSameTimeAsTheCrownJewelIsNotBefore)
{
    std::vector<core::RunResult> runs = {MakeRun("flat", 0, 10, 300.0)};
    runs[0].timeToQuarantine_s = 300;
    runs[0].timeToExfiltration_s = 300;
    reports::PostureSummary s = reports::SummarisePosture(runs);
    EXPECT_DOUBLE_EQ(s.quarantineBeforeCrownJewel, 0);
    EXPECT_DOUBLE_EQ(s.quarantineBeforeExfiltration, 0);
    EXPECT_DOUBLE_EQ(s.exfiltrationStarted, 1);
}

TEST(SummarisePostureTest, FirstAlertSourceOutOfRangeThrows)
{
    std::vector<core::RunResult> runs = {MakeRun("flat", 0, 10)};
    runs[0].firstAlertSource = 4;
    EXPECT_THROW(reports::SummarisePosture(runs), std::invalid_argument);
}

TEST(SummarisePostureTest, RejectsEmptyAndMixedRuns)
{
    EXPECT_THROW(reports::SummarisePosture({}), std::invalid_argument);
    EXPECT_THROW(reports::SummarisePosture({MakeRun("flat", 0, 1), MakeRun("segmented", 0, 1)}),
                 std::invalid_argument);
}

TEST(SummaryJsonTest, HasTheSpecsKeysAndTypes)
{
    auto doc = nlohmann::json::parse(
        reports::SummaryJson(MakeInfo(), {"flat", "segmented"}, MakeCampaign()));
    ASSERT_TRUE(doc["postures"].is_object());
    ASSERT_EQ(doc["postures"].size(), 2U);
    const auto& flat = doc["postures"]["flat"];
    EXPECT_EQ(flat["runs"], 4);
    EXPECT_TRUE(flat["runs"].is_number_integer());
    for (const char* key : {"median", "p10", "p90", "mean", "min", "max"})
    {
        EXPECT_TRUE(flat["infected"][key].is_number()) << key;
        EXPECT_TRUE(flat["infected_desktops"][key].is_number()) << key;
    }
    EXPECT_EQ(flat["infected"]["median"], 37.5);
    EXPECT_EQ(flat["infected"]["min"], 30);
    EXPECT_TRUE(flat["infected"]["min"].is_number_integer());
    EXPECT_EQ(flat["crown_jewel_reached"], 0.75);
    ASSERT_TRUE(flat["time_to_crown_jewel_s"].is_object());
    EXPECT_EQ(flat["time_to_crown_jewel_s"]["median"], 5400);
    EXPECT_TRUE(flat["exfiltrated_bytes"]["median"].is_number());
    for (const char* key : {"dfw", "gateway", "perimeter", "host"})
    {
        EXPECT_TRUE(flat["blocked"][key].is_number()) << key;
    }
    EXPECT_EQ(flat["blocked"]["dfw"], 15);
    EXPECT_EQ(flat["blocked"].size(), 4U);
    EXPECT_TRUE(flat["alerts"].is_number());
    EXPECT_TRUE(flat["detected"].is_number());
    EXPECT_TRUE(flat["quarantined"].is_number());

    const auto& provenance = doc["provenance"];
    EXPECT_EQ(provenance["scenario"], "scenarios/seed.yaml");
    EXPECT_EQ(provenance["scenario_sha256"].get<std::string>().size(), 64U);
    EXPECT_EQ(provenance["seed"], 42);
    EXPECT_EQ(provenance["runs"], 4);
    EXPECT_EQ(provenance["duration_s"], 28800);
    EXPECT_EQ(provenance["segproof_version"], "0.1.0");
    EXPECT_EQ(provenance["ns3_version"], "3.40");
    EXPECT_EQ(provenance["attack_profile"], "wannacry");
    EXPECT_TRUE(provenance["command"].is_string());
    EXPECT_FALSE(provenance.contains("parameters")); // none given
}

TEST(SummaryJsonTest, DefenceFiguresHaveTheirShape)
{
    auto doc = nlohmann::json::parse(reports::SummaryJson(MakeInfo(), {"flat"}, MakeDefenceRuns()));
    const auto& flat = doc["postures"]["flat"];
    EXPECT_EQ(flat["alerts_by_source"],
              nlohmann::json::parse(R"({"av": 1, "monitoring": 1, "ids": 2, "pattern": 0})"));
    EXPECT_EQ(flat["false_alarms"],
              nlohmann::json::parse(R"({"total": 5, "by_source": {"av": 1, "monitoring": 3,
                                        "ids": 0, "pattern": 1}})"));
    EXPECT_EQ(flat["time_to_first_alert_s"],
              nlohmann::json::parse(
                  R"({"median": 75, "p10": 55, "p90": 95, "mean": 75, "min": 50, "max": 100})"));
    EXPECT_EQ(flat["first_alert_source"],
              nlohmann::json::parse(R"({"av": 0, "monitoring": 1, "ids": 1, "pattern": 0})"));
    EXPECT_EQ(flat["time_to_quarantine_s"]["median"], 500);
    EXPECT_EQ(flat["time_to_quarantine_s"]["max"], 700);
    EXPECT_EQ(flat["quarantine_before_crown_jewel"], 0.5);
    EXPECT_EQ(flat["quarantine_before_exfiltration"], 0.75);
    EXPECT_EQ(flat["exfiltration_started"], 0.5);
    EXPECT_EQ(flat["wrongly_quarantined"], nlohmann::json::parse(R"({"median": 0.5, "sum": 4})"));
    EXPECT_EQ(flat["desktops_taken_from_users"],
              nlohmann::json::parse(R"({"median": 0.5, "sum": 3})"));
    EXPECT_EQ(flat["ids_prevented"], 5);
    EXPECT_EQ(flat["benign_sessions"], 250);
    EXPECT_EQ(flat["benign_failed"], 12);
    EXPECT_TRUE(flat["benign_sessions"].is_number_integer());
    EXPECT_EQ(flat["logged_hits"],
              nlohmann::json::parse(
                  R"({"log-rdp": {"desk-02": 1}, "log-smb": {"desk-01": 5, "gateway": 1}})"));
}

TEST(SummaryJsonTest, NoAlertNoQuarantineLeavesNullTimesAndZeroCounts)
{
    auto doc = nlohmann::json::parse(
        reports::SummaryJson(MakeInfo(), {"flat", "segmented"}, MakeCampaign()));
    const auto& segmented = doc["postures"]["segmented"];
    EXPECT_TRUE(segmented["time_to_first_alert_s"].is_null());
    EXPECT_TRUE(segmented["time_to_quarantine_s"].is_null());
    EXPECT_EQ(segmented["first_alert_source"],
              nlohmann::json::parse(R"({"av": 0, "monitoring": 0, "ids": 0, "pattern": 0})"));
    EXPECT_EQ(segmented["false_alarms"]["total"], 0);
    EXPECT_EQ(segmented["quarantine_before_crown_jewel"], 0);
    EXPECT_EQ(segmented["exfiltration_started"], 0);
    EXPECT_TRUE(segmented["logged_hits"].is_object());
    EXPECT_TRUE(segmented["logged_hits"].empty());
}

TEST(SummaryJsonTest, EarlierKeysKeepTheirOrderAndTheDefencesFollow)
{
    auto doc = nlohmann::ordered_json::parse(
        reports::SummaryJson(MakeInfo(), {"flat"}, MakeDefenceRuns()));
    std::vector<std::string> keys;
    for (const auto& [key, value] : doc["postures"]["flat"].items())
    {
        keys.push_back(key);
    }
    EXPECT_EQ(keys, (std::vector<std::string>{"runs",
                                              "infected",
                                              "crown_jewel_reached",
                                              "time_to_crown_jewel_s",
                                              "exfiltrated_bytes",
                                              "blocked",
                                              "alerts",
                                              "infected_desktops",
                                              "detected",
                                              "quarantined",
                                              "blocked_by_rule",
                                              "alerts_by_source",
                                              "false_alarms",
                                              "time_to_first_alert_s",
                                              "first_alert_source",
                                              "time_to_quarantine_s",
                                              "quarantine_before_crown_jewel",
                                              "quarantine_before_exfiltration",
                                              "exfiltration_started",
                                              "wrongly_quarantined",
                                              "desktops_taken_from_users",
                                              "ids_prevented",
                                              "benign_sessions",
                                              "benign_failed",
                                              "logged_hits"}));
}

TEST(SummaryJsonTest, ProvenanceRecordsTheParametersInForce)
{
    reports::CampaignInfo info = MakeInfo();
    info.parameters = {{"attack: breakout", "62m"}, {"defence: av: detect_new", "0.51"}};
    auto doc =
        nlohmann::json::parse(reports::SummaryJson(info, {"flat", "segmented"}, MakeCampaign()));
    const auto& parameters = doc["provenance"]["parameters"];
    ASSERT_EQ(parameters.size(), 2U);
    EXPECT_EQ(parameters["attack: breakout"], "62m");
    EXPECT_EQ(parameters["defence: av: detect_new"], "0.51");
}

TEST(SummaryJsonTest, TimeToCrownJewelIsNullWhenNoRunReachedIt)
{
    auto doc = nlohmann::json::parse(
        reports::SummaryJson(MakeInfo(), {"flat", "segmented"}, MakeCampaign()));
    const auto& segmented = doc["postures"]["segmented"];
    EXPECT_TRUE(segmented.contains("time_to_crown_jewel_s"));
    EXPECT_TRUE(segmented["time_to_crown_jewel_s"].is_null());
    EXPECT_EQ(segmented["crown_jewel_reached"], 0);
}

TEST(SummaryJsonTest, PosturesFollowTheGivenOrder)
{
    std::string text = reports::SummaryJson(MakeInfo(), {"segmented", "flat"}, MakeCampaign());
    EXPECT_LT(text.find("\"segmented\""), text.find("\"flat\""));
    auto doc = nlohmann::ordered_json::parse(text);
    EXPECT_EQ(doc.begin().key(), "postures");
    EXPECT_EQ(doc["postures"].begin().key(), "segmented");
}

TEST(SummaryJsonTest, SameInputGivesTheSameBytes)
{
    std::vector<core::RunResult> runs = MakeCampaign();
    std::string first = reports::SummaryJson(MakeInfo(), {"flat", "segmented"}, runs);
    for (auto& run : runs)
    {
        run.wall_s *= 7; // wall time differs between two identical campaigns
    }
    std::vector<core::RunResult> reversed(runs.rbegin(), runs.rend());
    EXPECT_EQ(first, reports::SummaryJson(MakeInfo(), {"flat", "segmented"}, runs));
    EXPECT_EQ(first, reports::SummaryJson(MakeInfo(), {"flat", "segmented"}, reversed));
    EXPECT_EQ(first.back(), '\n');
    EXPECT_EQ(first.rfind("{\n  \"postures\": {\n    \"flat\": {\n", 0), 0U);
}

TEST(SummaryJsonTest, RoundsNonIntegersToSixSignificantDigits)
{
    std::vector<core::RunResult> runs = {MakeRun("flat", 0, 1), MakeRun("flat", 1, 1),
                                         MakeRun("flat", 2, 2)};
    std::string text = reports::SummaryJson(MakeInfo(), {"flat"}, runs);
    // mean of {1, 1, 2} is 1.3333...; p90 interpolates to 1.8 exactly in decimal.
    EXPECT_NE(text.find("\"mean\": 1.33333,"), std::string::npos) << text;
    EXPECT_NE(text.find("\"p90\": 1.8,"), std::string::npos) << text;
    EXPECT_NE(text.find("\"crown_jewel_reached\": 0,"), std::string::npos) << text;
}

TEST(SummaryJsonTest, RejectsPosturesWithoutRunsAndRunsWithoutPosture)
{
    EXPECT_THROW(
        reports::SummaryJson(MakeInfo(), {"flat", "segmented", "zero-trust"}, MakeCampaign()),
        std::invalid_argument);
    EXPECT_THROW(reports::SummaryJson(MakeInfo(), {"flat"}, MakeCampaign()), std::invalid_argument);
    EXPECT_THROW(reports::SummaryJson(MakeInfo(), {"flat", "flat", "segmented"}, MakeCampaign()),
                 std::invalid_argument);
}

TEST(TimeseriesCsvTest, HeaderThenRowsByPostureRunAndTime)
{
    std::vector<core::RunResult> runs = {MakeRun("segmented", 1, 4), MakeRun("flat", 0, 10),
                                         MakeRun("segmented", 0, 2)};
    runs[1].infectedSeries = {{120, 10}, {0.5, 1}, {60, 5}}; // out of order on purpose
    std::string csv = reports::TimeseriesCsv({"flat", "segmented"}, runs);
    EXPECT_EQ(csv, "posture,run,time_s,infected\n"
                   "flat,0,0.5,1\n"
                   "flat,0,60,5\n"
                   "flat,0,120,10\n"
                   "segmented,0,0,1\n"
                   "segmented,0,60,1\n"
                   "segmented,0,120,2\n"
                   "segmented,1,0,1\n"
                   "segmented,1,60,2\n"
                   "segmented,1,120,4\n");
}

TEST(TimeseriesCsvTest, OneRowPerSample)
{
    std::string csv = reports::TimeseriesCsv({"flat", "segmented"}, MakeCampaign());
    std::istringstream lines(csv);
    std::string line;
    std::size_t count = 0;
    while (std::getline(lines, line))
    {
        ++count;
    }
    EXPECT_EQ(count, 1U + 8U * 3U);
}

TEST(SimulationTableTest, OneAlignedLinePerPostureUnderHundredColumns)
{
    std::string table = reports::SimulationTable(MakeInfo(), {"flat", "segmented"}, MakeCampaign());
    std::istringstream lines(table);
    std::vector<std::string> all;
    for (std::string line; std::getline(lines, line);)
    {
        EXPECT_LT(line.size(), 100U) << line;
        all.push_back(line);
    }
    ASSERT_EQ(all.size(), 4U); // title, column header, flat, segmented
    EXPECT_EQ(all[2].rfind("flat ", 0), 0U);
    EXPECT_EQ(all[3].rfind("segmented ", 0), 0U);
    EXPECT_NE(all[2].find("37.5 (31.5-43.5)"), std::string::npos) << table;
    EXPECT_NE(all[2].find("75%"), std::string::npos) << table;
    EXPECT_NE(all[2].find("1:30"), std::string::npos) << table; // median 5400 s
    EXPECT_NE(all[2].find("1.5 MB"), std::string::npos) << table;
    EXPECT_NE(all[3].find(" - "), std::string::npos) << table; // never reached
    EXPECT_NE(all[3].find("0%"), std::string::npos) << table;
    // Aligned: the last column is right-aligned, so header and rows end together.
    EXPECT_EQ(all[1].size(), all[2].size());
    EXPECT_EQ(all[2].size(), all[3].size());
}

TEST(Sha256Test, FipsVectors)
{
    EXPECT_EQ(reports::Sha256Hex(""),
              "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    EXPECT_EQ(reports::Sha256Hex("abc"),
              "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    EXPECT_EQ(reports::Sha256Hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
              "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    EXPECT_EQ(reports::Sha256Hex(std::string(1000000, 'a')),
              "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST(Sha256Test, PaddingBoundaries)
{
    // sha256sum of 55, 56, 63, 64 and 65 bytes of 'a': the tail fits one block or needs two.
    EXPECT_EQ(reports::Sha256Hex(std::string(55, 'a')),
              "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318");
    EXPECT_EQ(reports::Sha256Hex(std::string(56, 'a')),
              "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a");
    EXPECT_EQ(reports::Sha256Hex(std::string(63, 'a')),
              "7d3e74a05d7db15bce4ad9ec0658ea98e3f06eeecf16b4c6fff2da457ddc2f34");
    EXPECT_EQ(reports::Sha256Hex(std::string(64, 'a')),
              "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb");
    EXPECT_EQ(reports::Sha256Hex(std::string(65, 'a')),
              "635361c48bb9eab14198e76ea8ab7f1a41685d6ad62aa9146d301d4f17eb0ae0");
}

} // namespace
