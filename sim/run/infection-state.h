// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#ifndef SEGPROOF_SIM_RUN_INFECTION_STATE_H
#define SEGPROOF_SIM_RUN_INFECTION_STATE_H

#include "core/estate.h"
#include "core/simulation-result.h"

#include <cstdint>
#include <ns3/object.h>
#include <ns3/traced-callback.h>
#include <vector>

namespace segproof
{
namespace sim
{

/// Which machines run the malware: the ground truth of one run, that the attacker's moves
/// change and the defence acts on (docs/attack-model.md). Trace sources:
/// - "Infection" (core::Index machine, bool phished): a machine starts running the malware;
///   the sinks run in the order they were connected, so a run connects them in one place
///   (AttackRun): the malware, then the defence, then the attacker's next move;
/// - "Removal" (core::Index machine): AV/EDR took the malware off a machine.
class InfectionState : public ns3::Object
{
public:
    /// ns-3 type registration.
    static ns3::TypeId GetTypeId();
    /// Signature of the "Infection" trace source.
    using InfectionCallback = void (*)(core::Index machine, bool phished);
    /// Signature of the "Removal" trace source.
    using RemovalCallback = void (*)(core::Index machine);

    /// `takeable[i]`: the attack's moves can take machine i (a phished mail infects any
    /// machine). The estate must outlive the state.
    InfectionState(const core::Estate& estate, const std::vector<bool>& takeable);

    /// Infects the machine if it can be: a susceptible one by any means, one the moves cannot
    /// take only by a phished mail, never one infected already or cleaned. True when it was.
    bool Infect(core::Index machine, bool phished);
    /// The malware is taken off the machine: it no longer counts as infected, and never will
    /// again in this run. The machine must be infected.
    void Remove(core::Index machine);

    /// Runs the malware now.
    bool IsInfected(core::Index machine) const;
    /// Can still be taken by the attack's moves.
    bool IsSusceptible(core::Index machine) const;
    /// The machines the moves can still take, in no particular order that callers may rely on
    /// beyond its being the same in every run of the same settings.
    const std::vector<core::Index>& Susceptible() const { return m_susceptible; }
    /// Machines running the malware now.
    std::uint32_t InfectedNow() const { return m_infectedNow; }

    /// Fills the infection counts and lists of `result`.
    void Collect(core::RunResult& result) const;

private:
    enum class State
    {
        Susceptible,
        Infected,
        Removed, ///< AV/EDR took the malware off: immune for the rest of the run
        Immune,  ///< out of the moves' reach (another OS, or the worm's exploit fails there)
    };

    const core::Estate& m_estate;
    std::vector<State> m_state;
    std::vector<core::Index> m_susceptible;         ///< machines still to take
    std::vector<std::size_t> m_susceptiblePosition; ///< by machine: its place in m_susceptible
    std::uint32_t m_infectedNow = 0;
    std::uint32_t m_everInfected = 0;
    std::uint32_t m_everInfectedDesktops = 0;
    std::uint32_t m_phished = 0;
    std::vector<std::int32_t> m_infectedMachines;
    std::vector<std::int32_t> m_phishedMachines;
    ns3::TracedCallback<core::Index, bool> m_infection;
    ns3::TracedCallback<core::Index> m_removal;
};

} // namespace sim
} // namespace segproof

#endif
