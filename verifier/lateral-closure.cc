// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#include "lateral-closure.h"

#include "class-policy.h"
#include "core/address-classes.h"
#include "core/identity-firewall.h"
#include "core/service-classes.h"
#include "session-states.h"

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/breadth_first_search.hpp>
#include <memory>
#include <stdexcept>

namespace segproof
{
namespace verifier
{

namespace
{

/// Marks every vertex it discovers.
class ReachedRecorder : public boost::default_bfs_visitor
{
public:
    explicit ReachedRecorder(std::vector<bool>& reached) : m_reached(reached) {}

    template <typename Vertex, typename Graph> void discover_vertex(Vertex v, const Graph&) const
    {
        m_reached[v] = true;
    }

private:
    std::vector<bool>& m_reached;
};

} // namespace

std::vector<std::uint16_t>
LateralPorts(const core::Scenario& scenario)
{
    std::vector<std::uint16_t> ports;
    for (auto technique : scenario.Attack().lateral.techniques)
    {
        ports.push_back(core::LateralTechniquePort(technique));
    }
    return ports;
}

CellSet
LateralCells(const std::vector<core::ServiceClass>& cells, const std::vector<std::uint16_t>& ports)
{
    CellSet lateral(cells.size());
    for (std::size_t c = 0; c < cells.size(); ++c)
    {
        if (cells[c].protocol != static_cast<std::uint8_t>(core::Protocol::Tcp))
        {
            continue;
        }
        for (std::uint16_t port : ports)
        {
            if (cells[c].destinationPorts.Contains(port))
            {
                lateral.Set(c);
            }
        }
    }
    return lateral;
}

std::vector<bool>
LateralClosure(const core::Scenario& scenario, const core::Posture& posture,
               const std::vector<core::Index>& initial, const std::vector<std::uint16_t>& ports)
{
    const auto& machines = scenario.GetEstate().Machines();
    // Under the identity firewall, an edge is there when some state of the sessions at its
    // source delivers it: the union over the states (verifier/session-states.h), each on the
    // DFW resolved for it, all on one partition that every state's sources split.
    const core::Firewall* dfw = scenario.FindFirewall(core::FirewallKind::Dfw);
    const bool byState =
        dfw && posture.Has(core::FirewallKind::Dfw) && posture.idfw && core::HasIdentityRules(*dfw);
    std::vector<SessionState> states;
    std::vector<core::AddressSet> stateSources;
    if (byState)
    {
        core::IdentityIndex index(scenario.GetIdentity(), machines.size());
        states = SessionStates(scenario, index, core::IdentityFirewallGroups(*dfw),
                               SessionFilter::Every);
        for (const auto& state : states)
        {
            stateSources.push_back(state.sources);
        }
    }
    else
    {
        states.push_back(SessionState{{}, core::AddressSet::All(), {}});
    }
    core::AddressClasses classes(scenario, {}, stateSources);
    std::vector<core::ServiceClass> cells = core::ServiceClasses(scenario);
    CellSet lateral = LateralCells(cells, ports);

    // One vertex per machine class; an edge where a lateral cell is delivered from a member of
    // one class (host firewall off) to a member of the other (two members when the same).
    std::vector<std::size_t> machineClasses;
    for (std::size_t k = 0; k < classes.Classes().size(); ++k)
    {
        if (!classes.Classes()[k].machines.empty())
        {
            machineClasses.push_back(k);
        }
    }
    using Graph = boost::adjacency_list<boost::setS, boost::vecS, boost::directedS>;
    Graph graph(machineClasses.size());
    for (const SessionState& state : states)
    {
        std::unique_ptr<core::Scenario> variant;
        if (byState)
        {
            std::vector<core::AddressSet> matchedBy(scenario.GetIdentity().groups.size());
            for (core::Index g : state.signature)
            {
                matchedBy[g] = core::AddressSet::All(); // exact for sources in this state
            }
            variant = std::make_unique<core::Scenario>(
                scenario.WithFirewall(core::ResolveIdentitySources(*dfw, matchedBy)));
        }
        ClassPolicy policy(variant ? *variant : scenario, classes, cells);
        for (std::size_t s = 0; s < machineClasses.size(); ++s)
        {
            if (!state.sources.Contains(classes.Classes()[machineClasses[s]].representative))
            {
                continue;
            }
            CellSet off(policy.ClassCount());
            off.Set(machineClasses[s]);
            for (std::size_t d = 0; d < machineClasses.size(); ++d)
            {
                if (s == d && classes.Classes()[machineClasses[s]].machines.size() < 2)
                {
                    continue;
                }
                if (!policy.InModel(machineClasses[s], machineClasses[d]))
                {
                    continue;
                }
                CellSet delivered =
                    policy.Delivered(machineClasses[s], machineClasses[d], posture, off);
                if ((delivered & lateral).Any())
                {
                    boost::add_edge(s, d, graph);
                }
            }
        }
    }

    std::vector<std::size_t> vertexOfClass(classes.Classes().size(), machineClasses.size());
    for (std::size_t v = 0; v < machineClasses.size(); ++v)
    {
        vertexOfClass[machineClasses[v]] = v;
    }
    std::vector<bool> reachedClass(machineClasses.size(), false);
    std::vector<bool> reached(machines.size(), false);
    for (core::Index m : initial)
    {
        if (m < 0 || static_cast<std::size_t>(m) >= machines.size())
        {
            throw std::invalid_argument("LateralClosure: no machine " + std::to_string(m));
        }
        reached[m] = true;
        std::size_t v = vertexOfClass[classes.ClassOf(machines[m].ip)];
        if (!reachedClass[v])
        {
            std::vector<boost::default_color_type> colours(machineClasses.size());
            boost::breadth_first_search(
                graph, v,
                boost::visitor(ReachedRecorder(reachedClass))
                    .color_map(boost::make_iterator_property_map(
                        colours.begin(), boost::get(boost::vertex_index, graph))));
        }
    }
    // A class reached through an edge holds every member; the start class itself only its
    // initial members, unless an edge leads back into it.
    std::vector<bool> enteredClass(machineClasses.size(), false);
    for (std::size_t v = 0; v < machineClasses.size(); ++v)
    {
        if (!reachedClass[v])
        {
            continue;
        }
        for (auto [e, end] = boost::out_edges(v, graph); e != end; ++e)
        {
            enteredClass[boost::target(*e, graph)] = true;
        }
    }
    for (std::size_t v = 0; v < machineClasses.size(); ++v)
    {
        if (enteredClass[v])
        {
            for (core::Index m : classes.Classes()[machineClasses[v]].machines)
            {
                reached[m] = true;
            }
        }
    }
    return reached;
}

} // namespace verifier
} // namespace segproof
