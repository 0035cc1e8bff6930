// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#include "rule-order.h"

#include <algorithm>
#include <numeric>

namespace segproof
{
namespace core
{

namespace
{

/// The place of a rule within a tie under a bias (lower first).
int
Rank(const Rule& rule, TieBias bias)
{
    if (rule.action == Action::JumpToApplication)
    {
        return 1;
    }
    const bool allow = rule.action == Action::Allow;
    return (allow == (bias == TieBias::Permissive)) ? 0 : 2;
}

/// Every combination of the permutations of each policy tie, as index orders over the rules.
void
Enumerate(const Firewall& firewall, const std::vector<const OrderTie*>& ties, std::size_t next,
          std::vector<std::size_t>& order, std::vector<std::vector<std::size_t>>& orders)
{
    if (next == ties.size())
    {
        orders.push_back(order);
        return;
    }
    const OrderTie& tie = *ties[next];
    std::vector<std::size_t> permutation(tie.spans.size());
    std::iota(permutation.begin(), permutation.end(), 0);
    const std::size_t start = tie.spans.front().first;
    do
    {
        std::vector<std::size_t> arranged = order;
        std::size_t at = start;
        for (std::size_t p : permutation)
        {
            const auto& [first, count] = tie.spans[p];
            for (std::size_t i = 0; i < count; ++i)
            {
                arranged[at++] = order[first + i];
            }
        }
        Enumerate(firewall, ties, next + 1, arranged, orders);
    } while (std::next_permutation(permutation.begin(), permutation.end()));
}

} // namespace

std::size_t
PolicyOrderCount(const Firewall& firewall, std::size_t cap)
{
    std::size_t count = 1;
    for (const auto& tie : firewall.orderTies)
    {
        if (tie.level != OrderTie::Level::Policies)
        {
            continue;
        }
        for (std::size_t k = 2; k <= tie.spans.size(); ++k)
        {
            count *= k;
            if (count > cap)
            {
                return cap + 1;
            }
        }
    }
    return count;
}

std::optional<std::vector<Firewall>>
OrderVariants(const Firewall& firewall, TieBias bias, std::size_t maxOrders)
{
    if (PolicyOrderCount(firewall, maxOrders) > maxOrders)
    {
        return std::nullopt;
    }
    // Rule-level ties first, in place: each lies inside one policy, which moves as a whole.
    std::vector<std::size_t> order(firewall.rules.size());
    std::iota(order.begin(), order.end(), 0);
    std::vector<const OrderTie*> policyTies;
    for (const auto& tie : firewall.orderTies)
    {
        if (tie.level == OrderTie::Level::Policies)
        {
            policyTies.push_back(&tie);
            continue;
        }
        for (const auto& [first, count] : tie.spans)
        {
            std::stable_sort(
                order.begin() + static_cast<std::ptrdiff_t>(first),
                order.begin() + static_cast<std::ptrdiff_t>(first + count),
                [&](std::size_t a, std::size_t b)
                { return Rank(firewall.rules[a], bias) < Rank(firewall.rules[b], bias); });
        }
    }
    std::vector<std::vector<std::size_t>> orders;
    Enumerate(firewall, policyTies, 0, order, orders);
    std::vector<Firewall> variants;
    variants.reserve(orders.size());
    for (const auto& arranged : orders)
    {
        Firewall variant = firewall;
        variant.orderTies.clear();
        for (std::size_t i = 0; i < arranged.size(); ++i)
        {
            variant.rules[i] = firewall.rules[arranged[i]];
        }
        variants.push_back(std::move(variant));
    }
    return variants;
}

} // namespace core
} // namespace segproof
