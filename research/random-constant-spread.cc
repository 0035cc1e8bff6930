// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#include "random-constant-spread.h"

#include "reports/simulation-output.h"

#include <cmath>
#include <stdexcept>

namespace segproof
{
namespace research
{

RandomConstantSpreadCheck
CheckRandomConstantSpread(const WormModel& model, const std::vector<core::RunResult>& runs,
                          double tolerance)
{
    if (runs.empty())
    {
        throw std::invalid_argument("no run to fit");
    }
    RandomConstantSpreadCheck check;
    check.theoryK_per_s = model.K();
    check.tolerance = tolerance;
    std::vector<double> rates;
    std::vector<double> standardErrors;
    std::vector<double> residuals;
    double n = model.Vulnerable();
    for (const core::RunResult& run : runs)
    {
        std::vector<double> time_s;
        std::vector<double> fraction;
        for (const auto& [t, infected] : run.infectedSeries)
        {
            time_s.push_back(t);
            fraction.push_back(std::min(1.0, infected / n));
        }
        RunLogistic fitted{run.run, FitLogistic(time_s, fraction)};
        if (fitted.fit)
        {
            rates.push_back(fitted.fit->k_per_s);
            standardErrors.push_back(fitted.fit->kStandardError_per_s);
            residuals.push_back(fitted.fit->rms);
            if (std::abs(fitted.fit->k_per_s - check.theoryK_per_s) <=
                tolerance * check.theoryK_per_s)
            {
                ++check.runsWithin;
            }
        }
        check.runs.push_back(fitted);
    }
    if (rates.empty())
    {
        throw std::invalid_argument("no run's infected curve could be fitted (the worm did not "
                                    "spread, or the runs are too short to see it rise)");
    }
    check.fitted = rates.size();
    reports::Distribution k = reports::Summarise(rates);
    check.medianK_per_s = k.median;
    check.p10K_per_s = k.p10;
    check.p90K_per_s = k.p90;
    check.medianKStandardError_per_s = reports::Summarise(standardErrors).median;
    check.medianRms = reports::Summarise(residuals).median;
    check.relativeError = (k.median - check.theoryK_per_s) / check.theoryK_per_s;
    check.withinTolerance = std::abs(check.relativeError) <= tolerance;
    return check;
}

} // namespace research
} // namespace segproof
