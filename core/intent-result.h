// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#ifndef SEGPROOF_CORE_INTENT_RESULT_H
#define SEGPROOF_CORE_INTENT_RESULT_H

#include "concrete-evaluator.h"
#include "connection.h"
#include "policy.h"

#include <optional>
#include <string>
#include <vector>

namespace segproof
{
namespace core
{

/// The three outcomes of a check: unknown is a verdict, not a crash.
enum class Verdict
{
    Proved,
    Violated,
    Unknown,
};

/// "proved", "violated" or "unknown".
std::string VerdictName(Verdict verdict);

/// One concrete connection that breaks an intent, replayed through core's evaluator.
struct Counterexample
{
    Connection connection;
    /// The evaluator's verdict on it: the enforcement points met and the rule at each.
    Evaluation replay;
    /// When the verdict rests on who is logged on (identity firewall rules, `from_users`): the
    /// user whose session at the source lets the connection through; empty otherwise, and when
    /// it is nobody's.
    std::string user;
};

/// The verdict on one intent under one posture.
struct IntentResult
{
    std::string intentId;
    std::string posture;
    Verdict verdict = Verdict::Unknown;
    std::optional<Counterexample> counterexample; ///< set when violated
    std::string reason;                           ///< set when unknown
    double seconds = 0;                           ///< solver time
};

/// Every intent's result under one posture, as `verify` proved them.
struct PostureVerdicts
{
    Posture posture;
    std::vector<IntentResult> results;
};

} // namespace core
} // namespace segproof

#endif
