// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#include "identity-firewall.h"

#include "input-error.h"

#include <algorithm>

namespace segproof
{
namespace core
{

std::vector<Index>
IdentityFirewallGroups(const Firewall& firewall)
{
    std::vector<Index> groups;
    for (const auto& rule : firewall.rules)
    {
        groups.insert(groups.end(), rule.from.adGroups.begin(), rule.from.adGroups.end());
    }
    std::sort(groups.begin(), groups.end());
    groups.erase(std::unique(groups.begin(), groups.end()), groups.end());
    return groups;
}

bool
HasIdentityRules(const Firewall& firewall)
{
    return std::any_of(firewall.rules.begin(), firewall.rules.end(),
                       [](const Rule& rule) { return rule.from.IsIdentityBased(); });
}

std::vector<Index>
IdentitySignature(const IdentityIndex& index, Index user, const std::vector<Index>& adGroups)
{
    std::vector<Index> signature;
    const std::vector<Index>& groups = index.GroupsOf(user);
    std::set_intersection(groups.begin(), groups.end(), adGroups.begin(), adGroups.end(),
                          std::back_inserter(signature));
    return signature;
}

Firewall
ResolveIdentitySources(const Firewall& firewall, const std::vector<AddressSet>& matchedBy)
{
    Firewall resolved = firewall;
    for (auto& rule : resolved.rules)
    {
        for (Index g : rule.from.adGroups)
        {
            if (g >= 0 && static_cast<std::size_t>(g) < matchedBy.size())
            {
                rule.from.addresses = rule.from.addresses.Union(matchedBy[g]);
            }
        }
        rule.from.addresses = rule.from.addresses.Union(rule.from.idfwAddresses);
        rule.from.adGroups.clear();
        rule.from.idfwAddresses = AddressSet();
    }
    return resolved;
}

bool
DependsOnSessions(const Scenario& scenario, const Posture& posture)
{
    const Firewall* dfw = scenario.FindFirewall(FirewallKind::Dfw);
    return dfw && posture.Has(FirewallKind::Dfw) && posture.idfw && HasIdentityRules(*dfw);
}

Scenario
WithNobodyLoggedOn(const Scenario& scenario)
{
    const Firewall* dfw = scenario.FindFirewall(FirewallKind::Dfw);
    if (!dfw)
    {
        return scenario;
    }
    return scenario.WithFirewall(ResolveIdentitySources(*dfw, {}));
}

void
RequireNoIdentityFirewall(const Scenario& scenario, const Posture& posture, const std::string& what)
{
    if (!DependsOnSessions(scenario, posture))
    {
        return; // with the identity firewall off, AD groups match no machine: nothing to model
    }
    for (const auto& rule : scenario.FindFirewall(FirewallKind::Dfw)->rules)
    {
        if (rule.from.IsIdentityBased() && !rule.disabled)
        {
            throw InputError(rule.location,
                             what + " does not model the identity firewall yet: rule '" + rule.id +
                                 "' matches by the AD group of the user logged on at "
                                 "the source, under posture '" +
                                 posture.name +
                                 "'; `segproof verify` proves such rules under every "
                                 "placement of the sessions (docs/identity.md)");
        }
    }
}

} // namespace core
} // namespace segproof
