// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#ifndef SEGPROOF_SIM_DEFENDER_NETWORK_MONITOR_H
#define SEGPROOF_SIM_DEFENDER_NETWORK_MONITOR_H

#include "core/estate.h"
#include "core/simulation-result.h"
#include "sim/estate/estate-helper.h"
#include "sim/estate/five-tuple.h"
#include "sim/run/random-streams.h"

#include <cstdint>
#include <functional>
#include <ns3/object.h>
#include <random>

namespace segproof
{
namespace sim
{

/// Network monitoring on the gateway's and the perimeter's taps: it sees the connections that
/// cross them (never traffic inside a segment) and alerts on each attack connection with
/// probability "DetectProbability"; it raises alarms and cuts nothing off. Each SYN is judged
/// at the first tap on its path: the gateway for a source inside a segment, the perimeter for
/// one outside.
class NetworkMonitor : public ns3::Object
{
public:
    /// Whether a packet is the attack's (the run's ground truth; AttackTraffic knows it).
    using IsAttack = std::function<bool(const FiveTuple&)>;

    /// ns-3 type registration.
    static ns3::TypeId GetTypeId();

    /// The estate must outlive the monitor.
    NetworkMonitor(const core::Estate& estate, const RandomStreams& streams, IsAttack isAttack);

    /// The tap to install on the estate (EstateHelper::SetTap, before Install).
    EstateHelper::Tap Tap();

    /// Adds the monitoring alerts to `result`.
    void Collect(core::RunResult& result) const;

private:
    void OnTap(core::PointKind point, const FiveTuple& tuple);

    const core::Estate& m_estate;
    IsAttack m_isAttack;
    std::mt19937_64 m_rng;
    double m_detectProbability = 0;
    std::uint64_t m_alerts = 0;
};

} // namespace sim
} // namespace segproof

#endif
