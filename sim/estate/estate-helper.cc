// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#include "estate-helper.h"

#include "reject-sender.h"
#include "seg-routing-helper.h"
#include "seg-routing.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <ns3/internet-stack-helper.h>
#include <ns3/ip-l4-protocol.h>
#include <ns3/ipv4-l3-protocol.h>
#include <ns3/point-to-point-helper.h>
#include <ns3/point-to-point-net-device.h>
#include <ns3/string.h>
#include <ns3/tcp-l4-protocol.h>
#include <ns3/trace-helper.h>
#include <ns3/udp-l4-protocol.h>
#include <ns3/uinteger.h>
#include <set>

namespace segproof
{
namespace sim
{

namespace
{
/// Infrastructure links take 240.0.0.0/4 (reserved), which no scenario address can use.
constexpr std::uint32_t kInfraBase = 0xF0000000U;

ns3::Ptr<SegRouting>
Routing(ns3::Ptr<ns3::Node> node)
{
    return ns3::DynamicCast<SegRouting>(node->GetObject<ns3::Ipv4>()->GetRoutingProtocol());
}

/// Adds an address without Ipv4AddressHelper (which would install queue discs).
std::uint32_t
AssignAddress(ns3::Ptr<ns3::NetDevice> device, std::uint32_t address)
{
    ns3::Ptr<ns3::Ipv4> ipv4 = device->GetNode()->GetObject<ns3::Ipv4>();
    std::int32_t i = ipv4->GetInterfaceForDevice(device);
    if (i < 0)
    {
        i = static_cast<std::int32_t>(ipv4->AddInterface(device));
    }
    std::uint32_t index = static_cast<std::uint32_t>(i);
    ipv4->AddAddress(
        index, ns3::Ipv4InterfaceAddress(ns3::Ipv4Address(address), ns3::Ipv4Mask(0xFFFFFFFFU)));
    ipv4->SetMetric(index, 1);
    ipv4->SetUp(index);
    return index;
}

/// Links two nodes; returns the interface indices on a and b.
class Linker
{
public:
    Linker(std::uint16_t mtu, ns3::NetDeviceContainer& devices) : m_devices(devices)
    {
        m_p2p.SetDeviceAttribute("DataRate", ns3::StringValue("10Gbps"));
        m_p2p.SetDeviceAttribute("Mtu", ns3::UintegerValue(mtu));
        m_p2p.SetChannelAttribute("Delay", ns3::StringValue("10us"));
    }

    /// Links a and b; 0 as an address takes the next infrastructure address.
    std::pair<std::uint32_t, std::uint32_t> Link(ns3::Ptr<ns3::Node> a, ns3::Ptr<ns3::Node> b,
                                                 std::uint32_t addressA = 0,
                                                 std::uint32_t addressB = 0)
    {
        ns3::NetDeviceContainer devices = m_p2p.Install(a, b);
        m_devices.Add(devices);
        std::uint32_t ia = AssignAddress(devices.Get(0), addressA ? addressA : Next());
        std::uint32_t ib = AssignAddress(devices.Get(1), addressB ? addressB : Next());
        return {ia, ib};
    }

private:
    std::uint32_t Next() { return kInfraBase + ++m_next; }

    ns3::PointToPointHelper m_p2p;
    ns3::NetDeviceContainer& m_devices;
    std::uint32_t m_next = 0;
};

std::uint32_t
MaskOf(int prefixLength)
{
    return prefixLength == 0 ? 0U : 0xFFFFFFFFU << (32 - prefixLength);
}

/// TCP / UDP egress hook: the guest OS's OUTPUT chain, with the full L4 header.
void
GuestEgress(ns3::IpL4Protocol::DownTargetCallback original, StatefulFirewall* firewall,
            std::uint32_t machine, ns3::Ptr<ns3::Packet> p, ns3::Ipv4Address source,
            ns3::Ipv4Address destination, std::uint8_t protocol, ns3::Ptr<ns3::Ipv4Route> route)
{
    ns3::Ipv4Header h;
    h.SetSource(source);
    h.SetDestination(destination);
    h.SetProtocol(protocol);
    if (firewall->Check(ParseL4(p, h), core::PointKind::HostOut, core::Side::Out, machine) ==
        core::Action::Allow)
    {
        original(p, source, destination, protocol, route);
    }
}
} // namespace

EstateHelper::EstateHelper(const core::Scenario& scenario, const core::Posture& posture)
    : m_scenario(scenario), m_posture(posture)
{
}

bool
EstateHelper::InForce(core::FirewallKind kind) const
{
    return m_posture.Has(kind) && m_scenario.FindFirewall(kind) != nullptr;
}

void
EstateHelper::Install()
{
    const core::Estate& estate = m_scenario.GetEstate();
    const auto& machines = estate.Machines();
    m_machines.Create(static_cast<std::uint32_t>(machines.size()));
    m_hosts.Create(static_cast<std::uint32_t>(estate.Hosts().size()));
    m_segments.Create(static_cast<std::uint32_t>(estate.Segments().size()));
    m_externals.Create(static_cast<std::uint32_t>(estate.Externals().size()));
    ns3::NodeContainer edge;
    edge.Create(3);
    m_gateway = edge.Get(0);
    m_perimeter = edge.Get(1);
    m_internet = edge.Get(2);

    ns3::InternetStackHelper stack;
    stack.SetIpv6StackInstall(false);
    SegRoutingHelper routing;
    stack.SetRoutingHelper(routing);
    stack.Install(ns3::NodeContainer(m_machines, m_hosts, m_segments, m_externals, edge));

    Linker linker(m_mtu, m_devices);
    // Machines: a VM hangs off its host's vswitch, a physical machine off its segment node.
    std::vector<std::unordered_map<std::uint32_t, core::Index>> hostPorts(estate.Hosts().size());
    std::map<std::pair<core::Index, core::Index>, std::vector<core::Index>> vmsByHostSegment;
    for (std::size_t i = 0; i < machines.size(); ++i)
    {
        const core::Machine& m = machines[i];
        ns3::Ptr<ns3::Node> node = m_machines.Get(static_cast<std::uint32_t>(i));
        m_nodeByAddress[m.ip] = node;
        Routing(node)->SetRole(SegRouting::Role::End);
        if (m.host != core::kNone)
        {
            ns3::Ptr<ns3::Node> host = m_hosts.Get(static_cast<std::uint32_t>(m.host));
            auto [own, port] = linker.Link(node, host, m.ip);
            Routing(node)->SetDefaultInterface(own);
            Routing(host)->AddHostRoute(m.ip, port, m.segment);
            Routing(host)->SetInterfaceSegment(port, m.segment);
            hostPorts[static_cast<std::size_t>(m.host)][port] = static_cast<core::Index>(i);
            vmsByHostSegment[{m.host, m.segment}].push_back(static_cast<core::Index>(i));
        }
        else
        {
            ns3::Ptr<ns3::Node> segment = m_segments.Get(static_cast<std::uint32_t>(m.segment));
            auto [own, port] = linker.Link(node, segment, m.ip);
            Routing(node)->SetDefaultInterface(own);
            Routing(segment)->AddHostRoute(m.ip, port);
        }
    }
    // Hosts: one uplink per segment they carry.
    for (const auto& [key, vms] : vmsByHostSegment)
    {
        ns3::Ptr<ns3::Node> host = m_hosts.Get(static_cast<std::uint32_t>(key.first));
        ns3::Ptr<ns3::Node> segment = m_segments.Get(static_cast<std::uint32_t>(key.second));
        auto [up, down] = linker.Link(host, segment);
        Routing(host)->SetRole(SegRouting::Role::Host);
        Routing(host)->SetSegmentUplink(key.second, up);
        Routing(host)->SetInterfaceSegment(up, key.second);
        for (core::Index vm : vms)
        {
            Routing(segment)->AddHostRoute(machines[static_cast<std::size_t>(vm)].ip, down);
        }
    }
    // Segment nodes up to the gateway; the gateway, perimeter and internet.
    auto [gwUp, perimeterIn] = linker.Link(m_gateway, m_perimeter);
    auto [perimeterOut, internetIn] = linker.Link(m_perimeter, m_internet);
    Routing(m_gateway)->SetRole(SegRouting::Role::Router);
    Routing(m_gateway)->SetDefaultInterface(gwUp);
    Routing(m_perimeter)->SetRole(SegRouting::Role::Router);
    Routing(m_perimeter)->SetDefaultInterface(perimeterOut);
    Routing(m_internet)->SetRole(SegRouting::Role::Router);
    Routing(m_internet)->SetDefaultInterface(internetIn);
    for (std::size_t s = 0; s < estate.Segments().size(); ++s)
    {
        const core::Cidr& cidr = estate.Segments()[s].cidr;
        ns3::Ptr<ns3::Node> segment = m_segments.Get(static_cast<std::uint32_t>(s));
        auto [up, down] = linker.Link(segment, m_gateway);
        Routing(segment)->SetRole(SegRouting::Role::Router);
        Routing(segment)->SetDefaultInterface(up);
        Routing(m_gateway)->AddNetworkRoute(cidr.network, MaskOf(cidr.prefixLength), down);
        Routing(m_perimeter)->AddNetworkRoute(cidr.network, MaskOf(cidr.prefixLength), perimeterIn);
    }
    for (std::size_t e = 0; e < estate.Externals().size(); ++e)
    {
        const core::External& external = estate.Externals()[e];
        ns3::Ptr<ns3::Node> node = m_externals.Get(static_cast<std::uint32_t>(e));
        m_nodeByAddress[external.ip] = node;
        auto [port, own] = linker.Link(m_internet, node, 0, external.ip);
        Routing(node)->SetRole(SegRouting::Role::End);
        Routing(node)->SetDefaultInterface(own);
        Routing(m_internet)->AddHostRoute(external.ip, port);
    }

    // Stand-ins for addresses no machine or external holds.
    for (core::Ipv4Address address : m_standIns)
    {
        if (m_nodeByAddress.count(address) != 0)
        {
            continue;
        }
        ns3::Ptr<ns3::Node> node = ns3::CreateObject<ns3::Node>();
        ns3::InternetStackHelper standInStack;
        standInStack.SetIpv6StackInstall(false);
        standInStack.SetRoutingHelper(routing);
        standInStack.Install(node);
        Routing(node)->SetRole(SegRouting::Role::End);
        m_nodeByAddress[address] = node;
        core::Index segment = estate.SegmentOf(address);
        ns3::Ptr<ns3::Node> attach = segment == core::kNone
                                         ? m_internet
                                         : m_segments.Get(static_cast<std::uint32_t>(segment));
        auto [port, own] = linker.Link(attach, node, 0, address);
        Routing(node)->SetDefaultInterface(own);
        Routing(attach)->AddHostRoute(address, port);
    }

    // Enforcement points of the firewalls in force.
    if (InForce(core::FirewallKind::Dfw))
    {
        m_dfw = *m_scenario.FindFirewall(core::FirewallKind::Dfw);
        if (m_posture.idfw)
        {
            // The identity policy's own rules (`idfw: true`) are in force; AD-group sources
            // match as users log on (LogOn).
            for (core::Rule& rule : m_dfw.rules)
            {
                rule.from.addresses = rule.from.addresses.Union(rule.from.idfwAddresses);
            }
        }
        for (std::size_t h = 0; h < hostPorts.size(); ++h)
        {
            InstallDfw(h, hostPorts[h]);
        }
    }
    if (InForce(core::FirewallKind::Host))
    {
        const core::Firewall& host = *m_scenario.FindFirewall(core::FirewallKind::Host);
        for (std::size_t i = 0; i < machines.size(); ++i)
        {
            if (host.appliesTo.addresses.Contains(machines[i].ip))
            {
                InstallHostFirewall(static_cast<core::Index>(i));
            }
        }
    }
    InstallForwardFirewall(m_gateway, core::FirewallKind::Gateway);
    InstallForwardFirewall(m_perimeter, core::FirewallKind::Perimeter);
}

void
EstateHelper::InstallDfw(std::size_t host,
                         const std::unordered_map<std::uint32_t, core::Index>& ports)
{
    const core::Firewall& dfw = m_dfw;
    const auto& machines = m_scenario.GetEstate().Machines();
    // One vNIC filter (and conntrack table) per VM port of the host's vswitch.
    auto vnics = std::make_shared<
        std::unordered_map<std::uint32_t, std::pair<StatefulFirewall*, std::uint32_t>>>();
    for (const auto& [port, machine] : ports)
    {
        const core::Machine& m = machines[static_cast<std::size_t>(machine)];
        m_firewalls.push_back(std::make_unique<StatefulFirewall>(dfw, m_log, m.name));
        (*vnics)[port] = {m_firewalls.back().get(), machines[static_cast<std::size_t>(machine)].ip};
    }
    ns3::Ptr<ns3::Node> node = m_hosts.Get(static_cast<std::uint32_t>(host));
    VnicInspector inspector = m_vnicInspector;
    Routing(node)->SetFilter(
        [node, vnics, inspector](Chain chain, std::uint32_t iif, std::uint32_t oif,
                                 ns3::Ptr<const ns3::Packet> p, const ns3::Ipv4Header& h)
        {
            if (chain != Chain::Forward)
            {
                return true;
            }
            FiveTuple t = ParseL4(p, h);
            auto leaving = vnics->find(iif); // from the VM: its vNIC's OUT side
            if (leaving != vnics->end())
            {
                core::Action a = leaving->second.first->Check(
                    t, core::PointKind::DfwOut, core::Side::Out, leaving->second.second);
                if (a != core::Action::Allow)
                {
                    if (a == core::Action::Reject)
                    {
                        SendReject(node, h, p, t);
                    }
                    return false;
                }
            }
            auto entering = vnics->find(oif); // to the VM: its vNIC's IN side
            if (entering != vnics->end())
            {
                core::Action a = entering->second.first->Check(
                    t, core::PointKind::DfwIn, core::Side::In, entering->second.second);
                if (a != core::Action::Allow)
                {
                    if (a == core::Action::Reject)
                    {
                        SendReject(node, h, p, t);
                    }
                    return false;
                }
            }
            if (inspector && (leaving != vnics->end() || entering != vnics->end()))
            {
                return inspector(t);
            }
            return true;
        });
}

void
EstateHelper::InstallHostFirewall(core::Index machine)
{
    const core::Firewall& host = *m_scenario.FindFirewall(core::FirewallKind::Host);
    std::uint32_t ip = m_scenario.GetEstate().Machines()[static_cast<std::size_t>(machine)].ip;
    m_firewalls.push_back(std::make_unique<StatefulFirewall>(
        host, m_log, m_scenario.GetEstate().Machines()[static_cast<std::size_t>(machine)].name));
    StatefulFirewall* fw = m_firewalls.back().get();
    m_hostFirewalls.push_back(fw);
    m_hostFirewallOf[machine] = fw;
    ns3::Ptr<ns3::Node> node = m_machines.Get(static_cast<std::uint32_t>(machine));
    // INPUT (and raw-socket OUTPUT) in the routing hook.
    Routing(node)->SetFilter(
        [node, fw, ip](Chain chain, std::uint32_t, std::uint32_t, ns3::Ptr<const ns3::Packet> p,
                       const ns3::Ipv4Header& h)
        {
            if (chain == Chain::Forward)
            {
                return true;
            }
            FiveTuple t = ParseL4(p, h);
            bool in = chain == Chain::Input;
            core::Action a = fw->Check(t, in ? core::PointKind::HostIn : core::PointKind::HostOut,
                                       in ? core::Side::In : core::Side::Out, ip);
            if (a == core::Action::Reject && in)
            {
                SendReject(node, h, p, t);
            }
            return a == core::Action::Allow;
        });
    // TCP / UDP OUTPUT at the L4 down-target.
    for (ns3::TypeId tid : {ns3::TcpL4Protocol::GetTypeId(), ns3::UdpL4Protocol::GetTypeId()})
    {
        ns3::Ptr<ns3::IpL4Protocol> l4 =
            ns3::DynamicCast<ns3::IpL4Protocol>(node->GetObject<ns3::Object>(tid));
        if (!l4)
        {
            continue;
        }
        ns3::IpL4Protocol::DownTargetCallback original = l4->GetDownTarget();
        l4->SetDownTarget(ns3::MakeBoundCallback(&GuestEgress, original, fw, ip));
    }
}

void
EstateHelper::InstallForwardFirewall(ns3::Ptr<ns3::Node> node, core::FirewallKind kind)
{
    StatefulFirewall* fw = nullptr;
    if (InForce(kind))
    {
        m_firewalls.push_back(std::make_unique<StatefulFirewall>(
            *m_scenario.FindFirewall(kind), m_log, core::FirewallKindName(kind)));
        fw = m_firewalls.back().get();
    }
    if (!fw && !m_tap)
    {
        return;
    }
    core::PointKind point =
        kind == core::FirewallKind::Gateway ? core::PointKind::Gateway : core::PointKind::Perimeter;
    Tap tap = m_tap;
    Routing(node)->SetFilter(
        [node, fw, point, tap](Chain chain, std::uint32_t, std::uint32_t,
                               ns3::Ptr<const ns3::Packet> p, const ns3::Ipv4Header& h)
        {
            if (chain != Chain::Forward)
            {
                return true;
            }
            FiveTuple t = ParseL4(p, h);
            if (tap)
            {
                tap(point, t);
            }
            if (!fw)
            {
                return true;
            }
            core::Action a = fw->Check(t, point, core::Side::None, std::nullopt);
            if (a == core::Action::Reject)
            {
                SendReject(node, h, p, t);
            }
            return a == core::Action::Allow;
        });
}

ns3::Ptr<ns3::Node>
EstateHelper::NodeOf(core::Ipv4Address address) const
{
    auto it = m_nodeByAddress.find(address);
    return it == m_nodeByAddress.end() ? nullptr : it->second;
}

void
EstateHelper::SetHostFirewallEnabled(bool enabled)
{
    for (StatefulFirewall* fw : m_hostFirewalls)
    {
        fw->SetEnabled(enabled);
    }
}

} // namespace sim
} // namespace segproof

namespace segproof
{
namespace sim
{

bool
EstateHelper::SetHostFirewallEnabled(core::Index machine, bool enabled)
{
    auto it = m_hostFirewallOf.find(machine);
    if (it == m_hostFirewallOf.end())
    {
        return false;
    }
    it->second->SetEnabled(enabled);
    return true;
}

std::vector<std::string>
EstateHelper::TagMachine(core::Index machine, const std::string& tag)
{
    std::vector<std::string> joined;
    if (!InForce(core::FirewallKind::Dfw))
    {
        return joined;
    }
    const std::string selector = "tag " + tag;
    for (const core::Group& group : m_scenario.Groups())
    {
        if (group.definition == selector)
        {
            joined.push_back(group.name);
        }
    }
    core::Ipv4Address ip = m_scenario.GetEstate().Machines()[static_cast<std::size_t>(machine)].ip;
    // An NSX group of tag criteria is joined by its tags (core::AddressRef::tags), compared
    // as NSX compares them: without case, "|tag" for any scope.
    std::string lower = tag;
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (lower.find('|') == std::string::npos)
    {
        lower = "|" + lower; // a tag without a scope
    }
    const std::string anyScope = lower.substr(lower.find('|'));
    std::vector<std::string> inRules; // the groups joined, as the DFW's rules name them
    auto join = [&joined, &inRules, ip, &lower, &anyScope](core::AddressRef& ref)
    {
        bool member =
            std::any_of(ref.tags.begin(), ref.tags.end(),
                        [&](const std::string& t) { return t == lower || t == anyScope; });
        for (const std::string& name : ref.written)
        {
            member = member || std::find(joined.begin(), joined.end(), name) != joined.end();
        }
        if (!member)
        {
            return;
        }
        ref.addresses.Add(ip);
        for (const std::string& name : ref.written)
        {
            if (std::find(inRules.begin(), inRules.end(), name) == inRules.end())
            {
                inRules.push_back(name);
            }
        }
    };
    for (core::Rule& rule : m_dfw.rules)
    {
        join(rule.from);
        join(rule.to);
        join(rule.appliedTo);
    }
    return inRules;
}

void
EstateHelper::LogOn(core::Index machine, const std::vector<core::Index>& userGroups)
{
    if (!InForce(core::FirewallKind::Dfw) || !m_posture.idfw)
    {
        return;
    }
    LogOff(machine); // one session per desktop: a new logon replaces what was there
    const core::Ipv4Address ip =
        m_scenario.GetEstate().Machines()[static_cast<std::size_t>(machine)].ip;
    std::vector<std::size_t>& extended = m_loggedOnRules[machine];
    for (std::size_t i = 0; i < m_dfw.rules.size(); ++i)
    {
        core::AddressRef& from = m_dfw.rules[i].from;
        const bool member =
            std::any_of(from.adGroups.begin(), from.adGroups.end(),
                        [&](core::Index g)
                        { return std::binary_search(userGroups.begin(), userGroups.end(), g); });
        // A machine the rule matches anyway (by its groups) is left alone, so that the
        // logoff does not take it out.
        if (member && !from.addresses.Contains(ip))
        {
            from.addresses.Add(ip);
            extended.push_back(i);
        }
    }
}

void
EstateHelper::LogOff(core::Index machine)
{
    auto found = m_loggedOnRules.find(machine);
    if (found == m_loggedOnRules.end())
    {
        return;
    }
    const core::Ipv4Address ip =
        m_scenario.GetEstate().Machines()[static_cast<std::size_t>(machine)].ip;
    for (std::size_t i : found->second)
    {
        core::AddressRef& from = m_dfw.rules[i].from;
        from.addresses = from.addresses.Subtract(core::AddressSet::Single(ip));
    }
    m_loggedOnRules.erase(found);
}

void
EstateHelper::SetResponder(core::Index machine, SegRouting::Responder responder)
{
    Routing(MachineNode(machine))->SetResponder(std::move(responder));
}

ns3::Ptr<ns3::Node>
EstateHelper::MachineNode(core::Index machine) const
{
    return m_machines.Get(static_cast<std::uint32_t>(machine));
}

void
EstateHelper::EnablePcap(const std::string& prefix)
{
    // Headers only (128 bytes of each packet): payloads are zero-filled and packets are up to
    // 64 KB, so full captures would take gigabytes per run.
    constexpr std::uint32_t kSnapLength = 128;
    ns3::PcapHelper pcap;
    for (std::uint32_t i = 0; i < m_devices.GetN(); ++i)
    {
        ns3::Ptr<ns3::NetDevice> device = m_devices.Get(i);
        std::string file = prefix + "-" + std::to_string(device->GetNode()->GetId()) + "-" +
                           std::to_string(device->GetIfIndex()) + ".pcap";
        ns3::Ptr<ns3::PcapFileWrapper> out =
            pcap.CreateFile(file, std::ios::out, ns3::PcapHelper::DLT_PPP, kSnapLength);
        pcap.HookDefaultSink<ns3::PointToPointNetDevice>(
            ns3::DynamicCast<ns3::PointToPointNetDevice>(device), "PromiscSniffer", out);
    }
}

} // namespace sim
} // namespace segproof
