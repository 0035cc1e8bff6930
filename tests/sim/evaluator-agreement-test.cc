// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
// Attempt by attempt: every connection ns-3 delivers is one the concrete evaluator (the
// reference semantics) delivers, and vice versa, on random small scenarios.

#include "core/concrete-evaluator.h"
#include "core/service-classes.h"
#include "formats/scenario/scenario-reader.h"
#include "sim/probe/connection-probe.h"
#include "verifier/random-scenario.h"

#include <cstdlib>
#include <gtest/gtest.h>

namespace
{

using namespace segproof;

/// SEGPROOF_SIM_RANDOM_CASES overrides the number of random scenarios (for long runs).
std::uint32_t
RandomCases(std::uint32_t fallback)
{
    const char* env = std::getenv("SEGPROOF_SIM_RANDOM_CASES");
    return env ? static_cast<std::uint32_t>(std::strtoul(env, nullptr, 10)) : fallback;
}

std::vector<core::Connection>
AllAttempts(const core::Scenario& scenario, const core::ConcreteEvaluator& evaluator)
{
    std::vector<core::Ipv4Address> ends;
    for (const auto& m : scenario.GetEstate().Machines())
    {
        ends.push_back(m.ip);
    }
    for (const auto& e : scenario.GetEstate().Externals())
    {
        ends.push_back(e.ip);
    }
    std::vector<core::Connection> attempts;
    for (const auto& cell : core::ServiceClasses(scenario))
    {
        for (core::Ipv4Address s : ends)
        {
            for (core::Ipv4Address d : ends)
            {
                if (!evaluator.InModel(s, d))
                {
                    continue;
                }
                core::Connection c;
                cell.ApplyTo(c);
                c.source = s;
                c.destination = d;
                if (c.protocol == 6 || c.protocol == 17)
                {
                    bool ephemeral =
                        cell.sourcePorts.first <= 49152 && cell.sourcePorts.last >= 65535;
                    c.sourcePort = ephemeral ? 0 : c.sourcePort == 0 ? 1 : c.sourcePort;
                    if (c.destinationPort == 0 && cell.destinationPorts.last >= 1)
                    {
                        c.destinationPort = 1;
                    }
                }
                attempts.push_back(c);
            }
        }
    }
    return attempts;
}

TEST(EvaluatorAgreementTest, RandomScenariosAttemptByAttempt)
{
    for (std::uint32_t seed = 1; seed <= RandomCases(8); ++seed)
    {
        core::Scenario scenario = formats::ReadScenarioText(tests::RandomScenarioYaml(seed),
                                                            "random-" + std::to_string(seed));
        core::ConcreteEvaluator evaluator(scenario);
        std::vector<core::Connection> attempts = AllAttempts(scenario, evaluator);
        std::vector<core::Posture> postures = scenario.Postures();
        postures.push_back(scenario.AllFirewallsPosture());
        for (const auto& posture : postures)
        {
            sim::ConnectionProbe probe(scenario, posture);
            std::vector<bool> delivered = probe.Run(attempts);
            for (std::size_t i = 0; i < attempts.size(); ++i)
            {
                core::Connection reference = attempts[i];
                if (reference.sourcePort == 0 &&
                    (reference.protocol == 6 || reference.protocol == 17))
                {
                    reference.sourcePort = 49152;
                }
                core::Evaluation e = evaluator.Evaluate(reference, posture);
                std::string path;
                for (const auto& d : e.decisions)
                {
                    path += evaluator.Label(d.point) + ":" + d.RuleId() + ":" +
                            core::ActionName(d.action) + " ";
                }
                EXPECT_EQ(delivered[i], e.delivered)
                    << "seed " << seed << " posture " << posture.name << " "
                    << attempts[i].ToString() << " path " << path;
            }
        }
    }
}

} // namespace
