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
#include <set>
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
    std::string otherPoint; // --set options naming a point the database holds runs of
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
        if (missing > 0)
        {
            // Runs of a sweep's points, when this point is not one of them: say how to name one.
            for (const auto& stored : database.Points(sha256, options.seed, duration))
            {
                if (stored.point != point && !stored.settings.empty())
                {
                    std::vector<std::string> words;
                    for (const auto& [path, value] : stored.settings)
                    {
                        words.insert(words.end(), {"--set", path + "=" + value});
                    }
                    otherPoint = ShellCommand(words);
                    break;
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
                       "); run them with segproof campaign (docs/campaign.md)" +
                       (otherPoint.empty() ? std::string()
                                           : ", or name a point it holds, such as " + otherPoint));
    }
    versions.assign(runsByVersion.begin(), runsByVersion.end());
    return runs;
}

namespace
{
/// The value `settings` give `path`; nullopt when they leave it out.
std::optional<std::string>
ValueOf(const std::vector<std::pair<std::string, std::string>>& settings, const std::string& path)
{
    std::optional<std::string> value;
    for (const auto& [settingPath, settingValue] : settings)
    {
        if (settingPath == path)
        {
            value = settingValue; // the last one, as when they are applied in order
        }
    }
    return value;
}

/// How many of the runs 0 .. runs-1 of the postures of `postures` `point` holds.
std::uint64_t
RunsHeld(const results::StoredPoint& point, const std::vector<core::Posture>& postures,
         std::uint64_t runs)
{
    std::uint64_t held = 0;
    for (const auto& posture : postures)
    {
        auto found = point.runs.find(posture.name);
        if (found != point.runs.end())
        {
            held += static_cast<std::uint64_t>(
                std::lower_bound(found->second.begin(), found->second.end(), runs) -
                found->second.begin());
        }
    }
    return held;
}
} // namespace

std::vector<reports::ParameterSweep>
SweepsFromDatabase(const std::string& db, const CampaignOptions& options,
                   const std::vector<core::Posture>& postures, std::vector<std::string>& warnings)
{
    const core::SourceLocation where{"--db", 0, 0};
    std::vector<std::pair<std::string, std::string>> own;
    for (const auto& setting : SettingsPoint(options))
    {
        own.emplace_back(setting.path, setting.value);
    }
    const double duration = CampaignDuration(options);
    const std::uint64_t needed = postures.size() * options.runs;
    std::vector<reports::ParameterSweep> sweeps;
    try
    {
        results::ResultsDatabase database(db);
        const std::string sha256 = FileSha256(options.scenario);
        const std::vector<results::StoredPoint> points =
            database.Points(sha256, options.seed, duration);
        // Each path's points (the map orders the paths by their text).
        std::map<std::string, std::vector<const results::StoredPoint*>> onPath;
        for (const auto& point : points)
        {
            std::set<std::string> named; // the paths either side sets
            for (const auto& setting : own)
            {
                named.insert(setting.first);
            }
            for (const auto& setting : point.settings)
            {
                named.insert(setting.first);
            }
            std::vector<std::string> differing;
            for (const auto& path : named)
            {
                if (ValueOf(own, path) != ValueOf(point.settings, path))
                {
                    differing.push_back(path);
                }
            }
            if (differing.empty())
            {
                for (const auto& path : named)
                {
                    onPath[path].push_back(&point);
                }
            }
            else if (differing.size() == 1 && ValueOf(point.settings, differing[0]))
            {
                onPath[differing[0]].push_back(&point);
            }
        }
        // The paths --set names first, in its order; then the others.
        std::vector<std::string> paths;
        for (const auto& [path, value] : own)
        {
            if (onPath.count(path) != 0 &&
                std::find(paths.begin(), paths.end(), path) == paths.end())
            {
                paths.push_back(path);
            }
        }
        for (const auto& entry : onPath)
        {
            if (!ValueOf(own, entry.first))
            {
                paths.push_back(entry.first);
            }
        }
        for (const auto& path : paths)
        {
            const auto& candidates = onPath[path];
            if (candidates.size() < 2)
            {
                continue;
            }
            std::map<std::string, const results::StoredPoint*> byValue;
            for (const results::StoredPoint* point : candidates)
            {
                std::string value = *ValueOf(point->settings, path);
                std::uint64_t held = RunsHeld(*point, postures, options.runs);
                if (held < needed)
                {
                    warnings.push_back("the sweep of " + path + " leaves out " + path + "=" +
                                       value + ": '" + db + "' holds " + std::to_string(held) +
                                       " of its " + std::to_string(needed) + " runs");
                    continue;
                }
                byValue.emplace(value, point); // the same settings in another order: once
            }
            if (byValue.size() < 2)
            {
                continue;
            }
            std::vector<std::string> values;
            for (const auto& entry : byValue)
            {
                values.push_back(entry.first);
            }
            reports::ParameterSweep sweep;
            sweep.path = path;
            sweep.reportValue = ValueOf(own, path).value_or("");
            for (const auto& value : reports::SweepValueOrder(values))
            {
                reports::SweepValue entry;
                entry.value = value;
                for (const auto& posture : postures)
                {
                    for (std::uint64_t run = 0; run < options.runs; ++run)
                    {
                        results::RunKey key{sha256,       byValue[value]->point,
                                            posture.name, options.seed,
                                            run,          duration};
                        if (auto result = database.ReadRun(key))
                        {
                            entry.runs.push_back(std::move(*result));
                        }
                    }
                }
                sweep.values.push_back(std::move(entry));
            }
            sweeps.push_back(std::move(sweep));
        }
    }
    catch (const results::DatabaseError& e)
    {
        throw core::InputError(where, e.what());
    }
    return sweeps;
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
