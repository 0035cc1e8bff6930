// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#ifndef SEGPROOF_FORMATS_SCENARIO_IDENTITY_READER_H
#define SEGPROOF_FORMATS_SCENARIO_IDENTITY_READER_H

#include "core/estate.h"
#include "core/identity.h"
#include "core/policy.h"
#include "formats/input/yaml-context.h"

#include <vector>

namespace segproof
{
namespace formats
{

/// Reads the scenario's `identity:` section (docs/scenario-format.md, "Identity"): users, AD
/// groups (nested), pools, rights, standing sessions, the logon pattern, the phishable users and
/// the credential-harvest probability. Machines are named as the estate names them (bracket
/// ranges allowed) or by the scenario's groups. Every mistake is reported at its FILE:LINE:COL
/// with a suggestion; an absent node gives an empty Identity (given false). `sharphound: PATH`
/// (relative to the scenario's folder) imports a SharpHound collection first
/// (formats/sharphound/); what it cannot map is added to `warnings`.
core::Identity ReadIdentity(const YAML::Node& node, const core::Estate& estate,
                            const std::vector<core::Group>& groups, YamlContext& context,
                            std::vector<core::Diagnostic>& warnings);

} // namespace formats
} // namespace segproof

#endif
