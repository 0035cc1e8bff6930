// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#ifndef SEGPROOF_REPORTS_PARAMETER_TABLE_H
#define SEGPROOF_REPORTS_PARAMETER_TABLE_H

#include "core/scenario.h"

#include <string>
#include <vector>

namespace segproof
{
namespace reports
{

/// One value of the attack or defence model, as the report's parameter table shows it.
struct ParameterRow
{
    std::string key;         ///< as written in the scenario: "attack: breakout"
    std::string value;       ///< "62m", "0.51", "fs01"
    std::string source;      ///< the citation of docs/attack-model.md ("" for none)
    bool assumption = false; ///< [A]: an assumption, not a published figure
};

/// The attack and defence parameters in force for `scenario` (its own values, or the
/// defaults), in docs/attack-model.md's order, each with its source.
std::vector<ParameterRow> ParameterRows(const core::Scenario& scenario);

} // namespace reports
} // namespace segproof

#endif
