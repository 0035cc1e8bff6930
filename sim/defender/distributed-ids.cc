// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#include "distributed-ids.h"

#include "sim/attacker/session-log.h"

#include <ns3/boolean.h>
#include <ns3/double.h>

namespace segproof
{
namespace sim
{

ns3::TypeId
DistributedIds::GetTypeId()
{
    static ns3::TypeId tid =
        ns3::TypeId("segproof::sim::DistributedIds")
            .SetParent<ns3::Object>()
            .SetGroupName("Segproof")
            .AddAttribute(
                "Prevent", "Drop a recognised session at the vNIC (IPS)", ns3::BooleanValue(false),
                ns3::MakeBooleanAccessor(&DistributedIds::m_prevent), ns3::MakeBooleanChecker())
            .AddAttribute(
                "NewSample", "The signatures do not know the sample and its tools",
                ns3::BooleanValue(core::AttackParameters{}.sample == core::SampleKind::New),
                ns3::MakeBooleanAccessor(&DistributedIds::m_newSample), ns3::MakeBooleanChecker())
            .AddAttribute("FalseAlarm", "Probability of an alert on one benign session",
                          ns3::DoubleValue(core::DefenceParameters{}.idsFalseAlarm),
                          ns3::MakeDoubleAccessor(&DistributedIds::m_falseAlarm),
                          ns3::MakeDoubleChecker<double>(0, 1));
    return tid;
}

DistributedIds::DistributedIds(const core::Estate& estate, const RandomStreams& streams,
                               AlertChain& alerts, const core::IdsRates& known,
                               const core::IdsRates& fresh)
    : m_estate(estate), m_alerts(alerts), m_known(known), m_new(fresh),
      m_rng(streams.Stream(StreamPurpose::Ids, 0))
{
}

EstateHelper::VnicInspector
DistributedIds::Inspector()
{
    return [this](const FiveTuple& t) { return Inspect(t); };
}

bool
DistributedIds::Inspect(const FiveTuple& t)
{
    const SessionLog::Entry* session = SessionLog::Get().Find(t);
    if (!session)
    {
        return true; // no payload to inspect (the worm's raw probes, RSTs of closed ports)
    }
    auto judged = m_dropped.find(session->header.session);
    if (judged != m_dropped.end())
    {
        return !judged->second;
    }
    if (t.payloadBytes == 0 || t.src != session->flow.src)
    {
        return true; // the handshake: nothing to recognise yet
    }
    double p = 0;
    if (session->header.signature)
    {
        const core::IdsRates& rates = m_newSample ? m_new : m_known;
        p = rates[static_cast<std::size_t>(*session->header.signature)];
    }
    else if (session->flow.benign)
    {
        p = m_falseAlarm;
    }
    bool recognised = p > 0 && RandomStreams::Uniform(m_rng) < p;
    bool drop = recognised && m_prevent;
    m_dropped[session->header.session] = drop;
    if (recognised)
    {
        m_prevented += drop ? 1 : 0;
        m_alerts.Raise(core::AlertSource::Ids, m_estate.MachineAt(session->flow.src),
                       !session->flow.benign);
    }
    return !drop;
}

void
DistributedIds::Collect(core::RunResult& result) const
{
    result.idsPrevented += m_prevented;
}

} // namespace sim
} // namespace segproof
