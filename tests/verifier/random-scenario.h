// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#ifndef SEGPROOF_TESTS_RANDOM_SCENARIO_H
#define SEGPROOF_TESTS_RANDOM_SCENARIO_H

#include <cstdint>
#include <string>

namespace segproof
{
namespace tests
{

/// A small random scenario as YAML text, different for every seed and the same for the same
/// seed: two or three segments, VMs and physical machines, externals, groups of every kind,
/// overlapping services, all four firewalls with random rules (directions, applied_to,
/// disabled, reject), postures and intents of the three kinds, some assuming compromise.
/// Small enough that the enumeration baseline is fast; varied enough to reach every corner.
std::string RandomScenarioYaml(std::uint32_t seed);

} // namespace tests
} // namespace segproof

#endif
