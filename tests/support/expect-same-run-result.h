// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#ifndef SEGPROOF_TESTS_SUPPORT_EXPECT_SAME_RUN_RESULT_H
#define SEGPROOF_TESTS_SUPPORT_EXPECT_SAME_RUN_RESULT_H

#include "core/simulation-result.h"

#include <gtest/gtest.h>

namespace segproof
{
namespace test
{

/// Expects every field of two run results to be equal (doubles exactly).
inline void
ExpectSameRunResult(const core::RunResult& a, const core::RunResult& b)
{
    EXPECT_EQ(a.posture, b.posture);
    EXPECT_EQ(a.run, b.run);
    EXPECT_EQ(a.infectedSeries, b.infectedSeries);
    EXPECT_EQ(a.everInfected, b.everInfected);
    EXPECT_EQ(a.everInfectedDesktops, b.everInfectedDesktops);
    EXPECT_EQ(a.phished, b.phished);
    EXPECT_EQ(a.infectedMachines, b.infectedMachines);
    EXPECT_EQ(a.phishedMachines, b.phishedMachines);
    EXPECT_EQ(a.timeToCrownJewel_s, b.timeToCrownJewel_s);
    EXPECT_EQ(a.exfiltratedBytes, b.exfiltratedBytes);
    EXPECT_EQ(a.blocked, b.blocked);
    EXPECT_EQ(a.blockedByRule, b.blockedByRule);
    EXPECT_EQ(a.loggedHits, b.loggedHits);
    EXPECT_EQ(a.alerts, b.alerts);
    EXPECT_EQ(a.alertsBySource, b.alertsBySource);
    EXPECT_EQ(a.falseAlarmsBySource, b.falseAlarmsBySource);
    EXPECT_EQ(a.timeToFirstAlert_s, b.timeToFirstAlert_s);
    EXPECT_EQ(a.firstAlertSource, b.firstAlertSource);
    EXPECT_EQ(a.timeToQuarantine_s, b.timeToQuarantine_s);
    EXPECT_EQ(a.timeToExfiltration_s, b.timeToExfiltration_s);
    EXPECT_EQ(a.detected, b.detected);
    EXPECT_EQ(a.quarantined, b.quarantined);
    EXPECT_EQ(a.wronglyQuarantined, b.wronglyQuarantined);
    EXPECT_EQ(a.desktopsTakenFromUsers, b.desktopsTakenFromUsers);
    EXPECT_EQ(a.idsPrevented, b.idsPrevented);
    EXPECT_EQ(a.benignSessions, b.benignSessions);
    EXPECT_EQ(a.benignFailed, b.benignFailed);
    EXPECT_EQ(a.connectionsAttempted, b.connectionsAttempted);
    EXPECT_EQ(a.packets, b.packets);
    EXPECT_EQ(a.events, b.events);
    EXPECT_EQ(a.wall_s, b.wall_s);
}

} // namespace test
} // namespace segproof

#endif
