// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#ifndef SEGPROOF_VERIFIER_EXPOSURE_H
#define SEGPROOF_VERIFIER_EXPOSURE_H

#include "core/policy.h"
#include "core/scenario.h"

#include <cstdint>
#include <vector>

namespace segproof
{
namespace verifier
{

/// How much of the estate one machine can reach from another: the exposure measure of
/// graph-based segmentation studies (reachable pairs), on the verifier's address classes.
struct Exposure
{
    std::uint64_t machines = 0; ///< machines in the estate
    /// Ordered pairs (u, v), u != v, of machines: machines * (machines - 1).
    std::uint64_t pairs = 0;
    /// Of them, pairs where v answers on one of the ports (core::ListeningPorts) and a TCP
    /// connection from u to v on that port is delivered by every enforcement point of the
    /// posture, host firewalls as configured: v's service is exposed to u.
    std::uint64_t reachable = 0;
    /// The same with u's host firewall switched off (an attacker who owns u, T1562.004).
    std::uint64_t reachableOnceOwned = 0;
};

/// The exposure of the estate under `posture` on the TCP destination `ports` (at most 32).
Exposure MeasureExposure(const core::Scenario& scenario, const core::Posture& posture,
                         const std::vector<std::uint16_t>& ports);

} // namespace verifier
} // namespace segproof

#endif
