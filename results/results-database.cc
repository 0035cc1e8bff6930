// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#include "results-database.h"

#include "core/attack-model.h"
#include "reports/csv-text.h"
#include "sqlite-statement.h"

#include <array>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sqlite3.h>
#include <sstream>
#include <tuple>

namespace segproof
{
namespace results
{

using reports::CsvField;
using reports::ExactDouble;

namespace
{

/// The value of ('schema') in segproof_meta; a change of layout gets a new one.
constexpr const char* kSchema = "segproof-results/2";

/// Schemas of earlier segproof versions: refused with a message that says so (/1 had no
/// alerts by source, logged hits, times to alert, quarantine or exfiltration, benign sessions;
/// and its `alerts` left false alarms out, so its runs cannot stand beside this version's).
const std::set<std::string> kOlderSchemas = {"segproof-results/1"};

constexpr const char* kCreateTables = R"sql(
CREATE TABLE IF NOT EXISTS segproof_meta(
    key TEXT PRIMARY KEY,
    value TEXT
);
CREATE TABLE IF NOT EXISTS runs(
    id INTEGER PRIMARY KEY,
    scenario_sha256 TEXT NOT NULL,
    point TEXT NOT NULL,
    posture TEXT NOT NULL,
    seed INTEGER NOT NULL,
    run INTEGER NOT NULL,
    duration_s REAL NOT NULL,
    status TEXT NOT NULL CHECK(status IN ('done', 'failed')),
    error TEXT,
    campaign TEXT,
    scenario_file TEXT,
    scenario_name TEXT,
    sample_interval_s REAL,
    rank INTEGER,
    host TEXT,
    segproof_version TEXT,
    finished_at TEXT,
    ever_infected INTEGER,
    ever_infected_desktops INTEGER,
    phished INTEGER,
    time_to_crown_jewel_s REAL,
    exfiltrated_bytes INTEGER,
    blocked_dfw INTEGER,
    blocked_gateway INTEGER,
    blocked_perimeter INTEGER,
    blocked_host INTEGER,
    blocked_by_rule TEXT,
    logged_hits TEXT,
    alerts INTEGER,
    alerts_av INTEGER,
    alerts_monitoring INTEGER,
    alerts_ids INTEGER,
    alerts_pattern INTEGER,
    false_alarms_av INTEGER,
    false_alarms_monitoring INTEGER,
    false_alarms_ids INTEGER,
    false_alarms_pattern INTEGER,
    time_to_first_alert_s REAL,
    first_alert_source TEXT,
    time_to_quarantine_s REAL,
    time_to_exfiltration_s REAL,
    detected INTEGER,
    quarantined INTEGER,
    wrongly_quarantined INTEGER,
    desktops_taken_from_users INTEGER,
    ids_prevented INTEGER,
    benign_sessions INTEGER,
    benign_failed INTEGER,
    connections_attempted INTEGER,
    packets INTEGER,
    events INTEGER,
    wall_s REAL,
    infected_machines TEXT,
    phished_machines TEXT,
    UNIQUE(scenario_sha256, point, posture, seed, run, duration_s)
);
CREATE TABLE IF NOT EXISTS parameters(
    run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    path TEXT NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY(run_id, path)
);
CREATE TABLE IF NOT EXISTS series(
    run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    t_s REAL NOT NULL,
    infected INTEGER NOT NULL,
    PRIMARY KEY(run_id, t_s)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS in_flight(
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    scenario_sha256 TEXT NOT NULL,
    point TEXT NOT NULL,
    posture TEXT NOT NULL,
    seed INTEGER NOT NULL,
    run INTEGER NOT NULL,
    duration_s REAL NOT NULL,
    rank INTEGER,
    host TEXT,
    started_at TEXT,
    UNIQUE(scenario_sha256, point, posture, seed, run, duration_s)
);
CREATE VIEW IF NOT EXISTS run_parameters AS
    SELECT parameters.path AS path, parameters.value AS value, runs.*
    FROM runs JOIN parameters ON parameters.run_id = runs.id
    WHERE runs.status = 'done';
)sql";

/// Every column of `runs` but `id`, in the table's order (the INSERT binds them in this order).
constexpr std::array<const char*, 53> kRunColumns = {
    "scenario_sha256",
    "point",
    "posture",
    "seed",
    "run",
    "duration_s",
    "status",
    "error",
    "campaign",
    "scenario_file",
    "scenario_name",
    "sample_interval_s",
    "rank",
    "host",
    "segproof_version",
    "finished_at",
    "ever_infected",
    "ever_infected_desktops",
    "phished",
    "time_to_crown_jewel_s",
    "exfiltrated_bytes",
    "blocked_dfw",
    "blocked_gateway",
    "blocked_perimeter",
    "blocked_host",
    "blocked_by_rule",
    "logged_hits",
    "alerts",
    "alerts_av",
    "alerts_monitoring",
    "alerts_ids",
    "alerts_pattern",
    "false_alarms_av",
    "false_alarms_monitoring",
    "false_alarms_ids",
    "false_alarms_pattern",
    "time_to_first_alert_s",
    "first_alert_source",
    "time_to_quarantine_s",
    "time_to_exfiltration_s",
    "detected",
    "quarantined",
    "wrongly_quarantined",
    "desktops_taken_from_users",
    "ids_prevented",
    "benign_sessions",
    "benign_failed",
    "connections_attempted",
    "packets",
    "events",
    "wall_s",
    "infected_machines",
    "phished_machines",
};

/// Columns holding a std::uint64_t stored as int64 (written back unsigned in the CSV).
const std::set<std::string> kUnsignedColumns = {
    "seed",
    "run",
    "exfiltrated_bytes",
    "blocked_dfw",
    "blocked_gateway",
    "blocked_perimeter",
    "blocked_host",
    "alerts",
    "alerts_av",
    "alerts_monitoring",
    "alerts_ids",
    "alerts_pattern",
    "false_alarms_av",
    "false_alarms_monitoring",
    "false_alarms_ids",
    "false_alarms_pattern",
    "ids_prevented",
    "benign_sessions",
    "benign_failed",
    "connections_attempted",
    "packets",
    "events",
};

constexpr const char* kKeyColumns = "scenario_sha256, point, posture, seed, run, duration_s";
constexpr const char* kKeyMatch = "scenario_sha256 = ? AND point = ? AND posture = ? AND "
                                  "seed = ? AND run = ? AND duration_s = ?";

/// Runs SQL without parameters (pragmas, schema, transaction control).
void
Exec(sqlite3* db, const std::string& path, const std::string& what, const char* sql)
{
    char* message = nullptr;
    if (sqlite3_exec(db, sql, nullptr, nullptr, &message) != SQLITE_OK)
    {
        std::string detail = message != nullptr ? message : sqlite3_errmsg(db);
        sqlite3_free(message);
        throw DatabaseError(path + ": " + what + ": " + detail);
    }
}

/// Runs `body` as one transaction: all of it is written, or none of it.
template <typename Body>
void
InTransaction(sqlite3* db, const std::string& path, const std::string& what, const char* begin,
              Body&& body)
{
    Exec(db, path, what, begin);
    try
    {
        body();
        Exec(db, path, what, "COMMIT");
    }
    catch (...)
    {
        // Some errors end the transaction themselves; the error in flight is the one to report.
        if (sqlite3_get_autocommit(db) == 0)
        {
            sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
        }
        throw;
    }
}

/// A write: BEGIN IMMEDIATE takes the write lock up front, so it waits (busy_timeout) rather
/// than failing halfway when another process writes.
template <typename Body>
void
InWriteTransaction(sqlite3* db, const std::string& path, const std::string& what, Body&& body)
{
    InTransaction(db, path, what, "BEGIN IMMEDIATE", std::forward<Body>(body));
}

/// Several reads that see one snapshot of the database.
template <typename Body>
void
InReadTransaction(sqlite3* db, const std::string& path, const std::string& what, Body&& body)
{
    InTransaction(db, path, what, "BEGIN", std::forward<Body>(body));
}

/// Throws unless the database is empty or holds segproof results of this schema.
void
CheckIsResultsDatabase(sqlite3* db, const std::string& path)
{
    const std::string what = "reading the schema";
    bool anyTable = false;
    bool metaTable = false;
    {
        SqliteStatement tables(db, path, what,
                               "SELECT name FROM sqlite_master WHERE type = 'table'");
        while (tables.Step())
        {
            anyTable = true;
            metaTable = metaTable || tables.Text(0) == "segproof_meta";
        }
    }
    if (!anyTable)
    {
        return;
    }
    const std::string notOurs = path + " is not a segproof results database (";
    if (!metaTable)
    {
        throw DatabaseError(notOurs + "it has tables but no segproof_meta)");
    }
    SqliteStatement schema(db, path, what, "SELECT value FROM segproof_meta WHERE key = 'schema'");
    if (!schema.Step())
    {
        throw DatabaseError(notOurs + "segproof_meta names no schema)");
    }
    std::string found = schema.Text(0);
    if (kOlderSchemas.count(found) != 0)
    {
        throw DatabaseError(path + " holds the results of an earlier segproof (schema '" + found +
                            "', this version writes '" + kSchema +
                            "'): read it with that version, or start a new database");
    }
    if (found != kSchema)
    {
        throw DatabaseError(notOurs + "schema '" + found + "', expected '" + kSchema + "')");
    }
}

void
Initialise(sqlite3* db, const std::string& path)
{
    sqlite3_extended_result_codes(db, 1);
    Exec(db, path, "setting the busy timeout", "PRAGMA busy_timeout = 10000");
    // Before any pragma that writes, so a foreign database is left as it was.
    CheckIsResultsDatabase(db, path);
    Exec(db, path, "setting the journal mode", "PRAGMA journal_mode = WAL");
    Exec(db, path, "setting the synchronous mode", "PRAGMA synchronous = NORMAL");
    Exec(db, path, "enabling foreign keys", "PRAGMA foreign_keys = ON");
    InWriteTransaction(db, path, "creating the tables",
                       [&]()
                       {
                           // Again, inside the lock: another process may have created it since.
                           CheckIsResultsDatabase(db, path);
                           Exec(db, path, "creating the tables", kCreateTables);
                           SqliteStatement meta(
                               db, path, "creating the tables",
                               "INSERT OR IGNORE INTO segproof_meta(key, value) VALUES(?, ?)");
                           meta.BindText(1, "schema");
                           meta.BindText(2, kSchema);
                           meta.Run();
                       });
}

/// Binds the six key columns to parameters first .. first + 5.
void
BindKey(SqliteStatement& statement, int first, const RunKey& key)
{
    statement.BindText(first, key.scenarioSha256);
    statement.BindText(first + 1, key.point);
    statement.BindText(first + 2, key.posture);
    statement.BindUint64(first + 3, key.seed);
    statement.BindUint64(first + 4, key.run);
    statement.BindDouble(first + 5, key.duration_s);
}

/// The key read from columns first .. first + 5.
RunKey
ReadKey(const SqliteStatement& statement, int first)
{
    RunKey key;
    key.scenarioSha256 = statement.Text(first);
    key.point = statement.Text(first + 1);
    key.posture = statement.Text(first + 2);
    key.seed = statement.Uint64(first + 3);
    key.run = statement.Uint64(first + 4);
    key.duration_s = statement.Double(first + 5);
    return key;
}

std::string
KeyText(const RunKey& key)
{
    return "posture '" + key.posture + "', point '" + key.point + "', seed " +
           std::to_string(key.seed) + ", run " + std::to_string(key.run) + ", duration " +
           ExactDouble(key.duration_s) + " s, scenario " + key.scenarioSha256;
}

std::string
JoinMachines(const std::vector<std::int32_t>& machines)
{
    std::string text;
    for (std::int32_t m : machines)
    {
        text += (text.empty() ? "" : " ") + std::to_string(m);
    }
    return text;
}

std::vector<std::int32_t>
SplitMachines(const std::string& path, const std::string& text)
{
    std::vector<std::int32_t> machines;
    std::istringstream in(text);
    long long m = 0;
    while (in >> m)
    {
        machines.push_back(static_cast<std::int32_t>(m));
    }
    if (!in.eof())
    {
        throw DatabaseError(path + ": reading a run: bad machine list '" + text + "'");
    }
    return machines;
}

/// The first_alert_source column's text of core::AlertSource index `index`.
std::string
AlertSourceText(const std::string& path, std::uint8_t index)
{
    if (index >= core::kAllAlertSources.size())
    {
        throw DatabaseError(path + ": recording a run: first alert source " +
                            std::to_string(index) + " is no alert source");
    }
    return core::AlertSourceName(core::kAllAlertSources[index]);
}

/// The core::AlertSource index AlertSourceText wrote.
std::uint8_t
AlertSourceIndex(const std::string& path, const std::string& text)
{
    for (std::size_t i = 0; i < core::kAllAlertSources.size(); ++i)
    {
        if (core::AlertSourceName(core::kAllAlertSources[i]) == text)
        {
            return static_cast<std::uint8_t>(i);
        }
    }
    throw DatabaseError(path + ": reading a run: bad first_alert_source '" + text + "'");
}

/// Column `column` of the current row as a CSV field.
std::string
CsvValue(const SqliteStatement& statement, int column, bool isUnsigned)
{
    switch (statement.ColumnType(column))
    {
    case SQLITE_NULL:
        return "";
    case SQLITE_INTEGER:
        return isUnsigned ? std::to_string(statement.Uint64(column))
                          : std::to_string(statement.Int64(column));
    case SQLITE_FLOAT:
        return ExactDouble(statement.Double(column));
    default:
        return CsvField(statement.Text(column));
    }
}

/// Where the id of the row `key` and its status, when there is one.
std::optional<std::pair<std::int64_t, std::string>>
FindRun(sqlite3* db, const std::string& path, const std::string& what, const RunKey& key)
{
    SqliteStatement find(db, path, what,
                         std::string("SELECT id, status FROM runs WHERE ") + kKeyMatch);
    BindKey(find, 1, key);
    if (!find.Step())
    {
        return std::nullopt;
    }
    return std::make_pair(find.Int64(0), find.Text(1));
}

void
DeleteRun(sqlite3* db, const std::string& path, const std::string& what, std::int64_t id)
{
    // ON DELETE CASCADE takes its parameters and series rows along.
    SqliteStatement erase(db, path, what, "DELETE FROM runs WHERE id = ?");
    erase.BindInt64(1, id);
    erase.Run();
}

void
DeleteInFlight(sqlite3* db, const std::string& path, const std::string& what, const RunKey& key)
{
    SqliteStatement erase(db, path, what, std::string("DELETE FROM in_flight WHERE ") + kKeyMatch);
    BindKey(erase, 1, key);
    erase.Run();
}

/// Inserts a runs row and its parameters rows; `result` is null for a failed run, whose
/// metrics stay NULL. Returns the new row's id.
std::int64_t
InsertRun(sqlite3* db, const std::string& path, const std::string& what, const RunKey& key,
          const RunContext& context, const std::string& status, const std::string* error,
          const core::RunResult* result)
{
    std::string columns;
    std::string placeholders;
    for (const char* column : kRunColumns)
    {
        columns += (columns.empty() ? "" : ", ") + std::string(column);
        placeholders += placeholders.empty() ? "?" : ", ?";
    }
    SqliteStatement insert(db, path, what,
                           "INSERT INTO runs(" + columns + ") VALUES(" + placeholders + ")");
    BindKey(insert, 1, key);
    int i = 7;
    insert.BindText(i++, status);
    if (error != nullptr)
    {
        insert.BindText(i++, *error);
    }
    else
    {
        insert.BindNull(i++);
    }
    insert.BindText(i++, context.campaign);
    insert.BindText(i++, context.scenarioFile);
    insert.BindText(i++, context.scenarioName);
    insert.BindDouble(i++, context.sampleInterval_s);
    insert.BindInt64(i++, context.rank);
    insert.BindText(i++, context.host);
    insert.BindText(i++, context.segproofVersion);
    insert.BindText(i++, context.finishedAt);
    if (result != nullptr)
    {
        const core::RunResult& r = *result;
        std::string byRule;
        try
        {
            byRule = nlohmann::json(r.blockedByRule).dump();
        }
        catch (const nlohmann::json::exception& e)
        {
            throw DatabaseError(path + ": " + what + ": blocked-by-rule names: " + e.what());
        }
        std::string loggedHits;
        try
        {
            loggedHits = nlohmann::json(r.loggedHits).dump();
        }
        catch (const nlohmann::json::exception& e)
        {
            throw DatabaseError(path + ": " + what + ": logged-hit names: " + e.what());
        }
        auto bindOptional = [&insert, &i](const std::optional<double>& value)
        {
            if (value)
            {
                insert.BindDouble(i++, *value);
            }
            else
            {
                insert.BindNull(i++);
            }
        };
        insert.BindInt64(i++, r.everInfected);
        insert.BindInt64(i++, r.everInfectedDesktops);
        insert.BindInt64(i++, r.phished);
        bindOptional(r.timeToCrownJewel_s);
        insert.BindUint64(i++, r.exfiltratedBytes);
        for (core::BlockedAt where : {core::BlockedAt::Dfw, core::BlockedAt::Gateway,
                                      core::BlockedAt::Perimeter, core::BlockedAt::Host})
        {
            insert.BindUint64(i++, r.blocked[static_cast<std::size_t>(where)]);
        }
        insert.BindText(i++, byRule);
        insert.BindText(i++, loggedHits);
        insert.BindUint64(i++, r.alerts);
        for (const auto* bySource : {&r.alertsBySource, &r.falseAlarmsBySource})
        {
            for (core::AlertSource source : core::kAllAlertSources)
            {
                insert.BindUint64(i++, (*bySource)[static_cast<std::size_t>(source)]);
            }
        }
        bindOptional(r.timeToFirstAlert_s);
        if (r.firstAlertSource)
        {
            insert.BindText(i++, AlertSourceText(path, *r.firstAlertSource));
        }
        else
        {
            insert.BindNull(i++);
        }
        bindOptional(r.timeToQuarantine_s);
        bindOptional(r.timeToExfiltration_s);
        insert.BindInt64(i++, r.detected);
        insert.BindInt64(i++, r.quarantined);
        insert.BindInt64(i++, r.wronglyQuarantined);
        insert.BindInt64(i++, r.desktopsTakenFromUsers);
        insert.BindUint64(i++, r.idsPrevented);
        insert.BindUint64(i++, r.benignSessions);
        insert.BindUint64(i++, r.benignFailed);
        insert.BindUint64(i++, r.connectionsAttempted);
        insert.BindUint64(i++, r.packets);
        insert.BindUint64(i++, r.events);
        insert.BindDouble(i++, r.wall_s);
        insert.BindText(i++, JoinMachines(r.infectedMachines));
        insert.BindText(i++, JoinMachines(r.phishedMachines));
    }
    // A failed run leaves its metrics unbound: NULL.
    insert.Run();
    std::int64_t id = sqlite3_last_insert_rowid(db);

    SqliteStatement parameter(db, path, what,
                              "INSERT INTO parameters(run_id, path, value) VALUES(?, ?, ?)");
    for (const auto& [settingPath, value] : context.parameters)
    {
        parameter.BindInt64(1, id);
        parameter.BindText(2, settingPath);
        parameter.BindText(3, value);
        parameter.Run();
        parameter.Reset();
    }
    return id;
}

} // namespace

bool
RunKey::operator<(const RunKey& other) const
{
    return std::tie(scenarioSha256, point, posture, seed, run, duration_s) <
           std::tie(other.scenarioSha256, other.point, other.posture, other.seed, other.run,
                    other.duration_s);
}

bool
RunKey::operator==(const RunKey& other) const
{
    return std::tie(scenarioSha256, point, posture, seed, run, duration_s) ==
           std::tie(other.scenarioSha256, other.point, other.posture, other.seed, other.run,
                    other.duration_s);
}

ResultsDatabase::ResultsDatabase(const std::string& path) : m_path(path)
{
    int rc =
        sqlite3_open_v2(path.c_str(), &m_db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
    if (rc != SQLITE_OK)
    {
        std::string detail = m_db != nullptr ? sqlite3_errmsg(m_db) : sqlite3_errstr(rc);
        sqlite3_close(m_db);
        m_db = nullptr;
        throw DatabaseError(path + ": opening the database: " + detail);
    }
    try
    {
        Initialise(m_db, path);
    }
    catch (...)
    {
        sqlite3_close(m_db);
        m_db = nullptr;
        throw;
    }
}

ResultsDatabase::~ResultsDatabase()
{
    // Every statement is finalized by now (they live in the methods' scopes).
    sqlite3_close(m_db);
}

std::vector<RunKey>
ResultsDatabase::DoneKeys() const
{
    SqliteStatement select(m_db, m_path, "listing the runs done",
                           std::string("SELECT ") + kKeyColumns +
                               " FROM runs WHERE status = 'done' ORDER BY id");
    std::vector<RunKey> keys;
    while (select.Step())
    {
        keys.push_back(ReadKey(select, 0));
    }
    return keys;
}

void
ResultsDatabase::RecordRun(const RunKey& key, const RunContext& context,
                           const core::RunResult& result)
{
    const std::string what = "recording a run";
    InWriteTransaction(
        m_db, m_path, what,
        [&]()
        {
            auto found = FindRun(m_db, m_path, what, key);
            if (found && found->second == "done")
            {
                throw DatabaseError(m_path + ": run already recorded: " + KeyText(key));
            }
            if (found)
            {
                DeleteRun(m_db, m_path, what, found->first);
            }
            std::int64_t id = InsertRun(m_db, m_path, what, key, context, "done", nullptr, &result);
            SqliteStatement sample(m_db, m_path, what,
                                   "INSERT INTO series(run_id, t_s, infected) VALUES(?, ?, ?)");
            for (const auto& [t_s, infected] : result.infectedSeries)
            {
                sample.BindInt64(1, id);
                sample.BindDouble(2, t_s);
                sample.BindInt64(3, infected);
                sample.Run();
                sample.Reset();
            }
            DeleteInFlight(m_db, m_path, what, key);
        });
}

void
ResultsDatabase::RecordFailure(const RunKey& key, const RunContext& context,
                               const std::string& error)
{
    const std::string what = "recording a failed run";
    InWriteTransaction(m_db, m_path, what,
                       [&]()
                       {
                           auto found = FindRun(m_db, m_path, what, key);
                           // A done result is never overwritten.
                           if (!found || found->second != "done")
                           {
                               if (found)
                               {
                                   DeleteRun(m_db, m_path, what, found->first);
                               }
                               InsertRun(m_db, m_path, what, key, context, "failed", &error,
                                         nullptr);
                           }
                           DeleteInFlight(m_db, m_path, what, key);
                       });
}

void
ResultsDatabase::MarkInFlight(const RunKey& key, int rank, const std::string& host,
                              const std::string& startedAt)
{
    const std::string what = "marking a run in flight";
    InWriteTransaction(m_db, m_path, what,
                       [&]()
                       {
                           // REPLACE: a run handed out again moves to the end of the order.
                           SqliteStatement mark(m_db, m_path, what,
                                                std::string("INSERT OR REPLACE INTO in_flight(") +
                                                    kKeyColumns +
                                                    ", rank, host, started_at) "
                                                    "VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?)");
                           BindKey(mark, 1, key);
                           mark.BindInt64(7, rank);
                           mark.BindText(8, host);
                           mark.BindText(9, startedAt);
                           mark.Run();
                       });
}

void
ResultsDatabase::ClearInFlight(const RunKey& key)
{
    const std::string what = "clearing an in-flight mark";
    InWriteTransaction(m_db, m_path, what, [&]() { DeleteInFlight(m_db, m_path, what, key); });
}

std::vector<InFlightRun>
ResultsDatabase::InFlight() const
{
    SqliteStatement select(m_db, m_path, "listing the runs in flight",
                           std::string("SELECT ") + kKeyColumns +
                               ", rank, host, started_at FROM in_flight ORDER BY seq");
    std::vector<InFlightRun> runs;
    while (select.Step())
    {
        InFlightRun run;
        run.key = ReadKey(select, 0);
        run.rank = static_cast<int>(select.Int64(6));
        run.host = select.Text(7);
        run.startedAt = select.Text(8);
        runs.push_back(std::move(run));
    }
    return runs;
}

void
ResultsDatabase::ClearAllInFlight()
{
    const std::string what = "clearing the in-flight marks";
    InWriteTransaction(m_db, m_path, what,
                       [&]() { Exec(m_db, m_path, what, "DELETE FROM in_flight"); });
}

std::optional<core::RunResult>
ResultsDatabase::ReadRun(const RunKey& key) const
{
    const std::string what = "reading a run";
    std::optional<core::RunResult> result;
    InReadTransaction(
        m_db, m_path, what,
        [&]()
        {
            SqliteStatement select(
                m_db, m_path, what,
                std::string(
                    "SELECT id, ever_infected, ever_infected_desktops, phished, "
                    "time_to_crown_jewel_s, exfiltrated_bytes, blocked_dfw, blocked_gateway, "
                    "blocked_perimeter, blocked_host, blocked_by_rule, logged_hits, alerts, "
                    "alerts_av, alerts_monitoring, alerts_ids, alerts_pattern, false_alarms_av, "
                    "false_alarms_monitoring, false_alarms_ids, false_alarms_pattern, "
                    "time_to_first_alert_s, first_alert_source, time_to_quarantine_s, "
                    "time_to_exfiltration_s, detected, quarantined, wrongly_quarantined, "
                    "desktops_taken_from_users, ids_prevented, benign_sessions, benign_failed, "
                    "connections_attempted, packets, events, wall_s, infected_machines, "
                    "phished_machines FROM runs WHERE status = 'done' AND ") +
                    kKeyMatch);
            BindKey(select, 1, key);
            if (!select.Step())
            {
                return;
            }
            core::RunResult r;
            r.posture = key.posture;
            r.run = key.run;
            int c = 0; // the next column, in the SELECT's order
            auto optionalDouble = [&select, &c]() -> std::optional<double>
            {
                int column = c++;
                if (select.IsNull(column))
                {
                    return std::nullopt;
                }
                return select.Double(column);
            };
            auto json = [&](const char* name)
            {
                try
                {
                    return nlohmann::json::parse(select.Text(c++));
                }
                catch (const nlohmann::json::exception& e)
                {
                    throw DatabaseError(m_path + ": " + what + ": " + name + ": " + e.what());
                }
            };
            std::int64_t id = select.Int64(c++);
            r.everInfected = static_cast<std::uint32_t>(select.Int64(c++));
            r.everInfectedDesktops = static_cast<std::uint32_t>(select.Int64(c++));
            r.phished = static_cast<std::uint32_t>(select.Int64(c++));
            r.timeToCrownJewel_s = optionalDouble();
            r.exfiltratedBytes = select.Uint64(c++);
            for (core::BlockedAt where : {core::BlockedAt::Dfw, core::BlockedAt::Gateway,
                                          core::BlockedAt::Perimeter, core::BlockedAt::Host})
            {
                r.blocked[static_cast<std::size_t>(where)] = select.Uint64(c++);
            }
            // Named: items() refers to the object, which must outlive the loop.
            const nlohmann::json byRule = json("blocked_by_rule");
            const nlohmann::json loggedHits = json("logged_hits");
            try
            {
                for (const auto& [rule, count] : byRule.items())
                {
                    r.blockedByRule[rule] = count.get<std::uint64_t>();
                }
            }
            catch (const nlohmann::json::exception& e)
            {
                throw DatabaseError(m_path + ": " + what + ": blocked_by_rule: " + e.what());
            }
            try
            {
                for (const auto& [rule, byWhere] : loggedHits.items())
                {
                    auto& hits = r.loggedHits[rule];
                    for (const auto& [where, count] : byWhere.items())
                    {
                        hits[where] = count.get<std::uint64_t>();
                    }
                }
            }
            catch (const nlohmann::json::exception& e)
            {
                throw DatabaseError(m_path + ": " + what + ": logged_hits: " + e.what());
            }
            r.alerts = select.Uint64(c++);
            for (auto* bySource : {&r.alertsBySource, &r.falseAlarmsBySource})
            {
                for (core::AlertSource source : core::kAllAlertSources)
                {
                    (*bySource)[static_cast<std::size_t>(source)] = select.Uint64(c++);
                }
            }
            r.timeToFirstAlert_s = optionalDouble();
            if (!select.IsNull(c))
            {
                r.firstAlertSource = AlertSourceIndex(m_path, select.Text(c));
            }
            ++c;
            r.timeToQuarantine_s = optionalDouble();
            r.timeToExfiltration_s = optionalDouble();
            r.detected = static_cast<std::uint32_t>(select.Int64(c++));
            r.quarantined = static_cast<std::uint32_t>(select.Int64(c++));
            r.wronglyQuarantined = static_cast<std::uint32_t>(select.Int64(c++));
            r.desktopsTakenFromUsers = static_cast<std::uint32_t>(select.Int64(c++));
            r.idsPrevented = select.Uint64(c++);
            r.benignSessions = select.Uint64(c++);
            r.benignFailed = select.Uint64(c++);
            r.connectionsAttempted = select.Uint64(c++);
            r.packets = select.Uint64(c++);
            r.events = select.Uint64(c++);
            r.wall_s = select.Double(c++);
            r.infectedMachines = SplitMachines(m_path, select.Text(c++));
            r.phishedMachines = SplitMachines(m_path, select.Text(c++));

            SqliteStatement samples(m_db, m_path, what,
                                    "SELECT t_s, infected FROM series WHERE run_id = ? "
                                    "ORDER BY t_s");
            samples.BindInt64(1, id);
            while (samples.Step())
            {
                r.infectedSeries.emplace_back(samples.Double(0),
                                              static_cast<std::uint32_t>(samples.Int64(1)));
            }
            result = std::move(r);
        });
    return result;
}

std::vector<StoredPoint>
ResultsDatabase::Points(const std::string& scenarioSha256, std::uint64_t seed,
                        double duration_s) const
{
    const std::string what = "listing the points";
    std::vector<StoredPoint> points;
    InReadTransaction(
        m_db, m_path, what,
        [&]()
        {
            const char* const match = "runs.status = 'done' AND runs.scenario_sha256 = ? AND "
                                      "runs.seed = ? AND runs.duration_s = ?";
            auto bind = [&](SqliteStatement& statement)
            {
                statement.BindText(1, scenarioSha256);
                statement.BindUint64(2, seed);
                statement.BindDouble(3, duration_s);
            };
            SqliteStatement select(m_db, m_path, what,
                                   std::string("SELECT point, posture, run FROM runs WHERE ") +
                                       match + " ORDER BY point, posture, run");
            bind(select);
            std::map<std::string, std::size_t> index;
            while (select.Step())
            {
                std::string point = select.Text(0);
                auto [at, added] = index.emplace(point, points.size());
                if (added)
                {
                    points.push_back(StoredPoint{point, {}, {}});
                }
                points[at->second].runs[select.Text(1)].push_back(select.Uint64(2));
            }
            // Every run of a point carries the same settings: those of its first run, in the
            // order they were recorded.
            SqliteStatement settings(
                m_db, m_path, what,
                std::string("SELECT runs.point, parameters.path, parameters.value FROM "
                            "parameters JOIN runs ON runs.id = parameters.run_id WHERE "
                            "runs.id = (SELECT min(first.id) FROM runs AS first WHERE "
                            "first.point = runs.point AND first.status = 'done' AND "
                            "first.scenario_sha256 = runs.scenario_sha256 AND first.seed = "
                            "runs.seed AND first.duration_s = runs.duration_s) AND ") +
                    match + " ORDER BY runs.point, parameters.rowid");
            bind(settings);
            while (settings.Step())
            {
                auto at = index.find(settings.Text(0));
                if (at != index.end())
                {
                    points[at->second].settings.emplace_back(settings.Text(1), settings.Text(2));
                }
            }
        });
    return points;
}

std::uint64_t
ResultsDatabase::CountRuns(const std::string& status) const
{
    SqliteStatement count(m_db, m_path, "counting the runs",
                          "SELECT count(*) FROM runs WHERE status = ?");
    count.BindText(1, status);
    count.Step();
    return count.Uint64(0);
}

std::vector<std::pair<std::string, std::uint64_t>>
ResultsDatabase::DoneRunVersions() const
{
    SqliteStatement select(m_db, m_path, "reading the runs' segproof versions",
                           "SELECT coalesce(segproof_version, ''), count(*) FROM runs "
                           "WHERE status = 'done' GROUP BY 1 ORDER BY 1");
    std::vector<std::pair<std::string, std::uint64_t>> versions;
    while (select.Step())
    {
        versions.emplace_back(select.Text(0), select.Uint64(1));
    }
    return versions;
}

std::optional<std::string>
ResultsDatabase::RunVersion(const RunKey& key) const
{
    SqliteStatement select(m_db, m_path, "reading a run's segproof version",
                           std::string("SELECT coalesce(segproof_version, '') FROM runs "
                                       "WHERE status = 'done' AND ") +
                               kKeyMatch);
    BindKey(select, 1, key);
    if (!select.Step())
    {
        return std::nullopt;
    }
    return select.Text(0);
}

std::string
ResultsDatabase::RunsCsv() const
{
    const std::string what = "writing the runs as CSV";
    std::string csv;
    InReadTransaction(
        m_db, m_path, what,
        [&]()
        {
            // Parameter columns in the order the paths first appear.
            std::vector<std::string> paths;
            {
                SqliteStatement select(m_db, m_path, what,
                                       "SELECT path FROM parameters GROUP BY path "
                                       "ORDER BY min(rowid)");
                while (select.Step())
                {
                    paths.push_back(select.Text(0));
                }
            }
            std::map<std::int64_t, std::map<std::string, std::string>> settings;
            {
                SqliteStatement select(m_db, m_path, what,
                                       "SELECT run_id, path, value FROM parameters");
                while (select.Step())
                {
                    settings[select.Int64(0)][select.Text(1)] = select.Text(2);
                }
            }
            std::string columns = "id";
            for (const char* column : kRunColumns)
            {
                columns += std::string(", ") + column;
            }
            SqliteStatement select(m_db, m_path, what,
                                   "SELECT " + columns + " FROM runs ORDER BY id");
            std::vector<bool> isUnsigned;
            std::string line;
            for (int c = 0; c < select.ColumnCount(); ++c)
            {
                std::string name = select.ColumnName(c);
                isUnsigned.push_back(kUnsignedColumns.count(name) != 0);
                line += (c == 0 ? "" : ",") + CsvField(name);
            }
            for (const std::string& settingPath : paths)
            {
                line += "," + CsvField("param:" + settingPath);
            }
            csv += line + "\n";
            while (select.Step())
            {
                line.clear();
                for (int c = 0; c < select.ColumnCount(); ++c)
                {
                    line += (c == 0 ? "" : ",") +
                            CsvValue(select, c, isUnsigned[static_cast<std::size_t>(c)]);
                }
                const auto& runSettings = settings[select.Int64(0)];
                for (const std::string& settingPath : paths)
                {
                    auto found = runSettings.find(settingPath);
                    line += "," + (found == runSettings.end() ? "" : CsvField(found->second));
                }
                csv += line + "\n";
            }
        });
    return csv;
}

std::string
ResultsDatabase::SeriesCsv() const
{
    SqliteStatement select(m_db, m_path, "writing the series as CSV",
                           "SELECT series.run_id, runs.scenario_sha256, runs.point, "
                           "runs.posture, runs.seed, runs.run, series.t_s, series.infected "
                           "FROM series JOIN runs ON runs.id = series.run_id "
                           "ORDER BY series.run_id, series.t_s");
    std::string csv = "run_id,scenario_sha256,point,posture,seed,run,t_s,infected\n";
    while (select.Step())
    {
        csv += std::to_string(select.Int64(0)) + "," + CsvField(select.Text(1)) + "," +
               CsvField(select.Text(2)) + "," + CsvField(select.Text(3)) + "," +
               std::to_string(select.Uint64(4)) + "," + std::to_string(select.Uint64(5)) + "," +
               ExactDouble(select.Double(6)) + "," + std::to_string(select.Int64(7)) + "\n";
    }
    return csv;
}

} // namespace results
} // namespace segproof
