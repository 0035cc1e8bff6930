// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
// bench_sim: what segproof's ns-3 simulator costs (docs/benchmarks.md).
//
// 1. Cost per packet of one fixed TCP workload on three models of the same estate, in the same
//    run: the bare ns-3 model (EstateHelper, no firewall), segproof's model (EstateHelper with
//    every firewall in force) and a naive bridged CSMA LAN (Ipv4AddressHelper, queue discs,
//    static routes). Ratios against the bare model (goal: segproof at most 1.5x).
// 2. The attack: one run per posture of the seed scenario (benign traffic on), the cost of the
//    detectors at the vNIC (microseg with and without them, same run), then the Monte Carlo
//    campaign (the 5 brochure postures x N runs, 2 workers) against its 120 s target.
// 3. --enterprise: enterprise-10k, one 8 h run: targeted under flat without and with benign
//    traffic (2 min; 3 min, 4 GB), under microseg without and with the detectors (at most
//    +10 %), and the worm (10 min).
// Figures are printed, never asserted. Every measurement runs in a forked child, so that its
// peak RSS (wait4) and ns-3's process-wide singletons are its own.
//
// This benchmark includes sim/ internal headers (estate-helper.h): it measures the internals.

#include "core/concrete-evaluator.h"
#include "formats/scenario/scenario-reader.h"
#include "sim/estate/estate-helper.h"
#include "sim/run/attack-simulation.h"
#include "sim/run/campaign.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <functional>
#include <iostream>
#include <map>
#include <memory>
#include <ns3/bridge-helper.h>
#include <ns3/config.h>
#include <ns3/csma-helper.h>
#include <ns3/double.h>
#include <ns3/inet-socket-address.h>
#include <ns3/internet-stack-helper.h>
#include <ns3/ipv4-address-helper.h>
#include <ns3/ipv4-l3-protocol.h>
#include <ns3/ipv4-static-routing-helper.h>
#include <ns3/point-to-point-helper.h>
#include <ns3/rng-seed-manager.h>
#include <ns3/simulator.h>
#include <ns3/socket.h>
#include <ns3/string.h>
#include <ns3/tcp-socket-factory.h>
#include <ns3/uinteger.h>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <unordered_set>
#include <vector>

namespace
{
using namespace segproof;
using Clock = std::chrono::steady_clock;

/// What the attack simulation uses (sim/run/attack-simulation.cc): 64 KB segments on the links.
constexpr std::uint16_t kMtu = 65535;
constexpr std::uint32_t kSegmentSize = 65000;
/// CsmaNetDevice caps the frame (MTU + 18 bytes of DIX header and trailer) at 65535.
constexpr std::uint16_t kCsmaMtu = 65500;

double
Since(Clock::time_point start)
{
    return std::chrono::duration<double>(Clock::now() - start).count();
}

// ---------------------------------------------------------------------------------------
// Forked measurements

/// A child's figures and its peak RSS.
struct Figures
{
    std::vector<double> values;
    double peakRss_mb = 0;
    bool ok = false;
};

/// Runs `work` in a forked child and returns what it returned, with the child's peak RSS
/// (its own and its reaped children's, as wait4 reports it).
Figures
InChild(const std::function<std::vector<double>()>& work)
{
    int fds[2];
    if (pipe(fds) != 0)
    {
        throw std::runtime_error("pipe failed");
    }
    std::cout.flush();
    std::cerr.flush();
    pid_t pid = fork();
    if (pid < 0)
    {
        throw std::runtime_error("fork failed");
    }
    if (pid == 0)
    {
        close(fds[0]);
        int code = 0;
        std::string text;
        try
        {
            for (double v : work())
            {
                char buffer[64];
                std::snprintf(buffer, sizeof buffer, "%.17g ", v);
                text += buffer;
            }
        }
        catch (const std::exception& e)
        {
            std::cerr << "bench_sim: measurement failed: " << e.what() << "\n";
            code = 1;
        }
        const char* p = text.data();
        std::size_t left = text.size();
        while (left > 0)
        {
            ssize_t n = write(fds[1], p, left);
            if (n <= 0)
            {
                break;
            }
            p += n;
            left -= static_cast<std::size_t>(n);
        }
        close(fds[1]);
        std::cout.flush();
        std::cerr.flush();
        _exit(code);
    }
    close(fds[1]);
    std::string text;
    char buffer[4096];
    ssize_t n;
    while ((n = read(fds[0], buffer, sizeof buffer)) > 0)
    {
        text.append(buffer, static_cast<std::size_t>(n));
    }
    close(fds[0]);
    int status = 0;
    rusage usage{};
    wait4(pid, &status, 0, &usage);
    Figures figures;
    figures.ok = WIFEXITED(status) && WEXITSTATUS(status) == 0;
    figures.peakRss_mb = static_cast<double>(usage.ru_maxrss) / 1024.0;
    std::istringstream in(text);
    double v;
    while (in >> v)
    {
        figures.values.push_back(v);
    }
    return figures;
}

// ---------------------------------------------------------------------------------------
// Workload: K TCP sessions of B bytes, desktop -> server, on a port the policy allows.

struct Session
{
    core::Index source = 0;
    core::Ipv4Address destination = 0;
    std::uint16_t port = 0;
    double start_s = 0;
};

struct Workload
{
    std::vector<Session> sessions;
    std::uint32_t bytes = 0;
    double stop_s = 0;
};

/// Seeded-random sessions from desktops to servers on the servers' single-port TCP services,
/// keeping only those core's reference semantics delivers under `enforced`: then every model
/// carries exactly the same packets and the firewalls only evaluate and track them.
Workload
MakeWorkload(const core::Scenario& scenario, const core::Posture& enforced, std::size_t count,
             std::uint32_t bytes, double spacing_s)
{
    const auto& machines = scenario.GetEstate().Machines();
    std::vector<core::Index> desktops;
    std::vector<std::pair<core::Index, std::uint16_t>> services;
    for (std::size_t i = 0; i < machines.size(); ++i)
    {
        const core::Machine& m = machines[i];
        if (m.kind == core::MachineKind::Desktop)
        {
            desktops.push_back(static_cast<core::Index>(i));
            continue;
        }
        std::set<std::uint16_t> ports;
        for (const core::ServiceEntry& e : m.listens.entries)
        {
            if (!e.anyProtocol && e.protocol == static_cast<std::uint8_t>(core::Protocol::Tcp) &&
                e.destinationPorts.first == e.destinationPorts.last)
            {
                ports.insert(static_cast<std::uint16_t>(e.destinationPorts.first));
            }
        }
        for (std::uint16_t port : ports)
        {
            services.emplace_back(static_cast<core::Index>(i), port);
        }
    }
    if (desktops.empty() || services.empty())
    {
        throw std::runtime_error("the estate needs desktops and servers listening on TCP");
    }
    core::ConcreteEvaluator evaluator(scenario);
    std::mt19937_64 rng(20240601);
    Workload w;
    w.bytes = bytes;
    for (std::size_t k = 0; k < count; ++k)
    {
        bool found = false;
        for (int attempt = 0; attempt < 10000 && !found; ++attempt)
        {
            core::Index d = desktops[rng() % desktops.size()];
            auto [server, port] = services[rng() % services.size()];
            core::Connection c;
            c.source = machines[static_cast<std::size_t>(d)].ip;
            c.destination = machines[static_cast<std::size_t>(server)].ip;
            c.protocol = static_cast<std::uint8_t>(core::Protocol::Tcp);
            c.sourcePort = 49152;
            c.destinationPort = port;
            if (evaluator.Evaluate(c, enforced).delivered)
            {
                w.sessions.push_back({d, c.destination, port, 0.1 + spacing_s * double(k)});
                found = true;
            }
        }
        if (!found)
        {
            throw std::runtime_error("no desktop-to-server session the policy allows");
        }
    }
    w.stop_s = w.sessions.back().start_s + 30;
    return w;
}

/// The workload's state inside one simulation.
struct Traffic
{
    std::uint32_t bytes = 0;
    std::vector<std::uint32_t> sent;
    std::uint64_t received = 0;
    std::uint64_t connected = 0;
    std::uint64_t failed = 0;
    std::uint64_t packets = 0;
};

void
ClientSend(Traffic* t, std::size_t i, ns3::Ptr<ns3::Socket> s, std::uint32_t)
{
    while (t->sent[i] < t->bytes)
    {
        std::uint32_t n = std::min(t->bytes - t->sent[i], s->GetTxAvailable());
        if (n == 0)
        {
            return;
        }
        int r = s->Send(ns3::Create<ns3::Packet>(n));
        if (r <= 0)
        {
            return;
        }
        t->sent[i] += static_cast<std::uint32_t>(r);
    }
    s->SetSendCallback(ns3::MakeNullCallback<void, ns3::Ptr<ns3::Socket>, std::uint32_t>());
    s->Close();
}

void
ClientConnected(Traffic* t, std::size_t i, ns3::Ptr<ns3::Socket> s)
{
    ++t->connected;
    s->SetSendCallback(ns3::MakeBoundCallback(&ClientSend, t, i));
    ClientSend(t, i, s, s->GetTxAvailable());
}

void
ClientFailed(Traffic* t, std::size_t, ns3::Ptr<ns3::Socket>)
{
    ++t->failed;
}

void
StartClient(Traffic* t, std::size_t i, ns3::Ptr<ns3::Node> node, core::Ipv4Address destination,
            std::uint16_t port)
{
    ns3::Ptr<ns3::Socket> s = ns3::Socket::CreateSocket(node, ns3::TcpSocketFactory::GetTypeId());
    s->Bind();
    s->SetConnectCallback(ns3::MakeBoundCallback(&ClientConnected, t, i),
                          ns3::MakeBoundCallback(&ClientFailed, t, i));
    s->Connect(ns3::InetSocketAddress(ns3::Ipv4Address(destination), port));
}

void
ServerReceive(Traffic* t, ns3::Ptr<ns3::Socket> s)
{
    ns3::Ptr<ns3::Packet> p;
    while ((p = s->Recv()))
    {
        t->received += p->GetSize();
    }
}

void
ServerPeerClosed(ns3::Ptr<ns3::Socket> s)
{
    s->Close();
}

void
ServerAccepted(Traffic* t, ns3::Ptr<ns3::Socket> s, const ns3::Address&)
{
    s->SetRecvCallback(ns3::MakeBoundCallback(&ServerReceive, t));
    s->SetCloseCallbacks(ns3::MakeCallback(&ServerPeerClosed),
                         ns3::MakeNullCallback<void, ns3::Ptr<ns3::Socket>>());
}

void
CountPacket(std::uint64_t* packets, const ns3::Ipv4Header&, ns3::Ptr<const ns3::Packet>,
            std::uint32_t)
{
    ++*packets;
}

/// Listeners on the destinations, clients scheduled at their start, and the packet counter
/// (IPv4 packets originated by machines, as core::RunResult::packets counts them).
void
InstallTraffic(const core::Scenario& scenario, const Workload& w, Traffic& t,
               const std::function<ns3::Ptr<ns3::Node>(core::Index)>& machineNode,
               const std::function<ns3::Ptr<ns3::Node>(core::Ipv4Address)>& nodeOf)
{
    t.bytes = w.bytes;
    t.sent.assign(w.sessions.size(), 0);
    std::set<std::pair<core::Ipv4Address, std::uint16_t>> listening;
    for (std::size_t i = 0; i < w.sessions.size(); ++i)
    {
        const Session& s = w.sessions[i];
        if (listening.insert({s.destination, s.port}).second)
        {
            ns3::Ptr<ns3::Socket> l = ns3::Socket::CreateSocket(nodeOf(s.destination),
                                                                ns3::TcpSocketFactory::GetTypeId());
            l->Bind(ns3::InetSocketAddress(ns3::Ipv4Address::GetAny(), s.port));
            l->Listen();
            l->SetAcceptCallback(
                ns3::MakeNullCallback<bool, ns3::Ptr<ns3::Socket>, const ns3::Address&>(),
                ns3::MakeBoundCallback(&ServerAccepted, &t));
        }
        ns3::Simulator::Schedule(ns3::Seconds(s.start_s), &StartClient, &t, i,
                                 machineNode(s.source), s.destination, s.port);
    }
    for (std::size_t i = 0; i < scenario.GetEstate().Machines().size(); ++i)
    {
        machineNode(static_cast<core::Index>(i))
            ->GetObject<ns3::Ipv4L3Protocol>()
            ->TraceConnectWithoutContext("SendOutgoing",
                                         ns3::MakeBoundCallback(&CountPacket, &t.packets));
    }
}

// ---------------------------------------------------------------------------------------
// The naive model: what an ns-3 user would write for "the same machines on bridged LANs".

/// Per (host, segment) one CSMA LAN holding the host's VMs of that segment and a port of the
/// host; the host bridges it (BridgeNetDevice) to the segment's backbone CSMA LAN, which also
/// holds the segment's physical machines and the gateway router. Addresses from
/// Ipv4AddressHelper (hence the default pfifo_fast queue disc on every addressed device),
/// ARP on, static routes (machines: default via the gateway; gateway, perimeter, internet as
/// in the p2p model). IPv4 only, like segproof's model.
class BridgedLan
{
public:
    explicit BridgedLan(const core::Scenario& scenario) : m_scenario(scenario) {}

    void Install();

    ns3::Ptr<ns3::Node> MachineNode(core::Index i) const
    {
        return m_machines.Get(static_cast<std::uint32_t>(i));
    }

    ns3::Ptr<ns3::Node> NodeOf(core::Ipv4Address ip) const
    {
        auto it = m_nodeByAddress.find(ip);
        return it == m_nodeByAddress.end() ? nullptr : it->second;
    }

private:
    const core::Scenario& m_scenario;
    ns3::NodeContainer m_machines;
    std::map<core::Ipv4Address, ns3::Ptr<ns3::Node>> m_nodeByAddress;
};

std::uint32_t
MaskOf(int prefixLength)
{
    return prefixLength == 0 ? 0U : 0xFFFFFFFFU << (32 - prefixLength);
}

/// Address without Ipv4AddressHelper, for the /32 ends of the external links.
std::uint32_t
AddAddress(ns3::Ptr<ns3::NetDevice> device, std::uint32_t address)
{
    ns3::Ptr<ns3::Ipv4> ipv4 = device->GetNode()->GetObject<ns3::Ipv4>();
    std::uint32_t i = ipv4->AddInterface(device);
    ipv4->AddAddress(
        i, ns3::Ipv4InterfaceAddress(ns3::Ipv4Address(address), ns3::Ipv4Mask(0xFFFFFFFFU)));
    ipv4->SetUp(i);
    return i;
}

void
BridgedLan::Install()
{
    const core::Estate& estate = m_scenario.GetEstate();
    const auto& machines = estate.Machines();
    const auto& segments = estate.Segments();
    m_machines.Create(static_cast<std::uint32_t>(machines.size()));
    ns3::NodeContainer hosts;
    hosts.Create(static_cast<std::uint32_t>(estate.Hosts().size()));
    ns3::NodeContainer externals;
    externals.Create(static_cast<std::uint32_t>(estate.Externals().size()));
    ns3::NodeContainer edge;
    edge.Create(3);
    ns3::Ptr<ns3::Node> gateway = edge.Get(0);
    ns3::Ptr<ns3::Node> perimeter = edge.Get(1);
    ns3::Ptr<ns3::Node> internet = edge.Get(2);

    ns3::InternetStackHelper stack;
    stack.SetIpv6StackInstall(false);
    ns3::Ipv4StaticRoutingHelper staticRouting;
    stack.SetRoutingHelper(staticRouting);
    stack.Install(ns3::NodeContainer(m_machines, externals, edge)); // hosts: pure L2 bridges
    auto routes = [&staticRouting](ns3::Ptr<ns3::Node> n)
    { return staticRouting.GetStaticRouting(n->GetObject<ns3::Ipv4>()); };

    ns3::CsmaHelper csma;
    csma.SetChannelAttribute("DataRate", ns3::StringValue("10Gbps"));
    csma.SetChannelAttribute("Delay", ns3::StringValue("10us"));
    csma.SetDeviceAttribute("Mtu", ns3::UintegerValue(kCsmaMtu));
    ns3::Ipv4AddressHelper addresses;

    // The gateway's address on each segment: the highest one no machine uses.
    std::unordered_set<core::Ipv4Address> used;
    for (const core::Machine& m : machines)
    {
        used.insert(m.ip);
    }
    std::vector<core::Ipv4Address> gatewayAddress(segments.size());
    for (std::size_t s = 0; s < segments.size(); ++s)
    {
        std::uint32_t mask = MaskOf(segments[s].cidr.prefixLength);
        core::Ipv4Address a = (segments[s].cidr.network | ~mask) - 1;
        while (used.count(a) && a > segments[s].cidr.network + 1)
        {
            --a;
        }
        gatewayAddress[s] = a;
    }
    auto assign = [&](ns3::Ptr<ns3::NetDevice> device, core::Ipv4Address ip, std::size_t s)
    {
        std::uint32_t mask = MaskOf(segments[s].cidr.prefixLength);
        addresses.SetBase(ns3::Ipv4Address(segments[s].cidr.network), ns3::Ipv4Mask(mask),
                          ns3::Ipv4Address(ip & ~mask));
        addresses.Assign(ns3::NetDeviceContainer(device));
    };

    std::map<std::pair<core::Index, core::Index>, std::vector<core::Index>> vmsByHostSegment;
    std::vector<std::vector<core::Index>> physicalBySegment(segments.size());
    for (std::size_t i = 0; i < machines.size(); ++i)
    {
        const core::Machine& m = machines[i];
        m_nodeByAddress[m.ip] = m_machines.Get(static_cast<std::uint32_t>(i));
        if (m.host != core::kNone)
        {
            vmsByHostSegment[{m.host, m.segment}].push_back(static_cast<core::Index>(i));
        }
        else
        {
            physicalBySegment[static_cast<std::size_t>(m.segment)].push_back(
                static_cast<core::Index>(i));
        }
    }
    // Access LANs; remember each host's access port per segment.
    std::vector<std::vector<std::pair<core::Index, ns3::Ptr<ns3::NetDevice>>>> accessPorts(
        segments.size());
    for (const auto& [key, vms] : vmsByHostSegment)
    {
        ns3::NodeContainer lan;
        for (core::Index vm : vms)
        {
            lan.Add(m_machines.Get(static_cast<std::uint32_t>(vm)));
        }
        lan.Add(hosts.Get(static_cast<std::uint32_t>(key.first)));
        ns3::NetDeviceContainer devices = csma.Install(lan);
        for (std::size_t k = 0; k < vms.size(); ++k)
        {
            assign(devices.Get(static_cast<std::uint32_t>(k)),
                   machines[static_cast<std::size_t>(vms[k])].ip,
                   static_cast<std::size_t>(key.second));
        }
        accessPorts[static_cast<std::size_t>(key.second)].emplace_back(
            key.first, devices.Get(devices.GetN() - 1));
    }
    // Backbone per segment: host uplinks, physical machines, the gateway.
    ns3::BridgeHelper bridge;
    for (std::size_t s = 0; s < segments.size(); ++s)
    {
        ns3::NodeContainer lan;
        for (const auto& [host, port] : accessPorts[s])
        {
            lan.Add(hosts.Get(static_cast<std::uint32_t>(host)));
        }
        for (core::Index m : physicalBySegment[s])
        {
            lan.Add(m_machines.Get(static_cast<std::uint32_t>(m)));
        }
        lan.Add(gateway);
        ns3::NetDeviceContainer devices = csma.Install(lan);
        std::uint32_t k = 0;
        for (const auto& [host, port] : accessPorts[s])
        {
            ns3::NetDeviceContainer ports;
            ports.Add(port);
            ports.Add(devices.Get(k++));
            bridge.Install(hosts.Get(static_cast<std::uint32_t>(host)), ports);
        }
        for (core::Index m : physicalBySegment[s])
        {
            assign(devices.Get(k++), machines[static_cast<std::size_t>(m)].ip, s);
        }
        assign(devices.Get(k), gatewayAddress[s], s);
    }
    for (std::size_t i = 0; i < machines.size(); ++i)
    {
        routes(m_machines.Get(static_cast<std::uint32_t>(i)))
            ->SetDefaultRoute(
                ns3::Ipv4Address(gatewayAddress[static_cast<std::size_t>(machines[i].segment)]), 1);
    }

    // Gateway -- perimeter -- internet -- externals.
    ns3::PointToPointHelper p2p;
    p2p.SetDeviceAttribute("DataRate", ns3::StringValue("10Gbps"));
    p2p.SetDeviceAttribute("Mtu", ns3::UintegerValue(kMtu));
    p2p.SetChannelAttribute("Delay", ns3::StringValue("10us"));
    addresses.SetBase("240.0.0.0", "255.255.255.252");
    auto link = [&](ns3::Ptr<ns3::Node> a, ns3::Ptr<ns3::Node> b)
    {
        ns3::NetDeviceContainer d = p2p.Install(a, b);
        ns3::Ipv4InterfaceContainer ifs = addresses.Assign(d);
        addresses.NewNetwork();
        std::uint32_t ia =
            static_cast<std::uint32_t>(a->GetObject<ns3::Ipv4>()->GetInterfaceForDevice(d.Get(0)));
        std::uint32_t ib =
            static_cast<std::uint32_t>(b->GetObject<ns3::Ipv4>()->GetInterfaceForDevice(d.Get(1)));
        return std::make_tuple(ifs.GetAddress(0), ia, ifs.GetAddress(1), ib);
    };
    auto [gwAddr, gwIf, perInAddr, perInIf] = link(gateway, perimeter);
    auto [perOutAddr, perOutIf, netAddr, netIf] = link(perimeter, internet);
    routes(gateway)->SetDefaultRoute(perInAddr, gwIf);
    routes(perimeter)->SetDefaultRoute(netAddr, perOutIf);
    routes(internet)->SetDefaultRoute(perOutAddr, netIf);
    for (std::size_t s = 0; s < segments.size(); ++s)
    {
        routes(perimeter)->AddNetworkRouteTo(ns3::Ipv4Address(segments[s].cidr.network),
                                             ns3::Ipv4Mask(MaskOf(segments[s].cidr.prefixLength)),
                                             gwAddr, perInIf);
    }
    for (std::size_t e = 0; e < estate.Externals().size(); ++e)
    {
        const core::External& x = estate.Externals()[e];
        ns3::Ptr<ns3::Node> node = externals.Get(static_cast<std::uint32_t>(e));
        m_nodeByAddress[x.ip] = node;
        ns3::NetDeviceContainer d = p2p.Install(internet, node);
        std::uint32_t side = 0xF8000000U + static_cast<std::uint32_t>(e) + 1;
        std::uint32_t port = AddAddress(d.Get(0), side);
        std::uint32_t own = AddAddress(d.Get(1), x.ip);
        routes(internet)->AddHostRouteTo(ns3::Ipv4Address(x.ip), port);
        routes(node)->SetDefaultRoute(ns3::Ipv4Address(side), own);
    }
}

// ---------------------------------------------------------------------------------------
// Per-packet cost: one model, one workload, in the calling (child) process.

enum class Model
{
    Bare,     ///< EstateHelper, no firewall in force
    Segproof, ///< EstateHelper, every firewall in force
    Bridged,  ///< BridgedLan
};

const char*
ModelName(Model m)
{
    switch (m)
    {
    case Model::Bare:
        return "bare ns-3 (p2p, no fw)";
    case Model::Segproof:
        return "segproof (all fw)";
    default:
        return "bridged CSMA LAN";
    }
}

void
ConfigureTcp()
{
    ns3::RngSeedManager::SetSeed(1);
    ns3::RngSeedManager::SetRun(1);
    ns3::Config::SetDefault("ns3::TcpSocket::SegmentSize", ns3::UintegerValue(kSegmentSize));
    ns3::Config::SetDefault("ns3::TcpSocket::SndBufSize", ns3::UintegerValue(1 << 20));
    ns3::Config::SetDefault("ns3::TcpSocket::RcvBufSize", ns3::UintegerValue(1 << 20));
    ns3::Config::SetDefault("ns3::TcpSocketBase::MaxSegLifetime", ns3::DoubleValue(1));
}

/// {setup s, run s, packets, events, bytes received, sessions connected, failed}.
std::vector<double>
MeasureModel(Model model, const core::Scenario& scenario, const Workload& w)
{
    auto start = Clock::now();
    ConfigureTcp();
    core::Posture posture =
        model == Model::Segproof ? scenario.AllFirewallsPosture() : core::Posture{};
    posture.name = "bench";
    std::unique_ptr<sim::EstateHelper> estate;
    std::unique_ptr<BridgedLan> lan;
    std::function<ns3::Ptr<ns3::Node>(core::Index)> machineNode;
    std::function<ns3::Ptr<ns3::Node>(core::Ipv4Address)> nodeOf;
    if (model == Model::Bridged)
    {
        lan = std::make_unique<BridgedLan>(scenario);
        lan->Install();
        machineNode = [&lan](core::Index i) { return lan->MachineNode(i); };
        nodeOf = [&lan](core::Ipv4Address ip) { return lan->NodeOf(ip); };
    }
    else
    {
        estate = std::make_unique<sim::EstateHelper>(scenario, posture);
        estate->SetMtu(kMtu);
        estate->Install();
        machineNode = [&estate](core::Index i) { return estate->MachineNode(i); };
        nodeOf = [&estate](core::Ipv4Address ip) { return estate->NodeOf(ip); };
    }
    Traffic t;
    InstallTraffic(scenario, w, t, machineNode, nodeOf);
    double setup = Since(start);
    auto runStart = Clock::now();
    ns3::Simulator::Stop(ns3::Seconds(w.stop_s));
    ns3::Simulator::Run();
    double run = Since(runStart);
    std::vector<double> figures = {setup,
                                   run,
                                   double(t.packets),
                                   double(ns3::Simulator::GetEventCount()),
                                   double(t.received),
                                   double(t.connected),
                                   double(t.failed)};
    ns3::Simulator::Destroy();
    return figures;
}

struct ModelFigures
{
    double setup_s = 0, run_s = 0, packets = 0, events = 0, received = 0, connected = 0, failed = 0,
           rss_mb = 0;
    bool ok = false;
};

ModelFigures
ToModelFigures(const Figures& f)
{
    ModelFigures m;
    m.ok = f.ok && f.values.size() == 7;
    if (m.ok)
    {
        m.setup_s = f.values[0];
        m.run_s = f.values[1];
        m.packets = f.values[2];
        m.events = f.values[3];
        m.received = f.values[4];
        m.connected = f.values[5];
        m.failed = f.values[6];
    }
    m.rss_mb = f.peakRss_mb;
    return m;
}

void
PrintPerPacket(const std::string& title, const core::Scenario& scenario, const Workload& w,
               int repeats, int bridgedRepeats)
{
    std::printf("\n== Per-packet cost: %s (%zu machines), %zu TCP sessions x %u B desktop->server,"
                " best of %d (bridged: %d) ==\n",
                title.c_str(), scenario.GetEstate().Machines().size(), w.sessions.size(), w.bytes,
                repeats, bridgedRepeats);
    const Model models[] = {Model::Bare, Model::Segproof, Model::Bridged};
    std::map<Model, ModelFigures> best;
    for (int r = 0; r < repeats; ++r)
    {
        for (Model m : models) // interleaved, so that load from other processes hits all three
        {
            if (m == Model::Bridged && r >= bridgedRepeats)
            {
                continue;
            }
            ModelFigures f = ToModelFigures(InChild([&] { return MeasureModel(m, scenario, w); }));
            auto it = best.find(m);
            if (it == best.end() || (f.ok && (!it->second.ok || f.run_s < it->second.run_s)))
            {
                double rss = it == best.end() ? f.rss_mb : std::max(f.rss_mb, it->second.rss_mb);
                best[m] = f;
                best[m].rss_mb = rss;
            }
        }
    }
    std::printf("%-24s %9s %10s %7s %8s %8s %8s %10s %8s %11s\n", "model", "packets", "events",
                "ev/pkt", "setup s", "run s", "us/pkt", "pkts/s", "RSS MB", "delivered");
    for (Model m : models)
    {
        const ModelFigures& f = best[m];
        if (!f.ok)
        {
            std::printf("%-24s FAILED\n", ModelName(m));
            continue;
        }
        std::printf("%-24s %9.0f %10.0f %7.2f %8.3f %8.3f %8.3f %10.0f %8.1f %7.0f/%zu\n",
                    ModelName(m), f.packets, f.events, f.events / f.packets, f.setup_s, f.run_s,
                    1e6 * f.run_s / f.packets, f.packets / f.run_s, f.rss_mb, f.connected,
                    w.sessions.size());
        double expected = double(w.bytes) * double(w.sessions.size());
        if (f.received != expected)
        {
            std::printf("  note: %s delivered %.0f of %.0f bytes\n", ModelName(m), f.received,
                        expected);
        }
    }
    const ModelFigures& bare = best[Model::Bare];
    if (bare.ok)
    {
        auto perPacket = [](const ModelFigures& f) { return f.run_s / f.packets; };
        for (Model m : {Model::Segproof, Model::Bridged})
        {
            const ModelFigures& f = best[m];
            if (f.ok)
            {
                std::printf("ratio %-18s / bare: %.2fx per packet (run), %.2fx events/packet, "
                            "%.2fx setup, %.2fx peak RSS%s\n",
                            ModelName(m), perPacket(f) / perPacket(bare),
                            (f.events / f.packets) / (bare.events / bare.packets),
                            f.setup_s / bare.setup_s, f.rss_mb / bare.rss_mb,
                            m == Model::Segproof ? "   (goal: per packet at most 1.50x)" : "");
            }
        }
    }
}

// ---------------------------------------------------------------------------------------
// The attack.

std::vector<double>
AttackFigures(const core::RunResult& r)
{
    return {r.wall_s, double(r.events), double(r.packets), double(r.everInfected),
            double(r.connectionsAttempted)};
}

void
PrintAttackRun(const std::string& label, const Figures& f)
{
    if (!f.ok || f.values.size() != 5)
    {
        std::printf("%-34s FAILED\n", label.c_str());
        return;
    }
    const auto& v = f.values;
    std::printf("%-34s %8.2f %11.0f %10.0f %7.2f %9.0f %8.1f %6.0f %8.0f\n", label.c_str(), v[0],
                v[1], v[2], v[2] > 0 ? v[1] / v[2] : 0.0, v[2] > 0 ? v[2] / v[0] : 0.0,
                f.peakRss_mb, v[3], v[4]);
}

void
PrintAttackHeader()
{
    std::printf("%-34s %8s %11s %10s %7s %9s %8s %6s %8s\n", "run", "wall s", "events", "packets",
                "ev/pkt", "pkts/s", "RSS MB", "ever", "conns");
}

/// The posture `name` with both detectors at the vNIC (pattern, IDS in detect mode) and no
/// quarantine: the same attack, the same packets, plus the detectors' work.
core::Posture
WithDetectors(const core::Scenario& s, const std::string& name)
{
    core::Posture p = s.ResolvePosture(name, "--posture");
    p.name += "+detectors";
    p.pattern = true;
    p.ids = core::IdsMode::Detect;
    return p;
}

/// One run's figures under `posture`, benign traffic on or off, each in a child: the best
/// wall of `repeats` runs (the same run each time: only the wall differs).
Figures
RunFigures(const std::function<core::Scenario()>& read,
           const std::function<core::Posture(const core::Scenario&)>& posture, double duration,
           bool benign, int repeats = 1)
{
    Figures best;
    for (int i = 0; i < repeats; ++i)
    {
        Figures f = InChild(
            [&]
            {
                core::Scenario s = read();
                sim::RunSettings settings;
                settings.duration_s = duration;
                settings.benign = benign;
                return AttackFigures(sim::SimulateAttack(s, posture(s), settings));
            });
        if (!best.ok || (f.ok && !f.values.empty() && f.values[0] < best.values[0]))
        {
            best = f;
        }
    }
    return best;
}

/// The wall of `after` against `before`, and whether the increase stays within `target`.
void
PrintCost(const std::string& what, const Figures& before, const Figures& after, double target)
{
    if (!before.ok || !after.ok || before.values.empty() || after.values.empty() ||
        before.values[0] <= 0)
    {
        std::printf("%s: FAILED\n", what.c_str());
        return;
    }
    double ratio = after.values[0] / before.values[0];
    std::printf("%s: %.2f s -> %.2f s, %+.1f %% (target at most %+.0f %%: %s)\n", what.c_str(),
                before.values[0], after.values[0], (ratio - 1) * 100, target * 100,
                ratio - 1 <= target ? "met" : "MISSED");
}

core::Scenario
WithWorm(const std::string& path)
{
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    return formats::ReadScenarioText(text.str() + "\nattack:\n  profile: worm\n", path);
}

/// The seed estate scaled to ~1,000 desktops: 20 hosts, a /22 desktop segment.
core::Scenario
ScaledSeed(const std::string& path)
{
    std::ifstream in(path);
    std::stringstream buffer;
    buffer << in.rdbuf();
    std::string text = buffer.str();
    auto replace = [&text](const std::string& from, const std::string& to)
    {
        std::size_t at = 0;
        int n = 0;
        while ((at = text.find(from, at)) != std::string::npos)
        {
            text.replace(at, from.size(), to);
            at += to.size();
            ++n;
        }
        if (n == 0)
        {
            throw std::runtime_error("seed.yaml changed: '" + from + "' not found");
        }
    };
    replace("esx[01-02]", "esx[01-20]");
    replace("vdi[003-085]", "vdi[003-850]");
    replace("vdi[086-100]", "vdi[851-999]");
    replace("cidr: 10.10.0.0/24", "cidr: 10.10.0.0/22");
    return formats::ReadScenarioText(text, path + " (scaled to 999 desktops)");
}

} // namespace

int
main(int argc, char** argv)
{
    std::uint64_t runs = 30;
    bool enterprise = false;
    bool skipWorm = false; ///< --enterprise without the worm run (over 25 minutes, see docs)
    bool quick = false;
    for (int i = 1; i < argc; ++i)
    {
        std::string a = argv[i];
        if (a == "--runs" && i + 1 < argc)
        {
            runs = std::stoull(argv[++i]);
        }
        else if (a == "--enterprise")
        {
            enterprise = true;
        }
        else if (a == "--quick")
        {
            quick = true;
        }
        else if (a == "--skip-worm")
        {
            skipWorm = true;
        }
        else
        {
            std::cerr << "usage: bench_sim [--runs N] [--enterprise] [--skip-worm] [--quick]\n"
                         "  run from the repository root (reads scenarios/)\n";
            return 2;
        }
    }
    if (quick)
    {
        runs = std::min<std::uint64_t>(runs, 1);
    }
    const std::string seedPath = "scenarios/seed.yaml";
    const std::string enterprisePath = "scenarios/enterprise-10k.yaml";
    try
    {
        core::Scenario seed = formats::ReadScenarioFile(seedPath);
        std::printf("bench_sim: ns-3 %s, %ld cores online; wall figures are noisy when other "
                    "processes share the cores\n",
                    sim::Ns3Version().c_str(), sysconf(_SC_NPROCESSORS_ONLN));

        // 1. Per-packet cost.
        const std::size_t sessions = quick ? 200 : 2000;
        const int repeats = quick ? 1 : 3;
        Workload w = MakeWorkload(seed, seed.AllFirewallsPosture(), sessions, 500000, 0.005);
        PrintPerPacket("seed", seed, w, repeats, repeats);
        if (!quick)
        {
            core::Scenario large = ScaledSeed(seedPath);
            Workload wl = MakeWorkload(large, large.AllFirewallsPosture(), sessions, 500000, 0.005);
            PrintPerPacket("seed scaled to 999 desktops", large, wl, repeats, 1);
        }

        // 2. The attack on seed: one run per posture (benign traffic on, the default), what
        // benign traffic and the detectors cost, then the campaign.
        const double duration = quick ? 3600 : 8 * 3600;
        std::printf("\n== Attack: seed, one %.0f h run per posture (seed 1, run 0, benign "
                    "traffic on) ==\n",
                    duration / 3600);
        PrintAttackHeader();
        for (const core::Posture& p : seed.Postures())
        {
            sim::RunSettings settings;
            settings.duration_s = duration;
            Figures f =
                InChild([&] { return AttackFigures(sim::SimulateAttack(seed, p, settings)); });
            PrintAttackRun(p.name, f);
        }
        auto readSeed = [&] { return formats::ReadScenarioFile(seedPath); };
        auto microseg = [](const core::Scenario& s) { return s.ResolvePosture("microseg", ""); };
        auto detectors = [](const core::Scenario& s) { return WithDetectors(s, "microseg"); };
        std::printf(
            "\n== Seed: what the detectors and benign traffic cost (run 0, best of 3) ==\n");
        PrintAttackHeader();
        Figures quiet = RunFigures(readSeed, microseg, duration, false, 3);
        Figures plain = RunFigures(readSeed, microseg, duration, true, 3);
        Figures watched = RunFigures(readSeed, detectors, duration, true, 3);
        PrintAttackRun("microseg, no benign", quiet);
        PrintAttackRun("microseg", plain);
        PrintAttackRun("microseg+detectors", watched);
        PrintCost("seed: detectors (pattern + IDS detect) on microseg", plain, watched, 0.10);

        // The campaign: the seed's five brochure postures x N runs with benign traffic.
        std::vector<core::Posture> brochure;
        for (const char* name :
             {"flat", "segment-fw", "host-fw", "microseg", "microseg+quarantine"})
        {
            brochure.push_back(seed.ResolvePosture(name, "--posture"));
        }
        std::printf("\n== Campaign: seed, %zu postures x %llu runs, %.0f h each, benign traffic, 2 "
                    "workers (target: 5 x 30 in at most 120 s) ==\n",
                    brochure.size(), static_cast<unsigned long long>(runs), duration / 3600);
        Figures c = InChild(
            [&]
            {
                sim::CampaignSettings cs;
                cs.postures = brochure;
                cs.runs = runs;
                cs.run.duration_s = duration;
                cs.workers = 2;
                auto start = Clock::now();
                std::vector<core::RunResult> results = sim::RunCampaign(seed, cs);
                double wall = Since(start);
                double events = 0, packets = 0, runWall = 0;
                for (const core::RunResult& r : results)
                {
                    events += double(r.events);
                    packets += double(r.packets);
                    runWall += r.wall_s;
                }
                return std::vector<double>{wall, double(results.size()), events, packets, runWall};
            });
        if (c.ok && c.values.size() == 5)
        {
            const auto& v = c.values;
            std::printf("campaign: %.0f runs in %.1f s wall (%.2f s/run; sum of run walls %.1f s), "
                        "%.0f events, %.0f packets, peak RSS %.1f MB; %s the 120 s target%s\n",
                        v[1], v[0], v[0] / v[1], v[4], v[2], v[3], c.peakRss_mb,
                        v[0] <= 120 ? "within" : "OVER",
                        runs == 30 && !quick ? "" : " (target is for 30 runs, 8 h)");
        }
        else
        {
            std::printf("campaign: FAILED\n");
        }

        // 3. enterprise-10k.
        if (enterprise)
        {
            auto readEnterprise = [&] { return formats::ReadScenarioFile(enterprisePath); };
            auto flat = [](const core::Scenario& s) { return s.ResolvePosture("flat", ""); };
            std::printf("\n== enterprise-10k: one 8 h run ==\n");
            PrintAttackHeader();
            Figures t = RunFigures(readEnterprise, flat, 8 * 3600, false);
            PrintAttackRun("targeted, flat, no benign (<= 120 s)", t);
            Figures tb = RunFigures(readEnterprise, flat, 8 * 3600, true);
            PrintAttackRun("targeted, flat (<= 180 s, 4 GB)", tb);
            Figures m = RunFigures(readEnterprise, microseg, 8 * 3600, true);
            PrintAttackRun("targeted, microseg", m);
            Figures md = RunFigures(readEnterprise, detectors, 8 * 3600, true);
            PrintAttackRun("targeted, microseg+detectors", md);
            if (!skipWorm)
            {
                Figures wf = InChild(
                    [&]
                    {
                        core::Scenario s = WithWorm(enterprisePath);
                        sim::RunSettings settings;
                        settings.benign = false;
                        return AttackFigures(sim::SimulateAttack(
                            s, s.ResolvePosture("flat", "--posture"), settings));
                    });
                PrintAttackRun("worm, flat, no benign (<= 600 s)", wf);
            }
            std::printf("(wall: SimulateAttack's own, reading the scenario excluded; RSS: the "
                        "child's peak, parsed scenario included)\n");
            PrintCost("enterprise-10k: detectors (pattern + IDS detect) on microseg", m, md, 0.10);
        }
    }
    catch (const std::exception& e)
    {
        std::cerr << "bench_sim: " << e.what() << "\n";
        return 1;
    }
    return 0;
}
