#include "commands.h"
#include "core/input-error.h"
#include "core/units.h"
#include "reports/sha256.h"
#include "reports/simulation-output.h"
#include "segproof/version.h"
#include "sim/attack-simulation.h"
#include "sim/campaign.h"

#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <thread>

namespace segproof
{
namespace cli
{

namespace
{
struct SimulateArguments
{
    std::string scenario;
    std::string posture = "each";
    std::uint64_t runs = 20;
    std::uint64_t seed = 1;
    std::string duration = "8h";
    std::string out = "out/simulate";
    unsigned jobs = 0;
    bool pcap = false;
    bool flowMonitor = false;
    std::uint64_t traceRun = 0;
};

std::string
ReadFile(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

void
WriteFile(const std::filesystem::path& path, const std::string& text)
{
    std::ofstream out(path, std::ios::binary);
    out << text;
    if (!out)
    {
        throw core::InputError(core::SourceLocation{"--out", 0, 0},
                               "cannot write '" + path.string() + "'");
    }
}

/// The command line as typed, for the provenance record.
std::string
CommandLine(const SimulateArguments& a, const std::string& postures)
{
    std::ostringstream out;
    out << "segproof simulate " << a.scenario << " --posture " << postures << " --runs " << a.runs
        << " --seed " << a.seed << " --duration " << a.duration;
    return out.str();
}
} // namespace

void
RegisterSimulate(CLI::App& app, int& exitCode)
{
    auto args = std::make_shared<SimulateArguments>();
    CLI::App* command = app.add_subcommand(
        "simulate", "ns-3 replay of the attack under each posture, over many seeded runs");
    command->add_option("SCENARIO", args->scenario, "Scenario file (YAML, segproof/v1)")
        ->required();
    command->add_option("--posture", args->posture,
                        "Postures: a name, a comma-separated list, or 'each' (default: each)");
    command->add_option("--runs", args->runs, "Runs per posture (default 20)")
        ->check(CLI::Range(std::uint64_t{1}, std::uint64_t{100000}));
    command->add_option("--seed", args->seed, "Campaign seed (default 1)");
    command->add_option("--duration", args->duration,
                        "Simulated time per run, e.g. 8h, 90m, 3600 (default 8h)");
    command->add_option("--out", args->out,
                        "Output folder for summary.json and timeseries.csv (default out/simulate)");
    command->add_option("--jobs", args->jobs, "Runs in parallel (default: number of cores)");
    command->add_flag("--pcap", args->pcap,
                      "Write pcap files of one run per posture (see --trace-run) to OUT/pcap/");
    command->add_flag("--flowmon", args->flowMonitor,
                      "Write FlowMonitor XML of one run per posture to OUT/flowmon-POSTURE.xml");
    command->add_option("--trace-run", args->traceRun,
                        "The run --pcap and --flowmon trace (default 0)");
    command->callback(
        [args, &exitCode]
        {
            std::optional<double> duration = core::ParseDuration(args->duration);
            if (!duration || *duration <= 0 || *duration > 365 * 86400.0)
            {
                throw core::InputError(core::SourceLocation{"--duration", 0, 0},
                                       "'--duration' must be a duration such as 8h, 90m or "
                                       "3600 (at most 365d), got '" +
                                           args->duration + "'");
            }
            core::Scenario scenario = ReadScenarioWithWarnings(args->scenario);
            std::vector<core::Posture> postures = ResolvePostures(scenario, args->posture);
            std::filesystem::path out(args->out);
            std::error_code error;
            std::filesystem::create_directories(out, error);
            if (error)
            {
                throw core::InputError(core::SourceLocation{"--out", 0, 0},
                                       "cannot create '" + out.string() + "': " + error.message());
            }
            sim::CampaignSettings settings;
            settings.postures = postures;
            settings.runs = args->runs;
            settings.run.seed = args->seed;
            settings.run.duration_s = *duration;
            settings.run.sampleInterval_s = std::max(1.0, *duration / 480.0);
            settings.tracedRun = args->traceRun;
            if (args->pcap)
            {
                std::filesystem::create_directories(out / "pcap", error);
                settings.run.pcapPrefix = (out / "pcap" / "segproof").string();
            }
            if (args->flowMonitor)
            {
                settings.run.flowMonitorFile = (out / "flowmon.xml").string();
            }
            unsigned cores = std::max(1U, std::thread::hardware_concurrency());
            settings.workers = args->jobs == 0 ? cores : args->jobs;

            std::vector<core::RunResult> runs;
            try
            {
                runs = sim::RunCampaign(scenario, settings);
            }
            catch (const std::runtime_error& e)
            {
                std::cerr << "segproof: simulation failed: " << e.what() << "\n";
                exitCode = 3;
                return;
            }
            std::vector<std::string> order;
            std::string postureList;
            for (const auto& p : postures)
            {
                order.push_back(p.name);
                postureList += (postureList.empty() ? "" : ",") + p.name;
            }
            reports::CampaignInfo info;
            info.scenarioFile = args->scenario;
            info.scenarioName = scenario.Name();
            info.scenarioSha256 = reports::Sha256Hex(ReadFile(args->scenario));
            info.seed = args->seed;
            info.runs = args->runs;
            info.duration_s = *duration;
            info.segproofVersion = SEGPROOF_VERSION;
            info.ns3Version = sim::Ns3Version();
            info.command = CommandLine(*args, postureList);
            info.attackProfile = core::AttackProfileName(scenario.Attack().profile);
            WriteFile(out / "summary.json", reports::SummaryJson(info, order, runs));
            WriteFile(out / "timeseries.csv", reports::TimeseriesCsv(order, runs));
            std::cout << reports::SimulationTable(info, order, runs);
            std::cout << "wrote " << (out / "summary.json").string() << " and "
                      << (out / "timeseries.csv").string() << "\n";
            exitCode = kExitOk;
        });
}

} // namespace cli
} // namespace segproof
