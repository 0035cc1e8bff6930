// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#include "commands.h"
#include "formats/scenario/scenario-reader.h"
#include "reports/validate-summary.h"

#include <iostream>
#include <memory>

namespace segproof
{
namespace cli
{

void
RegisterValidate(CLI::App& app, int& exitCode)
{
    auto path = std::make_shared<std::string>();
    CLI::App* command =
        app.add_subcommand("validate", "Parse and check a scenario; print a summary of it");
    command->add_option("SCENARIO", *path, "Scenario file (YAML, segproof/v1)")->required();
    command->callback(
        [path, &exitCode]
        {
            core::Scenario scenario = ReadScenarioWithWarnings(*path);
            std::cout << reports::FormatValidateSummary(scenario);
            std::cout << "\nOK: " << *path << " is a valid segproof/v1 scenario\n";
            exitCode = kExitOk;
        });
}

} // namespace cli
} // namespace segproof
