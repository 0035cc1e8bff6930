// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#ifndef SEGPROOF_FORMATS_NSX_NSX_SERVICE_RESOLVER_H
#define SEGPROOF_FORMATS_NSX_NSX_SERVICE_RESOLVER_H

#include "core/service.h"
#include "nsx-context.h"
#include "nsx-document.h"

#include <map>
#include <string>
#include <vector>

namespace segproof
{
namespace formats
{

/// Reads NSX services and service entries into segproof's, on first use, memoised:
/// L4PortSetServiceEntry (TCP / UDP, destination_ports and source_ports: ports and ranges
/// "1000-2000", every combination of the two lists) and ICMPTypeServiceEntry (ICMPv4, with or
/// without icmp_type). Every other entry type is refused by name.
class NsxServiceResolver
{
public:
    NsxServiceResolver(const NsxDocument& document, NsxContext& context);

    /// The entries of the service at `path`, written at `reference` in `where`; nullptr when
    /// the export defines no such service (NSX's predefined services are not part of an
    /// export) or it could not be read (each problem is reported once).
    const std::vector<core::ServiceEntry>* Resolve(const std::string& path,
                                                   const YAML::Node& reference,
                                                   const std::string& where);
    /// How rules name the service at `path`: its display_name, else the path.
    std::string Name(const std::string& path) const;
    /// Appends the entries one NSX service entry stands for; false when it is refused or
    /// malformed (reported).
    bool ReadEntry(const YAML::Node& entry, const std::string& where,
                   std::vector<core::ServiceEntry>& entries);

private:
    bool ReadPortEntry(const YAML::Node& entry, const std::string& where,
                       std::vector<core::ServiceEntry>& entries);
    bool ReadIcmpEntry(const YAML::Node& entry, const std::string& where,
                       std::vector<core::ServiceEntry>& entries);
    /// The ranges of a port list; {0-65535} when the list is absent or empty.
    bool ReadPorts(const YAML::Node& entry, const std::string& key, const std::string& where,
                   std::vector<core::ValueRange>& ranges);

    const NsxDocument& m_document;
    NsxContext& m_context;
    std::map<std::string, std::vector<core::ServiceEntry>> m_entries;
    std::map<std::string, bool> m_failed;
};

} // namespace formats
} // namespace segproof

#endif
