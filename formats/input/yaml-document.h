// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#ifndef SEGPROOF_FORMATS_INPUT_YAML_DOCUMENT_H
#define SEGPROOF_FORMATS_INPUT_YAML_DOCUMENT_H

#include <string>
#include <yaml-cpp/yaml.h>

namespace segproof
{
namespace formats
{

/// Parses the YAML `text` of an input file (a scenario, a campaign spec), `fileName` naming it
/// in messages. Counts its values first (CheckYamlValueCount), then parses; throws InputError
/// at FILE:LINE:COL for a syntax error, explained (a tab in the indentation, lists and maps
/// nested past yaml-cpp's 500 levels, the usual causes of its terse messages), and at FILE:1:1
/// for an empty document. Internal to core.
YAML::Node LoadYamlDocument(const std::string& text, const std::string& fileName);

/// "YAML syntax error: MESSAGE", with what usually causes yaml-cpp's parser message `message`.
std::string ExplainYamlError(const std::string& message);

} // namespace formats
} // namespace segproof

#endif
