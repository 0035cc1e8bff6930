// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#ifndef SEGPROOF_REPORTS_VERIFY_OUTPUT_H
#define SEGPROOF_REPORTS_VERIFY_OUTPUT_H

#include "core/intent-result.h"
#include "core/scenario.h"

#include <string>
#include <vector>

namespace segproof
{
namespace reports
{

/// Whether a counterexample's text names where each deciding rule is written.
enum class RuleLocations
{
    Omit,
    Append, ///< "  (FILE:LINE:COL)" after each rule (the JUnit report)
};

/// A counterexample as `verify` prints it under its VIOLATED line: the connection, delivered
/// or blocked, then the decision at each enforcement point on its path, one per line.
std::string FormatCounterexampleText(const core::Estate& estate, const core::Counterexample& cx,
                                     RuleLocations locations = RuleLocations::Omit);

/// `segproof verify`'s text: one line per intent (PROVED id / VIOLATED id / UNKNOWN id
/// (reason)), each violation followed by its counterexample and the decision at each point,
/// then a one-line tally.
std::string FormatVerifyText(const core::Scenario& scenario, const core::Posture& posture,
                             const std::vector<core::IntentResult>& results);

/// Whether FormatVerifyJson writes each intent's solver time ("seconds"), which differs from
/// run to run: `report` leaves it out of verify.jsonl so that its files reproduce byte for byte.
enum class SolverTimes
{
    Include,
    Omit,
};

/// The spec's JSON shape: {"intents":[{"id", "verdict", "counterexample": {...}}]}, plus the
/// posture, reasons of unknown verdicts and (unless omitted) the solver time.
std::string FormatVerifyJson(const core::Scenario& scenario, const core::Posture& posture,
                             const std::vector<core::IntentResult>& results,
                             SolverTimes times = SolverTimes::Include);

} // namespace reports
} // namespace segproof

#endif
