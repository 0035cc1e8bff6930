// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#include "commands.h"
#include "formats/sarif/finding-sarif.h"
#include "formats/scenario/scenario-reader.h"
#include "output-file.h"
#include "reports/diff-output.h"
#include "segproof/version.h"
#include "verifier/policy-diff.h"

#include <iostream>
#include <memory>

namespace segproof
{
namespace cli
{

namespace
{
struct DiffArguments
{
    std::string before;
    std::string after;
    std::string posture = "all";
    bool json = false;
    std::string sarif;
};

} // namespace

core::DiffView
MakeDiffView(const verifier::PolicyDiff& diff, const std::string& beforeFile,
             const std::string& afterFile)
{
    auto views = [](const std::vector<verifier::DiffCube>& cubes)
    {
        std::vector<core::DiffCubeView> result;
        for (const auto& c : cubes)
        {
            result.push_back({c.sources, c.destinations, c.services, c.example, c.before, c.after,
                              c.brokenIntents});
        }
        return result;
    };
    return {beforeFile, afterFile, diff.posture, views(diff.newlyAllowed),
            views(diff.newlyBlocked)};
}

void
RegisterDiff(CLI::App& app, int& exitCode)
{
    auto args = std::make_shared<DiffArguments>();
    CLI::App* command = app.add_subcommand(
        "diff", "Connections newly allowed and newly blocked between two versions (CI gate: "
                "exit 1 when something newly allowed breaks an intent)");
    command->add_option("OLD", args->before, "The scenario before the change")->required();
    command->add_option("NEW", args->after, "The scenario after the change")->required();
    command->add_option("--posture", args->posture,
                        "Posture (default: all, every defined firewall)");
    command->add_flag("--json", args->json, "Print JSON instead of text");
    command->add_option("--sarif", args->sarif,
                        "Also write the changed blocks as SARIF 2.1.0 to this file, each at the "
                        "new rule that decides it (CI code scanning, docs/ci.md)");
    command->callback(
        [args, &exitCode]
        {
            core::Scenario before = ReadScenarioWithWarnings(args->before);
            core::Scenario after = ReadScenarioWithWarnings(args->after);
            verifier::PolicyDiff diff = verifier::DiffScenarios(before, after, args->posture);
            core::DiffView view = MakeDiffView(diff, args->before, args->after);
            if (!args->sarif.empty())
            {
                formats::SarifRun run{
                    SEGPROOF_VERSION,
                    {"segproof", "diff", args->before, args->after, "--posture", args->posture}};
                WriteWholeFile(args->sarif, formats::DiffSarif(run, before, after, view),
                               "--sarif");
            }
            std::cout << (args->json
                              ? reports::FormatDiffJson(view, before.GetEstate(), after.GetEstate())
                              : reports::FormatDiffText(view, before.GetEstate(),
                                                        after.GetEstate()));
            exitCode = diff.BreaksIntent() ? kExitFinding : kExitOk;
        });
}

} // namespace cli
} // namespace segproof
