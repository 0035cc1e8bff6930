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

std::vector<StepSeries>
TimeToCrownJewelCdf(const std::vector<std::string>& postureOrder,
                    const std::vector<core::RunResult>& runs)
{
    std::vector<StepSeries> curves;
    std::vector<RunGroup> groups = GroupByPosture(postureOrder, runs);
    for (std::size_t p = 0; p < groups.size(); ++p)
    {
        const RunGroup& selected = groups[p];
        std::vector<double> times;
        for (const core::RunResult* run : selected)
        {
            if (run->timeToCrownJewel_s)
            {
                times.push_back(*run->timeToCrownJewel_s);
            }
        }
        std::sort(times.begin(), times.end());
        StepSeries curve;
        curve.label = postureOrder[p];
        for (std::size_t i = 0; i < times.size(); ++i)
        {
            curve.x.push_back(times[i]);
            curve.y.push_back(static_cast<double>(i + 1) / static_cast<double>(selected.size()));
        }
        curves.push_back(std::move(curve));
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
