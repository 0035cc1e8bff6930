// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#ifndef SEGPROOF_RESULTS_RESULTS_DATABASE_H
#define SEGPROOF_RESULTS_RESULTS_DATABASE_H

#include "core/simulation-result.h"

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

struct sqlite3;

namespace segproof
{
namespace results
{

/// A results database that cannot be opened, read or written (the message says which and why).
class DatabaseError : public std::runtime_error
{
public:
    using std::runtime_error::runtime_error;
};

/// What identifies one run: a campaign never runs the same key twice (docs/campaign.md).
struct RunKey
{
    std::string scenarioSha256; ///< SHA-256 of the scenario file's bytes
    std::string point;          ///< formats::PointText of the parameter point; "" as written
    std::string posture;
    std::uint64_t seed = 1;
    std::uint64_t run = 0; ///< run index: with the seed, fixes every random draw
    double duration_s = 0;

    bool operator<(const RunKey& other) const;
    bool operator==(const RunKey& other) const;
};

/// Stored beside a run, not part of its identity.
struct RunContext
{
    std::string campaign;     ///< the spec's name
    std::string scenarioFile; ///< as the campaign named it
    std::string scenarioName;
    /// The point's settings, (path, value), in the order of the sweep.
    std::vector<std::pair<std::string, std::string>> parameters;
    double sampleInterval_s = 60;
    int rank = 0; ///< MPI rank that ran it (0 without mpirun)
    std::string host;
    std::string segproofVersion;
    std::string finishedAt; ///< UTC, ISO 8601
};

/// One parameter point a database holds runs of, for one scenario, seed and duration.
struct StoredPoint
{
    std::string point; ///< RunKey::point
    /// Its settings, (path, value), in the order of the sweep that recorded it (the parameters
    /// table: values as the spec spells them).
    std::vector<std::pair<std::string, std::string>> settings;
    /// The run indices done under each posture, ascending.
    std::map<std::string, std::vector<std::uint64_t>> runs;
};

/// A run that was handed out and never came back: left in the database by a campaign that
/// stopped (killed, or its machine went down) while the run was in flight.
struct InFlightRun
{
    RunKey key;
    int rank = 0;
    std::string host;
    std::string startedAt;
};

/// The SQLite results database of `segproof campaign --db` (schema: docs/campaign.md).
/// Tables: `runs` (one row per run: key, context, status, metrics), `parameters` (one row per
/// run and setting), `series` (one row per run and sample), `in_flight`. Every write is its
/// own transaction, so a campaign killed at any moment leaves every finished run readable.
/// Doubles are stored as REAL (exact); std::uint64_t values (seed, run, counters) as the int64
/// of the same bits (exact both ways; plain SQL reads them right below 2^63, i.e. always).
class ResultsDatabase
{
public:
    /// Opens the database at `path`, creating the file and the tables when missing. Throws
    /// DatabaseError when it cannot, or when the file is not a segproof results database.
    explicit ResultsDatabase(const std::string& path);
    ~ResultsDatabase();
    ResultsDatabase(const ResultsDatabase&) = delete;
    ResultsDatabase& operator=(const ResultsDatabase&) = delete;

    /// Keys of every run recorded as done (a failed run is not done: it runs again).
    std::vector<RunKey> DoneKeys() const;
    /// Records a finished run (runs, parameters, series rows, in one transaction) and removes
    /// its in-flight mark; replaces an earlier failure of the same key. Throws DatabaseError on
    /// a key already done.
    void RecordRun(const RunKey& key, const RunContext& context, const core::RunResult& result);
    /// Records a run that failed (status 'failed', with `error`) and removes its in-flight mark.
    void RecordFailure(const RunKey& key, const RunContext& context, const std::string& error);
    /// Marks a run as handed out to `rank` on `host` at `startedAt`.
    void MarkInFlight(const RunKey& key, int rank, const std::string& host,
                      const std::string& startedAt);
    /// Removes a run's in-flight mark (it goes back to the queue).
    void ClearInFlight(const RunKey& key);
    /// Every in-flight mark, in the order they were made.
    std::vector<InFlightRun> InFlight() const;
    /// Removes every in-flight mark.
    void ClearAllInFlight();
    /// The run recorded as done under `key`, as core::RunResult (posture, run index, every
    /// metric, machines, blocked-by-rule, logged hits and the series); nullopt when there is none.
    std::optional<core::RunResult> ReadRun(const RunKey& key) const;
    /// Every point with a run done for the scenario of `scenarioSha256`, `seed` and
    /// `duration_s`, in the order of the points' text ("" for the scenario as written first).
    std::vector<StoredPoint> Points(const std::string& scenarioSha256, std::uint64_t seed,
                                    double duration_s) const;
    /// Number of runs recorded with status 'done' / 'failed'.
    std::uint64_t CountRuns(const std::string& status) const;
    /// The segproof versions that made the runs recorded as done, each with its number of
    /// runs, in the order of the versions' text.
    std::vector<std::pair<std::string, std::uint64_t>> DoneRunVersions() const;
    /// The segproof version that made the run recorded as done under `key`; nullopt when
    /// there is none.
    std::optional<std::string> RunVersion(const RunKey& key) const;

    /// Every run as CSV: a header, then one row per run (key, context, status, metrics, and
    /// one column per parameter path used by any run), in the order recorded.
    std::string RunsCsv() const;
    /// Every sample as CSV: run_id, scenario_sha256, point, posture, seed, run, t_s, infected.
    std::string SeriesCsv() const;

private:
    sqlite3* m_db = nullptr;
    std::string m_path;
};

} // namespace results
} // namespace segproof

#endif
