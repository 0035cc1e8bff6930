// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#include "formats/scenario/scenario-reader.h"
#include "verifier/reach-matrix-builder.h"
#include "verifier/rule-linter.h"

#include <gtest/gtest.h>

namespace
{

using namespace segproof;

// Two segments; desktops d1..d4 (VMs) in a, server s1 (VM) in b.
const char* const kScenario = R"(
format: segproof/v1
name: lint-test
estate:
  segments:
    - {name: a, cidr: 10.1.0.0/24}
    - {name: b, cidr: 10.2.0.0/24}
  hosts: [{name: h1}]
  machines:
    - {name: "d[1-4]", kind: desktop, segment: a, host: h1, tags: [t|desk]}
    - {name: s1, kind: server, segment: b, host: h1, ip: 10.2.0.10, tags: [t|srv]}
  external: [{name: x, ip: 198.51.100.7}]
groups:
  desks: {tag: t|desk}
  first-two: {machines: ["d[1-2]"]}
  last-two: {machines: ["d[3-4]"]}
  srv: {tag: t|srv}
  nobody: {tag: t|none}
  seg-a: {segment: a}
services:
  smb: tcp/445
  web: [tcp/80, tcp/443]
firewalls:
  dfw:
    default: drop
    rules:
      - {id: r-first, from: first-two, to: srv, service: smb, action: allow}
      - {id: r-last, from: last-two, to: srv, service: smb, action: drop}
      - {id: r-all, from: desks, to: srv, service: smb, action: allow}
      - {id: r-dup, from: desks, to: srv, service: web, action: allow}
      - {id: r-dup-again, from: desks, to: srv, service: tcp/443, action: allow}
      - {id: r-empty, from: nobody, to: srv, service: any, action: drop}
      - {id: r-wide, from: any, to: any, service: any, action: allow}
  gateway:
    default: allow
    rules:
      - {id: g-inside, from: first-two, to: last-two, service: any, action: drop}
  perimeter:
    default: drop
    rules:
      - {id: p-inside, from: seg-a, to: srv, service: any, action: allow}
)";

const core::LintFinding*
Find(const verifier::LintReport& report, const std::string& rule, core::LintKind kind)
{
    for (const auto& f : report.findings)
    {
        if (f.rule == rule && f.kind == kind)
        {
            return &f;
        }
    }
    return nullptr;
}

TEST(RuleLinterTest, ShadowedRuleNamesTheMinimalSetOfEarlierRules)
{
    core::Scenario s = formats::ReadScenarioText(kScenario, "lint.yaml");
    verifier::LintReport report = verifier::LintScenario(s);
    const core::LintFinding* f = Find(report, "r-all", core::LintKind::Shadowed);
    ASSERT_NE(f, nullptr);
    EXPECT_EQ(f->severity, core::Severity::Error);
    // r-first allows d1-d2, r-last drops d3-d4: together they take all of r-all's traffic.
    EXPECT_EQ(f->why, (std::vector<std::string>{"r-first", "r-last"}));
    EXPECT_EQ(f->location.ToString(), "lint.yaml:29:9");
}

TEST(RuleLinterTest, RuleCoveredBySameActionIsRedundant)
{
    core::Scenario s = formats::ReadScenarioText(kScenario, "lint.yaml");
    verifier::LintReport report = verifier::LintScenario(s);
    const core::LintFinding* f = Find(report, "r-dup-again", core::LintKind::Redundant);
    ASSERT_NE(f, nullptr);
    EXPECT_EQ(f->why, (std::vector<std::string>{"r-dup"}));
}

TEST(RuleLinterTest, NeverMatchingRulesSayWhy)
{
    core::Scenario s = formats::ReadScenarioText(kScenario, "lint.yaml");
    verifier::LintReport report = verifier::LintScenario(s);
    const core::LintFinding* empty = Find(report, "r-empty", core::LintKind::NeverMatches);
    ASSERT_NE(empty, nullptr);
    EXPECT_EQ(empty->severity, core::Severity::Info); // a tag group, filled at run time
    const core::LintFinding* gateway = Find(report, "g-inside", core::LintKind::NeverMatches);
    ASSERT_NE(gateway, nullptr);
    EXPECT_NE(gateway->message.find("stays inside one segment"), std::string::npos);
    const core::LintFinding* perimeter = Find(report, "p-inside", core::LintKind::NeverMatches);
    ASSERT_NE(perimeter, nullptr);
    EXPECT_NE(perimeter->message.find("exactly one end outside"), std::string::npos);
}

TEST(RuleLinterTest, AnyToAnyAllowIsOverPermissive)
{
    core::Scenario s = formats::ReadScenarioText(kScenario, "lint.yaml");
    verifier::LintReport report = verifier::LintScenario(s);
    const core::LintFinding* f = Find(report, "r-wide", core::LintKind::OverPermissive);
    ASSERT_NE(f, nullptr);
    EXPECT_EQ(f->severity, core::Severity::Error);
}

TEST(RuleLinterTest, RulesPerVnicPastTheLimitIsAScaleFinding)
{
    core::Scenario s = formats::ReadScenarioText(kScenario, "lint.yaml");
    verifier::LintOptions options;
    options.maxRulesPerVnic = 5;
    verifier::LintReport report = verifier::LintScenario(s, options);
    EXPECT_EQ(report.dfwLoad.maxPerVnic, 7u); // no rule has applied_to: all 7 on every vNIC
    EXPECT_EQ(report.dfwLoad.maxPerHost, 35u);
    bool found = false;
    for (const auto& f : report.findings)
    {
        found = found || f.kind == core::LintKind::ScaleLimit;
    }
    EXPECT_TRUE(found);
    EXPECT_EQ(report.dfwLoad.rulesEverywhere, 7u);
}

TEST(ReachMatrixTest, PartialWhenOnlySomeMembersGetThrough)
{
    core::Scenario s = formats::ReadScenarioText(kScenario, "lint.yaml");
    core::ReachMatrix m =
        verifier::BuildReachMatrix(s, s.AllFirewallsPosture(), verifier::MatrixGrouping::Segment);
    ASSERT_EQ(m.rows, (std::vector<std::string>{"a", "b", "external"}));
    ASSERT_EQ(m.services, (std::vector<std::string>{"smb", "web"}));
    // smb a -> b: d1, d2 allowed by r-first, d3, d4 dropped by r-last.
    EXPECT_EQ(m.reach[0][0][1], core::Reach::Partial);
    // web a -> b: r-dup allows every desktop.
    EXPECT_EQ(m.reach[1][0][1], core::Reach::Full);
    // external -> a: the perimeter drops by default.
    EXPECT_EQ(m.reach[1][2][0], core::Reach::None);
    // external -> external: no connection to speak of.
    EXPECT_EQ(m.reach[0][2][2], core::Reach::NotApplicable);
}

} // namespace
