// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#ifndef SEGPROOF_CORE_ESTATE_H
#define SEGPROOF_CORE_ESTATE_H

#include "ipv4.h"
#include "service.h"
#include "source-location.h"

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace segproof
{
namespace core
{

/// An L2 segment: one VLAN, one IPv4 subnet.
struct Segment
{
    std::string name;
    int vlan = 0;
    Cidr cidr;
    /// NSX's path for the segment (/infra/segments/ID) when the estate came from NSX; empty
    /// otherwise (an NSX group's PathExpression then names it as /infra/segments/NAME).
    std::string nsxPath;
    SourceLocation location;
};

/// A hypervisor host; its virtual switch carries the vNICs of the machines placed on it.
struct Host
{
    std::string name;
    SourceLocation location;
};

/// What a machine is: a virtual desktop or a server.
enum class MachineKind
{
    Desktop,
    Server,
};

/// "desktop" or "server".
std::string MachineKindName(MachineKind kind);

/// Crown-jewel data a machine holds.
struct Holdings
{
    std::uint64_t records = 0;
    std::uint64_t bytes = 0;
};

/// Machines counted by kind.
struct MachineCounts
{
    std::size_t desktops = 0;
    std::size_t servers = 0;

    std::size_t Total() const { return desktops + servers; }
    void Add(MachineKind kind) { (kind == MachineKind::Desktop ? desktops : servers)++; }
    void Add(const MachineCounts& other)
    {
        desktops += other.desktops;
        servers += other.servers;
    }
};

/// Index of an element in its Estate vector; kNone when absent.
using Index = int;
constexpr Index kNone = -1;

/// A machine inside a segment: a VM with a vNIC on its host, or a physical box without a host.
struct Machine
{
    std::string name;
    MachineKind kind = MachineKind::Desktop;
    Index segment = kNone;
    Index host = kNone; ///< kNone: not virtualised, so no vNIC and no DFW.
    Ipv4Address ip = 0;
    std::vector<std::string> tags; ///< NSX style "scope|tag".
    std::string os;                ///< Operating system name (NSX OSName), may be empty.
    ServiceSet listens;            ///< Services the machine serves.
    std::optional<Holdings> holds; ///< Crown-jewel data, if any.
    /// NSX's external_id (the vCenter instance UUID) when the estate came from NSX; empty
    /// otherwise.
    std::string externalId;
    SourceLocation location;

    /// True when the machine carries the tag.
    bool HasTag(const std::string& tag) const;
};

/// A named address outside every segment (the internet).
struct External
{
    std::string name;
    Ipv4Address ip = 0;
    SourceLocation location;
};

/// Where an address sits in the estate.
struct Endpoint
{
    enum class Kind
    {
        Machine,  ///< a machine of the estate
        Rogue,    ///< an address inside a segment that no machine holds
        External, ///< outside every segment (named external or any internet address)
    };
    Kind kind = Kind::External;
    Index machine = kNone;
    Index segment = kNone;
    Index external = kNone; ///< set when the address is a named external
};

/// The estate: segments, hosts, machines and external addresses, with lookups.
class Estate
{
public:
    Estate() = default;
    Estate(std::vector<Segment> segments, std::vector<Host> hosts, std::vector<Machine> machines,
           std::vector<External> externals);

    const std::vector<Segment>& Segments() const { return m_segments; }
    const std::vector<Host>& Hosts() const { return m_hosts; }
    const std::vector<Machine>& Machines() const { return m_machines; }
    const std::vector<External>& Externals() const { return m_externals; }

    /// Index of the machine with that name, or kNone.
    Index FindMachine(const std::string& name) const;
    /// Index of the machine holding that address, or kNone.
    Index MachineAt(Ipv4Address ip) const;
    /// Index of the segment whose subnet contains the address, or kNone.
    Index SegmentOf(Ipv4Address ip) const;
    /// Index of the named external, or kNone.
    Index FindExternal(const std::string& name) const;
    /// Index of the external holding that address, or kNone.
    Index ExternalAt(Ipv4Address ip) const;
    /// Where the address sits: machine, rogue address in a segment, or outside.
    Endpoint Resolve(Ipv4Address ip) const;
    /// Display name of an address: the machine's or external's name, else the dotted quad.
    std::string NameOf(Ipv4Address ip) const;

private:
    std::vector<Segment> m_segments;
    std::vector<Host> m_hosts;
    std::vector<Machine> m_machines;
    std::vector<External> m_externals;
    std::unordered_map<std::string, Index> m_machineByName;
    std::unordered_map<Ipv4Address, Index> m_machineByIp;
    std::unordered_map<std::string, Index> m_externalByName;
    std::unordered_map<Ipv4Address, Index> m_externalByIp;
    std::vector<Index> m_segmentsByAddress; ///< segment indices sorted by network address
};

} // namespace core
} // namespace segproof

#endif
