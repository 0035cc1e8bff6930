// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#ifndef SEGPROOF_FORMATS_NSX_EXPORT_NSX_SERVICE_WRITER_H
#define SEGPROOF_FORMATS_NSX_EXPORT_NSX_SERVICE_WRITER_H

#include "core/input-error.h"
#include "core/scenario.h"
#include "nsx-id-allocator.h"

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace segproof
{
namespace formats
{

/// A rule's services as NSX writes them.
struct NsxRuleServices
{
    nlohmann::ordered_json services = nlohmann::ordered_json::array(); ///< paths, or ["ANY"]
    nlohmann::ordered_json entries = nlohmann::ordered_json::array();  ///< inline entries
    bool matchesNothing = false; ///< no entry at all: NSX would read the empty lists as ANY
};

/// `entries` as NSX service entries (L4PortSetServiceEntry, ICMPTypeServiceEntry,
/// IPProtocolServiceEntry), with ids unique among them.
nlohmann::ordered_json NsxServiceEntries(const std::vector<core::ServiceEntry>& entries);

/// Writes the services rules name as NSX Service objects (each once) and the rest as inline
/// service_entries.
class NsxServiceWriter
{
public:
    NsxServiceWriter(const core::Scenario& scenario, std::vector<core::Diagnostic>& warnings);

    /// Reads what the DFW's rules say of service names that are no scenario service (an NSX
    /// display name): the entries of a rule that names one alone. Call before ForRule.
    void Learn(const core::Firewall& dfw);
    /// The services of rule `ruleId` (written at `at`).
    NsxRuleServices ForRule(const core::ServiceSet& set, const std::string& ruleId,
                            const core::SourceLocation& at);
    /// Every service written, as ChildService wrappers, in the order written.
    const std::vector<nlohmann::ordered_json>& Children() const { return m_children; }

private:
    std::string ServicePath(const std::string& displayName,
                            const std::vector<core::ServiceEntry>& entries);
    const core::Service* FindService(const std::string& name, bool ignoreCase) const;

    const core::Scenario& m_scenario;
    std::vector<core::Diagnostic>& m_warnings;
    NsxIdAllocator m_ids;
    std::map<std::string, std::string> m_paths; ///< (display name, entries) -> path
    std::map<std::string, std::vector<core::ServiceEntry>> m_learned; ///< see Learn
    std::vector<nlohmann::ordered_json> m_children;
};

} // namespace formats
} // namespace segproof

#endif
