// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#ifndef SEGPROOF_SIM_RUN_INFECTION_SAMPLER_H
#define SEGPROOF_SIM_RUN_INFECTION_SAMPLER_H

#include "core/simulation-result.h"
#include "infection-state.h"

#include <cstdint>
#include <ns3/object.h>
#include <utility>
#include <vector>

namespace segproof
{
namespace sim
{

/// The time series of a run: machines running the malware, sampled every "Interval" seconds
/// from 0 to "Duration".
class InfectionSampler : public ns3::Object
{
public:
    /// ns-3 type registration.
    static ns3::TypeId GetTypeId();

    /// The state must outlive the sampler.
    explicit InfectionSampler(const InfectionState& state);

    /// Takes the first sample now and schedules the rest.
    void Start();

    /// Fills the time series of `result`.
    void Collect(core::RunResult& result) const;

private:
    void Sample();

    const InfectionState& m_state;
    double m_interval_s = 60;
    double m_duration_s = 8 * 3600.0;
    std::vector<std::pair<double, std::uint32_t>> m_series;
};

} // namespace sim
} // namespace segproof

#endif
