// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#ifndef SEGPROOF_SIM_OFFICE_LOGON_SESSIONS_H
#define SEGPROOF_SIM_OFFICE_LOGON_SESSIONS_H

#include "core/identity.h"
#include "core/scenario.h"
#include "sim/estate/estate-helper.h"
#include "sim/run/random-streams.h"

#include <cstdint>
#include <ns3/object.h>
#include <ns3/traced-callback.h>
#include <random>
#include <vector>

namespace segproof
{
namespace sim
{

/// Who is logged on where over a run (docs/identity.md, "In the simulator"): each enabled user
/// with a desktop logs on with probability LogonPattern::loggedOnShare, at a uniform time in
/// the logon window, stays an exponential session, logs off for an exponential break and logs
/// on again. A dedicated pool's user sits at the own desktop; a floating pool's user takes a
/// free desktop of the pool, drawn at each logon (none free: the user tries again after a
/// break). Standing sessions hold the whole run. The identity firewall learns each logon and
/// logoff at once (EstateHelper::LogOn / LogOff). Draws come from the Sessions stream, one per
/// user, so the same user logs on at the same times under every posture.
class LogonSessions : public ns3::Object
{
public:
    /// ns-3 type registration.
    static ns3::TypeId GetTypeId();

    /// The scenario and the estate must outlive the sessions.
    LogonSessions(const core::Scenario& scenario, EstateHelper& estate,
                  const RandomStreams& streams);

    /// Schedules the standing sessions (at 0) and every user's first logon.
    void Start();

    /// The user logged on to the machine through a pool now, or kNone.
    core::Index UserOn(core::Index machine) const;

    /// Logons so far (standing sessions included).
    std::uint64_t Logons() const { return m_logons; }

    /// ns-3 trace "Logon" (machine): a user logged on to a pool desktop.

private:
    struct User
    {
        core::Index dedicated = core::kNone; ///< the own desktop of a dedicated pool, if any
        std::vector<core::Index> floating;   ///< floating pools the user is entitled to
        core::Index seat = core::kNone;      ///< where the user sits now
        std::mt19937_64 rng;
    };

    void LogOn(core::Index user);
    void LogOff(core::Index user);
    /// Tells the identity firewall who is on the machine now (EstateHelper::LogOn / LogOff).
    void Resolve(core::Index machine);
    double Exponential(core::Index user, double mean);

    const core::Scenario& m_scenario;
    EstateHelper& m_estate;
    core::IdentityIndex m_index;
    std::vector<User> m_users;
    std::vector<core::Index> m_seated; ///< per machine, the pool user sitting there, or kNone
    std::vector<core::StandingSession> m_standing; ///< of enabled users
    std::uint64_t m_logons = 0;
    ns3::TracedCallback<core::Index> m_logon;
};

} // namespace sim
} // namespace segproof

#endif
