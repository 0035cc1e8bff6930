// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#include "name-tables.h"

#include "core/limits.h"
#include "core/name-suggestion.h"

namespace segproof
{
namespace formats
{

NameTables::NameTables(YamlContext& context) : m_context(context)
{
}

std::vector<core::Service>
NameTables::ReadServices(const YAML::Node& node)
{
    std::vector<core::Service> services;
    if (!node)
    {
        return services;
    }
    if (!m_context.CheckNameMap(node, "'services'") && !node.IsMap())
    {
        return services;
    }
    if (node.size() > core::Limits::kMaxServices)
    {
        m_context.Error(node, "'services' defines " + std::to_string(node.size()) +
                                  " services, more than " +
                                  std::to_string(core::Limits::kMaxServices) +
                                  " (the limit; see docs/limits.md)");
        throw ReadingStopped{};
    }
    for (const auto& entry : node)
    {
        const std::string& name = entry.first.Scalar();
        if (m_services.count(name) != 0 || !entry.first.IsScalar())
        {
            continue; // duplicate or malformed key, reported by CheckNameMap
        }
        if (name == "any")
        {
            m_context.Error(entry.first, "'any' is reserved (every protocol and port) and cannot "
                                         "be defined as a service");
            continue;
        }
        core::Service service;
        service.name = name;
        service.location = m_context.Location(entry.first);
        for (const auto& item : m_context.ScalarOrList(entry.second, "service '" + name + "'"))
        {
            core::ServiceEntryParse parsed = core::ParseServiceEntry(item.Scalar());
            if (!parsed.entry)
            {
                m_context.Error(item, parsed.error);
                continue;
            }
            service.entries.push_back(*parsed.entry);
        }
        m_services[name] = service.entries;
        m_serviceNames.push_back(name);
        services.push_back(std::move(service));
    }
    return services;
}

void
NameTables::SetGroups(const std::vector<core::Group>& groups)
{
    m_groups.clear();
    m_groupNames.clear();
    for (const auto& g : groups)
    {
        m_groups[g.name] = g.addresses;
        m_groupNames.push_back(g.name);
    }
}

bool
NameTables::ResolveGroupName(const YAML::Node& item, std::vector<core::AddressRange>& into)
{
    const std::string& name = item.Scalar();
    if (name == "any")
    {
        into.push_back({0, 0xffffffffu});
        return true;
    }
    auto it = m_groups.find(name);
    if (it == m_groups.end())
    {
        m_context.Error(item,
                        "unknown group '" + name + "'" + core::DidYouMean(name, m_groupNames));
        return false;
    }
    // Each use copies the group's addresses: count them, or a big group named in every rule
    // would outgrow memory.
    m_context.Count(it->second.Ranges().size(), item);
    into.insert(into.end(), it->second.Ranges().begin(), it->second.Ranges().end());
    return true;
}

core::AddressRef
NameTables::ResolveAddresses(const YAML::Node& node, const std::string& what)
{
    core::AddressRef ref;
    std::vector<core::AddressRange>
        ranges; // one set built at the end: a union per item is quadratic
    for (const auto& item : m_context.ScalarOrList(node, what))
    {
        const std::string& text = item.Scalar();
        ref.written.push_back(text);
        if (text.find('/') != std::string::npos)
        {
            core::CidrParse parsed = core::ParseCidr(text);
            if (!parsed.cidr)
            {
                m_context.Error(item, parsed.error);
                continue;
            }
            ranges.push_back({parsed.cidr->First(), parsed.cidr->Last()});
            continue;
        }
        if (auto ip = core::ParseIpv4(text))
        {
            ranges.push_back({*ip, *ip});
            continue;
        }
        ResolveGroupName(item, ranges);
    }
    ref.addresses = core::AddressSet::FromRanges(std::move(ranges));
    return ref;
}

core::AddressRef
NameTables::ResolveGroups(const YAML::Node& node, const std::string& what)
{
    core::AddressRef ref;
    std::vector<core::AddressRange> ranges;
    for (const auto& item : m_context.ScalarOrList(node, what))
    {
        ref.written.push_back(item.Scalar());
        ResolveGroupName(item, ranges);
    }
    ref.addresses = core::AddressSet::FromRanges(std::move(ranges));
    return ref;
}

core::ServiceSet
NameTables::ResolveServices(const YAML::Node& node, const std::string& what)
{
    core::ServiceSet set;
    for (const auto& item : m_context.ScalarOrList(node, what))
    {
        const std::string& text = item.Scalar();
        set.written.push_back(text);
        if (text == "any")
        {
            set.entries.push_back(core::ServiceEntry::Any());
            continue;
        }
        auto named = m_services.find(text);
        if (named != m_services.end())
        {
            m_context.Count(named->second.size(), item);
            set.entries.insert(set.entries.end(), named->second.begin(), named->second.end());
            continue;
        }
        bool looksInline =
            text.rfind("tcp", 0) == 0 || text.rfind("udp", 0) == 0 || text.rfind("icmp", 0) == 0;
        if (looksInline && (text.find('/') != std::string::npos || text.size() <= 4))
        {
            core::ServiceEntryParse parsed = core::ParseServiceEntry(text);
            if (parsed.entry)
            {
                set.entries.push_back(*parsed.entry);
            }
            else
            {
                m_context.Error(item, parsed.error);
            }
            continue;
        }
        m_context.Error(item, "unknown service '" + text + "'" +
                                  core::DidYouMean(text, m_serviceNames) +
                                  " (a service is a name from 'services', tcp/PORT, udp/PORT, "
                                  "icmp/TYPE or any)");
    }
    return set;
}

} // namespace formats
} // namespace segproof
