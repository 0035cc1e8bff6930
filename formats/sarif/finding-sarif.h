// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#ifndef SEGPROOF_FORMATS_SARIF_FINDING_SARIF_H
#define SEGPROOF_FORMATS_SARIF_FINDING_SARIF_H

#include "core/diff-view.h"
#include "core/intent-result.h"
#include "core/lint-finding.h"
#include "core/policy.h"
#include "core/scenario.h"

#include <string>
#include <utility>
#include <vector>

namespace segproof
{
namespace formats
{

/// What `--sarif FILE` writes besides the findings: the segproof version and the command line.
struct SarifRun
{
    std::string version;
    std::vector<std::string> commandLine;
};

/// `segproof lint --sarif`: one result per finding (rule id "segproof/lint/KIND", level from
/// its severity: error, warning, note for info), at the rule where it is written (the
/// scenario or the NSX export), with the rules that explain it as related locations.
std::string LintSarif(const SarifRun& run, const core::Scenario& scenario,
                      const core::LintReport& report);

/// `segproof verify --sarif`: one result per intent not proved, under each posture
/// ("segproof/intent/violated", error; "segproof/intent/unknown", warning), at the intent;
/// a violation carries its counterexample as a code flow, one step per enforcement point at
/// the rule that decided there, and those rules as related locations.
std::string VerifySarif(const SarifRun& run, const core::Scenario& scenario,
                        const std::vector<core::PostureVerdicts>& verdicts);

/// `segproof diff --sarif`: one result per changed block, at the rule of the new scenario
/// that decides its example where the old one decided otherwise ("segproof/diff/breaks-intent",
/// error, when a newly allowed block breaks an intent; "segproof/diff/newly-allowed",
/// warning; "segproof/diff/newly-blocked", note); the example's path before and after as
/// related locations.
std::string DiffSarif(const SarifRun& run, const core::Scenario& before,
                      const core::Scenario& after, const core::DiffView& diff);

} // namespace formats
} // namespace segproof

#endif
