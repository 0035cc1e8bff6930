// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#ifndef SEGPROOF_SIM_RUN_ATTACK_RUN_H
#define SEGPROOF_SIM_RUN_ATTACK_RUN_H

#include "attack-simulation.h"
#include "infection-sampler.h"
#include "infection-state.h"
#include "random-streams.h"
#include "sim/attacker/attack-traffic.h"
#include "sim/attacker/malware.h"
#include "sim/attacker/phishing.h"
#include "sim/attacker/targeted-intruder.h"
#include "sim/attacker/worm.h"
#include "sim/defender/alert-chain.h"
#include "sim/defender/antivirus.h"
#include "sim/defender/blocked-attempt-detector.h"
#include "sim/defender/distributed-ids.h"
#include "sim/defender/network-monitor.h"
#include "sim/defender/quarantine.h"
#include "sim/estate/estate-helper.h"
#include "sim/office/benign-traffic.h"
#include "sim/office/logon-sessions.h"

#include <ns3/ptr.h>

namespace segproof
{
namespace sim
{

/// The attacker and the defender of one run (docs/attack-model.md), put together from the
/// scenario's attack and defence: the infection state they share, the phishing, the malware,
/// the attack's traffic, the profile's moves (TargetedIntruder or Worm), AV/EDR, network
/// monitoring, the posture's detectors at the vNIC (blocked-attempt pattern, IDS / IPS), the
/// alert chain they all feed and, under a quarantine posture, the quarantine it drives, and
/// the office's benign traffic; each an ns-3 object whose
/// attributes are set from core::AttackParameters and core::DefenceParameters here. A new
/// behaviour is a new class connected here. Internal to sim/ (attack-simulation.cc drives it).
class AttackRun
{
public:
    /// The estate must be installed after this (the vNIC inspector is set here) with this
    /// run's tap (see Tap()).
    AttackRun(const core::Scenario& scenario, const core::Posture& posture, EstateHelper& estate,
              const RunSettings& settings);
    ~AttackRun();
    AttackRun(const AttackRun&) = delete;
    AttackRun& operator=(const AttackRun&) = delete;

    /// The monitoring tap to install on the estate before EstateHelper::Install.
    EstateHelper::Tap Tap();

    /// Starts the servers and schedules the phishing, the sampling and the defence.
    void Start();

    /// Fills the attack's measurements into `result` (after the simulation ran).
    void Collect(core::RunResult& result) const;

private:
    ns3::Ptr<InfectionState> m_state;
    ns3::Ptr<InfectionSampler> m_sampler;
    ns3::Ptr<Phishing> m_phishing;
    ns3::Ptr<Malware> m_malware;
    ns3::Ptr<AttackTraffic> m_traffic;
    ns3::Ptr<TargetedIntruder> m_intruder; ///< the targeted profile, else null
    ns3::Ptr<Worm> m_worm;                 ///< the worm profile, else null
    ns3::Ptr<Antivirus> m_antivirus;
    ns3::Ptr<AlertChain> m_alerts;
    ns3::Ptr<NetworkMonitor> m_monitor;
    ns3::Ptr<BlockedAttemptDetector> m_pattern; ///< under a posture with `pattern`, else null
    ns3::Ptr<DistributedIds> m_ids;             ///< under a posture with `ids`, else null
    ns3::Ptr<Quarantine> m_quarantine;          ///< under a quarantine posture, else null
    ns3::Ptr<BenignTraffic> m_benign;           ///< with benign traffic, else null
    ns3::Ptr<LogonSessions> m_sessions;         ///< under the identity firewall, else null
};

} // namespace sim
} // namespace segproof

#endif
