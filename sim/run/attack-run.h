#ifndef SEGPROOF_SIM_ATTACK_RUN_H
#define SEGPROOF_SIM_ATTACK_RUN_H

#include "attack-simulation.h"
#include "sim/attacker/message-session.h"
#include "sim/estate/estate-helper.h"

#include <cstdint>
#include <memory>
#include <random>
#include <set>
#include <tuple>
#include <vector>

namespace segproof
{
namespace sim
{

/// The attacker and the defender of one run (docs/attack-model.md): an agent on every
/// infected machine that opens real TCP sessions through the estate (lateral movement,
/// collection, C2 beacons, exfiltration through the proxy), AV/EDR detection, network
/// monitoring on the gateway and perimeter taps, and the quarantine tag. Whether a move works
/// is decided by the packets: a session the enforcement points block never completes.
/// Internal to sim/ (attack-simulation.cc drives it).
class AttackRun
{
public:
    /// The estate must be installed with this run's tap (see Tap()).
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
    enum class State
    {
        Susceptible,
        Infected,
        Removed, ///< AV/EDR took the malware off: immune for the rest of the run
        Immune,  ///< not Windows: the sample cannot run there (only a phished mail can)
    };
    struct Agent;
    using Flow = std::tuple<std::uint32_t, std::uint16_t, std::uint32_t, std::uint16_t>;

    std::mt19937_64 Stream(std::uint64_t purpose, std::uint64_t index) const;
    double Uniform(std::mt19937_64& rng) const;
    double Exponential(std::mt19937_64& rng, double mean) const;

    void StartServers();
    MessageServer::OnRequest OnRequest();
    /// Opens the machine's listener on `port` if the machine serves it (no-op otherwise).
    void EnsureListening(std::uint32_t address, std::uint16_t port);
    void SchedulePhishing();
    void Sample();
    void Infect(core::Index machine, bool phished);
    void Detect(core::Index machine);
    bool Active(core::Index machine) const;

    void TargetedMove(core::Index machine);
    void TryCollect(Agent& agent, core::Index jewel);
    void TryLateral(Agent& agent);
    void WormScan(core::Index machine);
    void SendSyn(Agent& agent, std::uint32_t target);
    void OnScanReply(core::Index machine, ns3::Ptr<ns3::Socket> socket);
    void Beacon(core::Index machine);
    void ExfiltrateNext();

    /// Opens an attack session from a machine; `viaProxy` sends it through the proxy.
    void Session(core::Index from, std::uint32_t dst, std::uint16_t port, MessageHeader header,
                 bool viaProxy, double deadline_s, MessageClient::Done done);
    void OnTap(core::PointKind point, const FiveTuple& tuple);
    bool AnySusceptible() const;

    const core::Scenario& m_scenario;
    core::Posture m_posture;
    EstateHelper& m_estate;
    RunSettings m_settings;
    const core::AttackParameters& m_attack;
    const core::DefenceParameters& m_defence;

    std::vector<State> m_state;
    std::vector<core::Index> m_susceptible;         ///< machines still to take, any order
    std::vector<std::size_t> m_susceptiblePosition; ///< by machine: its place in m_susceptible
    std::set<core::Index> m_collected;              ///< crown jewels read at least once
    std::vector<core::Index> m_holders;             ///< agents holding the collected data
    std::vector<std::unique_ptr<Agent>> m_agents;   ///< by machine; null until infected
    std::vector<std::unique_ptr<MessageServer>> m_servers;        ///< the externals'
    std::vector<std::unique_ptr<MessageServer>> m_machineServers; ///< by machine, made lazily
    std::vector<core::Index> m_crownJewels;
    std::vector<std::set<std::uint16_t>> m_listening; ///< by machine: the TCP ports it serves
    std::uint64_t m_segmentAddresses = 0; ///< the worm's random scan space: every segment
    std::uint32_t m_c2 = 0;               ///< exfiltration / C2 address
    std::uint32_t m_proxy = 0;            ///< 0: direct
    std::uint16_t m_proxyPort = 0;
    bool m_credentials = false; ///< the attacker holds a reusable credential
    std::uint64_t m_exfiltrationLeft = 0;
    bool m_exfiltrating = false;
    std::set<Flow> m_attackFlows; ///< relayed attack connections, until a tap sees them
    std::mt19937_64 m_monitoringRng;

    std::uint32_t m_infectedNow = 0;
    core::RunResult m_measured;
};

} // namespace sim
} // namespace segproof

#endif
