// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#ifndef SEGPROOF_VERIFIER_LATERAL_CLOSURE_H
#define SEGPROOF_VERIFIER_LATERAL_CLOSURE_H

#include "cell-set.h"
#include "core/estate.h"
#include "core/policy.h"
#include "core/scenario.h"
#include "core/service-classes.h"

#include <cstdint>
#include <vector>

namespace segproof
{
namespace verifier
{

/// The machines an attacker who holds `initial` can ever reach by lateral movement under
/// `posture`: the closure, over a Boost.Graph, of the edges u -> v "some TCP connection from u
/// to v on one of `ports` (any source port) is delivered when u's host firewall is switched
/// off" (the attacker switches it off, ATT&CK T1562.004; v's stays on until v is taken).
/// Computed on the verifier's address classes (ClassPolicy, the engine behind `matrix`), so it
/// sweeps a 10,000-desktop estate. An upper bound of what the simulator can infect: the
/// simulator also needs the exploit or a credential to work, the target to listen, and time.
/// Rules that a quarantine tag brings into force at run time are not counted (in the shipped
/// scenarios they only drop). Under a posture with the identity firewall on, an edge counts
/// when any state of the sessions at its source delivers it (verifier/session-states.h): the
/// bound holds whoever logs on where. Returns a flag per machine of the estate, `initial`
/// included.
std::vector<bool> LateralClosure(const core::Scenario& scenario, const core::Posture& posture,
                                 const std::vector<core::Index>& initial,
                                 const std::vector<std::uint16_t>& ports);

/// The TCP service cells whose destination ports hold one of `ports`.
CellSet LateralCells(const std::vector<core::ServiceClass>& cells,
                     const std::vector<std::uint16_t>& ports);

/// The destination ports of the scenario's lateral techniques (attack: lateral: techniques).
std::vector<std::uint16_t> LateralPorts(const core::Scenario& scenario);

} // namespace verifier
} // namespace segproof

#endif
