// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#include "blocked-attempt-detector.h"

#include "core/attack-model.h"

#include <algorithm>
#include <ns3/double.h>
#include <ns3/simulator.h>
#include <ns3/tcp-header.h>
#include <ns3/uinteger.h>

namespace segproof
{
namespace sim
{

ns3::TypeId
BlockedAttemptDetector::GetTypeId()
{
    static const core::DefenceParameters defaults; // core's defaults are the attributes' defaults
    static ns3::TypeId tid =
        ns3::TypeId("segproof::sim::BlockedAttemptDetector")
            .SetParent<ns3::Object>()
            .SetGroupName("Segproof")
            .AddAttribute("Threshold", "Blocked attempts of one VM that raise an alert",
                          ns3::UintegerValue(defaults.patternThreshold),
                          ns3::MakeUintegerAccessor(&BlockedAttemptDetector::m_threshold),
                          ns3::MakeUintegerChecker<std::uint32_t>(1))
            .AddAttribute("Window", "Seconds within which they must fall",
                          ns3::DoubleValue(defaults.patternWindow_s),
                          ns3::MakeDoubleAccessor(&BlockedAttemptDetector::m_window_s),
                          ns3::MakeDoubleChecker<double>(0));
    return tid;
}

BlockedAttemptDetector::BlockedAttemptDetector(const core::Estate& estate, AlertChain& alerts,
                                               IsAttack isAttack)
    : m_estate(estate), m_alerts(alerts), m_isAttack(std::move(isAttack))
{
}

std::function<void(const FiveTuple&)>
BlockedAttemptDetector::Watch()
{
    return [this](const FiveTuple& t) { OnBlock(t); };
}

void
BlockedAttemptDetector::OnBlock(const FiveTuple& t)
{
    // An attempt opens a connection: a TCP SYN (not a SYN-ACK), any UDP or ICMP packet.
    if (t.proto == 6 &&
        ((t.tcpFlags & ns3::TcpHeader::SYN) == 0 || (t.tcpFlags & ns3::TcpHeader::ACK) != 0))
    {
        return;
    }
    core::Index source = m_estate.MachineAt(t.src);
    if (source == core::kNone)
    {
        return;
    }
    double now = ns3::Simulator::Now().GetSeconds();
    auto quiet = m_alertedAt.find(source);
    if (quiet != m_alertedAt.end() && now < quiet->second + m_window_s)
    {
        return; // one alert per VM and window: the same pattern is not raised again
    }
    std::deque<Attempt>& recent = m_recent[source];
    while (!recent.empty() && recent.front().time_s < now - m_window_s)
    {
        recent.pop_front();
    }
    if (std::any_of(recent.begin(), recent.end(), [&t](const Attempt& a) { return a.tuple == t; }))
    {
        return; // the same attempt again (a retransmission)
    }
    recent.push_back({t, now, m_isAttack(t)});
    if (recent.size() < m_threshold)
    {
        return;
    }
    bool attack =
        std::any_of(recent.begin(), recent.end(), [](const Attempt& a) { return a.attack; });
    recent.clear();
    m_alertedAt[source] = now;
    m_alerts.Raise(core::AlertSource::Pattern, source, attack);
}

} // namespace sim
} // namespace segproof
