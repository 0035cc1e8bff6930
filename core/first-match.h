// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#ifndef SEGPROOF_CORE_FIRST_MATCH_H
#define SEGPROOF_CORE_FIRST_MATCH_H

#include "connection.h"
#include "policy.h"

#include <optional>

namespace segproof
{
namespace core
{

/// Which side of the evaluating machine a connection is seen from.
enum class Side
{
    Out,  ///< leaving the source (host OUT, dfw OUT)
    In,   ///< entering the destination (dfw IN, host IN)
    None, ///< gateway and perimeter: direction is ignored
};

/// The outcome of one firewall's rule list on one connection.
struct FirstMatch
{
    const Rule* rule = nullptr; ///< nullptr: no rule matched, the default decided
    Action action = Action::Allow;
};

/// True when the rule matches: source in from, destination in to, service, direction includes
/// the side, the evaluating machine in applied_to (when given), not disabled.
/// `evaluatingMachine` is the address of the machine whose vNIC or OS evaluates the rule
/// (nullopt at the gateway and perimeter).
bool RuleMatches(const Rule& rule, const Connection& connection, Side side,
                 std::optional<Ipv4Address> evaluatingMachine);

/// Reads the firewall's rules in order; the first match decides, else the default. A matching
/// JUMP_TO_APPLICATION rule continues at Firewall::applicationStart.
/// The single implementation of section 2's rule semantics: the simulator's packet filters
/// and the verifier's cross-checks call it.
FirstMatch EvaluateFirewall(const Firewall& firewall, const Connection& connection, Side side,
                            std::optional<Ipv4Address> evaluatingMachine);

} // namespace core
} // namespace segproof

#endif
