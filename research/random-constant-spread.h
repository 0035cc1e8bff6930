// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#ifndef SEGPROOF_RESEARCH_RANDOM_CONSTANT_SPREAD_H
#define SEGPROOF_RESEARCH_RANDOM_CONSTANT_SPREAD_H

#include "core/simulation-result.h"
#include "logistic-fit.h"
#include "worm-model.h"

#include <cstdint>
#include <optional>
#include <vector>

namespace segproof
{
namespace research
{

/// The logistic fitted to one run's infected fraction.
struct RunLogistic
{
    std::uint64_t run = 0;
    std::optional<LogisticFit> fit; ///< nullopt when the curve could not be fitted
};

/// Simulated runs against random constant spread (Staniford, Paxson, Weaver 2002): the
/// logistic a(t) = e^{K(t-T)} / (1 + e^{K(t-T)}) fitted to each run's infected fraction of the
/// N vulnerable machines, and the fitted K set beside the theory's K = r p N / Omega.
struct RandomConstantSpreadCheck
{
    double theoryK_per_s = 0;
    std::vector<RunLogistic> runs;
    std::size_t fitted = 0; ///< runs with a fit
    double medianK_per_s = 0;
    double p10K_per_s = 0;
    double p90K_per_s = 0;
    /// Median over the fitted runs of each fit's standard error of K (LogisticFit): how
    /// precisely one run's curve fixes its K, not the spread between runs (p10-p90).
    double medianKStandardError_per_s = 0;
    double medianRms = 0;       ///< median root-mean-square residual of the fits (fraction)
    double relativeError = 0;   ///< (median K - theory K) / theory K
    std::size_t runsWithin = 0; ///< runs whose own K is within the tolerance
    double tolerance = 0;
    bool withinTolerance = false; ///< |relativeError| <= tolerance
};

/// Fits every run of `runs` (one posture) and compares the median K with `model.K()`. Throws
/// std::invalid_argument when `runs` is empty or no run could be fitted.
RandomConstantSpreadCheck CheckRandomConstantSpread(const WormModel& model,
                                                    const std::vector<core::RunResult>& runs,
                                                    double tolerance);

} // namespace research
} // namespace segproof

#endif
