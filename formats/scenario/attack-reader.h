// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#ifndef SEGPROOF_FORMATS_SCENARIO_ATTACK_READER_H
#define SEGPROOF_FORMATS_SCENARIO_ATTACK_READER_H

#include "core/attack-model.h"
#include "core/benign-traffic.h"
#include "core/estate.h"
#include "core/policy.h"
#include "formats/input/yaml-context.h"

#include <vector>

namespace segproof
{
namespace formats
{

/// Reads `attack:` (docs/attack-model.md): every key optional, defaults from AttackParameters.
/// Names of machines and groups resolve against the estate and the groups already read;
/// durations, sizes and rates take units (core/units.h). Without the section: the defaults,
/// `given` false and the location naming the scenario file only.
core::AttackParameters ReadAttack(const YAML::Node& node, const core::Estate& estate,
                                  const std::vector<core::Group>& groups, YamlContext& context);

/// Reads `defence:` (docs/attack-model.md), the same way.
core::DefenceParameters ReadDefence(const YAML::Node& node, YamlContext& context);

/// Reads `benign:` (docs/attack-model.md, "Benign traffic"), the same way: the office's normal
/// traffic, defaults from BenignTrafficParameters.
core::BenignTrafficParameters ReadBenign(const YAML::Node& node, YamlContext& context);

} // namespace formats
} // namespace segproof

#endif
