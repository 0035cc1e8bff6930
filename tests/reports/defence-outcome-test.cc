// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#include "reports/defence-outcome.h"

#include <gtest/gtest.h>
#include <stdexcept>

namespace
{

using namespace segproof;

core::Posture
Posture(const std::string& name, bool dfw, bool quarantine = false,
        core::IdsMode ids = core::IdsMode::Off, bool pattern = false)
{
    core::Posture p;
    p.name = name;
    p.inForce[static_cast<std::size_t>(core::FirewallKind::Perimeter)] = true;
    p.inForce[static_cast<std::size_t>(core::FirewallKind::Dfw)] = dfw;
    p.quarantine = quarantine;
    p.ids = ids;
    p.pattern = pattern;
    return p;
}

/// A run whose data left (`leaked`) or not; quarantined first alerted by `source` when given.
core::RunResult
MakeRun(const std::string& posture, std::uint64_t index, bool leaked,
        std::optional<core::AlertSource> source = std::nullopt)
{
    core::RunResult r;
    r.posture = posture;
    r.run = index;
    r.exfiltratedBytes = leaked ? 250000000 : 0;
    if (source)
    {
        r.timeToQuarantine_s = 600;
        r.firstAlertSource = static_cast<std::uint8_t>(*source);
    }
    return r;
}

const std::vector<core::Posture> kPostures = {
    Posture("flat", false),
    Posture("microseg", true),
    Posture("microseg+quarantine", true, true),
    Posture("microseg+ids+quarantine", true, true, core::IdsMode::Detect),
    Posture("flat+quarantine", false, true),
};

TEST(DefenceOutcomeTest, TheBaselineHasTheSameFirewallsAndNoDetection)
{
    EXPECT_FALSE(reports::BaselineOf(kPostures, 0));
    EXPECT_FALSE(reports::BaselineOf(kPostures, 1)) << "microseg has nothing to compare";
    EXPECT_EQ(reports::BaselineOf(kPostures, 2), 1u);
    EXPECT_EQ(reports::BaselineOf(kPostures, 3), 1u);
    EXPECT_EQ(reports::BaselineOf(kPostures, 4), 0u) << "flat+quarantine's is flat";
    std::vector<core::Posture> alone = {kPostures[3]};
    EXPECT_FALSE(reports::BaselineOf(alone, 0)) << "no posture without detection listed";
    EXPECT_TRUE(
        reports::HasDetectionOrQuarantine(Posture("p", true, false, core::IdsMode::Off, true)));
}

TEST(DefenceOutcomeTest, StoppedCountsRunsThatLeakedUnderTheBaselineOnly)
{
    using core::AlertSource;
    std::vector<core::RunResult> runs;
    for (std::uint64_t i = 0; i < 4; ++i)
    {
        runs.push_back(MakeRun("flat", i, true));
        runs.push_back(MakeRun("microseg", i, i != 3)); // leaks in runs 0, 1, 2
        runs.push_back(MakeRun("flat+quarantine", i, true));
    }
    // Stops run 0 (quarantine on AV), not run 1; run 3 leaks where the baseline did not.
    runs.push_back(MakeRun("microseg+quarantine", 0, false, AlertSource::Antivirus));
    runs.push_back(MakeRun("microseg+quarantine", 1, true, AlertSource::Monitoring));
    runs.push_back(MakeRun("microseg+quarantine", 2, true));
    runs.push_back(MakeRun("microseg+quarantine", 3, true, AlertSource::Antivirus));
    // Stops runs 0, 1 and 2; quarantined twice on IDS alerts, once on AV.
    runs.push_back(MakeRun("microseg+ids+quarantine", 0, false, AlertSource::Ids));
    runs.push_back(MakeRun("microseg+ids+quarantine", 1, false, AlertSource::Antivirus));
    runs.push_back(MakeRun("microseg+ids+quarantine", 2, false, AlertSource::Ids));
    runs.push_back(MakeRun("microseg+ids+quarantine", 3, false));
    auto outcomes = reports::DefenceOutcomes(kPostures, runs);
    ASSERT_EQ(outcomes.size(), 3u);
    const auto& q = outcomes[0];
    EXPECT_EQ(q.posture, "microseg+quarantine");
    EXPECT_EQ(q.baseline, "microseg");
    EXPECT_EQ(q.runs, 4u);
    EXPECT_EQ(q.baselineLeaked, 3u);
    EXPECT_EQ(q.stopped, 1u);
    EXPECT_EQ(q.quarantinedRuns, 3u);
    EXPECT_EQ(q.quarantineSource, AlertSource::Antivirus);
    const auto& ids = outcomes[1];
    EXPECT_EQ(ids.stopped, 3u);
    EXPECT_EQ(ids.baselineLeaked, 3u);
    EXPECT_EQ(ids.quarantineSource, AlertSource::Ids);
    EXPECT_EQ(outcomes[2].baseline, "flat");
    EXPECT_EQ(outcomes[2].stopped, 0u);
    EXPECT_FALSE(outcomes[2].quarantineSource);
    EXPECT_EQ(reports::BestDefence(outcomes), 1u);
}

TEST(DefenceOutcomeTest, AQuarantineOnOneSourceIsNamedAfterIt)
{
    // quarantine: [ids]: the first alert may come from monitoring, which does not tag.
    std::vector<core::Posture> postures = {
        Posture("microseg", true),
        Posture("microseg+ids+quarantine", true, true, core::IdsMode::Detect)};
    postures[1].quarantineOn[static_cast<std::size_t>(core::AlertSource::Ids)] = true;
    std::vector<core::RunResult> runs = {
        MakeRun("microseg", 0, true), MakeRun("microseg", 1, true),
        MakeRun("microseg+ids+quarantine", 0, false, core::AlertSource::Monitoring),
        MakeRun("microseg+ids+quarantine", 1, false, core::AlertSource::Monitoring)};
    auto outcomes = reports::DefenceOutcomes(postures, runs);
    ASSERT_EQ(outcomes.size(), 1u);
    EXPECT_EQ(outcomes[0].quarantineSource, core::AlertSource::Ids);
    // Acting on two sources: the more common first alert of those two, not monitoring's.
    postures[1].quarantineOn[static_cast<std::size_t>(core::AlertSource::Antivirus)] = true;
    runs.push_back(MakeRun("microseg", 2, true));
    runs.push_back(MakeRun("microseg+ids+quarantine", 2, false, core::AlertSource::Antivirus));
    outcomes = reports::DefenceOutcomes(postures, runs);
    EXPECT_EQ(outcomes[0].quarantineSource, core::AlertSource::Antivirus);
    EXPECT_EQ(outcomes[0].stopped, 3u);
}

TEST(DefenceOutcomeTest, TiesGoToFewerDesktopsTakenThenToTheFirstListed)
{
    std::vector<reports::DefenceOutcome> outcomes(3);
    for (auto& o : outcomes)
    {
        o.stopped = 5;
    }
    EXPECT_EQ(reports::BestDefence(outcomes), 0u);
    outcomes[0].desktopsTakenFromUsers = 3;
    outcomes[1].desktopsTakenFromUsers = 1;
    outcomes[2].desktopsTakenFromUsers = 1;
    EXPECT_EQ(reports::BestDefence(outcomes), 1u);
    EXPECT_FALSE(reports::BestDefence({}));
}

TEST(DefenceOutcomeTest, RunsOfAnUnlistedPostureThrow)
{
    std::vector<core::RunResult> runs = {MakeRun("flat", 0, true),
                                         MakeRun("microseg", 0, true),
                                         MakeRun("microseg+quarantine", 0, false),
                                         MakeRun("microseg+ids+quarantine", 0, false),
                                         MakeRun("flat+quarantine", 0, true),
                                         MakeRun("other", 0, true)};
    EXPECT_THROW(reports::DefenceOutcomes(kPostures, runs), std::invalid_argument);
}

} // namespace
