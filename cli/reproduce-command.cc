// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#include "campaign-options.h"
#include "commands.h"
#include "core/input-error.h"
#include "reports/number-format.h"
#include "research/random-constant-spread.h"
#include "research/reproduction-output.h"
#include "research/two-factor-comparison.h"
#include "research/worm-model.h"
#include "verifier/exposure.h"
#include "verifier/lateral-closure.h"

#include <cstdio>
#include <functional>
#include <iostream>
#include <memory>
#include <sstream>
#include <stdexcept>

namespace segproof
{
namespace cli
{

namespace
{
struct ModelArguments
{
    CampaignOptions campaign;
    std::string out = "out/reproduce";
    double tolerance = 0.1;
};

struct ExposureArguments
{
    std::string scenario;
    std::string postures = "each";
    std::string baseline = "flat";
};

/// The scenario's worm as the models read it; a scenario that is not one is bad input.
research::WormModel
WormModelOf(const core::Scenario& scenario, const std::string& file)
{
    try
    {
        return research::ReadWormModel(scenario);
    }
    catch (const std::invalid_argument& e)
    {
        const core::SourceLocation& attack = scenario.Attack().location;
        throw core::InputError(attack.file.empty() ? core::SourceLocation{file, 0, 0} : attack,
                               e.what());
    }
}

/// The one posture a model check simulates.
core::Posture
OnePosture(const core::Scenario& scenario, const CampaignOptions& options)
{
    std::vector<core::Posture> postures = ResolvePostures(scenario, options.posture);
    if (postures.size() != 1)
    {
        throw core::InputError(core::SourceLocation{"--posture", 0, 0},
                               "a model check simulates one posture; the scenario has " +
                                   std::to_string(postures.size()) + ": name one with --posture");
    }
    return postures.front();
}

std::string
CommandLine(const std::string& model, const CampaignOptions& a, const std::string& posture,
            double tolerance)
{
    std::ostringstream out;
    out << "segproof reproduce " << model << " " << a.scenario << " --posture " << posture
        << " --runs " << a.runs << " --seed " << a.seed << " --duration " << a.duration
        << " --tolerance " << tolerance;
    std::vector<std::string> settings;
    AppendSettings(settings, a);
    if (!settings.empty())
    {
        out << " " << ShellCommand(settings);
    }
    return out.str();
}

/// Adds the options of a model check (campaign options, --out, --tolerance).
CLI::App*
AddModelCommand(CLI::App& reproduce, const std::string& name, const std::string& description,
                ModelArguments& args)
{
    CLI::App* command = reproduce.add_subcommand(name, description);
    AddCampaignOptions(*command, args.campaign);
    command->add_option("--out", args.out,
                        "Output folder for reproduction.json, summary.json and timeseries.csv "
                        "(default out/reproduce)");
    command
        ->add_option("--tolerance", args.tolerance,
                     "Largest relative error that still agrees (default 0.1)")
        ->check(CLI::Range(0.0, 1.0));
    return command;
}

/// Simulates the one posture and writes summary.json and timeseries.csv; nullopt when a run
/// failed (already reported).
std::optional<std::vector<core::RunResult>>
Simulate(const core::Scenario& scenario, const core::Posture& posture, const ModelArguments& args,
         const std::string& model)
{
    double duration = CampaignDuration(args.campaign);
    std::filesystem::path out(args.out);
    CreateOutputFolder(out);
    auto runs = RunCampaignWithProgress(scenario, {posture}, args.campaign, duration);
    if (!runs)
    {
        return std::nullopt;
    }
    reports::CampaignInfo info = MakeCampaignInfo(
        args.campaign, scenario, CommandLine(model, args.campaign, posture.name, args.tolerance));
    WriteOutputFile(out / "summary.json", reports::SummaryJson(info, {posture.name}, *runs));
    WriteOutputFile(out / "timeseries.csv", reports::TimeseriesCsv({posture.name}, *runs));
    return runs;
}

/// What a model check found: the text to print, the files to write into --out and whether
/// segproof agrees with the model within the tolerance.
struct ModelCheckOutcome
{
    std::string text;
    std::vector<std::pair<std::string, std::string>> files; ///< (name, content)
    bool agrees = false;
};

using ModelCheck = std::function<ModelCheckOutcome(
    const research::WormModel&, const std::vector<core::RunResult>&, double tolerance)>;

/// Registers `reproduce NAME`: read the worm model, simulate one posture, run `check`.
void
RegisterModelCheck(CLI::App& reproduce, int& exitCode, const std::string& name,
                   const std::string& description, const std::string& duration, bool needsRemoval,
                   ModelCheck check)
{
    auto args = std::make_shared<ModelArguments>();
    args->campaign.duration = duration;
    CLI::App* command = AddModelCommand(reproduce, name, description, *args);
    command->get_option("--duration")
        ->description("Simulated time per run, e.g. 8h, 90m, 3600 (default " + duration + ")");
    command->callback(
        [args, &exitCode, name, needsRemoval, check]
        {
            core::Scenario scenario = ReadCampaignScenario(args->campaign);
            research::WormModel model = WormModelOf(scenario, args->campaign.scenario);
            if (needsRemoval && model.removalRate_per_s <= 0)
            {
                const core::SourceLocation& defence = scenario.Defence().location;
                throw core::InputError(defence.file.empty()
                                           ? core::SourceLocation{args->campaign.scenario, 0, 0}
                                           : defence,
                                       "the scenario removes no infected machine, so its curve "
                                       "cannot fall as the model's does (set defence: av: "
                                       "removes: true and a detection probability above 0)");
            }
            core::Posture posture = OnePosture(scenario, args->campaign);
            auto runs = Simulate(scenario, posture, *args, name);
            if (!runs)
            {
                exitCode = kExitSimulationFailed;
                return;
            }
            ModelCheckOutcome outcome = check(model, *runs, args->tolerance);
            std::filesystem::path out(args->out);
            std::cout << outcome.text;
            for (const auto& [file, content] : outcome.files)
            {
                WriteOutputFile(out / file, content);
                std::cout << "wrote " << (out / file).string() << "\n";
            }
            exitCode = outcome.agrees ? kExitOk : kExitFinding;
        });
}

void
RegisterLogistic(CLI::App& reproduce, int& exitCode)
{
    RegisterModelCheck(
        reproduce, exitCode, "logistic",
        "Random constant spread (Staniford et al. 2002): fit the logistic to every run's "
        "infected curve and compare K with r p N / Omega",
        "6h", false,
        [](const research::WormModel& model, const std::vector<core::RunResult>& runs,
           double tolerance)
        {
            research::RandomConstantSpreadCheck c =
                research::CheckRandomConstantSpread(model, runs, tolerance);
            return ModelCheckOutcome{
                research::RandomConstantSpreadText(model, c),
                {{"reproduction.json", research::RandomConstantSpreadJson(model, c)}},
                c.withinTolerance};
        });
}

void
RegisterTwoFactor(CLI::App& reproduce, int& exitCode)
{
    RegisterModelCheck(
        reproduce, exitCode, "two-factor",
        "Two-factor model (Zou et al. 2002): set the infected curve under detection and "
        "removal beside the model solved with the scenario's rates",
        "24h", true,
        [](const research::WormModel& model, const std::vector<core::RunResult>& runs,
           double tolerance)
        {
            research::TwoFactorComparison c =
                research::CompareWithTwoFactor(model, runs, tolerance);
            return ModelCheckOutcome{research::TwoFactorText(model, c),
                                     {{"reproduction.json", research::TwoFactorJson(model, c)},
                                      {"curves.csv", research::TwoFactorCurvesCsv(c)}},
                                     c.withinTolerance};
        });
}

std::string
Share(std::uint64_t part, std::uint64_t whole)
{
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.1f%%",
                  whole == 0 ? 0.0
                             : 100.0 * static_cast<double>(part) / static_cast<double>(whole));
    return buffer;
}

std::string
Reduction(std::uint64_t before, std::uint64_t after)
{
    if (before == 0)
    {
        return "-";
    }
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.1f%%",
                  100.0 * (1.0 - static_cast<double>(after) / static_cast<double>(before)));
    return buffer;
}

void
RegisterExposure(CLI::App& reproduce, int& exitCode)
{
    auto args = std::make_shared<ExposureArguments>();
    CLI::App* command = reproduce.add_subcommand(
        "exposure", "Segmentation as exposure reduction: machine pairs whose lateral services "
                    "are reachable, under each posture against a baseline");
    command->add_option("SCENARIO", args->scenario, "Scenario file (YAML, segproof/v1)")
        ->required();
    command->add_option("--posture", args->postures,
                        "Postures: a name, a comma-separated list, or 'each' (default: each)");
    command->add_option("--baseline", args->baseline,
                        "The posture reductions are measured against (default flat)");
    command->callback(
        [args, &exitCode]
        {
            core::Scenario scenario = ReadScenarioWithWarnings(args->scenario);
            core::Posture baseline = scenario.ResolvePosture(args->baseline, "--baseline");
            std::vector<core::Posture> postures = ResolvePostures(scenario, args->postures);
            std::vector<std::uint16_t> ports = verifier::LateralPorts(scenario);
            verifier::Exposure base = verifier::MeasureExposure(scenario, baseline, ports);
            std::string portList;
            for (std::uint16_t p : ports)
            {
                portList += (portList.empty() ? "tcp/" : ", tcp/") + std::to_string(p);
            }
            std::cout << "exposure of " << scenario.Name() << ": ordered pairs of machines "
                      << "(u, v) where v answers on " << portList
                      << " and a connection from u reaches it\n"
                      << reports::FormatThousands(base.machines) << " machines, "
                      << reports::FormatThousands(base.pairs) << " pairs; reduction against "
                      << baseline.name << "\n";
            char line[200];
            std::snprintf(line, sizeof line, "%-22s %22s %9s %22s %9s\n", "posture",
                          "exposed (host fw on)", "reduction", "exposed once u is owned",
                          "reduction");
            std::cout << line;
            for (const core::Posture& posture : postures)
            {
                verifier::Exposure e = verifier::MeasureExposure(scenario, posture, ports);
                std::snprintf(
                    line, sizeof line, "%-22s %22s %9s %22s %9s\n", posture.name.c_str(),
                    (reports::FormatThousands(e.reachable) + " " + Share(e.reachable, e.pairs))
                        .c_str(),
                    Reduction(base.reachable, e.reachable).c_str(),
                    (reports::FormatThousands(e.reachableOnceOwned) + " " +
                     Share(e.reachableOnceOwned, e.pairs))
                        .c_str(),
                    Reduction(base.reachableOnceOwned, e.reachableOnceOwned).c_str());
                std::cout << line;
            }
            std::cout << "published: 60-90% less exposure with zero-trust micro-segmentation "
                         "(graph study, IEEE/IFIP NOMS 2022; docs/reproductions.md)\n";
            exitCode = kExitOk;
        });
}
} // namespace

void
RegisterReproduce(CLI::App& app, int& exitCode)
{
    CLI::App* reproduce = app.add_subcommand(
        "reproduce", "Set segproof beside published results (docs/reproductions.md)");
    reproduce->require_subcommand(1);
    RegisterLogistic(*reproduce, exitCode);
    RegisterTwoFactor(*reproduce, exitCode);
    RegisterExposure(*reproduce, exitCode);
}

} // namespace cli
} // namespace segproof
