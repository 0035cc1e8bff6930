// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#include "nsx-service-resolver.h"

#include "core/name-suggestion.h"

#include <cctype>

namespace segproof
{
namespace formats
{

namespace
{

/// "443" or "1000-2000" within 0-65535, first <= last.
std::optional<core::ValueRange>
ParsePortRange(const std::string& text)
{
    bool backwards = false;
    return core::ParseValueRange(text, 65535, backwards);
}

} // namespace

NsxServiceResolver::NsxServiceResolver(const NsxDocument& document, NsxContext& context)
    : m_document(document), m_context(context)
{
}

std::string
NsxServiceResolver::Name(const std::string& path) const
{
    auto found = m_document.services.find(path);
    return found == m_document.services.end() ? path : found->second.Name();
}

const std::vector<core::ServiceEntry>*
NsxServiceResolver::Resolve(const std::string& path, const YAML::Node& reference,
                            const std::string& where)
{
    auto done = m_entries.find(path);
    if (done != m_entries.end())
    {
        return &done->second;
    }
    if (m_failed.count(path) != 0)
    {
        return nullptr;
    }
    auto found = m_document.services.find(path);
    if (found == m_document.services.end())
    {
        std::vector<std::string> known;
        for (const auto& service : m_document.services)
        {
            known.push_back(service.first);
        }
        m_context.Error(reference,
                        "unknown service '" + path +
                            "': the export does not define it (NSX's predefined services are "
                            "not part of an export; add its definition to the export's "
                            "services)" +
                            InWhere(where) + core::DidYouMean(path, known));
        return nullptr;
    }
    const NsxObject& service = found->second;
    const std::string serviceWhere = "service " + service.path;
    bool ok = m_context.CheckObject(service.node, "a service", serviceWhere,
                                    {"service_entries", "children", "service_type", "is_default"});
    std::vector<core::ServiceEntry> entries;
    for (const auto& entry : service.children)
    {
        ok = ReadEntry(entry, serviceWhere, entries) && ok;
    }
    if (ok && service.children.empty())
    {
        m_context.Error(service.node,
                        "a service needs at least one service entry" + InWhere(serviceWhere));
        ok = false;
    }
    if (!ok)
    {
        m_failed[path] = true;
        return nullptr;
    }
    return &(m_entries[path] = std::move(entries));
}

bool
NsxServiceResolver::ReadEntry(const YAML::Node& entry, const std::string& where,
                              std::vector<core::ServiceEntry>& entries)
{
    std::string type = m_context.ResourceType(entry, "a service entry", where);
    if (type == "L4PortSetServiceEntry")
    {
        return ReadPortEntry(entry, where, entries);
    }
    if (type == "ICMPTypeServiceEntry")
    {
        return ReadIcmpEntry(entry, where, entries);
    }
    if (!type.empty())
    {
        m_context.Refuse(entry["resource_type"], "resource_type", type, where,
                         "the service entries modelled are L4PortSetServiceEntry and "
                         "ICMPTypeServiceEntry");
    }
    return false;
}

bool
NsxServiceResolver::ReadPorts(const YAML::Node& entry, const std::string& key,
                              const std::string& where, std::vector<core::ValueRange>& ranges)
{
    bool ok = true;
    for (const auto& element : m_context.List(entry, key, where))
    {
        auto range = element.IsScalar() ? ParsePortRange(element.Scalar()) : std::nullopt;
        if (!range)
        {
            m_context.Error(element, "'" + key +
                                         "' must list ports 0-65535 or ranges "
                                         "FIRST-LAST, got " +
                                         NsxContext::JsonKind(element) + InWhere(where));
            ok = false;
            continue;
        }
        ranges.push_back(*range);
    }
    if (ranges.empty())
    {
        ranges.push_back(core::ValueRange{0, 65535});
    }
    return ok;
}

bool
NsxServiceResolver::ReadPortEntry(const YAML::Node& entry, const std::string& where,
                                  std::vector<core::ServiceEntry>& entries)
{
    if (!m_context.CheckObject(entry, "an L4PortSetServiceEntry", where,
                               {"l4_protocol", "destination_ports", "source_ports"}))
    {
        return false;
    }
    auto protocol = m_context.Text(entry, "l4_protocol", where);
    bool ok = true;
    if (!protocol)
    {
        if (!entry["l4_protocol"] || entry["l4_protocol"].IsNull())
        {
            m_context.Error(entry, "an L4PortSetServiceEntry lacks 'l4_protocol' (TCP or UDP)" +
                                       InWhere(where));
        }
        ok = false;
    }
    else if (*protocol != "TCP" && *protocol != "UDP")
    {
        m_context.Refuse(entry["l4_protocol"], "l4_protocol", *protocol, where,
                         "the protocols modelled are TCP and UDP");
        ok = false;
    }
    std::vector<core::ValueRange> destination;
    std::vector<core::ValueRange> source;
    ok = ReadPorts(entry, "destination_ports", where, destination) && ok;
    ok = ReadPorts(entry, "source_ports", where, source) && ok;
    if (!ok)
    {
        return false;
    }
    m_context.Count(destination.size() * source.size(), entry); // an entry per pair
    for (const auto& d : destination)
    {
        for (const auto& s : source)
        {
            core::ServiceEntry e;
            e.protocol = static_cast<std::uint8_t>(*protocol == "TCP" ? core::Protocol::Tcp
                                                                      : core::Protocol::Udp);
            e.destinationPorts = d;
            e.sourcePorts = s;
            entries.push_back(e);
        }
    }
    return true;
}

bool
NsxServiceResolver::ReadIcmpEntry(const YAML::Node& entry, const std::string& where,
                                  std::vector<core::ServiceEntry>& entries)
{
    if (!m_context.CheckObject(entry, "an ICMPTypeServiceEntry", where,
                               {"protocol", "icmp_type", "icmp_code"}))
    {
        return false;
    }
    bool ok = true;
    auto protocol = m_context.Text(entry, "protocol", where);
    if (!protocol)
    {
        if (!entry["protocol"] || entry["protocol"].IsNull())
        {
            m_context.Error(entry,
                            "an ICMPTypeServiceEntry lacks 'protocol' (ICMPv4)" + InWhere(where));
        }
        ok = false;
    }
    else if (*protocol != "ICMPv4")
    {
        m_context.Refuse(entry["protocol"], "protocol", *protocol, where,
                         "segproof models ICMPv4 only");
        ok = false;
    }
    auto type = m_context.Number(entry, "icmp_type", 0, 255, where);
    if (entry["icmp_type"] && !entry["icmp_type"].IsNull() && !type)
    {
        ok = false;
    }
    if (entry["icmp_code"] && !entry["icmp_code"].IsNull())
    {
        m_context.Refuse(entry["icmp_code"], "icmp_code", NsxContext::Render(entry["icmp_code"]),
                         where, "connections carry an ICMP type, not a code");
        ok = false;
    }
    if (!ok)
    {
        return false;
    }
    core::ServiceEntry e;
    e.protocol = static_cast<std::uint8_t>(core::Protocol::Icmp);
    if (type)
    {
        e.icmpTypes =
            core::ValueRange{static_cast<std::uint32_t>(*type), static_cast<std::uint32_t>(*type)};
    }
    entries.push_back(e);
    return true;
}

} // namespace formats
} // namespace segproof
