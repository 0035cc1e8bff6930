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
                        "Posture: a name, a comma-separated list, 'each' (every posture the "
                        "scenario defines) or 'all' (the default: every defined firewall)");
    command->add_option("--json", args->json,
                        "Also write the results as JSON to this file (one object per posture, "
                        "one per line)");
    command->add_option("--timeout", args->timeoutSeconds, "Solver time per intent, in seconds")
        ->check(CLI::PositiveNumber);
    command->callback(
        [args, &exitCode]
        {
            core::Scenario scenario = ReadScenarioWithWarnings(args->scenario);
            std::vector<core::Posture> postures = ResolvePostures(scenario, args->posture);
            verifier::VerifyOptions options;
            options.timeoutMs = static_cast<unsigned>(args->timeoutSeconds * 1000);
            verifier::IntentVerifier verifier(scenario, options);
            std::string json;
            exitCode = kExitOk;
            for (const auto& posture : postures)
            {
                std::vector<core::IntentResult> results = verifier.VerifyAll(posture);
                if (postures.size() > 1)
                {
                    std::cout << "== posture " << posture.name << "\n";
                }
                std::cout << reports::FormatVerifyText(scenario, posture, results);
                json += reports::FormatVerifyJson(scenario, posture, results);
                for (const auto& r : results)
                {
                    if (r.verdict != core::Verdict::Proved)
                    {
                        exitCode = kExitFinding;
                    }
                }
            }
            if (!args->json.empty())
            {
                std::ofstream out(args->json);
                if (!out)
                {
                    throw core::InputError(core::SourceLocation{args->json, 0, 0},
                                           "cannot write the file");
                }
                out << json;
            }
        });
}

} // namespace cli
} // namespace segproof
