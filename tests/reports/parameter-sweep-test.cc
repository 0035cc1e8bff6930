// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#include "reports/parameter-sweep.h"

#include <gtest/gtest.h>
#include <stdexcept>

namespace
{

using namespace segproof;

core::RunResult
MakeRun(const std::string& posture, std::uint64_t index, bool jewel)
{
    core::RunResult r;
    r.posture = posture;
    r.run = index;
    if (jewel)
    {
        r.timeToCrownJewel_s = 3600;
    }
    return r;
}

TEST(WilsonIntervalTest, MatchesThePublishedValues)
{
    // Newcombe (1998), table I: 0 of 10, 10 of 10, 5 of 10 (z = 1.96).
    reports::Proportion none = reports::WilsonInterval(0, 10);
    EXPECT_EQ(none.share, 0);
    EXPECT_EQ(none.low, 0);
    EXPECT_NEAR(none.high, 0.2775, 1e-4);
    reports::Proportion all = reports::WilsonInterval(10, 10);
    EXPECT_NEAR(all.low, 0.7225, 1e-4);
    EXPECT_EQ(all.high, 1);
    reports::Proportion half = reports::WilsonInterval(5, 10);
    EXPECT_EQ(half.share, 0.5);
    EXPECT_NEAR(half.low, 0.2366, 1e-4);
    EXPECT_NEAR(half.high, 0.7634, 1e-4);
    // More runs, a narrower interval around the same share.
    reports::Proportion many = reports::WilsonInterval(50, 100);
    EXPECT_GT(many.low, half.low);
    EXPECT_LT(many.high, half.high);
}

TEST(WilsonIntervalTest, NoTrialsOrMoreSuccessesThanTrialsThrow)
{
    EXPECT_THROW(reports::WilsonInterval(0, 0), std::invalid_argument);
    EXPECT_THROW(reports::WilsonInterval(3, 2), std::invalid_argument);
}

TEST(SweepValueOrderTest, DurationsAndNumbersByMagnitudeOthersByText)
{
    EXPECT_EQ(reports::SweepValueOrder({"1h", "10m", "30s", "2d", "90m"}),
              (std::vector<std::string>{"30s", "10m", "1h", "90m", "2d"}));
    EXPECT_EQ(reports::SweepValueOrder({"10", "5", "0.5"}),
              (std::vector<std::string>{"0.5", "5", "10"}));
    EXPECT_EQ(reports::SweepValueOrder({"1MB", "500KB", "2GB"}),
              (std::vector<std::string>{"500KB", "1MB", "2GB"}));
    EXPECT_EQ(reports::SweepValueOrder({"[smb, rdp]", "[smb]", "[rdp]"}),
              (std::vector<std::string>{"[rdp]", "[smb, rdp]", "[smb]"}));
    // One value that is no duration: every value by its text.
    EXPECT_EQ(reports::SweepValueOrder({"10m", "soon", "5m"}),
              (std::vector<std::string>{"10m", "5m", "soon"}));
}

TEST(CrownJewelShareBySweepTest, OneLinePerPostureWithItsWilsonBandAtEachValue)
{
    reports::ParameterSweep sweep;
    sweep.path = "defence.quarantine.reaction_delay";
    sweep.values = {{"30s",
                     {MakeRun("microseg", 0, false), MakeRun("microseg", 1, false),
                      MakeRun("flat", 0, true), MakeRun("flat", 1, true)}},
                    {"10m",
                     {MakeRun("microseg", 1, false), MakeRun("microseg", 0, true),
                      MakeRun("flat", 0, true), MakeRun("flat", 1, true)}}};
    auto series = reports::CrownJewelShareBySweep({"flat", "microseg"}, sweep);
    ASSERT_EQ(series.size(), 2u);
    EXPECT_EQ(series[0].label, "flat");
    EXPECT_EQ(series[0].x, (std::vector<double>{0, 1}));
    EXPECT_EQ(series[0].median, (std::vector<double>{1, 1}));
    EXPECT_EQ(series[1].median, (std::vector<double>{0, 0.5}));
    reports::Proportion half = reports::WilsonInterval(1, 2);
    EXPECT_EQ(series[1].low[1], half.low);
    EXPECT_EQ(series[1].high[1], half.high);
    EXPECT_EQ(series[1].low[0], 0);
    EXPECT_GT(series[1].high[0], 0.5) << "0 of 2 says little";
    // A value without runs of a posture cannot be drawn.
    sweep.values[1].runs.resize(2);
    EXPECT_THROW(reports::CrownJewelShareBySweep({"flat", "microseg"}, sweep),
                 std::invalid_argument);
}

} // namespace
