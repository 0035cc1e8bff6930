// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#include "parameter-sweep.h"

#include "core/units.h"
#include "simulation-output.h"

#include <algorithm>
#include <cmath>
#include <optional>
#include <stdexcept>

namespace segproof
{
namespace reports
{

Proportion
WilsonInterval(std::uint64_t successes, std::uint64_t trials, double z)
{
    if (trials == 0 || successes > trials)
    {
        throw std::invalid_argument("WilsonInterval: " + std::to_string(successes) + " of " +
                                    std::to_string(trials));
    }
    const double n = static_cast<double>(trials);
    const double p = static_cast<double>(successes) / n;
    const double z2 = z * z;
    const double denominator = 1 + z2 / n;
    const double centre = (p + z2 / (2 * n)) / denominator;
    const double half = z / denominator * std::sqrt(p * (1 - p) / n + z2 / (4 * n * n));
    // At 0 of n and n of n one bound is exactly the share; rounding would leave it a hair off.
    return Proportion{p, successes == 0 ? 0.0 : std::max(0.0, centre - half),
                      successes == trials ? 1.0 : std::min(1.0, centre + half)};
}

std::vector<std::string>
SweepValueOrder(std::vector<std::string> values)
{
    // Numbers and durations ("30s" < "10m" < "1h"), else sizes ("500KB" < "1MB"), else rates.
    using Parse = std::optional<double> (*)(const std::string&);
    const Parse parsers[] = {
        [](const std::string& text) { return core::ParseDuration(text); },
        [](const std::string& text) -> std::optional<double>
        {
            std::optional<std::uint64_t> bytes = core::ParseByteSize(text);
            return bytes ? std::optional<double>(static_cast<double>(*bytes)) : std::nullopt;
        },
        [](const std::string& text) { return core::ParseRate(text); },
    };
    for (Parse parse : parsers)
    {
        std::vector<std::pair<double, std::string>> magnitudes;
        for (const auto& value : values)
        {
            std::optional<double> magnitude = parse(value);
            if (!magnitude)
            {
                break;
            }
            magnitudes.emplace_back(*magnitude, value);
        }
        if (magnitudes.size() == values.size())
        {
            std::sort(magnitudes.begin(), magnitudes.end());
            for (std::size_t i = 0; i < values.size(); ++i)
            {
                values[i] = magnitudes[i].second;
            }
            return values;
        }
    }
    std::sort(values.begin(), values.end());
    return values;
}

std::vector<BandSeries>
CrownJewelShareBySweep(const std::vector<std::string>& postureOrder, const ParameterSweep& sweep)
{
    std::vector<BandSeries> series(postureOrder.size());
    for (std::size_t p = 0; p < postureOrder.size(); ++p)
    {
        series[p].label = postureOrder[p];
    }
    for (std::size_t v = 0; v < sweep.values.size(); ++v)
    {
        std::vector<RunGroup> groups = GroupByPosture(postureOrder, sweep.values[v].runs);
        for (std::size_t p = 0; p < groups.size(); ++p)
        {
            std::uint64_t reached = 0;
            for (const core::RunResult* run : groups[p])
            {
                reached += run->timeToCrownJewel_s ? 1 : 0;
            }
            Proportion share = WilsonInterval(reached, groups[p].size());
            series[p].x.push_back(static_cast<double>(v));
            series[p].median.push_back(share.share);
            series[p].low.push_back(share.low);
            series[p].high.push_back(share.high);
        }
    }
    return series;
}

} // namespace reports
} // namespace segproof
