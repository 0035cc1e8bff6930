// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#include "two-factor-model.h"

#include <algorithm>
#include <array>
#include <boost/numeric/odeint.hpp>
#include <cmath>

namespace segproof
{
namespace research
{

namespace
{

// The error each adaptive step may make in each of I, R and Q, as odeint's default error
// checker measures it: at most kAbsoluteTolerance N + kRelativeTolerance (|x| + h |dx/dt|) for
// a step h. The absolute part is tiny so that the relative part governs even I's early rise
// from one host of a million (at 1e-14 N the Zou-Gong-Towsley curve was 100 times less exact).
// The error over a whole curve is larger than one step's: the tests hold the logistic case to
// 1e-10 N of its closed form and the SIR invariant to 1e-10.
constexpr double kAbsoluteTolerance = 1e-18; ///< as a fraction of N
constexpr double kRelativeTolerance = 1e-12;

/// The integrated unknowns I, R, Q in hosts; S follows from the population.
using Compartments = std::array<double, 3>;

/// The right-hand side of the model, as odeint calls it.
struct TwoFactorSystem
{
    const TwoFactorParameters& p;

    void operator()(const Compartments& c, Compartments& rate, double /* time */) const
    {
        double n = p.population;
        double infectious = c[0];
        double removed = c[1];
        double quarantined = c[2];
        double s = n - infectious - removed - quarantined;
        // Rounding can push I a hair past N; (negative)^eta would be NaN for a fractional eta.
        double free = std::clamp(1.0 - infectious / n, 0.0, 1.0);
        double beta = p.eta == 0 ? p.beta0 : p.beta0 * std::pow(free, p.eta);
        double dRemoved = p.gamma * infectious;
        rate[0] = beta * s * infectious - dRemoved;
        rate[1] = dRemoved;
        rate[2] = p.mu * s * (infectious + removed);
    }
};

/// The state at a sample time. Where I decays towards 0 the solver can leave it a hair below
/// (by about the absolute tolerance): that is the solver's error, not a count, so a compartment
/// below 0 is reported as 0, and S as what the others leave of N.
TwoFactorState
StateAt(const TwoFactorParameters& p, const Compartments& c, double time_s)
{
    double infectious = std::max(0.0, c[0]);
    double removed = std::max(0.0, c[1]);
    double quarantined = std::max(0.0, c[2]);
    return TwoFactorState{time_s, p.population - infectious - removed - quarantined, infectious,
                          removed, quarantined};
}

bool
Valid(const TwoFactorParameters& p, double end_s, double sampleInterval_s)
{
    for (double value : {p.population, p.initialInfectious, p.beta0, p.eta, p.gamma, p.mu, end_s,
                         sampleInterval_s})
    {
        if (!std::isfinite(value) || value < 0)
        {
            return false;
        }
    }
    return p.population > 0 && p.initialInfectious <= p.population && sampleInterval_s > 0;
}

} // namespace

std::vector<TwoFactorState>
SolveTwoFactor(const TwoFactorParameters& parameters, double end_s, double sampleInterval_s)
{
    std::vector<TwoFactorState> states;
    if (!Valid(parameters, end_s, sampleInterval_s))
    {
        return states;
    }
    const TwoFactorParameters& p = parameters;

    // Sample times are computed as k * interval, never accumulated, so they do not drift.
    std::vector<double> times{0.0};
    double tolerance = 1e-9 * sampleInterval_s;
    for (double k = 1;; ++k)
    {
        double t = k * sampleInterval_s;
        if (t > end_s + tolerance)
        {
            break;
        }
        times.push_back(t);
    }
    if (end_s - times.back() > tolerance)
    {
        times.push_back(end_s);
    }

    // The first step: a small part of the fastest rate's time scale; the stepper adapts it.
    double fastestRate = p.beta0 * p.population + p.gamma + p.mu * p.population;
    double firstStep = sampleInterval_s;
    if (fastestRate > 0)
    {
        firstStep = std::min(firstStep, 0.01 / fastestRate);
    }

    namespace odeint = boost::numeric::odeint;
    auto stepper = odeint::make_dense_output(kAbsoluteTolerance * p.population, kRelativeTolerance,
                                             odeint::runge_kutta_dopri5<Compartments>());
    Compartments c{p.initialInfectious, 0.0, 0.0};
    odeint::integrate_times(stepper, TwoFactorSystem{p}, c, times.begin(), times.end(), firstStep,
                            [&](const Compartments& at, double time_s)
                            { states.push_back(StateAt(p, at, time_s)); });
    return states;
}

} // namespace research
} // namespace segproof
