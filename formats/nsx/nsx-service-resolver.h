// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#ifndef SEGPROOF_FORMATS_NSX_NSX_SERVICE_RESOLVER_H
#define SEGPROOF_FORMATS_NSX_NSX_SERVICE_RESOLVER_H

#include "core/service.h"
#include "nsx-context.h"
#include "nsx-document.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace segproof
{
namespace formats
{

/// What the entries of a service or a rule's inline service_entries said beyond their
/// connections: what the import modelled only in part.
struct NsxServiceNotes
{
    /// ALG entries ("MS_RPC_TCP on tcp/135: segproof models this control connection, not
    /// ..."): the control connection is modelled, the data connections the ALG opens on
    /// negotiated ports are not.
    std::vector<std::string> algs;
    /// Entries that can never match an IPv4 connection (ICMPv6) were left out.
    bool ipv6Left = false;
};

/// Reads NSX services and service entries into segproof's, on first use, memoised:
/// L4PortSetServiceEntry (TCP / UDP, destination_ports and source_ports: ports and ranges
/// "1000-2000", every combination of the two lists), ICMPTypeServiceEntry (ICMPv4, with or
/// without icmp_type, an icmp_code only where the type has that code alone; ICMPv6 entries
/// match no IPv4 connection and are left out), ALGTypeServiceEntry (its control port),
/// IGMPTypeServiceEntry (IP protocol 2) and IPProtocolServiceEntry (the protocol number).
/// A path the export does not define is looked up among NSX's built-in services
/// (nsx-builtin-services.h). Every other entry type is refused by name.
class NsxServiceResolver
{
public:
    NsxServiceResolver(const NsxDocument& document, NsxContext& context);

    /// The entries of the service at `path`, written at `reference` in `where`; nullptr when
    /// the path is neither a service of the export nor a built-in one, or the service could
    /// not be read (each problem is reported once).
    const std::vector<core::ServiceEntry>* Resolve(const std::string& path,
                                                   const YAML::Node& reference,
                                                   const std::string& where);
    /// What the service at `path` (resolved) modelled only in part.
    const NsxServiceNotes& Notes(const std::string& path) const;
    /// How rules name the service at `path`: its display_name, else the path.
    std::string Name(const std::string& path) const;
    /// Appends the entries one NSX service entry stands for; false when it is refused or
    /// malformed (reported).
    bool ReadEntry(const YAML::Node& entry, const std::string& where,
                   std::vector<core::ServiceEntry>& entries, NsxServiceNotes& notes);

private:
    /// One service entry, whether read from JSON or from the built-in table.
    struct EntrySpec
    {
        enum class Kind
        {
            Ports,      ///< L4PortSetServiceEntry
            Icmp,       ///< ICMPTypeServiceEntry
            Alg,        ///< ALGTypeServiceEntry
            Igmp,       ///< IGMPTypeServiceEntry
            IpProtocol, ///< IPProtocolServiceEntry
        };
        Kind kind = Kind::Ports;
        std::string protocol;                      ///< TCP / UDP (Ports); ICMPv4 / ICMPv6 (Icmp)
        std::vector<core::ValueRange> destination; ///< empty: every port
        std::vector<core::ValueRange> source;      ///< empty: every port
        std::optional<std::uint32_t> icmpType;
        std::optional<std::uint32_t> icmpCode;
        std::string alg;
        std::uint32_t ipProtocol = 0;
    };

    const std::vector<core::ServiceEntry>* ResolveBuiltin(const std::string& path,
                                                          const std::string& id,
                                                          const YAML::Node& reference,
                                                          const std::string& where);
    bool ReadSpec(const YAML::Node& entry, const std::string& where, EntrySpec& spec);
    bool ReadPortSpec(const YAML::Node& entry, const std::string& where, EntrySpec& spec);
    bool ReadIcmpSpec(const YAML::Node& entry, const std::string& where, EntrySpec& spec);
    bool ReadAlgSpec(const YAML::Node& entry, const std::string& where, EntrySpec& spec);
    bool ReadIpProtocolSpec(const YAML::Node& entry, const std::string& where, EntrySpec& spec);
    /// The ranges of a port list; empty when the list is absent or empty (every port).
    bool ReadPorts(const YAML::Node& entry, const std::string& key, const std::string& where,
                   std::vector<core::ValueRange>& ranges);
    /// Turns a spec into segproof's entries; false (reported at `at`) when it cannot be
    /// modelled exactly.
    bool ToEntries(const EntrySpec& spec, const YAML::Node& at, const std::string& where,
                   std::vector<core::ServiceEntry>& entries, NsxServiceNotes& notes);

    const NsxDocument& m_document;
    NsxContext& m_context;
    std::map<std::string, std::vector<core::ServiceEntry>> m_entries;
    std::map<std::string, NsxServiceNotes> m_notes;
    std::map<std::string, std::string> m_builtinNames; ///< path -> display name, when used
    std::map<std::string, bool> m_failed;
};

} // namespace formats
} // namespace segproof

#endif
