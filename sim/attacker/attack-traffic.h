// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#ifndef SEGPROOF_SIM_ATTACKER_ATTACK_TRAFFIC_H
#define SEGPROOF_SIM_ATTACKER_ATTACK_TRAFFIC_H

#include "core/scenario.h"
#include "core/simulation-result.h"
#include "message-client.h"
#include "message-server.h"
#include "sim/estate/estate-helper.h"
#include "sim/estate/five-tuple.h"
#include "sim/run/infection-state.h"

#include <cstdint>
#include <memory>
#include <ns3/object.h>
#include <set>
#include <tuple>
#include <vector>

namespace segproof
{
namespace sim
{

/// The attack's sessions through the estate and what answers them: every machine's open ports
/// (listening lazily, just before a session towards them), the proxy that relays the C2 and
/// exfiltration traffic, and the attacker's server on every external ("ExfiltrationPort"),
/// which counts the stolen bytes it receives. Whether a session works is decided by the
/// packets: one the enforcement points block never completes.
class AttackTraffic : public ns3::Object
{
public:
    /// SMB: the worm's exploit, collection from a crown jewel.
    static constexpr std::uint16_t kSmbPort = 445;
    /// What an SMB / RDP / WinRM logon answers [A].
    static constexpr std::uint32_t kLogonResponseBytes = 4096;

    /// ns-3 type registration.
    static ns3::TypeId GetTypeId();

    /// Takes the C2 external and the proxy from the scenario's attack (`exfiltration`). The
    /// scenario, the state and the estate must outlive the traffic.
    AttackTraffic(const core::Scenario& scenario, const InfectionState& state,
                  EstateHelper& estate);
    ~AttackTraffic() override;

    /// Starts the attacker's servers on the externals (after EstateHelper::Install).
    void Start();

    /// Opens an attack session from a machine now; `viaProxy` sends it through the proxy
    /// (when there is one). `done` is told whether the whole response arrived in time.
    void Session(core::Index from, std::uint32_t dst, std::uint16_t port, MessageHeader header,
                 bool viaProxy, double deadline_s, MessageClient::Done done);

    /// The C2 / exfiltration address; 0 when the estate has no external.
    std::uint32_t C2() const { return m_c2; }
    /// The TCP port the attacker's servers listen on.
    std::uint16_t ExfiltrationPort() const { return m_exfiltrationPort; }
    /// The machine serves TCP `port`.
    bool Listens(core::Index machine, std::uint16_t port) const;
    /// Whether a packet is the attack's: anything an infected machine opens (in the model it
    /// opens nothing else), and the proxy's relayed connections of attack sessions (each
    /// recognised once, at the first packet seen of it).
    bool IsAttackTraffic(const FiveTuple& tuple);

    /// Adds the sessions attempted and the bytes exfiltrated to `result`.
    void Collect(core::RunResult& result) const;

private:
    using Flow = std::tuple<std::uint32_t, std::uint16_t, std::uint32_t, std::uint16_t>;

    /// Opens the machine's listener on `port` if the machine serves it (no-op otherwise).
    void EnsureListening(std::uint32_t address, std::uint16_t port);

    const core::Scenario& m_scenario;
    const InfectionState& m_state;
    EstateHelper& m_estate;
    std::uint16_t m_exfiltrationPort = 443;
    std::vector<std::set<std::uint16_t>> m_listening; ///< by machine: the TCP ports it serves
    std::uint32_t m_c2 = 0;                           ///< exfiltration / C2 address
    std::uint32_t m_proxy = 0;                        ///< 0: direct
    std::uint16_t m_proxyPort = 0;
    std::vector<std::unique_ptr<MessageServer>> m_servers;        ///< the externals'
    std::vector<std::unique_ptr<MessageServer>> m_machineServers; ///< by machine, made lazily
    std::set<Flow> m_attackFlows; ///< relayed attack connections, until a tap sees them
    std::uint64_t m_attempted = 0;
    std::uint64_t m_exfiltratedBytes = 0;
};

} // namespace sim
} // namespace segproof

#endif
