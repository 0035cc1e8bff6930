// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#ifndef SEGPROOF_FORMATS_NSX_NSX_GROUP_RESOLVER_H
#define SEGPROOF_FORMATS_NSX_NSX_GROUP_RESOLVER_H

#include "core/address-set.h"
#include "core/estate.h"
#include "nsx-context.h"
#include "nsx-document.h"

#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace segproof
{
namespace formats
{

/// What an NSX group holds once resolved against the estate.
struct NsxGroupMembers
{
    /// The IPs of its member VMs plus every address of its IP-address members.
    core::AddressSet addresses;
    /// True when some addresses come from an IPAddressExpression (directly or through a nested
    /// group): such a group names addresses, not vNICs, so it cannot be a rule's scope.
    bool hasIpAddresses = false;
    /// The IPs of its member VMs alone (what a scope enforces on: NSX applies a rule on the
    /// vNICs of a group's VMs, and IP-address members have none).
    core::AddressSet vmAddresses;
    /// True when it has VM criteria or VM members (directly or through a nested group), even
    /// if they match no VM today.
    bool hasVms = false;
    /// Groups on its longest chain of PathExpressions down (0: it names no group).
    std::size_t depth = 0;
    /// Tags ("scope|tag", lower case; "|tag": any scope) that alone make a VM a member: Tag
    /// EQUALS conditions OR-ed at any level (not under AND). A VM tagged at run time (the
    /// quarantine chain) joins the group by them.
    std::vector<std::string> tags;
};

/// Resolves NSX groups to addresses against the estate's machines, on first use, memoised.
/// Expressions: Condition (member_type VirtualMachine; key Tag, Name, ComputerName, OSName;
/// operator EQUALS, NOTEQUALS, CONTAINS, STARTSWITH, ENDSWITH; compared case-insensitively as
/// NSX does), ConjunctionOperator AND / OR (AND binds tighter: the list is an OR of AND-runs),
/// NestedExpression, IPAddressExpression, PathExpression (other groups, recursively, with
/// cycles reported; or a segment: its VMs) and ExternalIDExpression (VMs by external id). Only
/// machines with a host are VirtualMachines. Everything else is refused.
class NsxGroupResolver
{
public:
    NsxGroupResolver(const NsxDocument& document, const core::Estate& estate, NsxContext& context);

    /// The members of the group at `path`, written at `reference` in `field` of `where`;
    /// nullptr when the path names no group of the export, or the group could not be read
    /// (each problem is reported once).
    const NsxGroupMembers* Resolve(const std::string& path, const YAML::Node& reference,
                                   const std::string& field, const std::string& where);
    /// How rules name the group at `path`: its display_name, else the path.
    std::string Name(const std::string& path) const;

private:
    enum class State
    {
        Visiting,
        Done,
        Failed,
    };

    bool ReadGroup(const NsxObject& group, NsxGroupMembers& members);
    /// The estate's VMs a collector's `vm_members` names (by external id, else by name);
    /// `unknown` gets the names of those that match no VM.
    std::vector<core::Index> RealizedVms(const YAML::Node& group, const std::string& where,
                                         std::vector<std::string>& unknown);
    /// Adds VMs (their addresses, in any order) to the members, as addresses and as VMs.
    void AddVms(std::vector<core::Ipv4Address> ips, const YAML::Node& at, NsxGroupMembers& members);
    /// A group without criteria: its realized vm_members and ips_members.
    bool ReadRealizedMembers(const YAML::Node& group, const std::string& where,
                             NsxGroupMembers& members);
    /// Warns when the criteria, evaluated against the estate, and the realized VMs differ.
    void CompareRealizedVms(const YAML::Node& group, const std::string& where,
                            const NsxGroupMembers& members);
    bool ReadExpressionList(const std::vector<YAML::Node>& items, const std::string& where,
                            std::size_t depth, NsxGroupMembers& members);
    bool ReadExpression(const YAML::Node& expression, const std::string& type,
                        const std::string& where, std::size_t depth, NsxGroupMembers& members);
    bool ReadCondition(const YAML::Node& condition, const std::string& where,
                       NsxGroupMembers& members);
    bool ReadIpAddresses(const YAML::Node& expression, const std::string& where,
                         NsxGroupMembers& members);
    bool ReadPaths(const YAML::Node& expression, const std::string& where,
                   NsxGroupMembers& members);
    bool ReadExternalIds(const YAML::Node& expression, const std::string& where,
                         NsxGroupMembers& members);
    /// The estate's segment whose nsxPath is `path`, else the one named NAME in
    /// /infra/segments/NAME; nullopt when none.
    std::optional<core::Index> SegmentAt(const std::string& path) const;
    /// The IPs of the VMs (machines with a host) on the segment, built on first use.
    const core::AddressSet& SegmentVms(core::Index segment);

    /// A VM's fields as conditions compare them (lower case), built on first use.
    struct Vm
    {
        core::Ipv4Address ip = 0;
        std::string name;
        std::string os;
        std::vector<std::pair<std::string, std::string>> tags; ///< (scope, tag)
    };
    const std::vector<Vm>& Vms();

    const NsxDocument& m_document;
    const core::Estate& m_estate;
    std::vector<Vm> m_vms;
    bool m_vmsBuilt = false;
    std::unordered_map<std::string, core::Index> m_byExternalId; ///< VMs, built on first use
    bool m_externalIdsBuilt = false;
    NsxContext& m_context;
    std::map<std::string, State> m_states;
    std::map<std::string, NsxGroupMembers> m_members;
    std::vector<std::string> m_stack;           ///< groups being resolved, outermost first
    std::size_t m_conditions = 0;               ///< Conditions read so far
    std::vector<core::AddressSet> m_segmentVms; ///< by segment index, built on first use
    bool m_warnedNoExternalIds = false;         ///< the "estate has no external ids" warning
};

} // namespace formats
} // namespace segproof

#endif
