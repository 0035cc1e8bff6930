// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#include "estate.h"

#include <algorithm>

namespace segproof
{
namespace core
{

std::string
MachineKindName(MachineKind kind)
{
    return kind == MachineKind::Desktop ? "desktop" : "server";
}

bool
Machine::HasTag(const std::string& tag) const
{
    return std::find(tags.begin(), tags.end(), tag) != tags.end();
}

Estate::Estate(std::vector<Segment> segments, std::vector<Host> hosts,
               std::vector<Machine> machines, std::vector<External> externals)
    : m_segments(std::move(segments)), m_hosts(std::move(hosts)), m_machines(std::move(machines)),
      m_externals(std::move(externals))
{
    for (Index i = 0; i < static_cast<Index>(m_machines.size()); ++i)
    {
        m_machineByName.emplace(m_machines[i].name, i);
        m_machineByIp.emplace(m_machines[i].ip, i);
    }
    for (Index i = 0; i < static_cast<Index>(m_externals.size()); ++i)
    {
        m_externalByName.emplace(m_externals[i].name, i);
        m_externalByIp.emplace(m_externals[i].ip, i);
    }
    for (Index i = 0; i < static_cast<Index>(m_segments.size()); ++i)
    {
        m_segmentsByAddress.push_back(i);
    }
    std::sort(m_segmentsByAddress.begin(), m_segmentsByAddress.end(),
              [this](Index a, Index b)
              { return m_segments[a].cidr.First() < m_segments[b].cidr.First(); });
}

Index
Estate::FindMachine(const std::string& name) const
{
    auto it = m_machineByName.find(name);
    return it == m_machineByName.end() ? kNone : it->second;
}

Index
Estate::MachineAt(Ipv4Address ip) const
{
    auto it = m_machineByIp.find(ip);
    return it == m_machineByIp.end() ? kNone : it->second;
}

Index
Estate::SegmentOf(Ipv4Address ip) const
{
    // Segments do not overlap (the reader checks), so the candidate is the last one
    // starting at or below the address.
    auto it =
        std::upper_bound(m_segmentsByAddress.begin(), m_segmentsByAddress.end(), ip,
                         [this](Ipv4Address a, Index s) { return a < m_segments[s].cidr.First(); });
    if (it == m_segmentsByAddress.begin())
    {
        return kNone;
    }
    --it;
    return m_segments[*it].cidr.Contains(ip) ? *it : kNone;
}

Index
Estate::FindExternal(const std::string& name) const
{
    auto it = m_externalByName.find(name);
    return it == m_externalByName.end() ? kNone : it->second;
}

Index
Estate::ExternalAt(Ipv4Address ip) const
{
    auto it = m_externalByIp.find(ip);
    return it == m_externalByIp.end() ? kNone : it->second;
}

Endpoint
Estate::Resolve(Ipv4Address ip) const
{
    Endpoint endpoint;
    endpoint.machine = MachineAt(ip);
    if (endpoint.machine != kNone)
    {
        endpoint.kind = Endpoint::Kind::Machine;
        endpoint.segment = m_machines[endpoint.machine].segment;
        return endpoint;
    }
    endpoint.segment = SegmentOf(ip);
    if (endpoint.segment != kNone)
    {
        endpoint.kind = Endpoint::Kind::Rogue;
        return endpoint;
    }
    endpoint.kind = Endpoint::Kind::External;
    endpoint.external = ExternalAt(ip);
    return endpoint;
}

std::string
Estate::NameOf(Ipv4Address ip) const
{
    Index m = MachineAt(ip);
    if (m != kNone)
    {
        return m_machines[m].name;
    }
    Index e = ExternalAt(ip);
    if (e != kNone)
    {
        return m_externals[e].name;
    }
    return FormatIpv4(ip);
}

} // namespace core
} // namespace segproof
