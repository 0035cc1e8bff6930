// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#include "connection-probe.h"

#include "sim/estate/estate-helper.h"
#include "sim/estate/five-tuple.h"

#include <ns3/config.h>
#include <ns3/double.h>
#include <ns3/icmpv4.h>
#include <ns3/inet-socket-address.h>
#include <ns3/ipv4-l3-protocol.h>
#include <ns3/ipv4-raw-socket-factory.h>
#include <ns3/simulator.h>
#include <ns3/socket.h>
#include <ns3/tcp-socket-factory.h>
#include <ns3/udp-socket-factory.h>
#include <ns3/uinteger.h>
#include <set>
#include <tuple>

namespace segproof
{
namespace sim
{

namespace
{
/// Attempts start this far apart in simulated time (a successful handshake takes < 1 ms).
const ns3::Time kSlot = ns3::MilliSeconds(2);
const ns3::Time kFirst = ns3::MilliSeconds(10);
/// Time after the last start for blocked TCP attempts to give up (ConnTimeout x ConnCount).
const ns3::Time kDrain = ns3::Seconds(1);
/// An attempt whose fixed source port is still held by an earlier socket waits and retries.
const ns3::Time kRetry = ns3::MilliSeconds(50);
constexpr int kMaxRetries = 60;
/// Attempts are scheduled in batches, each at least this long before its first start, so
/// that the event queue holds a window of attempts instead of all of them. The lead is far
/// longer than any delay the stack schedules (TCP timers, retries), so every start is still
/// queued before any other event for the same time, as when all were scheduled up front.
const ns3::Time kLead = ns3::Seconds(100);

constexpr std::uint8_t kTcp = 6;
constexpr std::uint8_t kUdp = 17;
constexpr std::uint8_t kIcmp = 1;

bool
IsEcho(std::uint8_t type)
{
    return type == ns3::Icmpv4Header::ICMPV4_ECHO || type == ns3::Icmpv4Header::ICMPV4_ECHO_REPLY;
}

ns3::Ptr<ns3::Packet>
IndexPayload(std::size_t index)
{
    std::uint8_t bytes[4] = {
        static_cast<std::uint8_t>(index >> 24), static_cast<std::uint8_t>(index >> 16),
        static_cast<std::uint8_t>(index >> 8), static_cast<std::uint8_t>(index)};
    return ns3::Create<ns3::Packet>(bytes, 4);
}

std::size_t
PayloadIndex(ns3::Ptr<ns3::Packet> p)
{
    std::uint8_t bytes[4] = {0, 0, 0, 0};
    p->CopyData(bytes, 4);
    return (std::size_t{bytes[0]} << 24) | (std::size_t{bytes[1]} << 16) |
           (std::size_t{bytes[2]} << 8) | bytes[3];
}
} // namespace

struct ConnectionProbe::Impl
{
    Impl(const core::Scenario& s, const core::Posture& p) : scenario(s), posture(p) {}

    using RawKey = std::tuple<std::uint32_t, std::uint32_t, std::uint8_t, std::uint8_t>;

    const core::Scenario& scenario;
    core::Posture posture;
    std::optional<std::size_t> hostOffBefore;
    DropCounts drops;
    std::vector<core::Connection> attempts;
    std::vector<bool> delivered;
    std::unique_ptr<EstateHelper> estate;
    std::map<std::pair<std::uint32_t, std::uint16_t>, ns3::Ptr<ns3::Socket>> tcpListeners;
    std::map<std::pair<std::uint32_t, std::uint16_t>, ns3::Ptr<ns3::Socket>> udpSinks;
    std::map<RawKey, std::size_t> rawStarted; ///< the latest raw attempt with that key
    std::map<std::size_t, int> retries;
    std::map<RawKey, std::size_t> portZeroStarted; ///< TCP / UDP attempts to port 0

    /// Binds a client socket to the attempt's source port (0: ephemeral); on a port still
    /// held by an earlier socket, schedules the attempt again and returns false.
    bool BindClient(std::size_t i, ns3::Ptr<ns3::Socket> client)
    {
        const core::Connection& c = attempts[i];
        int bound =
            c.sourcePort == 0
                ? client->Bind()
                : client->Bind(ns3::InetSocketAddress(ns3::Ipv4Address(c.source), c.sourcePort));
        if (bound == 0)
        {
            return true;
        }
        client->Close();
        if (++retries[i] <= kMaxRetries)
        {
            ns3::Simulator::Schedule(kRetry, &Impl::Start, this, i);
        }
        return false;
    }

    void Start(std::size_t i);
    void StartTcp(std::size_t i, ns3::Ptr<ns3::Node> src, ns3::Ptr<ns3::Node> dst);
    void StartUdp(std::size_t i, ns3::Ptr<ns3::Node> src, ns3::Ptr<ns3::Node> dst);
    void StartRaw(std::size_t i, ns3::Ptr<ns3::Node> src);

    ns3::Time StartTime(std::size_t i) const
    {
        return kFirst + kSlot * static_cast<std::int64_t>(i);
    }

    /// Schedules the attempts from `first` that start within kLead (plus one batch) of now,
    /// then itself again kLead before the next one.
    void Feed(std::size_t first);

    // Client sockets are held only by the stack: the TCP one until it is closed after its
    // outcome (connected, refused, timed out), the UDP and raw ones are closed after sending.
    void OnConnected(std::size_t i, ns3::Ptr<ns3::Socket> s)
    {
        delivered[i] = true;
        s->Close();
    }

    void OnClientFailed(std::size_t /*i*/, ns3::Ptr<ns3::Socket> /*s*/) {}

    void OnFailed(ns3::Ptr<ns3::Socket> /*s*/) {}

    void OnAccept(ns3::Ptr<ns3::Socket> s, const ns3::Address& /*from*/)
    {
        s->SetCloseCallbacks(ns3::MakeCallback(&Impl::OnPeerClosed, this),
                             ns3::MakeCallback(&Impl::OnFailed, this));
    }

    void OnPeerClosed(ns3::Ptr<ns3::Socket> s) { s->Close(); }

    void OnUdp(ns3::Ptr<ns3::Socket> s)
    {
        while (ns3::Ptr<ns3::Packet> p = s->Recv())
        {
            std::size_t i = PayloadIndex(p);
            if (i < delivered.size())
            {
                delivered[i] = true;
            }
        }
    }

    void OnLocalDeliver(const ns3::Ipv4Header& h, ns3::Ptr<const ns3::Packet> p,
                        std::uint32_t /*iif*/)
    {
        std::uint8_t proto = h.GetProtocol();
        if (proto == kTcp || proto == kUdp)
        {
            // Port 0 takes no listener: an attempt to it succeeds when delivered to the node.
            FiveTuple t = ParseL4(p, h);
            auto it = portZeroStarted.find({t.src, t.dst, proto, 0});
            if (t.hasPorts && t.dport == 0 && it != portZeroStarted.end())
            {
                delivered[it->second] = true;
            }
            return;
        }
        std::uint8_t type = 0;
        std::optional<std::size_t> echoIndex;
        if (proto == kIcmp)
        {
            ns3::Ptr<ns3::Packet> copy = p->Copy();
            ns3::Icmpv4Header icmp;
            copy->RemoveHeader(icmp);
            type = icmp.GetType();
            if (IsEcho(type) && copy->GetSize() >= 4)
            {
                ns3::Icmpv4Echo echo;
                copy->PeekHeader(echo);
                echoIndex = std::size_t{echo.GetIdentifier()} |
                            (std::size_t{echo.GetSequenceNumber()} << 16);
            }
        }
        auto it = rawStarted.find({h.GetSource().Get(), h.GetDestination().Get(), proto, type});
        // An echo carries its attempt's index, so a reply to another attempt's request is
        // not mistaken for an echo-reply attempt.
        if (it != rawStarted.end() && (!echoIndex || *echoIndex == it->second))
        {
            delivered[it->second] = true;
        }
    }
};

void
ConnectionProbe::Impl::Feed(std::size_t first)
{
    ns3::Time now = ns3::Simulator::Now();
    std::size_t i = first;
    for (; i < attempts.size() && StartTime(i) < now + kLead + kLead; ++i)
    {
        ns3::Time at = StartTime(i);
        ns3::Simulator::Schedule(at - now, &Impl::Start, this, i);
        if (hostOffBefore && *hostOffBefore == i)
        {
            EstateHelper* e = estate.get();
            ns3::Simulator::Schedule(at - kSlot / 2 - now,
                                     [e]() { e->SetHostFirewallEnabled(false); });
        }
    }
    if (i < attempts.size())
    {
        ns3::Simulator::Schedule(StartTime(i) - kLead - now, &Impl::Feed, this, i);
    }
}

void
ConnectionProbe::Impl::Start(std::size_t i)
{
    const core::Connection& c = attempts[i];
    ns3::Ptr<ns3::Node> src = estate->NodeOf(c.source);
    ns3::Ptr<ns3::Node> dst = estate->NodeOf(c.destination);
    if (!src || !dst)
    {
        return; // not a machine or named external: nothing to send from or to
    }
    if (c.protocol == kTcp)
    {
        StartTcp(i, src, dst);
    }
    else if (c.protocol == kUdp)
    {
        StartUdp(i, src, dst);
    }
    else
    {
        StartRaw(i, src);
    }
}

void
ConnectionProbe::Impl::StartTcp(std::size_t i, ns3::Ptr<ns3::Node> src, ns3::Ptr<ns3::Node> dst)
{
    const core::Connection& c = attempts[i];
    auto key = std::make_pair(dst->GetId(), c.destinationPort);
    if (c.destinationPort == 0)
    {
        portZeroStarted[{c.source, c.destination, c.protocol, 0}] = i;
    }
    else if (tcpListeners.find(key) == tcpListeners.end())
    {
        ns3::Ptr<ns3::Socket> listener =
            ns3::Socket::CreateSocket(dst, ns3::TcpSocketFactory::GetTypeId());
        listener->Bind(ns3::InetSocketAddress(ns3::Ipv4Address::GetAny(), c.destinationPort));
        listener->Listen();
        listener->SetAcceptCallback(
            ns3::MakeNullCallback<bool, ns3::Ptr<ns3::Socket>, const ns3::Address&>(),
            ns3::MakeCallback(&Impl::OnAccept, this));
        tcpListeners[key] = listener;
    }
    ns3::Ptr<ns3::Socket> client =
        ns3::Socket::CreateSocket(src, ns3::TcpSocketFactory::GetTypeId());
    if (!BindClient(i, client))
    {
        return;
    }
    client->SetConnectCallback(ns3::MakeCallback(&Impl::OnConnected, this).Bind(i),
                               ns3::MakeCallback(&Impl::OnClientFailed, this).Bind(i));
    client->Connect(ns3::InetSocketAddress(ns3::Ipv4Address(c.destination), c.destinationPort));
}

void
ConnectionProbe::Impl::StartUdp(std::size_t i, ns3::Ptr<ns3::Node> src, ns3::Ptr<ns3::Node> dst)
{
    const core::Connection& c = attempts[i];
    auto key = std::make_pair(dst->GetId(), c.destinationPort);
    if (c.destinationPort == 0)
    {
        portZeroStarted[{c.source, c.destination, c.protocol, 0}] = i;
    }
    else if (udpSinks.find(key) == udpSinks.end())
    {
        ns3::Ptr<ns3::Socket> sink =
            ns3::Socket::CreateSocket(dst, ns3::UdpSocketFactory::GetTypeId());
        sink->Bind(ns3::InetSocketAddress(ns3::Ipv4Address::GetAny(), c.destinationPort));
        sink->SetRecvCallback(ns3::MakeCallback(&Impl::OnUdp, this));
        udpSinks[key] = sink;
    }
    ns3::Ptr<ns3::Socket> client =
        ns3::Socket::CreateSocket(src, ns3::UdpSocketFactory::GetTypeId());
    if (!BindClient(i, client))
    {
        return;
    }
    client->SendTo(IndexPayload(i), 0,
                   ns3::InetSocketAddress(ns3::Ipv4Address(c.destination), c.destinationPort));
    client->Close();
}

void
ConnectionProbe::Impl::StartRaw(std::size_t i, ns3::Ptr<ns3::Node> src)
{
    const core::Connection& c = attempts[i];
    ns3::Ptr<ns3::Packet> p;
    std::uint8_t type = 0;
    if (c.protocol == kIcmp)
    {
        type = c.icmpType;
        if (type == ns3::Icmpv4Header::ICMPV4_DEST_UNREACH ||
            type == ns3::Icmpv4Header::ICMPV4_TIME_EXCEEDED)
        {
            // A well-formed error body about an unknown protocol, so the receiver's ICMP
            // layer parses it and finds no one to tell.
            ns3::Ipv4Header inner;
            inner.SetSource(ns3::Ipv4Address(c.destination));
            inner.SetDestination(ns3::Ipv4Address(c.source));
            inner.SetProtocol(255);
            std::uint8_t data[8] = {};
            ns3::Icmpv4DestinationUnreachable body;
            body.SetHeader(inner);
            body.SetData(ns3::Create<ns3::Packet>(data, 8));
            p = ns3::Create<ns3::Packet>();
            p->AddHeader(body);
        }
        else
        {
            ns3::Icmpv4Echo echo; // the identifier tells attempts apart in conntrack
            echo.SetIdentifier(static_cast<std::uint16_t>(i));
            echo.SetSequenceNumber(static_cast<std::uint16_t>(i >> 16));
            p = ns3::Create<ns3::Packet>();
            p->AddHeader(echo);
        }
        ns3::Icmpv4Header icmp;
        icmp.SetType(type);
        icmp.SetCode(0);
        p->AddHeader(icmp);
    }
    else
    {
        p = IndexPayload(i);
    }
    rawStarted[{c.source, c.destination, c.protocol, type}] = i;
    ns3::Ptr<ns3::Socket> raw =
        ns3::Socket::CreateSocket(src, ns3::Ipv4RawSocketFactory::GetTypeId());
    raw->SetAttribute("Protocol", ns3::UintegerValue(c.protocol));
    raw->SendTo(p, 0, ns3::InetSocketAddress(ns3::Ipv4Address(c.destination), 0));
    raw->Close(); // sent synchronously; an open raw socket would copy every packet of its
                  // protocol delivered to the node until the end of the run
}

ConnectionProbe::ConnectionProbe(const core::Scenario& scenario, const core::Posture& posture)
    : m_impl(std::make_unique<Impl>(scenario, posture))
{
}

ConnectionProbe::~ConnectionProbe() = default;

void
ConnectionProbe::SwitchHostFirewallOffBefore(std::size_t index)
{
    m_impl->hostOffBefore = index;
}

std::vector<bool>
ConnectionProbe::Run(const std::vector<core::Connection>& attempts)
{
    Impl& d = *m_impl;
    d.attempts = attempts;
    d.delivered.assign(attempts.size(), false);

    // Blocked attempts give up quickly; closed sockets leave TIME_WAIT quickly.
    ns3::Config::SetDefault("ns3::TcpSocket::ConnTimeout", ns3::TimeValue(ns3::MilliSeconds(20)));
    ns3::Config::SetDefault("ns3::TcpSocket::ConnCount", ns3::UintegerValue(1));
    ns3::Config::SetDefault("ns3::TcpSocket::SegmentSize", ns3::UintegerValue(1448));
    ns3::Config::SetDefault("ns3::TcpSocketBase::MaxSegLifetime", ns3::DoubleValue(0.01));

    // Nobody logs on during a probe: under the identity firewall the `idfw: true` rules are in
    // force and AD-group sources match no machine (what `matrix` computes, too).
    d.estate = std::make_unique<EstateHelper>(d.scenario, d.posture);
    // Addresses no machine or external holds (rogue devices, internet hosts) get a node.
    const core::Estate& estate = d.scenario.GetEstate();
    std::set<core::Ipv4Address> standIns;
    for (const core::Connection& c : attempts)
    {
        for (core::Ipv4Address address : {c.source, c.destination})
        {
            if (estate.MachineAt(address) == core::kNone &&
                estate.ExternalAt(address) == core::kNone)
            {
                standIns.insert(address);
            }
        }
    }
    for (core::Ipv4Address address : standIns)
    {
        d.estate->AddStandIn(address);
    }
    d.estate->Install();
    auto watch = [&d](core::Ipv4Address address)
    {
        ns3::Ptr<ns3::Node> node = d.estate->NodeOf(address);
        node->GetObject<ns3::Ipv4L3Protocol>()->TraceConnectWithoutContext(
            "LocalDeliver", ns3::MakeCallback(&Impl::OnLocalDeliver, &d));
    };
    for (const auto& m : d.scenario.GetEstate().Machines())
    {
        watch(m.ip);
    }
    for (const auto& e : d.scenario.GetEstate().Externals())
    {
        watch(e.ip);
    }
    for (core::Ipv4Address address : standIns)
    {
        watch(address);
    }

    d.Feed(0);
    ns3::Simulator::Stop(kFirst + kSlot * static_cast<std::int64_t>(attempts.size()) + kDrain +
                         kRetry * kMaxRetries);
    ns3::Simulator::Run();

    d.drops = d.estate->Drops();
    d.tcpListeners.clear();
    d.udpSinks.clear();
    d.retries.clear();
    d.rawStarted.clear();
    d.portZeroStarted.clear();
    ns3::Simulator::Destroy();
    d.estate.reset();
    return d.delivered;
}

const std::map<std::pair<core::PointKind, std::string>, std::uint64_t>&
ConnectionProbe::Drops() const
{
    return m_impl->drops;
}

} // namespace sim
} // namespace segproof
