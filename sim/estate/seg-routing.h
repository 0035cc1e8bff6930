// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#ifndef SEGPROOF_SIM_SEG_ROUTING_H
#define SEGPROOF_SIM_SEG_ROUTING_H

#include <cstdint>
#include <functional>
#include <ns3/ipv4-routing-protocol.h>
#include <ns3/ipv4.h>
#include <unordered_map>
#include <vector>

namespace segproof
{
namespace sim
{

/// Where a packet is when a filter sees it.
enum class Chain
{
    Input,   ///< delivered to this node
    Forward, ///< forwarded by this node (iif and oif known)
    Output,  ///< originated here by a raw socket (not TCP / UDP: those use the L4 hook)
};

/// The estate's routing on point-to-point links (docs/simulator-design.md): exact host routes,
/// segment prefixes and a default per node, O(1) lookups, no precomputation. On a hypervisor
/// host, a packet is handed to a local VM only if it came in on that VM's segment, so the host
/// never switches between segments. Also the hook of the enforcement points (Filter).
class SegRouting : public ns3::Ipv4RoutingProtocol
{
public:
    /// What the node does with packets not addressed to it.
    enum class Role
    {
        End,    ///< machine or external: never forwards
        Host,   ///< hypervisor vswitch: segment-aware
        Router, ///< segment node, gateway, perimeter, internet
    };

    /// Returns true to let the packet pass; false swallows it (the filter sent any reject).
    using Filter = std::function<bool(Chain, std::uint32_t iif, std::uint32_t oif,
                                      ns3::Ptr<const ns3::Packet>, const ns3::Ipv4Header&)>;

    /// ns-3 type registration.
    static ns3::TypeId GetTypeId();

    /// Sets the node's role (default End).
    void SetRole(Role role) { m_role = role; }
    /// Sends packets for `address` out of `oif`; `segment` is the VM's segment on a host.
    void AddHostRoute(std::uint32_t address, std::uint32_t oif, int segment = -1);
    /// Sends packets for the prefix out of `oif` (checked in insertion order).
    void AddNetworkRoute(std::uint32_t network, std::uint32_t mask, std::uint32_t oif);
    /// Everything else goes out of `oif`.
    void SetDefaultInterface(std::uint32_t oif) { m_defaultIf = oif; }
    /// Host: the segment of the traffic entering on `iif`.
    void SetInterfaceSegment(std::uint32_t iif, int segment);
    /// Host: the uplink towards the node of `segment`.
    void SetSegmentUplink(int segment, std::uint32_t oif);
    /// Installs the enforcement hook (may be empty).
    void SetFilter(Filter filter) { m_filter = std::move(filter); }

    /// Answers a packet delivered to this node after the filter let it in; returns true when
    /// it consumed the packet (the stack never sees it).
    using Responder = std::function<bool(ns3::Ptr<const ns3::Packet>, const ns3::Ipv4Header&)>;
    /// Installs the local responder (may be empty).
    void SetResponder(Responder responder) { m_responder = std::move(responder); }

    ns3::Ptr<ns3::Ipv4Route> RouteOutput(ns3::Ptr<ns3::Packet> p, const ns3::Ipv4Header& header,
                                         ns3::Ptr<ns3::NetDevice> oif,
                                         ns3::Socket::SocketErrno& sockerr) override;
    bool RouteInput(ns3::Ptr<const ns3::Packet> p, const ns3::Ipv4Header& header,
                    ns3::Ptr<const ns3::NetDevice> idev, UnicastForwardCallback ucb,
                    MulticastForwardCallback mcb, LocalDeliverCallback lcb,
                    ErrorCallback ecb) override;
    void NotifyInterfaceUp(std::uint32_t interface) override;
    void NotifyInterfaceDown(std::uint32_t interface) override;
    void NotifyAddAddress(std::uint32_t interface, ns3::Ipv4InterfaceAddress address) override;
    void NotifyRemoveAddress(std::uint32_t interface, ns3::Ipv4InterfaceAddress address) override;
    void SetIpv4(ns3::Ptr<ns3::Ipv4> ipv4) override;
    void PrintRoutingTable(ns3::Ptr<ns3::OutputStreamWrapper> stream,
                           ns3::Time::Unit unit) const override;

protected:
    void DoDispose() override;

private:
    struct HostRoute
    {
        std::uint32_t oif = 0;
        int segment = -1;
    };
    struct NetworkRoute
    {
        std::uint32_t network = 0;
        std::uint32_t mask = 0;
        std::uint32_t oif = 0;
    };

    /// The output interface for `dst` arriving on `iif` (UINT32_MAX: local origin); 0 = none.
    std::uint32_t OutIf(std::uint32_t dst, std::uint32_t iif) const;
    ns3::Ptr<ns3::Ipv4Route> RouteVia(std::uint32_t oif, ns3::Ipv4Address dst);

    Role m_role = Role::End;
    std::unordered_map<std::uint32_t, HostRoute> m_hostRoutes;
    std::vector<NetworkRoute> m_networkRoutes;
    std::uint32_t m_defaultIf = 0;
    std::vector<int> m_ifSegment;
    std::unordered_map<int, std::uint32_t> m_segmentUplink;
    Filter m_filter;
    Responder m_responder;
    ns3::Ptr<ns3::Ipv4> m_ipv4;
};

} // namespace sim
} // namespace segproof

#endif
