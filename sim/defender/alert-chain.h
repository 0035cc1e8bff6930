// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#ifndef SEGPROOF_SIM_DEFENDER_ALERT_CHAIN_H
#define SEGPROOF_SIM_DEFENDER_ALERT_CHAIN_H

#include "core/attack-model.h"
#include "core/estate.h"
#include "core/simulation-result.h"

#include <array>
#include <cstdint>
#include <ns3/object.h>
#include <ns3/traced-callback.h>
#include <optional>

namespace segproof
{
namespace sim
{

/// Every alert of a run, whatever raised it (AV / EDR, network monitoring, the IDS / IPS at a
/// vNIC, the blocked-attempt pattern), and the one response they feed: trace source "Alert"
/// (core::Index machine, std::uint8_t source) tells the quarantine which machine to isolate. An
/// alert is true when the attack's traffic or an infected machine raised it (the run's ground
/// truth), else a false alarm; both are answered the same way, as a SOC's automation would.
class AlertChain : public ns3::Object
{
public:
    /// ns-3 type registration.
    static ns3::TypeId GetTypeId();
    /// Signature of the "Alert" trace source.
    using AlertCallback = void (*)(core::Index machine, std::uint8_t source);

    /// An alert from `source` on `machine` (kNone: an address that is no machine, which
    /// nothing can isolate); `onAttack`: raised by the attack, else a false alarm.
    void Raise(core::AlertSource source, core::Index machine, bool onAttack);

    /// The "Detection" sink of Antivirus: a true AV / EDR alert on the machine.
    void OnAntivirusDetection(core::Index machine);

    /// Adds the alerts, by source, and the first true alert to `result`.
    void Collect(core::RunResult& result) const;

private:
    std::array<std::uint64_t, 4> m_true{};
    std::array<std::uint64_t, 4> m_false{};
    std::optional<double> m_first_s;
    std::optional<core::AlertSource> m_firstSource;
    ns3::TracedCallback<core::Index, std::uint8_t> m_alert;
};

} // namespace sim
} // namespace segproof

#endif
