// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#include "machine-connectivity.h"

#include "address-classes.h"
#include "concrete-evaluator.h"
#include "connection.h"
#include "identity-firewall.h"
#include "service-classes.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>

namespace segproof
{
namespace core
{

namespace
{

std::string
RangeText(const ValueRange& r)
{
    return r.first == r.last ? std::to_string(r.first)
                             : std::to_string(r.first) + "-" + std::to_string(r.last);
}

/// "10.0.0.0/24", "1.2.0.0-1.2.1.127", joined with ", ".
std::string
AddressesText(const AddressSet& set)
{
    std::string text;
    for (const auto& range : set.Ranges())
    {
        std::string piece = FormatIpv4(range.first);
        if (range.last != range.first)
        {
            // A range that is exactly a prefix is written as one.
            std::uint64_t size = std::uint64_t{range.last} - range.first + 1;
            int length = 32;
            while (length > 0 && (std::uint64_t{1} << (32 - length)) < size)
            {
                --length;
            }
            const bool prefix = (std::uint64_t{1} << (32 - length)) == size &&
                                (range.first & ((size - 1) & 0xffffffffu)) == 0;
            piece = prefix ? FormatIpv4(range.first) + "/" + std::to_string(length)
                           : FormatIpv4(range.first) + "-" + FormatIpv4(range.last);
        }
        text += (text.empty() ? "" : ", ") + piece;
    }
    return text;
}

/// Merges adjacent or overlapping ranges.
std::vector<ValueRange>
Merge(std::vector<ValueRange> ranges)
{
    std::sort(ranges.begin(), ranges.end(),
              [](const ValueRange& a, const ValueRange& b) { return a.first < b.first; });
    std::vector<ValueRange> merged;
    for (const auto& r : ranges)
    {
        if (!merged.empty() && r.first <= merged.back().last + 1)
        {
            merged.back().last = std::max(merged.back().last, r.last);
        }
        else
        {
            merged.push_back(r);
        }
    }
    return merged;
}

/// The delivered cells as disjoint entries: TCP / UDP grouped by source-port range, then
/// destination ranges merged; ICMP types merged; other protocols one by one.
std::vector<ServiceEntry>
Compact(const std::vector<ServiceClass>& cells, std::size_t allCells,
        std::optional<std::uint8_t> unnamedOther, bool& everything)
{
    everything = cells.size() == allCells;
    std::vector<ServiceEntry> entries;
    for (auto protocol : {Protocol::Tcp, Protocol::Udp})
    {
        // source range -> destination ranges delivered with it
        std::map<std::pair<std::uint32_t, std::uint32_t>, std::vector<ValueRange>> bySource;
        for (const auto& cell : cells)
        {
            if (cell.protocol == static_cast<std::uint8_t>(protocol))
            {
                bySource[{cell.sourcePorts.first, cell.sourcePorts.last}].push_back(
                    cell.destinationPorts);
            }
        }
        // Source ranges with the same destinations are one entry set.
        std::map<std::vector<std::pair<std::uint32_t, std::uint32_t>>, std::vector<ValueRange>>
            byDestinations;
        for (auto& [source, destinations] : bySource)
        {
            std::vector<std::pair<std::uint32_t, std::uint32_t>> key;
            for (const auto& d : Merge(destinations))
            {
                key.emplace_back(d.first, d.last);
            }
            byDestinations[key].push_back(ValueRange{source.first, source.second});
        }
        for (auto& [destinations, sources] : byDestinations)
        {
            for (const auto& s : Merge(sources))
            {
                for (const auto& d : destinations)
                {
                    ServiceEntry e;
                    e.protocol = static_cast<std::uint8_t>(protocol);
                    e.destinationPorts = ValueRange{d.first, d.second};
                    e.sourcePorts = s;
                    entries.push_back(e);
                }
            }
        }
    }
    std::vector<ValueRange> types;
    for (const auto& cell : cells)
    {
        if (cell.protocol == static_cast<std::uint8_t>(Protocol::Icmp))
        {
            types.push_back(cell.icmpTypes);
        }
    }
    for (const auto& t : Merge(types))
    {
        ServiceEntry e;
        e.protocol = static_cast<std::uint8_t>(Protocol::Icmp);
        e.icmpTypes = t;
        entries.push_back(e);
    }
    for (const auto& cell : cells)
    {
        if (cell.protocol != static_cast<std::uint8_t>(Protocol::Tcp) &&
            cell.protocol != static_cast<std::uint8_t>(Protocol::Udp) &&
            cell.protocol != static_cast<std::uint8_t>(Protocol::Icmp))
        {
            ServiceEntry e;
            e.protocol = cell.protocol;
            // The cell of the protocols no entry names stands for all of them.
            e.anyProtocol = unnamedOther == cell.protocol;
            entries.push_back(e);
        }
    }
    return entries;
}

std::vector<ConnectivityEnd>
Ends(const Scenario& scenario, const AddressClasses& classes)
{
    const Estate& estate = scenario.GetEstate();
    std::vector<ConnectivityEnd> ends;
    for (const auto& machine : estate.Machines())
    {
        ConnectivityEnd end;
        end.name = machine.name;
        end.machine = true;
        end.addresses.Add(machine.ip);
        ends.push_back(end);
    }
    std::sort(ends.begin(), ends.end(),
              [](const ConnectivityEnd& a, const ConnectivityEnd& b) { return a.name < b.name; });
    for (const auto& cls : classes.Classes())
    {
        if (cls.attachment != AttachmentKind::External)
        {
            continue;
        }
        ConnectivityEnd end;
        end.addresses = cls.addresses;
        Index external = estate.ExternalAt(cls.representative);
        end.name = external != kNone && cls.Size() == 1
                       ? estate.Externals()[static_cast<std::size_t>(external)].name
                       : AddressesText(cls.addresses);
        ends.push_back(end);
    }
    return ends;
}

} // namespace

std::uint64_t
MachineConnectivityCost(const Scenario& scenario)
{
    std::uint64_t ends = scenario.GetEstate().Machines().size();
    AddressClasses classes(scenario);
    for (const auto& cls : classes.Classes())
    {
        ends += cls.attachment == AttachmentKind::External ? 1 : 0;
    }
    return ends * ends * ServiceClassCount(scenario);
}

MachineConnectivity
BuildMachineConnectivity(const Scenario& scenario, const Posture& posture)
{
    if (DependsOnSessions(scenario, posture))
    {
        // Nobody logged on, as the matrix by segment and the probe.
        const Scenario nobody = WithNobodyLoggedOn(scenario);
        MachineConnectivity connectivity = BuildMachineConnectivity(nobody, posture);
        connectivity.firewalls += kNobodyLoggedOnNote;
        return connectivity;
    }
    MachineConnectivity result;
    result.scenario = scenario.Name();
    result.posture = posture.name;
    result.firewalls = posture.FirewallList();
    AddressClasses classes(scenario);
    std::vector<ServiceClass> cells = ServiceClasses(scenario);
    result.ends = Ends(scenario, classes);
    ConcreteEvaluator evaluator(scenario);
    // ServiceClasses ends with the cell of every protocol no entry names, if there is one.
    std::optional<std::uint8_t> unnamedOther;
    if (!cells.empty() && cells.back().protocol != static_cast<std::uint8_t>(Protocol::Tcp) &&
        cells.back().protocol != static_cast<std::uint8_t>(Protocol::Udp) &&
        cells.back().protocol != static_cast<std::uint8_t>(Protocol::Icmp))
    {
        // Named protocols come before it, each once; it is unnamed when no entry names it.
        unnamedOther = cells.back().protocol;
        for (auto kind : kAllFirewallKinds)
        {
            if (const Firewall* fw = scenario.FindFirewall(kind))
            {
                for (const auto& rule : fw->rules)
                {
                    for (const auto& e : rule.service.entries)
                    {
                        if (!e.anyProtocol && e.protocol == *unnamedOther)
                        {
                            unnamedOther.reset();
                        }
                    }
                }
            }
        }
    }
    std::vector<Ipv4Address> representatives;
    for (const auto& end : result.ends)
    {
        representatives.push_back(
            end.machine ? end.addresses.Ranges().front().first
                        : classes.Classes()[classes.ClassOf(end.addresses.Ranges().front().first)]
                              .representative);
    }
    for (std::size_t from = 0; from < result.ends.size(); ++from)
    {
        for (std::size_t to = 0; to < result.ends.size(); ++to)
        {
            const Ipv4Address source = representatives[from];
            const Ipv4Address destination = representatives[to];
            if (from == to || !evaluator.InModel(source, destination))
            {
                continue;
            }
            std::vector<ServiceClass> delivered;
            for (const auto& cell : cells)
            {
                Connection connection;
                connection.source = source;
                connection.destination = destination;
                cell.ApplyTo(connection);
                if (evaluator.Evaluate(connection, posture).delivered)
                {
                    delivered.push_back(cell);
                }
            }
            if (delivered.empty())
            {
                continue;
            }
            ConnectivityPair pair;
            pair.from = from;
            pair.to = to;
            pair.delivered = Compact(delivered, cells.size(), unnamedOther, pair.everything);
            result.pairs.push_back(std::move(pair));
        }
    }
    return result;
}

std::string
DescribeDelivered(const ConnectivityPair& pair)
{
    if (pair.everything)
    {
        return "any";
    }
    std::string text;
    auto add = [&text](const std::string& piece) { text += (text.empty() ? "" : "; ") + piece; };
    for (auto protocol : {Protocol::Tcp, Protocol::Udp})
    {
        // One piece per source range: "tcp/80,443", "tcp/53 from port 53".
        std::map<std::pair<std::uint32_t, std::uint32_t>, std::string> pieces;
        for (const auto& e : pair.delivered)
        {
            if (e.protocol != static_cast<std::uint8_t>(protocol))
            {
                continue;
            }
            std::string& piece = pieces[{e.sourcePorts.first, e.sourcePorts.last}];
            piece += (piece.empty() ? "" : ",") + RangeText(e.destinationPorts);
        }
        for (const auto& [source, ports] : pieces)
        {
            std::string piece = ProtocolName(static_cast<std::uint8_t>(protocol));
            if (ports != "0-65535")
            {
                piece += "/" + ports;
            }
            if (!(source.first == 0 && source.second == 65535))
            {
                piece += " from port " + RangeText(ValueRange{source.first, source.second});
            }
            add(piece);
        }
    }
    std::string types;
    for (const auto& e : pair.delivered)
    {
        if (e.protocol == static_cast<std::uint8_t>(Protocol::Icmp))
        {
            types += (types.empty() ? "" : ",") + RangeText(e.icmpTypes);
        }
    }
    if (!types.empty())
    {
        add(types == "0-255" ? "icmp" : "icmp/" + types);
    }
    for (const auto& e : pair.delivered)
    {
        if (e.protocol != static_cast<std::uint8_t>(Protocol::Tcp) &&
            e.protocol != static_cast<std::uint8_t>(Protocol::Udp) &&
            e.protocol != static_cast<std::uint8_t>(Protocol::Icmp))
        {
            add(e.anyProtocol ? "other protocols" : ProtocolName(e.protocol));
        }
    }
    return text;
}

} // namespace core
} // namespace segproof
