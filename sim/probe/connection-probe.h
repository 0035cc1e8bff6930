// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#ifndef SEGPROOF_SIM_CONNECTION_PROBE_H
#define SEGPROOF_SIM_CONNECTION_PROBE_H

#include "core/concrete-evaluator.h"
#include "core/connection.h"
#include "core/scenario.h"

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace segproof
{
namespace sim
{

/// Real connection attempts in one ns-3 simulation of a scenario's estate under one posture:
/// TCP connect to a listener, a UDP datagram to a bound socket, ICMP or another protocol from
/// a raw socket. No ns-3 type in this header: the CLI and tests use it through core types.
class ConnectionProbe
{
public:
    /// The scenario must outlive the probe.
    ConnectionProbe(const core::Scenario& scenario, const core::Posture& posture);
    ~ConnectionProbe();
    ConnectionProbe(const ConnectionProbe&) = delete;
    ConnectionProbe& operator=(const ConnectionProbe&) = delete;

    /// Switches every host firewall off just before attempt `index` starts.
    void SwitchHostFirewallOffBefore(std::size_t index);

    /// Runs one simulation with the attempts spaced in simulated time; per attempt, true when
    /// it was delivered (TCP connected, UDP received, other delivered to the destination
    /// node). An address that no machine or named external holds gets a node of its own (a
    /// rogue device inside a segment, a host on the internet outside); a source port of 0
    /// lets the stack choose an ephemeral one. Call once per probe.
    std::vector<bool> Run(const std::vector<core::Connection>& attempts);

    /// Packets blocked in the last run, per enforcement point kind and rule id ("default").
    const std::map<std::pair<core::PointKind, std::string>, std::uint64_t>& Drops() const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace sim
} // namespace segproof

#endif
