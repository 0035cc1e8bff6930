// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#include "name-tables.h"

#include "core/limits.h"
#include "core/name-suggestion.h"

#include <algorithm>

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
    // `{ad_group: G}` where the identity firewall does not match: a clearer word than "must
    // list names".
    auto identityItem = [](const YAML::Node& item) { return item.IsMap() && item["ad_group"]; };
    bool misplaced = identityItem(node);
    if (node.IsSequence())
    {
        for (const auto& item : node)
        {
            misplaced = misplaced || identityItem(item);
        }
    }
    if (misplaced)
    {
        m_context.Error(node, what + ": 'ad_group' may only be a DFW rule's source (NSX's "
                                     "identity firewall matches the source side only)");
        return core::AddressRef{};
    }
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

void
NameTables::SetIdentity(const core::Identity& identity)
{
    m_identityGiven = identity.given;
    m_adGroupNames.clear();
    m_adGroupIndex.clear();
    for (const auto& group : identity.groups)
    {
        m_adGroupIndex[core::LowerCase(group.name)] =
            static_cast<core::Index>(m_adGroupNames.size());
        m_adGroupNames.push_back(group.name);
    }
}

core::AddressRef
NameTables::ResolveRuleSource(const YAML::Node& node, const std::string& what)
{
    // The address items go to ResolveAddresses as one list (their nodes keep their marks);
    // the `{ad_group: ...}` items are read here.
    YAML::Node addresses(YAML::NodeType::Sequence);
    std::vector<YAML::Node> identityItems;
    if (node.IsMap())
    {
        identityItems.push_back(node);
    }
    else if (node.IsSequence())
    {
        for (const auto& item : node)
        {
            (item.IsMap() ? identityItems.push_back(item) : addresses.push_back(item));
        }
    }
    core::AddressRef ref;
    if (!node.IsMap() && (!node.IsSequence() || addresses.size() > 0))
    {
        ref = ResolveAddresses(node.IsSequence() ? addresses : node, what);
    }
    for (const auto& item : identityItems)
    {
        if (!m_context.CheckMap(item, what + " (an identity firewall source)", {"ad_group"}) ||
            !m_context.Require(item, what + " (an identity firewall source)", {"ad_group"}))
        {
            continue;
        }
        for (core::Index g : ResolveAdGroups(item["ad_group"], "'ad_group'"))
        {
            ref.written.push_back("ad_group:" + m_adGroupNames[g]);
            ref.adGroups.push_back(g);
        }
    }
    std::sort(ref.adGroups.begin(), ref.adGroups.end());
    ref.adGroups.erase(std::unique(ref.adGroups.begin(), ref.adGroups.end()), ref.adGroups.end());
    return ref;
}

std::vector<core::Index>
NameTables::ResolveAdGroups(const YAML::Node& node, const std::string& what)
{
    std::vector<core::Index> groups;
    if (!m_identityGiven)
    {
        m_context.Error(node, what + " names AD groups of the scenario's 'identity:' section, and "
                                     "the scenario has none");
        return groups;
    }
    for (const auto& name : m_context.ScalarOrList(node, what))
    {
        auto it = m_adGroupIndex.find(core::LowerCase(name.Scalar()));
        if (it == m_adGroupIndex.end())
        {
            m_context.Error(name, "unknown AD group '" + name.Scalar() + "'" +
                                      core::DidYouMean(name.Scalar(), m_adGroupNames));
            continue;
        }
        groups.push_back(it->second);
    }
    std::sort(groups.begin(), groups.end());
    groups.erase(std::unique(groups.begin(), groups.end()), groups.end());
    return groups;
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
