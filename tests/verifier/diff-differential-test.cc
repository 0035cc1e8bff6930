// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
// segproof diff against brute force: for random scenarios and a mutated copy, every
// (source, destination, service cell) whose fate changed lies in exactly the cubes that
// `diff` reports, and every connection of a reported cube did change.

#include "core/address-classes.h"
#include "core/concrete-evaluator.h"
#include "core/service-classes.h"
#include "formats/scenario/scenario-reader.h"
#include "random-scenario.h"
#include "verifier/policy-diff.h"

#include <cstdlib>
#include <gtest/gtest.h>

namespace
{

using namespace segproof;

/// Flips the first allow to drop and the first drop to allow, and re-enables a disabled rule.
std::string
Mutate(std::string yaml)
{
    auto swap = [&yaml](const std::string& from, const std::string& to)
    {
        auto at = yaml.find(from, yaml.find("firewalls:"));
        if (at != std::string::npos)
        {
            yaml.replace(at, from.size(), to);
        }
    };
    swap("action: allow", "action: drop!");
    swap("action: drop}", "action: allow}");
    swap("action: drop!", "action: drop");
    swap(", disabled: true", "");
    return yaml;
}

bool
InCube(const verifier::DiffCube& cube, const core::Connection& c)
{
    if (!cube.sourceAddresses.Contains(c.source) ||
        !cube.destinationAddresses.Contains(c.destination))
    {
        return false;
    }
    for (const auto& cell : cube.serviceCells)
    {
        core::Connection probe;
        cell.ApplyTo(probe);
        if (probe.protocol == c.protocol && cell.destinationPorts.Contains(c.destinationPort) &&
            cell.sourcePorts.Contains(c.sourcePort) && cell.icmpTypes.Contains(c.icmpType))
        {
            return true;
        }
    }
    return false;
}

TEST(DiffDifferentialTest, CubesHoldExactlyTheConnectionsWhoseFateChanged)
{
    const char* env = std::getenv("SEGPROOF_DIFFERENTIAL_CASES");
    std::uint32_t cases = env ? static_cast<std::uint32_t>(std::strtoul(env, nullptr, 10)) : 100;
    std::size_t changed = 0;
    std::size_t cubes = 0;
    for (std::uint32_t seed = 1; seed <= cases; ++seed)
    {
        std::string yaml = tests::RandomScenarioYaml(seed);
        core::Scenario before = formats::ReadScenarioText(yaml, "before.yaml");
        core::Scenario after = formats::ReadScenarioText(Mutate(yaml), "after.yaml");
        verifier::PolicyDiff diff = verifier::DiffScenarios(before, after, "p-all");
        cubes += diff.newlyAllowed.size() + diff.newlyBlocked.size();
        core::AddressClasses classes(after, {&before});
        std::vector<core::ServiceClass> cells = core::ServiceClasses(after, {&before});
        core::ConcreteEvaluator was(before);
        core::ConcreteEvaluator now(after);
        const core::Posture& pb = *before.FindPosture("p-all");
        const core::Posture& pa = *after.FindPosture("p-all");
        const auto& all = classes.Classes();
        for (std::size_t s = 0; s < all.size(); ++s)
        {
            for (std::size_t d = 0; d < all.size(); ++d)
            {
                core::Connection c;
                c.source = all[s].representative;
                c.destination = s == d ? all[d].AnotherMember(c.source) : all[d].representative;
                if (c.source == c.destination)
                {
                    continue;
                }
                for (const auto& cell : cells)
                {
                    cell.ApplyTo(c);
                    bool wasDelivered =
                        was.Evaluate(c, pb).delivered && was.InModel(c.source, c.destination);
                    bool nowDelivered =
                        now.Evaluate(c, pa).delivered && now.InModel(c.source, c.destination);
                    std::size_t inAllowed = 0;
                    std::size_t inBlocked = 0;
                    for (const auto& cube : diff.newlyAllowed)
                    {
                        inAllowed += InCube(cube, c) ? 1 : 0;
                    }
                    for (const auto& cube : diff.newlyBlocked)
                    {
                        inBlocked += InCube(cube, c) ? 1 : 0;
                    }
                    changed += wasDelivered != nowDelivered ? 1 : 0;
                    ASSERT_EQ(inAllowed, !wasDelivered && nowDelivered ? 1u : 0u)
                        << "seed " << seed << " " << c.ToString();
                    ASSERT_EQ(inBlocked, wasDelivered && !nowDelivered ? 1u : 0u)
                        << "seed " << seed << " " << c.ToString();
                }
            }
        }
    }
    std::cout << "[ diff differential ] " << changed << " changed (pair, cell)s in " << cubes
              << " cubes\n";
    EXPECT_GT(changed, 0u);
}

} // namespace
