// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#ifndef SEGPROOF_REPORTS_DEFENCE_OUTCOME_H
#define SEGPROOF_REPORTS_DEFENCE_OUTCOME_H

#include "core/attack-model.h"
#include "core/policy.h"
#include "core/simulation-result.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace segproof
{
namespace reports
{

/// True for a posture with a detector at the vNIC (pattern, IDS / IPS) or the quarantine.
bool HasDetectionOrQuarantine(const core::Posture& posture);

/// The baseline of `postures[index]`: the first posture of the list with the same firewalls in
/// force and neither a detector at the vNIC nor the quarantine (microseg for
/// microseg+ids+quarantine); nullopt for a posture without detection or quarantine, or when
/// the list holds no such posture.
std::optional<std::size_t> BaselineOf(const std::vector<core::Posture>& postures,
                                      std::size_t index);

/// What detection and quarantine did under one posture, against its baseline, run by run
/// (runs of one index share their random draws under every posture: docs/attack-model.md).
struct DefenceOutcome
{
    std::string posture;
    std::string baseline;
    std::uint64_t runs = 0; ///< run indices that both postures have
    /// Of them, runs where the data left under the baseline (exfiltrated bytes above 0).
    std::uint64_t baselineLeaked = 0;
    /// Of those, runs where no byte left under this posture: the data leaving stopped.
    std::uint64_t stopped = 0;
    /// Runs of this posture where the quarantine isolated an infected machine.
    std::uint64_t quarantinedRuns = 0;
    /// What the quarantine acted on: the one source it acts on when the posture names one
    /// (`quarantine: [ids]`), else the source of the first alert on the attack most common
    /// among those runs, of the sources it acts on (ties: the earlier in core::AlertSource
    /// order); nullopt when none.
    std::optional<core::AlertSource> quarantineSource;
    std::uint64_t desktopsTakenFromUsers = 0; ///< summed over this posture's runs
};

/// A DefenceOutcome for each posture of `postures` with a baseline among them, in their order.
/// Throws std::invalid_argument like GroupByPosture (every posture needs runs, every run a
/// posture of the list).
std::vector<DefenceOutcome> DefenceOutcomes(const std::vector<core::Posture>& postures,
                                            const std::vector<core::RunResult>& runs);

/// The outcome that stopped the data leaving in most runs; ties go to fewer desktops taken
/// from users, then to the posture listed first. nullopt when `outcomes` is empty.
std::optional<std::size_t> BestDefence(const std::vector<DefenceOutcome>& outcomes);

} // namespace reports
} // namespace segproof

#endif
