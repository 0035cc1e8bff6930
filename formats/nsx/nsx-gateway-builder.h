// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#ifndef SEGPROOF_FORMATS_NSX_NSX_GATEWAY_BUILDER_H
#define SEGPROOF_FORMATS_NSX_NSX_GATEWAY_BUILDER_H

#include "core/estate.h"
#include "core/policy.h"
#include "nsx-context.h"
#include "nsx-document.h"
#include "nsx-firewall-builder.h"

#include <cstdint>
#include <string>
#include <vector>

namespace segproof
{
namespace formats
{

/// Turns the gateway policies of an NSX export into segproof's perimeter (the tier-0 gateway's
/// rules) or gateway (the tier-1's): each rule on the gateways its scope names (else its
/// policy's, else every gateway), policies ordered by NSX's gateway categories (Emergency,
/// SystemRules, SharedPreRules, LocalGatewayRules, AutoServiceRules, Default) and
/// sequence_number, rules by sequence_number; direction IN (into the gateway from its uplink:
/// the source outside what the gateway serves), OUT (the source inside); default ALLOW, NSX's
/// gateway default. The tier-1 firewall filters only what crosses the tier-1's uplink: traffic
/// between two of its segments, or between two addresses it does not serve, passes it
/// (segproof's gateway stands between every two segments: the tier-1's rules are preceded by
/// two rules that allow what does not cross). One tier-0 and one tier-1 with rules at most.
/// docs/nsx-import.md section 14 states each mapping.
class NsxGatewayBuilder
{
public:
    NsxGatewayBuilder(const NsxDocument& document, const core::Estate& estate, NsxContext& context);

    /// The perimeter (kind Perimeter) or the gateway (kind Gateway); problems are recorded in
    /// the context.
    core::Firewall Build(core::FirewallKind kind);

private:
    /// One gateway rule, read, with where it is enforced and what orders it.
    struct Draft
    {
        core::Rule rule;
        std::vector<std::string> gateways; ///< tier-0 / tier-1 paths; empty: every gateway
        int rank = 0;
        std::int64_t policySequence = 0;
        std::int64_t sequence = 0;
    };

    /// The gateway paths of a scope; empty for ANY or none; `ok` false on a path that names no
    /// gateway.
    std::vector<std::string> ReadScope(const YAML::Node& object, const std::string& where,
                                       bool& ok);
    /// The addresses behind the tier-1 gateway `path`: its segments' subnets.
    core::AddressSet ServedBy(const std::string& path);
    std::vector<Draft> ReadDrafts();

    const NsxDocument& m_document;
    const core::Estate& m_estate;
    NsxContext& m_context;
    NsxFirewallBuilder m_rules;
};

} // namespace formats
} // namespace segproof

#endif
