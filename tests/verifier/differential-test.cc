// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
// The Z3 verifier against brute-force enumeration with core's concrete evaluator, on
// thousands of random small scenarios: for every intent and posture the verdicts must agree.
// SEGPROOF_DIFFERENTIAL_CASES sets the number of scenarios (default 100; the long mode run
// by hand uses 10000 or more).

#include "core/input-error.h"
#include "formats/scenario/scenario-reader.h"
#include "random-scenario.h"
#include "verifier/class-policy.h"
#include "verifier/enumeration-checker.h"
#include "verifier/intent-verifier.h"

#include <algorithm>
#include <cstdlib>
#include <gtest/gtest.h>

namespace
{

using namespace segproof;

std::uint32_t
CaseCount()
{
    const char* env = std::getenv("SEGPROOF_DIFFERENTIAL_CASES");
    return env ? static_cast<std::uint32_t>(std::strtoul(env, nullptr, 10)) : 100;
}

TEST(DifferentialTest, Z3VerdictsEqualEnumerationOnRandomScenarios)
{
    std::uint32_t cases = CaseCount();
    std::size_t checks = 0;
    std::size_t violated = 0;
    std::size_t rejected = 0;
    for (std::uint32_t seed = 1; seed <= cases; ++seed)
    {
        std::string yaml = tests::RandomScenarioYaml(seed);
        std::optional<core::Scenario> scenario;
        try
        {
            scenario.emplace(formats::ReadScenarioText(yaml, "random-" + std::to_string(seed)));
        }
        catch (const core::InputError& e)
        {
            // A random draw may be invalid (e.g. a group nested in itself is impossible here,
            // but an intent end may be empty); count them so the test shows its reach.
            ++rejected;
            ADD_FAILURE() << "seed " << seed << " produced an invalid scenario:\n"
                          << e.what() << "\n"
                          << yaml;
            continue;
        }
        verifier::IntentVerifier z3(*scenario);
        verifier::EnumerationChecker enumeration(*scenario);
        std::vector<core::Posture> postures = scenario->Postures();
        postures.push_back(scenario->AllFirewallsPosture());
        for (const auto& posture : postures)
        {
            for (const auto& intent : scenario->Intents())
            {
                core::IntentResult proved = z3.Verify(intent, posture);
                core::IntentResult baseline = enumeration.Check(intent, posture);
                ++checks;
                violated += baseline.verdict == core::Verdict::Violated ? 1 : 0;
                ASSERT_EQ(core::VerdictName(proved.verdict), core::VerdictName(baseline.verdict))
                    << "seed " << seed << ", intent " << intent.id << ", posture " << posture.name
                    << "\n"
                    << yaml;
            }
        }
    }
    RecordProperty("checks", static_cast<int>(checks));
    std::cout << "[ differential ] " << cases << " scenarios, " << checks << " intent checks ("
              << violated << " violated, " << checks - violated << " proved), " << rejected
              << " invalid draws\n";
    // Both verdicts must occur, or the comparison proves little.
    EXPECT_GT(violated, checks / 10);
    EXPECT_LT(violated, checks - checks / 10);
}

TEST(DifferentialTest, ClassPolicyEqualsConcreteEvaluatorOnEveryClassPairAndCell)
{
    std::uint32_t cases = std::max<std::uint32_t>(1, CaseCount() / 3);
    std::size_t evaluations = 0;
    std::size_t delivered = 0;
    for (std::uint32_t seed = 1; seed <= cases; ++seed)
    {
        core::Scenario scenario =
            formats::ReadScenarioText(tests::RandomScenarioYaml(seed), "random.yaml");
        core::AddressClasses classes(scenario);
        std::vector<core::ServiceClass> cells = core::ServiceClasses(scenario);
        verifier::ClassPolicy policy(scenario, classes, cells);
        core::ConcreteEvaluator evaluator(scenario);
        std::vector<core::Posture> postures = scenario.Postures();
        postures.push_back(scenario.AllFirewallsPosture());
        const core::AddressSet& off = scenario.Intents().front().assumeCompromised.addresses;
        verifier::CellSet offClasses = policy.ClassesIn(off);
        const auto& all = classes.Classes();
        for (const auto& posture : postures)
        {
            for (std::size_t s = 0; s < all.size(); ++s)
            {
                for (std::size_t d = 0; d < all.size(); ++d)
                {
                    verifier::CellSet lifted = policy.Delivered(s, d, posture, offClasses);
                    core::Connection c;
                    c.source = all[s].representative;
                    c.destination = s == d ? all[d].AnotherMember(c.source) : all[d].representative;
                    for (std::size_t cell = 0; cell < cells.size(); ++cell)
                    {
                        cells[cell].ApplyTo(c);
                        core::Evaluation e = evaluator.Evaluate(c, posture, off);
                        bool concrete = e.inModel && c.source != c.destination && e.delivered;
                        ++evaluations;
                        delivered += concrete ? 1 : 0;
                        ASSERT_EQ(lifted.Test(cell), concrete)
                            << "seed " << seed << " posture " << posture.name << " " << c.ToString()
                            << " cell " << cells[cell].ToString();
                    }
                }
            }
        }
    }
    std::cout << "[ differential ] " << evaluations << " (class pair, cell) evaluations, "
              << delivered << " delivered\n";
    EXPECT_GT(delivered, evaluations / 20);
    EXPECT_LT(delivered, evaluations - evaluations / 20);
}

} // namespace
