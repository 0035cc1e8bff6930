// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#ifndef SEGPROOF_VERIFIER_CLASS_POLICY_H
#define SEGPROOF_VERIFIER_CLASS_POLICY_H

#include "cell-set.h"
#include "core/address-classes.h"
#include "core/first-match.h"
#include "core/scenario.h"
#include "core/service-classes.h"

#include <array>
#include <vector>

namespace segproof
{
namespace verifier
{

/// A rule lifted onto the partitions: which address classes it takes as source, destination
/// and applied-to machine, and which service cells.
struct ClassRule
{
    const core::Rule* rule = nullptr;
    CellSet from;      ///< address classes
    CellSet to;        ///< address classes
    CellSet appliedTo; ///< address classes (every class when the rule applies everywhere)
    CellSet cells;     ///< service cells
    bool out = false;  ///< active on the OUT side (enabled, direction out or in_out)
    bool in = false;   ///< active on the IN side
};

/// Section 2's semantics evaluated over whole address classes and service cells at once:
/// for a (source class, destination class) pair, the set of service cells delivered. It gives
/// the same answers as the concrete evaluator on every member (the differential tests check
/// it), and is fast enough to sweep every class pair of a 10,000-desktop estate: the engine
/// behind matrix, and the pre-filter of lint and diff.
class ClassPolicy
{
public:
    /// The scenario and partitions must outlive the policy.
    ClassPolicy(const core::Scenario& scenario, const core::AddressClasses& classes,
                const std::vector<core::ServiceClass>& cells);

    std::size_t ClassCount() const { return m_classes.Classes().size(); }
    std::size_t CellCount() const { return m_cells.size(); }
    /// The address classes inside a set (exact for sets the partition was built from).
    CellSet ClassesIn(const core::AddressSet& set) const;
    /// The service cells a service set matches.
    CellSet CellsIn(const core::ServiceSet& service) const;
    /// The rules of a firewall, lifted (empty when the scenario has none).
    const std::vector<ClassRule>& Rules(core::FirewallKind kind) const;

    /// False for pairs outside the model (both outside every segment, or one address).
    bool InModel(std::size_t source, std::size_t destination) const;
    /// The service cells one firewall allows at a point of the path from `source` to
    /// `destination` (`side` Out: evaluated at the source, In: at the destination).
    CellSet Allowed(core::FirewallKind kind, core::Side side, std::size_t source,
                    std::size_t destination) const;
    /// The service cells delivered from `source` to `destination` under the posture;
    /// `hostFirewallOff` holds the classes whose host firewall is switched off.
    CellSet Delivered(std::size_t source, std::size_t destination, const core::Posture& posture,
                      const CellSet& hostFirewallOff) const;

private:
    CellSet Decide(core::FirewallKind kind, std::size_t start, CellSet undecided, core::Side side,
                   std::size_t source, std::size_t destination) const;

    const core::Scenario& m_scenario;
    const core::AddressClasses& m_classes;
    const std::vector<core::ServiceClass>& m_cells;
    std::array<std::vector<ClassRule>, 4> m_rules;
    CellSet m_hostApplies;
    CellSet m_machine;
    CellSet m_vnic;
};

} // namespace verifier
} // namespace segproof

#endif
