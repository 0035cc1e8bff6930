// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#include "quarantine.h"

#include "core/attack-model.h"

#include <ns3/double.h>
#include <ns3/simulator.h>
#include <ns3/string.h>

namespace segproof
{
namespace sim
{

ns3::TypeId
Quarantine::GetTypeId()
{
    static const core::DefenceParameters defaults; // core's defaults are the attributes' defaults
    static ns3::TypeId tid =
        ns3::TypeId("segproof::sim::Quarantine")
            .SetParent<ns3::Object>()
            .SetGroupName("Segproof")
            .AddAttribute("Tag", "The tag a detected machine gets (NSX scope|tag)",
                          ns3::StringValue(defaults.quarantineTag),
                          ns3::MakeStringAccessor(&Quarantine::m_tag), ns3::MakeStringChecker())
            .AddAttribute("Reaction", "Seconds from detection to the tag taking effect",
                          ns3::DoubleValue(defaults.quarantineReaction_s),
                          ns3::MakeDoubleAccessor(&Quarantine::m_reaction_s),
                          ns3::MakeDoubleChecker<double>(0));
    return tid;
}

Quarantine::Quarantine(EstateHelper& estate, const InfectionState& state)
    : m_estate(estate), m_state(state)
{
}

void
Quarantine::OnAlert(core::Index machine, std::uint8_t source)
{
    if (source < m_sources.size() && m_sources[source] && m_alerted.insert(machine).second)
    {
        ns3::Simulator::Schedule(ns3::Seconds(m_reaction_s), &Quarantine::Isolate, this, machine);
    }
}

void
Quarantine::Isolate(core::Index machine)
{
    if (m_estate.TagMachine(machine, m_tag).empty())
    {
        return; // the tag changed no rule: nothing isolated
    }
    ++m_quarantined;
    if (m_state.IsInfected(machine))
    {
        if (!m_firstInfected_s)
        {
            m_firstInfected_s = ns3::Simulator::Now().GetSeconds();
        }
        return;
    }
    ++m_wrongly;
    if (m_estate.GetScenario().GetEstate().Machines()[static_cast<std::size_t>(machine)].kind ==
        core::MachineKind::Desktop)
    {
        ++m_desktopsTaken;
    }
}

void
Quarantine::Collect(core::RunResult& result) const
{
    result.quarantined += m_quarantined;
    result.wronglyQuarantined += m_wrongly;
    result.desktopsTakenFromUsers += m_desktopsTaken;
    result.timeToQuarantine_s = m_firstInfected_s;
}

} // namespace sim
} // namespace segproof
