// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#include "campaign-options.h"

#include "commands.h"
#include "core/input-error.h"
#include "core/limits.h"
#include "core/units.h"
#include "output-file.h"
#include "progress-bar.h"
#include "reports/parameter-table.h"
#include "reports/sha256.h"
#include "results/results-database.h"
#include "segproof/version.h"
#include "sim/run/attack-simulation.h"
#include "sim/run/campaign.h"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string_view>
#include <thread>

namespace segproof
{
namespace cli
{

void
AddCampaignOptions(CLI::App& command, CampaignOptions& options)
{
    command.add_option("SCENARIO", options.scenario, "Scenario file (YAML, segproof/v1)")
        ->required();
    command.add_option("--posture", options.posture,
                       "Postures: a name, a comma-separated list, or 'each' (default: each)");
    command.add_option("--runs", options.runs, "Runs per posture (default 20)")
        ->check(CLI::Range(std::uint64_t{1}, core::Limits::kMaxRuns));
    command.add_option("--seed", options.seed, "Campaign seed (default 1)");
    command.add_option("--duration", options.duration,
                       "Simulated time per run, e.g. 8h, 90m, 3600 (default 8h)");
    command.add_option("--jobs", options.jobs, "Runs in parallel (default: number of cores)")
        ->check(CLI::Range(0U, core::Limits::kMaxJobs));
    command
        .add_option(
            "--set", options.settings,
            "PATH=VALUE: an attack, defence or benign value in place of the scenario's, e.g. "
            "attack.breakout=12d (repeatable; docs/campaign.md)")
        ->expected(1)
        ->take_all();
    command.add_flag_callback(
        "--no-benign", [&options]() { options.settings.push_back("benign.enabled=false"); },
        "Play no benign traffic (the same as --set benign.enabled=false)");
}

formats::ParameterPoint
SettingsPoint(const CampaignOptions& options)
{
    formats::ParameterPoint point;
    for (const auto& text : options.settings)
    {
        std::size_t equals = text.find('=');
        if (equals == std::string::npos || equals == 0)
        {
            throw core::InputError(core::SourceLocation{"--set", 0, 0},
                                   "'" + text +
                                       "' must be PATH=VALUE, such as attack.breakout=12d");
        }
        point.push_back(formats::ParameterSetting{text.substr(0, equals), text.substr(equals + 1),
                                                  core::SourceLocation{"--set", 0, 0}});
    }
    return point;
}

core::Scenario
ReadCampaignScenario(const CampaignOptions& options)
{
    return ReadScenarioWithWarnings(options.scenario, SettingsPoint(options));
}

void
AppendSettings(std::vector<std::string>& words, const CampaignOptions& options)
{
    for (const auto& text : options.settings)
    {
        words.insert(words.end(), {"--set", text});
    }
}

double
CampaignDuration(const CampaignOptions& options)
{
    std::optional<double> duration = core::ParseDuration(options.duration);
    if (!duration || *duration <= 0 || *duration > core::Limits::kMaxDuration_s)
    {
        throw core::InputError(core::SourceLocation{"--duration", 0, 0},
                               "'--duration' must be a duration such as 8h, 90m or 3600 (at "
                               "most 365d), got '" +
                                   options.duration + "'");
    }
    return *duration;
}

void
CreateOutputFolder(const std::filesystem::path& path)
{
    std::error_code error;
    std::filesystem::create_directories(path, error);
    if (error)
    {
        throw core::InputError(core::SourceLocation{"--out", 0, 0},
                               "cannot create '" + path.string() + "': " + error.message());
    }
}

void
WriteOutputFile(const std::filesystem::path& path, const std::string& text)
{
    WriteWholeFile(path.string(), text, "--out");
}

reports::CampaignInfo
MakeCampaignInfo(const CampaignOptions& options, const core::Scenario& scenario,
                 const std::string& command)
{
    reports::CampaignInfo info;
    info.scenarioFile = options.scenario;
    info.scenarioName = scenario.Name();
    info.scenarioSha256 = FileSha256(options.scenario);
    info.seed = options.seed;
    info.runs = options.runs;
    info.duration_s = CampaignDuration(options);
    info.segproofVersion = SEGPROOF_VERSION;
    info.ns3Version = sim::Ns3Version();
    info.command = command;
    info.attackProfile = core::AttackProfileName(scenario.Attack().profile);
    for (const auto& row : reports::ParameterRows(scenario))
    {
        info.parameters.emplace_back(row.key, row.value);
    }
    return info;
}

std::string
FileSha256(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return reports::Sha256Hex(bytes.str());
}

std::string
CanonicalDuration(const CampaignOptions& options)
{
    double seconds = CampaignDuration(options);
    std::string canonical = core::FormatDuration(seconds);
    std::optional<double> back = core::ParseDuration(canonical);
    return back && *back == seconds ? canonical : options.duration;
}

namespace
{
/// Whether `word` reads back from a POSIX shell as itself, unquoted.
bool
IsShellSafe(const std::string& word)
{
    const std::string_view safe = "_@%+=:,./-";
    return !word.empty() && std::all_of(word.begin(), word.end(),
                                        [&safe](char c) {
                                            return std::isalnum(static_cast<unsigned char>(c)) ||
                                                   safe.find(c) != std::string_view::npos;
                                        });
}
} // namespace

std::string
ShellCommand(const std::vector<std::string>& words)
{
    std::string command;
    for (const auto& word : words)
    {
        std::string quoted = word;
        if (!IsShellSafe(word))
        {
            quoted = "'";
            for (char c : word)
            {
                quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
            }
            quoted += "'";
        }
        command += (command.empty() ? "" : " ") + quoted;
    }
    return command;
}

unsigned
CampaignWorkers(unsigned jobs)
{
    return jobs == 0 ? std::max(1U, std::thread::hardware_concurrency()) : jobs;
}

std::optional<std::vector<core::RunResult>>
RunCampaignWithProgress(const core::Scenario& scenario, const std::vector<core::Posture>& postures,
                        const CampaignOptions& options, double duration_s,
                        const std::string& pcapPrefix, const std::string& flowMonitorFile,
                        std::uint64_t tracedRun, const std::string& flowsFile)
{
    sim::CampaignSettings settings;
    settings.postures = postures;
    settings.runs = options.runs;
    settings.run.seed = options.seed;
    settings.run.duration_s = duration_s;
    settings.run.sampleInterval_s = std::max(1.0, duration_s / 480.0);
    settings.run.pcapPrefix = pcapPrefix;
    settings.run.flowMonitorFile = flowMonitorFile;
    settings.run.flowsFile = flowsFile;
    settings.tracedRun = tracedRun;
    settings.workers = CampaignWorkers(options.jobs);
    ProgressBar bar("runs");
    bar.Update(0, postures.size() * options.runs);
    settings.progress = [&bar](std::size_t done, std::size_t total) { bar.Update(done, total); };
    try
    {
        std::vector<core::RunResult> runs = sim::RunCampaign(scenario, settings);
        bar.Finish();
        return runs;
    }
    catch (const std::runtime_error& e)
    {
        bar.Finish();
        std::cerr << "segproof: simulation failed: " << e.what() << "\n";
        return std::nullopt;
    }
}

std::vector<core::RunResult>
RunsFromDatabase(const std::string& db, const CampaignOptions& options,
                 const std::vector<core::Posture>& postures,
                 std::vector<std::pair<std::string, std::uint64_t>>& versions)
{
    std::map<std::string, std::uint64_t> runsByVersion;
    const core::SourceLocation where{"--db", 0, 0};
    std::error_code error;
    if (!std::filesystem::is_regular_file(db, error))
    {
        throw core::InputError(where, "no results database '" + db + "'");
    }
    std::vector<core::RunResult> runs;
    std::size_t missing = 0;
    std::string firstMissing;
    const std::string point = formats::PointText(SettingsPoint(options));
    const double duration = CampaignDuration(options);
    try
    {
        results::ResultsDatabase database(db);
        const std::string sha256 = FileSha256(options.scenario);
        for (const auto& posture : postures)
        {
            for (std::uint64_t run = 0; run < options.runs; ++run)
            {
                results::RunKey key{sha256, point, posture.name, options.seed, run, duration};
                if (auto result = database.ReadRun(key))
                {
                    runs.push_back(std::move(*result));
                    ++runsByVersion[database.RunVersion(key).value_or("")];
                    continue;
                }
                if (missing++ == 0)
                {
                    firstMissing = "run " + std::to_string(run) + " under " + posture.name;
                }
            }
        }
    }
    catch (const results::DatabaseError& e)
    {
        throw core::InputError(where, e.what());
    }
    if (missing > 0)
    {
        std::size_t needed = postures.size() * options.runs;
        throw core::InputError(
            where, "'" + db + "' holds " + std::to_string(needed - missing) + " of the " +
                       std::to_string(needed) + " runs needed (the first missing: " + firstMissing +
                       " of " + options.scenario +
                       (options.settings.empty() ? std::string(" as written") : " at " + point) +
                       ", seed " + std::to_string(options.seed) + ", duration " +
                       CanonicalDuration(options) +
                       "); run them with segproof campaign (docs/campaign.md)");
    }
    versions.assign(runsByVersion.begin(), runsByVersion.end());
    return runs;
}

std::string
DescribeRunVersions(const std::vector<std::pair<std::string, std::uint64_t>>& versions)
{
    std::string list;
    for (const auto& [version, runs] : versions)
    {
        list += (list.empty() ? "" : ", ") + std::to_string(runs) + " by segproof " +
                (version.empty() ? std::string("(unknown)") : version);
    }
    return list;
}

std::vector<std::string>
PostureNames(const std::vector<core::Posture>& postures)
{
    std::vector<std::string> names;
    for (const auto& p : postures)
    {
        names.push_back(p.name);
    }
    return names;
}

std::string
PostureList(const std::vector<core::Posture>& postures)
{
    std::string list;
    for (const auto& p : postures)
    {
        list += (list.empty() ? "" : ",") + p.name;
    }
    return list;
}

} // namespace cli
} // namespace segproof
