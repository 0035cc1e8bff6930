// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#include "campaign-options.h"
#include "commands.h"
#include "reports/html-report.h"
#include "reports/lint-output.h"
#include "reports/matrix-output.h"
#include "reports/report-text.h"
#include "reports/simulation-output.h"
#include "reports/verify-output.h"
#include "results/run-environment.h"
#include "segproof/version.h"
#include "verifier/intent-verifier.h"
#include "verifier/reach-matrix-builder.h"
#include "verifier/rule-linter.h"
#include "verifier/z3-version.h"

#include <algorithm>
#include <chrono>
#include <ctime>
#include <iostream>
#include <memory>
#include <unistd.h>

namespace segproof
{
namespace cli
{

namespace
{
struct ReportArguments
{
    CampaignOptions campaign;
    std::string language = "en";
    std::string out = "out/report";
    std::string against;
    std::string by = "segment";
    std::string db;
};

/// The command that makes the same report again, in canonical form: every option that shapes
/// the outputs, spelled one way (postures listed, --duration canonical, defaults written out),
/// none that does not (--out, --jobs), so that rerunning it records the same command; --db
/// when `withDb` (the page draws runs that only the database holds).
std::string
CommandLine(const ReportArguments& a, const std::string& postures, bool withDb)
{
    const CampaignOptions& c = a.campaign;
    std::vector<std::pair<std::string, std::string>> options = {
        {"--posture", postures},
        {"--runs", std::to_string(c.runs)},
        {"--seed", std::to_string(c.seed)},
        {"--duration", CanonicalDuration(c)},
        {"--lang", a.language},
        {"--by", a.by}};
    if (!a.against.empty())
    {
        options.emplace_back("--against", a.against);
    }
    // Only when the page shows more than the runs (a sweep figure): else the files are those
    // of simulating the runs, and the command without --db remakes them.
    if (withDb)
    {
        options.emplace_back("--db", a.db);
    }
    std::vector<std::string> words = {"segproof", "report", c.scenario};
    for (const auto& [option, value] : options)
    {
        words.insert(words.end(), {option, value});
    }
    AppendSettings(words, c);
    return ShellCommand(words);
}

std::string
WorkingDirectory()
{
    std::error_code error;
    std::filesystem::path here = std::filesystem::current_path(error);
    return error ? std::string() : here.string();
}

/// "flat 4/9, segment-fw 6/9, ..." : intents proved per posture.
std::string
ProvedTally(const std::vector<reports::PostureResults>& postures)
{
    std::string text;
    for (const auto& p : postures)
    {
        std::size_t proved = 0;
        for (const auto& r : p.intents)
        {
            proved += r.verdict == core::Verdict::Proved ? 1 : 0;
        }
        text += (text.empty() ? "" : ", ") + p.posture.name + " " + std::to_string(proved) + "/" +
                std::to_string(p.intents.size());
    }
    return text;
}
} // namespace

void
RegisterReport(CLI::App& app, int& exitCode)
{
    auto args = std::make_shared<ReportArguments>();
    CLI::App* command = app.add_subcommand(
        "report", "Validate, verify, lint, matrix and simulate, written up as one self-contained "
                  "HTML page (DIR/report.html) with its JSON and CSV beside it");
    AddCampaignOptions(*command, args->campaign);
    command->add_option("--lang", args->language, "Language of the page: en (default) or ja")
        ->check(CLI::IsMember({"en", "ja"}));
    command->add_option("--out", args->out, "Output folder (default out/report)");
    command->add_option("--against", args->against,
                        "A second scenario (the version before a change): adds the policy diff");
    command->add_option("--by", args->by, "Matrix rows: segment (default) or group")
        ->check(CLI::IsMember({"segment", "group"}));
    command->add_option("--db", args->db,
                        "Take the runs from this results database (segproof campaign --db) "
                        "instead of simulating them; the report is the same, byte for byte, "
                        "but for a figure of each parameter the database sweeps around this "
                        "point (docs/report.md)");
    command->callback(
        [args, &exitCode]
        {
            auto start = std::chrono::steady_clock::now();
            const CampaignOptions& options = args->campaign;
            double duration = CampaignDuration(options);
            core::Scenario scenario = ReadCampaignScenario(options);
            std::vector<core::Posture> postures = ResolvePostures(scenario, options.posture);
            std::optional<core::Scenario> before;
            if (!args->against.empty())
            {
                before = ReadScenarioWithWarnings(args->against);
            }
            std::filesystem::path out(args->out);
            CreateOutputFolder(out);
            auto grouping =
                args->by == "group" ? core::MatrixGrouping::Group : core::MatrixGrouping::Segment;

            reports::RunRecord record; // what differs from run to run: run.json
            record.out = args->out;
            reports::ReportInput input;
            input.scenario = &scenario;
            input.language = *reports::ParseLanguage(args->language);
            std::string verifyJson;
            std::string matrixJson;
            verifier::IntentVerifier intentVerifier(scenario);
            for (const auto& posture : postures)
            {
                reports::PostureResults results;
                results.posture = posture;
                results.intents = intentVerifier.VerifyAll(posture);
                for (auto& intent : results.intents)
                {
                    // Solver time varies from run to run: run.json has it, verify.jsonl not.
                    record.solver_s.emplace_back(posture.name + "/" + intent.intentId,
                                                 intent.seconds);
                }
                results.matrix = verifier::BuildReachMatrix(scenario, posture, grouping);
                verifyJson += reports::FormatVerifyJson(scenario, posture, results.intents,
                                                        reports::SolverTimes::Omit);
                matrixJson += reports::FormatMatrixJsonLine(results.matrix);
                input.postures.push_back(std::move(results));
            }
            input.lint = verifier::LintScenario(scenario);
            if (before)
            {
                verifier::PolicyDiff diff = verifier::DiffScenarios(*before, scenario, "all");
                input.diff =
                    reports::ReportDiff{MakeDiffView(diff, args->against, options.scenario),
                                        &*before, FileSha256(args->against)};
            }

            std::vector<std::pair<std::string, std::uint64_t>> runVersions;
            auto campaign = args->db.empty()
                                ? RunCampaignWithProgress(scenario, postures, options, duration)
                                : std::optional<std::vector<core::RunResult>>(
                                      RunsFromDatabase(args->db, options, postures, runVersions));
            if (!campaign)
            {
                exitCode = kExitSimulationFailed;
                return;
            }
            input.runs = std::move(*campaign);
            if (!args->db.empty())
            {
                std::vector<std::string> warnings;
                input.sweeps = SweepsFromDatabase(args->db, options, postures, warnings);
                for (const auto& warning : warnings)
                {
                    std::cerr << "segproof: warning: --db: " << warning << "\n";
                }
            }
            std::vector<std::string> order = PostureNames(postures);
            input.campaign =
                MakeCampaignInfo(options, scenario,
                                 CommandLine(*args, PostureList(postures), !input.sweeps.empty()));
            // Named in the report only when some run is not this version's, so that a report
            // from the database stays the same file as simulating (tests/cli/campaign-local.sh).
            const bool otherVersion =
                std::any_of(runVersions.begin(), runVersions.end(),
                            [](const auto& v) { return v.first != SEGPROOF_VERSION; });
            if (otherVersion)
            {
                input.campaign.runVersions = runVersions;
            }
            if (runVersions.size() > 1)
            {
                std::cerr << "segproof: warning: the report mixes runs of more than one segproof "
                             "version ("
                          << DescribeRunVersions(runVersions) << "); its figures pool two models\n";
            }
            input.z3Version = verifier::Z3Version();
            input.files = {"summary.json", "timeseries.csv", "verify.jsonl", "matrix.jsonl",
                           "lint.json"};
            WriteOutputFile(out / "summary.json",
                            reports::SummaryJson(input.campaign, order, input.runs));
            WriteOutputFile(out / "timeseries.csv", reports::TimeseriesCsv(order, input.runs));
            WriteOutputFile(out / "verify.jsonl", verifyJson);
            WriteOutputFile(out / "matrix.jsonl", matrixJson);
            WriteOutputFile(out / "lint.json", reports::FormatLintJson(input.lint));
            if (input.diff)
            {
                WriteOutputFile(out / "diff.json",
                                reports::FormatDiffJson(input.diff->view, before->GetEstate(),
                                                        scenario.GetEstate()));
                input.files.push_back("diff.json");
            }
            input.files.push_back("run.json");
            WriteOutputFile(out / "report.html", reports::HtmlReport(input));
            record.command = input.campaign.command;
            record.generatedAt = results::UtcNow();
            record.jobs = CampaignWorkers(options.jobs);
            record.host = results::HostName();
            record.workingDirectory = WorkingDirectory();
            record.wall_s =
                std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
            WriteOutputFile(out / "run.json", reports::RunJson(record));

            std::cout << reports::SimulationTable(input.campaign, order, input.runs);
            std::cout << "intents proved: " << ProvedTally(input.postures) << "\n";
            std::cout << "lint findings: " << input.lint.findings.size() << "\n";
            std::cout << "wrote " << (out / "report.html").string() << " (and";
            for (const auto& file : input.files)
            {
                std::cout << " " << file;
            }
            std::cout << " beside it)\n";
            exitCode = kExitOk;
        });
}

} // namespace cli
} // namespace segproof
