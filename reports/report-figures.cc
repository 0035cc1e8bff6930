// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#include "report-figures.h"

#include "simulation-output.h"

#include <algorithm>
#include <stdexcept>

namespace segproof
{
namespace reports
{

std::vector<BandSeries>
InfectionBands(const std::vector<std::string>& postureOrder,
               const std::vector<core::RunResult>& runs)
{
    std::vector<BandSeries> bands;
    std::vector<RunGroup> groups = GroupByPosture(postureOrder, runs);
    for (std::size_t p = 0; p < groups.size(); ++p)
    {
        const std::string& posture = postureOrder[p];
        const RunGroup& selected = groups[p];
        const core::RunResult* longest =
            *std::max_element(selected.begin(), selected.end(),
                              [](const core::RunResult* a, const core::RunResult* b)
                              { return a->infectedSeries.size() < b->infectedSeries.size(); });
        BandSeries band;
        band.label = posture;
        for (std::size_t i = 0; i < longest->infectedSeries.size(); ++i)
        {
            double time = longest->infectedSeries[i].first;
            std::vector<double> values;
            for (const core::RunResult* run : selected)
            {
                if (run->infectedSeries.empty())
                {
                    throw std::invalid_argument("a run of '" + posture + "' has no samples");
                }
                std::size_t k = std::min(i, run->infectedSeries.size() - 1);
                if (k == i && run->infectedSeries[k].first != time)
                {
                    throw std::invalid_argument("the runs of '" + posture +
                                                "' were sampled at different times");
                }
                values.push_back(run->infectedSeries[k].second);
            }
            Distribution d = Summarise(values);
            band.x.push_back(time);
            band.median.push_back(d.median);
            band.low.push_back(d.p10);
            band.high.push_back(d.p90);
        }
        bands.push_back(std::move(band));
    }
    return bands;
}

namespace
{

/// The empirical CDF of `time` over each group's runs: step i at the i-th smallest time,
/// height (i + 1) / runs.
StepSeries
TimeCdf(const std::string& label, const RunGroup& selected,
        std::optional<double> core::RunResult::*time)
{
    std::vector<double> times;
    for (const core::RunResult* run : selected)
    {
        if (run->*time)
        {
            times.push_back(*(run->*time));
        }
    }
    std::sort(times.begin(), times.end());
    StepSeries curve;
    curve.label = label;
    for (std::size_t i = 0; i < times.size(); ++i)
    {
        curve.x.push_back(times[i]);
        curve.y.push_back(static_cast<double>(i + 1) / static_cast<double>(selected.size()));
    }
    return curve;
}

} // namespace

std::vector<StepSeries>
TimeToCrownJewelCdf(const std::vector<std::string>& postureOrder,
                    const std::vector<core::RunResult>& runs)
{
    std::vector<StepSeries> curves;
    std::vector<RunGroup> groups = GroupByPosture(postureOrder, runs);
    for (std::size_t p = 0; p < groups.size(); ++p)
    {
        curves.push_back(TimeCdf(postureOrder[p], groups[p], &core::RunResult::timeToCrownJewel_s));
    }
    return curves;
}

std::vector<StepSeries>
TimeToQuarantineCdf(const std::vector<std::string>& postureOrder,
                    const std::vector<std::string>& shown, const std::vector<core::RunResult>& runs)
{
    std::vector<StepSeries> curves;
    std::vector<RunGroup> groups = GroupByPosture(postureOrder, runs);
    for (std::size_t p = 0; p < groups.size(); ++p)
    {
        if (std::find(shown.begin(), shown.end(), postureOrder[p]) == shown.end())
        {
            continue;
        }
        curves.push_back(TimeCdf(postureOrder[p], groups[p], &core::RunResult::timeToQuarantine_s));
        curves.back().style = p;
    }
    return curves;
}

MatrixGrid
ReachGrid(const core::ReachMatrix& matrix)
{
    MatrixGrid grid;
    for (std::size_t r = 0; r < matrix.rows.size(); ++r)
    {
        for (std::size_t c = 0; c < matrix.columns.size(); ++c)
        {
            std::vector<std::size_t> levels;
            bool applicable = false;
            for (std::size_t s = 0; s < matrix.services.size(); ++s)
            {
                core::Reach reach = matrix.reach[s][r][c];
                std::size_t level = reach == core::Reach::None      ? 0
                                    : reach == core::Reach::Partial ? 1
                                    : reach == core::Reach::Full    ? 2
                                                                    : 3;
                applicable = applicable || level != 3;
                levels.push_back(level);
            }
            if (applicable)
            {
                grid.rows.push_back(matrix.rows[r] + " \u2192 " + matrix.columns[c]);
                grid.levels.push_back(std::move(levels));
            }
        }
    }
    return grid;
}

} // namespace reports
} // namespace segproof
