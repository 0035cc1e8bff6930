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
    for (const auto& rule : firewall.rules)
    {
        if (RuleMatches(rule, connection, side, evaluatingMachine))
        {
            return FirstMatch{&rule, rule.action};
        }
    }
    return FirstMatch{nullptr, side == Side::Out ? firewall.defaultOut : firewall.defaultIn};
}

} // namespace core
} // namespace segproof
