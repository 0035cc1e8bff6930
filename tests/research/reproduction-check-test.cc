// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
// The checks that set simulated runs beside the epidemic models, on runs made from the models
// themselves (they must agree) and on runs that differ from them (they must not).
#include "formats/scenario/scenario-reader.h"
#include "research/random-constant-spread.h"
#include "research/reproduction-output.h"
#include "research/two-factor-comparison.h"
#include "research/worm-model.h"

#include <cmath>
#include <gtest/gtest.h>
#include <stdexcept>
#include <string>

namespace
{

using namespace segproof;
using namespace segproof::research;

const std::string kDir = std::string(SEGPROOF_SCENARIOS_DIR) + "/research/";

/// A run whose infected series follows `fraction(t)` of `n` machines every `step` seconds.
template <typename F>
core::RunResult
RunFollowing(F fraction, double n, double end_s, double step_s, std::uint64_t index)
{
    core::RunResult run;
    run.posture = "flat";
    run.run = index;
    double ever = 0;
    for (double t = 0; t <= end_s; t += step_s)
    {
        auto infected = static_cast<std::uint32_t>(std::lround(n * fraction(t)));
        run.infectedSeries.emplace_back(t, infected);
        ever = std::max(ever, static_cast<double>(infected));
    }
    run.everInfected = static_cast<std::uint32_t>(ever);
    return run;
}

/// staniford-2002.yaml's worm: N = 1,000 in a /16 at the paper's K.
WormModel
StanifordScale()
{
    WormModel m;
    m.smbHosts = 1000;
    m.addressSpace = 65536;
    m.scansPerSecond = 0.045776;
    m.exploitSuccess = 1;
    m.initial = 1;
    return m;
}

TEST(WormModelTest, StanifordScenarioHasThePapersRate)
{
    core::Scenario s = formats::ReadScenarioFile(kDir + "staniford-2002.yaml");
    WormModel m = ReadWormModel(s);
    EXPECT_EQ(m.smbHosts, 1000u);
    EXPECT_EQ(m.addressSpace, 65536u);
    EXPECT_EQ(m.initial, 1u);
    EXPECT_DOUBLE_EQ(m.exploitSuccess, 1.0);
    // The paper's r N / Omega: 10 * 300,000 / 2^32 per second.
    EXPECT_NEAR(m.K(), 10.0 * 300000 / 4294967296.0, 1e-8);
    EXPECT_EQ(m.removalRate_per_s, 0);
}

TEST(WormModelTest, ZouScenarioRemovesAtTheAvRate)
{
    core::Scenario s = formats::ReadScenarioFile(kDir + "zou-2002.yaml");
    WormModel m = ReadWormModel(s);
    EXPECT_DOUBLE_EQ(m.removalRate_per_s, 1.0 / 7200);
    EXPECT_TRUE(m.removalCaveat.empty());
}

TEST(WormModelTest, RefusesATargetedAttackAndASubnetSweep)
{
    core::Scenario seed =
        formats::ReadScenarioFile(std::string(SEGPROOF_SCENARIOS_DIR) + "/seed.yaml");
    EXPECT_THROW(ReadWormModel(seed), std::invalid_argument);
    core::Scenario sweep = formats::ReadScenarioText(R"(format: segproof/v1
name: sweep
estate:
  segments: [{name: lan, cidr: 10.0.0.0/24}]
  machines: [{name: "pc[1-9]", kind: desktop, segment: lan}]
attack: {profile: worm}
)",
                                                     "sweep.yaml");
    EXPECT_THROW(ReadWormModel(sweep), std::invalid_argument);
}

TEST(RandomConstantSpreadTest, AgreesWithRunsThatFollowTheTheory)
{
    WormModel m = StanifordScale();
    double k = m.K();
    std::vector<core::RunResult> runs;
    for (std::uint64_t i = 0; i < 5; ++i)
    {
        double midpoint = 9000 + 600.0 * static_cast<double>(i); // each run shifted in time
        runs.push_back(RunFollowing([&](double t)
                                    { return 1 / (1 + std::exp(-k * (t - midpoint))); },
                                    1000, 6 * 3600, 45, i));
    }
    RandomConstantSpreadCheck c = CheckRandomConstantSpread(m, runs, 0.1);
    EXPECT_EQ(c.fitted, 5u);
    EXPECT_NEAR(c.relativeError, 0, 0.01);
    EXPECT_EQ(c.runsWithin, 5u);
    EXPECT_TRUE(c.withinTolerance);
    // Whole machines (the curve rounded to 1 of 1,000) leave a residual, so a run's K has a
    // standard error: small, but not 0, and the median K is within a few of them.
    EXPECT_GT(c.medianKStandardError_per_s, 0);
    EXPECT_LT(c.medianKStandardError_per_s, 0.001 * k);
    EXPECT_LT(std::abs(c.medianK_per_s - k), 5 * c.medianKStandardError_per_s);
    for (const RunLogistic& r : c.runs)
    {
        ASSERT_TRUE(r.fit);
        EXPECT_GT(r.fit->kStandardError_per_s, 0);
        EXPECT_GT(r.fit->midpointStandardError_s, 0);
    }
}

TEST(RandomConstantSpreadTest, PrintsTheFittedKWithItsStandardError)
{
    WormModel m = StanifordScale();
    RandomConstantSpreadCheck c;
    c.theoryK_per_s = m.K();
    c.fitted = 20;
    c.medianK_per_s = 2.504 / 3600;
    c.medianKStandardError_per_s = 0.0123 / 3600;
    c.p10K_per_s = 2.382 / 3600;
    c.p90K_per_s = 2.58 / 3600;
    std::string text = RandomConstantSpreadText(m, c);
    EXPECT_NE(text.find("fitted   K = 2.5040 ± 0.0123 /h (median of 20 runs"), std::string::npos)
        << text;
    std::string json = RandomConstantSpreadJson(m, c);
    EXPECT_NE(json.find("\"median_standard_error\": "), std::string::npos) << json;
}

TEST(RandomConstantSpreadTest, DisagreesWithRunsThatSpreadAtHalfTheRate)
{
    WormModel m = StanifordScale();
    double k = m.K() / 2;
    std::vector<core::RunResult> runs{RunFollowing(
        [&](double t) { return 1 / (1 + std::exp(-k * (t - 18000))); }, 1000, 12 * 3600, 45, 0)};
    RandomConstantSpreadCheck c = CheckRandomConstantSpread(m, runs, 0.1);
    EXPECT_NEAR(c.relativeError, -0.5, 0.01);
    EXPECT_FALSE(c.withinTolerance);
}

TEST(RandomConstantSpreadTest, RefusesRunsThatNeverSpread)
{
    WormModel m;
    m.smbHosts = 100;
    m.addressSpace = 256;
    m.scansPerSecond = 1;
    m.exploitSuccess = 1;
    std::vector<core::RunResult> runs{RunFollowing([](double) { return 0.01; }, 100, 3600, 60, 0)};
    EXPECT_THROW(CheckRandomConstantSpread(m, runs, 0.1), std::invalid_argument);
}

TEST(TwoFactorComparisonTest, AgreesWithRunsThatFollowTheModel)
{
    WormModel m = StanifordScale();
    m.removalRate_per_s = 1.0 / 7200;
    TwoFactorParameters p{1000, 1, m.Beta(), 0, m.removalRate_per_s, 0};
    std::vector<TwoFactorState> states = SolveTwoFactor(p, 16 * 3600, 120);
    core::RunResult run;
    run.posture = "flat";
    for (const TwoFactorState& s : states)
    {
        run.infectedSeries.emplace_back(s.time_s,
                                        static_cast<std::uint32_t>(std::lround(s.infectious)));
    }
    run.everInfected = static_cast<std::uint32_t>(std::lround(1000 - states.back().susceptible));
    TwoFactorComparison c = CompareWithTwoFactor(m, {run, run, run}, 0.1);
    EXPECT_NEAR(c.peakError, 0, 0.01);
    EXPECT_NEAR(c.peakTimeError, 0, 0.01);
    EXPECT_LT(c.maxDifference, 0.001);
    EXPECT_TRUE(c.withinTolerance);
    EXPECT_GT(c.modelShape.peak, 0.4); // beta N / gamma = 5: SIR peaks near 1 - (1 + ln 5) / 5
    EXPECT_LT(c.modelShape.final, c.modelShape.peak / 10);
}

TEST(TwoFactorComparisonTest, ComparesTheShapeOfRunsThatStartAtRandomMoments)
{
    WormModel m = StanifordScale();
    m.removalRate_per_s = 1.0 / 7200;
    TwoFactorParameters p{1000, 1, m.Beta(), 0, m.removalRate_per_s, 0};
    std::vector<TwoFactorState> states = SolveTwoFactor(p, 24 * 3600, 120);
    // The model's curve, started 1 h early, on time and 1 h late: the median of the three
    // unmoved curves is flatter than the model; moved to cross half the peak together, they
    // are the model.
    std::vector<core::RunResult> runs;
    for (double shift : {-3600.0, 0.0, 3600.0})
    {
        core::RunResult run;
        run.posture = "flat";
        for (const TwoFactorState& s : states)
        {
            double t = s.time_s - shift;
            double infected = 0;
            for (const TwoFactorState& u : states)
            {
                if (u.time_s <= t)
                {
                    infected = u.infectious;
                }
            }
            run.infectedSeries.emplace_back(s.time_s,
                                            static_cast<std::uint32_t>(std::lround(infected)));
        }
        run.everInfected =
            static_cast<std::uint32_t>(std::lround(1000 - states.back().susceptible));
        runs.push_back(run);
    }
    TwoFactorComparison c = CompareWithTwoFactor(m, runs, 0.1);
    EXPECT_LT(c.maxDifference, 0.01);
    EXPECT_GT(c.maxDifferenceUnaligned, 0.1);
    EXPECT_NEAR(c.peakTimeError, 0, 0.01); // the median run is on time
}

TEST(TwoFactorComparisonTest, DisagreesWithACurveThatNeverFalls)
{
    WormModel m = StanifordScale();
    m.removalRate_per_s = 1.0 / 7200;
    double k = m.K();
    std::vector<core::RunResult> runs{RunFollowing(
        [&](double t) { return 1 / (1 + std::exp(-k * (t - 9000))); }, 1000, 16 * 3600, 120, 0)};
    TwoFactorComparison c = CompareWithTwoFactor(m, runs, 0.1);
    EXPECT_FALSE(c.withinTolerance);
    EXPECT_GT(c.maxDifference, 0.5);
}

TEST(TwoFactorComparisonTest, RefusesAWormThatIsNeverRemoved)
{
    WormModel m;
    m.smbHosts = 10;
    m.addressSpace = 256;
    m.scansPerSecond = 1;
    m.exploitSuccess = 1;
    std::vector<core::RunResult> runs{RunFollowing([](double) { return 0.5; }, 10, 600, 60, 0)};
    EXPECT_THROW(CompareWithTwoFactor(m, runs, 0.1), std::invalid_argument);
}

TEST(ZouPublishedParametersTest, AreThePapersInSeconds)
{
    TwoFactorParameters p = ZouPublishedParameters();
    EXPECT_DOUBLE_EQ(p.population, 1e6);
    EXPECT_DOUBLE_EQ(p.beta0 * 3600 * 1e6, 0.8);
    EXPECT_DOUBLE_EQ(p.gamma * 3600, 0.05);
    EXPECT_DOUBLE_EQ(p.mu * 3600 * 1e6, 0.06);
    EXPECT_DOUBLE_EQ(p.eta, 3);
}

} // namespace
