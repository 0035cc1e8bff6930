#ifndef SEGPROOF_CORE_GROUP_READER_H
#define SEGPROOF_CORE_GROUP_READER_H

#include "estate.h"
#include "policy.h"
#include "yaml-context.h"

#include <vector>

namespace segproof
{
namespace core
{

/// Reads `groups:` and resolves each to its addresses: tag, segment, cidr and machines
/// selectors; any (union), all (intersection) and except (difference) over other groups, in
/// any order of definition. Reports dangling names, cycles (with the cycle spelt out) and
/// nesting deeper than Limits::kMaxGroupDepth.
std::vector<Group> ReadGroups(const YAML::Node& node, const Estate& estate, YamlContext& context);

} // namespace core
} // namespace segproof

#endif
