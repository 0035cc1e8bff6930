// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#ifndef SEGPROOF_FORMATS_SCENARIO_POLICY_READER_H
#define SEGPROOF_FORMATS_SCENARIO_POLICY_READER_H

#include "core/policy.h"
#include "formats/input/yaml-context.h"
#include "name-tables.h"

#include <array>
#include <functional>
#include <optional>
#include <vector>

namespace segproof
{
namespace formats
{

/// Reads `dfw: {nsx: FILE}` (and `gateway:`, `perimeter:`): given the `nsx` value's node and
/// the firewall's kind, the imported firewall (nullopt when the import failed; its errors are
/// then in the context).
using NsxLoader = std::function<std::optional<core::Firewall>(const YAML::Node& nsxFile,
                                                              core::FirewallKind kind)>;

/// Reads `firewalls:` (dfw, gateway, perimeter, host), indexed by FirewallKind.
std::array<std::optional<core::Firewall>, 4> ReadFirewalls(const YAML::Node& node,
                                                           NameTables& names, YamlContext& context,
                                                           const NsxLoader& loadNsx);

/// Reads `postures:`; every firewall a posture names must be defined.
std::vector<core::Posture> ReadPostures(
    const YAML::Node& node, const std::array<std::optional<core::Firewall>, 4>& firewalls,
    YamlContext& context);

/// Reads `intents:` (deny / allow / only, optional assume_compromised).
std::vector<core::Intent> ReadIntents(const YAML::Node& node, NameTables& names,
                                      YamlContext& context);

} // namespace formats
} // namespace segproof

#endif
