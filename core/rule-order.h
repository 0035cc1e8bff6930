// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#ifndef SEGPROOF_CORE_RULE_ORDER_H
#define SEGPROOF_CORE_RULE_ORDER_H

#include "policy.h"

#include <cstddef>
#include <optional>
#include <vector>

namespace segproof
{
namespace core
{

/// Which way to settle the rule-level ties of a firewall (Firewall::orderTies).
enum class TieBias
{
    /// Within each tie, allow rules first, then JUMP_TO_APPLICATION, then drop and reject. At
    /// every enforcement point the decision is then the most permissive any order of the tie
    /// gives (a matching allow wins; a jump's outcome is at least a drop's), so the delivered
    /// connections are the union over every order of the tie.
    Permissive,
    /// Drop and reject first, then JUMP_TO_APPLICATION, then allow: the intersection.
    Restrictive,
};

/// The firewall in every order its policy-level ties allow (file order first), with its
/// rule-level ties settled by `bias`; each result has no orderTies. nullopt when the policy
/// ties allow more than `maxOrders` orders.
std::optional<std::vector<Firewall>> OrderVariants(const Firewall& firewall, TieBias bias,
                                                   std::size_t maxOrders);

/// The number of orders the policy-level ties allow (the product of each tie's factorial),
/// saturating at `cap + 1`.
std::size_t PolicyOrderCount(const Firewall& firewall, std::size_t cap);

} // namespace core
} // namespace segproof

#endif
