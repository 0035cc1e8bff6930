// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#ifndef SEGPROOF_FORMATS_SCENARIO_GROUP_READER_H
#define SEGPROOF_FORMATS_SCENARIO_GROUP_READER_H

#include "core/estate.h"
#include "core/policy.h"
#include "estate-reader.h"
#include "formats/input/yaml-context.h"

#include <vector>

namespace segproof
{
namespace formats
{

/// Reads `groups:` and resolves each to its addresses: tag, segment, cidr and machines
/// selectors; any (union), all (intersection) and except (difference) over other groups, in
/// any order of definition. Reports dangling names, cycles (with the cycle spelt out) and
/// nesting deeper than Limits::kMaxGroupDepth.
/// Segments named in `gaps` were defined but are unusable (already reported): a `segment:`
/// selector naming one is not reported again.
std::vector<core::Group> ReadGroups(const YAML::Node& node, const core::Estate& estate,
                                    YamlContext& context, const EstateGaps& gaps = EstateGaps());

} // namespace formats
} // namespace segproof

#endif
