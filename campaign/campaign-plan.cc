// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#include "campaign-plan.h"

#include "core/input-error.h"
#include "formats/input/input-file.h"
#include "formats/scenario/scenario-reader.h"
#include "reports/sha256.h"

#include <algorithm>

namespace segproof
{
namespace campaign
{

std::string
CampaignPlan::Describe(const PlannedRun& run) const
{
    std::string text = "run " + std::to_string(run.key.run) + " under " + run.key.posture + " of " +
                       scenarios[run.scenario].path;
    if (!run.key.point.empty())
    {
        text += " at " + run.key.point;
    }
    return text;
}

std::vector<std::pair<std::string, std::string>>
PointParameters(const formats::ParameterPoint& point)
{
    std::vector<std::pair<std::string, std::string>> parameters;
    for (const auto& setting : point)
    {
        parameters.emplace_back(setting.path, setting.value);
    }
    return parameters;
}

CampaignPlan
PlanCampaign(const formats::CampaignSpec& spec)
{
    CampaignPlan plan;
    plan.spec = spec;
    plan.points = spec.Points();
    plan.sampleInterval_s = std::max(1.0, spec.duration_s / 480.0);
    std::vector<core::Diagnostic> problems;
    for (std::size_t s = 0; s < spec.scenarios.size(); ++s)
    {
        const std::string& path = spec.scenarios[s];
        std::string bytes = formats::ReadInputFile(path, "a scenario file");
        PlannedScenario planned{path, reports::Sha256Hex(bytes), ""};
        for (std::size_t p = 0; p < plan.points.size(); ++p)
        {
            core::Scenario scenario = formats::ReadScenarioText(bytes, path, plan.points[p]);
            planned.name = scenario.Name();
            std::vector<std::string> postures = spec.postures;
            if (postures.empty())
            {
                for (const auto& posture : scenario.Postures())
                {
                    postures.push_back(posture.name);
                }
            }
            for (std::size_t k = 0; k < postures.size(); ++k)
            {
                const auto& all = scenario.Postures();
                bool known =
                    std::any_of(all.begin(), all.end(),
                                [&](const core::Posture& x) { return x.name == postures[k]; });
                if (!known)
                {
                    if (p == 0)
                    {
                        problems.push_back(
                            core::Diagnostic{spec.postureLocations.at(k),
                                             "no posture '" + postures[k] + "' in " + path});
                    }
                    continue;
                }
                for (std::uint64_t r = 0; r < spec.runs; ++r)
                {
                    results::RunKey key{planned.sha256,
                                        formats::PointText(plan.points[p]),
                                        postures[k],
                                        spec.seed,
                                        r,
                                        spec.duration_s};
                    plan.runs.push_back(PlannedRun{key, s, p});
                }
            }
        }
        plan.scenarios.push_back(planned);
    }
    if (!problems.empty())
    {
        throw core::InputError(std::move(problems));
    }
    return plan;
}

} // namespace campaign
} // namespace segproof
