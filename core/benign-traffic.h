// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#ifndef SEGPROOF_CORE_BENIGN_TRAFFIC_H
#define SEGPROOF_CORE_BENIGN_TRAFFIC_H

#include "source-location.h"

#include <cstdint>

namespace segproof
{
namespace core
{

/// The office's normal work that the simulator plays beside the attack, so that detectors
/// are judged on what they see in a working estate (the scenario's `benign:` section;
/// docs/attack-model.md, "Benign traffic"; sources in docs/parameters.md). Every desktop logs
/// on, refreshes its group policy, opens files, browses through the proxy and reads mail;
/// each activity goes to the servers that listen on its service and that an allow intent lets
/// the desktop reach. Intervals are means of exponential gaps, per desktop. Each activity is
/// one TCP session (a page, a file, a mailbox sync), not each connection a real client opens:
/// the rates keep a 10,000-desktop day within the simulator's budget (docs/simulator.md).
struct BenignTrafficParameters
{
    bool enabled = true;         ///< `simulate --no-benign` turns it off
    double logonWindow_s = 1800; ///< desktops log on uniformly over [0, window] [A]
    /// Group Policy background refresh: every 90 min plus a random offset of up to 30 min
    /// (Microsoft's defaults); 0: no refresh.
    double policyRefresh_s = 5400;
    double policyOffset_s = 1800;
    double fileShareInterval_s = 3600; ///< between file-share sessions [A]
    double webInterval_s = 3600;       ///< between web sessions through the proxy [A]
    double mailInterval_s = 7200;      ///< between mail sessions [A]
    std::uint64_t fileBytes = 500000;  ///< one file-share session's read [A]
    std::uint64_t webBytes = 200000;   ///< one web session through the proxy [A]
    std::uint64_t mailBytes = 50000;   ///< one mail session [A]
    bool given = false;                ///< the scenario has a `benign:` section
    SourceLocation location;
};

} // namespace core
} // namespace segproof

#endif
