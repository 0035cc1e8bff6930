// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#ifndef SEGPROOF_REPORTS_SIMULATION_OUTPUT_H
#define SEGPROOF_REPORTS_SIMULATION_OUTPUT_H

#include "core/simulation-result.h"

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace segproof
{
namespace reports
{

/// A sample of numbers reduced to the figures summary.json reports.
struct Distribution
{
    double median = 0;
    double p10 = 0;
    double p90 = 0;
    double mean = 0;
    double min = 0;
    double max = 0;
};

/// Summarises `values` (any order). Percentiles interpolate linearly between closest ranks
/// (Hyndman & Fan type 7, numpy.percentile's default): over the sorted x[0..n-1], the p-th
/// percentile is x[k] + f * (x[k+1] - x[k]) where h = (n-1) * p, k = floor(h), f = h - k; so
/// the median of an even count is the mean of the middle two. The mean sums the sorted values,
/// so it does not depend on the input order. Throws std::invalid_argument when `values` is
/// empty or holds a NaN.
Distribution Summarise(std::vector<double> values);

/// Every run of one posture reduced to what summary.json and the CLI table report.
struct PostureSummary
{
    std::string posture;
    std::uint64_t runs = 0;
    Distribution infected;         ///< over the runs' everInfected
    Distribution infectedDesktops; ///< over the runs' everInfectedDesktops
    double crownJewelReached = 0;  ///< fraction of runs with a timeToCrownJewel_s, in [0, 1]
    /// Over the runs that reached a crown jewel only; nullopt when none did (so an unreached
    /// jewel never reads as "reached at time 0").
    std::optional<Distribution> timeToCrownJewel;
    Distribution exfiltratedBytes;
    /// Packets blocked at each point, indexed by core::BlockedAt: the MEDIAN over the runs (not
    /// the mean, so one run where the worm hammered a firewall does not dominate).
    std::array<double, 4> blocked{};
    /// Packets blocked per "point/rule" (core::RunResult::blockedByRule): the median over the
    /// runs, a run without any counting 0; only rules that blocked something in some run.
    std::map<std::string, double> blockedByRule;
    double alerts = 0;      ///< median over the runs (every alert, false alarms included)
    double detected = 0;    ///< median over the runs
    double quarantined = 0; ///< median over the runs
    /// True alerts (on the attack) per source, summed over the runs; core::AlertSource order.
    std::array<std::uint64_t, 4> alertsBySource{};
    /// False alarms per source, summed over the runs; core::AlertSource order.
    std::array<std::uint64_t, 4> falseAlarmsBySource{};
    /// Over the runs with an alert on the attack only; nullopt when no run had one.
    std::optional<Distribution> timeToFirstAlert;
    /// Runs whose first alert came from each source, core::AlertSource order.
    std::array<std::uint64_t, 4> firstAlertSource{};
    /// Over the runs where the quarantine isolated an infected machine; nullopt when none did.
    std::optional<Distribution> timeToQuarantine;
    /// Fraction of runs with a quarantine before the crown jewel was reached (or with a
    /// quarantine and a crown jewel never reached), in [0, 1].
    double quarantineBeforeCrownJewel = 0;
    /// Likewise against the first exfiltrated bytes.
    double quarantineBeforeExfiltration = 0;
    double exfiltrationStarted = 0; ///< fraction of runs with a timeToExfiltration_s
    double wronglyQuarantined = 0;  ///< median over the runs
    std::uint64_t wronglyQuarantinedSum = 0;
    double desktopsTakenFromUsers = 0; ///< median over the runs
    std::uint64_t desktopsTakenFromUsersSum = 0;
    std::uint64_t idsPrevented = 0;   ///< summed over the runs
    std::uint64_t benignSessions = 0; ///< summed over the runs
    std::uint64_t benignFailed = 0;   ///< summed over the runs
    /// Hits of logged rules, rule -> where -> hits summed over the runs.
    std::map<std::string, std::map<std::string, std::uint64_t>> loggedHits;
};

/// The runs of one posture, by run index.
using RunGroup = std::vector<const core::RunResult*>;

/// The runs of each posture of `order`, in order, each sorted by run index. Throws
/// std::invalid_argument for a posture listed twice, one without runs, and a run whose posture
/// is not listed.
std::vector<RunGroup> GroupByPosture(const std::vector<std::string>& order,
                                     const std::vector<core::RunResult>& runs);

/// Summarises all runs of one posture. Throws std::invalid_argument when `runs` is empty,
/// mixes postures, or a run's firstAlertSource is no core::AlertSource index.
PostureSummary SummarisePosture(const std::vector<core::RunResult>& runs);

/// SummarisePosture for each posture of `postureOrder`, in order. Throws like GroupByPosture.
std::vector<PostureSummary> SummarisePostures(const std::vector<std::string>& postureOrder,
                                              const std::vector<core::RunResult>& runs);

/// Where a campaign's numbers came from: summary.json's "provenance" and the table's title.
struct CampaignInfo
{
    std::string scenarioFile; ///< as given on the command line
    std::string scenarioName;
    std::string scenarioSha256; ///< Sha256Hex of the scenario file's bytes
    std::uint64_t seed = 0;
    std::uint64_t runs = 0; ///< runs per posture
    double duration_s = 0;  ///< simulated time per run
    std::string segproofVersion;
    std::string ns3Version;
    std::string command; ///< the command line, for re-running
    std::string attackProfile;
    /// The attack and defence values in force ("attack: breakout" -> "62m"), in
    /// ParameterRows' order: written to provenance "parameters" when not empty.
    std::vector<std::pair<std::string, std::string>> parameters;
    /// report --db: the segproof versions that made the runs, each with its number of runs
    /// (provenance "run_segproof_versions"); empty when this version made them all.
    std::vector<std::pair<std::string, std::uint64_t>> runVersions;
};

/// DIR/summary.json: the shape of spec scenario-v1.md section 3 under "postures" (one key per
/// posture, in `postureOrder`), extended with "mean", "min", "max" beside each "median",
/// "p10", "p90"; "infected_desktops", "detected", "quarantined", "blocked_by_rule"; the
/// defence's figures after them (docs/schemas.md, "summary.json": "alerts_by_source",
/// "false_alarms", "time_to_first_alert_s", "first_alert_source", "time_to_quarantine_s",
/// "quarantine_before_crown_jewel", "quarantine_before_exfiltration", "exfiltration_started",
/// "wrongly_quarantined", "desktops_taken_from_users", "ids_prevented", "benign_sessions",
/// "benign_failed", "logged_hits"); and a top-level "provenance". Byte-for-byte deterministic: no
/// wall time; integral numbers print as integers; any other number is rounded to 6 significant
/// digits (never coarser than one decimal place, so a byte count such as 1234567.5 keeps its .5);
/// 2-space indent and a trailing newline. Throws std::invalid_argument when a posture in
/// `postureOrder` has no run, is listed twice, or a run's posture is not listed.
std::string SummaryJson(const CampaignInfo& info, const std::vector<std::string>& postureOrder,
                        const std::vector<core::RunResult>& runs);

/// When, where and how fast one command ran: the facts that differ between two runs of the
/// same command, kept out of every other output file so that those are reproducible.
struct RunRecord
{
    std::string command;          ///< CampaignInfo::command, the run this record belongs to
    std::string generatedAt;      ///< UTC, ISO 8601: "2026-11-25T23:10:42Z"
    double wall_s = 0;            ///< wall time of the whole command
    unsigned jobs = 0;            ///< runs simulated in parallel
    std::string host;             ///< the machine's host name
    std::string workingDirectory; ///< where the command ran (relative paths start here)
    std::string out;              ///< --out as given
    /// Z3's time per intent, "posture/intent" -> seconds, in verification order (kept out of
    /// the report's verify.jsonl, whose "seconds" are 0).
    std::vector<std::pair<std::string, double>> solver_s;
};

/// DIR/run.json: `record` as one JSON object ("command", "generated_at", "wall_s", "jobs",
/// "host", "working_directory", "out", "solver_s"), 2-space indent and a trailing newline. The
/// one output file of `segproof report` that is not the same byte for byte when the command is
/// rerun.
std::string RunJson(const RunRecord& record);

/// DIR/timeseries.csv: the header "posture,run,time_s,infected", then one row per sample,
/// ordered by posture (in `postureOrder`), run index, then time. time_s is the shortest decimal
/// that reads back as the same double ("60", "0.5"). Throws like SummaryJson.
std::string TimeseriesCsv(const std::vector<std::string>& postureOrder,
                          const std::vector<core::RunResult>& runs);

/// The text `segproof simulate` prints: a title line, a column header, then one line per
/// posture: infected median (p10-p90), share of runs reaching a crown jewel, median time to it
/// (h:mm, or "-" when no run reached it), median exfiltrated bytes (B/kB/MB/GB, powers of
/// 1000), blocked packets as the sum of the per-point medians (dfw/gw/perim/host), median
/// alerts. Aligned columns, under 100 columns for posture names up to 16 characters. Throws
/// like SummaryJson.
std::string SimulationTable(const CampaignInfo& info, const std::vector<std::string>& postureOrder,
                            const std::vector<core::RunResult>& runs);

} // namespace reports
} // namespace segproof

#endif
