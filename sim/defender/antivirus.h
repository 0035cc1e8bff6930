// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#ifndef SEGPROOF_SIM_DEFENDER_ANTIVIRUS_H
#define SEGPROOF_SIM_DEFENDER_ANTIVIRUS_H

#include "core/simulation-result.h"
#include "sim/run/infection-state.h"
#include "sim/run/random-streams.h"

#include <cstdint>
#include <ns3/object.h>
#include <ns3/traced-callback.h>

namespace segproof
{
namespace sim
{

/// AV/EDR on every machine: detects the sample on an infected machine with probability
/// "DetectNew" or "DetectKnown" ("NewSample": whether the signatures know it), after an
/// exponential delay of mean "MeanDelay" seconds, and, when "Removes", takes the malware off.
/// Trace source "Detection" (core::Index machine): a detection (AlertChain listens to it).
class Antivirus : public ns3::Object
{
public:
    /// ns-3 type registration.
    static ns3::TypeId GetTypeId();
    /// Signature of the "Detection" trace source.
    using DetectionCallback = void (*)(core::Index machine);

    /// The state must outlive the antivirus.
    Antivirus(InfectionState& state, const RandomStreams& streams);

    /// The "Infection" sink of InfectionState: draws whether and when the sample is detected.
    void OnInfection(core::Index machine, bool phished);

    /// Adds the machines detected to `result`.
    void Collect(core::RunResult& result) const;

private:
    void Detect(core::Index machine);

    InfectionState& m_state;
    RandomStreams m_streams;
    double m_detectNew = 0;
    double m_detectKnown = 0;
    bool m_newSample = true;
    double m_meanDelay_s = 0;
    bool m_removes = false;
    std::uint32_t m_detected = 0;
    ns3::TracedCallback<core::Index> m_detection;
};

} // namespace sim
} // namespace segproof

#endif
