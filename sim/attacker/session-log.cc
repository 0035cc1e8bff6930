// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#include "session-log.h"

#include "message-stream.h"

namespace segproof
{
namespace sim
{

SessionLog&
SessionLog::Get()
{
    static SessionLog log;
    return log;
}

void
SessionLog::Open(const MessageHeader& header, std::uint32_t src, std::uint16_t sport,
                 std::uint32_t dst, std::uint16_t dport, double now_s)
{
    Entry& e = m_open[ClientKey(src, sport)];
    e.header = header;
    e.flow = FlowRecord{};
    e.flow.src = src;
    e.flow.sport = sport;
    e.flow.dst = dst;
    e.flow.dport = dport;
    e.flow.start_s = now_s;
    e.flow.benign = header.kind == MessageKind::Benign;
}

void
SessionLog::Close(std::uint32_t src, std::uint16_t sport, std::uint64_t bytesOut,
                  std::uint64_t bytesIn, bool completed, double now_s)
{
    auto it = m_open.find(ClientKey(src, sport));
    if (it == m_open.end())
    {
        return;
    }
    if (m_recording)
    {
        FlowRecord flow = it->second.flow;
        flow.bytesOut = bytesOut;
        flow.bytesIn = bytesIn;
        flow.completed = completed;
        flow.end_s = now_s;
        m_flows.push_back(flow);
    }
    m_open.erase(it);
}

const SessionLog::Entry*
SessionLog::Find(const FiveTuple& t) const
{
    if (t.proto != 6 || !t.hasPorts)
    {
        return nullptr;
    }
    auto it = m_open.find(ClientKey(t.src, t.sport));
    if (it != m_open.end() && it->second.flow.dst == t.dst && it->second.flow.dport == t.dport)
    {
        return &it->second;
    }
    it = m_open.find(ClientKey(t.dst, t.dport));
    if (it != m_open.end() && it->second.flow.dst == t.src && it->second.flow.dport == t.sport)
    {
        return &it->second;
    }
    return nullptr;
}

void
SessionLog::Clear()
{
    m_open.clear();
    m_flows.clear();
    m_lastSession = 0;
    m_recording = false;
}

} // namespace sim
} // namespace segproof
