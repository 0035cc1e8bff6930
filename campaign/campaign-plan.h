// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#ifndef SEGPROOF_CAMPAIGN_CAMPAIGN_PLAN_H
#define SEGPROOF_CAMPAIGN_CAMPAIGN_PLAN_H

#include "formats/scenario/campaign-spec.h"
#include "formats/scenario/parameter-setting.h"
#include "results/results-database.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace segproof
{
namespace campaign
{

/// One scenario file of a campaign, as read when the campaign was planned.
struct PlannedScenario
{
    std::string path;
    std::string sha256; ///< of the file's bytes: part of every run's key
    std::string name;   ///< the scenario's `name:`
};

/// One run of a campaign: its key, and where its scenario, point and posture are in the plan.
struct PlannedRun
{
    results::RunKey key;
    std::size_t scenario = 0; ///< index into CampaignPlan::scenarios
    std::size_t point = 0;    ///< index into CampaignPlan::points
};

/// Every run a campaign spec asks for, each identified by (scenario hash, point, posture, seed,
/// run index, duration), in plan order: scenario, then point, then posture, then run index.
struct CampaignPlan
{
    formats::CampaignSpec spec;
    std::vector<PlannedScenario> scenarios;
    std::vector<formats::ParameterPoint> points;
    std::vector<PlannedRun> runs;
    double sampleInterval_s = 60; ///< of every run's series: duration / 480, at least 1 s

    /// The (scenario, point) group a run belongs to: its scenario as read at its point.
    std::size_t GroupOf(const PlannedRun& run) const
    {
        return run.scenario * points.size() + run.point;
    }
    /// What a user reads for a run: "run 3 under flat of jps-2015.yaml at attack.breakout=12d".
    std::string Describe(const PlannedRun& run) const;
};

/// Plans the campaign: reads every scenario at every point of the sweep (so a bad value is
/// reported before anything runs), checks the spec's postures against each scenario, and lists
/// the runs. Throws core::InputError (at the spec's FILE:LINE:COL, or the scenario's).
CampaignPlan PlanCampaign(const formats::CampaignSpec& spec);

/// The parameter point of a run as (path, value) pairs, for the results database.
std::vector<std::pair<std::string, std::string>> PointParameters(
    const formats::ParameterPoint& point);

} // namespace campaign
} // namespace segproof

#endif
