// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#include "service-classes.h"

#include <algorithm>
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
    ServiceClass other; // every other protocol: only `any` matches it
    other.protocol = 0;
    classes.push_back(other);
    return classes;
}

std::uint64_t
ServiceClassCount(const Scenario& scenario)
{
    std::vector<ServiceEntry> entries;
    CollectScenarioEntries(scenario, entries);
    std::uint64_t count = 1; // every other protocol
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
