#ifndef SEGPROOF_SIM_ESTATE_HELPER_H
#define SEGPROOF_SIM_ESTATE_HELPER_H

#include "core/scenario.h"
#include "stateful-firewall.h"

#include <memory>
#include <ns3/node-container.h>
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

    /// Creates nodes, links, addresses, routing and enforcement points (call once).
    void Install();

    /// The node holding the address (a machine or a named external), or null.
    ns3::Ptr<ns3::Node> NodeOf(core::Ipv4Address address) const;

    /// Switches every host firewall on or off (attacker's T1562.004); takes effect at once.
    void SetHostFirewallEnabled(bool enabled);

    /// Packets blocked so far, per enforcement point kind and rule id ("default").
    const DropCounts& Drops() const { return m_drops; }

private:
    bool InForce(core::FirewallKind kind) const;
    void InstallDfw(std::size_t host, const std::unordered_map<std::uint32_t, core::Index>& ports);
    void InstallHostFirewall(core::Index machine);
    void InstallForwardFirewall(ns3::Ptr<ns3::Node> node, core::FirewallKind kind);

    const core::Scenario& m_scenario;
    core::Posture m_posture;
    DropCounts m_drops;
    std::vector<std::unique_ptr<StatefulFirewall>> m_firewalls;
    std::vector<StatefulFirewall*> m_hostFirewalls;
    ns3::NodeContainer m_machines;
    ns3::NodeContainer m_hosts;
    ns3::NodeContainer m_segments;
    ns3::NodeContainer m_externals;
    ns3::Ptr<ns3::Node> m_gateway;
    ns3::Ptr<ns3::Node> m_perimeter;
    ns3::Ptr<ns3::Node> m_internet;
    std::unordered_map<core::Ipv4Address, ns3::Ptr<ns3::Node>> m_nodeByAddress;
};

} // namespace sim
} // namespace segproof

#endif
