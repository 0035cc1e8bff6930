// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
// Every lint claim checked by brute force with core's first-match evaluation, on random
// scenarios: never-matching rules match no connection their firewall sees; shadowed and
// redundant (covered) rules match some but never decide; every other enabled rule decides
// some connection; the rules a finding names are enough to cover it and each is needed;
// correlations share traffic.

#include "core/address-classes.h"
#include "core/first-match.h"
#include "core/service-classes.h"
#include "formats/scenario/scenario-reader.h"
#include "random-scenario.h"
#include "verifier/rule-linter.h"

#include <cstdlib>
#include <gtest/gtest.h>
#include <map>
#include <set>

namespace
{

using namespace segproof;
using core::FirewallKind;

/// One connection a firewall sees, with the side and evaluating machine.
struct Seen
{
    core::Connection connection;
    core::Side side;
    std::optional<core::Ipv4Address> evaluating;
};

/// Every (class pair, service cell, side) the firewall of `kind` can see.
std::vector<Seen>
Visible(const core::Scenario& scenario, FirewallKind kind)
{
    core::AddressClasses classes(scenario);
    std::vector<core::ServiceClass> cells = core::ServiceClasses(scenario);
    const core::Estate& estate = scenario.GetEstate();
    const core::Firewall& fw = *scenario.FindFirewall(kind);
    std::vector<Seen> seen;
    const auto& all = classes.Classes();
    for (std::size_t s = 0; s < all.size(); ++s)
    {
        for (std::size_t d = 0; d < all.size(); ++d)
        {
            core::Connection c;
            c.source = all[s].representative;
            c.destination = s == d ? all[d].AnotherMember(c.source) : all[d].representative;
            core::Endpoint src = estate.Resolve(c.source);
            core::Endpoint dst = estate.Resolve(c.destination);
            bool srcInside = src.kind != core::Endpoint::Kind::External;
            bool dstInside = dst.kind != core::Endpoint::Kind::External;
            if (c.source == c.destination || (!srcInside && !dstInside))
            {
                continue;
            }
            auto vm = [&](const core::Endpoint& e)
            {
                return e.kind == core::Endpoint::Kind::Machine &&
                       estate.Machines()[static_cast<std::size_t>(e.machine)].host != core::kNone;
            };
            auto hostRuns = [&](const core::Endpoint& e, core::Ipv4Address ip) {
                return e.kind == core::Endpoint::Kind::Machine &&
                       fw.appliesTo.addresses.Contains(ip);
            };
            std::vector<std::pair<core::Side, std::optional<core::Ipv4Address>>> sides;
            switch (kind)
            {
            case FirewallKind::Dfw:
                if (vm(src))
                    sides.push_back({core::Side::Out, c.source});
                if (vm(dst))
                    sides.push_back({core::Side::In, c.destination});
                break;
            case FirewallKind::Host:
                if (hostRuns(src, c.source))
                    sides.push_back({core::Side::Out, c.source});
                if (hostRuns(dst, c.destination))
                    sides.push_back({core::Side::In, c.destination});
                break;
            case FirewallKind::Gateway:
                if (!(srcInside && dstInside && src.segment == dst.segment))
                    sides.push_back({core::Side::None, std::nullopt});
                break;
            case FirewallKind::Perimeter:
                if (srcInside != dstInside)
                    sides.push_back({core::Side::None, std::nullopt});
                break;
            }
            for (const auto& cell : cells)
            {
                cell.ApplyTo(c);
                for (const auto& [side, evaluating] : sides)
                {
                    seen.push_back({c, side, evaluating});
                }
            }
        }
    }
    return seen;
}

std::uint32_t
CaseCount()
{
    const char* env = std::getenv("SEGPROOF_DIFFERENTIAL_CASES");
    return env ? static_cast<std::uint32_t>(std::strtoul(env, nullptr, 10)) : 100;
}

TEST(LintDifferentialTest, EveryClaimHoldsUnderBruteForce)
{
    std::map<core::LintKind, std::size_t> claims;
    for (std::uint32_t seed = 1; seed <= CaseCount(); ++seed)
    {
        core::Scenario scenario =
            formats::ReadScenarioText(tests::RandomScenarioYaml(seed), "random.yaml");
        verifier::LintReport report = verifier::LintScenario(scenario);
        for (auto kind : core::kAllFirewallKinds)
        {
            const core::Firewall& fw = *scenario.FindFirewall(kind);
            std::map<std::string, std::size_t> index;
            for (std::size_t i = 0; i < fw.rules.size(); ++i)
            {
                index[fw.rules[i].id] = i;
            }
            std::vector<Seen> seen = Visible(scenario, kind);
            std::vector<bool> matched(fw.rules.size(), false);
            std::vector<bool> decided(fw.rules.size(), false);
            for (const auto& v : seen)
            {
                for (std::size_t i = 0; i < fw.rules.size(); ++i)
                {
                    if (core::RuleMatches(fw.rules[i], v.connection, v.side, v.evaluating))
                    {
                        matched[i] = true;
                    }
                }
                core::FirstMatch first =
                    core::EvaluateFirewall(fw, v.connection, v.side, v.evaluating);
                if (first.rule != nullptr)
                {
                    decided[static_cast<std::size_t>(first.rule - fw.rules.data())] = true;
                }
            }
            std::set<std::size_t> covered;
            std::set<std::size_t> neverMatches;
            for (const auto& f : report.findings)
            {
                if (f.firewall != kind || f.rule.empty())
                {
                    continue;
                }
                std::size_t i = index.at(f.rule);
                std::string where = "seed " + std::to_string(seed) + " " +
                                    core::FirewallKindName(kind) + " " + f.rule + ": " + f.message;
                ++claims[f.kind];
                std::vector<std::size_t> why;
                for (const auto& w : f.why)
                {
                    why.push_back(index.at(w));
                }
                bool coverage =
                    (f.kind == core::LintKind::Shadowed || f.kind == core::LintKind::Redundant) &&
                    !why.empty() && why.back() < i;
                if (f.kind == core::LintKind::NeverMatches)
                {
                    neverMatches.insert(i);
                    EXPECT_FALSE(matched[i]) << where;
                }
                if (coverage)
                {
                    covered.insert(i);
                    EXPECT_TRUE(matched[i] && !decided[i]) << where;
                    // The named rules alone take all of its traffic, and each is needed.
                    for (std::size_t drop = 0; drop <= why.size(); ++drop)
                    {
                        bool allCovered = true;
                        for (const auto& v : seen)
                        {
                            if (!core::RuleMatches(fw.rules[i], v.connection, v.side, v.evaluating))
                                continue;
                            bool byWhy = false;
                            for (std::size_t k = 0; k < why.size(); ++k)
                            {
                                byWhy = byWhy || (k != drop &&
                                                  core::RuleMatches(fw.rules[why[k]], v.connection,
                                                                    v.side, v.evaluating));
                            }
                            allCovered = allCovered && byWhy;
                        }
                        if (drop == why.size())
                            EXPECT_TRUE(allCovered)
                                << where << " (the named rules do not cover it)";
                        else
                            EXPECT_FALSE(allCovered)
                                << where << " (rule " << f.why[drop] << " is not needed)";
                    }
                }
                if (f.kind == core::LintKind::Redundant && !coverage)
                {
                    // Removing the rule changes no decision the firewall makes.
                    core::Firewall without = fw;
                    without.rules.erase(without.rules.begin() + static_cast<std::ptrdiff_t>(i));
                    for (const auto& v : seen)
                    {
                        EXPECT_EQ(
                            core::EvaluateFirewall(fw, v.connection, v.side, v.evaluating).action,
                            core::EvaluateFirewall(without, v.connection, v.side, v.evaluating)
                                .action)
                            << where << " " << v.connection.ToString();
                    }
                }
                if (f.kind == core::LintKind::Correlation)
                {
                    for (std::size_t j : why)
                    {
                        bool shared = false;
                        for (const auto& v : seen)
                        {
                            shared = shared || (core::RuleMatches(fw.rules[i], v.connection, v.side,
                                                                  v.evaluating) &&
                                                core::RuleMatches(fw.rules[j], v.connection, v.side,
                                                                  v.evaluating));
                        }
                        EXPECT_TRUE(shared) << where;
                    }
                }
            }
            for (std::size_t i = 0; i < fw.rules.size(); ++i)
            {
                if (fw.rules[i].disabled || neverMatches.count(i) || covered.count(i))
                {
                    continue;
                }
                EXPECT_TRUE(decided[i])
                    << "seed " << seed << " " << core::FirewallKindName(kind) << " rule "
                    << fw.rules[i].id << " decides nothing, yet lint did not say so";
            }
        }
    }
    std::cout << "[ lint differential ] claims checked:";
    for (const auto& [kind, n] : claims)
    {
        std::cout << " " << core::LintKindName(kind) << " " << n;
    }
    std::cout << "\n";
    EXPECT_GT(claims[core::LintKind::Shadowed], 0u);
    EXPECT_GT(claims[core::LintKind::NeverMatches], 0u);
}

} // namespace
