// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#include "nsx-service-resolver.h"

#include "core/name-suggestion.h"
#include "nsx-builtin-services.h"

#include <cctype>
#include <sstream>

namespace segproof
{
namespace formats
{

namespace
{

const std::string kServicesPrefix = "/infra/services/";

/// "443" or "1000-2000" within 0-65535, first <= last.
std::optional<core::ValueRange>
ParsePortRange(const std::string& text)
{
    bool backwards = false;
    return core::ParseValueRange(text, 65535, backwards);
}

/// An ALG: the protocol of its control connection and what of it segproof cannot follow.
struct AlgFacts
{
    core::Protocol protocol;
    const char* dataConnections;
};

/// NSX's ALGTypeServiceEntry `alg` values (NSX Policy API, ALGTypeServiceEntry).
const std::map<std::string, AlgFacts> kAlgs = {
    {"FTP", {core::Protocol::Tcp, "the data connections the client and server negotiate"}},
    {"TFTP", {core::Protocol::Udp, "the transfer from the port the server picks"}},
    {"MS_RPC_TCP",
     {core::Protocol::Tcp, "the dynamic ports the endpoint mapper hands out (Windows: "
                           "tcp/49152-65535)"}},
    {"MS_RPC_UDP",
     {core::Protocol::Udp, "the dynamic ports the endpoint mapper hands out (Windows: "
                           "udp/49152-65535)"}},
    {"SUN_RPC_TCP", {core::Protocol::Tcp, "the ports the portmapper assigns"}},
    {"SUN_RPC_UDP", {core::Protocol::Udp, "the ports the portmapper assigns"}},
    {"ORACLE_TNS", {core::Protocol::Tcp, "the port the listener redirects the client to"}},
    {"NBNS_BROADCAST", {core::Protocol::Udp, "the unicast replies to the broadcast"}},
    {"NBDG_BROADCAST", {core::Protocol::Udp, "the unicast replies to the broadcast"}},
};

/// ICMPv4 types whose every message carries code 0 (RFC 792, RFC 950, RFC 1256): for them
/// `icmp_code: 0` restricts nothing.
bool
HasOnlyCodeZero(std::uint32_t type)
{
    switch (type)
    {
    case 0:  // echo reply
    case 4:  // source quench
    case 8:  // echo request
    case 10: // router solicitation
    case 13: // timestamp
    case 14: // timestamp reply
    case 15: // information request
    case 16: // information reply
    case 17: // address mask request
    case 18: // address mask reply
        return true;
    default:
        return false;
    }
}

std::vector<std::string>
Split(const std::string& text, char separator)
{
    std::vector<std::string> parts;
    std::string part;
    std::istringstream in(text);
    while (std::getline(in, part, separator))
    {
        while (!part.empty() && part.front() == ' ')
        {
            part.erase(part.begin());
        }
        if (!part.empty())
        {
            parts.push_back(part);
        }
    }
    return parts;
}

/// The port list of the built-in table: "*" (every port) or "80,443,1000-2000".
std::vector<core::ValueRange>
BuiltinPorts(const std::string& text)
{
    std::vector<core::ValueRange> ranges;
    if (text == "*")
    {
        return ranges;
    }
    for (const auto& item : Split(text, ','))
    {
        auto range = ParsePortRange(item);
        if (range)
        {
            ranges.push_back(*range);
        }
    }
    return ranges;
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
    if (found != m_document.services.end())
    {
        return found->second.Name();
    }
    auto builtin = m_builtinNames.find(path);
    return builtin == m_builtinNames.end() ? path : builtin->second;
}

const NsxServiceNotes&
NsxServiceResolver::Notes(const std::string& path) const
{
    static const NsxServiceNotes kNone;
    auto found = m_notes.find(path);
    return found == m_notes.end() ? kNone : found->second;
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
        if (path.rfind(kServicesPrefix, 0) == 0 &&
            FindNsxBuiltinService(path.substr(kServicesPrefix.size())))
        {
            return ResolveBuiltin(path, path.substr(kServicesPrefix.size()), reference, where);
        }
        std::vector<std::string> known;
        for (const auto& service : m_document.services)
        {
            known.push_back(service.first);
        }
        for (const auto& builtin : NsxBuiltinServices())
        {
            known.push_back(kServicesPrefix + builtin.id);
        }
        m_context.Error(reference,
                        "unknown service '" + path +
                            "': neither the export nor NSX's built-in services define it" +
                            InWhere(where) + core::DidYouMean(path, known));
        m_failed[path] = true;
        return nullptr;
    }
    const NsxObject& service = found->second;
    const std::string serviceWhere = "service " + service.path;
    bool ok = m_context.CheckObject(service.node, "a service", serviceWhere,
                                    {"service_entries", "children", "service_type", "is_default"});
    std::vector<core::ServiceEntry> entries;
    NsxServiceNotes notes;
    for (const auto& entry : service.children)
    {
        ok = ReadEntry(entry, serviceWhere, entries, notes) && ok;
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
    m_notes[path] = std::move(notes);
    return &(m_entries[path] = std::move(entries));
}

const std::vector<core::ServiceEntry>*
NsxServiceResolver::ResolveBuiltin(const std::string& path, const std::string& id,
                                   const YAML::Node& reference, const std::string& where)
{
    const NsxBuiltinService* builtin = FindNsxBuiltinService(id);
    m_builtinNames[path] = *builtin->displayName ? builtin->displayName : builtin->id;
    std::vector<core::ServiceEntry> entries;
    NsxServiceNotes notes;
    bool ok = true;
    const std::string serviceWhere = "built-in service " + path + ", used in " + where;
    for (const auto& text : Split(builtin->entries, ';'))
    {
        std::vector<std::string> words = Split(text, ' ');
        EntrySpec spec;
        if (words[0] == "TCP" || words[0] == "UDP")
        {
            spec.kind = EntrySpec::Kind::Ports;
            spec.protocol = words[0];
            spec.destination = BuiltinPorts(words.size() > 1 ? words[1] : "*");
            if (words.size() > 3 && words[2] == "src")
            {
                spec.source = BuiltinPorts(words[3]);
            }
        }
        else if (words[0] == "ICMPv4" || words[0] == "ICMPv6")
        {
            spec.kind = EntrySpec::Kind::Icmp;
            spec.protocol = words[0];
            if (words.size() > 1)
            {
                auto slash = words[1].find('/');
                spec.icmpType = static_cast<std::uint32_t>(std::stoul(words[1].substr(0, slash)));
                if (slash != std::string::npos)
                {
                    spec.icmpCode =
                        static_cast<std::uint32_t>(std::stoul(words[1].substr(slash + 1)));
                }
            }
        }
        else if (words[0] == "ALG" && words.size() > 2)
        {
            spec.kind = EntrySpec::Kind::Alg;
            spec.alg = words[1];
            spec.destination = BuiltinPorts(words[2]);
        }
        else
        {
            spec.kind = EntrySpec::Kind::Igmp;
        }
        ok = ToEntries(spec, reference, serviceWhere, entries, notes) && ok;
    }
    if (!ok)
    {
        m_failed[path] = true;
        return nullptr;
    }
    m_notes[path] = std::move(notes);
    return &(m_entries[path] = std::move(entries));
}

bool
NsxServiceResolver::ReadEntry(const YAML::Node& entry, const std::string& where,
                              std::vector<core::ServiceEntry>& entries, NsxServiceNotes& notes)
{
    EntrySpec spec;
    if (!ReadSpec(entry, where, spec))
    {
        return false;
    }
    return ToEntries(spec, entry, where, entries, notes);
}

bool
NsxServiceResolver::ReadSpec(const YAML::Node& entry, const std::string& where, EntrySpec& spec)
{
    std::string type = m_context.ResourceType(entry, "a service entry", where);
    if (type == "L4PortSetServiceEntry")
    {
        return ReadPortSpec(entry, where, spec);
    }
    if (type == "ICMPTypeServiceEntry")
    {
        return ReadIcmpSpec(entry, where, spec);
    }
    if (type == "ALGTypeServiceEntry")
    {
        return ReadAlgSpec(entry, where, spec);
    }
    if (type == "IGMPTypeServiceEntry")
    {
        spec.kind = EntrySpec::Kind::Igmp;
        return m_context.CheckObject(entry, "an IGMPTypeServiceEntry", where, {});
    }
    if (type == "IPProtocolServiceEntry")
    {
        return ReadIpProtocolSpec(entry, where, spec);
    }
    if (!type.empty())
    {
        m_context.Refuse(entry["resource_type"], "resource_type", type, where,
                         type == "EtherTypeServiceEntry"
                             ? "EtherTypes are layer 2, and segproof models layer-3 IPv4"
                             : "the service entries modelled are L4PortSetServiceEntry, "
                               "ICMPTypeServiceEntry, ALGTypeServiceEntry, "
                               "IGMPTypeServiceEntry and IPProtocolServiceEntry");
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
    return ok;
}

bool
NsxServiceResolver::ReadPortSpec(const YAML::Node& entry, const std::string& where, EntrySpec& spec)
{
    if (!m_context.CheckObject(entry, "an L4PortSetServiceEntry", where,
                               {"l4_protocol", "destination_ports", "source_ports"}))
    {
        return false;
    }
    spec.kind = EntrySpec::Kind::Ports;
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
    spec.protocol = protocol.value_or("");
    ok = ReadPorts(entry, "destination_ports", where, spec.destination) && ok;
    ok = ReadPorts(entry, "source_ports", where, spec.source) && ok;
    return ok;
}

bool
NsxServiceResolver::ReadIcmpSpec(const YAML::Node& entry, const std::string& where, EntrySpec& spec)
{
    if (!m_context.CheckObject(entry, "an ICMPTypeServiceEntry", where,
                               {"protocol", "icmp_type", "icmp_code"}))
    {
        return false;
    }
    spec.kind = EntrySpec::Kind::Icmp;
    bool ok = true;
    auto protocol = m_context.Text(entry, "protocol", where);
    if (!protocol)
    {
        if (!entry["protocol"] || entry["protocol"].IsNull())
        {
            // NSX's API requires it; hand-written documents (np-guard's examples) omit it.
            m_context.Warn(entry, "an ICMPTypeServiceEntry without 'protocol' (NSX requires "
                                  "ICMPv4 or ICMPv6): read as ICMPv4" +
                                      InWhere(where));
            protocol = "ICMPv4";
        }
        else
        {
            ok = false;
        }
    }
    else if (*protocol != "ICMPv4" && *protocol != "ICMPv6")
    {
        m_context.Error(entry["protocol"], "'protocol' must be ICMPv4 or ICMPv6, got \"" +
                                               *protocol + "\"" + InWhere(where));
        ok = false;
    }
    spec.protocol = protocol.value_or("");
    auto type = m_context.Number(entry, "icmp_type", 0, 255, where);
    if (entry["icmp_type"] && !entry["icmp_type"].IsNull() && !type)
    {
        ok = false;
    }
    auto code = m_context.Number(entry, "icmp_code", 0, 255, where);
    if (entry["icmp_code"] && !entry["icmp_code"].IsNull() && !code)
    {
        ok = false;
    }
    if (type)
    {
        spec.icmpType = static_cast<std::uint32_t>(*type);
    }
    if (code)
    {
        spec.icmpCode = static_cast<std::uint32_t>(*code);
    }
    return ok;
}

bool
NsxServiceResolver::ReadAlgSpec(const YAML::Node& entry, const std::string& where, EntrySpec& spec)
{
    if (!m_context.CheckObject(entry, "an ALGTypeServiceEntry", where,
                               {"alg", "destination_ports", "source_ports"}))
    {
        return false;
    }
    spec.kind = EntrySpec::Kind::Alg;
    auto alg = m_context.Text(entry, "alg", where);
    bool ok = true;
    if (!alg)
    {
        if (!entry["alg"] || entry["alg"].IsNull())
        {
            m_context.Error(entry, "an ALGTypeServiceEntry lacks 'alg'" + InWhere(where));
        }
        ok = false;
    }
    else if (kAlgs.count(*alg) == 0)
    {
        std::vector<std::string> known;
        for (const auto& facts : kAlgs)
        {
            known.push_back(facts.first);
        }
        m_context.Error(entry["alg"], "unknown 'alg' \"" + *alg + "\"" + InWhere(where) +
                                          core::DidYouMean(*alg, known));
        ok = false;
    }
    spec.alg = alg.value_or("");
    ok = ReadPorts(entry, "destination_ports", where, spec.destination) && ok;
    ok = ReadPorts(entry, "source_ports", where, spec.source) && ok;
    return ok;
}

bool
NsxServiceResolver::ReadIpProtocolSpec(const YAML::Node& entry, const std::string& where,
                                       EntrySpec& spec)
{
    if (!m_context.CheckObject(entry, "an IPProtocolServiceEntry", where, {"protocol_number"}))
    {
        return false;
    }
    spec.kind = EntrySpec::Kind::IpProtocol;
    auto number = m_context.Number(entry, "protocol_number", 0, 255, where);
    if (!number)
    {
        if (!entry["protocol_number"] || entry["protocol_number"].IsNull())
        {
            m_context.Error(entry,
                            "an IPProtocolServiceEntry lacks 'protocol_number'" + InWhere(where));
        }
        return false;
    }
    spec.ipProtocol = static_cast<std::uint32_t>(*number);
    return true;
}

bool
NsxServiceResolver::ToEntries(const EntrySpec& spec, const YAML::Node& at, const std::string& where,
                              std::vector<core::ServiceEntry>& entries, NsxServiceNotes& notes)
{
    const std::vector<core::ValueRange> every = {core::ValueRange{0, 65535}};
    switch (spec.kind)
    {
    case EntrySpec::Kind::Ports:
    case EntrySpec::Kind::Alg:
    {
        core::Protocol protocol =
            spec.protocol == "UDP" ? core::Protocol::Udp : core::Protocol::Tcp;
        if (spec.kind == EntrySpec::Kind::Alg)
        {
            const AlgFacts& facts = kAlgs.at(spec.alg);
            protocol = facts.protocol;
        }
        const auto& destination = spec.destination.empty() ? every : spec.destination;
        const auto& source = spec.source.empty() ? every : spec.source;
        m_context.Count(destination.size() * source.size(), at); // an entry per pair
        for (const auto& d : destination)
        {
            for (const auto& s : source)
            {
                core::ServiceEntry e;
                e.protocol = static_cast<std::uint8_t>(protocol);
                e.destinationPorts = d;
                e.sourcePorts = s;
                entries.push_back(e);
                if (spec.kind == EntrySpec::Kind::Alg)
                {
                    notes.algs.push_back(spec.alg + " on " + e.ToString() +
                                         ": segproof models this control connection, not " +
                                         kAlgs.at(spec.alg).dataConnections);
                }
            }
        }
        return true;
    }
    case EntrySpec::Kind::Icmp:
    {
        if (spec.protocol == "ICMPv6")
        {
            notes.ipv6Left = true; // can never match an IPv4 connection
            return true;
        }
        const YAML::Node codeAt = at.IsMap() && at["icmp_code"] ? at["icmp_code"] : at;
        if (spec.icmpCode && !spec.icmpType)
        {
            m_context.Refuse(codeAt, "icmp_code", std::to_string(*spec.icmpCode), where,
                             "a code without an icmp_type is not modelled");
            return false;
        }
        if (spec.icmpCode && !(*spec.icmpCode == 0 && HasOnlyCodeZero(*spec.icmpType)))
        {
            m_context.Refuse(codeAt, "icmp_code", std::to_string(*spec.icmpCode), where,
                             "ICMP type " + std::to_string(*spec.icmpType) +
                                 " has more than one code, and segproof's connections carry an "
                                 "ICMP type, not a code");
            return false;
        }
        core::ServiceEntry e;
        e.protocol = static_cast<std::uint8_t>(core::Protocol::Icmp);
        if (spec.icmpType)
        {
            e.icmpTypes = core::ValueRange{*spec.icmpType, *spec.icmpType};
        }
        entries.push_back(e);
        return true;
    }
    case EntrySpec::Kind::Igmp:
    {
        core::ServiceEntry e;
        e.protocol = 2; // IGMP: NSX's entry names no message type
        entries.push_back(e);
        return true;
    }
    case EntrySpec::Kind::IpProtocol:
    {
        if (spec.ipProtocol == static_cast<std::uint32_t>(core::Protocol::Tcp) ||
            spec.ipProtocol == static_cast<std::uint32_t>(core::Protocol::Udp))
        {
            return ToEntries(EntrySpec{EntrySpec::Kind::Ports,
                                       spec.ipProtocol == 6 ? "TCP" : "UDP",
                                       {},
                                       {},
                                       std::nullopt,
                                       std::nullopt,
                                       "",
                                       0},
                             at, where, entries, notes);
        }
        core::ServiceEntry e;
        e.protocol = static_cast<std::uint8_t>(spec.ipProtocol);
        entries.push_back(e);
        return true;
    }
    }
    return false;
}

} // namespace formats
} // namespace segproof
