// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#ifndef SEGPROOF_REPORTS_PARAMETER_SWEEP_H
#define SEGPROOF_REPORTS_PARAMETER_SWEEP_H

#include "core/simulation-result.h"
#include "svg-charts.h"

#include <cstdint>
#include <string>
#include <vector>

namespace segproof
{
namespace reports
{

/// The runs of one value of a swept parameter: every run of every posture at that point.
struct SweepValue
{
    std::string value; ///< as the campaign spec spells it ("10m", "0.5", "[smb, rdp]")
    std::vector<core::RunResult> runs;
};

/// One parameter swept over several values, every other setting held at the report's own point
/// (segproof report --db: the points of a campaign that differ from it in this path alone).
struct ParameterSweep
{
    std::string path;               ///< "defence.quarantine.reaction_delay"
    std::vector<SweepValue> values; ///< in SweepValueOrder
    /// The value at the report's own point; "" when that point leaves it as the scenario has it.
    std::string reportValue;
};

/// A share of trials with its 95 % confidence interval.
struct Proportion
{
    double share = 0;
    double low = 0;
    double high = 0;
};

/// `successes` of `trials` with the Wilson score interval at `z` (1.96: 95 %): centre
/// (p + z^2 / 2n) / (1 + z^2 / n), half-width z / (1 + z^2 / n) * sqrt(p (1 - p) / n + z^2 / 4n^2).
/// Unlike p +- z sqrt(p (1 - p) / n), it stays inside [0, 1] and is not empty at 0 of n or n of
/// n. Throws std::invalid_argument when trials is 0 or successes exceeds it.
Proportion WilsonInterval(std::uint64_t successes, std::uint64_t trials,
                          double z = 1.959963984540054);

/// `values` in the order a sweep figure draws them: by magnitude when every value is a number
/// or a duration (core::ParseDuration: "5" < "10", "30s" < "10m" < "1h" < "2d"), else when
/// every value is a size ("500KB" < "1MB") or a rate; ties, and any other values, by text.
std::vector<std::string> SweepValueOrder(std::vector<std::string> values);

/// Per posture of `postureOrder`, the share of its runs at each value of `sweep` that reached
/// the crown jewel: x is the value's index in `sweep.values`, the median line the share, the
/// band its Wilson interval (WilsonInterval). Throws std::invalid_argument like GroupByPosture
/// at a value whose runs lack a posture or name another.
std::vector<BandSeries> CrownJewelShareBySweep(const std::vector<std::string>& postureOrder,
                                               const ParameterSweep& sweep);

} // namespace reports
} // namespace segproof

#endif
