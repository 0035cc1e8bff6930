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
#include <optional>
#include <set>
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
    /// The first TCP port of the scenario's service named `proxy` that the machine listens on
    /// (0: none).
    static std::uint16_t ProxyPort(const core::Scenario& scenario, const core::Machine& m);
    /// The machine serves TCP `port`.
    bool Listens(core::Index machine, std::uint16_t port) const;
    /// Whether a packet is the attack's (the run's ground truth): a packet of an attack
    /// session or of its relayed copy (SessionLog), or, outside every session, one an
    /// infected machine sends (the worm's raw probes; benign traffic is only sessions).
    bool IsAttackTraffic(const FiveTuple& tuple) const;

    /// Opens the machine's listener on `port` if the machine serves it (no-op otherwise);
    /// the proxy's own port relays. Benign sessions use the same servers.
    void OpenListener(std::uint32_t address, std::uint16_t port);

    /// Adds the sessions attempted and the bytes exfiltrated to `result`.
    void Collect(core::RunResult& result) const;

private:
    void OnExfiltrated(std::uint64_t bytes);

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
    std::uint64_t m_attempted = 0;
    std::uint64_t m_exfiltratedBytes = 0;
    std::optional<double> m_firstExfiltration_s; ///< first stolen bytes at the external
};

} // namespace sim
} // namespace segproof

#endif
