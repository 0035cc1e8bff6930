// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#include "nsx-service-writer.h"

#include <algorithm>
#include <cctype>
#include <set>
#include <tuple>

namespace segproof
{
namespace formats
{

namespace
{

using Json = nlohmann::ordered_json;

const std::string kServicesPrefix = "/infra/services/";
constexpr core::ValueRange kEveryPort{0, 65535};
constexpr core::ValueRange kEveryType{0, 255};

std::string
Lower(std::string text)
{
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

bool
IsL4(const core::ServiceEntry& e)
{
    return !e.anyProtocol && (e.protocol == static_cast<std::uint8_t>(core::Protocol::Tcp) ||
                              e.protocol == static_cast<std::uint8_t>(core::Protocol::Udp));
}

bool
IsIcmp(const core::ServiceEntry& e)
{
    return !e.anyProtocol && e.protocol == static_cast<std::uint8_t>(core::Protocol::Icmp);
}

/// What an entry matches, without the fields its protocol ignores.
std::tuple<bool, int, std::uint32_t, std::uint32_t, std::uint32_t, std::uint32_t, std::uint32_t,
           std::uint32_t>
Meaning(const core::ServiceEntry& e)
{
    if (e.anyProtocol)
    {
        return {true, 0, 0, 0, 0, 0, 0, 0};
    }
    if (IsL4(e))
    {
        return {false,
                e.protocol,
                e.destinationPorts.first,
                e.destinationPorts.last,
                e.sourcePorts.first,
                e.sourcePorts.last,
                0,
                0};
    }
    if (IsIcmp(e))
    {
        return {false, e.protocol, 0, 0, 0, 0, e.icmpTypes.first, e.icmpTypes.last};
    }
    return {false, e.protocol, 0, 0, 0, 0, 0, 0};
}

/// True when a[from, from + b.size()) holds the same entries as b, in any order.
bool
SameEntries(const std::vector<core::ServiceEntry>& a, std::size_t from,
            const std::vector<core::ServiceEntry>& b)
{
    if (from + b.size() > a.size())
    {
        return false;
    }
    std::vector<decltype(Meaning(b.front()))> left;
    std::vector<decltype(Meaning(b.front()))> right;
    for (std::size_t i = 0; i < b.size(); ++i)
    {
        left.push_back(Meaning(a[from + i]));
        right.push_back(Meaning(b[i]));
    }
    std::sort(left.begin(), left.end());
    std::sort(right.begin(), right.end());
    return left == right;
}

std::string
RangeText(const core::ValueRange& r)
{
    return r.first == r.last ? std::to_string(r.first)
                             : std::to_string(r.first) + "-" + std::to_string(r.last);
}

std::string
Join(const std::vector<std::string>& names)
{
    std::string text;
    for (const auto& name : names)
    {
        text += (text.empty() ? "" : ", ") + name;
    }
    return text;
}

} // namespace

Json
NsxServiceEntries(const std::vector<core::ServiceEntry>& entries)
{
    NsxIdAllocator ids;
    Json list = Json::array();
    auto add = [&](const std::string& name, Json entry)
    {
        Json named = {{"resource_type", entry["resource_type"]},
                      {"id", ids.Allocate(name)},
                      {"display_name", name}};
        for (auto& [key, value] : entry.items())
        {
            if (key != "resource_type")
            {
                named[key] = value;
            }
        }
        list.push_back(std::move(named));
    };
    for (const auto& e : entries)
    {
        if (IsL4(e))
        {
            const std::string protocol =
                e.protocol == static_cast<std::uint8_t>(core::Protocol::Tcp) ? "TCP" : "UDP";
            Json entry = {{"resource_type", "L4PortSetServiceEntry"}, {"l4_protocol", protocol}};
            std::string name = Lower(protocol);
            // An empty (here: absent) port list is every port, in NSX as in the import.
            if (!(e.destinationPorts == kEveryPort))
            {
                entry["destination_ports"] = Json::array({RangeText(e.destinationPorts)});
                name += "-" + RangeText(e.destinationPorts);
            }
            if (!(e.sourcePorts == kEveryPort))
            {
                entry["source_ports"] = Json::array({RangeText(e.sourcePorts)});
                name += "-from-" + RangeText(e.sourcePorts);
            }
            add(name, std::move(entry));
        }
        else if (IsIcmp(e))
        {
            if (e.icmpTypes == kEveryType)
            {
                add("icmp",
                    Json{{"resource_type", "ICMPTypeServiceEntry"}, {"protocol", "ICMPv4"}});
                continue;
            }
            // An entry names one type: a range is one entry per type.
            for (std::uint32_t type = e.icmpTypes.first; type <= e.icmpTypes.last; ++type)
            {
                add("icmp-" + std::to_string(type), Json{{"resource_type", "ICMPTypeServiceEntry"},
                                                         {"protocol", "ICMPv4"},
                                                         {"icmp_type", type}});
            }
        }
        else if (!e.anyProtocol)
        {
            add("ip-" + std::to_string(e.protocol),
                Json{{"resource_type", "IPProtocolServiceEntry"}, {"protocol_number", e.protocol}});
        }
    }
    return list;
}

NsxServiceWriter::NsxServiceWriter(const core::Scenario& scenario,
                                   std::vector<core::Diagnostic>& warnings)
    : m_scenario(scenario), m_warnings(warnings)
{
}

const core::Service*
NsxServiceWriter::FindService(const std::string& name, bool ignoreCase) const
{
    const core::Service* found = nullptr;
    for (const auto& service : m_scenario.Services())
    {
        if (service.name == name)
        {
            return &service;
        }
    }
    if (!ignoreCase)
    {
        return nullptr;
    }
    for (const auto& service : m_scenario.Services())
    {
        if (Lower(service.name) == Lower(name))
        {
            if (found)
            {
                return nullptr;
            }
            found = &service;
        }
    }
    return found;
}

std::string
NsxServiceWriter::ServicePath(const std::string& displayName,
                              const std::vector<core::ServiceEntry>& entries)
{
    // The same entries in another order are the same service.
    std::vector<std::string> texts;
    for (const auto& e : entries)
    {
        texts.push_back(e.ToString());
    }
    std::sort(texts.begin(), texts.end());
    std::string key = displayName + "\n";
    for (const auto& text : texts)
    {
        key += text + "\n";
    }
    auto done = m_paths.find(key);
    if (done != m_paths.end())
    {
        return done->second;
    }
    const std::string id = m_ids.Allocate(displayName);
    Json service = {{"resource_type", "Service"},
                    {"id", id},
                    {"display_name", displayName},
                    {"description", "segproof service " + displayName},
                    {"service_entries", NsxServiceEntries(entries)}};
    m_children.push_back(Json{{"resource_type", "ChildService"}, {"Service", std::move(service)}});
    return m_paths[key] = kServicesPrefix + id;
}

void
NsxServiceWriter::Learn(const core::Firewall& dfw)
{
    std::set<std::string> conflicts;
    for (const auto& rule : dfw.rules)
    {
        const core::ServiceSet& set = rule.service;
        if (set.written.size() != 1 || set.IsAny() || set.entries.empty() ||
            conflicts.count(set.written[0]) != 0)
        {
            continue;
        }
        auto [it, inserted] = m_learned.emplace(set.written[0], set.entries);
        if (!inserted &&
            !(it->second.size() == set.entries.size() && SameEntries(it->second, 0, set.entries)))
        {
            m_learned.erase(it);
            conflicts.insert(set.written[0]);
        }
    }
}

NsxRuleServices
NsxServiceWriter::ForRule(const core::ServiceSet& set, const std::string& ruleId,
                          const core::SourceLocation& at)
{
    NsxRuleServices result;
    if (set.IsAny())
    {
        result.services.push_back("ANY");
        return result;
    }
    // Each written name stands for a run of the rule's entries, in the order written (the
    // scenario reader and the NSX import both concatenate them so). A name that is no scenario
    // service (an NSX display name) takes the run the others leave, when it is the only one.
    struct Item
    {
        std::string name;
        bool inline_ = false;
        bool known = false;
        std::vector<core::ServiceEntry> entries;
    };
    std::vector<Item> items;
    std::size_t unknown = 0;
    std::size_t knownSize = 0;
    for (const auto& text : set.written)
    {
        Item item;
        item.name = text;
        const core::Service* named = FindService(text, false);
        core::ServiceEntryParse parsed;
        if (!named)
        {
            parsed = core::ParseServiceEntry(text);
        }
        if (named)
        {
            item.known = true;
            item.entries = named->entries;
        }
        else if (parsed.entry)
        {
            item.known = true;
            item.inline_ = true;
            item.entries = {*parsed.entry};
        }
        else if (auto learned = m_learned.find(text); learned != m_learned.end())
        {
            item.known = true;
            item.entries = learned->second;
        }
        else if ((named = FindService(text, true)) != nullptr)
        {
            item.known = true;
            item.entries = named->entries;
        }
        else
        {
            ++unknown;
        }
        knownSize += item.entries.size();
        items.push_back(std::move(item));
    }
    bool exact = unknown <= 1 && knownSize <= set.entries.size() &&
                 (unknown == 1 || knownSize == set.entries.size());
    std::size_t cursor = 0;
    for (auto& item : items)
    {
        if (!exact)
        {
            break;
        }
        const std::size_t size = item.known ? item.entries.size() : set.entries.size() - knownSize;
        exact = item.known ? SameEntries(set.entries, cursor, item.entries) : true;
        // The entries the rule holds for this name (a service's entries in any order).
        item.entries.assign(set.entries.begin() + static_cast<std::ptrdiff_t>(cursor),
                            set.entries.begin() + static_cast<std::ptrdiff_t>(cursor + size));
        cursor += size;
    }
    if (exact)
    {
        std::vector<core::ServiceEntry> inlined;
        for (const auto& item : items)
        {
            if (item.inline_)
            {
                inlined.insert(inlined.end(), item.entries.begin(), item.entries.end());
            }
            else if (!item.entries.empty()) // NSX needs an entry in a service
            {
                result.services.push_back(ServicePath(item.name, item.entries));
            }
        }
        result.entries = NsxServiceEntries(inlined);
    }
    else
    {
        m_warnings.push_back(
            {at, "rule " + ruleId + ": its services (" + Join(set.written) +
                     ") are written inline as their entries: segproof cannot tell which "
                     "entries each of these names holds"});
        result.entries = NsxServiceEntries(set.entries);
    }
    result.matchesNothing = result.services.empty() && result.entries.empty();
    return result;
}

} // namespace formats
} // namespace segproof
