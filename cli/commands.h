// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#ifndef SEGPROOF_CLI_COMMANDS_H
#define SEGPROOF_CLI_COMMANDS_H

#include "core/reach-matrix-layout.h"
#include "core/reach-matrix.h"
#include "core/scenario.h"
#include "formats/scenario/parameter-setting.h"
#include "reports/diff-output.h"
#include "verifier/policy-diff.h"

#include <CLI/CLI.hpp>
#include <functional>
#include <string>
#include <vector>

namespace segproof
{
namespace cli
{

/// Exit codes of every command (docs/scenario-format.md section 3).
constexpr int kExitOk = 0;
constexpr int kExitFinding = 1;
constexpr int kExitBadInput = 2;
/// An internal error, or a simulation run that crashed or failed (kExitSimulationFailed).
constexpr int kExitInternalError = 3;

/// Reads a scenario (throws InputError on bad input) and prints its warnings on stderr as
/// "FILE:LINE:COL: warning: message".
core::Scenario ReadScenarioWithWarnings(const std::string& path);
/// The same, with `point`'s attack and defence values in place of the file's.
core::Scenario ReadScenarioWithWarnings(const std::string& path,
                                        const formats::ParameterPoint& point);

/// "all", a posture name, a comma-separated list of them, or "each" (every defined posture;
/// "all" when the scenario defines none). Throws InputError for an unknown name.
std::vector<core::Posture> ResolvePostures(const core::Scenario& scenario, const std::string& text);

/// Registers `validate`; when it runs, its exit code is stored in `exitCode`.
void RegisterValidate(CLI::App& app, int& exitCode);

/// Registers `verify`; when it runs, its exit code is stored in `exitCode`.
void RegisterVerify(CLI::App& app, int& exitCode);

/// Computes a reachability matrix (from the policy, or observed in ns-3).
using MatrixSource = std::function<core::ReachMatrix(const core::Scenario&, const core::Posture&,
                                                     core::MatrixGrouping)>;

/// Registers a command that prints `source`'s matrix with matrix's options and formats
/// (`matrix` and `probe` share them, so that their outputs diff cell by cell).
void RegisterMatrixCommand(CLI::App& app, int& exitCode, const std::string& name,
                           const std::string& description, MatrixSource source);

/// Registers `matrix`; when it runs, its exit code is stored in `exitCode`.
void RegisterMatrix(CLI::App& app, int& exitCode);

/// Registers `probe` (ns-3); when it runs, its exit code is stored in `exitCode`.
void RegisterProbe(CLI::App& app, int& exitCode);

/// Registers `simulate` (ns-3 Monte Carlo); its exit code is stored in `exitCode`.
void RegisterSimulate(CLI::App& app, int& exitCode);

/// Registers `lint`; when it runs, its exit code is stored in `exitCode`.
void RegisterLint(CLI::App& app, int& exitCode);

/// The diff as the reports show it.
core::DiffView MakeDiffView(const verifier::PolicyDiff& diff, const std::string& beforeFile,
                            const std::string& afterFile);

/// Registers `report`: validate, verify, lint, matrix and simulate, written up as one HTML
/// page; its exit code is stored in `exitCode`.
void RegisterReport(CLI::App& app, int& exitCode);

/// Registers `reproduce` (logistic, two-factor, exposure: segproof beside published models
/// and figures); its exit code is stored in `exitCode`.
void RegisterReproduce(CLI::App& app, int& exitCode);

/// Registers `campaign` (a sweep of runs into a SQLite database, on local cores or MPI ranks).
void RegisterCampaign(CLI::App& app, int& exitCode);

/// Registers `export` (a results database as CSV).
void RegisterExport(CLI::App& app, int& exitCode);

/// Registers `diff`; when it runs, its exit code is stored in `exitCode`.
void RegisterDiff(CLI::App& app, int& exitCode);

/// Registers `export-nsx` (the DFW as an NSX Policy API body); its exit code is stored in
/// `exitCode`.
void RegisterExportNsx(CLI::App& app, int& exitCode);

/// Registers `collect` (an NSX Manager's objects over its REST API, as one JSON bundle); its
/// exit code is stored in `exitCode`.
void RegisterCollect(CLI::App& app, int& exitCode);

} // namespace cli
} // namespace segproof

#endif
