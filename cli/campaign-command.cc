// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#include "campaign-options.h"
#include "campaign/campaign-plan.h"
#include "campaign/campaign-runner.h"
#include "campaign/rank-link.h"
#include "commands.h"
#include "core/input-error.h"
#include "core/limits.h"
#include "core/units.h"
#include "formats/scenario/campaign-spec-reader.h"
#include "progress-bar.h"
#include "results/results-database.h"
#include "segproof/version.h"

#include <algorithm>
#include <cstdio>
#include <iostream>
#include <memory>

namespace segproof
{
namespace cli
{

namespace
{
struct CampaignArguments
{
    std::string spec;
    std::string db;
    unsigned jobs = 0;
    std::uint64_t maxRuns = 0;
    double rankTimeout_s = 60;
    bool allowMixedVersions = false;
};

/// Refuses (InputError on --db) a database whose runs were made by another segproof version,
/// unless --allow-mixed-versions: runs of two models in one database would be summed as one.
void
CheckDatabaseVersions(const results::ResultsDatabase& db, const CampaignArguments& args)
{
    std::vector<std::pair<std::string, std::uint64_t>> others = db.DoneRunVersions();
    others.erase(std::remove_if(others.begin(), others.end(),
                                [](const auto& v) { return v.first == SEGPROOF_VERSION; }),
                 others.end());
    if (!others.empty() && !args.allowMixedVersions)
    {
        throw core::InputError(core::SourceLocation{"--db", 0, 0},
                               "'" + args.db + "' holds runs made by another segproof version (" +
                                   DescribeRunVersions(others) + "); this is segproof " +
                                   SEGPROOF_VERSION +
                                   ". Use a new database, or --allow-mixed-versions to add "
                                   "runs of this version beside them");
    }
}

/// "1h02m" style wall time for the summary line.
std::string
WallTime(double seconds)
{
    char text[32];
    if (seconds < 60)
    {
        std::snprintf(text, sizeof text, "%.1f s", seconds);
    }
    else
    {
        std::snprintf(text, sizeof text, "%dm%02ds", static_cast<int>(seconds) / 60,
                      static_cast<int>(seconds) % 60);
    }
    return text;
}

/// Postures per scenario and point (every posture of each scenario when the spec names none).
std::size_t
PostureCount(const campaign::CampaignPlan& plan)
{
    std::size_t groups = plan.scenarios.size() * plan.points.size() * plan.spec.runs;
    return groups == 0 ? 0 : plan.runs.size() / groups;
}

/// Opens the database, as a user error when it cannot be.
std::unique_ptr<results::ResultsDatabase>
OpenDatabase(const std::string& path)
{
    try
    {
        return std::make_unique<results::ResultsDatabase>(path);
    }
    catch (const results::DatabaseError& e)
    {
        throw core::InputError(core::SourceLocation{"--db", 0, 0}, e.what());
    }
}

/// Rank 0's side (or the only process's): plan, run, print.
int
RunAsCoordinator(const CampaignArguments& args, const campaign::CampaignPlan& plan,
                 campaign::RankLink* link)
{
    auto db = OpenDatabase(args.db);
    CheckDatabaseVersions(*db, args);
    campaign::RunnerSettings settings;
    settings.localSlots = link ? 1U : CampaignWorkers(args.jobs);
    settings.rankTimeout_s = args.rankTimeout_s;
    settings.maxRuns = args.maxRuns;
    settings.segproofVersion = SEGPROOF_VERSION;
    const formats::CampaignSpec& spec = plan.spec;
    std::cout << "campaign " << spec.name << ": " << plan.scenarios.size() << " scenario"
              << (plan.scenarios.size() == 1 ? "" : "s") << " x " << plan.points.size() << " point"
              << (plan.points.size() == 1 ? "" : "s") << " x " << PostureCount(plan)
              << " postures x " << spec.runs << " runs = " << plan.runs.size() << " runs of "
              << core::FormatDuration(spec.duration_s) << ", seed " << spec.seed << "\n";
    if (link)
    {
        std::cout << "on " << link->Size() << " MPI ranks, one run at a time each\n";
    }
    else
    {
        std::cout << "on " << settings.localSlots << " local process"
                  << (settings.localSlots == 1 ? "" : "es") << " (no mpirun)\n";
    }
    std::cout.flush();

    ProgressBar bar("runs");
    campaign::RunnerEvents events;
    events.note = [&bar](const std::string& line)
    {
        bar.Finish();
        std::cerr << "segproof: " << line << "\n";
    };
    events.progress = [&bar](std::size_t done, std::size_t total) { bar.Update(done, total); };
    campaign::CampaignOutcome outcome;
    try
    {
        outcome = campaign::RunCampaign(plan, *db, settings, link, events);
    }
    catch (const results::DatabaseError& e)
    {
        bar.Finish();
        std::cerr << "segproof: results database: " << e.what() << "\n";
        return kExitSimulationFailed;
    }
    catch (const std::runtime_error& e)
    {
        bar.Finish();
        std::cerr << "segproof: campaign stopped: " << e.what() << "\n";
        return kExitSimulationFailed;
    }
    bar.Finish();
    const double perHour =
        outcome.wall_s > 0 ? static_cast<double>(outcome.ran) * 3600.0 / outcome.wall_s : 0;
    std::cout << "already in " << args.db << ": " << outcome.alreadyDone << " of "
              << outcome.planned << "; ran " << outcome.ran << " of " << outcome.toRun << " in "
              << WallTime(outcome.wall_s);
    if (outcome.ran > 0)
    {
        char rate[32];
        std::snprintf(rate, sizeof rate, "%.0f", perHour);
        std::cout << " (" << rate << " runs/h)";
    }
    std::cout << "\n";
    char gather[96];
    std::snprintf(gather, sizeof gather, "rank 0 bookkeeping: %.3f s (%.2f%% of the wall time)",
                  outcome.gather_s,
                  outcome.wall_s > 0 ? 100.0 * outcome.gather_s / outcome.wall_s : 0.0);
    std::cout << gather << "\n";
    if (outcome.lostEarlier + outcome.lostRanks > 0)
    {
        std::cout << "lost: " << outcome.lostEarlier
                  << " runs in flight when an earlier campaign stopped (run again), "
                  << outcome.lostRanks << " ranks during this one (" << outcome.requeued
                  << " runs put back in the queue)\n";
    }
    std::size_t left = outcome.planned - outcome.alreadyDone - outcome.ran;
    std::cout << "results: " << args.db << " (" << db->CountRuns("done") << " runs done";
    if (outcome.failed > 0)
    {
        std::cout << ", " << outcome.failed << " failed this time";
    }
    std::cout << "); " << left << " of this campaign's runs left\n";
    return outcome.failed > 0 ? kExitSimulationFailed : kExitOk;
}
} // namespace

void
RegisterCampaign(CLI::App& app, int& exitCode)
{
    auto args = std::make_shared<CampaignArguments>();
    CLI::App* command = app.add_subcommand(
        "campaign", "Run a sweep (postures x parameter values x seeds, docs/campaign.md) into a "
                    "SQLite database, resuming where an earlier one stopped; under mpirun, on "
                    "every rank");
    command->add_option("SPEC", args->spec, "Campaign spec (YAML, segproof-campaign/v1)")
        ->required();
    command->add_option("--db", args->db, "Results database (SQLite; created when missing)")
        ->required();
    command
        ->add_option("--jobs", args->jobs,
                     "Runs in parallel without mpirun (default: number of cores); under "
                     "mpirun each rank runs one at a time")
        ->check(CLI::Range(0U, core::Limits::kMaxJobs));
    command->add_option("--max-runs", args->maxRuns,
                        "Stop after handing out this many runs (default: all); run again to go on");
    command
        ->add_option("--rank-timeout", args->rankTimeout_s,
                     "Seconds of silence after which a busy MPI rank is taken as lost and "
                     "its run goes to another (default 60; needs mpirun --enable-recovery)")
        ->check(CLI::Range(1.0, 86400.0));
    command->add_flag("--allow-mixed-versions", args->allowMixedVersions,
                      "Add runs to a database whose runs were made by another segproof "
                      "version (refused otherwise)");
    command->callback(
        [args, &exitCode]
        {
            std::unique_ptr<campaign::RankLink> link;
            if (campaign::LaunchedByMpi())
            {
                link = campaign::JoinMpiJob();
            }
            const bool coordinator = !link || link->Rank() == 0;
            try
            {
                formats::CampaignSpec spec = formats::ReadCampaignSpecFile(args->spec);
                campaign::CampaignPlan plan = campaign::PlanCampaign(spec);
                if (!coordinator)
                {
                    campaign::ServeCampaign(plan, *link);
                    exitCode = kExitOk;
                    return;
                }
                exitCode = RunAsCoordinator(*args, plan, link.get());
            }
            catch (const core::InputError&)
            {
                if (coordinator)
                {
                    throw; // main prints it; every rank read the same files and stops too
                }
                exitCode = kExitBadInput;
            }
            catch (const std::runtime_error& e)
            {
                if (coordinator)
                {
                    throw;
                }
                std::cerr << "segproof: rank " << link->Rank() << ": " << e.what() << "\n";
                exitCode = kExitSimulationFailed;
            }
        });
}

} // namespace cli
} // namespace segproof
