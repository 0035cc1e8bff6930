// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#include "collect/retry-policy.h"

#include <gtest/gtest.h>

namespace segproof
{
namespace collect
{
namespace
{
using std::chrono::milliseconds;
using std::chrono::seconds;

TEST(RetryPolicyTest, BackOffDoublesFromOneSecondUpToTheCap)
{
    RetryPolicy policy(10, seconds(1), seconds(10));
    EXPECT_EQ(policy.DelayAfter(0, std::nullopt), seconds(1));
    EXPECT_EQ(policy.DelayAfter(1, std::nullopt), seconds(2));
    EXPECT_EQ(policy.DelayAfter(2, std::nullopt), seconds(4));
    EXPECT_EQ(policy.DelayAfter(3, std::nullopt), seconds(8));
    EXPECT_EQ(policy.DelayAfter(4, std::nullopt), seconds(10));
    EXPECT_EQ(policy.DelayAfter(60, std::nullopt), seconds(10));
}

TEST(RetryPolicyTest, RetryAfterReplacesTheBackOffButNotTheCap)
{
    RetryPolicy policy(5, seconds(1), seconds(60));
    EXPECT_EQ(policy.DelayAfter(3, milliseconds(1000)), seconds(1));
    EXPECT_EQ(policy.DelayAfter(0, seconds(7)), seconds(7));
    EXPECT_EQ(policy.DelayAfter(0, seconds(3600)), seconds(60));
}

TEST(RetryPolicyTest, RetriesCountAttemptsAfterTheFirst)
{
    RetryPolicy two(2);
    EXPECT_TRUE(two.MayRetryAfter(0));
    EXPECT_TRUE(two.MayRetryAfter(1));
    EXPECT_FALSE(two.MayRetryAfter(2));
    EXPECT_FALSE(RetryPolicy(0).MayRetryAfter(0));
    EXPECT_FALSE(RetryPolicy(-3).MayRetryAfter(0));
}

TEST(RetryPolicyTest, OnlyTooManyRequestsAndServiceUnavailableAreRetried)
{
    EXPECT_TRUE(RetryPolicy::IsRetriedStatus(429));
    EXPECT_TRUE(RetryPolicy::IsRetriedStatus(503));
    for (int status : {200, 400, 401, 403, 404, 500, 502})
    {
        EXPECT_FALSE(RetryPolicy::IsRetriedStatus(status)) << status;
    }
}

TEST(RetryPolicyTest, RetryAfterIsReadAsSecondsOnly)
{
    EXPECT_EQ(RetryPolicy::ParseRetryAfter("2"), seconds(2));
    EXPECT_EQ(RetryPolicy::ParseRetryAfter(" 0 "), seconds(0));
    EXPECT_EQ(RetryPolicy::ParseRetryAfter("Wed, 21 Oct 2026 07:28:00 GMT"), std::nullopt);
    EXPECT_EQ(RetryPolicy::ParseRetryAfter("-1"), std::nullopt);
    EXPECT_EQ(RetryPolicy::ParseRetryAfter("1.5"), std::nullopt);
    EXPECT_EQ(RetryPolicy::ParseRetryAfter(""), std::nullopt);
}

} // namespace
} // namespace collect
} // namespace segproof
