// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#include "commands.h"
#include "core/input-error.h"
#include "core/limits.h"
#include "formats/sarif/finding-sarif.h"
#include "formats/scenario/scenario-reader.h"
#include "output-file.h"
#include "reports/junit-xml.h"
#include "reports/verify-output.h"
#include "segproof/version.h"
#include "verifier/intent-verifier.h"

#include <iostream>
#include <memory>
#include <stdexcept>
#include <string>

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
    std::string sarif;
    std::string junit;
    std::string timeout = "600";
};

/// --timeout in seconds, from 1 ms to Limits::kMaxSolverTimeout_s (Z3 takes whole ms in an
/// unsigned int); throws InputError otherwise.
double
TimeoutSeconds(const std::string& text)
{
    double seconds = 0;
    std::size_t used = 0;
    try
    {
        seconds = std::stod(text, &used);
    }
    catch (const std::exception&)
    {
        used = 0;
    }
    if (used == 0 || used != text.size() || !(seconds >= 0.001) ||
        seconds > core::Limits::kMaxSolverTimeout_s)
    {
        throw core::InputError(core::SourceLocation{"--timeout", 0, 0},
                               "'--timeout' must be a number of seconds from 0.001 to 86400 (a "
                               "day; the limit; see docs/limits.md), got '" +
                                   text + "'");
    }
    return seconds;
}

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
    command->add_option("--sarif", args->sarif,
                        "Also write the intents not proved as SARIF 2.1.0 to this file (CI "
                        "code scanning, docs/ci.md)");
    command->add_option("--junit", args->junit,
                        "Also write one JUnit test case per intent and posture to this file");
    command->add_option("--timeout", args->timeout,
                        "Solver time per intent, in seconds (default 600, at most 86400)");
    command->callback(
        [args, &exitCode]
        {
            const double timeoutSeconds = TimeoutSeconds(args->timeout);
            core::Scenario scenario = ReadScenarioWithWarnings(args->scenario);
            std::vector<core::Posture> postures = ResolvePostures(scenario, args->posture);
            verifier::VerifyOptions options;
            options.timeoutMs = static_cast<unsigned>(timeoutSeconds * 1000 + 0.5);
            verifier::IntentVerifier verifier(scenario, options);
            std::string json;
            std::vector<core::PostureVerdicts> verdicts;
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
                verdicts.push_back({posture, std::move(results)});
            }
            if (!args->sarif.empty())
            {
                formats::SarifRun run{
                    SEGPROOF_VERSION,
                    {"segproof", "verify", args->scenario, "--posture", args->posture}};
                WriteWholeFile(args->sarif, formats::VerifySarif(run, scenario, verdicts),
                               "--sarif");
            }
            if (!args->junit.empty())
            {
                WriteWholeFile(args->junit, reports::VerifyJunitXml(scenario, verdicts), "--junit");
            }
            if (!args->json.empty())
            {
                WriteWholeFile(args->json, json, "--json");
            }
        });
}

} // namespace cli
} // namespace segproof
