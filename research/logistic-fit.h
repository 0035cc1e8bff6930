// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#ifndef SEGPROOF_RESEARCH_LOGISTIC_FIT_H
#define SEGPROOF_RESEARCH_LOGISTIC_FIT_H

#include <cstddef>
#include <optional>
#include <vector>

namespace segproof
{
namespace research
{

/// The logistic a(t) = 1 / (1 + exp(-K (t - T))) that best fits a curve, with how well it fits.
/// The standard errors are the square roots of the diagonal of the covariance (J^T J)^-1 at the
/// solution, scaled by the residual variance chi^2 / (n - 2): they assume independent residuals
/// of equal variance, which a stochastic epidemic's curve does not have (its deviations from
/// the logistic persist over many samples), so for a simulated run they understate how far K
/// moves from one seed to the next.
struct LogisticFit
{
    double k_per_s = 0;                 ///< K, the spread rate (negative for a falling curve)
    double midpoint_s = 0;              ///< T, when the curve crosses 1/2
    double kStandardError_per_s = 0;    ///< standard error of K
    double midpointStandardError_s = 0; ///< standard error of T
    double rms = 0;         ///< root-mean-square residual over all points, in fraction units
    std::size_t points = 0; ///< how many points the fit used (all of them)
};

/// Least-squares fit of Staniford, Paxson and Weaver's (2002) random-constant-spread solution
/// a(t) = 1 / (1 + exp(-K (t - T))) to a fraction-infected curve, over all points. Starts from
/// the regression of logit(a) on t over the points with 0.02 < a < 0.98 (over all points with
/// 0 < a < 1 when fewer than two such times), then refines (K, T) by GSL's nonlinear least
/// squares (gsl_multifit_nlinear, trust region with Levenberg-Marquardt steps) in centred,
/// scaled time so that seconds-long and day-long curves behave alike. nullopt when the vectors
/// differ in length, a value is not finite or a fraction lies outside [0, 1], fewer than 3
/// points lie strictly between 0 and 1, the curve is flat (no change to fit a rate to) or the
/// iteration does not converge.
std::optional<LogisticFit> FitLogistic(const std::vector<double>& time_s,
                                       const std::vector<double>& fraction);

/// The logistic a(t) = 1 / (1 + exp(-k (t - midpoint))), evaluated without overflow.
double Logistic(double k_per_s, double midpoint_s, double time_s);

} // namespace research
} // namespace segproof

#endif
