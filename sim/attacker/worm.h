// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#ifndef SEGPROOF_SIM_ATTACKER_WORM_H
#define SEGPROOF_SIM_ATTACKER_WORM_H

#include "attack-traffic.h"
#include "core/estate.h"
#include "core/simulation-result.h"
#include "malware.h"
#include "sim/estate/estate-helper.h"
#include "sim/run/infection-state.h"
#include "sim/run/random-streams.h"

#include <cstdint>
#include <ns3/object.h>
#include <ns3/socket.h>
#include <vector>

namespace segproof
{
namespace sim
{

/// The worm profile (WannaCry; Staniford, Paxson, Weaver 2002): every agent SYN-scans for SMB,
/// "ScansPerSecond" probes a second, first every address of its own subnet ("SubnetFirst"),
/// then random addresses of the estate's segments; a SYN-ACK leads to an exploit session, and
/// the target runs the worm "InfectionDelay" seconds after it. Whether the exploit works on a
/// machine is one draw per machine and run (ExploitWorks), made before the run starts.
class Worm : public ns3::Object
{
public:
    /// ns-3 type registration.
    static ns3::TypeId GetTypeId();

    /// Whether the worm's exploit works on `machine` in this run (probability
    /// `exploitSuccess`): a machine it does not work on is out of the worm's reach from the
    /// start (opening the mail still infects it).
    static bool ExploitWorks(const RandomStreams& streams, core::Index machine,
                             double exploitSuccess);

    /// Everything given must outlive the worm.
    Worm(const core::Estate& estate, EstateHelper& helper, InfectionState& state, Malware& malware,
         AttackTraffic& traffic);
    ~Worm() override;

    /// Makes every machine listening on SMB answer the scans (after EstateHelper::Install).
    void Start();

    /// The "Infection" sink of InfectionState: the worm starts scanning from `machine`.
    void OnInfection(core::Index machine, bool phished);

    /// Adds the SYNs sent to `result`'s connection attempts.
    void Collect(core::RunResult& result) const;

private:
    /// The scanner of one infected machine.
    struct Scanner
    {
        std::uint32_t sweepNext = 0;
        std::uint32_t sweepLeft = 0;
        ns3::Ptr<ns3::Socket> socket; ///< raw socket: sends SYNs, sees the SYN-ACKs
    };

    void Scan(core::Index machine);
    void SendSyn(core::Index machine, std::uint32_t target);
    void OnScanReply(core::Index machine, ns3::Ptr<ns3::Socket> socket);

    const core::Estate& m_estate;
    EstateHelper& m_helper;
    InfectionState& m_state;
    Malware& m_malware;
    AttackTraffic& m_traffic;
    double m_scansPerSecond = 0;
    bool m_subnetFirst = true;
    double m_infectionDelay_s = 0;
    std::uint64_t m_toolBytes = 0;
    std::uint64_t m_segmentAddresses = 0; ///< the random scan space: every segment's addresses
    std::vector<Scanner> m_scanners;      ///< by machine
    std::uint64_t m_synsSent = 0;
};

} // namespace sim
} // namespace segproof

#endif
