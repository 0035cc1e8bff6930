// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#ifndef SEGPROOF_REPORTS_HTML_REPORT_H
#define SEGPROOF_REPORTS_HTML_REPORT_H

#include "core/intent-result.h"
#include "core/lint-finding.h"
#include "core/reach-matrix.h"
#include "core/scenario.h"
#include "core/simulation-result.h"
#include "diff-output.h"
#include "parameter-sweep.h"
#include "report-text.h"
#include "simulation-output.h"

#include <optional>
#include <string>
#include <vector>

namespace segproof
{
namespace reports
{

/// The results of one posture: what the verifier proved and what the policy lets through.
struct PostureResults
{
    core::Posture posture;
    std::vector<core::IntentResult> intents; ///< one per scenario intent, in scenario order
    core::ReachMatrix matrix;                ///< from the policy (segproof matrix)
};

/// A policy change to show (segproof report --against).
struct ReportDiff
{
    core::DiffView view;
    const core::Scenario* before = nullptr; ///< the --against scenario
    std::string beforeSha256;               ///< Sha256Hex of the --against file's bytes
};

/// Everything the HTML report is made from. The page shows exactly this: it computes nothing
/// that the JSON and CSV beside it do not hold. Nothing here may change between two runs of
/// the same command (no date, wall time, host, --jobs or --out): the page is reproducible byte
/// for byte, and such facts go to run.json (RunRecord) instead.
struct ReportInput
{
    const core::Scenario* scenario = nullptr;
    std::vector<PostureResults> postures; ///< in the order the page shows them
    core::LintReport lint;
    std::vector<core::RunResult> runs; ///< every run of every posture
    CampaignInfo campaign;             ///< seed, runs, versions, command, scenario hash
    std::string z3Version;
    std::optional<ReportDiff> diff;
    Language language = Language::English;
    std::vector<std::string> files; ///< the files written beside the page
    /// report --db: parameters swept around the report's point, one figure each (may be empty).
    std::vector<ParameterSweep> sweeps;
};

/// The report: one HTML5 page, self-contained (inline CSS and SVG; a Content-Security-Policy
/// that forbids every fetch; no script; the system fonts of `language`), printable on A4.
/// Sections: verdict table with a headline (and which detection or quarantine stopped the data
/// leaving in most runs, DefenceOutcomes) and the intents per posture with counterexamples in
/// words; infection curves; time-to-crown-jewel CDF and, under it, the time-to-quarantine CDF;
/// alerts by source with false alarms and desktops taken from users; the share of runs
/// reaching the crown jewel over each sweep (when given); blocked packets per enforcement
/// point and the rules that blocked most; the reachability matrix per posture; the estate diagram;
/// lint findings; the diff (when given); parameters with their sources; how it was made (the
/// command that makes it again, the scenario's SHA-256, seed, runs, versions). The same input
/// gives the same bytes. Throws std::invalid_argument when the runs do not match the postures.
std::string HtmlReport(const ReportInput& input);

} // namespace reports
} // namespace segproof

#endif
