// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#include "alert-chain.h"

#include <ns3/simulator.h>
#include <ns3/trace-source-accessor.h>

namespace segproof
{
namespace sim
{

ns3::TypeId
AlertChain::GetTypeId()
{
    static ns3::TypeId tid =
        ns3::TypeId("segproof::sim::AlertChain")
            .SetParent<ns3::Object>()
            .SetGroupName("Segproof")
            .AddTraceSource("Alert", "An alert on a machine, true or false (machine, source)",
                            ns3::MakeTraceSourceAccessor(&AlertChain::m_alert),
                            "segproof::sim::AlertChain::AlertCallback");
    return tid;
}

void
AlertChain::Raise(core::AlertSource source, core::Index machine, bool onAttack)
{
    auto i = static_cast<std::size_t>(source);
    if (onAttack)
    {
        ++m_true[i];
        if (!m_first_s)
        {
            m_first_s = ns3::Simulator::Now().GetSeconds();
            m_firstSource = source;
        }
    }
    else
    {
        ++m_false[i];
    }
    if (machine != core::kNone)
    {
        m_alert(machine, static_cast<std::uint8_t>(source));
    }
}

void
AlertChain::OnAntivirusDetection(core::Index machine)
{
    Raise(core::AlertSource::Antivirus, machine, true);
}

void
AlertChain::Collect(core::RunResult& result) const
{
    for (std::size_t i = 0; i < m_true.size(); ++i)
    {
        result.alertsBySource[i] += m_true[i];
        result.falseAlarmsBySource[i] += m_false[i];
        result.alerts += m_true[i] + m_false[i];
    }
    result.timeToFirstAlert_s = m_first_s;
    if (m_firstSource)
    {
        result.firstAlertSource = static_cast<std::uint8_t>(*m_firstSource);
    }
}

} // namespace sim
} // namespace segproof
