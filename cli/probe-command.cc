#include "commands.h"
#include "reports/matrix-output.h"
#include "sim/reach-probe.h"

#include <iostream>
#include <memory>

namespace segproof
{
namespace cli
{

namespace
{
struct ProbeArguments
{
    std::string scenario;
    std::string posture = "all";
    std::string by = "segment";
    bool json = false;
    bool csv = false;
};
} // namespace

void
RegisterProbe(CLI::App& app, int& exitCode)
{
    auto args = std::make_shared<ProbeArguments>();
    CLI::App* command = app.add_subcommand(
        "probe", "Real connection attempts in ns-3, printed in matrix's format to diff with it");
    command->add_option("SCENARIO", args->scenario, "Scenario file (YAML, segproof/v1)")
        ->required();
    command->add_option("--posture", args->posture,
                        "Posture (default: all, every defined firewall)");
    command->add_option("--by", args->by, "Rows and columns: segment (default) or group")
        ->check(CLI::IsMember({"segment", "group"}));
    auto* json = command->add_flag("--json", args->json, "Print JSON instead of text");
    command->add_flag("--csv", args->csv, "Print CSV (from,to,service,reach)")->excludes(json);
    command->callback(
        [args, &exitCode]
        {
            core::Scenario scenario = ReadScenarioWithWarnings(args->scenario);
            core::Posture posture = scenario.ResolvePosture(args->posture, "--posture");
            core::ReachMatrix matrix = sim::ProbeReachMatrix(
                scenario, posture,
                args->by == "group" ? core::MatrixGrouping::Group : core::MatrixGrouping::Segment);
            std::cout << (args->json  ? reports::FormatMatrixJson(matrix)
                          : args->csv ? reports::FormatMatrixCsv(matrix)
                                      : reports::FormatMatrixText(matrix));
            exitCode = kExitOk;
        });
}

} // namespace cli
} // namespace segproof
