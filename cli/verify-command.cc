#include "commands.h"
#include "core/input-error.h"
#include "core/scenario-reader.h"
#include "reports/verify-output.h"
#include "verifier/intent-verifier.h"

#include <fstream>
#include <iostream>
#include <memory>

namespace segproof
{
namespace cli
{

namespace
{
struct VerifyArguments
{
    std::string scenario;
    std::string posture = "all";
    std::string json;
    double timeoutSeconds = 600;
};
} // namespace

void
RegisterVerify(CLI::App& app, int& exitCode)
{
    auto args = std::make_shared<VerifyArguments>();
    CLI::App* command = app.add_subcommand(
        "verify", "Prove each intent with Z3, or print the connection that breaks it");
    command->add_option("SCENARIO", args->scenario, "Scenario file (YAML, segproof/v1)")
        ->required();
    command->add_option("--posture", args->posture,
                        "Posture to verify under (default: all, every defined firewall)");
    command->add_option("--json", args->json, "Also write the results as JSON to this file");
    command->add_option("--timeout", args->timeoutSeconds, "Solver time per intent, in seconds")
        ->check(CLI::PositiveNumber);
    command->callback(
        [args, &exitCode]
        {
            core::Scenario scenario = core::ReadScenarioFile(args->scenario);
            core::Posture posture = scenario.ResolvePosture(args->posture, "--posture");
            verifier::VerifyOptions options;
            options.timeoutMs = static_cast<unsigned>(args->timeoutSeconds * 1000);
            verifier::IntentVerifier verifier(scenario, options);
            std::vector<core::IntentResult> results = verifier.VerifyAll(posture);
            std::cout << reports::FormatVerifyText(scenario, posture, results);
            if (!args->json.empty())
            {
                std::ofstream out(args->json);
                if (!out)
                {
                    throw core::InputError(core::SourceLocation{args->json, 0, 0},
                                           "cannot write the file");
                }
                out << reports::FormatVerifyJson(scenario, posture, results);
            }
            exitCode = kExitOk;
            for (const auto& r : results)
            {
                if (r.verdict != core::Verdict::Proved)
                {
                    exitCode = kExitFinding;
                }
            }
        });
}

} // namespace cli
} // namespace segproof
