// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#include "two-factor-model.h"

#include <algorithm>
#include <cmath>

namespace segproof
{
namespace research
{

namespace
{

/// The integrated unknowns; S follows from the population.
struct Compartments
{
    double infectious;
    double removed;
    double quarantined;
};

Compartments
Derivative(const TwoFactorParameters& p, const Compartments& c)
{
    double n = p.population;
    double s = n - c.infectious - c.removed - c.quarantined;
    // Rounding can push I a hair past N; (negative)^eta would be NaN for a fractional eta.
    double free = std::clamp(1.0 - c.infectious / n, 0.0, 1.0);
    double beta = p.eta == 0 ? p.beta0 : p.beta0 * std::pow(free, p.eta);
    double dRemoved = p.gamma * c.infectious;
    return Compartments{beta * s * c.infectious - dRemoved, dRemoved,
                        p.mu * s * (c.infectious + c.removed)};
}

Compartments
Advance(const Compartments& c, const Compartments& rate, double h)
{
    return Compartments{c.infectious + h * rate.infectious, c.removed + h * rate.removed,
                        c.quarantined + h * rate.quarantined};
}

Compartments
RungeKuttaStep(const TwoFactorParameters& p, const Compartments& c, double h)
{
    Compartments k1 = Derivative(p, c);
    Compartments k2 = Derivative(p, Advance(c, k1, h / 2));
    Compartments k3 = Derivative(p, Advance(c, k2, h / 2));
    Compartments k4 = Derivative(p, Advance(c, k3, h));
    return Compartments{
        c.infectious +
            h / 6 * (k1.infectious + 2 * k2.infectious + 2 * k3.infectious + k4.infectious),
        c.removed + h / 6 * (k1.removed + 2 * k2.removed + 2 * k3.removed + k4.removed),
        c.quarantined +
            h / 6 * (k1.quarantined + 2 * k2.quarantined + 2 * k3.quarantined + k4.quarantined)};
}

/// Integrates over `span` in equal steps no longer than `maxStep`.
Compartments
Integrate(const TwoFactorParameters& p, Compartments c, double span, double maxStep)
{
    double steps = std::max(1.0, std::ceil(span / maxStep));
    double h = span / steps;
    for (double i = 0; i < steps; ++i)
    {
        c = RungeKuttaStep(p, c, h);
    }
    return c;
}

TwoFactorState
StateAt(const TwoFactorParameters& p, const Compartments& c, double time_s)
{
    return TwoFactorState{time_s, p.population - c.infectious - c.removed - c.quarantined,
                          c.infectious, c.removed, c.quarantined};
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
    double fastestRate = p.beta0 * p.population + p.gamma + p.mu * p.population;
    double maxStep = sampleInterval_s / 20;
    if (fastestRate > 0)
    {
        maxStep = std::min(maxStep, 0.05 / fastestRate);
    }

    Compartments c{p.initialInfectious, 0.0, 0.0};
    states.push_back(StateAt(p, c, 0.0));
    // Sample times are computed as k * interval, never accumulated, so they do not drift.
    double tolerance = 1e-9 * sampleInterval_s;
    double previous = 0;
    for (double k = 1;; ++k)
    {
        double t = k * sampleInterval_s;
        if (t > end_s + tolerance)
        {
            break;
        }
        c = Integrate(p, c, t - previous, maxStep);
        states.push_back(StateAt(p, c, t));
        previous = t;
    }
    if (end_s - previous > tolerance)
    {
        c = Integrate(p, c, end_s - previous, maxStep);
        states.push_back(StateAt(p, c, end_s));
    }
    return states;
}

} // namespace research
} // namespace segproof
