// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#include "two-factor-comparison.h"

#include "reports/simulation-output.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace segproof
{
namespace research
{

namespace
{
/// The curve (time_s, value) at `t`, linear between samples, held at its ends outside them.
double
ValueAt(const std::vector<double>& time_s, const std::vector<double>& value, double t)
{
    if (t <= time_s.front())
    {
        return value.front();
    }
    if (t >= time_s.back())
    {
        return value.back();
    }
    auto upper = std::upper_bound(time_s.begin(), time_s.end(), t);
    std::size_t i = static_cast<std::size_t>(upper - time_s.begin());
    double f = (t - time_s[i - 1]) / (time_s[i] - time_s[i - 1]);
    return value[i - 1] + f * (value[i] - value[i - 1]);
}

double
RelativeError(double value, double reference)
{
    return (value - reference) / reference;
}
} // namespace

TwoFactorComparison
CompareWithTwoFactor(const WormModel& worm, const std::vector<core::RunResult>& runs,
                     double tolerance)
{
    if (runs.empty() || runs.front().infectedSeries.size() < 2)
    {
        throw std::invalid_argument("no run with an infected curve to compare");
    }
    if (worm.removalRate_per_s <= 0)
    {
        throw std::invalid_argument("the scenario removes no infected machine, so its curve "
                                    "cannot fall as the two-factor model's does (set defence: "
                                    "av: removes: true and a detection probability above 0)");
    }
    TwoFactorComparison c;
    c.tolerance = tolerance;
    double n = worm.Vulnerable();
    c.parameters.population = n;
    c.parameters.initialInfectious = static_cast<double>(worm.initial);
    c.parameters.beta0 = worm.Beta();
    c.parameters.gamma = worm.removalRate_per_s;

    const auto& first = runs.front().infectedSeries;
    std::vector<double> everInfected;
    std::vector<std::vector<double>> curves; // each run's infected fraction at c.time_s
    for (const auto& sample : first)
    {
        c.time_s.push_back(sample.first);
    }
    for (const core::RunResult& run : runs)
    {
        if (run.infectedSeries.size() != first.size())
        {
            throw std::invalid_argument("the runs were sampled at different times");
        }
        everInfected.push_back(run.everInfected / n);
        std::vector<double> value;
        for (const auto& sample : run.infectedSeries)
        {
            value.push_back(sample.second / n);
        }
        curves.push_back(value);
    }
    double interval = first[1].first - first[0].first;
    std::vector<TwoFactorState> states = SolveTwoFactor(c.parameters, c.time_s.back(), interval);
    std::vector<double> modelTime;
    for (const TwoFactorState& s : states)
    {
        modelTime.push_back(s.time_s);
        c.modelled.push_back(s.infectious / n);
    }
    c.modelShape = ShapeOf(modelTime, c.modelled);

    // Each run's own shape, then the median of each figure. A stochastic epidemic's early phase
    // (a few machines, by chance) shifts the whole curve in time by a random amount; the model,
    // deterministic, has no such shift. So the peak and its time are each run's own, and the
    // curve's shape is compared with every run moved so that it crosses half its peak when the
    // model does (the median shift is what peakTimeError and halfPeakTimeError measure).
    std::vector<double> peaks;
    std::vector<double> peakTimes;
    std::vector<double> halfPeakTimes;
    std::vector<double> finals;
    std::vector<std::vector<double>> aligned;
    for (const std::vector<double>& value : curves)
    {
        CurveShape shape = ShapeOf(c.time_s, value);
        peaks.push_back(shape.peak);
        peakTimes.push_back(shape.peakTime_s);
        halfPeakTimes.push_back(shape.timeToHalfPeak_s);
        finals.push_back(shape.final);
        double shift = shape.timeToHalfPeak_s - c.modelShape.timeToHalfPeak_s;
        std::vector<double> moved;
        for (double t : c.time_s)
        {
            moved.push_back(ValueAt(c.time_s, value, t + shift));
        }
        aligned.push_back(moved);
    }
    for (std::size_t i = 0; i < c.time_s.size(); ++i)
    {
        std::vector<double> at;
        std::vector<double> alignedAt;
        for (std::size_t r = 0; r < curves.size(); ++r)
        {
            at.push_back(curves[r][i]);
            alignedAt.push_back(aligned[r][i]);
        }
        c.simulatedUnaligned.push_back(reports::Summarise(at).median);
        c.simulated.push_back(reports::Summarise(alignedAt).median);
    }
    c.simulatedShape.peak = reports::Summarise(peaks).median;
    c.simulatedShape.peakTime_s = reports::Summarise(peakTimes).median;
    c.simulatedShape.timeToHalfPeak_s = reports::Summarise(halfPeakTimes).median;
    c.simulatedShape.final = reports::Summarise(finals).median;
    c.peakError = RelativeError(c.simulatedShape.peak, c.modelShape.peak);
    c.peakTimeError = RelativeError(c.simulatedShape.peakTime_s, c.modelShape.peakTime_s);
    c.maxDifference = MaxAbsDifference(c.time_s, c.simulated, modelTime, c.modelled);
    c.maxDifferenceUnaligned =
        MaxAbsDifference(c.time_s, c.simulatedUnaligned, modelTime, c.modelled);
    c.simulatedEverInfected = reports::Summarise(everInfected).median;
    c.modelEverInfected = 1 - states.back().susceptible / n;
    c.withinTolerance =
        std::abs(c.peakError) <= tolerance && std::abs(c.peakTimeError) <= tolerance &&
        c.maxDifference <= tolerance &&
        std::abs(RelativeError(c.simulatedEverInfected, c.modelEverInfected)) <= tolerance;
    // The model's samples are the simulation's (same interval from 0); keep them aligned.
    c.modelled.resize(c.time_s.size(), c.modelled.empty() ? 0 : c.modelled.back());
    return c;
}

TwoFactorParameters
ZouPublishedParameters()
{
    constexpr double kHour = 3600;
    constexpr double kN = 1e6;
    TwoFactorParameters p;
    p.population = kN;
    p.initialInfectious = 1;
    p.beta0 = 0.8 / kN / kHour;
    p.eta = 3;
    p.gamma = 0.05 / kHour;
    p.mu = 0.06 / kN / kHour;
    return p;
}

} // namespace research
} // namespace segproof
