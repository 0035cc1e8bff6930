// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#ifndef SEGPROOF_CAMPAIGN_SCENARIO_CACHE_H
#define SEGPROOF_CAMPAIGN_SCENARIO_CACHE_H

#include "campaign-plan.h"
#include "core/policy.h"
#include "core/scenario.h"

#include <cstddef>
#include <list>
#include <memory>
#include <utility>

namespace segproof
{
namespace campaign
{

/// The scenarios a rank runs, each as read at its parameter point, the last `capacity` kept:
/// reading enterprise-10k takes seconds, and a rank runs many runs of one group in a row.
class ScenarioCache
{
public:
    explicit ScenarioCache(const CampaignPlan& plan, std::size_t capacity = 4);

    /// The run's scenario at the run's point. Throws std::runtime_error when the file's bytes
    /// changed since the plan was made (core::InputError if they no longer read).
    const core::Scenario& ScenarioOf(const PlannedRun& run);
    /// The run's posture in ScenarioOf(run).
    const core::Posture& PostureOf(const PlannedRun& run);

private:
    const CampaignPlan& m_plan;
    std::size_t m_capacity;
    std::list<std::pair<std::size_t, std::unique_ptr<core::Scenario>>> m_recent; ///< by group
};

} // namespace campaign
} // namespace segproof

#endif
