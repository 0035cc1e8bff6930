#ifndef SEGPROOF_VERIFIER_REACH_MATRIX_BUILDER_H
#define SEGPROOF_VERIFIER_REACH_MATRIX_BUILDER_H

#include "core/reach-matrix.h"
#include "core/scenario.h"

#include <string>

namespace segproof
{
namespace verifier
{

/// What the rows and columns of a matrix are.
enum class MatrixGrouping
{
    Segment, ///< the machines of each segment, then the named external addresses
    Group,   ///< the scenario's groups
};

/// Computes the reachability matrix of a scenario under a posture from its policy: for each
/// (from, to, named service) whether every, some or no connection is delivered. Exact: it
/// sweeps every address-class pair and service cell with the class-level evaluator.
core::ReachMatrix BuildReachMatrix(const core::Scenario& scenario, const core::Posture& posture,
                                   MatrixGrouping grouping);

} // namespace verifier
} // namespace segproof

#endif
