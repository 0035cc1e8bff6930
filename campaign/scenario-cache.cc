// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#include "scenario-cache.h"

#include "formats/input/input-file.h"
#include "formats/scenario/scenario-reader.h"
#include "reports/sha256.h"

#include <stdexcept>

namespace segproof
{
namespace campaign
{

ScenarioCache::ScenarioCache(const CampaignPlan& plan, std::size_t capacity)
    : m_plan(plan), m_capacity(capacity == 0 ? 1 : capacity)
{
}

const core::Scenario&
ScenarioCache::ScenarioOf(const PlannedRun& run)
{
    const std::size_t group = m_plan.GroupOf(run);
    for (auto it = m_recent.begin(); it != m_recent.end(); ++it)
    {
        if (it->first == group)
        {
            m_recent.splice(m_recent.begin(), m_recent, it);
            return *m_recent.front().second;
        }
    }
    const PlannedScenario& planned = m_plan.scenarios.at(run.scenario);
    std::string bytes = formats::ReadInputFile(planned.path, "a scenario file");
    if (reports::Sha256Hex(bytes) != planned.sha256)
    {
        // Its runs would be recorded under the hash of bytes they did not run.
        throw std::runtime_error(planned.path + " changed since the campaign started");
    }
    auto scenario = std::make_unique<core::Scenario>(
        formats::ReadScenarioText(bytes, planned.path, m_plan.points.at(run.point)));
    m_recent.emplace_front(group, std::move(scenario));
    if (m_recent.size() > m_capacity)
    {
        m_recent.pop_back();
    }
    return *m_recent.front().second;
}

const core::Posture&
ScenarioCache::PostureOf(const PlannedRun& run)
{
    for (const auto& posture : ScenarioOf(run).Postures())
    {
        if (posture.name == run.key.posture)
        {
            return posture;
        }
    }
    throw std::runtime_error("no posture '" + run.key.posture + "' in " +
                             m_plan.scenarios.at(run.scenario).path);
}

} // namespace campaign
} // namespace segproof
