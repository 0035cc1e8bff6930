// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#include "phishing.h"

#include "core/attack-model.h"

#include <algorithm>
#include <ns3/double.h>
#include <ns3/simulator.h>
#include <ns3/uinteger.h>

namespace segproof
{
namespace sim
{

ns3::TypeId
Phishing::GetTypeId()
{
    static const core::InitialAccess defaults; // core's defaults are the attributes' defaults
    static ns3::TypeId tid =
        ns3::TypeId("segproof::sim::Phishing")
            .SetParent<ns3::Object>()
            .SetGroupName("Segproof")
            .AddAttribute("Opened", "Mails opened: that many distinct targets (at least one)",
                          ns3::UintegerValue(static_cast<std::uint32_t>(defaults.opened)),
                          ns3::MakeUintegerAccessor(&Phishing::m_opened),
                          ns3::MakeUintegerChecker<std::uint32_t>(1))
            .AddAttribute("Window", "Seconds over which the openings are spread uniformly",
                          ns3::DoubleValue(defaults.window_s),
                          ns3::MakeDoubleAccessor(&Phishing::m_window_s),
                          ns3::MakeDoubleChecker<double>(0));
    return tid;
}

Phishing::Phishing(const core::Estate& estate, InfectionState& state, const RandomStreams& streams)
    : m_estate(estate), m_state(state), m_streams(streams)
{
}

void
Phishing::Start()
{
    const auto& machines = m_estate.Machines();
    std::vector<core::Index> targets = m_targets;
    if (targets.empty())
    {
        for (std::size_t i = 0; i < machines.size(); ++i)
        {
            if (machines[i].kind == core::MachineKind::Desktop)
            {
                targets.push_back(static_cast<core::Index>(i));
            }
        }
    }
    if (targets.empty())
    {
        for (std::size_t i = 0; i < machines.size(); ++i)
        {
            targets.push_back(static_cast<core::Index>(i));
        }
    }
    std::mt19937_64 rng = m_streams.Stream(StreamPurpose::Phishing, 0);
    std::size_t opened = std::min<std::size_t>(targets.size(), m_opened);
    // A partial Fisher-Yates shuffle picks the desktops that open the mail.
    for (std::size_t i = 0; i < opened; ++i)
    {
        std::size_t j = i + static_cast<std::size_t>(RandomStreams::Uniform(rng) *
                                                     static_cast<double>(targets.size() - i));
        std::swap(targets[i], targets[std::min(j, targets.size() - 1)]);
    }
    std::vector<double> times(opened, 0.0);
    for (std::size_t i = 1; i < opened; ++i)
    {
        times[i] = RandomStreams::Uniform(rng) * m_window_s;
    }
    std::sort(times.begin(), times.end());
    for (std::size_t i = 0; i < opened; ++i)
    {
        core::Index target = targets[i];
        ns3::Simulator::Schedule(ns3::Seconds(times[i]),
                                 [this, target]() { m_state.Infect(target, true); });
    }
}

} // namespace sim
} // namespace segproof
