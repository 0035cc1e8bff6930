// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#include "seg-routing.h"

#include <limits>
#include <ns3/output-stream-wrapper.h>

namespace segproof
{
namespace sim
{

namespace
{
constexpr std::uint32_t kLocal = std::numeric_limits<std::uint32_t>::max();
}

ns3::TypeId
SegRouting::GetTypeId()
{
    static ns3::TypeId tid = ns3::TypeId("segproof::sim::SegRouting")
                                 .SetParent<ns3::Ipv4RoutingProtocol>()
                                 .SetGroupName("Segproof")
                                 .AddConstructor<SegRouting>();
    return tid;
}

void
SegRouting::AddHostRoute(std::uint32_t address, std::uint32_t oif, int segment)
{
    m_hostRoutes[address] = HostRoute{oif, segment};
}

void
SegRouting::AddNetworkRoute(std::uint32_t network, std::uint32_t mask, std::uint32_t oif)
{
    m_networkRoutes.push_back(NetworkRoute{network, mask, oif});
}

void
SegRouting::SetInterfaceSegment(std::uint32_t iif, int segment)
{
    if (m_ifSegment.size() <= iif)
    {
        m_ifSegment.resize(iif + 1, -1);
    }
    m_ifSegment[iif] = segment;
}

void
SegRouting::SetSegmentUplink(int segment, std::uint32_t oif)
{
    m_segmentUplink[segment] = oif;
}

std::uint32_t
SegRouting::OutIf(std::uint32_t dst, std::uint32_t iif) const
{
    auto route = m_hostRoutes.find(dst);
    if (m_role == Role::Host)
    {
        int ingress = iif < m_ifSegment.size() ? m_ifSegment[iif] : -1;
        if (route != m_hostRoutes.end() && (ingress < 0 || ingress == route->second.segment))
        {
            return route->second.oif;
        }
        int segment = ingress >= 0                  ? ingress
                      : route != m_hostRoutes.end() ? route->second.segment
                                                    : -1;
        auto up = m_segmentUplink.find(segment);
        if (up != m_segmentUplink.end())
        {
            return up->second;
        }
        return m_segmentUplink.empty() ? 0 : m_segmentUplink.begin()->second;
    }
    if (route != m_hostRoutes.end())
    {
        return route->second.oif;
    }
    for (const auto& n : m_networkRoutes)
    {
        if ((dst & n.mask) == n.network)
        {
            return n.oif;
        }
    }
    return m_defaultIf;
}

ns3::Ptr<ns3::Ipv4Route>
SegRouting::RouteVia(std::uint32_t oif, ns3::Ipv4Address dst)
{
    ns3::Ptr<ns3::Ipv4Route> r = ns3::Create<ns3::Ipv4Route>();
    r->SetOutputDevice(m_ipv4->GetNetDevice(oif));
    r->SetGateway(ns3::Ipv4Address::GetZero()); // point-to-point: no next hop needed
    r->SetSource(m_ipv4->GetAddress(oif, 0).GetLocal());
    r->SetDestination(dst);
    return r;
}

ns3::Ptr<ns3::Ipv4Route>
SegRouting::RouteOutput(ns3::Ptr<ns3::Packet> p, const ns3::Ipv4Header& header,
                        ns3::Ptr<ns3::NetDevice> /*oif*/, ns3::Socket::SocketErrno& sockerr)
{
    std::uint32_t o = OutIf(header.GetDestination().Get(), kLocal);
    if (o == 0)
    {
        sockerr = ns3::Socket::ERROR_NOROUTETOHOST;
        return nullptr;
    }
    // TCP and UDP are filtered at the L4 down-target, where their headers are complete.
    if (p && m_filter && header.GetProtocol() != 6 && header.GetProtocol() != 17)
    {
        // A raw socket leaves the source to the route (unset: 102.102.102.102 or any).
        ns3::Ipv4Header sent = header;
        if (m_ipv4->GetInterfaceForAddress(sent.GetSource()) < 0)
        {
            sent.SetSource(m_ipv4->GetAddress(o, 0).GetLocal());
        }
        if (!m_filter(Chain::Output, kLocal, o, p, sent))
        {
            sockerr = ns3::Socket::ERROR_NOROUTETOHOST; // like EPERM from an OUTPUT drop
            return nullptr;
        }
    }
    sockerr = ns3::Socket::ERROR_NOTERROR;
    return RouteVia(o, header.GetDestination());
}

bool
SegRouting::RouteInput(ns3::Ptr<const ns3::Packet> p, const ns3::Ipv4Header& header,
                       ns3::Ptr<const ns3::NetDevice> idev, UnicastForwardCallback ucb,
                       MulticastForwardCallback /*mcb*/, LocalDeliverCallback lcb,
                       ErrorCallback ecb)
{
    std::uint32_t iif = static_cast<std::uint32_t>(m_ipv4->GetInterfaceForDevice(idev));
    ns3::Ipv4Address dst = header.GetDestination();
    // A forwarding node holds only infrastructure addresses (240.0.0.0/4), and nothing is sent
    // to them: skip ns-3's address scan, which walks every interface (a host's vswitch has one
    // per VM) for every packet.
    bool mayBeLocal = m_role == Role::End || (dst.Get() >> 28) == 0xFU;
    if (mayBeLocal && m_ipv4->IsDestinationAddress(dst, iif))
    {
        if (m_filter && !m_filter(Chain::Input, iif, kLocal, p, header))
        {
            return true; // swallowed
        }
        if (m_responder && m_responder(p, header))
        {
            return true;
        }
        if (lcb.IsNull())
        {
            return false;
        }
        lcb(p, header, iif);
        return true;
    }
    if (m_role == Role::End)
    {
        return false;
    }
    std::uint32_t o = OutIf(dst.Get(), iif);
    if (o == 0 || o == iif)
    {
        ecb(p, header, ns3::Socket::ERROR_NOROUTETOHOST);
        return true;
    }
    if (m_filter && !m_filter(Chain::Forward, iif, o, p, header))
    {
        return true; // swallowed
    }
    ucb(RouteVia(o, dst), p, header);
    return true;
}

void
SegRouting::NotifyInterfaceUp(std::uint32_t /*interface*/)
{
}

void
SegRouting::NotifyInterfaceDown(std::uint32_t /*interface*/)
{
}

void
SegRouting::NotifyAddAddress(std::uint32_t /*interface*/, ns3::Ipv4InterfaceAddress /*address*/)
{
}

void
SegRouting::NotifyRemoveAddress(std::uint32_t /*interface*/, ns3::Ipv4InterfaceAddress /*address*/)
{
}

void
SegRouting::SetIpv4(ns3::Ptr<ns3::Ipv4> ipv4)
{
    m_ipv4 = ipv4;
}

void
SegRouting::PrintRoutingTable(ns3::Ptr<ns3::OutputStreamWrapper> stream,
                              ns3::Time::Unit /*unit*/) const
{
    *stream->GetStream() << "SegRouting: " << m_hostRoutes.size() << " host routes, "
                         << m_networkRoutes.size() << " network routes\n";
}

void
SegRouting::DoDispose()
{
    m_filter = nullptr;
    m_responder = nullptr;
    m_ipv4 = nullptr;
    ns3::Ipv4RoutingProtocol::DoDispose();
}

} // namespace sim
} // namespace segproof
