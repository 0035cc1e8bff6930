#include "campaign-options.h"
#include "commands.h"
#include "reports/html-report.h"
#include "reports/lint-output.h"
#include "reports/matrix-output.h"
#include "reports/report-text.h"
#include "reports/simulation-output.h"
#include "reports/verify-output.h"
#include "verifier/intent-verifier.h"
#include "verifier/reach-matrix-builder.h"
#include "verifier/rule-linter.h"
#include "verifier/z3-version.h"

#include <chrono>
#include <ctime>
#include <iostream>
#include <memory>
#include <sstream>

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
};

/// The command line that makes the same report again.
std::string
CommandLine(const ReportArguments& a, const std::string& postures)
{
    std::ostringstream out;
    const CampaignOptions& c = a.campaign;
    out << "segproof report " << c.scenario << " --posture " << postures << " --runs " << c.runs
        << " --seed " << c.seed << " --duration " << c.duration << " --lang " << a.language
        << " --by " << a.by;
    if (!a.against.empty())
    {
        out << " --against " << a.against;
    }
    return out.str();
}

std::string
UtcNow()
{
    std::time_t now = std::time(nullptr);
    std::tm utc{};
    gmtime_r(&now, &utc);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%d %H:%M UTC", &utc);
    return text;
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
    command->callback(
        [args, &exitCode]
        {
            auto start = std::chrono::steady_clock::now();
            const CampaignOptions& options = args->campaign;
            double duration = CampaignDuration(options);
            core::Scenario scenario = ReadScenarioWithWarnings(options.scenario);
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
                results.matrix = verifier::BuildReachMatrix(scenario, posture, grouping);
                verifyJson += reports::FormatVerifyJson(scenario, posture, results.intents);
                matrixJson += reports::FormatMatrixJson(results.matrix);
                input.postures.push_back(std::move(results));
            }
            input.lint = verifier::LintScenario(scenario);
            if (before)
            {
                verifier::PolicyDiff diff = verifier::DiffScenarios(*before, scenario, "all");
                input.diff = reports::ReportDiff{
                    MakeDiffView(diff, args->against, options.scenario), &*before};
            }

            auto campaign = RunCampaignWithProgress(scenario, postures, options, duration);
            if (!campaign)
            {
                exitCode = kExitSimulationFailed;
                return;
            }
            input.runs = std::move(*campaign);
            std::vector<std::string> order = PostureNames(postures);
            input.campaign =
                MakeCampaignInfo(options, scenario, CommandLine(*args, PostureList(postures)));
            input.z3Version = verifier::Z3Version();
            input.generatedAt = UtcNow();
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
            input.wall_s =
                std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
            WriteOutputFile(out / "report.html", reports::HtmlReport(input));

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
