// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#include "network-monitor.h"

#include "core/attack-model.h"
#include "sim/attacker/session-log.h"

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
                          ns3::MakeDoubleChecker<double>(0, 1))
            .AddAttribute("FalseAlarm",
                          "Probability of an alert on one benign connection the taps see",
                          ns3::DoubleValue(core::DefenceParameters{}.monitoringFalseAlarm),
                          ns3::MakeDoubleAccessor(&NetworkMonitor::m_falseAlarm),
                          ns3::MakeDoubleChecker<double>(0, 1));
    return tid;
}

NetworkMonitor::NetworkMonitor(const core::Estate& estate, const RandomStreams& streams,
                               AlertChain& alerts, IsAttack isAttack)
    : m_estate(estate), m_alerts(alerts), m_isAttack(std::move(isAttack)),
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
    core::Index source = m_estate.MachineAt(t.src);
    if (const SessionLog::Entry* session = SessionLog::Get().Find(t))
    {
        if (!m_judged.insert(session->header.session).second)
        {
            return; // its first leg was judged already (a relayed copy)
        }
        source = m_estate.MachineAt(session->flow.src);
    }
    bool attack = m_isAttack(t);
    if (RandomStreams::Uniform(m_rng) < (attack ? m_detectProbability : m_falseAlarm))
    {
        m_alerts.Raise(core::AlertSource::Monitoring, source, attack);
    }
}

} // namespace sim
} // namespace segproof
