// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#ifndef SEGPROOF_VERIFIER_REACH_MATRIX_BUILDER_H
#define SEGPROOF_VERIFIER_REACH_MATRIX_BUILDER_H

#include "core/reach-matrix-layout.h"
#include "core/reach-matrix.h"
#include "core/scenario.h"

#include <string>

namespace segproof
{
namespace verifier
{

using core::MatrixGrouping;

/// Computes the reachability matrix of a scenario under a posture from its policy: for each
/// (from, to, named service) whether every, some or no connection is delivered. Exact: it
/// sweeps every address-class pair and service cell with the class-level evaluator.
core::ReachMatrix BuildReachMatrix(const core::Scenario& scenario, const core::Posture& posture,
                                   MatrixGrouping grouping);

} // namespace verifier
} // namespace segproof

#endif
