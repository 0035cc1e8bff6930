#include "two-factor-comparison.h"

#include "reports/simulation-output.h"

#include <cmath>
#include <stdexcept>

namespace segproof
{
namespace research
{

namespace
{
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
    for (const core::RunResult& run : runs)
    {
        if (run.infectedSeries.size() != first.size())
        {
            throw std::invalid_argument("the runs were sampled at different times");
        }
        everInfected.push_back(run.everInfected / n);
    }
    for (std::size_t i = 0; i < first.size(); ++i)
    {
        std::vector<double> at;
        for (const core::RunResult& run : runs)
        {
            at.push_back(run.infectedSeries[i].second / n);
        }
        c.time_s.push_back(first[i].first);
        c.simulated.push_back(reports::Summarise(at).median);
    }
    double interval = first[1].first - first[0].first;
    std::vector<TwoFactorState> states = SolveTwoFactor(c.parameters, c.time_s.back(), interval);
    std::vector<double> modelTime;
    for (const TwoFactorState& s : states)
    {
        modelTime.push_back(s.time_s);
        c.modelled.push_back(s.infectious / n);
    }
    // Each run's own shape, then the median of each figure: a run's early phase is a random
    // time shift, which flattens the peak of the pointwise median curve but not a run's peak.
    std::vector<double> peaks;
    std::vector<double> peakTimes;
    std::vector<double> halfPeakTimes;
    std::vector<double> finals;
    for (const core::RunResult& run : runs)
    {
        std::vector<double> value;
        for (const auto& [t, infected] : run.infectedSeries)
        {
            value.push_back(infected / n);
        }
        CurveShape shape = ShapeOf(c.time_s, value);
        peaks.push_back(shape.peak);
        peakTimes.push_back(shape.peakTime_s);
        halfPeakTimes.push_back(shape.timeToHalfPeak_s);
        finals.push_back(shape.final);
    }
    c.simulatedShape.peak = reports::Summarise(peaks).median;
    c.simulatedShape.peakTime_s = reports::Summarise(peakTimes).median;
    c.simulatedShape.timeToHalfPeak_s = reports::Summarise(halfPeakTimes).median;
    c.simulatedShape.final = reports::Summarise(finals).median;
    c.modelShape = ShapeOf(modelTime, c.modelled);
    c.peakError = RelativeError(c.simulatedShape.peak, c.modelShape.peak);
    c.peakTimeError = RelativeError(c.simulatedShape.peakTime_s, c.modelShape.peakTime_s);
    c.maxDifference = MaxAbsDifference(c.time_s, c.simulated, modelTime, c.modelled);
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
