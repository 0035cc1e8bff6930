// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#ifndef SEGPROOF_SIM_RUN_RUN_POOL_H
#define SEGPROOF_SIM_RUN_RUN_POOL_H

#include "attack-simulation.h"
#include "core/policy.h"
#include "core/scenario.h"
#include "core/simulation-result.h"
#include "run-process.h"

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace segproof
{
namespace sim
{

/// Simulated runs in flight, each in a child process of its own (RunProcess) under the
/// caller's number for it: start them, wait until some finish, take their results. The one
/// place segproof watches its runs: `simulate` and `report` (RunCampaign) and `campaign` (its
/// local slots, and each worker rank) all use it.
class RunPool
{
public:
    /// A run that ended: its result, or why it has none.
    struct Finished
    {
        std::size_t job = 0;
        std::optional<core::RunResult> result;
        std::string error; ///< when there is no result: "failed: ...", "was killed by signal 9"
    };

    RunPool() = default;
    ~RunPool() = default; ///< kills the runs still going
    RunPool(const RunPool&) = delete;
    RunPool& operator=(const RunPool&) = delete;

    /// Starts SimulateAttack(scenario, posture, settings) in a child process as run `job`.
    /// Throws std::runtime_error when the process cannot be made.
    void Start(std::size_t job, const core::Scenario& scenario, const core::Posture& posture,
               const RunSettings& settings);

    /// Runs in flight.
    std::size_t Size() const { return m_running.size(); }
    bool Empty() const { return m_running.empty(); }

    /// Waits until at least one run has finished or `timeout_ms` milliseconds have passed
    /// (negative: no time limit; with no run in flight it then returns at once), and returns
    /// the runs that finished, in no particular order. With no run in flight and a timeout,
    /// it sleeps that long. Throws std::runtime_error when the pipes cannot be watched.
    std::vector<Finished> Wait(int timeout_ms);

    /// Kills every run still in flight.
    void KillAll() { m_running.clear(); }

private:
    std::map<int, std::pair<std::size_t, RunProcess>> m_running; ///< by pipe fd: (job, process)
};

} // namespace sim
} // namespace segproof

#endif
