// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#ifndef SEGPROOF_SIM_DEFENDER_NETWORK_MONITOR_H
#define SEGPROOF_SIM_DEFENDER_NETWORK_MONITOR_H

#include "alert-chain.h"
#include "core/estate.h"
#include "sim/estate/estate-helper.h"
#include "sim/estate/five-tuple.h"
#include "sim/run/random-streams.h"

#include <cstdint>
#include <functional>
#include <ns3/object.h>
#include <random>
#include <unordered_set>

namespace segproof
{
namespace sim
{

/// Network monitoring on the gateway's and the perimeter's taps: it sees the connections that
/// cross them (never traffic inside a segment) and alerts on each attack connection with
/// probability "DetectProbability", on each benign one with "FalseAlarm"; the alert names the
/// connection's source machine (AlertChain), it cuts nothing off itself. Each connection is
/// judged once, at the first tap on its path (the gateway for a source inside a segment, the
/// perimeter for one outside); a session and its relayed copy are one connection.
class NetworkMonitor : public ns3::Object
{
public:
    /// Whether a packet is the attack's (the run's ground truth; AttackTraffic knows it).
    using IsAttack = std::function<bool(const FiveTuple&)>;

    /// ns-3 type registration.
    static ns3::TypeId GetTypeId();

    /// The estate and the chain must outlive the monitor.
    NetworkMonitor(const core::Estate& estate, const RandomStreams& streams, AlertChain& alerts,
                   IsAttack isAttack);

    /// The tap to install on the estate (EstateHelper::SetTap, before Install).
    EstateHelper::Tap Tap();

private:
    void OnTap(core::PointKind point, const FiveTuple& tuple);

    const core::Estate& m_estate;
    AlertChain& m_alerts;
    IsAttack m_isAttack;
    std::mt19937_64 m_rng;
    double m_detectProbability = 0;
    double m_falseAlarm = 0;
    std::unordered_set<std::uint64_t> m_judged; ///< sessions judged at a tap
};

} // namespace sim
} // namespace segproof

#endif
