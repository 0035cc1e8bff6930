// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#ifndef SEGPROOF_CAMPAIGN_CAMPAIGN_RUNNER_H
#define SEGPROOF_CAMPAIGN_CAMPAIGN_RUNNER_H

#include "campaign-plan.h"
#include "rank-link.h"
#include "results/results-database.h"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace segproof
{
namespace campaign
{

/// How rank 0 (or the one process of a campaign without mpirun) runs the plan.
struct RunnerSettings
{
    unsigned localSlots = 1;   ///< runs this process keeps in flight itself (--jobs; 1 under MPI)
    double rankTimeout_s = 60; ///< a busy rank silent this long is taken as lost
    std::uint64_t maxRuns = 0; ///< hand out at most this many runs (0: all); the rest wait
    std::string segproofVersion;
};

/// What the runner tells the command while it works.
struct RunnerEvents
{
    /// A line for the user: a run lost in flight by an earlier campaign, a rank lost, a run
    /// that failed.
    std::function<void(const std::string&)> note;
    /// (runs finished this time, runs to do this time).
    std::function<void(std::size_t, std::size_t)> progress;
};

/// What a campaign did this time.
struct CampaignOutcome
{
    std::size_t planned = 0;     ///< runs in the plan
    std::size_t alreadyDone = 0; ///< found done in the database: not run again
    std::size_t toRun = 0;       ///< handed out this time (at most --max-runs)
    std::size_t ran = 0;         ///< finished and recorded this time
    std::size_t failed = 0;      ///< recorded as failed this time (they run again next time)
    std::size_t lostEarlier = 0; ///< in flight when an earlier campaign stopped: run again
    std::size_t lostRanks = 0;   ///< ranks that stopped answering
    std::size_t requeued = 0;    ///< runs put back in the queue after their rank was lost
    int ranks = 1;
    double wall_s = 0;
    double simulated_s = 0; ///< sum of the wall times of the runs finished this time
    double gather_s = 0;    ///< rank 0's own work: handing out, receiving, recording
};

/// Runs every run of `plan` not yet done in `db`: on `settings.localSlots` child processes of
/// this one, and, when `link` is an MPI job of more than one rank, on every other rank too
/// (one run at a time each; they call ServeCampaign). Runs go out longest group first
/// (RunScheduler) as ranks ask for them; each result is recorded in `db` as it arrives, and a
/// run is marked in flight while it is out, so a campaign stopped at any point resumes
/// where it stopped. Throws results::DatabaseError when the database fails.
CampaignOutcome RunCampaign(const CampaignPlan& plan, results::ResultsDatabase& db,
                            const RunnerSettings& settings, RankLink* link,
                            const RunnerEvents& events);

/// A worker rank's side of RunCampaign: asks rank 0 for runs and runs them, one at a time,
/// each in a child process, sending a heartbeat every second while it runs, until rank 0
/// says stop.
void ServeCampaign(const CampaignPlan& plan, RankLink& link);

} // namespace campaign
} // namespace segproof

#endif
