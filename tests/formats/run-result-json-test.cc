// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
// One run's result between processes (formats/run-result/run-result-json.h): every field comes
// back exactly, whatever the names hold, and anything else is refused with its JSON path.

#include "core/attack-model.h"
#include "formats/run-result/run-result-json.h"
#include "support/expect-same-run-result.h"

#include <cmath>
#include <gtest/gtest.h>
#include <limits>
#include <stdexcept>
#include <string>

namespace
{

using namespace segproof;

core::RunResult
Full()
{
    core::RunResult r;
    r.posture = " microseg+quarantine \"q\" \\"; // a leading space, quotes, a backslash
    r.run = std::numeric_limits<std::uint64_t>::max();
    r.infectedSeries = {{0, 1}, {0.1, 2}, {1.0 / 3.0, 3}, {1e-300, 4}, {28800, 4294967295u}};
    r.everInfected = 7;
    r.everInfectedDesktops = 6;
    r.phished = 2;
    r.infectedMachines = {3, 7, 3, 2147483647};
    r.phishedMachines = {3, 7};
    r.timeToCrownJewel_s = std::nextafter(1234.5678, 2000.0);
    r.exfiltratedBytes = 250000000;
    r.blocked = {1, 2, 3, std::numeric_limits<std::uint64_t>::max()};
    r.blockedByRule = {{"dfw/vdi\nisolation", 1}, // a newline in a rule id
                       {"dfw/ a/b~c", 2},         // a space, a slash and a tilde
                       {"dfw/q" + std::string(1, '\xff') + "out", 3}, // not UTF-8
                       {"gateway/default", 4}};
    r.loggedHits = {{"log-smb", {{"desk-01", 5}, {"gateway", 1}}},
                    {"log\n" + std::string(1, '\xfe'), {{"a/b~c", 2}}}, // newline, not UTF-8
                    {"log-empty", {}}};
    r.alerts = 9;
    r.alertsBySource = {1, 2, 3, std::numeric_limits<std::uint64_t>::max()};
    r.falseAlarmsBySource = {5, 0, 7, 8};
    r.timeToFirstAlert_s = 0.1 + 0.2;
    r.firstAlertSource = 2; // ids
    r.timeToQuarantine_s = 1e-300;
    r.timeToExfiltration_s = 28800.5;
    r.detected = 4;
    r.quarantined = 3;
    r.wronglyQuarantined = 2;
    r.desktopsTakenFromUsers = 4294967295u;
    r.idsPrevented = 11;
    r.benignSessions = 1ULL << 62;
    r.benignFailed = 13;
    r.connectionsAttempted = 1234567;
    r.packets = 89;
    r.events = 1ULL << 60;
    r.wall_s = std::numeric_limits<double>::min();
    return r;
}

std::string
ErrorOf(const std::string& text)
{
    try
    {
        formats::DecodeRunResult(text);
    }
    catch (const std::runtime_error& e)
    {
        return e.what();
    }
    return "";
}

/// `text` with the first `from` replaced by `to`.
std::string
Replaced(std::string text, const std::string& from, const std::string& to)
{
    std::size_t at = text.find(from);
    EXPECT_NE(at, std::string::npos) << from;
    return at == std::string::npos ? text : text.replace(at, from.size(), to);
}

TEST(RunResultJsonTest, EveryFieldComesBackExactly)
{
    const core::RunResult r = Full();
    const std::string text = formats::EncodeRunResult(r);
    test::ExpectSameRunResult(formats::DecodeRunResult(text), r);
    EXPECT_EQ(formats::EncodeRunResult(formats::DecodeRunResult(text)), text);
}

TEST(RunResultJsonTest, NoCrownJewelAndNothingBlockedComeBack)
{
    core::RunResult r;
    r.posture = "flat";
    test::ExpectSameRunResult(formats::DecodeRunResult(formats::EncodeRunResult(r)), r);
}

TEST(RunResultJsonTest, EachAlertSourceAndNoTimesComeBack)
{
    core::RunResult r = Full();
    r.timeToFirstAlert_s.reset();
    r.timeToQuarantine_s.reset();
    r.timeToExfiltration_s.reset();
    r.firstAlertSource.reset();
    test::ExpectSameRunResult(formats::DecodeRunResult(formats::EncodeRunResult(r)), r);
    for (std::uint8_t source = 0; source < core::kAllAlertSources.size(); ++source)
    {
        r.firstAlertSource = source;
        test::ExpectSameRunResult(formats::DecodeRunResult(formats::EncodeRunResult(r)), r);
    }
}

TEST(RunResultJsonTest, NewFiguresAreWrittenByName)
{
    const std::string text = formats::EncodeRunResult(Full());
    EXPECT_NE(text.find("\"first_alert_source\":\"ids\""), std::string::npos) << text;
    EXPECT_NE(text.find("\"false_alarms_by_source\":{\"av\":5,\"ids\":7,\"monitoring\":0,"
                        "\"pattern\":8}"),
              std::string::npos)
        << text;
    EXPECT_NE(text.find("[\"log-smb\",[[\"desk-01\",5],[\"gateway\",1]]]"), std::string::npos)
        << text;
    EXPECT_NE(text.find("[\"log-empty\",[]]"), std::string::npos) << text;
    EXPECT_NE(text.find("\"time_to_exfiltration_s\":28800.5"), std::string::npos) << text;
}

TEST(RunResultJsonTest, FirstAlertSourceOutOfRangeIsABug)
{
    core::RunResult r;
    r.firstAlertSource = 4;
    EXPECT_THROW(formats::EncodeRunResult(r), std::logic_error);
}

TEST(RunResultJsonTest, IsOneLineOfJsonWithItsFormat)
{
    const std::string text = formats::EncodeRunResult(Full());
    EXPECT_EQ(text.find('\n'), std::string::npos); // newlines in names are escaped
    EXPECT_EQ(text.rfind("{\"alerts\":", 0), 0u);
    EXPECT_NE(text.find("\"format\":\"segproof-run-result/v1\""), std::string::npos);
    EXPECT_NE(text.find("\"dfw/vdi\\nisolation\""), std::string::npos);
    EXPECT_NE(text.find("{\"bytes\":[100,102,119,47,113,255,111,117,116]}"), std::string::npos);
}

TEST(RunResultJsonTest, EveryCutShortTextIsTruncated)
{
    const std::string text = formats::EncodeRunResult(Full());
    for (std::size_t size = 0; size < text.size(); ++size)
    {
        EXPECT_EQ(ErrorOf(text.substr(0, size)), "a simulation run sent back a truncated result")
            << size;
    }
}

TEST(RunResultJsonTest, WrongValuesAreNamedByTheirJsonPath)
{
    const std::string text = formats::EncodeRunResult(Full());
    const std::string prefix = "a simulation run sent back a malformed result: at ";
    EXPECT_EQ(ErrorOf(Replaced(text, "\"alerts\":9", "\"alerts\":-9")),
              prefix + "/alerts: expected an unsigned integer");
    EXPECT_EQ(ErrorOf(Replaced(text, "\"detected\":4", "\"detected\":4294967296")),
              prefix + "/detected: more than 4294967295");
    EXPECT_EQ(ErrorOf(Replaced(text, "\"dfw\":1", "\"dfw\":\"1\"")),
              prefix + "/blocked/dfw: expected an unsigned integer");
    EXPECT_EQ(ErrorOf(Replaced(text, "[0.1,2]", "[0.1]")),
              prefix + "/infected_series/1: expected [time_s, infected]");
    EXPECT_EQ(ErrorOf(Replaced(text, "255,111", "256,111")),
              prefix + "/blocked_by_rule/1/0/bytes/5: more than 255");
    EXPECT_EQ(ErrorOf(Replaced(text, "\"events\":", "\"event\":")),
              prefix + "/: missing \"events\"");
    EXPECT_EQ(ErrorOf(Replaced(text, "\"alerts\":9", "\"alerts\":9,\"extra\":1")),
              prefix + "/extra: unknown member");
    EXPECT_EQ(ErrorOf(Replaced(text, "segproof-run-result/v1", "segproof-run-result/v2")),
              prefix + "/format: expected \"segproof-run-result/v1\"");
    EXPECT_EQ(
        ErrorOf(Replaced(text, "\"first_alert_source\":\"ids\"", "\"first_alert_source\":\"edr\"")),
        prefix + "/first_alert_source: no alert source \"edr\" (expected av, monitoring, "
                 "ids or pattern)");
    EXPECT_EQ(ErrorOf(Replaced(text, "\"first_alert_source\":\"ids\"", "\"first_alert_source\":2")),
              prefix + "/first_alert_source: expected an alert source or null");
    EXPECT_EQ(ErrorOf(Replaced(text, "\"pattern\":8}", "\"pattern\":8,\"edr\":1}")),
              prefix + "/false_alarms_by_source/edr: unknown member");
    EXPECT_EQ(ErrorOf(Replaced(text, "\"av\":5,", "")),
              prefix + "/false_alarms_by_source: missing \"av\"");
    EXPECT_EQ(ErrorOf(Replaced(text, "\"time_to_quarantine_s\":1e-300",
                               "\"time_to_quarantine_s\":\"soon\"")),
              prefix + "/time_to_quarantine_s: expected a number");
    EXPECT_EQ(ErrorOf(Replaced(text, "[\"gateway\",1]", "[\"desk-01\",1]")),
              prefix + "/logged_hits/2/1/1/0: a second count for the same place");
    EXPECT_EQ(ErrorOf(Replaced(text, "[\"log-empty\",[]]", "[\"log-smb\",[]]")),
              prefix + "/logged_hits/2/0: a second entry for the same rule");
    EXPECT_EQ(ErrorOf(Replaced(text, "[\"log-empty\",[]]", "[\"log-empty\",{}]")),
              prefix + "/logged_hits/1: expected [\"rule\", [[\"where\", hits], ...]]");
    EXPECT_EQ(ErrorOf(Replaced(text, "\"ids_prevented\":11", "\"ids_prevented\":-1")),
              prefix + "/ids_prevented: expected an unsigned integer");
    EXPECT_EQ(
        ErrorOf(Replaced(text, "\"wrongly_quarantined\":2", "\"wrongly_quarantined\":4294967296")),
        prefix + "/wrongly_quarantined: more than 4294967295");
    EXPECT_EQ(ErrorOf("[1]"), prefix + "/: expected an object");
    EXPECT_EQ(ErrorOf("error from the run"),
              "a simulation run sent back a malformed result: [json.exception.parse_error.101] "
              "parse error at line 1, column 1: syntax error while parsing value - invalid "
              "literal; last read: 'e'");
}

} // namespace
