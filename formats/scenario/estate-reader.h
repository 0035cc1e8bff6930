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

/// What a desktop listens on unless `listens:` says otherwise: the Windows defaults
/// tcp/135, tcp/139, tcp/445, tcp/3389.
core::ServiceSet DefaultDesktopListens();

/// The reserved block `cidr` overlaps (0/8, 127/8, 224/4, 240/4, where no machine can have an
/// address), as "0.0.0.0/8 (this network)"; empty when none.
std::string ReservedBlockOverlapping(const core::Cidr& cidr);

/// Reads `estate:` (segments, hosts, machines, external): expands bracket ranges, places
/// machines round-robin on their hosts, assigns `ip: auto`, and checks names, overlaps and
/// addresses. Errors go to the context; the estate holds whatever could be read, and `gaps`
/// (when given) receives what was defined but could not be built.
core::Estate ReadEstate(const YAML::Node& node, YamlContext& context,
                        const ServiceResolver& resolveServices, EstateGaps* gaps = nullptr);

} // namespace formats
} // namespace segproof

#endif
