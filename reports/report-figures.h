// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#ifndef SEGPROOF_REPORTS_REPORT_FIGURES_H
#define SEGPROOF_REPORTS_REPORT_FIGURES_H

#include "core/reach-matrix.h"
#include "core/simulation-result.h"
#include "svg-charts.h"

#include <string>
#include <vector>

namespace segproof
{
namespace reports
{

/// The infection curve of each posture of `postureOrder`: at each sample time, the median and
/// the p10 / p90 (type 7, as summary.json) over the posture's runs of the machines infected
/// then. A run whose series is shorter than the longest one holds its last value. Throws
/// std::invalid_argument like GroupByPosture, or when the runs' sample times disagree.
std::vector<BandSeries> InfectionBands(const std::vector<std::string>& postureOrder,
                                       const std::vector<core::RunResult>& runs);

/// The empirical CDF of the time to the crown jewel of each posture of `postureOrder`: step i
/// at the i-th smallest time, height (i + 1) / runs, so that the curve ends at the share of
/// runs that reached it (a posture that never did has no step). Throws like GroupByPosture.
std::vector<StepSeries> TimeToCrownJewelCdf(const std::vector<std::string>& postureOrder,
                                            const std::vector<core::RunResult>& runs);

/// The same empirical CDF of the time to quarantine (the first time the tag isolated an
/// infected machine), for the postures of `postureOrder` named in `shown` only, each with its
/// position in `postureOrder` as its style (so it keeps its colour beside the crown jewel's
/// CDF). Throws like GroupByPosture.
std::vector<StepSeries> TimeToQuarantineCdf(const std::vector<std::string>& postureOrder,
                                            const std::vector<std::string>& shown,
                                            const std::vector<core::RunResult>& runs);

/// The rows of a reachability heatmap: one per ordered (from, to) pair of `matrix` that is not
/// "n/a" on every service, as "from → to"; `levels` per row and service: 0 none, 1 partial,
/// 2 full, 3 n/a.
struct MatrixGrid
{
    std::vector<std::string> rows;
    std::vector<std::vector<std::size_t>> levels;
};

MatrixGrid ReachGrid(const core::ReachMatrix& matrix);

} // namespace reports
} // namespace segproof

#endif
