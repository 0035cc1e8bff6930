// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#include "logistic-fit.h"

#include <algorithm>
#include <cmath>
#include <gsl/gsl_blas.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_matrix.h>
#include <gsl/gsl_multifit_nlinear.h>
#include <gsl/gsl_vector.h>
#include <memory>

namespace segproof
{
namespace research
{

namespace
{

constexpr double kLogitLow = 0.02; ///< the regression start ignores the flat, noisy tails
constexpr double kLogitHigh = 0.98;
constexpr double kMinScaledRate = 1e-6; ///< below it the fitted curve is flat over the data

// gsl_multifit_nlinear_driver's stopping rules, on (k, m) in scaled time (both of order one):
// converged when a step is |dx_i| <= kStepTolerance (|x_i| + kStepTolerance) for both, or the
// scaled gradient max_i |g_i max(x_i, 1)| is at most kGradientTolerance max(chi^2 / 2, 1).
// Tighter than the GSL manual's suggestions (1e-8, eps^(1/3)) so that an exact curve gives K to
// better than 1e-9; the rule on the change of the residual is not used (0).
constexpr std::size_t kMaxIterations = 200;
constexpr double kStepTolerance = 1e-10;
constexpr double kGradientTolerance = 1e-12;
constexpr double kResidualTolerance = 0;

/// 1 / (1 + exp(-z)) without overflow for large |z|.
double
Sigmoid(double z)
{
    if (z >= 0)
    {
        return 1.0 / (1.0 + std::exp(-z));
    }
    double e = std::exp(z);
    return e / (1.0 + e);
}

/// Least-squares line y = intercept + slope * x; nullopt when x does not vary.
struct Line
{
    double slope;
    double intercept;
};

std::optional<Line>
Regress(const std::vector<double>& x, const std::vector<double>& y)
{
    double n = static_cast<double>(x.size());
    double meanX = 0;
    double meanY = 0;
    for (std::size_t i = 0; i < x.size(); ++i)
    {
        meanX += x[i];
        meanY += y[i];
    }
    meanX /= n;
    meanY /= n;
    double sxx = 0;
    double sxy = 0;
    for (std::size_t i = 0; i < x.size(); ++i)
    {
        sxx += (x[i] - meanX) * (x[i] - meanX);
        sxy += (x[i] - meanX) * (y[i] - meanY);
    }
    if (!(sxx > 0))
    {
        return std::nullopt;
    }
    double slope = sxy / sxx;
    return Line{slope, meanY - slope * meanX};
}

/// The logit regression over the points with low < a < high, in scaled time; nullopt when
/// they span fewer than two distinct times or their logits do not vary (a flat curve).
std::optional<Line>
LogitLine(const std::vector<double>& tau, const std::vector<double>& fraction, double low,
          double high)
{
    std::vector<double> x;
    std::vector<double> y;
    for (std::size_t i = 0; i < tau.size(); ++i)
    {
        double a = fraction[i];
        if (a > low && a < high)
        {
            x.push_back(tau[i]);
            y.push_back(std::log(a / (1.0 - a)));
        }
    }
    if (x.size() < 2)
    {
        return std::nullopt;
    }
    auto [lowest, highest] = std::minmax_element(y.begin(), y.end());
    if (*highest - *lowest <= 1e-12 * std::max(1.0, std::fabs(*highest)))
    {
        return std::nullopt;
    }
    return Regress(x, y);
}

/// The points GSL's callbacks fit: the fraction at each scaled time.
struct Curve
{
    const std::vector<double>& tau;
    const std::vector<double>& fraction;
};

/// GSL callback: the residuals f_i = a(tau_i; k, m) - fraction_i at x = (k, m).
int
Residuals(const gsl_vector* x, void* data, gsl_vector* f)
{
    const Curve& c = *static_cast<const Curve*>(data);
    double k = gsl_vector_get(x, 0);
    double m = gsl_vector_get(x, 1);
    for (std::size_t i = 0; i < c.tau.size(); ++i)
    {
        gsl_vector_set(f, i, Sigmoid(k * (c.tau[i] - m)) - c.fraction[i]);
    }
    return GSL_SUCCESS;
}

/// GSL callback: the Jacobian of the residuals, d/dk and d/dm of a(tau_i; k, m).
int
Jacobian(const gsl_vector* x, void* data, gsl_matrix* jacobian)
{
    const Curve& c = *static_cast<const Curve*>(data);
    double k = gsl_vector_get(x, 0);
    double m = gsl_vector_get(x, 1);
    for (std::size_t i = 0; i < c.tau.size(); ++i)
    {
        double z = k * (c.tau[i] - m);
        double slope = Sigmoid(z) * Sigmoid(-z); // a (1 - a), exact in the tails
        gsl_matrix_set(jacobian, i, 0, slope * (c.tau[i] - m));
        gsl_matrix_set(jacobian, i, 1, -k * slope);
    }
    return GSL_SUCCESS;
}

using Workspace =
    std::unique_ptr<gsl_multifit_nlinear_workspace, decltype(&gsl_multifit_nlinear_free)>;
using Matrix = std::unique_ptr<gsl_matrix, decltype(&gsl_matrix_free)>;

} // namespace

double
Logistic(double k_per_s, double midpoint_s, double time_s)
{
    return Sigmoid(k_per_s * (time_s - midpoint_s));
}

std::optional<LogisticFit>
FitLogistic(const std::vector<double>& time_s, const std::vector<double>& fraction)
{
    if (time_s.size() != fraction.size() || time_s.empty())
    {
        return std::nullopt;
    }
    std::size_t inside = 0;
    for (std::size_t i = 0; i < time_s.size(); ++i)
    {
        double a = fraction[i];
        if (!std::isfinite(time_s[i]) || !std::isfinite(a) || a < 0 || a > 1)
        {
            return std::nullopt;
        }
        inside += (a > 0 && a < 1) ? 1 : 0;
    }
    if (inside < 3)
    {
        return std::nullopt;
    }

    // Centred, scaled time: tau in [-1, 1], so K and T are of order one whatever the unit.
    auto [first, last] = std::minmax_element(time_s.begin(), time_s.end());
    double centre = 0.5 * (*first + *last);
    double scale = 0.5 * (*last - *first);
    if (!(scale > 0))
    {
        return std::nullopt;
    }
    std::vector<double> tau(time_s.size());
    for (std::size_t i = 0; i < time_s.size(); ++i)
    {
        tau[i] = (time_s[i] - centre) / scale;
    }

    std::optional<Line> line = LogitLine(tau, fraction, kLogitLow, kLogitHigh);
    if (!line)
    {
        line = LogitLine(tau, fraction, 0.0, 1.0);
    }
    if (!line || !(std::fabs(line->slope) >= kMinScaledRate))
    {
        return std::nullopt;
    }

    // GSL's error handler (which aborts) is reached only on sizes that do not match, which
    // cannot happen here (n >= 3 points for 2 parameters), or when memory runs out.
    const std::size_t n = tau.size();
    const std::size_t parameters = 2;
    Curve curve{tau, fraction};
    gsl_multifit_nlinear_fdf fdf;
    fdf.f = Residuals;
    fdf.df = Jacobian;
    fdf.fvv = nullptr; // no geodesic acceleration
    fdf.n = n;
    fdf.p = parameters;
    fdf.params = &curve;
    gsl_multifit_nlinear_parameters options = gsl_multifit_nlinear_default_parameters();
    options.trs = gsl_multifit_nlinear_trs_lm;
    Workspace workspace(
        gsl_multifit_nlinear_alloc(gsl_multifit_nlinear_trust, &options, n, parameters),
        gsl_multifit_nlinear_free);
    double start[] = {line->slope, -line->intercept / line->slope};
    gsl_vector_view x0 = gsl_vector_view_array(start, parameters);
    if (gsl_multifit_nlinear_init(&x0.vector, &fdf, workspace.get()) != GSL_SUCCESS)
    {
        return std::nullopt;
    }
    int reason = 0;
    int status =
        gsl_multifit_nlinear_driver(kMaxIterations, kStepTolerance, kGradientTolerance,
                                    kResidualTolerance, nullptr, nullptr, &reason, workspace.get());
    if (status != GSL_SUCCESS)
    {
        return std::nullopt;
    }
    const gsl_vector* solution = gsl_multifit_nlinear_position(workspace.get());
    double k = gsl_vector_get(solution, 0);
    double m = gsl_vector_get(solution, 1);
    if (!std::isfinite(k) || !std::isfinite(m) || !(std::fabs(k) >= kMinScaledRate))
    {
        return std::nullopt;
    }

    // Covariance of (k, m): (J^T J)^-1 times the residual variance chi^2 / (n - 2), as GSL's
    // nonlinear least-squares example scales it; unweighted points, so no floor at 1.
    double residualNorm = gsl_blas_dnrm2(gsl_multifit_nlinear_residual(workspace.get()));
    double chiSquared = residualNorm * residualNorm;
    Matrix covariance(gsl_matrix_alloc(parameters, parameters), gsl_matrix_free);
    gsl_multifit_nlinear_covar(gsl_multifit_nlinear_jac(workspace.get()), 0.0, covariance.get());
    double variance = chiSquared / static_cast<double>(n - parameters);
    double errorK = std::sqrt(variance * gsl_matrix_get(covariance.get(), 0, 0));
    double errorM = std::sqrt(variance * gsl_matrix_get(covariance.get(), 1, 1));

    LogisticFit fit;
    fit.k_per_s = k / scale;
    fit.midpoint_s = centre + m * scale;
    fit.kStandardError_per_s = errorK / scale;
    fit.midpointStandardError_s = errorM * scale;
    fit.rms = std::sqrt(chiSquared / static_cast<double>(n));
    fit.points = n;
    return fit;
}

} // namespace research
} // namespace segproof
