// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#ifndef SEGPROOF_SIM_ATTACK_SIMULATION_H
#define SEGPROOF_SIM_ATTACK_SIMULATION_H

#include "core/scenario.h"
#include "core/simulation-result.h"

#include <cstdint>
#include <string>

namespace segproof
{
namespace sim
{

/// How one run is made. No ns-3 type here: the CLI, tests and benchmarks use it as is.
struct RunSettings
{
    std::uint64_t seed = 1; ///< the campaign's seed
    std::uint64_t run = 0;  ///< this run's index: with the seed, it fixes every random draw
    double duration_s = 8 * 3600.0;
    double sampleInterval_s = 60; ///< period of the infected-machines time series
    std::string pcapPrefix;       ///< non-empty: a pcap file per device, named from it
    std::string flowMonitorFile;  ///< non-empty: FlowMonitor XML of the run
    bool benign = true;           ///< play the office's benign traffic (`benign:`)
    std::string flowsFile;        ///< non-empty: every session of the run as a CSV flow record
};

/// The ns-3 release segproof is built against (e.g. "3.37").
std::string Ns3Version();

/// Replays the scenario's attack (core::AttackParameters) against its defence under one
/// posture as one ns-3 simulation of real TCP sessions through the enforcement points
/// (docs/attack-model.md), and measures it. Call from a process that runs no other ns-3
/// simulation at the same time (ns-3's simulator is a process-wide singleton).
core::RunResult SimulateAttack(const core::Scenario& scenario, const core::Posture& posture,
                               const RunSettings& settings);

} // namespace sim
} // namespace segproof

#endif
