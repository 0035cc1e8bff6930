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

Quarantine::Quarantine(EstateHelper& estate) : m_estate(estate)
{
}

void
Quarantine::OnDetection(core::Index machine)
{
    std::string tag = m_tag;
    ns3::Simulator::Schedule(ns3::Seconds(m_reaction_s),
                             [this, machine, tag]()
                             {
                                 if (!m_estate.TagMachine(machine, tag).empty())
                                 {
                                     ++m_quarantined;
                                 }
                             });
}

void
Quarantine::Collect(core::RunResult& result) const
{
    result.quarantined += m_quarantined;
}

} // namespace sim
} // namespace segproof
