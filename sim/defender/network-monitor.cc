// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#include "network-monitor.h"

#include "core/attack-model.h"

#include <ns3/double.h>

namespace segproof
{
namespace sim
{

namespace
{
constexpr std::uint8_t kTcpSyn = 0x02;
constexpr std::uint8_t kTcpAck = 0x10;
} // namespace

ns3::TypeId
NetworkMonitor::GetTypeId()
{
    static ns3::TypeId tid =
        ns3::TypeId("segproof::sim::NetworkMonitor")
            .SetParent<ns3::Object>()
            .SetGroupName("Segproof")
            .AddAttribute("DetectProbability",
                          "Probability of an alert on one attack connection the taps see",
                          ns3::DoubleValue(core::DefenceParameters{}.monitoringDetect),
                          ns3::MakeDoubleAccessor(&NetworkMonitor::m_detectProbability),
                          ns3::MakeDoubleChecker<double>(0, 1));
    return tid;
}

NetworkMonitor::NetworkMonitor(const core::Estate& estate, const RandomStreams& streams,
                               IsAttack isAttack)
    : m_estate(estate), m_isAttack(std::move(isAttack)),
      m_rng(streams.Stream(StreamPurpose::Monitoring, 0))
{
}

EstateHelper::Tap
NetworkMonitor::Tap()
{
    return [this](core::PointKind point, const FiveTuple& t) { OnTap(point, t); };
}

void
NetworkMonitor::OnTap(core::PointKind point, const FiveTuple& t)
{
    if (!t.hasPorts || t.proto != 6 || (t.tcpFlags & kTcpSyn) == 0 || (t.tcpFlags & kTcpAck) != 0)
    {
        return;
    }
    if (point != core::PointKind::Gateway && m_estate.SegmentOf(t.src) != core::kNone)
    {
        return;
    }
    if (m_isAttack(t) && RandomStreams::Uniform(m_rng) < m_detectProbability)
    {
        ++m_alerts;
    }
}

void
NetworkMonitor::Collect(core::RunResult& result) const
{
    result.alerts += m_alerts;
}

} // namespace sim
} // namespace segproof
