// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
// RunScheduler: every group is tried once before any is repeated, then the group with the most
// work left (mean run time x runs left) goes first; a requeued run goes out next.

#include "campaign/run-scheduler.h"

#include <gtest/gtest.h>
#include <set>
#include <vector>

namespace segproof
{
namespace campaign
{
namespace
{

TEST(RunSchedulerTest, TriesEveryGroupOnceBeforeRepeatingOne)
{
    // Runs 0-2 in group 0, runs 3-5 in group 1.
    RunScheduler scheduler({0, 0, 0, 1, 1, 1}, {0, 1, 2, 3, 4, 5});
    EXPECT_EQ(scheduler.Next(), 0U);
    EXPECT_EQ(scheduler.Next(), 3U);
    EXPECT_EQ(scheduler.Left(), 4U);
}

TEST(RunSchedulerTest, LongestGroupGoesFirstOnceMeasured)
{
    RunScheduler scheduler({0, 0, 0, 1, 1, 1}, {0, 1, 2, 3, 4, 5});
    std::size_t a = scheduler.Next();
    std::size_t b = scheduler.Next();
    scheduler.Finished(a, 1.0);  // group 0: 1 s a run
    scheduler.Finished(b, 50.0); // group 1: 50 s a run
    EXPECT_EQ(scheduler.Next(), 4U);
    EXPECT_EQ(scheduler.Next(), 5U);
    EXPECT_EQ(scheduler.Next(), 1U);
    EXPECT_EQ(scheduler.Next(), 2U);
    EXPECT_TRUE(scheduler.Empty());
}

TEST(RunSchedulerTest, WorkLeftNotRunLengthDecides)
{
    // Group 0: 10 runs of 2 s (20 s left after the first); group 1: 2 runs of 5 s (5 s left).
    std::vector<std::size_t> groups(12, 0);
    groups[10] = groups[11] = 1;
    std::vector<std::size_t> pending;
    for (std::size_t i = 0; i < 12; ++i)
    {
        pending.push_back(i);
    }
    RunScheduler scheduler(groups, pending);
    scheduler.Finished(scheduler.Next(), 2.0);
    scheduler.Finished(scheduler.Next(), 5.0);
    EXPECT_EQ(scheduler.Next(), 1U);
}

TEST(RunSchedulerTest, RequeuedRunGoesOutAgainAndNothingIsLost)
{
    RunScheduler scheduler({0, 0, 1}, {0, 1, 2});
    std::size_t first = scheduler.Next();
    scheduler.Requeue(first);
    EXPECT_EQ(scheduler.Left(), 3U);
    std::set<std::size_t> seen;
    while (!scheduler.Empty())
    {
        seen.insert(scheduler.Next());
    }
    EXPECT_EQ(seen, (std::set<std::size_t>{0, 1, 2}));
}

TEST(RunSchedulerTest, OnlyPendingRunsGoOut)
{
    RunScheduler scheduler({0, 0, 0}, {1});
    EXPECT_EQ(scheduler.Left(), 1U);
    EXPECT_EQ(scheduler.Next(), 1U);
    EXPECT_TRUE(scheduler.Empty());
}

} // namespace
} // namespace campaign
} // namespace segproof
