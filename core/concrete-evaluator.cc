// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#include "concrete-evaluator.h"

namespace segproof
{
namespace core
{

FirewallKind
EnforcementPoint::Firewall() const
{
    switch (kind)
    {
    case PointKind::HostOut:
    case PointKind::HostIn:
        return FirewallKind::Host;
    case PointKind::DfwOut:
    case PointKind::DfwIn:
        return FirewallKind::Dfw;
    case PointKind::Gateway:
        return FirewallKind::Gateway;
    case PointKind::Perimeter:
        return FirewallKind::Perimeter;
    }
    return FirewallKind::Gateway;
}

Side
EnforcementPoint::GetSide() const
{
    switch (kind)
    {
    case PointKind::HostOut:
    case PointKind::DfwOut:
        return Side::Out;
    case PointKind::HostIn:
    case PointKind::DfwIn:
        return Side::In;
    default:
        return Side::None;
    }
}

ConcreteEvaluator::ConcreteEvaluator(const Scenario& scenario)
    : m_scenario(scenario), m_topology(scenario.GetEstate())
{
}

bool
ConcreteEvaluator::InModel(Ipv4Address source, Ipv4Address destination) const
{
    const Estate& estate = m_scenario.GetEstate();
    return source != destination &&
           (estate.SegmentOf(source) != kNone || estate.SegmentOf(destination) != kNone);
}

std::vector<EnforcementPoint>
ConcreteEvaluator::PointsOnPath(Ipv4Address source, Ipv4Address destination, const Posture& posture,
                                const AddressSet& hostFirewallOff) const
{
    std::vector<EnforcementPoint> points;
    if (!InModel(source, destination))
    {
        return points;
    }
    const Estate& estate = m_scenario.GetEstate();
    const Firewall* host = m_scenario.FindFirewall(FirewallKind::Host);
    auto hostFirewallRuns = [&](Index machine)
    {
        if (host == nullptr || !posture.Has(FirewallKind::Host))
        {
            return false;
        }
        Ipv4Address ip = estate.Machines()[static_cast<std::size_t>(machine)].ip;
        return host->appliesTo.addresses.Contains(ip) && !hostFirewallOff.Contains(ip);
    };

    Topology::Vertex from = m_topology.AttachmentOf(source);
    Topology::Vertex to = m_topology.AttachmentOf(destination);
    std::vector<Topology::Vertex> path = m_topology.Path(from, to);
    for (std::size_t i = 0; i < path.size(); ++i)
    {
        const Topology::VertexInfo& info = m_topology.Info(path[i]);
        bool first = i == 0;
        bool last = i + 1 == path.size();
        switch (info.kind)
        {
        case Topology::VertexKind::Machine:
            if (first && hostFirewallRuns(info.machine))
            {
                points.push_back({PointKind::HostOut, info.machine});
            }
            if (last && hostFirewallRuns(info.machine))
            {
                points.push_back({PointKind::HostIn, info.machine});
            }
            break;
        case Topology::VertexKind::Vnic:
            if (posture.Has(FirewallKind::Dfw) && m_scenario.FindFirewall(FirewallKind::Dfw))
            {
                // The vNIC next to the source sees the packet leave; the one next to the
                // destination sees it arrive.
                bool sourceSide = m_topology.Info(path.front()).machine == info.machine;
                points.push_back({sourceSide ? PointKind::DfwOut : PointKind::DfwIn, info.machine});
            }
            break;
        case Topology::VertexKind::Gateway:
            if (posture.Has(FirewallKind::Gateway) &&
                m_scenario.FindFirewall(FirewallKind::Gateway))
            {
                points.push_back({PointKind::Gateway, kNone});
            }
            break;
        case Topology::VertexKind::Perimeter:
            if (posture.Has(FirewallKind::Perimeter) &&
                m_scenario.FindFirewall(FirewallKind::Perimeter))
            {
                points.push_back({PointKind::Perimeter, kNone});
            }
            break;
        default:
            break;
        }
    }
    return points;
}

Decision
ConcreteEvaluator::Decide(const EnforcementPoint& point, const Connection& connection) const
{
    const Firewall* firewall = m_scenario.FindFirewall(point.Firewall());
    std::optional<Ipv4Address> machine;
    if (point.machine != kNone)
    {
        machine = m_scenario.GetEstate().Machines()[static_cast<std::size_t>(point.machine)].ip;
    }
    FirstMatch match = EvaluateFirewall(*firewall, connection, point.GetSide(), machine);
    return Decision{point, match.rule, match.action};
}

Evaluation
ConcreteEvaluator::Evaluate(const Connection& connection, const Posture& posture,
                            const AddressSet& hostFirewallOff) const
{
    Evaluation evaluation;
    if (!InModel(connection.source, connection.destination))
    {
        evaluation.inModel = false;
        return evaluation;
    }
    std::vector<EnforcementPoint> points =
        PointsOnPath(connection.source, connection.destination, posture, hostFirewallOff);
    evaluation.delivered = true;
    for (const auto& point : points)
    {
        Decision decision = Decide(point, connection);
        evaluation.decisions.push_back(decision);
        if (decision.action != Action::Allow)
        {
            evaluation.delivered = false;
            break;
        }
    }
    return evaluation;
}

std::string
ConcreteEvaluator::Label(const EnforcementPoint& point) const
{
    return PointLabel(point, m_scenario.GetEstate());
}

std::string
PointLabel(const EnforcementPoint& point, const Estate& estate)
{
    auto machineName = [&]()
    { return estate.Machines()[static_cast<std::size_t>(point.machine)].name; };
    switch (point.kind)
    {
    case PointKind::HostOut:
        return "host-out@" + machineName();
    case PointKind::DfwOut:
        return "dfw-out@" + machineName();
    case PointKind::Gateway:
        return "gateway";
    case PointKind::Perimeter:
        return "perimeter";
    case PointKind::DfwIn:
        return "dfw-in@" + machineName();
    case PointKind::HostIn:
        return "host-in@" + machineName();
    }
    return "?";
}

} // namespace core
} // namespace segproof
