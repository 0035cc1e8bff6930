// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#include "infection-state.h"

#include <ns3/trace-source-accessor.h>

namespace segproof
{
namespace sim
{

ns3::TypeId
InfectionState::GetTypeId()
{
    static ns3::TypeId tid =
        ns3::TypeId("segproof::sim::InfectionState")
            .SetParent<ns3::Object>()
            .SetGroupName("Segproof")
            .AddTraceSource("Infection", "A machine starts running the malware (machine, phished)",
                            ns3::MakeTraceSourceAccessor(&InfectionState::m_infection),
                            "segproof::sim::InfectionState::InfectionCallback")
            .AddTraceSource("Removal", "AV/EDR took the malware off a machine (machine)",
                            ns3::MakeTraceSourceAccessor(&InfectionState::m_removal),
                            "segproof::sim::InfectionState::RemovalCallback");
    return tid;
}

InfectionState::InfectionState(const core::Estate& estate, const std::vector<bool>& takeable)
    : m_estate(estate)
{
    const std::size_t machines = estate.Machines().size();
    m_state.assign(machines, State::Susceptible);
    m_susceptiblePosition.assign(machines, 0);
    for (std::size_t i = 0; i < machines; ++i)
    {
        if (!takeable[i])
        {
            m_state[i] = State::Immune;
            continue;
        }
        m_susceptiblePosition[i] = m_susceptible.size();
        m_susceptible.push_back(static_cast<core::Index>(i));
    }
}

bool
InfectionState::Infect(core::Index machine, bool phished)
{
    auto i = static_cast<std::size_t>(machine);
    if (m_state[i] != State::Susceptible && !(phished && m_state[i] == State::Immune))
    {
        return false;
    }
    if (m_state[i] == State::Susceptible)
    {
        // Swap-remove from the list of machines still to take.
        std::size_t at = m_susceptiblePosition[i];
        core::Index last = m_susceptible.back();
        m_susceptible[at] = last;
        m_susceptiblePosition[static_cast<std::size_t>(last)] = at;
        m_susceptible.pop_back();
    }
    m_state[i] = State::Infected;
    ++m_infectedNow;
    ++m_everInfected;
    m_everInfectedDesktops += m_estate.Machines()[i].kind == core::MachineKind::Desktop ? 1 : 0;
    m_phished += phished ? 1 : 0;
    m_infectedMachines.push_back(machine);
    if (phished)
    {
        m_phishedMachines.push_back(machine);
    }
    m_infection(machine, phished);
    return true;
}

void
InfectionState::Remove(core::Index machine)
{
    m_state[static_cast<std::size_t>(machine)] = State::Removed;
    --m_infectedNow;
    m_removal(machine);
}

bool
InfectionState::IsInfected(core::Index machine) const
{
    return m_state[static_cast<std::size_t>(machine)] == State::Infected;
}

bool
InfectionState::IsSusceptible(core::Index machine) const
{
    return m_state[static_cast<std::size_t>(machine)] == State::Susceptible;
}

void
InfectionState::Collect(core::RunResult& result) const
{
    result.everInfected = m_everInfected;
    result.everInfectedDesktops = m_everInfectedDesktops;
    result.phished = m_phished;
    result.infectedMachines = m_infectedMachines;
    result.phishedMachines = m_phishedMachines;
}

} // namespace sim
} // namespace segproof
