// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#ifndef SEGPROOF_FORMATS_SCENARIO_CAMPAIGN_SPEC_H
#define SEGPROOF_FORMATS_SCENARIO_CAMPAIGN_SPEC_H

#include "core/source-location.h"
#include "parameter-setting.h"

#include <cstdint>
#include <string>
#include <vector>

namespace segproof
{
namespace formats
{

/// One parameter a campaign sweeps, with the values it takes (`sweep:` in the spec).
struct SweepAxis
{
    std::string path;                     ///< "attack.breakout"
    std::vector<ParameterSetting> values; ///< one setting per value, each at its own location
};

/// A campaign spec (format segproof-campaign/v1, docs/campaign.md): which scenarios, postures,
/// parameter points and seeds to run. Every run is (scenario, point, posture, seed, run index).
struct CampaignSpec
{
    std::string file; ///< the spec's path as given
    std::string name;
    std::vector<std::string> scenarios; ///< paths, made relative to the working folder
    std::vector<core::SourceLocation> scenarioLocations; ///< where each was named in the spec
    /// Posture names; empty: every posture of every scenario.
    std::vector<std::string> postures;
    std::vector<core::SourceLocation> postureLocations;
    std::uint64_t runs = 20; ///< run indices 0 .. runs-1 per (scenario, point, posture)
    std::uint64_t seed = 1;
    double duration_s = 8 * 3600.0;
    std::vector<SweepAxis> sweep; ///< in the order written; empty: one point, the scenario as is
    /// Every point of the sweep: the cartesian product of the axes, the first axis varying
    /// slowest; one empty point when there is no sweep.
    std::vector<ParameterPoint> Points() const;
};

} // namespace formats
} // namespace segproof

#endif
