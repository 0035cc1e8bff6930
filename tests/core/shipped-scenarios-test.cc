// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
// Every scenario shipped in scenarios/ reads without error and has the shape its header claims.

#include "formats/scenario/scenario-reader.h"

#include <gtest/gtest.h>
#include <set>

namespace
{

using namespace segproof::core;
using namespace segproof::formats;

const std::string kDir = SEGPROOF_SCENARIOS_DIR "/";

std::size_t
CountKind(const Scenario& s, MachineKind kind)
{
    std::size_t n = 0;
    for (const auto& m : s.GetEstate().Machines())
    {
        n += m.kind == kind ? 1 : 0;
    }
    return n;
}

std::vector<std::string>
PostureNames(const Scenario& s)
{
    std::vector<std::string> names;
    for (const auto& p : s.Postures())
    {
        names.push_back(p.name);
    }
    return names;
}

const std::vector<std::string> kBrochurePostures = {"flat",
                                                    "segment-fw",
                                                    "host-fw",
                                                    "microseg",
                                                    "microseg+quarantine",
                                                    "microseg+pattern+quarantine",
                                                    "microseg+ids",
                                                    "microseg+ids+quarantine",
                                                    "microseg+ips",
                                                    "microseg+ips+quarantine"};

TEST(ShippedScenarioTest, SeedIsTheBrochuresEstate)
{
    Scenario seed = ReadScenarioFile(kDir + "seed.yaml");
    EXPECT_EQ(CountKind(seed, MachineKind::Desktop), 100u);
    EXPECT_EQ(seed.GetEstate().Segments().size(), 2u);
    EXPECT_EQ(PostureNames(seed), kBrochurePostures);
    EXPECT_TRUE(seed.FindPosture("microseg+quarantine")->quarantine);
    const Machine& fs01 =
        seed.GetEstate().Machines()[static_cast<std::size_t>(seed.GetEstate().FindMachine("fs01"))];
    ASSERT_TRUE(fs01.holds.has_value());
    EXPECT_EQ(fs01.holds->records, 1250000u);
    EXPECT_FALSE(seed.GetEstate().Externals().empty());
}

TEST(ShippedScenarioTest, SeedWithNsxExportReadsTheSameEstate)
{
    Scenario nsx = ReadScenarioFile(kDir + "seed-nsx.yaml");
    EXPECT_EQ(nsx.GetEstate().Machines().size(), 104u);
    ASSERT_NE(nsx.FindFirewall(FirewallKind::Dfw), nullptr);
    EXPECT_EQ(nsx.FindFirewall(FirewallKind::Dfw)->defaultIn, Action::Drop);
    EXPECT_EQ(nsx.Warnings().size(), 1u); // the Ethernet section is skipped, and said so
}

TEST(ShippedScenarioTest, Enterprise10kHasTheIssuesSize)
{
    Scenario e = ReadScenarioFile(kDir + "enterprise-10k.yaml");
    EXPECT_EQ(CountKind(e, MachineKind::Desktop), 10000u);
    std::set<Index> desktopHosts;
    std::set<Index> desktopSegments;
    for (const auto& m : e.GetEstate().Machines())
    {
        if (m.kind == MachineKind::Desktop)
        {
            desktopHosts.insert(m.host);
            desktopSegments.insert(m.segment);
        }
    }
    EXPECT_EQ(desktopHosts.size(), 80u); // 90 desktop hosts, 10 of them spare (empty)
    EXPECT_EQ(desktopSegments.size(), 20u);
    std::size_t dfwRules = e.FindFirewall(FirewallKind::Dfw)->rules.size();
    EXPECT_GE(dfwRules, 1900u);
    EXPECT_LE(dfwRules, 2100u);
    std::size_t withAppliedTo = 0;
    for (const auto& r : e.FindFirewall(FirewallKind::Dfw)->rules)
    {
        withAppliedTo += r.AppliesEverywhere() ? 0 : 1;
    }
    EXPECT_GT(withAppliedTo, dfwRules * 9 / 10);
    EXPECT_FALSE(e.FindFirewall(FirewallKind::Gateway)->rules.empty());
    EXPECT_FALSE(e.FindFirewall(FirewallKind::Perimeter)->rules.empty());
    EXPECT_EQ(e.Intents().size(), 50u);
    EXPECT_EQ(PostureNames(e), kBrochurePostures);
}

TEST(ShippedScenarioTest, Jps2015HoldsTheLeakedRecords)
{
    Scenario jps = ReadScenarioFile(kDir + "jps-2015.yaml");
    std::uint64_t records = 0;
    for (const auto& m : jps.GetEstate().Machines())
    {
        records += m.holds ? m.holds->records : 0;
    }
    EXPECT_EQ(records, 1250000u);
    EXPECT_GE(CountKind(jps, MachineKind::Desktop), 31u); // 31 PCs were infected
    EXPECT_EQ(PostureNames(jps), kBrochurePostures);
}

TEST(ShippedScenarioTest, ResearchJps2015HasThePublicRecordsAttack)
{
    Scenario jps = ReadScenarioFile(kDir + "research/jps-2015.yaml");
    const AttackParameters& a = jps.Attack();
    EXPECT_EQ(a.initialAccess.targets.size(), 340u);
    EXPECT_EQ(a.initialAccess.mails, 124);
    EXPECT_EQ(a.initialAccess.opened, 5);
    EXPECT_EQ(a.initialAccess.window_s, 12 * 86400.0);
    EXPECT_EQ(a.sample, SampleKind::New);
    EXPECT_EQ(a.crownJewels, (std::vector<Index>{jps.GetEstate().FindMachine("fs01")}));
    EXPECT_EQ(a.exfiltrationVia, jps.GetEstate().FindMachine("proxy01"));
    EXPECT_EQ(PostureNames(jps), kBrochurePostures);
}

} // namespace
