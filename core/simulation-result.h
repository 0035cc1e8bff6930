// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#ifndef SEGPROOF_CORE_SIMULATION_RESULT_H
#define SEGPROOF_CORE_SIMULATION_RESULT_H

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace segproof
{
namespace core
{

/// Where a simulated packet was blocked, as summary.json's "blocked" keys name them.
enum class BlockedAt
{
    Dfw,
    Gateway,
    Perimeter,
    Host,
};

/// "dfw", "gateway", "perimeter" or "host".
std::string BlockedAtName(BlockedAt where);

/// What one simulated run of the attack under one posture measured.
struct RunResult
{
    std::string posture;
    std::uint64_t run = 0; ///< 0-based index within the campaign
    /// (simulated time in seconds, machines infected at that time), sampled at a fixed period
    /// from 0 to the end of the run; "infected" counts machines running the malware (removed
    /// ones no longer count; quarantined ones still do).
    std::vector<std::pair<double, std::uint32_t>> infectedSeries;
    std::uint32_t everInfected = 0; ///< machines infected at any time in the run
    std::uint32_t everInfectedDesktops = 0;
    std::uint32_t phished = 0; ///< of them, infected by opening the mail
    /// Every infection in the order it happened (estate machine indices; a machine cleaned
    /// and phished again appears twice); not in summary.json.
    std::vector<std::int32_t> infectedMachines;
    /// Of them, the machines infected by opening the mail: the initially infected set.
    std::vector<std::int32_t> phishedMachines;
    /// First time the attacker read data from a crown-jewel machine (collection finished);
    /// nullopt when it never did.
    std::optional<double> timeToCrownJewel_s;
    std::uint64_t exfiltratedBytes = 0;     ///< crown-jewel bytes received by the external
    std::array<std::uint64_t, 4> blocked{}; ///< packets blocked, indexed by BlockedAt
    /// Packets blocked per "point/rule" ("dfw/vdi-isolation", "gateway/default").
    std::map<std::string, std::uint64_t> blockedByRule;
    /// Hits of rules written `logged: true`: rule id -> where it was hit (the machine whose
    /// vNIC or OS evaluated it, or "gateway" / "perimeter") -> new connections it decided.
    std::map<std::string, std::map<std::string, std::uint64_t>> loggedHits;
    std::uint64_t alerts = 0; ///< every alert of every source, false alarms included
    /// Alerts on the attack's traffic or infected machines, by source (AlertSource order).
    std::array<std::uint64_t, 4> alertsBySource{};
    /// Alerts on benign traffic or clean machines (false alarms), by source.
    std::array<std::uint64_t, 4> falseAlarmsBySource{};
    /// First alert on the attack (any source), and its source (AlertSource); nullopt: none.
    std::optional<double> timeToFirstAlert_s;
    std::optional<std::uint8_t> firstAlertSource;
    /// First time the quarantine tag isolated an infected machine; nullopt: never.
    std::optional<double> timeToQuarantine_s;
    /// First time the external received crown-jewel bytes; nullopt: never.
    std::optional<double> timeToExfiltration_s;
    std::uint32_t detected = 0;               ///< machines AV/EDR detected
    std::uint32_t quarantined = 0;            ///< machines the quarantine tag isolated
    std::uint32_t wronglyQuarantined = 0;     ///< of them, clean when isolated
    std::uint32_t desktopsTakenFromUsers = 0; ///< of those, desktops (a user without a desktop)
    std::uint64_t idsPrevented = 0;           ///< connections the IPS dropped at a vNIC
    std::uint64_t benignSessions = 0;         ///< benign sessions started
    std::uint64_t benignFailed = 0;           ///< of them, failed (blocked, quarantined, timed out)
    std::uint64_t connectionsAttempted = 0;   ///< attacker TCP connection attempts
    std::uint64_t packets = 0;                ///< IPv4 packets sent by every node (cost figures)
    std::uint64_t events = 0;                 ///< ns-3 events executed
    double wall_s = 0;                        ///< wall time of the run (not in summary.json)
};

} // namespace core
} // namespace segproof

#endif
