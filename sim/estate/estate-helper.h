// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#ifndef SEGPROOF_SIM_ESTATE_HELPER_H
#define SEGPROOF_SIM_ESTATE_HELPER_H

#include "core/scenario.h"
#include "seg-routing.h"
#include "stateful-firewall.h"

#include <functional>
#include <memory>
#include <ns3/net-device-container.h>
#include <ns3/node-container.h>
#include <string>
#include <unordered_map>
#include <vector>

namespace segproof
{
namespace sim
{

/// Builds a scenario's estate in ns-3 under one posture: a node per machine, host (vswitch),
/// segment, the gateway, the perimeter, the internet and each named external, all on
/// point-to-point links with SegRouting, the scenario's own addresses, and the enforcement
/// points of the firewalls in force (docs/simulator-design.md, "Recommended design").
class EstateHelper
{
public:
    /// The scenario must outlive the helper; the helper must outlive the simulation.
    EstateHelper(const core::Scenario& scenario, const core::Posture& posture);

    /// Asks for a node holding `address`, which no machine or named external holds (call before
    /// Install): inside a segment it is a rogue device on the segment (no vNIC, no host
    /// firewall, as spec section 2 says), elsewhere a host on the internet. `probe --by group`
    /// needs them for group members that are addresses, not machines.
    void AddStandIn(core::Ipv4Address address) { m_standIns.push_back(address); }

    /// Creates nodes, links, addresses, routing and enforcement points (call once).
    void Install();

    /// The node holding the address (a machine or a named external), or null.
    ns3::Ptr<ns3::Node> NodeOf(core::Ipv4Address address) const;

    /// Called for every packet the gateway or the perimeter forwards, before its firewall
    /// (a network monitoring tap: it sees what crosses them, never traffic inside a segment).
    using Tap = std::function<void(core::PointKind, const FiveTuple&)>;

    /// Installs the monitoring tap (call before Install).
    void SetTap(Tap tap) { m_tap = std::move(tap); }

    /// Called for every packet a vNIC's DFW rules let pass (the distributed IDS / IPS at the
    /// vNIC); false drops it there.
    using VnicInspector = std::function<bool(const FiveTuple&)>;

    /// Installs the vNIC inspector (call before Install; needs the DFW in force).
    void SetVnicInspector(VnicInspector inspector) { m_vnicInspector = std::move(inspector); }

    /// Called for every packet a vNIC's DFW rules block (the blocked-attempt pattern).
    void SetDfwBlockWatch(std::function<void(const FiveTuple&)> watch)
    {
        m_log.onDfwBlock = std::move(watch);
    }

    /// Every link's MTU (default 1500; a larger one models TSO / LRO segments of the vswitch).
    void SetMtu(std::uint16_t mtu) { m_mtu = mtu; }

    /// Switches every host firewall on or off (attacker's T1562.004); takes effect at once.
    void SetHostFirewallEnabled(bool enabled);

    /// Switches one machine's host firewall on or off; false when it runs none.
    bool SetHostFirewallEnabled(core::Index machine, bool enabled);

    /// Gives the machine `tag` at run time: it joins every group selected by exactly that tag
    /// (`{tag: T}`) and every NSX group the tag alone makes it a member of
    /// (core::AddressRef::tags), so the DFW rules naming those groups start to match it, as
    /// NSX does when a partner AV/EDR tags a VM. Needs a DFW in force; returns the groups
    /// joined as the DFW's rules name them (empty: no rule changed).
    std::vector<std::string> TagMachine(core::Index machine, const std::string& tag);

    /// The identity firewall learns that a user of `userGroups` (every AD group of the user,
    /// nested, sorted) logged on to the machine: the DFW rules whose source names one of them
    /// start to match it, as NSX re-resolves its identity groups at a logon. Nothing without
    /// the DFW and the identity firewall in force (Posture::idfw). Connections already open
    /// stay as they are (the DFW is stateful).
    void LogOn(core::Index machine, const std::vector<core::Index>& userGroups);
    /// The user logged on to the machine logged off: the rules LogOn made match it stop.
    void LogOff(core::Index machine);

    /// Installs a responder for packets delivered to the machine (after its host firewall).
    void SetResponder(core::Index machine, SegRouting::Responder responder);

    /// The node of a machine.
    ns3::Ptr<ns3::Node> MachineNode(core::Index machine) const;

    /// The scenario the estate is built from.
    const core::Scenario& GetScenario() const { return m_scenario; }

    /// Writes a pcap file per point-to-point device, `prefix`-NODE-DEVICE.pcap, with the first
    /// 128 bytes of each packet (the headers).
    void EnablePcap(const std::string& prefix);

    /// Packets blocked so far, per enforcement point kind and rule id ("default").
    const DropCounts& Drops() const { return m_log.drops; }

    /// Hits of the rules written `logged: true` so far, per rule and point.
    const LoggedHits& Logged() const { return m_log.loggedHits; }

private:
    bool InForce(core::FirewallKind kind) const;
    void InstallDfw(std::size_t host, const std::unordered_map<std::uint32_t, core::Index>& ports);
    void InstallHostFirewall(core::Index machine);
    void InstallForwardFirewall(ns3::Ptr<ns3::Node> node, core::FirewallKind kind);

    const core::Scenario& m_scenario;
    core::Posture m_posture;
    core::Firewall m_dfw; ///< the DFW in force: a copy, since tags change groups at run time
    /// For each machine with a session the identity firewall sees, the rules (indices into
    /// m_dfw.rules) whose source LogOn extended by it.
    std::unordered_map<core::Index, std::vector<std::size_t>> m_loggedOnRules;
    Tap m_tap;
    VnicInspector m_vnicInspector;
    std::uint16_t m_mtu = 1500;
    std::unordered_map<core::Index, StatefulFirewall*> m_hostFirewallOf;
    ns3::NetDeviceContainer m_devices;
    DecisionLog m_log;
    std::vector<std::unique_ptr<StatefulFirewall>> m_firewalls;
    std::vector<StatefulFirewall*> m_hostFirewalls;
    ns3::NodeContainer m_machines;
    ns3::NodeContainer m_hosts;
    ns3::NodeContainer m_segments;
    ns3::NodeContainer m_externals;
    std::vector<core::Ipv4Address> m_standIns;
    ns3::Ptr<ns3::Node> m_gateway;
    ns3::Ptr<ns3::Node> m_perimeter;
    ns3::Ptr<ns3::Node> m_internet;
    std::unordered_map<core::Ipv4Address, ns3::Ptr<ns3::Node>> m_nodeByAddress;
};

} // namespace sim
} // namespace segproof

#endif
