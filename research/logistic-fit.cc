// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#include "logistic-fit.h"

#include <algorithm>
#include <cmath>

namespace segproof
{
namespace research
{

namespace
{

constexpr double kLogitLow = 0.02; ///< the regression start ignores the flat, noisy tails
constexpr double kLogitHigh = 0.98;
constexpr int kMaxIterations = 200;
constexpr double kStepTolerance = 1e-10;    ///< relative step that counts as converged
constexpr double kGradientTolerance = 1e-8; ///< scaled gradient that counts as stationary
constexpr double kMaxDamping = 1e14;        ///< beyond it no step can lower the cost
constexpr double kMinScaledRate = 1e-6;     ///< below it the fitted curve is flat over the data

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

/// Sum of squared residuals of the logistic (k, m) in scaled time.
double
Cost(const std::vector<double>& tau, const std::vector<double>& fraction, double k, double m)
{
    double sum = 0;
    for (std::size_t i = 0; i < tau.size(); ++i)
    {
        double r = fraction[i] - Sigmoid(k * (tau[i] - m));
        sum += r * r;
    }
    return sum;
}

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
    double k = line->slope;
    double m = -line->intercept / line->slope;

    // Levenberg-Marquardt with Marquardt's diagonal scaling on the two parameters.
    double cost = Cost(tau, fraction, k, m);
    double damping = 1e-3;
    bool converged = false;
    for (int iteration = 0; iteration < kMaxIterations && !converged; ++iteration)
    {
        double a11 = 0;
        double a12 = 0;
        double a22 = 0;
        double g1 = 0;
        double g2 = 0;
        for (std::size_t i = 0; i < tau.size(); ++i)
        {
            double z = k * (tau[i] - m);
            double f = Sigmoid(z);
            double slope = f * Sigmoid(-z); // f (1 - f), exact in the tails
            double dk = slope * (tau[i] - m);
            double dm = -k * slope;
            double r = fraction[i] - f;
            a11 += dk * dk;
            a12 += dk * dm;
            a22 += dm * dm;
            g1 += dk * r;
            g2 += dm * r;
        }
        // Stationary: the residual is (numerically) orthogonal to both derivative directions.
        double residualNorm = std::sqrt(cost);
        if (std::fabs(g1) <= kGradientTolerance * std::sqrt(a11) * residualNorm &&
            std::fabs(g2) <= kGradientTolerance * std::sqrt(a22) * residualNorm)
        {
            converged = true;
            break;
        }
        double d1 = std::max(a11, 1e-300);
        double d2 = std::max(a22, 1e-300);
        bool accepted = false;
        while (!accepted && damping <= kMaxDamping)
        {
            double b11 = a11 + damping * d1;
            double b22 = a22 + damping * d2;
            double det = b11 * b22 - a12 * a12;
            if (!(det > 0) || !std::isfinite(det))
            {
                damping *= 10;
                continue;
            }
            double stepK = (b22 * g1 - a12 * g2) / det;
            double stepM = (b11 * g2 - a12 * g1) / det;
            double newK = k + stepK;
            double newM = m + stepM;
            double newCost = Cost(tau, fraction, newK, newM);
            if (std::isfinite(newCost) && newCost <= cost)
            {
                accepted = true;
                converged =
                    std::fabs(stepK) <= kStepTolerance * (std::fabs(newK) + kStepTolerance) &&
                    std::fabs(stepM) <= kStepTolerance * (std::fabs(newM) + 1.0);
                k = newK;
                m = newM;
                cost = newCost;
                damping = std::max(damping / 10, 1e-12);
            }
            else
            {
                damping *= 10;
            }
        }
        if (!accepted)
        {
            // No step lowers the cost at double precision: a minimum when the undamped
            // Gauss-Newton step is negligible too (rounding noise, not a stalled descent).
            double det = a11 * a22 - a12 * a12;
            double stepK = (a22 * g1 - a12 * g2) / det;
            double stepM = (a11 * g2 - a12 * g1) / det;
            converged = det > 0 && std::fabs(stepK) <= 1e-8 * (std::fabs(k) + 1e-8) &&
                        std::fabs(stepM) <= 1e-8 * (std::fabs(m) + 1.0);
            if (!converged)
            {
                return std::nullopt;
            }
        }
    }
    if (!converged || !std::isfinite(k) || !std::isfinite(m) || !(std::fabs(k) >= kMinScaledRate))
    {
        return std::nullopt;
    }

    LogisticFit fit;
    fit.k_per_s = k / scale;
    fit.midpoint_s = centre + m * scale;
    fit.rms = std::sqrt(cost / static_cast<double>(tau.size()));
    fit.points = tau.size();
    return fit;
}

} // namespace research
} // namespace segproof
