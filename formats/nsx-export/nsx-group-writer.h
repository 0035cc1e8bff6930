// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#ifndef SEGPROOF_FORMATS_NSX_EXPORT_NSX_GROUP_WRITER_H
#define SEGPROOF_FORMATS_NSX_EXPORT_NSX_GROUP_WRITER_H

#include "core/address-set.h"
#include "core/input-error.h"
#include "core/scenario.h"
#include "nsx-id-allocator.h"

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <unordered_map>
#include <vector>

namespace segproof
{
namespace formats
{

/// What NSX makes of a group's criteria against the estate, computed as formats/nsx's import
/// does (docs/nsx-import.md): the writer checks every group it writes against it.
struct ExportedGroupMembers
{
    core::AddressSet addresses; ///< the IPs of its VMs plus every address of its IP members
    core::AddressSet vms;       ///< the IPs of its VMs alone (what a scope enforces on)
    bool hasIpAddresses = false;
    bool hasVms = false;
};

/// A group as written: its path and what NSX computes for it.
struct NsxWrittenGroup
{
    std::string path;
    ExportedGroupMembers members;
};

/// Writes scenario groups as NSX groups (Condition, PathExpression, IPAddressExpression,
/// ExternalIDExpression), each once, and falls back to a group's present members, with a
/// warning, where NSX's criteria would select other members than segproof's.
class NsxGroupWriter
{
public:
    NsxGroupWriter(const core::Scenario& scenario, std::vector<core::Diagnostic>& warnings,
                   core::DiagnosticList& errors);

    /// The NSX group for the scenario group `group`, shown as `displayName`.
    const NsxWrittenGroup& ForScenarioGroup(const core::Group& group,
                                            const std::string& displayName);
    /// A group whose members are exactly `addresses` today, named statically: VMs by external
    /// id or name, every other address as an IP. With `vmsOnly` (a scope) the addresses must be
    /// VMs; one that cannot be named is an error at `at`. nullptr after such an error.
    const NsxWrittenGroup* Static(const std::string& displayName, const core::AddressSet& addresses,
                                  bool vmsOnly, const std::string& description,
                                  const core::SourceLocation& at);
    /// The IPs of the estate's VMs (machines with a host) among `addresses`.
    core::AddressSet Vms(const core::AddressSet& addresses) const;
    /// The scenario group with that name, else the only one with that name but for case;
    /// nullptr when none.
    const core::Group* FindGroup(const std::string& name, bool ignoreCase) const;
    /// Every group written, as ChildGroup wrappers, in the order written.
    const std::vector<nlohmann::ordered_json>& Children() const { return m_children; }

private:
    struct Term
    {
        nlohmann::ordered_json json;
        ExportedGroupMembers members;
    };
    struct Vm
    {
        core::Ipv4Address ip = 0;
        std::string name;                                      ///< lower case
        std::string externalId;                                ///< as given
        std::vector<std::pair<std::string, std::string>> tags; ///< lower case (scope, tag)
    };

    std::vector<Term> CriteriaTerms(const core::Group& group);
    std::vector<Term> StaticTerms(const core::AddressSet& addresses, bool vmsOnly,
                                  const core::SourceLocation& at, const std::string& displayName,
                                  bool& ok);
    Term TagCondition(const std::string& tag) const;
    Term NameCondition(const std::string& name) const;
    Term ExternalIds(const std::vector<std::string>& ids) const;
    static Term IpAddresses(const core::AddressSet& addresses);
    Term Path(const std::string& path, const ExportedGroupMembers& members) const;
    static nlohmann::ordered_json Combine(const std::vector<Term>& terms, const std::string& op,
                                          ExportedGroupMembers& members);
    const NsxWrittenGroup& Emit(const std::string& key, const std::string& displayName,
                                const std::string& description, nlohmann::ordered_json expression,
                                ExportedGroupMembers members);

    const core::Scenario& m_scenario;
    std::vector<core::Diagnostic>& m_warnings;
    core::DiagnosticList& m_errors;
    NsxIdAllocator m_ids;
    std::vector<Vm> m_vms;
    core::AddressSet m_vmAddresses;
    std::unordered_map<std::string, std::size_t> m_nameUses; ///< lower-cased VM name -> VMs
    std::map<std::string, NsxWrittenGroup> m_written;        ///< by key
    std::vector<nlohmann::ordered_json> m_children;
};

/// `addresses` as NSX writes them: "a.b.c.d", "a.b.c.d/len" or "a.b.c.d-e.f.g.h".
std::vector<std::string> NsxAddressTexts(const core::AddressSet& addresses);

} // namespace formats
} // namespace segproof

#endif
