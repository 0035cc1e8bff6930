#ifndef SEGPROOF_CORE_GROUP_READER_H
#define SEGPROOF_CORE_GROUP_READER_H

#include "core/estate.h"
#include "core/policy.h"
#include "estate-reader.h"
#include "formats/input/yaml-context.h"

#include <vector>

namespace segproof
{
namespace core
{

/// Reads `groups:` and resolves each to its addresses: tag, segment, cidr and machines
/// selectors; any (union), all (intersection) and except (difference) over other groups, in
/// any order of definition. Reports dangling names, cycles (with the cycle spelt out) and
/// nesting deeper than Limits::kMaxGroupDepth.
/// Segments named in `gaps` were defined but are unusable (already reported): a `segment:`
/// selector naming one is not reported again.
std::vector<Group> ReadGroups(const YAML::Node& node, const Estate& estate, YamlContext& context,
                              const EstateGaps& gaps = EstateGaps());

} // namespace core
} // namespace segproof

#endif
