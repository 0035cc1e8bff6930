// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#include "commands.h"
#include "formats/nsx-export/nsx-export.h"
#include "output-file.h"
#include "segproof/version.h"

#include <filesystem>
#include <iostream>
#include <memory>

namespace segproof
{
namespace cli
{

namespace
{
struct ExportNsxArguments
{
    std::string scenario;
    std::string out;
};
} // namespace

void
RegisterExportNsx(CLI::App& app, int& exitCode)
{
    auto args = std::make_shared<ExportNsxArguments>();
    CLI::App* command = app.add_subcommand(
        "export-nsx",
        "Write the scenario's DFW (groups, services, policies, rules) as an NSX Policy API body "
        "for PATCH /policy/api/v1/infra, which `dfw: {nsx: FILE}` reads back (docs/nsx-export.md)");
    command->add_option("SCENARIO", args->scenario, "The scenario file")->required();
    command->add_option("--out", args->out, "The JSON file to write")->required();
    command->callback(
        [args, &exitCode]
        {
            core::Scenario scenario = ReadScenarioWithWarnings(args->scenario);
            formats::NsxExportOptions options{
                SEGPROOF_VERSION, std::filesystem::path(args->scenario).filename().string()};
            formats::NsxExport exported = formats::ExportNsxDfw(scenario, options);
            for (const auto& w : exported.warnings)
            {
                std::cerr << w.location.ToString() << ": warning: " << w.message << "\n";
            }
            WriteWholeFile(args->out, exported.json, "--out");
            std::cout << "wrote " << args->out << ": " << exported.groups
                      << (exported.groups == 1 ? " group, " : " groups, ") << exported.services
                      << (exported.services == 1 ? " service, " : " services, ") << exported.rules
                      << (exported.rules == 1 ? " rule" : " rules") << " (the default included)\n";
            exitCode = kExitOk;
        });
}

} // namespace cli
} // namespace segproof
