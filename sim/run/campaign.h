// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#ifndef SEGPROOF_SIM_CAMPAIGN_H
#define SEGPROOF_SIM_CAMPAIGN_H

#include "attack-simulation.h"
#include "core/policy.h"
#include "core/scenario.h"
#include "core/simulation-result.h"

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace segproof
{
namespace sim
{

/// A Monte Carlo campaign: `runs` runs of the attack under each posture.
struct CampaignSettings
{
    std::vector<core::Posture> postures;
    std::uint64_t runs = 1;
    RunSettings run;      ///< seed, duration and sampling of every run (`run.run` is ignored)
    unsigned workers = 1; ///< runs in flight at once, one process each
    /// Run index whose packets are traced (pcap / FlowMonitor, per posture) when
    /// `run.pcapPrefix` / `run.flowMonitorFile` are set: they get "-POSTURE" appended.
    /// `run.flowsFile`, when set, receives every run's sessions (header, then each run's rows
    /// in posture and run order).
    std::uint64_t tracedRun = 0;
    /// Told after each finished run: (runs done, runs in all).
    std::function<void(std::size_t, std::size_t)> progress;
};

/// Runs the campaign, each run in a child process of its own (ns-3's simulator is one per
/// process; docs/simulator-design.md), at most `workers` at once. The results come back in
/// (posture, run) order whatever order the runs finished in, so the same settings give the
/// same results. Throws std::runtime_error when a run fails (its message says which).
std::vector<core::RunResult> RunCampaign(const core::Scenario& scenario,
                                         const CampaignSettings& settings);

} // namespace sim
} // namespace segproof

#endif
