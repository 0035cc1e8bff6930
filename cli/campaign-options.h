// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#ifndef SEGPROOF_CLI_CAMPAIGN_OPTIONS_H
#define SEGPROOF_CLI_CAMPAIGN_OPTIONS_H

#include "commands.h"
#include "core/scenario.h"
#include "core/simulation-result.h"
#include "formats/scenario/parameter-setting.h"
#include "reports/parameter-sweep.h"
#include "reports/simulation-output.h"

#include <CLI/CLI.hpp>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace segproof
{
namespace cli
{

/// The options `simulate` and `report` share: which postures, how many runs, which seed.
struct CampaignOptions
{
    std::string scenario;
    std::string posture = "each";
    std::uint64_t runs = 20;
    std::uint64_t seed = 1;
    std::string duration = "8h";
    unsigned jobs = 0; ///< 0: one per core
    /// --set PATH=VALUE, in the order given: attack and defence values that replace the
    /// scenario's (formats::ParameterSetting; a campaign spec's sweep point, given by hand).
    std::vector<std::string> settings;
};

/// Adds SCENARIO, --posture, --runs, --seed, --duration and --jobs to `command`.
void AddCampaignOptions(CLI::App& command, CampaignOptions& options);

/// The --set options as a parameter point, each located at "--set" for messages. Throws
/// InputError when one is not PATH=VALUE.
formats::ParameterPoint SettingsPoint(const CampaignOptions& options);

/// The scenario of `options` with its --set values (warnings printed, as
/// ReadScenarioWithWarnings does).
core::Scenario ReadCampaignScenario(const CampaignOptions& options);

/// `words` with "--set PATH=VALUE" appended for each setting, for a recorded command.
void AppendSettings(std::vector<std::string>& words, const CampaignOptions& options);

/// --duration in seconds; throws InputError when it is no duration in (0, 365d].
double CampaignDuration(const CampaignOptions& options);

/// Creates `path` and its parents; throws InputError ("--out: cannot create ...") on failure.
void CreateOutputFolder(const std::filesystem::path& path);

/// Writes `text` to `path` whole or not at all (WriteWholeFile); throws InputError
/// ("--out: cannot write ...") on failure.
void WriteOutputFile(const std::filesystem::path& path, const std::string& text);

/// The provenance of a campaign of `options` over `postures` on `scenario`, with `command` as
/// the command line to re-run it.
reports::CampaignInfo MakeCampaignInfo(const CampaignOptions& options,
                                       const core::Scenario& scenario, const std::string& command);

/// reports::Sha256Hex of the bytes of the file at `path` (of no bytes when it cannot be read).
std::string FileSha256(const std::string& path);

/// --duration spelled canonically (core::FormatDuration: "60m" and "3600" -> "1h"), so that
/// two spellings of one campaign record one command; as given when the canonical spelling
/// would not read back as the same seconds.
std::string CanonicalDuration(const CampaignOptions& options);

/// `words` joined by spaces as a POSIX shell reads them back: a word holding anything but
/// letters, digits and _@%+=:,./- is single-quoted, so a recorded command can be pasted.
std::string ShellCommand(const std::vector<std::string>& words);

/// The runs in parallel that --jobs asks for: its value, or the number of cores for 0.
unsigned CampaignWorkers(unsigned jobs);

/// Runs the campaign (one process per run, --jobs at once), drawing a progress bar on stderr
/// when it is a terminal. When a run fails, prints why on stderr and returns nullopt (the
/// command then exits 3).
std::optional<std::vector<core::RunResult>> RunCampaignWithProgress(
    const core::Scenario& scenario, const std::vector<core::Posture>& postures,
    const CampaignOptions& options, double duration_s, const std::string& pcapPrefix = "",
    const std::string& flowMonitorFile = "", std::uint64_t tracedRun = 0,
    const std::string& flowsFile = "");

/// The runs `simulate` or `report` would make with `options` (every posture, run indices
/// 0 .. runs-1, the scenario as written), read from a results database (segproof campaign
/// --db) instead, with the segproof versions that made them (each with its number of runs) in
/// `versions`. Throws InputError at "--db" when the database cannot be read or lacks a run.
std::vector<core::RunResult> RunsFromDatabase(
    const std::string& db, const CampaignOptions& options,
    const std::vector<core::Posture>& postures,
    std::vector<std::pair<std::string, std::uint64_t>>& versions);

/// The parameters swept around the point of `options` (its --set values) in a results
/// database: for each path, the points held for the same scenario bytes, seed and duration that
/// differ from that point in this path alone, with runs 0 .. runs-1 of every posture; the
/// report's own point is on the sweep of each path it sets. Read with their runs, values in
/// reports::SweepValueOrder; only paths with two values or more, in the order of the --set
/// options, then of the paths' text. A point lacking some runs is left out, with a warning in
/// `warnings`. Throws InputError at "--db" when the database cannot be read.
std::vector<reports::ParameterSweep> SweepsFromDatabase(const std::string& db,
                                                        const CampaignOptions& options,
                                                        const std::vector<core::Posture>& postures,
                                                        std::vector<std::string>& warnings);

/// Versions with their numbers of runs in words: "2 by segproof 0.1.0, 4 by segproof 0.2.0"
/// ("(unknown)" for a run recorded without one).
std::string DescribeRunVersions(const std::vector<std::pair<std::string, std::uint64_t>>& versions);

/// The names of `postures`, in order.
std::vector<std::string> PostureNames(const std::vector<core::Posture>& postures);

/// The names of `postures` joined by commas, as --posture takes them.
std::string PostureList(const std::vector<core::Posture>& postures);

/// The exit code of a command whose simulation failed.
constexpr int kExitSimulationFailed = kExitInternalError;

} // namespace cli
} // namespace segproof

#endif
