// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
// The attack's and the defence's behaviours as ns-3 objects on their own (sim/run/, sim/defender/):
// the infection rules every behaviour acts on, the order its sinks hear an infection in, and
// AV/EDR driven by its attributes alone.

#include "formats/scenario/scenario-reader.h"
#include "sim/defender/antivirus.h"
#include "sim/run/infection-state.h"
#include "sim/run/random-streams.h"

#include <gtest/gtest.h>
#include <ns3/boolean.h>
#include <ns3/callback.h>
#include <ns3/double.h>
#include <ns3/simulator.h>
#include <string>
#include <vector>

namespace
{

using namespace segproof;

/// Four desktops; pc4 runs Linux.
core::Scenario
FourDesktops()
{
    return formats::ReadScenarioText(R"(format: segproof/v1
name: four
estate:
  segments:
    - {name: lan, cidr: 10.0.0.0/24}
  machines:
    - {name: "pc[1-3]", kind: desktop, segment: lan, os: Windows 10}
    - {name: pc4, kind: server, segment: lan, os: Linux}
postures:
  flat: []
)",
                                     "four.yaml");
}

/// What the sinks heard, in order.
struct Heard
{
    std::vector<std::string> calls;
    void Removal(core::Index machine) { calls.push_back("removed " + std::to_string(machine)); }
};

/// One "Infection" sink that writes down its name.
struct NamedSink
{
    std::string name;
    Heard* heard;
    void Infection(core::Index machine, bool phished)
    {
        heard->calls.push_back(name + " " + std::to_string(machine) + (phished ? " phished" : ""));
    }
};

TEST(InfectionStateTest, MovesTakeOnlyTakeableMachinesAndTheMailAny)
{
    core::Scenario s = FourDesktops();
    auto state = ns3::CreateObject<sim::InfectionState>(
        s.GetEstate(), std::vector<bool>{true, true, false, false});
    EXPECT_EQ(state->Susceptible(), (std::vector<core::Index>{0, 1}));
    EXPECT_FALSE(state->Infect(2, false)); // out of the moves' reach
    EXPECT_TRUE(state->Infect(2, true));   // but the mail infects it
    EXPECT_TRUE(state->Infect(0, false));
    EXPECT_FALSE(state->Infect(0, true)); // infected already
    EXPECT_EQ(state->Susceptible(), (std::vector<core::Index>{1}));
    EXPECT_EQ(state->InfectedNow(), 2u);
    state->Remove(0);
    EXPECT_FALSE(state->IsInfected(0));
    EXPECT_FALSE(state->Infect(0, true)); // cleaned: immune for the rest of the run
    EXPECT_EQ(state->InfectedNow(), 1u);
    core::RunResult r;
    state->Collect(r);
    EXPECT_EQ(r.everInfected, 2u);
    EXPECT_EQ(r.everInfectedDesktops, 2u);
    EXPECT_EQ(r.phished, 1u);
    EXPECT_EQ(r.infectedMachines, (std::vector<std::int32_t>{2, 0}));
    EXPECT_EQ(r.phishedMachines, (std::vector<std::int32_t>{2}));
}

TEST(InfectionStateTest, SinksHearAnInfectionInTheOrderTheyWereConnected)
{
    core::Scenario s = FourDesktops();
    auto state = ns3::CreateObject<sim::InfectionState>(s.GetEstate(), std::vector<bool>(4, true));
    Heard heard;
    std::vector<NamedSink> sinks{{"malware", &heard}, {"defence", &heard}, {"attacker", &heard}};
    for (NamedSink& sink : sinks)
    {
        state->TraceConnectWithoutContext("Infection",
                                          ns3::MakeCallback(&NamedSink::Infection, &sink));
    }
    state->TraceConnectWithoutContext("Removal", ns3::MakeCallback(&Heard::Removal, &heard));
    state->Infect(3, true);
    state->Remove(3);
    EXPECT_EQ(heard.calls, (std::vector<std::string>{"malware 3 phished", "defence 3 phished",
                                                     "attacker 3 phished", "removed 3"}));
}

TEST(AntivirusTest, DetectsAndRemovesByItsAttributes)
{
    core::Scenario s = FourDesktops();
    auto state = ns3::CreateObject<sim::InfectionState>(s.GetEstate(), std::vector<bool>(4, true));
    auto av = ns3::CreateObject<sim::Antivirus>(*state, sim::RandomStreams(1, 0));
    av->SetAttribute("DetectNew", ns3::DoubleValue(1));
    av->SetAttribute("MeanDelay", ns3::DoubleValue(10));
    av->SetAttribute("Removes", ns3::BooleanValue(true));
    state->TraceConnectWithoutContext(
        "Infection", ns3::MakeCallback(&sim::Antivirus::OnInfection, ns3::PeekPointer(av)));
    Heard heard;
    av->TraceConnectWithoutContext("Detection", ns3::MakeCallback(&Heard::Removal, &heard));
    state->Infect(0, true);
    state->Infect(1, false);
    ns3::Simulator::Run();
    ns3::Simulator::Destroy();
    EXPECT_EQ(state->InfectedNow(), 0u);
    EXPECT_EQ(heard.calls.size(), 2u);
    core::RunResult r;
    av->Collect(r);
    EXPECT_EQ(r.detected, 2u);
    EXPECT_EQ(r.alerts, 0u); // the alerts are the chain's (AlertChain), not counted twice
}

TEST(AntivirusTest, MissesAKnownSampleItCannotDetect)
{
    core::Scenario s = FourDesktops();
    auto state = ns3::CreateObject<sim::InfectionState>(s.GetEstate(), std::vector<bool>(4, true));
    auto av = ns3::CreateObject<sim::Antivirus>(*state, sim::RandomStreams(1, 0));
    av->SetAttribute("DetectNew", ns3::DoubleValue(1));
    av->SetAttribute("DetectKnown", ns3::DoubleValue(0));
    av->SetAttribute("NewSample", ns3::BooleanValue(false));
    state->TraceConnectWithoutContext(
        "Infection", ns3::MakeCallback(&sim::Antivirus::OnInfection, ns3::PeekPointer(av)));
    state->Infect(0, true);
    ns3::Simulator::Run();
    ns3::Simulator::Destroy();
    EXPECT_TRUE(state->IsInfected(0));
    core::RunResult r;
    av->Collect(r);
    EXPECT_EQ(r.detected, 0u);
}

} // namespace
