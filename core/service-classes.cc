// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#include "service-classes.h"

#include <algorithm>
#include <optional>
#include <set>

namespace segproof
{
namespace core
{

void
ServiceClass::ApplyTo(Connection& connection) const
{
    connection.protocol = protocol;
    connection.sourcePort = static_cast<std::uint16_t>(sourcePorts.first);
    connection.destinationPort = static_cast<std::uint16_t>(destinationPorts.first);
    connection.icmpType = static_cast<std::uint8_t>(icmpTypes.first);
}

std::string
ServiceClass::ToString() const
{
    auto range = [](const ValueRange& r)
    {
        return r.first == r.last ? std::to_string(r.first)
                                 : std::to_string(r.first) + "-" + std::to_string(r.last);
    };
    if (protocol == static_cast<std::uint8_t>(Protocol::Icmp))
    {
        return "icmp type " + range(icmpTypes);
    }
    if (protocol == static_cast<std::uint8_t>(Protocol::Tcp) ||
        protocol == static_cast<std::uint8_t>(Protocol::Udp))
    {
        std::string text = ProtocolName(protocol) + "/" + range(destinationPorts);
        if (!(sourcePorts == ValueRange{0, 65535}))
        {
            text += " from port " + range(sourcePorts);
        }
        return text;
    }
    return ProtocolName(protocol);
}

namespace
{

void
CollectEntries(const ServiceSet& set, std::vector<ServiceEntry>& into)
{
    into.insert(into.end(), set.entries.begin(), set.entries.end());
}

/// Splits [0, max] at every range boundary of `ranges`.
std::vector<ValueRange>
Split(const std::vector<ValueRange>& ranges, std::uint32_t max)
{
    std::set<std::uint32_t> cuts = {0, max + 1};
    for (const auto& r : ranges)
    {
        cuts.insert(r.first);
        cuts.insert(r.last + 1);
    }
    std::vector<ValueRange> cells;
    for (auto it = cuts.begin(); std::next(it) != cuts.end(); ++it)
    {
        cells.push_back({*it, *std::next(it) - 1});
    }
    return cells;
}

/// How many cells Split(ranges, max) returns.
std::uint64_t
SplitCount(const std::vector<ValueRange>& ranges, std::uint32_t max)
{
    std::set<std::uint32_t> cuts = {0, max + 1};
    for (const auto& r : ranges)
    {
        cuts.insert(r.first);
        cuts.insert(r.last + 1);
    }
    return cuts.size() - 1;
}

void
CollectScenarioEntries(const Scenario& scenario, std::vector<ServiceEntry>& entries)
{
    for (const auto& s : scenario.Services())
    {
        entries.insert(entries.end(), s.entries.begin(), s.entries.end());
    }
    for (auto kind : kAllFirewallKinds)
    {
        if (const Firewall* fw = scenario.FindFirewall(kind))
        {
            for (const auto& r : fw->rules)
            {
                CollectEntries(r.service, entries);
            }
        }
    }
    for (const auto& i : scenario.Intents())
    {
        CollectEntries(i.service, entries);
    }
    for (const auto& m : scenario.GetEstate().Machines())
    {
        CollectEntries(m.listens, entries);
    }
}

bool
IsOtherProtocol(std::uint8_t protocol)
{
    return protocol != static_cast<std::uint8_t>(Protocol::Tcp) &&
           protocol != static_cast<std::uint8_t>(Protocol::Udp) &&
           protocol != static_cast<std::uint8_t>(Protocol::Icmp);
}

/// The protocols other than TCP, UDP and ICMP that some entry names.
std::set<std::uint8_t>
NamedOtherProtocols(const std::vector<ServiceEntry>& entries)
{
    std::set<std::uint8_t> named;
    for (const auto& e : entries)
    {
        if (!e.anyProtocol && IsOtherProtocol(e.protocol))
        {
            named.insert(e.protocol);
        }
    }
    return named;
}

/// The lowest protocol number that is neither TCP, UDP, ICMP nor named (0 unless 0 is named);
/// nullopt when every number is.
std::optional<std::uint8_t>
FirstUnnamedOtherProtocol(const std::set<std::uint8_t>& named)
{
    for (unsigned p = 0; p <= 255; ++p)
    {
        auto protocol = static_cast<std::uint8_t>(p);
        if (IsOtherProtocol(protocol) && named.count(protocol) == 0)
        {
            return protocol;
        }
    }
    return std::nullopt;
}

} // namespace

std::vector<ServiceClass>
ServiceClasses(const Scenario& scenario, const std::vector<const Scenario*>& alsoSplitBy)
{
    std::vector<ServiceEntry> entries;
    CollectScenarioEntries(scenario, entries);
    for (const Scenario* other : alsoSplitBy)
    {
        CollectScenarioEntries(*other, entries);
    }

    std::vector<ServiceClass> classes;
    for (auto protocol : {Protocol::Tcp, Protocol::Udp})
    {
        std::vector<ValueRange> destination;
        std::vector<ValueRange> source;
        for (const auto& e : entries)
        {
            if (!e.anyProtocol && e.protocol == static_cast<std::uint8_t>(protocol))
            {
                destination.push_back(e.destinationPorts);
                source.push_back(e.sourcePorts);
            }
        }
        for (const auto& d : Split(destination, 65535))
        {
            for (const auto& s : Split(source, 65535))
            {
                ServiceClass cls;
                cls.protocol = static_cast<std::uint8_t>(protocol);
                cls.destinationPorts = d;
                cls.sourcePorts = s;
                classes.push_back(cls);
            }
        }
    }
    std::vector<ValueRange> types;
    for (const auto& e : entries)
    {
        if (!e.anyProtocol && e.protocol == static_cast<std::uint8_t>(Protocol::Icmp))
        {
            types.push_back(e.icmpTypes);
        }
    }
    for (const auto& t : Split(types, 255))
    {
        ServiceClass cls;
        cls.protocol = static_cast<std::uint8_t>(Protocol::Icmp);
        cls.icmpTypes = t;
        classes.push_back(cls);
    }
    // A protocol an entry names (NSX's IPProtocolServiceEntry, IGMP) is a cell of its own;
    // every other protocol is one cell, which only `any` matches.
    std::set<std::uint8_t> named = NamedOtherProtocols(entries);
    for (std::uint8_t protocol : named)
    {
        ServiceClass cls;
        cls.protocol = protocol;
        classes.push_back(cls);
    }
    if (auto unnamed = FirstUnnamedOtherProtocol(named))
    {
        ServiceClass other;
        other.protocol = *unnamed;
        classes.push_back(other);
    }
    return classes;
}

std::uint64_t
ServiceClassCount(const Scenario& scenario)
{
    std::vector<ServiceEntry> entries;
    CollectScenarioEntries(scenario, entries);
    std::set<std::uint8_t> named = NamedOtherProtocols(entries);
    // each named other protocol, and every other protocol as one
    std::uint64_t count = named.size() + (FirstUnnamedOtherProtocol(named) ? 1 : 0);
    for (auto protocol : {Protocol::Tcp, Protocol::Udp})
    {
        std::vector<ValueRange> destination;
        std::vector<ValueRange> source;
        for (const auto& e : entries)
        {
            if (!e.anyProtocol && e.protocol == static_cast<std::uint8_t>(protocol))
            {
                destination.push_back(e.destinationPorts);
                source.push_back(e.sourcePorts);
            }
        }
        count += SplitCount(destination, 65535) * SplitCount(source, 65535);
    }
    std::vector<ValueRange> types;
    for (const auto& e : entries)
    {
        if (!e.anyProtocol && e.protocol == static_cast<std::uint8_t>(Protocol::Icmp))
        {
            types.push_back(e.icmpTypes);
        }
    }
    return count + SplitCount(types, 255);
}

} // namespace core
} // namespace segproof
