// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#include "topology.h"

#include <algorithm>
#include <boost/graph/breadth_first_search.hpp>
#include <map>

namespace segproof
{
namespace core
{

namespace
{
/// Records, during a breadth-first search from the root, each vertex's parent and depth.
class TreeRecorder : public boost::default_bfs_visitor
{
public:
    TreeRecorder(std::vector<Topology::Vertex>& parent, std::vector<int>& depth)
        : m_parent(parent), m_depth(depth)
    {
    }

    template <typename Edge, typename Graph> void tree_edge(Edge e, const Graph& g) const
    {
        auto from = boost::source(e, g);
        auto to = boost::target(e, g);
        m_parent[to] = from;
        m_depth[to] = m_depth[from] + 1;
    }

private:
    std::vector<Topology::Vertex>& m_parent;
    std::vector<int>& m_depth;
};
} // namespace

Topology::Topology(const Estate& estate) : m_estate(estate)
{
    m_internet = AddVertex({VertexKind::Internet});
    m_perimeter = AddVertex({VertexKind::Perimeter});
    m_gateway = AddVertex({VertexKind::Gateway});
    boost::add_edge(m_internet, m_perimeter, m_graph);
    boost::add_edge(m_perimeter, m_gateway, m_graph);

    for (Index s = 0; s < static_cast<Index>(estate.Segments().size()); ++s)
    {
        VertexInfo info{VertexKind::Segment};
        info.segment = s;
        m_segmentVertex.push_back(AddVertex(info));
        boost::add_edge(m_gateway, m_segmentVertex.back(), m_graph);
    }

    std::map<std::pair<Index, Index>, Vertex> hostSwitches;
    for (Index m = 0; m < static_cast<Index>(estate.Machines().size()); ++m)
    {
        const Machine& machine = estate.Machines()[m];
        VertexInfo info{VertexKind::Machine};
        info.machine = m;
        Vertex mv = AddVertex(info);
        m_machineVertex.push_back(mv);
        Vertex segment = m_segmentVertex.at(static_cast<std::size_t>(machine.segment));
        if (machine.host == kNone)
        {
            boost::add_edge(mv, segment, m_graph);
            continue;
        }
        auto key = std::make_pair(machine.host, machine.segment);
        auto it = hostSwitches.find(key);
        if (it == hostSwitches.end())
        {
            VertexInfo sw{VertexKind::HostSwitch};
            sw.host = machine.host;
            sw.segment = machine.segment;
            it = hostSwitches.emplace(key, AddVertex(sw)).first;
            boost::add_edge(it->second, segment, m_graph);
        }
        VertexInfo vnic{VertexKind::Vnic};
        vnic.machine = m;
        Vertex vv = AddVertex(vnic);
        boost::add_edge(mv, vv, m_graph);
        boost::add_edge(vv, it->second, m_graph);
    }

    for (Index e = 0; e < static_cast<Index>(estate.Externals().size()); ++e)
    {
        VertexInfo info{VertexKind::External};
        info.external = e;
        m_externalVertex.push_back(AddVertex(info));
        boost::add_edge(m_internet, m_externalVertex.back(), m_graph);
    }

    std::size_t n = boost::num_vertices(m_graph);
    m_parent.assign(n, m_internet);
    m_depth.assign(n, 0);
    boost::breadth_first_search(m_graph, m_internet,
                                boost::visitor(TreeRecorder(m_parent, m_depth)));
}

Topology::Vertex
Topology::AddVertex(const VertexInfo& info)
{
    return boost::add_vertex(info, m_graph);
}

Topology::Vertex
Topology::AttachmentOf(Ipv4Address ip) const
{
    Endpoint endpoint = m_estate.Resolve(ip);
    switch (endpoint.kind)
    {
    case Endpoint::Kind::Machine:
        return m_machineVertex[static_cast<std::size_t>(endpoint.machine)];
    case Endpoint::Kind::Rogue:
        return m_segmentVertex[static_cast<std::size_t>(endpoint.segment)];
    case Endpoint::Kind::External:
        return endpoint.external == kNone
                   ? m_internet
                   : m_externalVertex[static_cast<std::size_t>(endpoint.external)];
    }
    return m_internet;
}

std::vector<Topology::Vertex>
Topology::Path(Vertex from, Vertex to) const
{
    std::vector<Vertex> up;
    std::vector<Vertex> down;
    Vertex a = from;
    Vertex b = to;
    while (m_depth[a] > m_depth[b])
    {
        up.push_back(a);
        a = m_parent[a];
    }
    while (m_depth[b] > m_depth[a])
    {
        down.push_back(b);
        b = m_parent[b];
    }
    while (a != b)
    {
        up.push_back(a);
        down.push_back(b);
        a = m_parent[a];
        b = m_parent[b];
    }
    up.push_back(a);
    up.insert(up.end(), down.rbegin(), down.rend());
    return up;
}

std::string
Topology::Label(Vertex v) const
{
    const VertexInfo& info = m_graph[v];
    switch (info.kind)
    {
    case VertexKind::Machine:
        return m_estate.Machines()[static_cast<std::size_t>(info.machine)].name;
    case VertexKind::Vnic:
        return "vnic@" + m_estate.Machines()[static_cast<std::size_t>(info.machine)].name;
    case VertexKind::HostSwitch:
        return m_estate.Hosts()[static_cast<std::size_t>(info.host)].name + "/" +
               m_estate.Segments()[static_cast<std::size_t>(info.segment)].name;
    case VertexKind::Segment:
        return "segment " + m_estate.Segments()[static_cast<std::size_t>(info.segment)].name;
    case VertexKind::Gateway:
        return "gateway";
    case VertexKind::Perimeter:
        return "perimeter";
    case VertexKind::Internet:
        return "internet";
    case VertexKind::External:
        return m_estate.Externals()[static_cast<std::size_t>(info.external)].name;
    }
    return "?";
}

} // namespace core
} // namespace segproof
