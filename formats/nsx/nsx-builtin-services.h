// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#ifndef SEGPROOF_FORMATS_NSX_NSX_BUILTIN_SERVICES_H
#define SEGPROOF_FORMATS_NSX_NSX_BUILTIN_SERVICES_H

#include <string>
#include <vector>

namespace segproof
{
namespace formats
{

/// One of the system services an NSX 4.x Manager ships (`/infra/services/ID`, `_system_owned`),
/// as facts: its id, its display name and its service entries.
///
/// `entries` lists the entries separated by "; ", each one of:
/// - `TCP PORTS` / `UDP PORTS`, with ` src PORTS` when the entry restricts source ports
///   (L4PortSetServiceEntry); PORTS is `*` (every port) or a comma list of ports and ranges;
/// - `ICMPv4`, `ICMPv4 TYPE`, `ICMPv4 TYPE/CODE`, and the same with `ICMPv6`
///   (ICMPTypeServiceEntry);
/// - `ALG NAME PORTS` (ALGTypeServiceEntry: NAME is NSX's `alg`, PORTS its destination ports);
/// - `IGMP` (IGMPTypeServiceEntry).
struct NsxBuiltinService
{
    const char* id;
    const char* displayName; ///< "" when equal to the id
    const char* entries;
};

/// Every built-in service, sorted by id.
const std::vector<NsxBuiltinService>& NsxBuiltinServices();

/// The built-in service with that id (case-sensitive, as NSX's paths are), or nullptr.
const NsxBuiltinService* FindNsxBuiltinService(const std::string& id);

} // namespace formats
} // namespace segproof

#endif
