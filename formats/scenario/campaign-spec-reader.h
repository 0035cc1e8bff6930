// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#ifndef SEGPROOF_FORMATS_SCENARIO_CAMPAIGN_SPEC_READER_H
#define SEGPROOF_FORMATS_SCENARIO_CAMPAIGN_SPEC_READER_H

#include "campaign-spec.h"

#include <string>

namespace segproof
{
namespace formats
{

// A campaign spec (docs/campaign.md) is a YAML map:
//
//   format: segproof-campaign/v1            # required
//   name: jps-pace                          # required, not empty
//   scenario: ../scenarios/jps-2015.yaml    # one scenario file, or
//   scenarios: [small.yaml, large.yaml]     #   a list of them (estate size presets);
//                                           #   exactly one of the two; a relative path is
//                                           #   read from the spec's folder
//   postures: [flat, microseg]              # optional: a name or a list; default every posture
//                                           #   of each scenario (checked when it is read)
//   runs: 20                                # optional, 1 .. Limits::kMaxRuns (default 20)
//   seed: 1                                 # optional, 0 .. 2^63-1 (default 1)
//   duration: 21d                           # optional, above 0, at most 365d (default 8h)
//   sweep:                                  # optional: parameter path -> its values
//     attack.breakout: [62m, 12d]           #   a list: one point per value
//     attack.lateral.attempt_interval: 3d   #   a single value: every point has it
//     attack.lateral.techniques: [[smb], [smb, rdp]]  # a value that is itself a list
//
// Each sweep path is attack.*, defence.* or benign.* (formats/scenario/parameter-setting.h),
// named once; each value a scalar or a list of scalars, none twice in one path. The values are only
// checked when a scenario is read with them (ReadScenarioText with a ParameterPoint), each error
// then pointing at the value in the spec. The sweep's points are the cartesian product of the
// paths, the first path varying slowest (CampaignSpec::Points). Scenarios x points x postures x
// runs is at most Limits::kMaxCampaignRuns; postures left out count as one per scenario for this
// check, since a scenario's postures are known only once it is read.

/// Reads and checks a campaign spec file. Throws InputError listing every problem found, each
/// at its FILE:LINE:COL.
CampaignSpec ReadCampaignSpecFile(const std::string& path);

/// Reads a campaign spec from text; `fileName` is used in messages, and its folder is where
/// relative scenario paths are read from.
CampaignSpec ReadCampaignSpecText(const std::string& text, const std::string& fileName);

} // namespace formats
} // namespace segproof

#endif
