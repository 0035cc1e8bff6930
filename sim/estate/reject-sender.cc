// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#include "reject-sender.h"

#include <ns3/icmpv4.h>
#include <ns3/ipv4-l3-protocol.h>
#include <ns3/tcp-header.h>

namespace segproof
{
namespace sim
{

void
SendReject(ns3::Ptr<ns3::Node> node, const ns3::Ipv4Header& ip, ns3::Ptr<const ns3::Packet> l4,
           const FiveTuple& tuple)
{
    ns3::Ptr<ns3::Ipv4L3Protocol> l3 = node->GetObject<ns3::Ipv4L3Protocol>();
    if (tuple.proto == 6 && tuple.hasPorts)
    {
        if (tuple.tcpFlags & ns3::TcpHeader::RST)
        {
            return;
        }
        ns3::TcpHeader orig;
        l4->PeekHeader(orig);
        ns3::TcpHeader rst;
        rst.SetSourcePort(tuple.dport);
        rst.SetDestinationPort(tuple.sport);
        rst.SetFlags(ns3::TcpHeader::RST);
        rst.SetSequenceNumber(ns3::SequenceNumber32(0));
        std::uint32_t len = l4->GetSize() - orig.GetSerializedSize();
        rst.SetAckNumber(orig.GetSequenceNumber() + len +
                         ((tuple.tcpFlags & ns3::TcpHeader::SYN) ? 1 : 0));
        ns3::Ptr<ns3::Packet> p = ns3::Create<ns3::Packet>();
        p->AddHeader(rst);
        l3->Send(p, ip.GetDestination(), ip.GetSource(), 6, nullptr);
        return;
    }
    if (tuple.proto == 1 && tuple.icmpType == ns3::Icmpv4Header::ICMPV4_DEST_UNREACH)
    {
        return; // never answer an error with an error
    }
    ns3::Ptr<ns3::Packet> p = ns3::Create<ns3::Packet>();
    ns3::Icmpv4DestinationUnreachable unreachable;
    unreachable.SetHeader(ip);
    unreachable.SetData(l4);
    p->AddHeader(unreachable);
    ns3::Icmpv4Header icmp;
    icmp.SetType(ns3::Icmpv4Header::ICMPV4_DEST_UNREACH);
    icmp.SetCode(13);
    p->AddHeader(icmp);
    ns3::Ipv4Header h;
    h.SetDestination(ip.GetSource());
    h.SetProtocol(1);
    ns3::Socket::SocketErrno err;
    // A null packet: the route without passing the node's own filters.
    ns3::Ptr<ns3::Ipv4Route> route =
        l3->GetRoutingProtocol()->RouteOutput(nullptr, h, nullptr, err);
    if (route)
    {
        l3->Send(p, route->GetSource(), ip.GetSource(), 1, route);
    }
}

} // namespace sim
} // namespace segproof
