// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#include "reproduction-output.h"

#include "reports/csv-text.h"

#include <cstdio>
#include <nlohmann/json.hpp>
#include <sstream>

namespace segproof
{
namespace research
{

namespace
{
constexpr double kHour = 3600;

/// printf-style formatting of one number.
std::string
Format(const char* format, double value)
{
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, format, value);
    return buffer;
}

std::string
Percent(double fraction)
{
    return Format("%+.1f%%", 100 * fraction);
}

nlohmann::json
ModelJson(const WormModel& m)
{
    nlohmann::json j;
    j["smb_hosts"] = m.smbHosts;
    j["vulnerable"] = m.Vulnerable();
    j["address_space"] = m.addressSpace;
    j["scans_per_second"] = m.scansPerSecond;
    j["exploit_success"] = m.exploitSuccess;
    j["initial"] = m.initial;
    j["beta_per_s"] = m.Beta();
    j["k_per_hour"] = m.K() * kHour;
    j["removal_rate_per_hour"] = m.removalRate_per_s * kHour;
    if (!m.removalCaveat.empty())
    {
        j["removal_caveat"] = m.removalCaveat;
    }
    return j;
}

nlohmann::json
ShapeJson(const CurveShape& s)
{
    return {{"peak", s.peak},
            {"peak_time_hours", s.peakTime_s / kHour},
            {"half_peak_time_hours", s.timeToHalfPeak_s / kHour},
            {"final", s.final}};
}
} // namespace

std::string
RandomConstantSpreadText(const WormModel& model, const RandomConstantSpreadCheck& check)
{
    std::ostringstream out;
    out << "random constant spread (Staniford, Paxson, Weaver 2002): da/dt = K a (1 - a)\n"
        << "theory   K = r p N / Omega = " << model.scansPerSecond << " x " << model.exploitSuccess
        << " x " << model.smbHosts << " / " << model.addressSpace << " = "
        << Format("%.4f", check.theoryK_per_s * kHour) << " /h\n"
        << "fitted   K = " << Format("%.4f", check.medianK_per_s * kHour) << " ± "
        << Format("%.4f", check.medianKStandardError_per_s * kHour) << " /h (median of "
        << check.fitted << " runs, ± the median standard error of a run's fit; p10-p90 "
        << Format("%.4f", check.p10K_per_s * kHour) << "-"
        << Format("%.4f", check.p90K_per_s * kHour) << "; median rms "
        << Format("%.4f", check.medianRms) << ")\n"
        << "error    " << Percent(check.relativeError) << " (tolerance "
        << Format("%.0f", 100 * check.tolerance) << "%); " << check.runsWithin << " of "
        << check.runs.size() << " runs within it on their own\n"
        << (check.withinTolerance ? "AGREES" : "DISAGREES") << ": fitted K "
        << (check.withinTolerance ? "within " : "outside ") << Format("%.0f", 100 * check.tolerance)
        << "% of theory\n";
    return out.str();
}

std::string
RandomConstantSpreadJson(const WormModel& model, const RandomConstantSpreadCheck& check)
{
    nlohmann::json j;
    j["claim"] = "random constant spread: the infected fraction follows the logistic with "
                 "K = r p N / Omega";
    j["source"] = "Staniford, Paxson, Weaver, How to 0wn the Internet in Your Spare Time, USENIX "
                  "Security 2002";
    j["model"] = ModelJson(model);
    j["theory_k_per_hour"] = check.theoryK_per_s * kHour;
    j["fitted_k_per_hour"] = {{"median", check.medianK_per_s * kHour},
                              {"p10", check.p10K_per_s * kHour},
                              {"p90", check.p90K_per_s * kHour},
                              {"median_standard_error", check.medianKStandardError_per_s * kHour}};
    j["median_rms"] = check.medianRms;
    j["relative_error"] = check.relativeError;
    j["tolerance"] = check.tolerance;
    j["runs_within_tolerance"] = check.runsWithin;
    j["agrees"] = check.withinTolerance;
    nlohmann::json runs = nlohmann::json::array();
    for (const RunLogistic& r : check.runs)
    {
        nlohmann::json run{{"run", r.run}};
        if (r.fit)
        {
            run["k_per_hour"] = r.fit->k_per_s * kHour;
            run["k_standard_error_per_hour"] = r.fit->kStandardError_per_s * kHour;
            run["midpoint_hours"] = r.fit->midpoint_s / kHour;
            run["midpoint_standard_error_hours"] = r.fit->midpointStandardError_s / kHour;
            run["rms"] = r.fit->rms;
        }
        else
        {
            run["k_per_hour"] = nullptr;
        }
        runs.push_back(run);
    }
    j["runs"] = runs;
    return j.dump(2) + "\n";
}

std::string
TwoFactorText(const WormModel& model, const TwoFactorComparison& c)
{
    auto row = [](const std::string& what, const std::string& simulated,
                  const std::string& modelled, const std::string& error)
    {
        char line[160];
        std::snprintf(line, sizeof line, "%-26s %12s %12s %9s\n", what.c_str(), simulated.c_str(),
                      modelled.c_str(), error.c_str());
        return std::string(line);
    };
    auto relative = [](double value, double reference)
    { return Percent((value - reference) / reference); };
    std::ostringstream out;
    out << "two-factor model (Zou, Gong, Towsley 2002) with segproof's rates: mu = eta = 0\n"
        << "beta = r / Omega = " << Format("%.3e", c.parameters.beta0)
        << " /s, gamma = " << Format("%.4f", model.removalRate_per_s * kHour)
        << " /h, N = " << model.Vulnerable() << ", I0 = " << model.initial << "\n";
    if (!model.removalCaveat.empty())
    {
        out << "note: " << model.removalCaveat << "\n";
    }
    out << row("", "simulated", "model", "error")
        << row("peak infected (of N)", Format("%.3f", c.simulatedShape.peak),
               Format("%.3f", c.modelShape.peak), Percent(c.peakError))
        << row("peak time (h)", Format("%.2f", c.simulatedShape.peakTime_s / kHour),
               Format("%.2f", c.modelShape.peakTime_s / kHour), Percent(c.peakTimeError))
        << row("half-peak time (h)", Format("%.2f", c.simulatedShape.timeToHalfPeak_s / kHour),
               Format("%.2f", c.modelShape.timeToHalfPeak_s / kHour),
               relative(c.simulatedShape.timeToHalfPeak_s, c.modelShape.timeToHalfPeak_s))
        << row("infected at the end", Format("%.3f", c.simulatedShape.final),
               Format("%.3f", c.modelShape.final), "")
        << row("ever infected (of N)", Format("%.3f", c.simulatedEverInfected),
               Format("%.3f", c.modelEverInfected),
               relative(c.simulatedEverInfected, c.modelEverInfected))
        << "largest gap between the curves: " << Format("%.3f", c.maxDifference)
        << " of N, each run moved to cross half its peak when the model does ("
        << Format("%.3f", c.maxDifferenceUnaligned) << " unmoved)\n"
        << (c.withinTolerance ? "AGREES" : "DISAGREES")
        << ": peak, peak time and ever infected within " << Format("%.0f", 100 * c.tolerance)
        << "%, largest gap within " << Format("%.2f", c.tolerance) << " of N"
        << (c.withinTolerance ? "" : " (not all hold)") << "\n";
    return out.str();
}

std::string
TwoFactorJson(const WormModel& model, const TwoFactorComparison& c)
{
    nlohmann::json j;
    j["claim"] = "with detection and removal, the infected curve rises and falls as the "
                 "two-factor model's does";
    j["source"] = "Zou, Gong, Towsley, Code Red Worm Propagation Modeling and Analysis, ACM CCS "
                  "2002";
    j["model"] = ModelJson(model);
    j["two_factor"] = {{"beta0_per_s", c.parameters.beta0},
                       {"gamma_per_s", c.parameters.gamma},
                       {"mu", c.parameters.mu},
                       {"eta", c.parameters.eta}};
    j["simulated"] = ShapeJson(c.simulatedShape);
    j["simulated"]["ever_infected"] = c.simulatedEverInfected;
    j["modelled"] = ShapeJson(c.modelShape);
    j["modelled"]["ever_infected"] = c.modelEverInfected;
    j["peak_error"] = c.peakError;
    j["peak_time_error"] = c.peakTimeError;
    j["max_difference"] = c.maxDifference;
    j["max_difference_unaligned"] = c.maxDifferenceUnaligned;
    j["tolerance"] = c.tolerance;
    j["agrees"] = c.withinTolerance;
    return j.dump(2) + "\n";
}

std::string
TwoFactorCurvesCsv(const TwoFactorComparison& c)
{
    std::ostringstream out;
    out << "time_s,simulated,simulated_unaligned,model\n";
    for (std::size_t i = 0; i < c.time_s.size(); ++i)
    {
        out << reports::ExactDouble(c.time_s[i]) << "," << reports::ExactDouble(c.simulated[i])
            << "," << reports::ExactDouble(c.simulatedUnaligned[i]) << ","
            << reports::ExactDouble(c.modelled[i]) << "\n";
    }
    return out.str();
}

} // namespace research
} // namespace segproof
