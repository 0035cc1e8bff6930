// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#ifndef SEGPROOF_FORMATS_NSX_NSX_FIREWALL_BUILDER_H
#define SEGPROOF_FORMATS_NSX_NSX_FIREWALL_BUILDER_H

#include "core/estate.h"
#include "core/policy.h"
#include "nsx-context.h"
#include "nsx-document.h"
#include "nsx-group-resolver.h"
#include "nsx-service-resolver.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

namespace segproof
{
namespace formats
{

/// Turns the security policies of an NSX export into segproof's DFW: policies ordered by
/// category (Emergency, Infrastructure, Environment, Application, then none; Ethernet skipped
/// with a warning) and sequence_number, rules by sequence_number (ties keep file order, with a
/// warning); the catch-all rule in the Application category's last position becomes the
/// default (else ALLOW, NSX's factory default); applicationStart marks where
/// JUMP_TO_APPLICATION continues. docs/nsx-import.md states each mapping.
class NsxFirewallBuilder
{
public:
    NsxFirewallBuilder(const NsxDocument& document, const core::Estate& estate,
                       NsxContext& context);

    /// The DFW (kind Dfw); problems are recorded in the context.
    core::Firewall Build();

    /// A rule of a gateway policy, read as a DFW rule is (endpoints, services, action,
    /// direction, disabled), its `scope` (gateway paths) left to the caller, with its
    /// sequence_number; nullopt when it has errors (recorded).
    std::optional<core::Rule> ReadGatewayRule(const YAML::Node& node, const NsxObject& policy,
                                              const std::string& category, std::int64_t& sequence);

private:
    /// A security policy, read.
    struct Policy
    {
        const NsxObject* object = nullptr;
        std::string category;
        int rank = 0;
        std::int64_t sequence = 0;
        YAML::Node sequenceAt;
        bool defaultSection = false; ///< NSX's default layer-3 section: last of Application
        core::AddressRef scope;      ///< empty `written`: everywhere
        bool ok = true;              ///< false: read with errors (reported)
        bool gateway = false;        ///< a gateway policy: scopes name gateways, read by the caller
    };

    /// A rule, read, with what ordering and the default-rule test need.
    struct Draft
    {
        core::Rule rule;
        std::string nsxId;
        std::int64_t sequence = 0;
        YAML::Node node;
        int rank = 0;
        const Policy* policy = nullptr;
        bool catchAll = false; ///< any to any, any service, everywhere, both directions
        bool ok = true;        ///< false: read with errors (reported), kept only for its id
    };

    /// Addresses of source_groups / destination_groups, or a scope.
    struct Endpoints
    {
        bool ok = true;
        bool any = false;
        core::AddressRef ref;
    };

    /// The policy; nullopt when it is skipped (Ethernet), `ok` false when it has errors.
    std::optional<Policy> ReadPolicy(const NsxObject& object);
    /// The rule; nullopt when it has no id, `ok` false when it has other errors.
    std::optional<Draft> ReadRule(const YAML::Node& node, const Policy& policy);
    Endpoints ReadEndpoints(const YAML::Node& rule, const std::string& key,
                            const std::string& excludedKey, const std::string& where);
    Endpoints ReadScope(const YAML::Node& object, const std::string& where);
    bool ReadServices(const YAML::Node& rule, const std::string& where, core::ServiceSet& services,
                      bool& any);
    /// True when `text` in source_groups / destination_groups / scope names a group: a path
    /// ("/infra/domains/default/groups/web"), or the `path` a bundle gave a group ("web", as
    /// np-guard's collector writes them).
    bool IsGroupReference(const std::string& text) const;
    /// Warns, per ALG service, which rules use it and what of it is not modelled.
    void WarnAboutAlgs();
    /// Records in `firewall.orderTies` (with a warning each) the ties whose rules do not all
    /// act alike: rule-level ties (`ruleTie[i]`: drafts[i]'s tie, or -1) and policy-level
    /// ones (`policyTie[p]`, policies[p]'s; drafts[i] comes from policies[policyOf[i]]).
    void RecordTies(const std::vector<Draft>& drafts, const std::vector<std::size_t>& policyOf,
                    const std::vector<int>& ruleTie, const std::vector<std::string>& ruleTieText,
                    const std::vector<YAML::Node>& ruleTieAt, const std::vector<int>& policyTie,
                    const std::vector<std::string>& policyTieText,
                    const std::vector<YAML::Node>& policyTieAt, core::Firewall& firewall);
    /// How NSX orders policies: category, then the default section last, then sequence_number.
    static std::tuple<int, bool, std::int64_t> OrderKey(const Policy& policy);
    std::optional<core::Action> ReadAction(const YAML::Node& rule, const Policy& policy,
                                           const std::string& where);

    const NsxDocument& m_document;
    NsxContext& m_context;
    NsxGroupResolver m_groups;
    NsxServiceResolver m_services;
    /// ALG notes ("MS_RPC_TCP on tcp/135 (...)") -> the rules using them, with where they do.
    std::map<std::string, std::vector<std::pair<std::string, YAML::Node>>> m_algUses;
    std::string m_ruleId; ///< the rule ReadServices reads, for m_algUses
};

} // namespace formats
} // namespace segproof

#endif
