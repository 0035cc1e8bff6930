// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#ifndef SEGPROOF_FORMATS_SCENARIO_ESTATE_READER_H
#define SEGPROOF_FORMATS_SCENARIO_ESTATE_READER_H

#include "core/estate.h"
#include "formats/input/yaml-context.h"

#include <functional>
#include <set>
#include <string>

namespace segproof
{
namespace formats
{

/// Resolves a `listens:` entry (service name or inline entry) into entries; reports errors.
using ServiceResolver = std::function<core::ServiceSet(const YAML::Node&)>;

/// Names the estate defines but could not build (a segment whose CIDR does not parse). The
/// error is reported at the definition; readers of later sections do not report references
/// to these names as dangling.
struct EstateGaps
{
    std::set<std::string> segments;
};

/// Reads `estate:` (segments, hosts, machines, external): expands bracket ranges, places
/// machines round-robin on their hosts, assigns `ip: auto`, and checks names, overlaps and
/// addresses. Errors go to the context; the estate holds whatever could be read, and `gaps`
/// (when given) receives what was defined but could not be built.
core::Estate ReadEstate(const YAML::Node& node, YamlContext& context,
                        const ServiceResolver& resolveServices, EstateGaps* gaps = nullptr);

} // namespace formats
} // namespace segproof

#endif
