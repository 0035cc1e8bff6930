#include "commands.h"
#include "core/scenario-reader.h"
#include "reports/matrix-output.h"
#include "verifier/reach-matrix-builder.h"

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
    command->add_option("--by", args->by, "Rows and columns: segment (default) or group")
        ->check(CLI::IsMember({"segment", "group"}));
    auto* json = command->add_flag("--json", args->json, "Print JSON instead of text");
    command->add_flag("--csv", args->csv, "Print CSV (from,to,service,reach)")->excludes(json);
    command->callback(
        [args, &exitCode, source]
        {
            core::Scenario scenario = ReadScenarioWithWarnings(args->scenario);
            core::Posture posture = scenario.ResolvePosture(args->posture, "--posture");
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
