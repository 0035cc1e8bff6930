// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#ifndef SEGPROOF_FORMATS_SCENARIO_SCENARIO_READER_H
#define SEGPROOF_FORMATS_SCENARIO_SCENARIO_READER_H

#include "core/scenario.h"
#include "parameter-setting.h"

#include <string>

namespace segproof
{
namespace formats
{

/// Reads and checks a scenario file (format segproof/v1).
/// Throws InputError listing every problem found, each at its FILE:LINE:COL.
core::Scenario ReadScenarioFile(const std::string& path);

/// Reads a scenario from text; `fileName` is used in messages.
core::Scenario ReadScenarioText(const std::string& text, const std::string& fileName);

/// Reads a scenario from text with the settings of `point` applied, in order, to its YAML
/// before any section is read: each sets the value at its path, making the maps the path
/// names when the scenario lacks them, so a later setting of a path wins. The value is then
/// checked as if the file held it, and every error on it (or on a key or map a setting made)
/// is reported at the setting's location. A setting whose path is not attack.*, defence.* or
/// benign.*, whose value is not YAML, or whose path goes through a value that is not a map, is an
/// error at its location. Throws InputError listing every problem found.
core::Scenario ReadScenarioText(const std::string& text, const std::string& fileName,
                                const ParameterPoint& point);

/// Reads a scenario file with the settings of `point` applied (as ReadScenarioText).
core::Scenario ReadScenarioFile(const std::string& path, const ParameterPoint& point);

} // namespace formats
} // namespace segproof

#endif
