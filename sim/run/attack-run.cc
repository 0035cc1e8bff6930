// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#include "attack-run.h"

#include "core/listening-ports.h"

#include <algorithm>
#include <ns3/boolean.h>
#include <ns3/double.h>
#include <ns3/enum.h>
#include <ns3/string.h>
#include <ns3/uinteger.h>

namespace segproof
{
namespace sim
{

AttackRun::AttackRun(const core::Scenario& scenario, const core::Posture& posture,
                     EstateHelper& estate, const RunSettings& settings)
{
    const core::Estate& e = scenario.GetEstate();
    const core::AttackParameters& attack = scenario.Attack();
    const core::DefenceParameters& defence = scenario.Defence();
    const RandomStreams streams(settings.seed, settings.run);
    const bool worm = attack.profile == core::AttackProfile::Worm;

    // What the attack's moves can take: the sample and its exploits are Windows code [A], and
    // the worm's exploit works on a machine or not for the whole run.
    std::vector<bool> takeable(e.Machines().size());
    for (std::size_t i = 0; i < takeable.size(); ++i)
    {
        takeable[i] = core::IsWindows(e.Machines()[i]) &&
                      (!worm || Worm::ExploitWorks(streams, static_cast<core::Index>(i),
                                                   attack.worm.exploitSuccess));
    }
    m_state = ns3::CreateObject<InfectionState>(e, takeable);

    m_sampler = ns3::CreateObject<InfectionSampler>(*m_state);
    m_sampler->SetAttribute("Interval", ns3::DoubleValue(settings.sampleInterval_s));
    m_sampler->SetAttribute("Duration", ns3::DoubleValue(settings.duration_s));

    m_phishing = ns3::CreateObject<Phishing>(e, *m_state, streams);
    m_phishing->SetTargets(attack.initialAccess.targets);
    m_phishing->SetAttribute("Opened", ns3::UintegerValue(static_cast<std::uint32_t>(
                                           std::max(1, attack.initialAccess.opened))));
    m_phishing->SetAttribute("Window", ns3::DoubleValue(attack.initialAccess.window_s));

    m_malware = ns3::CreateObject<Malware>(*m_state, estate, streams);
    m_malware->SetAttribute("CredentialTheft", ns3::DoubleValue(attack.credentialTheft));
    m_malware->SetAttribute("DisableHostFirewall",
                            ns3::DoubleValue(attack.disableHostFirewallProbability));
    m_malware->SetAttribute("DisableHostFirewallDelay",
                            ns3::DoubleValue(attack.disableHostFirewallDelay_s));

    m_traffic = ns3::CreateObject<AttackTraffic>(scenario, *m_state, estate);
    m_traffic->SetAttribute("ExfiltrationPort", ns3::UintegerValue(attack.exfiltrationPort));

    if (worm)
    {
        m_worm = ns3::CreateObject<Worm>(e, estate, *m_state, *m_malware, *m_traffic);
        m_worm->SetAttribute("ScansPerSecond", ns3::DoubleValue(attack.worm.scansPerSecond));
        m_worm->SetAttribute("SubnetFirst", ns3::BooleanValue(attack.worm.targeting ==
                                                              core::WormTargeting::SubnetFirst));
        m_worm->SetAttribute("InfectionDelay", ns3::DoubleValue(attack.lateral.infectionDelay_s));
        m_worm->SetAttribute("ToolBytes", ns3::UintegerValue(attack.lateral.toolBytes));
    }
    else
    {
        m_intruder = ns3::CreateObject<TargetedIntruder>(e, *m_state, *m_malware, *m_traffic);
        m_intruder->SetTechniques(attack.lateral.techniques);
        m_intruder->SetCrownJewels(attack.crownJewels);
        m_intruder->SetAttribute("Breakout", ns3::DoubleValue(attack.breakout_s));
        m_intruder->SetAttribute("AttemptInterval",
                                 ns3::DoubleValue(attack.lateral.attemptInterval_s));
        m_intruder->SetAttribute("ExploitSuccess", ns3::DoubleValue(attack.lateral.exploitSuccess));
        m_intruder->SetAttribute("CredentialSuccess",
                                 ns3::DoubleValue(attack.lateral.credentialSuccess));
        m_intruder->SetAttribute("InfectionDelay",
                                 ns3::DoubleValue(attack.lateral.infectionDelay_s));
        m_intruder->SetAttribute("ToolBytes", ns3::UintegerValue(attack.lateral.toolBytes));
        m_intruder->SetAttribute("BeaconInterval", ns3::DoubleValue(attack.beaconInterval_s));
        m_intruder->SetAttribute("ExfiltrationRate", ns3::DoubleValue(attack.exfiltrationRate_Bps));
        m_intruder->SetAttribute("C2Egress", ns3::EnumValue(static_cast<int>(attack.c2Egress)));
    }

    m_antivirus = ns3::CreateObject<Antivirus>(*m_state, streams);
    m_antivirus->SetAttribute("DetectNew", ns3::DoubleValue(defence.avDetectNew));
    m_antivirus->SetAttribute("DetectKnown", ns3::DoubleValue(defence.avDetectKnown));
    m_antivirus->SetAttribute("NewSample",
                              ns3::BooleanValue(attack.sample == core::SampleKind::New));
    m_antivirus->SetAttribute("MeanDelay", ns3::DoubleValue(defence.avDelay_s));
    m_antivirus->SetAttribute("Removes", ns3::BooleanValue(defence.avRemoves));

    // Every alert feeds one chain; under a quarantine posture it isolates the alerted machine.
    m_alerts = ns3::CreateObject<AlertChain>();
    m_antivirus->TraceConnectWithoutContext(
        "Detection",
        ns3::MakeCallback(&AlertChain::OnAntivirusDetection, ns3::PeekPointer(m_alerts)));

    AttackTraffic* traffic = ns3::PeekPointer(m_traffic);
    auto isAttack = [traffic](const FiveTuple& t) { return traffic->IsAttackTraffic(t); };
    m_monitor = ns3::CreateObject<NetworkMonitor>(e, streams, *m_alerts, isAttack);
    m_monitor->SetAttribute("DetectProbability", ns3::DoubleValue(defence.monitoringDetect));
    m_monitor->SetAttribute("FalseAlarm", ns3::DoubleValue(defence.monitoringFalseAlarm));

    if (posture.pattern)
    {
        m_pattern = ns3::CreateObject<BlockedAttemptDetector>(e, *m_alerts, isAttack);
        m_pattern->SetAttribute("Threshold", ns3::UintegerValue(defence.patternThreshold));
        m_pattern->SetAttribute("Window", ns3::DoubleValue(defence.patternWindow_s));
        estate.SetDfwBlockWatch(m_pattern->Watch());
    }
    if (posture.ids != core::IdsMode::Off)
    {
        m_ids = ns3::CreateObject<DistributedIds>(e, streams, *m_alerts, defence.idsDetectKnown,
                                                  defence.idsDetectNew);
        m_ids->SetAttribute("Prevent", ns3::BooleanValue(posture.ids == core::IdsMode::Prevent));
        m_ids->SetAttribute("NewSample", ns3::BooleanValue(attack.sample == core::SampleKind::New));
        m_ids->SetAttribute("FalseAlarm", ns3::DoubleValue(defence.idsFalseAlarm));
        estate.SetVnicInspector(m_ids->Inspector());
    }
    if (posture.quarantine)
    {
        m_quarantine = ns3::CreateObject<Quarantine>(estate, *m_state);
        m_quarantine->SetAttribute("Tag", ns3::StringValue(defence.quarantineTag));
        m_quarantine->SetAttribute("Reaction", ns3::DoubleValue(defence.quarantineReaction_s));
        m_quarantine->SetSources(posture.quarantineOn);
        m_alerts->TraceConnectWithoutContext(
            "Alert", ns3::MakeCallback(&Quarantine::OnAlert, ns3::PeekPointer(m_quarantine)));
    }
    if (settings.benign && scenario.Benign().enabled)
    {
        m_benign = ns3::CreateObject<BenignTraffic>(scenario, estate, *m_traffic, streams);
    }
    if (scenario.GetIdentity().given && posture.idfw && posture.Has(core::FirewallKind::Dfw))
    {
        // Who sits where matters to the identity firewall only (credentials come next).
        m_sessions = ns3::CreateObject<LogonSessions>(scenario, estate, streams);
    }

    // On an infection, in this order (events scheduled at one time run in the order they were
    // scheduled): the malware's own draws, the defence's, then the profile's next move.
    m_state->TraceConnectWithoutContext(
        "Infection", ns3::MakeCallback(&Malware::OnInfection, ns3::PeekPointer(m_malware)));
    m_state->TraceConnectWithoutContext(
        "Infection", ns3::MakeCallback(&Antivirus::OnInfection, ns3::PeekPointer(m_antivirus)));
    if (m_worm)
    {
        m_state->TraceConnectWithoutContext(
            "Infection", ns3::MakeCallback(&Worm::OnInfection, ns3::PeekPointer(m_worm)));
    }
    if (m_intruder && m_sessions)
    {
        m_sessions->TraceConnectWithoutContext(
            "Logon", ns3::MakeCallback(&TargetedIntruder::OnLogon, ns3::PeekPointer(m_intruder)));
    }
    if (m_intruder)
    {
        m_state->TraceConnectWithoutContext(
            "Infection",
            ns3::MakeCallback(&TargetedIntruder::OnInfection, ns3::PeekPointer(m_intruder)));
        m_state->TraceConnectWithoutContext(
            "Removal",
            ns3::MakeCallback(&TargetedIntruder::OnRemoval, ns3::PeekPointer(m_intruder)));
    }
}

AttackRun::~AttackRun() = default;

EstateHelper::Tap
AttackRun::Tap()
{
    return m_monitor->Tap();
}

void
AttackRun::Start()
{
    if (m_worm)
    {
        m_worm->Start();
    }
    m_traffic->Start();
    if (m_sessions)
    {
        m_sessions->Start();
    }
    if (m_benign)
    {
        m_benign->Start();
    }
    m_phishing->Start();
    m_sampler->Start();
}

void
AttackRun::Collect(core::RunResult& result) const
{
    m_sampler->Collect(result);
    m_state->Collect(result);
    m_traffic->Collect(result);
    if (m_intruder)
    {
        m_intruder->Collect(result);
    }
    if (m_worm)
    {
        m_worm->Collect(result);
    }
    m_antivirus->Collect(result);
    m_alerts->Collect(result);
    if (m_ids)
    {
        m_ids->Collect(result);
    }
    if (m_quarantine)
    {
        m_quarantine->Collect(result);
    }
    if (m_benign)
    {
        m_benign->Collect(result);
    }
}

} // namespace sim
} // namespace segproof
