// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#ifndef SEGPROOF_CORE_TOPOLOGY_H
#define SEGPROOF_CORE_TOPOLOGY_H

#include "estate.h"

#include <boost/graph/adjacency_list.hpp>
#include <string>
#include <vector>

namespace segproof
{
namespace core
{

/// The physical and virtual network the estate's packets cross, as a Boost.Graph tree:
///
///   machine - vNIC - host switch (host x segment) - segment - gateway - perimeter - internet
///
/// A machine without a host hangs on its segment directly (no vNIC); a named external hangs
/// on the internet. Paths, and so the enforcement points a connection meets, are read off
/// this graph, never from a list written by hand.
class Topology
{
public:
    /// What a vertex stands for.
    enum class VertexKind
    {
        Machine,
        Vnic,
        HostSwitch,
        Segment,
        Gateway,
        Perimeter,
        Internet,
        External,
    };

    /// A vertex's kind and the estate element it stands for.
    struct VertexInfo
    {
        VertexKind kind = VertexKind::Internet;
        Index machine = kNone;  ///< Machine, Vnic
        Index host = kNone;     ///< HostSwitch
        Index segment = kNone;  ///< HostSwitch, Segment
        Index external = kNone; ///< External
    };

    using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS, VertexInfo>;
    using Vertex = Graph::vertex_descriptor;

    /// Builds the graph of an estate (kept by reference: it must outlive the topology).
    explicit Topology(const Estate& estate);

    /// The graph itself (for analyses and for the simulator's helper).
    const Graph& GetGraph() const { return m_graph; }
    /// The vertex an address attaches at: its machine, its segment (an address no machine
    /// holds), its named external, or the internet.
    Vertex AttachmentOf(Ipv4Address ip) const;
    /// The vertices from `from` to `to`, both included (the tree's unique path).
    std::vector<Vertex> Path(Vertex from, Vertex to) const;
    /// The vertex's kind and element.
    const VertexInfo& Info(Vertex v) const { return m_graph[v]; }
    /// "vdi001", "vnic@vdi001", "esx01/vdi", "segment vdi", "gateway", ...
    std::string Label(Vertex v) const;

private:
    Vertex AddVertex(const VertexInfo& info);

    const Estate& m_estate;
    Graph m_graph;
    Vertex m_internet = 0;
    Vertex m_perimeter = 0;
    Vertex m_gateway = 0;
    std::vector<Vertex> m_machineVertex;
    std::vector<Vertex> m_segmentVertex;
    std::vector<Vertex> m_externalVertex;
    std::vector<Vertex> m_parent; ///< towards the internet (the root)
    std::vector<int> m_depth;
};

} // namespace core
} // namespace segproof

#endif
