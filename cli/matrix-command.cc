// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#include "commands.h"
#include "core/input-error.h"
#include "core/limits.h"
#include "core/machine-connectivity.h"
#include "formats/scenario/scenario-reader.h"
#include "reports/machine-matrix-output.h"
#include "reports/matrix-output.h"
#include "verifier/reach-matrix-builder.h"

#include <cstdint>
#include <iostream>
#include <memory>

namespace segproof
{
namespace cli
{

namespace
{
struct MatrixArguments
{
    std::string scenario;
    std::string posture = "all";
    std::string by = "segment";
    bool json = false;
    bool csv = false;
};

/// Throws InputError when the matrix would hold more than Limits::kMaxMatrixCells cells (rows
/// x columns x services), before anything is computed.
void
CheckMatrixSize(const core::Scenario& scenario, const std::string& by, const std::string& file)
{
    const core::Estate& estate = scenario.GetEstate();
    std::uint64_t rows = by == "group"
                             ? scenario.Groups().size()
                             : estate.Segments().size() + (estate.Externals().empty() ? 0 : 1);
    std::uint64_t services = scenario.Services().size();
    std::uint64_t cells = rows * rows * services;
    if (cells > core::Limits::kMaxMatrixCells)
    {
        throw core::InputError(
            core::SourceLocation{file, 0, 0},
            "the matrix by " + by + " would have " + std::to_string(rows) + " rows x " +
                std::to_string(rows) + " columns x " + std::to_string(services) +
                " services = " + std::to_string(cells) + " cells, more than " +
                std::to_string(core::Limits::kMaxMatrixCells) + " (the limit; see docs/limits.md)");
    }
}
/// `matrix --by machine`: every machine and outside range, the exact services per pair.
void
PrintMachineMatrix(const core::Scenario& scenario, const core::Posture& posture,
                   const MatrixArguments& args)
{
    if (args.csv)
    {
        throw core::InputError(core::SourceLocation{"--csv", 0, 0},
                               "--csv is not available with --by machine (use the text or "
                               "--json)");
    }
    const std::uint64_t cost = core::MachineConnectivityCost(scenario);
    if (cost > core::Limits::kMaxMatrixCells)
    {
        throw core::InputError(core::SourceLocation{args.scenario, 0, 0},
                               "the matrix by machine would evaluate " + std::to_string(cost) +
                                   " (source, destination, service cell) triples, more than " +
                                   std::to_string(core::Limits::kMaxMatrixCells) +
                                   " (the limit; see docs/limits.md): use --by group");
    }
    core::MachineConnectivity connectivity = core::BuildMachineConnectivity(scenario, posture);
    std::cout << (args.json ? reports::FormatMachineMatrixJson(connectivity)
                            : reports::FormatMachineMatrixText(connectivity));
}

} // namespace

void
RegisterMatrixCommand(CLI::App& app, int& exitCode, const std::string& name,
                      const std::string& description, MatrixSource source)
{
    auto args = std::make_shared<MatrixArguments>();
    CLI::App* command = app.add_subcommand(name, description);
    command->add_option("SCENARIO", args->scenario, "Scenario file (YAML, segproof/v1)")
        ->required();
    command->add_option("--posture", args->posture,
                        "Posture (default: all, every defined firewall)");
    const bool byMachine = name == "matrix"; // probe sends packets per group pair
    if (byMachine)
    {
        command
            ->add_option("--by", args->by,
                         "Rows and columns: segment (default), group, or machine (every "
                         "machine and outside address range, with the exact services "
                         "delivered per pair)")
            ->check(CLI::IsMember({"segment", "group", "machine"}));
    }
    else
    {
        command->add_option("--by", args->by, "Rows and columns: segment (default) or group")
            ->check(CLI::IsMember({"segment", "group"}));
    }
    auto* json = command->add_flag("--json", args->json, "Print JSON instead of text");
    command->add_flag("--csv", args->csv, "Print CSV (from,to,service,reach)")->excludes(json);
    command->callback(
        [args, &exitCode, source]
        {
            core::Scenario scenario = ReadScenarioWithWarnings(args->scenario);
            core::Posture posture = scenario.ResolvePosture(args->posture, "--posture");
            if (args->by == "machine")
            {
                PrintMachineMatrix(scenario, posture, *args);
                exitCode = kExitOk;
                return;
            }
            CheckMatrixSize(scenario, args->by, args->scenario);
            core::ReachMatrix matrix = source(scenario, posture,
                                              args->by == "group" ? core::MatrixGrouping::Group
                                                                  : core::MatrixGrouping::Segment);
            std::cout << (args->json  ? reports::FormatMatrixJson(matrix)
                          : args->csv ? reports::FormatMatrixCsv(matrix)
                                      : reports::FormatMatrixText(matrix));
            exitCode = kExitOk;
        });
}

void
RegisterMatrix(CLI::App& app, int& exitCode)
{
    RegisterMatrixCommand(app, exitCode, "matrix",
                          "Who reaches whom on which named service: full / partial / none",
                          [](const core::Scenario& scenario, const core::Posture& posture,
                             core::MatrixGrouping grouping)
                          { return verifier::BuildReachMatrix(scenario, posture, grouping); });
}

} // namespace cli
} // namespace segproof
