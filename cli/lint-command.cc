// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#include "commands.h"
#include "formats/scenario/scenario-reader.h"
#include "reports/lint-output.h"
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
    command->callback(
        [args, &exitCode]
        {
            core::Scenario scenario = ReadScenarioWithWarnings(args->scenario);
            verifier::LintReport report = verifier::LintScenario(scenario);
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
