// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#include "five-tuple.h"

#include <algorithm>
#include <functional>
#include <ns3/icmpv4.h>
#include <ns3/tcp-header.h>
#include <ns3/udp-header.h>
#include <utility>

namespace segproof
{
namespace sim
{

FiveTuple
FiveTuple::Reverse() const
{
    FiveTuple r = *this;
    std::swap(r.src, r.dst);
    std::swap(r.sport, r.dport);
    return r;
}

bool
FiveTuple::operator==(const FiveTuple& other) const
{
    return src == other.src && dst == other.dst && sport == other.sport && dport == other.dport &&
           proto == other.proto;
}

core::Connection
FiveTuple::ToConnection() const
{
    core::Connection c;
    c.source = src;
    c.destination = dst;
    c.protocol = proto;
    if (hasPorts)
    {
        c.sourcePort = sport;
        c.destinationPort = dport;
    }
    if (proto == static_cast<std::uint8_t>(core::Protocol::Icmp))
    {
        c.icmpType = icmpType;
    }
    return c;
}

std::size_t
FiveTupleHash::operator()(const FiveTuple& t) const
{
    std::uint64_t a = (std::uint64_t{t.src} << 32) | t.dst;
    std::uint64_t b = (std::uint64_t{t.sport} << 24) | (std::uint64_t{t.dport} << 8) | t.proto;
    return std::hash<std::uint64_t>()((a * 0x9E3779B97F4A7C15ULL) ^ b);
}

FiveTuple
ParseL4(ns3::Ptr<const ns3::Packet> l4, const ns3::Ipv4Header& ip)
{
    FiveTuple t;
    t.src = ip.GetSource().Get();
    t.dst = ip.GetDestination().Get();
    t.proto = ip.GetProtocol();
    if (!l4 || ip.GetFragmentOffset() != 0)
    {
        return t; // a non-first fragment carries no L4 header
    }
    if (t.proto == 6 && l4->GetSize() >= 20)
    {
        ns3::TcpHeader th;
        l4->PeekHeader(th);
        t.sport = th.GetSourcePort();
        t.dport = th.GetDestinationPort();
        t.tcpFlags = th.GetFlags();
        t.hasPorts = true;
        t.payloadBytes = l4->GetSize() - std::min(l4->GetSize(), th.GetSerializedSize());
    }
    else if (t.proto == 17 && l4->GetSize() >= 8)
    {
        ns3::UdpHeader uh;
        l4->PeekHeader(uh);
        t.sport = uh.GetSourcePort();
        t.dport = uh.GetDestinationPort();
        t.hasPorts = true;
    }
    else if (t.proto == 1 && l4->GetSize() >= 4)
    {
        ns3::Ptr<ns3::Packet> copy = l4->Copy();
        ns3::Icmpv4Header ih;
        copy->RemoveHeader(ih);
        t.icmpType = ih.GetType();
        if ((t.icmpType == ns3::Icmpv4Header::ICMPV4_ECHO ||
             t.icmpType == ns3::Icmpv4Header::ICMPV4_ECHO_REPLY) &&
            copy->GetSize() >= 4)
        {
            ns3::Icmpv4Echo echo;
            copy->PeekHeader(echo);
            t.sport = echo.GetIdentifier();
            t.dport = echo.GetIdentifier();
        }
    }
    return t;
}

} // namespace sim
} // namespace segproof
