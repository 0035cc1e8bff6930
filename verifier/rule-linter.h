// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#ifndef SEGPROOF_VERIFIER_RULE_LINTER_H
#define SEGPROOF_VERIFIER_RULE_LINTER_H

#include "core/lint-finding.h"
#include "core/scenario.h"

#include <cstddef>
#include <vector>

namespace segproof
{
namespace verifier
{

/// Limits and budgets of a lint run.
struct LintOptions
{
    /// NSX: rules that may land on one vNIC (Broadcom KB 371437).
    std::size_t maxRulesPerVnic = 4000;
    /// NSX: rules that may land on one host, summed over its vNICs.
    std::size_t maxRulesPerHost = 120000;
    /// Solver time per query, in milliseconds.
    unsigned timeoutMs = 60000;
};

using core::DfwLoad;
using core::LintReport;

/// Lints every firewall of a scenario: Al-Shaer & Hamed's anomalies (shadowing, redundancy,
/// generalization, correlation), rules that can never match what their firewall sees, any-to-
/// any allows and NSX scale limits. Shadowing and redundancy are exact (Z3 over address
/// classes, with the minimal set of earlier rules that explains each, as Batfish's
/// filterLineReachability reports it); pairwise relations compare the rules' fields.
LintReport LintScenario(const core::Scenario& scenario, const LintOptions& options = {});

} // namespace verifier
} // namespace segproof

#endif
