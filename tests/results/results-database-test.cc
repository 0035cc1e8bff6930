// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#include "results/results-database.h"
#include "support/expect-same-run-result.h"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <random>
#include <sqlite3.h>

namespace
{

using namespace segproof;
using results::DatabaseError;
using results::ResultsDatabase;
using results::RunContext;
using results::RunKey;

/// A fresh directory per test under the system's temp directory, removed afterwards.
class ResultsDatabaseTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
        std::random_device random;
        m_dir =
            std::filesystem::temp_directory_path() /
            ("segproof-results-test-" + std::string(info->name()) + "-" + std::to_string(random()));
        std::filesystem::create_directories(m_dir);
    }

    void TearDown() override
    {
        std::error_code ignored;
        std::filesystem::remove_all(m_dir, ignored);
    }

    std::string DbPath() const { return (m_dir / "results.sqlite").string(); }

    std::filesystem::path m_dir;
};

RunKey
Key(const std::string& posture, std::uint64_t run, const std::string& point = "")
{
    RunKey key;
    key.scenarioSha256 = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    key.point = point;
    key.posture = posture;
    key.seed = 7;
    key.run = run;
    key.duration_s = 0.1 + 0.2; // not a short decimal: must still match exactly
    return key;
}

RunContext
Context(std::vector<std::pair<std::string, std::string>> parameters = {})
{
    RunContext context;
    context.campaign = "breakout sweep";
    context.scenarioFile = "scenarios/bank.yaml";
    context.scenarioName = "bank";
    context.parameters = std::move(parameters);
    context.sampleInterval_s = 60;
    context.rank = 3;
    context.host = "node-17";
    context.segproofVersion = "0.1.0";
    context.finishedAt = "2024-05-01T12:00:00Z";
    return context;
}

core::RunResult
FullResult(const std::string& posture, std::uint64_t run, std::optional<double> jewel)
{
    core::RunResult r;
    r.posture = posture;
    r.run = run;
    r.infectedSeries = {{0, 1}, {60, 3}, {120, 7}, {180.25, 9}};
    r.everInfected = 11;
    r.everInfectedDesktops = 8;
    r.phished = 2;
    r.infectedMachines = {4, 17, 0, 4, 123456};
    r.phishedMachines = {4, 17};
    r.timeToCrownJewel_s = jewel;
    r.exfiltratedBytes = 1ULL << 40;
    r.blocked = {10, 20, 30, 40};
    r.blockedByRule = {{"dfw/vdi isolation", 5},
                       {"gateway/say \"no\", please", 6},
                       {"perimeter/default", 1ULL << 50}};
    r.loggedHits = {{"log-rdp", {{"desk-01", 3}, {"gateway", 1ULL << 45}}},
                    {"log \"smb\", all", {{"file-server", 2}}},
                    {"log-empty", {}}};
    r.alerts = 12;
    r.alertsBySource = {1, 2, 3, 4};
    r.falseAlarmsBySource = {0, 1, 0, 1ULL << 52};
    r.timeToFirstAlert_s = 0.1 + 0.2;
    r.firstAlertSource = 1; // monitoring
    r.timeToQuarantine_s = 3600.125;
    r.timeToExfiltration_s = jewel ? std::optional<double>(*jewel + 1.0 / 3.0) : std::nullopt;
    r.detected = 3;
    r.quarantined = 2;
    r.wronglyQuarantined = 1;
    r.desktopsTakenFromUsers = 1;
    r.idsPrevented = 17;
    r.benignSessions = 1ULL << 41;
    r.benignFailed = 19;
    r.connectionsAttempted = 345;
    r.packets = 987654321;
    r.events = 123456789012ULL;
    r.wall_s = 1.0 / 3.0;
    return r;
}

/// Runs `sql` through the plain sqlite3 C API, as a researcher's `sqlite3` shell would, and
/// returns the rows as "a|b|c" lines.
std::vector<std::string>
Query(const std::string& path, const std::string& sql)
{
    sqlite3* db = nullptr;
    EXPECT_EQ(sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
    sqlite3_stmt* statement = nullptr;
    EXPECT_EQ(sqlite3_prepare_v2(db, sql.c_str(), -1, &statement, nullptr), SQLITE_OK)
        << sqlite3_errmsg(db);
    std::vector<std::string> rows;
    while (sqlite3_step(statement) == SQLITE_ROW)
    {
        std::string row;
        for (int c = 0; c < sqlite3_column_count(statement); ++c)
        {
            const unsigned char* text = sqlite3_column_text(statement, c);
            row += (c == 0 ? "" : "|") +
                   std::string(text == nullptr ? "" : reinterpret_cast<const char*>(text));
        }
        rows.push_back(row);
    }
    sqlite3_finalize(statement);
    sqlite3_close(db);
    return rows;
}

void
WriteFile(const std::string& path, const std::string& text)
{
    std::ofstream out(path, std::ios::binary);
    out << text;
}

TEST_F(ResultsDatabaseTest, FullRunResultRoundTripsExactly)
{
    ResultsDatabase db(DbPath());
    core::RunResult withJewel = FullResult("flat", 0, 1234.5678901234567);
    core::RunResult withoutJewel = FullResult("flat", 1, std::nullopt);
    withoutJewel.infectedMachines.clear();
    withoutJewel.phishedMachines.clear();
    withoutJewel.blockedByRule.clear();
    withoutJewel.loggedHits.clear();
    withoutJewel.timeToFirstAlert_s.reset();
    withoutJewel.firstAlertSource.reset();
    withoutJewel.timeToQuarantine_s.reset();
    db.RecordRun(Key("flat", 0), Context(), withJewel);
    db.RecordRun(Key("flat", 1), Context(), withoutJewel);

    auto read = db.ReadRun(Key("flat", 0));
    ASSERT_TRUE(read.has_value());
    test::ExpectSameRunResult(*read, withJewel);
    read = db.ReadRun(Key("flat", 1));
    ASSERT_TRUE(read.has_value());
    EXPECT_FALSE(read->timeToCrownJewel_s.has_value());
    EXPECT_FALSE(read->timeToExfiltration_s.has_value());
    test::ExpectSameRunResult(*read, withoutJewel);
}

TEST_F(ResultsDatabaseTest, EveryFirstAlertSourceRoundTripsByName)
{
    ResultsDatabase db(DbPath());
    const char* names[] = {"av", "monitoring", "ids", "pattern"};
    for (std::uint8_t source = 0; source < 4; ++source)
    {
        core::RunResult r = FullResult("flat", source, 60);
        r.firstAlertSource = source;
        db.RecordRun(Key("flat", source), Context(), r);
        auto read = db.ReadRun(Key("flat", source));
        ASSERT_TRUE(read.has_value());
        test::ExpectSameRunResult(*read, r);
    }
    std::vector<std::string> expected(std::begin(names), std::end(names));
    EXPECT_EQ(Query(DbPath(), "SELECT first_alert_source FROM runs ORDER BY id"), expected);
    core::RunResult bad = FullResult("flat", 9, 60);
    bad.firstAlertSource = 4;
    EXPECT_THROW(db.RecordRun(Key("flat", 9), Context(), bad), DatabaseError);
}

TEST_F(ResultsDatabaseTest, NewFiguresAreColumnsPlainSqlReads)
{
    ResultsDatabase db(DbPath());
    db.RecordRun(Key("flat", 0), Context(), FullResult("flat", 0, 7200.0));
    db.RecordRun(Key("flat", 1), Context(), FullResult("flat", 1, std::nullopt));
    db.RecordFailure(Key("flat", 2), Context(), "crashed");
    EXPECT_EQ(Query(DbPath(), "SELECT alerts_av, alerts_monitoring, alerts_ids, alerts_pattern, "
                              "false_alarms_av, false_alarms_monitoring, false_alarms_ids, "
                              "false_alarms_pattern, wrongly_quarantined, "
                              "desktops_taken_from_users, ids_prevented, benign_sessions, "
                              "benign_failed FROM runs WHERE run = 0"),
              std::vector<std::string>{"1|2|3|4|0|1|0|4503599627370496|1|1|17|2199023255552|19"});
    EXPECT_EQ(Query(DbPath(), "SELECT time_to_quarantine_s, time_to_exfiltration_s IS NULL, "
                              "logged_hits FROM runs ORDER BY id"),
              (std::vector<std::string>{
                  "3600.125|0|{\"log \\\"smb\\\", all\":{\"file-server\":2},\"log-empty\":{},"
                  "\"log-rdp\":{\"desk-01\":3,\"gateway\":35184372088832}}",
                  "3600.125|1|{\"log \\\"smb\\\", all\":{\"file-server\":2},\"log-empty\":{},"
                  "\"log-rdp\":{\"desk-01\":3,\"gateway\":35184372088832}}",
                  "|1|"}));
    // A failed run's metrics are all NULL.
    EXPECT_EQ(Query(DbPath(), "SELECT count(*) FROM runs WHERE status = 'failed' AND "
                              "coalesce(alerts_av, false_alarms_pattern, time_to_first_alert_s, "
                              "first_alert_source, benign_sessions, logged_hits) IS NULL"),
              std::vector<std::string>{"1"});
}

TEST_F(ResultsDatabaseTest, LoggedHitNamesThatAreNotUtf8Throw)
{
    ResultsDatabase db(DbPath());
    core::RunResult r = FullResult("flat", 0, std::nullopt);
    r.loggedHits = {{"log", {{"desk" + std::string(1, '\xff'), 1}}}};
    EXPECT_THROW(db.RecordRun(Key("flat", 0), Context(), r), DatabaseError);
    EXPECT_EQ(db.CountRuns("done"), 0u);
}

TEST_F(ResultsDatabaseTest, ReadRunOfUnknownOrFailedKeyIsNullopt)
{
    ResultsDatabase db(DbPath());
    EXPECT_FALSE(db.ReadRun(Key("flat", 0)).has_value());
    db.RecordFailure(Key("flat", 0), Context(), "boom");
    EXPECT_FALSE(db.ReadRun(Key("flat", 0)).has_value());
    RunKey otherDuration = Key("flat", 0);
    otherDuration.duration_s = 0.3;
    db.RecordRun(otherDuration, Context(), FullResult("flat", 0, std::nullopt));
    EXPECT_FALSE(db.ReadRun(Key("flat", 0)).has_value());
    EXPECT_TRUE(db.ReadRun(otherDuration).has_value());
}

TEST_F(ResultsDatabaseTest, DoneKeysPersistAcrossReopen)
{
    {
        ResultsDatabase db(DbPath());
        db.RecordRun(Key("flat", 0, "attack.breakout=60"), Context(),
                     FullResult("flat", 0, std::nullopt));
        db.RecordRun(Key("zoned", 0), Context(), FullResult("zoned", 0, 5.0));
        db.RecordFailure(Key("zoned", 1), Context(), "ns-3 aborted");
    }
    ResultsDatabase db(DbPath());
    std::vector<RunKey> expected = {Key("flat", 0, "attack.breakout=60"), Key("zoned", 0)};
    EXPECT_EQ(db.DoneKeys(), expected);
    EXPECT_EQ(db.CountRuns("done"), 2u);
    EXPECT_EQ(db.CountRuns("failed"), 1u);
    auto read = db.ReadRun(Key("zoned", 0));
    ASSERT_TRUE(read.has_value());
    test::ExpectSameRunResult(*read, FullResult("zoned", 0, 5.0));
}

TEST_F(ResultsDatabaseTest, DoneRunReplacesEarlierFailure)
{
    ResultsDatabase db(DbPath());
    db.RecordFailure(Key("flat", 0), Context({{"attack.breakout", "60"}}), "first try failed");
    db.RecordFailure(Key("flat", 0), Context({{"attack.breakout", "60"}}), "second try failed");
    EXPECT_EQ(db.CountRuns("failed"), 1u);
    EXPECT_TRUE(db.DoneKeys().empty());

    db.RecordRun(Key("flat", 0), Context({{"attack.breakout", "60"}}), FullResult("flat", 0, 9.0));
    EXPECT_EQ(db.CountRuns("failed"), 0u);
    EXPECT_EQ(db.CountRuns("done"), 1u);
    EXPECT_EQ(Query(DbPath(), "SELECT count(*) FROM parameters"), std::vector<std::string>{"1"});
    EXPECT_EQ(Query(DbPath(), "SELECT error FROM runs"), std::vector<std::string>{""});
}

TEST_F(ResultsDatabaseTest, RecordingADoneRunTwiceThrows)
{
    ResultsDatabase db(DbPath());
    db.RecordRun(Key("flat", 0), Context(), FullResult("flat", 0, std::nullopt));
    try
    {
        db.RecordRun(Key("flat", 0), Context(), FullResult("flat", 0, 1.0));
        FAIL() << "no DatabaseError";
    }
    catch (const DatabaseError& e)
    {
        EXPECT_NE(std::string(e.what()).find("run already recorded"), std::string::npos)
            << e.what();
    }
    // The transaction rolled back: the first result stands, and the database still writes.
    auto read = db.ReadRun(Key("flat", 0));
    ASSERT_TRUE(read.has_value());
    EXPECT_FALSE(read->timeToCrownJewel_s.has_value());
    db.RecordRun(Key("flat", 1), Context(), FullResult("flat", 1, std::nullopt));
    EXPECT_EQ(db.CountRuns("done"), 2u);
}

TEST_F(ResultsDatabaseTest, FailureNeverOverwritesADoneRun)
{
    ResultsDatabase db(DbPath());
    db.RecordRun(Key("flat", 0), Context(), FullResult("flat", 0, 2.0));
    db.MarkInFlight(Key("flat", 0), 1, "node-1", "2024-05-01T12:00:00Z");
    db.RecordFailure(Key("flat", 0), Context(), "late failure");
    EXPECT_EQ(db.CountRuns("done"), 1u);
    EXPECT_EQ(db.CountRuns("failed"), 0u);
    EXPECT_TRUE(db.InFlight().empty());
    ASSERT_TRUE(db.ReadRun(Key("flat", 0)).has_value());
}

TEST_F(ResultsDatabaseTest, InFlightMarksListInOrderAndClear)
{
    ResultsDatabase db(DbPath());
    db.MarkInFlight(Key("zoned", 2), 2, "node-2", "t2");
    db.MarkInFlight(Key("flat", 0), 0, "node-0", "t0");
    db.MarkInFlight(Key("flat", 1), 1, "node-1", "t1");
    auto marks = db.InFlight();
    ASSERT_EQ(marks.size(), 3u);
    EXPECT_EQ(marks[0].key, Key("zoned", 2));
    EXPECT_EQ(marks[0].rank, 2);
    EXPECT_EQ(marks[0].host, "node-2");
    EXPECT_EQ(marks[0].startedAt, "t2");
    EXPECT_EQ(marks[1].key, Key("flat", 0));
    EXPECT_EQ(marks[2].key, Key("flat", 1));

    db.ClearInFlight(Key("flat", 0));
    marks = db.InFlight();
    ASSERT_EQ(marks.size(), 2u);
    EXPECT_EQ(marks[0].key, Key("zoned", 2));
    EXPECT_EQ(marks[1].key, Key("flat", 1));

    db.ClearAllInFlight();
    EXPECT_TRUE(db.InFlight().empty());
}

TEST_F(ResultsDatabaseTest, RecordingARunClearsItsInFlightMark)
{
    ResultsDatabase db(DbPath());
    db.MarkInFlight(Key("flat", 0), 0, "node-0", "t0");
    db.MarkInFlight(Key("flat", 1), 0, "node-0", "t1");
    db.MarkInFlight(Key("flat", 2), 0, "node-0", "t2");
    db.RecordRun(Key("flat", 1), Context(), FullResult("flat", 1, std::nullopt));
    db.RecordFailure(Key("flat", 2), Context(), "crashed");
    auto marks = db.InFlight();
    ASSERT_EQ(marks.size(), 1u);
    EXPECT_EQ(marks[0].key, Key("flat", 0));
}

TEST_F(ResultsDatabaseTest, FileThatIsNotSqliteThrowsNamingThePath)
{
    std::string path = (m_dir / "notes.txt").string();
    WriteFile(path, std::string(4096, 'x') + "this is not a database\n");
    try
    {
        ResultsDatabase db(path);
        FAIL() << "no DatabaseError";
    }
    catch (const DatabaseError& e)
    {
        std::string message = e.what();
        EXPECT_NE(message.find(path), std::string::npos) << message;
        EXPECT_NE(message.find("not a database"), std::string::npos) << message;
    }
}

TEST_F(ResultsDatabaseTest, SqliteFileOfAnotherSchemaThrows)
{
    std::string other = (m_dir / "other.sqlite").string();
    {
        sqlite3* db = nullptr;
        ASSERT_EQ(sqlite3_open(other.c_str(), &db), SQLITE_OK);
        ASSERT_EQ(sqlite3_exec(db, "CREATE TABLE customers(id INTEGER, name TEXT)", nullptr,
                               nullptr, nullptr),
                  SQLITE_OK);
        sqlite3_close(db);
    }
    try
    {
        ResultsDatabase db(other);
        FAIL() << "no DatabaseError";
    }
    catch (const DatabaseError& e)
    {
        EXPECT_NE(std::string(e.what()).find(other + " is not a segproof results database"),
                  std::string::npos)
            << e.what();
    }
    // Left as it was: no journal-mode switch, no tables added.
    EXPECT_EQ(Query(other, "PRAGMA journal_mode"), std::vector<std::string>{"delete"});
    EXPECT_EQ(Query(other, "SELECT count(*) FROM sqlite_master"), std::vector<std::string>{"1"});

    // A segproof database of a future schema is refused too.
    {
        ResultsDatabase db(DbPath());
    }
    {
        sqlite3* db = nullptr;
        ASSERT_EQ(sqlite3_open(DbPath().c_str(), &db), SQLITE_OK);
        ASSERT_EQ(sqlite3_exec(db,
                               "UPDATE segproof_meta SET value = 'segproof-results/3' "
                               "WHERE key = 'schema'",
                               nullptr, nullptr, nullptr),
                  SQLITE_OK);
        sqlite3_close(db);
    }
    try
    {
        ResultsDatabase db(DbPath());
        FAIL() << "no DatabaseError";
    }
    catch (const DatabaseError& e)
    {
        std::string message = e.what();
        EXPECT_NE(message.find(DbPath() + " is not a segproof results database"), std::string::npos)
            << message;
        EXPECT_NE(message.find("segproof-results/3"), std::string::npos) << message;
    }
}

TEST_F(ResultsDatabaseTest, DatabaseOfTheEarlierSchemaIsRefusedAndLeftAsItWas)
{
    {
        ResultsDatabase db(DbPath());
        db.RecordRun(Key("flat", 0), Context(), FullResult("flat", 0, 2.0));
    }
    {
        sqlite3* db = nullptr;
        ASSERT_EQ(sqlite3_open(DbPath().c_str(), &db), SQLITE_OK);
        ASSERT_EQ(sqlite3_exec(db,
                               "UPDATE segproof_meta SET value = 'segproof-results/1' "
                               "WHERE key = 'schema'",
                               nullptr, nullptr, nullptr),
                  SQLITE_OK);
        sqlite3_close(db);
    }
    try
    {
        ResultsDatabase db(DbPath());
        FAIL() << "no DatabaseError";
    }
    catch (const DatabaseError& e)
    {
        EXPECT_EQ(std::string(e.what()),
                  DbPath() + " holds the results of an earlier segproof (schema "
                             "'segproof-results/1', this version writes 'segproof-results/2'): "
                             "read it with that version, or start a new database");
    }
    EXPECT_EQ(Query(DbPath(), "SELECT value FROM segproof_meta WHERE key = 'schema'"),
              std::vector<std::string>{"segproof-results/1"});
    EXPECT_EQ(Query(DbPath(), "SELECT count(*) FROM runs"), std::vector<std::string>{"1"});
}

TEST_F(ResultsDatabaseTest, RunsCsvQuotesFieldsAndAddsOneColumnPerParameter)
{
    ResultsDatabase db(DbPath());
    RunContext quoted = Context({{"attack.breakout", "60"}, {"defence.av", "say \"hi\", then"}});
    quoted.host = "rack 1, node \"a\"";
    db.RecordRun(Key("flat", 0, "attack.breakout=60"), quoted, FullResult("flat", 0, 2.5));
    db.RecordFailure(Key("flat", 1), Context({{"attack.dwell", "5"}}), "line one\nline two");

    std::string csv = db.RunsCsv();
    std::string header = csv.substr(0, csv.find('\n'));
    EXPECT_EQ(header.rfind("id,scenario_sha256,point,posture,seed,run,duration_s,status,error,", 0),
              0u)
        << header;
    EXPECT_NE(header.find(",infected_machines,phished_machines,param:attack.breakout,"
                          "param:defence.av,param:attack.dwell"),
              std::string::npos)
        << header;
    EXPECT_NE(csv.find(",\"rack 1, node \"\"a\"\"\","), std::string::npos) << csv;
    EXPECT_NE(csv.find(",60,\"say \"\"hi\"\", then\",\n"), std::string::npos) << csv;
    EXPECT_NE(csv.find(",\"line one\nline two\","), std::string::npos) << csv;
    EXPECT_NE(csv.find(",,,5\n"), std::string::npos) << csv; // the failure's only setting
    // Doubles read back exactly: 0.1 + 0.2 needs 17 digits, 60 needs two.
    EXPECT_NE(csv.find(",0.30000000000000004,done,,"), std::string::npos) << csv;
    EXPECT_NE(csv.find(",scenarios/bank.yaml,bank,60,3,"), std::string::npos) << csv;
    EXPECT_NE(csv.find(",\"{\"\"dfw/vdi isolation\"\":5,"), std::string::npos) << csv;
    EXPECT_NE(csv.find(",4 17 0 4 123456,4 17,"), std::string::npos) << csv;
    EXPECT_NE(csv.find(",1099511627776,10,20,30,40,"), std::string::npos) << csv;
    EXPECT_NE(header.find(",blocked_by_rule,logged_hits,alerts,alerts_av,alerts_monitoring,"
                          "alerts_ids,alerts_pattern,false_alarms_av,false_alarms_monitoring,"
                          "false_alarms_ids,false_alarms_pattern,time_to_first_alert_s,"
                          "first_alert_source,time_to_quarantine_s,time_to_exfiltration_s,"
                          "detected,quarantined,wrongly_quarantined,desktops_taken_from_users,"
                          "ids_prevented,benign_sessions,benign_failed,connections_attempted,"),
              std::string::npos)
        << header;
    // The new figures of the done run: unsigned, exact doubles, the source by name.
    EXPECT_NE(csv.find(",12,1,2,3,4,0,1,0,4503599627370496,0.30000000000000004,monitoring,"
                       "3600.125,2.8333333333333335,3,2,1,1,17,2199023255552,19,345,"),
              std::string::npos)
        << csv;
    EXPECT_NE(csv.find(",\"{\"\"log \\\"\"smb\\\"\", all\"\":{\"\"file-server\"\":2},"),
              std::string::npos)
        << csv;
}

TEST_F(ResultsDatabaseTest, SeriesCsvListsEverySampleByRunAndTime)
{
    ResultsDatabase db(DbPath());
    core::RunResult second = FullResult("zoned", 4, std::nullopt);
    second.infectedSeries = {{0, 1}, {0.1, 2}};
    db.RecordRun(Key("flat", 0, "a, b"), Context(), FullResult("flat", 0, std::nullopt));
    db.RecordRun(Key("zoned", 4), Context(), second);
    const std::string sha = Key("flat", 0).scenarioSha256;
    std::string expected = "run_id,scenario_sha256,point,posture,seed,run,t_s,infected\n";
    for (const char* row :
         {"1,@,\"a, b\",flat,7,0,0,1", "1,@,\"a, b\",flat,7,0,60,3", "1,@,\"a, b\",flat,7,0,120,7",
          "1,@,\"a, b\",flat,7,0,180.25,9", "2,@,,zoned,7,4,0,1", "2,@,,zoned,7,4,0.1,2"})
    {
        std::string line = row;
        expected += line.replace(line.find('@'), 1, sha) + "\n";
    }
    EXPECT_EQ(db.SeriesCsv(), expected);
}

TEST_F(ResultsDatabaseTest, ResearchersQueryTheRunParametersView)
{
    ResultsDatabase db(DbPath());
    auto record = [&](std::uint64_t run, const std::string& breakout, std::uint32_t infected)
    {
        core::RunResult r = FullResult("flat", run, std::nullopt);
        r.everInfected = infected;
        db.RecordRun(Key("flat", run, "attack.breakout=" + breakout),
                     Context({{"attack.breakout", breakout}}), r);
    };
    record(0, "60", 10);
    record(1, "60", 20);
    record(2, "600", 4);
    db.RecordFailure(Key("flat", 3, "attack.breakout=600"), Context({{"attack.breakout", "600"}}),
                     "failed runs stay out of the view");
    EXPECT_EQ(Query(DbPath(), "SELECT path, value, avg(ever_infected), count(*) "
                              "FROM run_parameters GROUP BY path, value ORDER BY value"),
              (std::vector<std::string>{"attack.breakout|60|15.0|2", "attack.breakout|600|4.0|1"}));
    EXPECT_EQ(Query(DbPath(), "PRAGMA journal_mode"), std::vector<std::string>{"wal"});
}

TEST_F(ResultsDatabaseTest, PointsListEachPointWithItsSettingsAndRunsDone)
{
    ResultsDatabase db(DbPath());
    const std::vector<std::pair<std::string, std::string>> slow = {
        {"defence.quarantine.reaction_delay", "5m"}, {"attack.breakout", "[1h, 2h]"}};
    const std::string slowPoint = "defence.quarantine.reaction_delay=5m attack.breakout=[1h, 2h]";
    for (std::uint64_t run : {2, 0, 1})
    {
        db.RecordRun(Key("microseg", run, slowPoint), Context(slow),
                     FullResult("microseg", run, 1));
    }
    db.RecordRun(Key("flat", 0, slowPoint), Context(slow), FullResult("flat", 0, 1));
    db.RecordRun(Key("flat", 0), Context(), FullResult("flat", 0, 1));
    db.RecordFailure(Key("flat", 1), Context(), "a failed run is not done");
    RunKey otherSeed = Key("flat", 0, "attack.breakout=1h");
    otherSeed.seed = 8;
    db.RecordRun(otherSeed, Context({{"attack.breakout", "1h"}}), FullResult("flat", 0, 1));

    RunKey key = Key("flat", 0);
    auto points = db.Points(key.scenarioSha256, key.seed, key.duration_s);
    ASSERT_EQ(points.size(), 2u);
    EXPECT_EQ(points[0].point, "");
    EXPECT_TRUE(points[0].settings.empty());
    EXPECT_EQ(points[0].runs, (std::map<std::string, std::vector<std::uint64_t>>{{"flat", {0}}}));
    EXPECT_EQ(points[1].point, slowPoint);
    EXPECT_EQ(points[1].settings, slow) << "the settings in the order they were recorded";
    EXPECT_EQ(points[1].runs, (std::map<std::string, std::vector<std::uint64_t>>{
                                  {"flat", {0}}, {"microseg", {0, 1, 2}}}));
    EXPECT_TRUE(db.Points(key.scenarioSha256, key.seed, 0.3).empty()) << "another duration";
    EXPECT_EQ(db.Points(key.scenarioSha256, 8, key.duration_s).size(), 1u);
}

} // namespace
