// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#include "infection-sampler.h"

#include <ns3/double.h>
#include <ns3/simulator.h>

namespace segproof
{
namespace sim
{

ns3::TypeId
InfectionSampler::GetTypeId()
{
    static ns3::TypeId tid =
        ns3::TypeId("segproof::sim::InfectionSampler")
            .SetParent<ns3::Object>()
            .SetGroupName("Segproof")
            .AddAttribute("Interval", "Seconds between two samples", ns3::DoubleValue(60),
                          ns3::MakeDoubleAccessor(&InfectionSampler::m_interval_s),
                          ns3::MakeDoubleChecker<double>(0))
            .AddAttribute("Duration", "Seconds of the run: the last sample is at or before it",
                          ns3::DoubleValue(8 * 3600.0),
                          ns3::MakeDoubleAccessor(&InfectionSampler::m_duration_s),
                          ns3::MakeDoubleChecker<double>(0));
    return tid;
}

InfectionSampler::InfectionSampler(const InfectionState& state) : m_state(state)
{
}

void
InfectionSampler::Start()
{
    ns3::Simulator::ScheduleNow(&InfectionSampler::Sample, this);
}

void
InfectionSampler::Sample()
{
    double now = ns3::Simulator::Now().GetSeconds();
    m_series.emplace_back(now, m_state.InfectedNow());
    if (now + m_interval_s <= m_duration_s + 1e-9)
    {
        ns3::Simulator::Schedule(ns3::Seconds(m_interval_s), &InfectionSampler::Sample, this);
    }
}

void
InfectionSampler::Collect(core::RunResult& result) const
{
    result.infectedSeries = m_series;
}

} // namespace sim
} // namespace segproof
