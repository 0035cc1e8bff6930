// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#ifndef SEGPROOF_FORMATS_SCENARIO_NSX_ESTATE_SECTION_H
#define SEGPROOF_FORMATS_SCENARIO_NSX_ESTATE_SECTION_H

#include "core/estate.h"
#include "core/input-error.h"
#include "core/policy.h"
#include "formats/input/yaml-context.h"
#include "formats/nsx/nsx-reader.h"

#include <functional>
#include <memory>
#include <vector>

namespace segproof
{
namespace formats
{

/// The NSX file a scenario's `nsx:` names, parsed once per path (nullptr, with the error
/// reported, when it cannot be read).
using NsxFileLoader = std::function<std::shared_ptr<const NsxFile>(const YAML::Node&)>;

/// True when `estate:` is `{nsx: FILE, ...}`.
bool IsNsxEstate(const YAML::Node& estate);

/// What `estate: {nsx: FILE, unaddressed: skip | placeholder, external: [...]}` gives: the
/// estate of the collector's bundle, the scenario's own external addresses, and the bundle's
/// groups (for intents and native rules).
struct NsxEstateSection
{
    core::Estate estate;
    std::vector<core::Group> groups;
    std::vector<core::Diagnostic> warnings;
};

/// Reads the section; errors go to the context.
NsxEstateSection ReadNsxEstateSection(const YAML::Node& node, YamlContext& context,
                                      const NsxFileLoader& load);

} // namespace formats
} // namespace segproof

#endif
