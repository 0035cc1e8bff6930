// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
// PlanCampaign: one run per (scenario, point, posture, run index), each with a key that names
// the scenario's bytes and the point; postures checked against every scenario.

#include "campaign/campaign-plan.h"
#include "core/input-error.h"
#include "formats/scenario/campaign-spec-reader.h"

#include <fstream>
#include <gtest/gtest.h>
#include <set>
#include <string>

namespace segproof
{
namespace campaign
{
namespace
{

const std::string kData = SEGPROOF_TEST_DATA_DIR;

TEST(CampaignPlanTest, OneRunPerScenarioPointPostureAndIndex)
{
    formats::CampaignSpec spec = formats::ReadCampaignSpecFile(kData + "/campaign/seed-sweep.yaml");
    CampaignPlan plan = PlanCampaign(spec);
    ASSERT_EQ(plan.points.size(), 2U);
    ASSERT_EQ(plan.runs.size(), 8U); // 2 points x 2 postures x 2 runs
    std::set<results::RunKey> keys;
    for (const auto& run : plan.runs)
    {
        keys.insert(run.key);
        EXPECT_EQ(run.key.seed, 7U);
        EXPECT_DOUBLE_EQ(run.key.duration_s, 7200.0);
        EXPECT_EQ(run.key.scenarioSha256.size(), 64U);
    }
    EXPECT_EQ(keys.size(), 8U);
    EXPECT_EQ(plan.runs.front().key.point, "attack.breakout=10m");
    EXPECT_EQ(plan.runs.back().key.point, "attack.breakout=1h");
    EXPECT_EQ(plan.runs.front().key.posture, "flat");
    EXPECT_DOUBLE_EQ(plan.sampleInterval_s, 15.0); // 2 h / 480
    EXPECT_EQ(plan.Describe(plan.runs[1]),
              "run 1 under flat of " + plan.scenarios[0].path + " at attack.breakout=10m");
}

TEST(CampaignPlanTest, WithoutPosturesEveryPostureOfTheScenario)
{
    formats::CampaignSpec spec =
        formats::ReadCampaignSpecFile(kData + "/campaign/seed-report.yaml");
    CampaignPlan plan = PlanCampaign(spec);
    EXPECT_EQ(plan.runs.size(), 20U); // seed's 10 postures x 2 runs, the scenario as written
    EXPECT_EQ(plan.runs.front().key.point, "");
}

TEST(CampaignPlanTest, UnknownPostureIsReportedWhereTheSpecNamesIt)
{
    std::string path = ::testing::TempDir() + "campaign-plan-unknown-posture.yaml";
    std::ofstream(path) << "format: segproof-campaign/v1\nname: x\nscenario: "
                        << SEGPROOF_SCENARIOS_DIR << "/seed.yaml\npostures: [flat, flatt]\n";
    formats::CampaignSpec spec = formats::ReadCampaignSpecFile(path);
    try
    {
        PlanCampaign(spec);
        FAIL() << "an unknown posture was planned";
    }
    catch (const core::InputError& e)
    {
        ASSERT_EQ(e.Diagnostics().size(), 1U);
        EXPECT_EQ(e.Diagnostics()[0].location.ToString(), path + ":4:18");
        EXPECT_NE(e.Diagnostics()[0].message.find("no posture 'flatt'"), std::string::npos);
    }
}

TEST(CampaignPlanTest, BadSweepValueIsReportedInTheSpec)
{
    std::string path = ::testing::TempDir() + "campaign-plan-bad-value.yaml";
    std::ofstream(path) << "format: segproof-campaign/v1\nname: x\nscenario: "
                        << SEGPROOF_SCENARIOS_DIR
                        << "/seed.yaml\nsweep:\n  defence.av.detect_new: [0.5, 1.5]\n";
    formats::CampaignSpec spec = formats::ReadCampaignSpecFile(path);
    try
    {
        PlanCampaign(spec);
        FAIL() << "a probability of 1.5 was planned";
    }
    catch (const core::InputError& e)
    {
        ASSERT_FALSE(e.Diagnostics().empty());
        EXPECT_EQ(e.Diagnostics()[0].location.ToString(), path + ":5:32");
    }
}

} // namespace
} // namespace campaign
} // namespace segproof
