// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#ifndef SEGPROOF_CORE_CONCRETE_EVALUATOR_H
#define SEGPROOF_CORE_CONCRETE_EVALUATOR_H

#include "connection.h"
#include "first-match.h"
#include "scenario.h"
#include "topology.h"

#include <string>
#include <vector>

namespace segproof
{
namespace core
{

/// The enforcement points of section 2.
enum class PointKind
{
    HostOut,
    DfwOut,
    Gateway,
    Perimeter,
    DfwIn,
    HostIn,
};

/// One enforcement point on a path: its kind and, for host and dfw, the machine it guards.
struct EnforcementPoint
{
    PointKind kind = PointKind::Gateway;
    Index machine = kNone;

    /// The firewall that enforces it.
    FirewallKind Firewall() const;
    /// The side a rule must apply to (Out, In, or None at the gateway and perimeter).
    Side GetSide() const;
};

/// "dfw-out@vdi001", "gateway", "host-in@fs01".
std::string PointLabel(const EnforcementPoint& point, const Estate& estate);

/// What one enforcement point decided.
struct Decision
{
    EnforcementPoint point;
    const Rule* rule = nullptr; ///< nullptr: the firewall's default decided
    Action action = Action::Allow;

    /// The rule id, or "default".
    std::string RuleId() const { return rule ? rule->id : "default"; }
};

/// The verdict on one connection.
struct Evaluation
{
    /// False when the connection is outside the model (neither end in a segment, or an
    /// address to itself); nothing else is then meaningful.
    bool inModel = true;
    bool delivered = false;
    /// Every point the connection met, in path order, up to and including the one that
    /// blocked it (a blocked packet meets no later point).
    std::vector<Decision> decisions;
};

/// The reference semantics: one connection, a posture and the machines whose host firewall
/// the attacker switched off, to delivered or not with the deciding rule at each point.
/// The Z3 encoding and the ns-3 filters are tested against it.
class ConcreteEvaluator
{
public:
    /// Builds the topology of the scenario's estate; the scenario must outlive the evaluator.
    explicit ConcreteEvaluator(const Scenario& scenario);

    /// False for connections section 2 leaves outside the model: an address to itself, or
    /// neither end inside a segment.
    bool InModel(Ipv4Address source, Ipv4Address destination) const;

    /// The enforcement points a connection from `source` to `destination` meets under the
    /// posture, in path order (empty when it is outside the model).
    std::vector<EnforcementPoint> PointsOnPath(Ipv4Address source, Ipv4Address destination,
                                               const Posture& posture,
                                               const AddressSet& hostFirewallOff) const;

    /// Evaluates a connection; `hostFirewallOff` holds the machines whose host firewall is
    /// switched off (assume_compromised).
    Evaluation Evaluate(const Connection& connection, const Posture& posture,
                        const AddressSet& hostFirewallOff = AddressSet()) const;

    /// What one point decides about a connection.
    Decision Decide(const EnforcementPoint& point, const Connection& connection) const;

    /// "dfw-out@vdi001", "gateway", "host-in@fs01".
    std::string Label(const EnforcementPoint& point) const;

    /// The topology paths are read from.
    const Topology& GetTopology() const { return m_topology; }

private:
    const Scenario& m_scenario;
    Topology m_topology;
};

} // namespace core
} // namespace segproof

#endif
