// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#include "reports/progress-text.h"
#include "reports/report-figures.h"

#include <gtest/gtest.h>
#include <stdexcept>

namespace
{

using namespace segproof;

core::RunResult
MakeRun(const std::string& posture, std::uint64_t index,
        std::vector<std::pair<double, std::uint32_t>> series, std::optional<double> jewel)
{
    core::RunResult r;
    r.posture = posture;
    r.run = index;
    r.infectedSeries = std::move(series);
    r.timeToCrownJewel_s = jewel;
    return r;
}

TEST(ReportFiguresTest, InfectionBandsArePercentilesAtEachSample)
{
    std::vector<core::RunResult> runs;
    for (std::uint32_t i = 0; i < 11; ++i) // at t=60: 0, 10, ..., 100
    {
        runs.push_back(MakeRun("flat", i, {{0, 1}, {60, 10 * i}}, std::nullopt));
    }
    auto bands = reports::InfectionBands({"flat"}, runs);
    ASSERT_EQ(bands.size(), 1u);
    EXPECT_EQ(bands[0].label, "flat");
    EXPECT_EQ(bands[0].x, (std::vector<double>{0, 60}));
    EXPECT_EQ(bands[0].median, (std::vector<double>{1, 50}));
    EXPECT_EQ(bands[0].low, (std::vector<double>{1, 10}));
    EXPECT_EQ(bands[0].high, (std::vector<double>{1, 90}));
}

TEST(ReportFiguresTest, AShorterRunHoldsItsLastValue)
{
    std::vector<core::RunResult> runs = {MakeRun("p", 0, {{0, 1}, {60, 5}, {120, 9}}, std::nullopt),
                                         MakeRun("p", 1, {{0, 1}, {60, 3}}, std::nullopt)};
    auto bands = reports::InfectionBands({"p"}, runs);
    EXPECT_EQ(bands[0].median, (std::vector<double>{1, 4, 6}));
}

TEST(ReportFiguresTest, RunsSampledAtDifferentTimesAreRejected)
{
    std::vector<core::RunResult> runs = {MakeRun("p", 0, {{0, 1}, {60, 5}}, std::nullopt),
                                         MakeRun("p", 1, {{0, 1}, {30, 3}}, std::nullopt)};
    EXPECT_THROW(reports::InfectionBands({"p"}, runs), std::invalid_argument);
    EXPECT_THROW(reports::InfectionBands({"q"}, runs), std::invalid_argument);
}

TEST(ReportFiguresTest, CdfEndsAtTheShareOfRunsThatReachedTheJewel)
{
    std::vector<core::RunResult> runs = {
        MakeRun("a", 0, {{0, 1}}, 300), MakeRun("a", 1, {{0, 1}}, std::nullopt),
        MakeRun("a", 2, {{0, 1}}, 100), MakeRun("a", 3, {{0, 1}}, std::nullopt),
        MakeRun("b", 0, {{0, 1}}, std::nullopt)};
    auto curves = reports::TimeToCrownJewelCdf({"a", "b"}, runs);
    ASSERT_EQ(curves.size(), 2u);
    EXPECT_EQ(curves[0].x, (std::vector<double>{100, 300}));
    EXPECT_EQ(curves[0].y, (std::vector<double>{0.25, 0.5}));
    EXPECT_TRUE(curves[1].x.empty());
}

TEST(ReportFiguresTest, ReachGridSkipsPairsWithNothingToSay)
{
    core::ReachMatrix m;
    m.rows = m.columns = {"vdi", "c2"};
    m.services = {"smb", "web"};
    using core::Reach;
    // reach[service][row][column]
    m.reach = {{{Reach::Full, Reach::None}, {Reach::None, Reach::NotApplicable}},
               {{Reach::Partial, Reach::Partial}, {Reach::None, Reach::NotApplicable}}};
    reports::MatrixGrid grid = reports::ReachGrid(m);
    EXPECT_EQ(grid.rows,
              (std::vector<std::string>{"vdi \u2192 vdi", "vdi \u2192 c2", "c2 \u2192 vdi"}));
    EXPECT_EQ(grid.levels[0], (std::vector<std::size_t>{2, 1}));
    EXPECT_EQ(grid.levels[1], (std::vector<std::size_t>{0, 1}));
}

TEST(ProgressTextTest, ShowsDoneRateAndTimeLeft)
{
    EXPECT_EQ(reports::FormatProgressLine(0, 100, 0, "runs"),
              "[........................] 0/100 runs  - runs/s  - left");
    EXPECT_EQ(reports::FormatProgressLine(25, 100, 50, "runs"),
              "[######..................] 25/100 runs  0.50 runs/s  2:30 left");
    EXPECT_EQ(reports::FormatProgressLine(100, 100, 3725, "runs"),
              "[########################] 100/100 runs  done in 1:02:05");
    EXPECT_LE(reports::FormatProgressLine(99999, 100000, 1, "runs").size(), 79u);
}

} // namespace
