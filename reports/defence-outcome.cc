// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#include "defence-outcome.h"

#include "simulation-output.h"

#include <algorithm>
#include <array>
#include <map>

namespace segproof
{
namespace reports
{

bool
HasDetectionOrQuarantine(const core::Posture& posture)
{
    return posture.quarantine || posture.pattern || posture.ids != core::IdsMode::Off;
}

std::optional<std::size_t>
BaselineOf(const std::vector<core::Posture>& postures, std::size_t index)
{
    const core::Posture& posture = postures.at(index);
    if (!HasDetectionOrQuarantine(posture))
    {
        return std::nullopt;
    }
    for (std::size_t i = 0; i < postures.size(); ++i)
    {
        if (!HasDetectionOrQuarantine(postures[i]) && postures[i].inForce == posture.inForce)
        {
            return i;
        }
    }
    return std::nullopt;
}

std::vector<DefenceOutcome>
DefenceOutcomes(const std::vector<core::Posture>& postures,
                const std::vector<core::RunResult>& runs)
{
    std::vector<std::string> order;
    for (const auto& p : postures)
    {
        order.push_back(p.name);
    }
    std::vector<RunGroup> groups = GroupByPosture(order, runs);
    std::vector<DefenceOutcome> outcomes;
    for (std::size_t i = 0; i < postures.size(); ++i)
    {
        std::optional<std::size_t> baseline = BaselineOf(postures, i);
        if (!baseline)
        {
            continue;
        }
        DefenceOutcome outcome;
        outcome.posture = postures[i].name;
        outcome.baseline = postures[*baseline].name;
        std::map<std::uint64_t, const core::RunResult*> before;
        for (const core::RunResult* run : groups[*baseline])
        {
            before[run->run] = run;
        }
        // The sources the quarantine acts on (`quarantine: [ids]`); all of them for `true`.
        std::array<bool, core::kAllAlertSources.size()> actsOn = postures[i].quarantineOn;
        if (std::none_of(actsOn.begin(), actsOn.end(), [](bool on) { return on; }))
        {
            actsOn.fill(true);
        }
        std::array<std::uint64_t, core::kAllAlertSources.size()> sources{};
        for (const core::RunResult* run : groups[i])
        {
            outcome.desktopsTakenFromUsers += run->desktopsTakenFromUsers;
            if (run->timeToQuarantine_s)
            {
                ++outcome.quarantinedRuns;
                if (run->firstAlertSource && *run->firstAlertSource < sources.size() &&
                    actsOn[*run->firstAlertSource])
                {
                    ++sources[*run->firstAlertSource];
                }
            }
            auto same = before.find(run->run);
            if (same == before.end())
            {
                continue;
            }
            ++outcome.runs;
            if (same->second->exfiltratedBytes > 0)
            {
                ++outcome.baselineLeaked;
                outcome.stopped += run->exfiltratedBytes == 0 ? 1 : 0;
            }
        }
        if (postures[i].quarantine && std::count(actsOn.begin(), actsOn.end(), true) == 1)
        {
            // It acts on one source only: that one, whatever came first in each run.
            auto only = std::find(actsOn.begin(), actsOn.end(), true) - actsOn.begin();
            outcome.quarantineSource = core::kAllAlertSources[static_cast<std::size_t>(only)];
        }
        else
        {
            auto most = std::max_element(sources.begin(), sources.end()); // the first of ties
            if (*most > 0)
            {
                outcome.quarantineSource =
                    core::kAllAlertSources[static_cast<std::size_t>(most - sources.begin())];
            }
        }
        outcomes.push_back(std::move(outcome));
    }
    return outcomes;
}

std::optional<std::size_t>
BestDefence(const std::vector<DefenceOutcome>& outcomes)
{
    std::optional<std::size_t> best;
    for (std::size_t i = 0; i < outcomes.size(); ++i)
    {
        if (!best || outcomes[i].stopped > outcomes[*best].stopped ||
            (outcomes[i].stopped == outcomes[*best].stopped &&
             outcomes[i].desktopsTakenFromUsers < outcomes[*best].desktopsTakenFromUsers))
        {
            best = i;
        }
    }
    return best;
}

} // namespace reports
} // namespace segproof
