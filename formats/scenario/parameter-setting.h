// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#ifndef SEGPROOF_FORMATS_SCENARIO_PARAMETER_SETTING_H
#define SEGPROOF_FORMATS_SCENARIO_PARAMETER_SETTING_H

#include "core/source-location.h"

#include <string>
#include <vector>

namespace segproof
{
namespace formats
{

/// One value of the scenario's `attack:`, `defence:` or `benign:` section given from outside the
/// scenario file: a point of a campaign's sweep (docs/campaign.md). Applied to the scenario's YAML
/// before it is read, so the value is checked exactly as if it were written in the file, and an
/// error in it is reported where the value was written (`location`), not in the scenario.
struct ParameterSetting
{
    std::string path;  ///< dotted keys from the section: "attack.lateral.attempt_interval"
    std::string value; ///< the value as YAML text: "3d", "0.5", "[smb, rdp]"
    core::SourceLocation location; ///< where the value was written (its first character)
};

/// A parameter point: the settings of one point of a sweep, in the order the sweep names them.
using ParameterPoint = std::vector<ParameterSetting>;

/// Why `path` cannot be set, as a message that names it, or "" when it can: a path is "attack.",
/// "defence." or "benign." followed by one or more keys, separated by single dots.
std::string ParameterPathError(const std::string& path);

/// The point as one line that identifies it: "attack.breakout=12d
/// attack.lateral.attempt_interval=3d" (settings in the given order, separated by one space); ""
/// for no setting.
std::string PointText(const ParameterPoint& point);

} // namespace formats
} // namespace segproof

#endif
