// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#ifndef SEGPROOF_SIM_DEFENDER_BLOCKED_ATTEMPT_DETECTOR_H
#define SEGPROOF_SIM_DEFENDER_BLOCKED_ATTEMPT_DETECTOR_H

#include "alert-chain.h"
#include "core/estate.h"
#include "sim/estate/five-tuple.h"

#include <cstdint>
#include <deque>
#include <functional>
#include <ns3/object.h>
#include <unordered_map>

namespace segproof
{
namespace sim
{

/// The blocked-attempt pattern at the vNIC (the NSX Intelligence / NDR style of detecting
/// scans and failed lateral moves from the DFW's own decisions): a VM whose connection
/// attempts the DFW blocks "Threshold" times within "Window" seconds raises an alert on that
/// VM. An attempt is one 5-tuple (the SYN retransmitted is the same attempt); it is the VM's
/// when the VM is its source, whichever vNIC blocked it. After an alert the count restarts, and
/// the VM raises no other pattern alert for one window (one event per host and window, as an
/// NDR console groups them). The alert is true when one of the attempts counted was the
/// attack's.
class BlockedAttemptDetector : public ns3::Object
{
public:
    /// Whether a packet is the attack's (the run's ground truth).
    using IsAttack = std::function<bool(const FiveTuple&)>;

    /// ns-3 type registration.
    static ns3::TypeId GetTypeId();

    /// The estate and the chain must outlive the detector.
    BlockedAttemptDetector(const core::Estate& estate, AlertChain& alerts, IsAttack isAttack);

    /// The sink to install on the estate (EstateHelper::SetDfwBlockWatch).
    std::function<void(const FiveTuple&)> Watch();

private:
    struct Attempt
    {
        FiveTuple tuple;
        double time_s = 0;
        bool attack = false;
    };

    void OnBlock(const FiveTuple& tuple);

    const core::Estate& m_estate;
    AlertChain& m_alerts;
    IsAttack m_isAttack;
    std::uint32_t m_threshold = 5;
    double m_window_s = 3600;
    std::unordered_map<core::Index, std::deque<Attempt>> m_recent; ///< by source VM
    std::unordered_map<core::Index, double> m_alertedAt;           ///< last alert, by VM
};

} // namespace sim
} // namespace segproof

#endif
