// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#include "stateful-firewall.h"

#include <ns3/simulator.h>
#include <ns3/tcp-header.h>

namespace segproof
{
namespace sim
{

namespace
{
/// Flows with ports (TCP, UDP, ICMP echo with its identifier) stay tracked for the run.
const ns3::Time kFlowTimeout = ns3::Seconds(3600);
/// Flows without anything to tell two attempts apart (other protocols, ICMP other than echo)
/// expire quickly, so that a later attempt in the reverse direction is judged afresh.
const ns3::Time kPortlessTimeout = ns3::MilliSeconds(1);

bool
Portless(const FiveTuple& t)
{
    return !t.hasPorts && !(t.proto == 1 && (t.icmpType == 0 || t.icmpType == 8));
}
} // namespace

StatefulFirewall::StatefulFirewall(const core::Firewall& firewall, DecisionLog& log,
                                   std::string where)
    : m_firewall(firewall), m_log(log), m_where(std::move(where))
{
}

bool
StatefulFirewall::Tracked(const FiveTuple& tuple) const
{
    ns3::Time now = ns3::Simulator::Now();
    for (const FiveTuple& key : {tuple, tuple.Reverse()})
    {
        auto it = m_conntrack.find(key);
        if (it != m_conntrack.end() && it->second >= now)
        {
            return true;
        }
    }
    return false;
}

core::Action
StatefulFirewall::Check(const FiveTuple& tuple, core::PointKind point, core::Side side,
                        std::optional<core::Ipv4Address> evaluating)
{
    if (!m_enabled || Tracked(tuple))
    {
        return core::Action::Allow;
    }
    core::FirstMatch match =
        core::EvaluateFirewall(m_firewall, tuple.ToConnection(), side, evaluating);
    if (match.rule && match.rule->logged)
    {
        ++m_log.loggedHits[match.rule->id][m_where];
    }
    if (match.action == core::Action::Allow)
    {
        // Only a TCP SYN opens a TCP connection; any UDP / ICMP / other packet opens a flow.
        if (tuple.proto != 6 || (tuple.tcpFlags & ns3::TcpHeader::SYN))
        {
            m_conntrack[tuple] =
                ns3::Simulator::Now() + (Portless(tuple) ? kPortlessTimeout : kFlowTimeout);
        }
        return core::Action::Allow;
    }
    ++m_log.drops[{point, match.rule ? match.rule->id : "default"}];
    if ((point == core::PointKind::DfwOut || point == core::PointKind::DfwIn) && m_log.onDfwBlock)
    {
        m_log.onDfwBlock(tuple);
    }
    return match.action == core::Action::Reject ? core::Action::Reject : core::Action::Drop;
}

} // namespace sim
} // namespace segproof
