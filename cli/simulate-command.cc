// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#include "campaign-options.h"
#include "commands.h"
#include "reports/simulation-output.h"

#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>

namespace segproof
{
namespace cli
{

namespace
{
struct SimulateArguments
{
    CampaignOptions campaign;
    std::string out = "out/simulate";
    bool pcap = false;
    bool flowMonitor = false;
    std::uint64_t traceRun = 0;
    std::string flows;
};

/// The command line as typed, for the provenance record.
std::string
CommandLine(const CampaignOptions& a, const std::string& postures)
{
    std::ostringstream out;
    out << "segproof simulate " << a.scenario << " --posture " << postures << " --runs " << a.runs
        << " --seed " << a.seed << " --duration " << a.duration;
    std::vector<std::string> settings;
    AppendSettings(settings, a);
    if (!settings.empty())
    {
        out << " " << ShellCommand(settings);
    }
    return out.str();
}
} // namespace

void
RegisterSimulate(CLI::App& app, int& exitCode)
{
    auto args = std::make_shared<SimulateArguments>();
    CLI::App* command = app.add_subcommand(
        "simulate", "ns-3 replay of the attack under each posture, over many seeded runs");
    AddCampaignOptions(*command, args->campaign);
    command->add_option("--out", args->out,
                        "Output folder for summary.json and timeseries.csv (default out/simulate)");
    command->add_flag("--pcap", args->pcap,
                      "Write pcap files of one run per posture (see --trace-run) to OUT/pcap/");
    command->add_flag("--flowmon", args->flowMonitor,
                      "Write FlowMonitor XML of one run per posture to OUT/flowmon-POSTURE.xml");
    command->add_option("--trace-run", args->traceRun,
                        "The run --pcap and --flowmon trace (default 0)");
    command->add_option("--flows", args->flows,
                        "Write every session of every run (benign and attack) as a CSV flow "
                        "record to this file (docs/simulator.md)");
    command->callback(
        [args, &exitCode]
        {
            const CampaignOptions& options = args->campaign;
            double duration = CampaignDuration(options);
            core::Scenario scenario = ReadCampaignScenario(options);
            std::vector<core::Posture> postures = ResolvePostures(scenario, options.posture);
            std::filesystem::path out(args->out);
            CreateOutputFolder(out);
            std::string pcapPrefix;
            if (args->pcap)
            {
                CreateOutputFolder(out / "pcap");
                pcapPrefix = (out / "pcap" / "segproof").string();
            }
            std::string flowMonitorFile = args->flowMonitor ? (out / "flowmon.xml").string() : "";
            if (!args->flows.empty() && !std::ofstream(args->flows, std::ios::app))
            {
                throw core::InputError(core::SourceLocation{"--flows", 0, 0},
                                       "cannot write '" + args->flows + "'");
            }

            auto campaign =
                RunCampaignWithProgress(scenario, postures, options, duration, pcapPrefix,
                                        flowMonitorFile, args->traceRun, args->flows);
            if (!campaign)
            {
                exitCode = kExitSimulationFailed;
                return;
            }
            const std::vector<core::RunResult>& runs = *campaign;
            std::vector<std::string> order = PostureNames(postures);
            reports::CampaignInfo info =
                MakeCampaignInfo(options, scenario, CommandLine(options, PostureList(postures)));
            WriteOutputFile(out / "summary.json", reports::SummaryJson(info, order, runs));
            WriteOutputFile(out / "timeseries.csv", reports::TimeseriesCsv(order, runs));
            std::cout << reports::SimulationTable(info, order, runs);
            std::cout << "wrote " << (out / "summary.json").string() << " and "
                      << (out / "timeseries.csv").string() << "\n";
            if (!args->flows.empty())
            {
                std::cout << "wrote " << args->flows << "\n";
            }
            exitCode = kExitOk;
        });
}

} // namespace cli
} // namespace segproof
