// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#ifndef SEGPROOF_RESEARCH_TWO_FACTOR_COMPARISON_H
#define SEGPROOF_RESEARCH_TWO_FACTOR_COMPARISON_H

#include "core/simulation-result.h"
#include "curve-shape.h"
#include "two-factor-model.h"
#include "worm-model.h"

#include <vector>

namespace segproof
{
namespace research
{

/// The simulated infected curve under detection and removal set beside the two-factor model
/// (Zou, Gong, Towsley 2002) solved with the scenario's own rates. segproof has the model's
/// removal of infected hosts (R: AV/EDR removes the malware at rate gamma) but neither its
/// patching of susceptible hosts (Q, mu) nor its congestion (eta): the model is solved with
/// mu = eta = 0, which is the Kermack-McKendrick SIR model.
struct TwoFactorComparison
{
    TwoFactorParameters parameters;
    std::vector<double> time_s;
    /// Median over runs of the infected fraction at each time, each run moved in time so that
    /// it crosses half its peak when the model does (the shape, without the random start).
    std::vector<double> simulated;
    /// The same without moving the runs: the pointwise median as simulated.
    std::vector<double> simulatedUnaligned;
    std::vector<double> modelled; ///< the model's infectious fraction I / N at each time
    /// The median over runs of each run's peak, peak time, half-peak time and final value.
    CurveShape simulatedShape;
    CurveShape modelShape;
    double peakError = 0;     ///< (simulated peak - model peak) / model peak
    double peakTimeError = 0; ///< (simulated peak time - model's) / model's
    /// Largest |simulated - modelled| of the aligned median curve, as a fraction of N.
    double maxDifference = 0;
    /// The same for the unaligned median curve (reported, not checked: it mixes the shape with
    /// the spread of the runs' random start).
    double maxDifferenceUnaligned = 0;
    double simulatedEverInfected = 0; ///< median fraction of N ever infected
    double modelEverInfected = 0;     ///< 1 - S(end) / N
    double tolerance = 0;
    /// Peak, peak time and ever-infected within `tolerance` (relative) and the largest
    /// difference within `tolerance` of N.
    bool withinTolerance = false;
};

/// Compares `runs` (one posture, same sample times) with the model of `worm`. Throws
/// std::invalid_argument when `runs` is empty, their sample times differ, or the model has no
/// removal (the curve would not fall: set defence: av: removes: true).
TwoFactorComparison CompareWithTwoFactor(const WormModel& worm,
                                         const std::vector<core::RunResult>& runs,
                                         double tolerance);

/// Zou, Gong, Towsley's own parameters for their figure (N = 10^6, I0 = 1, eta = 3,
/// gamma = 0.05, mu = 0.06 / N, beta0 = 0.8 / N, per hour), in per-second units.
TwoFactorParameters ZouPublishedParameters();

} // namespace research
} // namespace segproof

#endif
