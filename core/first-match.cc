// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#include "first-match.h"

namespace segproof
{
namespace core
{

bool
RuleMatches(const Rule& rule, const Connection& connection, Side side,
            std::optional<Ipv4Address> evaluatingMachine)
{
    if (rule.disabled)
    {
        return false;
    }
    if (side == Side::Out && rule.direction == Direction::In)
    {
        return false;
    }
    if (side == Side::In && rule.direction == Direction::Out)
    {
        return false;
    }
    if (!rule.AppliesEverywhere() &&
        !(evaluatingMachine && rule.appliedTo.addresses.Contains(*evaluatingMachine)))
    {
        return false;
    }
    return rule.from.addresses.Contains(connection.source) &&
           rule.to.addresses.Contains(connection.destination) &&
           ServiceMatches(rule.service, connection);
}

FirstMatch
EvaluateFirewall(const Firewall& firewall, const Connection& connection, Side side,
                 std::optional<Ipv4Address> evaluatingMachine)
{
    const auto& rules = firewall.rules;
    for (std::size_t i = 0; i < rules.size(); ++i)
    {
        if (!RuleMatches(rules[i], connection, side, evaluatingMachine))
        {
            continue;
        }
        if (rules[i].action == Action::JumpToApplication)
        {
            // Skip what is left of the earlier categories; never jump backwards.
            if (firewall.applicationStart > i + 1)
            {
                i = firewall.applicationStart - 1;
            }
            continue;
        }
        return FirstMatch{&rules[i], rules[i].action};
    }
    return FirstMatch{nullptr, side == Side::Out ? firewall.defaultOut : firewall.defaultIn};
}

} // namespace core
} // namespace segproof
