// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#include "commands.h"
#include "formats/sarif/finding-sarif.h"
#include "formats/scenario/scenario-reader.h"
#include "output-file.h"
#include "reports/lint-output.h"
#include "segproof/version.h"
#include "verifier/rule-linter.h"

#include <iostream>
#include <memory>

namespace segproof
{
namespace cli
{

namespace
{
struct LintArguments
{
    std::string scenario;
    bool json = false;
    std::string sarif;
};
} // namespace

void
RegisterLint(CLI::App& app, int& exitCode)
{
    auto args = std::make_shared<LintArguments>();
    CLI::App* command = app.add_subcommand(
        "lint", "Shadowed, redundant, correlated, never-matching and over-permissive rules");
    command->add_option("SCENARIO", args->scenario, "Scenario file (YAML, segproof/v1)")
        ->required();
    command->add_flag("--json", args->json, "Print JSON instead of text");
    command->add_option("--sarif", args->sarif,
                        "Also write the findings as SARIF 2.1.0 to this file (CI code "
                        "scanning, docs/ci.md)");
    command->callback(
        [args, &exitCode]
        {
            core::Scenario scenario = ReadScenarioWithWarnings(args->scenario);
            verifier::LintReport report = verifier::LintScenario(scenario);
            if (!args->sarif.empty())
            {
                formats::SarifRun run{SEGPROOF_VERSION, {"segproof", "lint", args->scenario}};
                WriteWholeFile(args->sarif, formats::LintSarif(run, scenario, report), "--sarif");
            }
            std::cout << (args->json ? reports::FormatLintJson(report)
                                     : reports::FormatLintText(report));
            exitCode = kExitOk;
            for (const auto& f : report.findings)
            {
                if (f.severity == core::Severity::Error)
                {
                    exitCode = kExitFinding;
                }
            }
        });
}

} // namespace cli
} // namespace segproof
