// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#include "estate-reader.h"

#include "bracket-range.h"
#include "core/limits.h"
#include "core/name-suggestion.h"
#include "core/units.h"

#include <map>
#include <set>
#include <unordered_map>

namespace segproof
{
namespace formats
{

/// Desktops listen on the Windows defaults unless `listens:` says otherwise.
core::ServiceSet
DefaultDesktopListens()
{
    core::ServiceSet set;
    for (std::uint32_t port : {135u, 139u, 445u, 3389u})
    {
        core::ServiceEntry entry;
        entry.protocol = static_cast<std::uint8_t>(core::Protocol::Tcp);
        entry.destinationPorts = {port, port};
        set.written.push_back(entry.ToString());
        set.entries.push_back(entry);
    }
    return set;
}

namespace
{

/// Where no machine can have an address: the simulator gives no node one there (and builds its
/// own links in 240.0.0.0/4), and probe finds no address to send from.
const std::vector<std::pair<core::Cidr, std::string>> kReservedBlocks = {
    {core::Cidr{0x00000000u, 8}, "this network"},
    {core::Cidr{0x7f000000u, 8}, "loopback"},
    {core::Cidr{0xe0000000u, 4}, "multicast"},
    {core::Cidr{0xf0000000u, 4}, "reserved"},
};

} // namespace

std::string
ReservedBlockOverlapping(const core::Cidr& cidr)
{
    for (const auto& [block, name] : kReservedBlocks)
    {
        if (block.Overlaps(cidr))
        {
            return block.ToString() + " (" + name + ")";
        }
    }
    return "";
}

namespace
{

/// The raw reading of one machine entry before addresses are assigned.
struct PendingMachine
{
    core::Machine machine;
    std::optional<core::Ipv4Address> explicitIp; ///< nullopt: ip auto
    YAML::Node ipNode;                           ///< for messages
    bool ipUnreadable = false; ///< `ip` was neither an address nor auto (reported)
};

class EstateReader
{
public:
    EstateReader(YamlContext& context, const ServiceResolver& resolveServices)
        : m_context(context), m_resolveServices(resolveServices)
    {
    }

    core::Estate Read(const YAML::Node& node)
    {
        if (!m_context.CheckMap(node, "'estate'", {"segments", "hosts", "machines", "external"}))
        {
            return core::Estate();
        }
        m_context.Require(node, "'estate'", {"segments", "machines"});
        ReadSegments(node["segments"]);
        ReadHosts(node["hosts"]);
        ReadMachines(node["machines"]);
        ReadExternals(node["external"]);
        AssignAutomaticAddresses();
        std::vector<core::Machine> machines;
        machines.reserve(m_pending.size());
        for (auto& p : m_pending)
        {
            machines.push_back(std::move(p.machine));
        }
        return core::Estate(std::move(m_segments), std::move(m_hosts), std::move(machines),
                            std::move(m_externals));
    }

    /// Segments defined with a CIDR that did not parse (already reported).
    const std::set<std::string>& UnusableSegments() const { return m_unusableSegments; }

private:
    template <typename F>
    void ForEachListItem(const YAML::Node& list, const std::string& what, F&& read)
    {
        if (!list)
        {
            return;
        }
        if (!list.IsSequence())
        {
            m_context.Error(list, what + " must be a list, got " + YamlKindName(list));
            return;
        }
        m_context.Count(list.size(), list);
        for (const auto& item : list)
        {
            read(item);
        }
    }

    void ReadSegments(const YAML::Node& list)
    {
        StopPast(list, core::Limits::kMaxSegments, "segments");
        ForEachListItem(
            list, "'segments'",
            [this](const YAML::Node& item)
            {
                if (!m_context.CheckMap(item, "a segment", {"name", "vlan", "cidr"}) ||
                    !m_context.Require(item, "a segment", {"name", "cidr"}))
                {
                    return;
                }
                core::Segment segment;
                auto name = m_context.String(item, "name");
                segment.name = name.value_or("");
                segment.location = m_context.Location(item);
                segment.vlan =
                    static_cast<int>(m_context.Integer(item, "vlan", 1, 4094).value_or(0));
                auto cidrText = m_context.String(item, "cidr");
                bool usable = cidrText.has_value();
                if (cidrText)
                {
                    core::CidrParse parsed = core::ParseCidr(*cidrText);
                    if (!parsed.cidr)
                    {
                        m_context.Error(item["cidr"], parsed.error);
                    }
                    // With host bits set the intended prefix is plain; carry on with it so that
                    // the machines of the segment are checked and not reported as dangling.
                    usable = parsed.cidr || parsed.suggestion;
                    segment.cidr =
                        parsed.cidr ? *parsed.cidr : parsed.suggestion.value_or(core::Cidr{});
                }
                if (!name || !ClaimName(m_segmentNames, segment.name, item["name"], "segment"))
                {
                    return;
                }
                std::string reserved = usable ? ReservedBlockOverlapping(segment.cidr) : "";
                if (!reserved.empty())
                {
                    m_context.Error(item["cidr"], "segment '" + segment.name + "' (" +
                                                      segment.cidr.ToString() + ") overlaps " +
                                                      reserved +
                                                      ", where no machine can have an address");
                    usable = false;
                }
                if (!usable)
                {
                    m_unusableSegments.insert(segment.name);
                    return;
                }
                for (const auto& other : m_segments)
                {
                    if (other.cidr.Overlaps(segment.cidr))
                    {
                        m_context.Error(item["cidr"], "segment '" + segment.name + "' (" +
                                                          segment.cidr.ToString() +
                                                          ") overlaps segment '" + other.name +
                                                          "' (" + other.cidr.ToString() + ") at " +
                                                          other.location.ToString());
                    }
                }
                m_segments.push_back(segment);
            });
    }

    void ReadHosts(const YAML::Node& list)
    {
        ForEachListItem(
            list, "'hosts'",
            [this](const YAML::Node& item)
            {
                if (!m_context.CheckMap(item, "a host", {"name"}) ||
                    !m_context.Require(item, "a host", {"name"}))
                {
                    return;
                }
                auto pattern = m_context.String(item, "name");
                if (!pattern)
                {
                    return;
                }
                std::vector<std::string> names = Expand(*pattern, item["name"]);
                if (m_hosts.size() + names.size() > core::Limits::kMaxHosts)
                {
                    m_context.Error(item["name"], "the estate would hold more than " +
                                                      std::to_string(core::Limits::kMaxHosts) +
                                                      " hosts (the limit; see docs/limits.md)");
                    throw ReadingStopped{};
                }
                std::vector<bool> claimed = ClaimNames(m_hostNames, names, item["name"], "host");
                for (std::size_t i = 0; i < names.size(); ++i)
                {
                    if (claimed[i])
                    {
                        m_hosts.push_back(core::Host{names[i], m_context.Location(item)});
                    }
                }
            });
    }

    void ReadMachines(const YAML::Node& list)
    {
        ForEachListItem(list, "'machines'",
                        [this](const YAML::Node& item)
                        {
                            if (!m_context.CheckMap(item, "a machine",
                                                    {"name", "kind", "segment", "host", "ip",
                                                     "tags", "listens", "holds", "os"}) ||
                                !m_context.Require(item, "a machine", {"name", "kind", "segment"}))
                            {
                                return;
                            }
                            ReadMachineEntry(item);
                        });
    }

    void ReadMachineEntry(const YAML::Node& item)
    {
        core::Machine prototype;
        prototype.location = m_context.Location(item);
        auto kind = m_context.String(item, "kind");
        if (kind == std::string("desktop"))
        {
            prototype.kind = core::MachineKind::Desktop;
        }
        else if (kind == std::string("server"))
        {
            prototype.kind = core::MachineKind::Server;
        }
        else if (kind)
        {
            m_context.Error(item["kind"], "'kind' must be desktop or server, got '" + *kind + "'" +
                                              core::DidYouMean(*kind, {"desktop", "server"}));
        }
        auto segmentName = m_context.String(item, "segment");
        if (segmentName)
        {
            prototype.segment = FindSegment(*segmentName);
            if (prototype.segment == core::kNone && m_unusableSegments.count(*segmentName) == 0)
            {
                m_context.Error(item["segment"],
                                "unknown segment '" + *segmentName + "'" +
                                    core::DidYouMean(*segmentName, SegmentNames()));
            }
        }
        std::vector<core::Index> hosts = ReadHostPlacement(item);
        // Entries that list the same hosts continue one round-robin: three entries of 40, 30
        // and 30 desktops on esx[01-02] put 50 on each host, as a planner would.
        std::size_t& nextSlot = m_nextHostSlot[hosts];
        const std::size_t firstSlot = nextSlot;
        for (const auto& tagNode : m_context.StringList(item, "tags"))
        {
            prototype.tags.push_back(tagNode.Scalar());
        }
        prototype.os = m_context.String(item, "os").value_or("");
        if (item["listens"])
        {
            prototype.listens = m_resolveServices(item["listens"]);
        }
        else if (prototype.kind == core::MachineKind::Desktop)
        {
            prototype.listens = DefaultDesktopListens();
        }
        prototype.holds = ReadHoldings(item["holds"]);

        std::optional<core::Ipv4Address> firstIp;
        bool ipUnreadable = false;
        auto ipText = m_context.String(item, "ip");
        if (ipText && *ipText != "auto")
        {
            firstIp = core::ParseIpv4(*ipText);
            if (!firstIp)
            {
                m_context.Error(item["ip"],
                                "'ip' must be an IPv4 address or 'auto', got '" + *ipText + "'");
                ipUnreadable = true; // the machines still get their names, for references
            }
        }

        auto pattern = m_context.String(item, "name");
        if (!pattern)
        {
            return;
        }
        std::vector<std::string> names = Expand(*pattern, item["name"]);
        if (m_pending.size() + names.size() > core::Limits::kMaxMachines)
        {
            m_context.Error(item["name"], "the estate would hold more than " +
                                              std::to_string(core::Limits::kMaxMachines) +
                                              " machines (the limit; see docs/limits.md)");
            return;
        }
        // Each machine of a range gets its own copy of the entry's tags and services.
        m_context.Count(names.size() * (prototype.tags.size() + prototype.listens.entries.size()),
                        item);
        std::vector<bool> claimed = ClaimNames(m_machineNames, names, item["name"], "machine");
        for (std::size_t i = 0; i < names.size(); ++i)
        {
            if (!claimed[i])
            {
                continue;
            }
            PendingMachine pending{prototype, std::nullopt, item["ip"], ipUnreadable};
            pending.machine.name = names[i];
            pending.machine.host =
                hosts.empty() ? core::kNone : hosts[(firstSlot + i) % hosts.size()];
            nextSlot = firstSlot + i + 1;
            if (firstIp)
            {
                std::uint64_t ip = std::uint64_t{*firstIp} + i;
                if (ip > 0xffffffffu)
                {
                    m_context.Error(item["ip"],
                                    "addresses for '" + *pattern + "' run past 255.255.255.255");
                    return;
                }
                pending.explicitIp = static_cast<core::Ipv4Address>(ip);
                // A machine with a wrong address stays in the estate (the error is reported),
                // so that groups and rules naming it are not reported as dangling too.
                ClaimAddress(pending);
            }
            m_pending.push_back(std::move(pending));
        }
    }

    std::vector<core::Index> ReadHostPlacement(const YAML::Node& item)
    {
        std::vector<core::Index> hosts;
        for (const auto& hostNode : m_context.StringList(item, "host"))
        {
            for (const auto& name : Expand(hostNode.Scalar(), hostNode))
            {
                core::Index h = FindHost(name);
                if (h == core::kNone)
                {
                    m_context.Error(hostNode, "unknown host '" + name + "'" +
                                                  core::DidYouMean(name, HostNames()));
                    return {};
                }
                hosts.push_back(h);
            }
        }
        return hosts;
    }

    std::optional<core::Holdings> ReadHoldings(const YAML::Node& node)
    {
        if (!node)
        {
            return std::nullopt;
        }
        if (!m_context.CheckMap(node, "'holds'", {"records", "bytes"}))
        {
            return std::nullopt;
        }
        core::Holdings holdings;
        holdings.records = static_cast<std::uint64_t>(
            m_context.Integer(node, "records", 0, 1000000000000LL).value_or(0));
        if (auto bytes = m_context.String(node, "bytes"))
        {
            auto parsed = core::ParseByteSize(*bytes);
            if (!parsed)
            {
                const std::string expected = "'bytes' must be a size such as 250MB, 2GiB or 4096";
                m_context.Error(node["bytes"], expected + ", got '" + *bytes + "'");
            }
            holdings.bytes = parsed.value_or(0);
        }
        return holdings;
    }

    void ReadExternals(const YAML::Node& list)
    {
        StopPast(list, core::Limits::kMaxExternals, "external addresses");
        ForEachListItem(
            list, "'external'",
            [this](const YAML::Node& item)
            {
                if (!m_context.CheckMap(item, "an external address", {"name", "ip"}) ||
                    !m_context.Require(item, "an external address", {"name", "ip"}))
                {
                    return;
                }
                core::External external;
                auto name = m_context.String(item, "name");
                external.name = name.value_or("");
                external.location = m_context.Location(item);
                auto ipText = m_context.String(item, "ip");
                if (!ipText)
                {
                    return; // reported by String
                }
                auto ip = core::ParseIpv4(*ipText);
                if (!ip)
                {
                    m_context.Error(item["ip"],
                                    "'ip' must be an IPv4 address, got '" + *ipText + "'");
                    return;
                }
                external.ip = *ip;
                std::string reserved = ReservedBlockOverlapping(core::Cidr{*ip, 32});
                if (!reserved.empty())
                {
                    m_context.Error(item["ip"], "external address '" + external.name + "' (" +
                                                    *ipText + ") lies in " + reserved +
                                                    ", where no machine can have an address");
                    return;
                }
                for (const auto& segment : m_segments)
                {
                    if (segment.cidr.Contains(*ip))
                    {
                        m_context.Error(item["ip"], "external address '" + external.name + "' (" +
                                                        *ipText + ") lies inside segment '" +
                                                        segment.name + "' (" +
                                                        segment.cidr.ToString() + ")");
                        return;
                    }
                }
                if (!name)
                {
                    return; // reported by String
                }
                if (m_machineNames.count(external.name) != 0)
                {
                    m_context.Error(item["name"], "'" + external.name +
                                                      "' is already the name of a machine at " +
                                                      m_machineNames[external.name].ToString());
                    return;
                }
                if (!ClaimName(m_externalNames, external.name, item["name"], "external address"))
                {
                    return;
                }
                auto taken = m_externalIps.find(*ip);
                if (taken != m_externalIps.end())
                {
                    m_context.Error(item["ip"], "address " + *ipText + " is already held by '" +
                                                    taken->second + "'");
                    return;
                }
                m_externalIps.emplace(*ip, external.name);
                m_externals.push_back(external);
            });
    }

    /// Checks an explicit address: inside its segment, not held by another machine.
    bool ClaimAddress(const PendingMachine& pending)
    {
        const core::Machine& m = pending.machine;
        core::Ipv4Address ip = *pending.explicitIp;
        if (m.segment != core::kNone)
        {
            const core::Segment& segment = m_segments[m.segment];
            if (!segment.cidr.Contains(ip) || ip == segment.cidr.First() ||
                ip == segment.cidr.Last())
            {
                std::string why = !segment.cidr.Contains(ip)   ? " lies outside segment '"
                                  : ip == segment.cidr.First() ? " is the network address of "
                                                                 "segment '"
                                                               : " is the broadcast address of "
                                                                 "segment '";
                m_context.Error(pending.ipNode, "address " + core::FormatIpv4(ip) + " of '" +
                                                    m.name + "'" + why + segment.name + "' (" +
                                                    segment.cidr.ToString() + ")");
                return false;
            }
        }
        auto taken = m_usedIps.find(ip);
        if (taken != m_usedIps.end())
        {
            m_context.Error(pending.ipNode, "address " + core::FormatIpv4(ip) + " of '" + m.name +
                                                "' is already held by '" + taken->second + "'");
            return false;
        }
        m_usedIps.emplace(ip, m.name);
        return true;
    }

    /// `ip: auto`: the next free address of the segment from network+10, in file order,
    /// after every explicit address has been claimed.
    void AssignAutomaticAddresses()
    {
        std::vector<std::uint64_t> cursor(m_segments.size());
        for (std::size_t s = 0; s < m_segments.size(); ++s)
        {
            cursor[s] = std::uint64_t{m_segments[s].cidr.First()} + 10;
        }
        std::set<core::Index> exhausted;
        for (auto& pending : m_pending)
        {
            core::Machine& m = pending.machine;
            if (pending.explicitIp)
            {
                m.ip = *pending.explicitIp;
                continue;
            }
            if (m.segment == core::kNone || pending.ipUnreadable)
            {
                continue;
            }
            const core::Segment& segment = m_segments[m.segment];
            std::uint64_t& next = cursor[m.segment];
            while (next < segment.cidr.Last() &&
                   m_usedIps.count(static_cast<core::Ipv4Address>(next)))
            {
                ++next;
            }
            if (next >= segment.cidr.Last())
            {
                if (exhausted.insert(m.segment).second)
                {
                    ReportNoFreeAddress(segment, m);
                }
                continue;
            }
            m.ip = static_cast<core::Ipv4Address>(next);
            m_usedIps.emplace(m.ip, m.name);
            ++next;
        }
    }

    void ReportNoFreeAddress(const core::Segment& segment, const core::Machine& machine)
    {
        const std::string prefix =
            "segment '" + segment.name + "' (" + segment.cidr.ToString() + ")";
        std::uint64_t first = std::uint64_t{segment.cidr.First()} + 10;
        std::uint64_t last = std::uint64_t{segment.cidr.Last()} - 1;
        if (segment.cidr.Size() < 2 || first > last)
        {
            m_context.Error(machine.location,
                            prefix +
                                " is too small for ip auto, which assigns from network+10 "
                                "to broadcast-1; give '" +
                                machine.name + "' an explicit ip");
            return;
        }
        m_context.Error(machine.location,
                        prefix + " has no free address left for '" + machine.name +
                            "': ip auto takes " +
                            core::FormatIpv4(static_cast<core::Ipv4Address>(first)) + " to " +
                            core::FormatIpv4(static_cast<core::Ipv4Address>(last)) +
                            " (network+10 to broadcast-1) and all of them are in use");
    }

    std::vector<std::string> Expand(const std::string& pattern, const YAML::Node& node)
    {
        BracketExpansion expansion = ExpandBracketRange(pattern, core::Limits::kMaxRangeExpansion);
        if (!expansion.error.empty())
        {
            m_context.Error(node, expansion.error);
        }
        m_context.Count(expansion.names.size(), node);
        return expansion.names;
    }

    /// A list longer than `limit` ends the reading with one error, rather than one for every
    /// name that its missing entries would leave dangling.
    void StopPast(const YAML::Node& list, std::size_t limit, const std::string& what)
    {
        if (list && list.IsSequence() && list.size() > limit)
        {
            m_context.Error(list, "the estate has " + std::to_string(list.size()) + " " + what +
                                      ", more than " + std::to_string(limit) +
                                      " (the limit; see docs/limits.md)");
            throw ReadingStopped{};
        }
    }

    bool ClaimName(std::map<std::string, core::SourceLocation>& names, const std::string& name,
                   const YAML::Node& node, const std::string& what)
    {
        if (name.empty())
        {
            m_context.Error(node, Article(what) + " " + what + " name must not be empty");
            return false;
        }
        auto [it, inserted] = names.emplace(name, m_context.Location(node));
        if (!inserted)
        {
            m_context.Error(node, "duplicate " + what + " name '" + name + "' (first at " +
                                      it->second.ToString() + ")");
        }
        return inserted;
    }

    /// Claims every name an entry expands to; reports the ones already taken in one message
    /// (two overlapping ranges would otherwise print a line per name). True where claimed.
    std::vector<bool> ClaimNames(std::map<std::string, core::SourceLocation>& table,
                                 const std::vector<std::string>& names, const YAML::Node& node,
                                 const std::string& what)
    {
        std::vector<bool> claimed(names.size(), false);
        std::vector<std::string> duplicates;
        core::SourceLocation firstAt;
        for (std::size_t i = 0; i < names.size(); ++i)
        {
            if (names[i].empty())
            {
                m_context.Error(node, Article(what) + " " + what + " name must not be empty");
                continue;
            }
            auto [it, inserted] = table.emplace(names[i], m_context.Location(node));
            claimed[i] = inserted;
            if (!inserted)
            {
                firstAt = duplicates.empty() ? it->second : firstAt;
                duplicates.push_back(names[i]);
            }
        }
        if (duplicates.size() == 1)
        {
            m_context.Error(node, "duplicate " + what + " name '" + duplicates[0] + "' (first at " +
                                      firstAt.ToString() + ")");
        }
        else if (!duplicates.empty())
        {
            const std::size_t shown = 5;
            std::string list;
            for (std::size_t i = 0; i < duplicates.size() && i < shown; ++i)
            {
                list += (i == 0 ? "" : ", ") + duplicates[i];
            }
            if (duplicates.size() > shown)
            {
                list += " and " + std::to_string(duplicates.size() - shown) + " more";
            }
            m_context.Error(node, "duplicate " + what + " names " + list + " (" +
                                      std::to_string(duplicates.size()) + " names; " +
                                      duplicates[0] + " first at " + firstAt.ToString() + ")");
        }
        return claimed;
    }

    static std::string Article(const std::string& noun)
    {
        return std::string("aeiou").find(noun.front()) == std::string::npos ? "a" : "an";
    }

    core::Index FindSegment(const std::string& name)
    {
        if (m_segmentIndex.size() != m_segments.size())
        {
            m_segmentIndex.clear();
            for (core::Index i = 0; i < static_cast<core::Index>(m_segments.size()); ++i)
            {
                m_segmentIndex.emplace(m_segments[i].name, i);
            }
        }
        auto it = m_segmentIndex.find(name);
        return it == m_segmentIndex.end() ? core::kNone : it->second;
    }

    core::Index FindHost(const std::string& name)
    {
        if (m_hostIndex.size() != m_hosts.size())
        {
            m_hostIndex.clear();
            for (core::Index i = 0; i < static_cast<core::Index>(m_hosts.size()); ++i)
            {
                m_hostIndex.emplace(m_hosts[i].name, i);
            }
        }
        auto it = m_hostIndex.find(name);
        return it == m_hostIndex.end() ? core::kNone : it->second;
    }

    std::vector<std::string> SegmentNames() const
    {
        std::vector<std::string> names;
        for (const auto& s : m_segments)
        {
            names.push_back(s.name);
        }
        return names;
    }

    std::vector<std::string> HostNames() const
    {
        std::vector<std::string> names;
        for (const auto& h : m_hosts)
        {
            names.push_back(h.name);
        }
        return names;
    }

    YamlContext& m_context;
    const ServiceResolver& m_resolveServices;
    std::vector<core::Segment> m_segments;
    std::vector<core::Host> m_hosts;
    std::vector<PendingMachine> m_pending;
    std::vector<core::External> m_externals;
    std::map<std::string, core::SourceLocation> m_segmentNames;
    std::map<std::string, core::SourceLocation> m_hostNames;
    std::map<std::string, core::SourceLocation> m_machineNames;
    std::map<std::string, core::SourceLocation> m_externalNames;
    std::set<std::string> m_unusableSegments;
    std::unordered_map<std::string, core::Index> m_hostIndex;
    std::unordered_map<std::string, core::Index> m_segmentIndex;
    std::map<std::vector<core::Index>, std::size_t> m_nextHostSlot; ///< round-robin per host list
    std::unordered_map<core::Ipv4Address, std::string> m_usedIps;
    std::unordered_map<core::Ipv4Address, std::string> m_externalIps;
};

} // namespace

core::Estate
ReadEstate(const YAML::Node& node, YamlContext& context, const ServiceResolver& resolveServices,
           EstateGaps* gaps)
{
    EstateReader reader(context, resolveServices);
    core::Estate estate = reader.Read(node);
    if (gaps != nullptr)
    {
        gaps->segments = reader.UnusableSegments();
    }
    return estate;
}

} // namespace formats
} // namespace segproof
