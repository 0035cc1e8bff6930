// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#ifndef SEGPROOF_SIM_DEFENDER_DISTRIBUTED_IDS_H
#define SEGPROOF_SIM_DEFENDER_DISTRIBUTED_IDS_H

#include "alert-chain.h"
#include "core/attack-model.h"
#include "core/estate.h"
#include "sim/estate/estate-helper.h"
#include "sim/run/random-streams.h"

#include <cstdint>
#include <ns3/object.h>
#include <random>
#include <unordered_map>

namespace segproof
{
namespace sim
{

/// NSX's distributed IDS / IPS at every vNIC: each session is judged once, on the first
/// packet carrying its request's payload at the first vNIC it crosses (the client's, else the
/// server's); a session whose payload carries a signature (MessageHeader::signature) is
/// recognised with that signature's probability, for a known or a new sample ("NewSample");
/// a benign one raises a false alarm with probability "FalseAlarm". A recognised session is an
/// alert on its client's machine; with "Prevent", it is also dropped at the vNIC (every later
/// packet of it too), as NSX's IPS does; without, it passes (detect mode). A relayed copy of a
/// request is the same session, judged once.
class DistributedIds : public ns3::Object
{
public:
    /// ns-3 type registration.
    static ns3::TypeId GetTypeId();

    /// The estate and the chain must outlive the IDS.
    DistributedIds(const core::Estate& estate, const RandomStreams& streams, AlertChain& alerts,
                   const core::IdsRates& known, const core::IdsRates& fresh);

    /// The inspector to install on the estate (EstateHelper::SetVnicInspector).
    EstateHelper::VnicInspector Inspector();

    /// Adds the sessions the IPS dropped to `result`.
    void Collect(core::RunResult& result) const;

private:
    bool Inspect(const FiveTuple& tuple);

    const core::Estate& m_estate;
    AlertChain& m_alerts;
    core::IdsRates m_known;
    core::IdsRates m_new;
    std::mt19937_64 m_rng;
    bool m_prevent = false;
    bool m_newSample = true;
    double m_falseAlarm = 0;
    std::unordered_map<std::uint64_t, bool> m_dropped; ///< judged sessions -> dropped
    std::uint64_t m_prevented = 0;
};

} // namespace sim
} // namespace segproof

#endif
