// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#include "antivirus.h"

#include "core/attack-model.h"

#include <ns3/boolean.h>
#include <ns3/double.h>
#include <ns3/simulator.h>
#include <ns3/trace-source-accessor.h>

namespace segproof
{
namespace sim
{

ns3::TypeId
Antivirus::GetTypeId()
{
    static const core::DefenceParameters defaults; // core's defaults are the attributes' defaults
    static ns3::TypeId tid =
        ns3::TypeId("segproof::sim::Antivirus")
            .SetParent<ns3::Object>()
            .SetGroupName("Segproof")
            .AddAttribute("DetectNew", "Probability of detecting a sample the signatures lack",
                          ns3::DoubleValue(defaults.avDetectNew),
                          ns3::MakeDoubleAccessor(&Antivirus::m_detectNew),
                          ns3::MakeDoubleChecker<double>(0, 1))
            .AddAttribute("DetectKnown", "Probability of detecting a known sample",
                          ns3::DoubleValue(defaults.avDetectKnown),
                          ns3::MakeDoubleAccessor(&Antivirus::m_detectKnown),
                          ns3::MakeDoubleChecker<double>(0, 1))
            .AddAttribute(
                "NewSample", "The signatures do not know the sample",
                ns3::BooleanValue(core::AttackParameters{}.sample == core::SampleKind::New),
                ns3::MakeBooleanAccessor(&Antivirus::m_newSample), ns3::MakeBooleanChecker())
            .AddAttribute("MeanDelay", "Mean seconds from infection to detection (exponential)",
                          ns3::DoubleValue(defaults.avDelay_s),
                          ns3::MakeDoubleAccessor(&Antivirus::m_meanDelay_s),
                          ns3::MakeDoubleChecker<double>(0))
            .AddAttribute("Removes", "A detection also takes the malware off the machine",
                          ns3::BooleanValue(defaults.avRemoves),
                          ns3::MakeBooleanAccessor(&Antivirus::m_removes),
                          ns3::MakeBooleanChecker())
            .AddTraceSource("Detection", "AV/EDR detected the sample on a machine (machine)",
                            ns3::MakeTraceSourceAccessor(&Antivirus::m_detection),
                            "segproof::sim::Antivirus::DetectionCallback");
    return tid;
}

Antivirus::Antivirus(InfectionState& state, const RandomStreams& streams)
    : m_state(state), m_streams(streams)
{
}

void
Antivirus::OnInfection(core::Index machine, bool)
{
    std::mt19937_64 av =
        m_streams.Stream(StreamPurpose::Antivirus, static_cast<std::uint64_t>(machine));
    double p = m_newSample ? m_detectNew : m_detectKnown;
    if (RandomStreams::Uniform(av) < p)
    {
        ns3::Simulator::Schedule(ns3::Seconds(RandomStreams::Exponential(av, m_meanDelay_s)),
                                 &Antivirus::Detect, this, machine);
    }
}

void
Antivirus::Detect(core::Index machine)
{
    if (!m_state.IsInfected(machine))
    {
        return;
    }
    ++m_detected;
    m_detection(machine);
    if (m_removes)
    {
        m_state.Remove(machine);
    }
}

void
Antivirus::Collect(core::RunResult& result) const
{
    result.detected += m_detected; // the alerts are AlertChain's
}

} // namespace sim
} // namespace segproof
