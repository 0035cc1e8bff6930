// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#ifndef SEGPROOF_SIM_ATTACKER_TARGETED_INTRUDER_H
#define SEGPROOF_SIM_ATTACKER_TARGETED_INTRUDER_H

#include "attack-traffic.h"
#include "core/attack-model.h"
#include "core/estate.h"
#include "core/simulation-result.h"
#include "malware.h"
#include "sim/run/infection-state.h"

#include <cstdint>
#include <memory>
#include <ns3/object.h>
#include <optional>
#include <set>
#include <utility>
#include <vector>

namespace segproof
{
namespace sim
{

/// The targeted profile (docs/attack-model.md): a directory-guided intruder, the brochure's
/// case. The phished foothold waits the breakout time ("Breakout", uniform over half to one and
/// a half of it), then every agent makes a move every "AttemptInterval" seconds on average:
/// it collects the crown jewels over SMB first, then moves laterally to a random machine it
/// does not own yet, by a technique it has not seen fail there ("ExploitSuccess" without a
/// stolen credential, "CredentialSuccess" with one; an agent runs "InfectionDelay" seconds after
/// its session). Agents beacon to the C2 every "BeaconInterval" seconds ("C2Egress": which
/// agents do), and the first agent holding the data sends it out through the proxy at
/// "ExfiltrationRate" bytes per second.
class TargetedIntruder : public ns3::Object
{
public:
    /// ns-3 type registration.
    static ns3::TypeId GetTypeId();

    /// Everything given must outlive the intruder.
    TargetedIntruder(const core::Estate& estate, InfectionState& state, Malware& malware,
                     AttackTraffic& traffic);
    ~TargetedIntruder() override;

    /// The techniques it moves by (in the scenario's order).
    void SetTechniques(std::vector<core::LateralTechnique> techniques);
    /// The machines whose data it collects; empty: every machine that holds data.
    void SetCrownJewels(std::vector<core::Index> jewels);

    /// The "Infection" sink of InfectionState: an agent starts on `machine`.
    void OnInfection(core::Index machine, bool phished);
    /// The "Removal" sink of InfectionState: the agent on `machine` is gone with its data.
    void OnRemoval(core::Index machine);
    /// A user logged on to the machine (sim/office/logon-sessions.h): if the intruder owns it,
    /// what it saw fail from there may pass under the new user's groups (the identity
    /// firewall), so it forgets those failures and tries again.
    void OnLogon(core::Index machine);

    /// Adds the time the crown jewels were first read to `result`.
    void Collect(core::RunResult& result) const;

private:
    struct Foothold;

    core::C2Egress Egress() const { return static_cast<core::C2Egress>(m_c2Egress); }
    void Move(core::Index machine);
    void TryCollect(Foothold& foothold, core::Index jewel);
    void TryLateral(Foothold& foothold);
    void Beacon(core::Index machine);
    void ExfiltrateNext();

    const core::Estate& m_estate;
    InfectionState& m_state;
    Malware& m_malware;
    AttackTraffic& m_traffic;
    double m_breakout_s = 0;
    double m_attemptInterval_s = 0;
    double m_exploitSuccess = 0;
    double m_credentialSuccess = 0;
    double m_infectionDelay_s = 0;
    std::uint64_t m_toolBytes = 0;
    double m_beaconInterval_s = 0;
    double m_exfiltrationRate_Bps = 0;
    int m_c2Egress = 0; ///< a core::C2Egress (ns-3's EnumValue holds an int)
    std::vector<core::LateralTechnique> m_techniques;
    std::vector<core::Index> m_crownJewels;

    std::vector<std::unique_ptr<Foothold>> m_footholds; ///< by machine; null until infected
    std::set<core::Index> m_collected;                  ///< crown jewels read at least once
    std::vector<core::Index> m_holders;                 ///< agents holding the collected data
    std::uint64_t m_exfiltrationLeft = 0;
    bool m_exfiltrating = false;
    std::optional<double> m_timeToCrownJewel_s;
};

} // namespace sim
} // namespace segproof

#endif
