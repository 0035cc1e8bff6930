// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#ifndef SEGPROOF_SIM_STATEFUL_FIREWALL_H
#define SEGPROOF_SIM_STATEFUL_FIREWALL_H

#include "core/concrete-evaluator.h"
#include "core/first-match.h"
#include "core/policy.h"
#include "five-tuple.h"

#include <cstdint>
#include <functional>
#include <map>
#include <ns3/nstime.h>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>

namespace segproof
{
namespace sim
{

/// Blocked packets per (enforcement point kind, rule id or "default").
using DropCounts = std::map<std::pair<core::PointKind, std::string>, std::uint64_t>;

/// Hits of rules written `logged: true`: rule id -> where (machine name, "gateway",
/// "perimeter") -> packets the rule decided.
using LoggedHits = std::map<std::string, std::map<std::string, std::uint64_t>>;

/// What the enforcement points of one run report (EstateHelper owns it).
struct DecisionLog
{
    DropCounts drops;
    LoggedHits loggedHits;
    /// Told of every packet a DFW vNIC blocked (the blocked-attempt pattern), if set.
    std::function<void(const FiveTuple&)> onDfwBlock;
};

/// One stateful enforcement point (one vNIC, one guest OS, the gateway or the perimeter):
/// core::EvaluateFirewall decides new connections; a connection it allowed lets its packets
/// and replies pass (conntrack keyed by the 5-tuple). Every packet the rules decide (the
/// first of an allowed connection, each blocked one) is a hit of the deciding rule, logged
/// when the rule says `logged: true`.
class StatefulFirewall
{
public:
    /// `firewall` and `log` must outlive this object; `where` names the point in `log`.
    StatefulFirewall(const core::Firewall& firewall, DecisionLog& log, std::string where);

    /// The verdict on one packet seen at `point` from `side`; `evaluating` is the address of
    /// the machine whose vNIC or OS evaluates (nullopt at gateway and perimeter).
    core::Action Check(const FiveTuple& tuple, core::PointKind point, core::Side side,
                       std::optional<core::Ipv4Address> evaluating);

    /// Switches the firewall on or off (off: everything passes, nothing is tracked).
    void SetEnabled(bool enabled) { m_enabled = enabled; }

    /// True while the firewall enforces.
    bool IsEnabled() const { return m_enabled; }

private:
    bool Tracked(const FiveTuple& tuple) const;

    const core::Firewall& m_firewall;
    DecisionLog& m_log;
    std::string m_where;
    bool m_enabled = true;
    std::unordered_map<FiveTuple, ns3::Time, FiveTupleHash> m_conntrack; ///< tuple -> expiry
};

} // namespace sim
} // namespace segproof

#endif
