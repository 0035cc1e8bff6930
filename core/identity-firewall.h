// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#ifndef SEGPROOF_CORE_IDENTITY_FIREWALL_H
#define SEGPROOF_CORE_IDENTITY_FIREWALL_H

#include "estate.h"
#include "identity.h"
#include "policy.h"
#include "scenario.h"

#include <string>
#include <vector>

namespace segproof
{
namespace core
{

/// The AD groups the firewall's rules name as identity firewall sources, sorted.
std::vector<Index> IdentityFirewallGroups(const Firewall& firewall);

/// True when a rule of the firewall depends on the identity firewall (an AD group in its
/// source, or `idfw: true`).
bool HasIdentityRules(const Firewall& firewall);

/// The identity firewall groups (of `adGroups`, sorted) the user belongs to, nested
/// membership included: what the IDFW matches a desktop by while the user is logged on there.
std::vector<Index> IdentitySignature(const IdentityIndex& index, Index user,
                                     const std::vector<Index>& adGroups);

/// The firewall with its identity firewall sources resolved for one state of the sessions: a
/// rule naming AD group g in its source also matches the addresses `matchedBy[g]` (the
/// machines where a member of g is logged on), and the sources of its `idfw: true` rules
/// match: the firewall with the identity firewall on. The result names no AD group any more
/// (its rules' `written` still say "ad_group:G"): resolve from the scenario's own firewall.
Firewall ResolveIdentitySources(const Firewall& firewall, const std::vector<AddressSet>& matchedBy);

/// True when the posture puts the DFW and the identity firewall in force and the DFW has
/// rules that depend on it (HasIdentityRules): what the DFW does then depends on the sessions.
bool DependsOnSessions(const Scenario& scenario, const Posture& posture);

/// What a matrix's `firewalls` says when it shows the DFW with nobody logged on.
constexpr const char* kNobodyLoggedOnNote = " + identity firewall, nobody logged on";

/// The scenario as the DFW sees it with the identity firewall on and nobody logged on: its
/// `idfw: true` rules in force, its AD-group sources matching no machine. What `matrix` and
/// `probe` show under a posture where DependsOnSessions (neither enumerates sessions).
Scenario WithNobodyLoggedOn(const Scenario& scenario);

/// Throws InputError, located at the first DFW rule whose source names an AD group, when the
/// DFW and the identity firewall are on under the posture and the DFW has such a rule: for the
/// analyses that do not model who is logged on where yet (`what` names the analysis: "the
/// simulator").
void RequireNoIdentityFirewall(const Scenario& scenario, const Posture& posture,
                               const std::string& what);

} // namespace core
} // namespace segproof

#endif
