// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#ifndef SEGPROOF_SIM_REACH_PROBE_H
#define SEGPROOF_SIM_REACH_PROBE_H

#include "core/reach-matrix-layout.h"
#include "core/reach-matrix.h"
#include "core/scenario.h"

namespace segproof
{
namespace sim
{

/// The reachability matrix observed in ns-3 (rows: each segment's machines, then the named
/// externals; or the scenario's groups): one real attempt per (address class pair, service
/// cell) of each named service, from a member of the source class to one of the destination's
/// (an address no machine holds gets a stand-in node), aggregated to full / partial / none /
/// n/a exactly as verifier::BuildReachMatrix aggregates its proofs.
core::ReachMatrix ProbeReachMatrix(const core::Scenario& scenario, const core::Posture& posture,
                                   core::MatrixGrouping grouping = core::MatrixGrouping::Segment);

} // namespace sim
} // namespace segproof

#endif
