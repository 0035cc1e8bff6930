// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#ifndef SEGPROOF_SIM_OFFICE_BENIGN_TRAFFIC_H
#define SEGPROOF_SIM_OFFICE_BENIGN_TRAFFIC_H

#include "core/scenario.h"
#include "core/simulation-result.h"
#include "sim/attacker/attack-traffic.h"
#include "sim/estate/estate-helper.h"
#include "sim/run/random-streams.h"

#include <cstdint>
#include <ns3/object.h>
#include <random>
#include <vector>

namespace segproof
{
namespace sim
{

/// The office's normal work as real TCP sessions (core::BenignTrafficParameters): every
/// desktop logs on (Kerberos, then LDAP, to a domain controller) at a time drawn over the
/// logon window, refreshes its group policy (LDAP to the controller) every refresh
/// period plus a random offset, and opens files, web pages through the proxy and mail at
/// exponential intervals. Each activity goes to a server listening on its port that an allow
/// intent lets the desktop reach on it (the listeners alone when the scenario has no allow
/// intent); an activity without such a server is not played. The sessions are benign in the
/// run's ground truth: every alert they raise is a false alarm.
class BenignTraffic : public ns3::Object
{
public:
    /// ns-3 type registration.
    static ns3::TypeId GetTypeId();

    /// The scenario, the estate and the servers must outlive the traffic.
    BenignTraffic(const core::Scenario& scenario, EstateHelper& estate, AttackTraffic& servers,
                  const RandomStreams& streams);

    /// Schedules every desktop's logon (after EstateHelper::Install).
    void Start();

    /// Adds the sessions started and failed to `result`.
    void Collect(core::RunResult& result) const;

private:
    /// What a desktop does, and where each kind of session goes.
    enum Activity : std::size_t
    {
        Logon,         ///< Kerberos (tcp/88) then LDAP (tcp/389) to a domain controller
        PolicyRefresh, ///< LDAP then SMB (SYSVOL) to a domain controller
        FileShare,     ///< SMB to a file server (a server on tcp/445 that is no controller)
        Web,           ///< the proxy's port
        Mail,          ///< IMAPS, submission or SMTP to a mail server
        kActivities,
    };
    /// A server and the port of one of an activity's sessions.
    struct Target
    {
        core::Index server = core::kNone;
        std::uint16_t port = 0;
    };
    /// A desktop's targets, per activity (a session list per activity: one entry per step).
    struct Desktop
    {
        core::Index machine = core::kNone;
        std::vector<std::vector<Target>> options[kActivities]; ///< alternatives, each a sequence
        std::mt19937_64 rng;
    };

    void FindTargets();
    void Play(std::size_t desktop, Activity activity);
    void Open(core::Index from, const Target& target, std::uint64_t responseBytes);
    double Interval(std::size_t desktop, Activity activity);

    const core::Scenario& m_scenario;
    EstateHelper& m_estate;
    AttackTraffic& m_servers;
    RandomStreams m_streams;
    std::vector<Desktop> m_desktops;
    std::uint64_t m_started = 0;
    std::uint64_t m_failed = 0;
};

} // namespace sim
} // namespace segproof

#endif
