// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
// Two engines, one truth: no simulated run infects a machine that the verifier's lateral
// closure (from that run's phished machines, under that posture) leaves out. The simulator
// never consults the verifier, so this is a real check of one against the other.

#include "core/units.h"
#include "formats/scenario/scenario-reader.h"
#include "sim/run/campaign.h"
#include "verifier/lateral-closure.h"

#include <cstdlib>
#include <gtest/gtest.h>
#include <optional>
#include <set>
#include <string>

namespace
{

using namespace segproof;

const std::string kDir = SEGPROOF_SCENARIOS_DIR "/";

std::set<std::string>
Names(const core::Scenario& scenario, const std::vector<bool>& reached)
{
    std::set<std::string> names;
    for (std::size_t i = 0; i < reached.size(); ++i)
    {
        if (reached[i])
        {
            names.insert(scenario.GetEstate().Machines()[i].name);
        }
    }
    return names;
}

std::vector<bool>
ClosureFrom(const core::Scenario& scenario, const std::string& posture, const std::string& machine)
{
    return verifier::LateralClosure(scenario, *scenario.FindPosture(posture),
                                    {scenario.GetEstate().FindMachine(machine)},
                                    verifier::LateralPorts(scenario));
}

TEST(LateralClosureTest, SeedMicrosegKeepsADesktopToTheServersItMayUse)
{
    core::Scenario seed = formats::ReadScenarioFile(kDir + "seed.yaml");
    // desktops-files and desktops-ad allow SMB to fs01 and ad01; servers-ad lets fs01 on to
    // ad01; nothing reaches another desktop.
    EXPECT_EQ(Names(seed, ClosureFrom(seed, "microseg", "vdi003")),
              (std::set<std::string>{"vdi003", "fs01", "ad01"}));
    // An administrator's desktop may also RDP / WinRM into every server.
    EXPECT_EQ(Names(seed, ClosureFrom(seed, "microseg", "vdi001")),
              (std::set<std::string>{"vdi001", "ad01", "fs01", "mail01", "proxy01"}));
}

TEST(LateralClosureTest, SeedFlatReachesEveryMachine)
{
    core::Scenario seed = formats::ReadScenarioFile(kDir + "seed.yaml");
    for (const char* posture : {"flat", "segment-fw", "host-fw"})
    {
        EXPECT_EQ(Names(seed, ClosureFrom(seed, posture, "vdi090")).size(),
                  seed.GetEstate().Machines().size())
            << posture;
    }
}

TEST(LateralClosureTest, WithoutLateralPortsOnlyTheStartIsReached)
{
    core::Scenario seed = formats::ReadScenarioFile(kDir + "seed.yaml");
    auto reached = verifier::LateralClosure(seed, *seed.FindPosture("flat"),
                                            {seed.GetEstate().FindMachine("vdi007")}, {});
    EXPECT_EQ(Names(seed, reached), (std::set<std::string>{"vdi007"}));
}

/// Every run of `scenario` under every posture stays inside the closure of its phished
/// machines; returns the number of runs that infected beyond them (so that the check bites).
std::size_t
ExpectRunsInsideTheClosure(const core::Scenario& scenario, std::uint64_t runs, double duration)
{
    sim::CampaignSettings settings;
    settings.postures = scenario.Postures();
    settings.runs = runs;
    settings.run.seed = 5;
    settings.run.duration_s = duration;
    settings.run.sampleInterval_s = duration / 8;
    settings.workers = 2;
    std::vector<core::RunResult> results = sim::RunCampaign(scenario, settings);
    std::vector<std::uint16_t> ports = verifier::LateralPorts(scenario);
    const auto& machines = scenario.GetEstate().Machines();
    std::size_t spread = 0;
    for (const auto& run : results)
    {
        EXPECT_FALSE(run.phishedMachines.empty()) << run.posture << " run " << run.run;
        std::vector<core::Index> initial(run.phishedMachines.begin(), run.phishedMachines.end());
        std::vector<bool> closure =
            verifier::LateralClosure(scenario, *scenario.FindPosture(run.posture), initial, ports);
        std::set<std::int32_t> infected(run.infectedMachines.begin(), run.infectedMachines.end());
        EXPECT_EQ(infected.size(), run.everInfected) << run.posture << " run " << run.run;
        for (std::int32_t m : infected)
        {
            EXPECT_TRUE(closure[static_cast<std::size_t>(m)])
                << scenario.Name() << " posture " << run.posture << " run " << run.run
                << ": the simulation infected " << machines[static_cast<std::size_t>(m)].name
                << ", which the verifier says the phished machines cannot reach";
        }
        std::set<std::int32_t> phished(run.phishedMachines.begin(), run.phishedMachines.end());
        spread += infected.size() > phished.size() ? 1 : 0;
    }
    return spread;
}

TEST(ClosureBoundTest, SeedRunsStayInsideTheVerifiersClosure)
{
    core::Scenario seed = formats::ReadScenarioFile(kDir + "seed.yaml");
    EXPECT_GT(ExpectRunsInsideTheClosure(seed, 3, 4 * 3600.0), 0U);
}

TEST(ClosureBoundTest, Jps2015RunsStayInsideTheVerifiersClosure)
{
    core::Scenario jps = formats::ReadScenarioFile(kDir + "jps-2015.yaml");
    EXPECT_GT(ExpectRunsInsideTheClosure(jps, 2, 4 * 3600.0), 0U);
}

// enterprise-10k: one run per posture of the simulated default 8 hours (spread under every
// posture, not only flat), a long mode only (minutes): SEGPROOF_ENTERPRISE_CLOSURE=1 ctest -R
// EnterpriseRuns; SEGPROOF_ENTERPRISE_CLOSURE_DURATION (e.g. 2h) shortens it.
TEST(ClosureBoundTest, EnterpriseRunsStayInsideTheVerifiersClosure)
{
    if (std::getenv("SEGPROOF_ENTERPRISE_CLOSURE") == nullptr)
    {
        GTEST_SKIP() << "long mode: set SEGPROOF_ENTERPRISE_CLOSURE=1";
    }
    const char* text = std::getenv("SEGPROOF_ENTERPRISE_CLOSURE_DURATION");
    std::optional<double> duration = core::ParseDuration(text != nullptr ? text : "8h");
    ASSERT_TRUE(duration && *duration > 0) << "SEGPROOF_ENTERPRISE_CLOSURE_DURATION: " << text;
    core::Scenario enterprise = formats::ReadScenarioFile(kDir + "enterprise-10k.yaml");
    EXPECT_GT(ExpectRunsInsideTheClosure(enterprise, 1, *duration), 0U);
}

// The bound bites: a flat run checked against microseg's closure (as if the simulator had
// ignored the DFW) infects machines outside it.
TEST(ClosureBoundTest, AFlatRunBreaksTheMicrosegClosure)
{
    core::Scenario seed = formats::ReadScenarioFile(kDir + "seed.yaml");
    sim::CampaignSettings settings;
    settings.postures = {*seed.FindPosture("flat")};
    settings.run.seed = 5;
    settings.run.duration_s = 4 * 3600.0;
    settings.run.sampleInterval_s = 3600;
    core::RunResult run = sim::RunCampaign(seed, settings).at(0);
    std::vector<core::Index> initial(run.phishedMachines.begin(), run.phishedMachines.end());
    std::vector<bool> closure = verifier::LateralClosure(seed, *seed.FindPosture("microseg"),
                                                         initial, verifier::LateralPorts(seed));
    std::size_t outside = 0;
    for (std::int32_t m : run.infectedMachines)
    {
        outside += closure[static_cast<std::size_t>(m)] ? 0 : 1;
    }
    EXPECT_GT(outside, 90U);
}

} // namespace
