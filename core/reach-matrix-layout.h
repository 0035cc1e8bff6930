// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#ifndef SEGPROOF_CORE_REACH_MATRIX_LAYOUT_H
#define SEGPROOF_CORE_REACH_MATRIX_LAYOUT_H

#include "address-classes.h"
#include "reach-matrix.h"
#include "scenario.h"
#include "service-classes.h"

#include <functional>
#include <vector>

namespace segproof
{
namespace core
{

/// What the rows and columns of a matrix are.
enum class MatrixGrouping
{
    Segment, ///< the machines of each segment, then the named external addresses
    Group,   ///< the scenario's groups
};

/// A matrix before it is filled: its rows (= columns) with their address classes and its
/// named services with their service cells. `matrix` (from the policy) and `probe` (from
/// packets) lay out and fill matrices the same way, so that their outputs compare cell by cell.
struct ReachMatrixLayout
{
    ReachMatrix matrix; ///< names filled in, `reach` empty
    std::vector<std::vector<std::size_t>> rowClasses;
    std::vector<std::vector<std::size_t>> serviceCells;
};

/// The layout of a scenario's matrix under a posture.
ReachMatrixLayout LayOutReachMatrix(const Scenario& scenario, const Posture& posture,
                                    MatrixGrouping grouping, const AddressClasses& classes,
                                    const std::vector<ServiceClass>& cells);

/// False for class pairs outside section 2's model: both ends outside every segment, or one
/// address talking to itself (a class of one address paired with itself).
bool ClassPairInModel(const AddressClasses& classes, std::size_t source, std::size_t destination);

/// Fills `layout.matrix.reach`: full when `delivered(source class, destination class, cell)`
/// holds for every class pair in the model and every cell of the service, none when it never
/// does, partial otherwise, n/a without a pair in the model.
void FillReach(ReachMatrixLayout& layout, const AddressClasses& classes,
               const std::function<bool(std::size_t, std::size_t, std::size_t)>& delivered);

} // namespace core
} // namespace segproof

#endif
