// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#include "logon-sessions.h"

#include <algorithm>
#include <cmath>
#include <ns3/simulator.h>
#include <ns3/trace-source-accessor.h>

namespace segproof
{
namespace sim
{

ns3::TypeId
LogonSessions::GetTypeId()
{
    static ns3::TypeId tid =
        ns3::TypeId("segproof::sim::LogonSessions")
            .SetParent<ns3::Object>()
            .SetGroupName("Segproof")
            .AddTraceSource("Logon", "A user logged on to a pool desktop (machine)",
                            ns3::MakeTraceSourceAccessor(&LogonSessions::m_logon),
                            "segproof::sim::LogonSessions::LogonCallback");
    return tid;
}

LogonSessions::LogonSessions(const core::Scenario& scenario, EstateHelper& estate,
                             const RandomStreams& streams)
    : m_scenario(scenario), m_estate(estate),
      m_index(scenario.GetIdentity(), scenario.GetEstate().Machines().size()),
      m_users(scenario.GetIdentity().users.size()),
      m_seated(scenario.GetEstate().Machines().size(), core::kNone)
{
    const core::Identity& identity = scenario.GetIdentity();
    for (std::size_t u = 0; u < m_users.size(); ++u)
    {
        m_users[u].rng = streams.Stream(StreamPurpose::Sessions, u);
    }
    for (std::size_t p = 0; p < identity.pools.size(); ++p)
    {
        const core::Pool& pool = identity.pools[p];
        if (pool.kind == core::PoolKind::Dedicated)
        {
            for (const auto& a : pool.assignments)
            {
                if (m_users[a.user].dedicated == core::kNone)
                {
                    m_users[a.user].dedicated = a.machine;
                }
            }
            continue;
        }
        for (core::Index g : pool.entitled)
        {
            for (core::Index u : m_index.MembersOf(g))
            {
                std::vector<core::Index>& pools = m_users[u].floating;
                if (std::find(pools.begin(), pools.end(), static_cast<core::Index>(p)) ==
                    pools.end())
                {
                    pools.push_back(static_cast<core::Index>(p));
                }
            }
        }
    }
}

void
LogonSessions::Start()
{
    const core::Identity& identity = m_scenario.GetIdentity();
    for (const auto& session : identity.sessions)
    {
        if (identity.users[session.user].enabled)
        {
            m_standing.push_back(session);
            ++m_logons;
        }
    }
    for (const auto& session : m_standing)
    {
        Resolve(session.machine);
    }
    const core::LogonPattern& logon = identity.logon;
    for (std::size_t u = 0; u < m_users.size(); ++u)
    {
        User& user = m_users[u];
        if (!identity.users[u].enabled || (user.dedicated == core::kNone && user.floating.empty()))
        {
            continue;
        }
        // Every user draws both numbers, so that one user's choice never shifts another's.
        const bool logsOn = RandomStreams::Uniform(user.rng) < logon.loggedOnShare;
        const double at = RandomStreams::Uniform(user.rng) * logon.logonWindow_s;
        if (logsOn)
        {
            ns3::Simulator::Schedule(ns3::Seconds(at), &LogonSessions::LogOn, this,
                                     static_cast<core::Index>(u));
        }
    }
}

core::Index
LogonSessions::UserOn(core::Index machine) const
{
    return m_seated[static_cast<std::size_t>(machine)];
}

void
LogonSessions::LogOn(core::Index u)
{
    User& user = m_users[u];
    const core::LogonPattern& logon = m_scenario.GetIdentity().logon;
    core::Index seat = core::kNone;
    if (user.dedicated != core::kNone && m_seated[user.dedicated] == core::kNone)
    {
        seat = user.dedicated;
    }
    else if (user.dedicated == core::kNone)
    {
        const std::vector<core::Pool>& pools = m_scenario.GetIdentity().pools;
        const core::Pool& pool = pools[user.floating[user.rng() % user.floating.size()]];
        std::vector<core::Index> free;
        for (core::Index m : pool.desktops)
        {
            if (m_seated[m] == core::kNone)
            {
                free.push_back(m);
            }
        }
        if (!free.empty())
        {
            seat = free[user.rng() % free.size()];
        }
    }
    if (seat == core::kNone)
    {
        // No desktop free: try again after a break.
        ns3::Simulator::Schedule(ns3::Seconds(Exponential(u, logon.breakMean_s)),
                                 &LogonSessions::LogOn, this, u);
        return;
    }
    user.seat = seat;
    m_seated[seat] = u;
    ++m_logons;
    Resolve(seat);
    m_logon(seat);
    ns3::Simulator::Schedule(ns3::Seconds(Exponential(u, logon.sessionMean_s)),
                             &LogonSessions::LogOff, this, u);
}

void
LogonSessions::LogOff(core::Index u)
{
    User& user = m_users[u];
    const core::Index seat = user.seat;
    user.seat = core::kNone;
    m_seated[seat] = core::kNone;
    Resolve(seat);
    ns3::Simulator::Schedule(
        ns3::Seconds(Exponential(u, m_scenario.GetIdentity().logon.breakMean_s)),
        &LogonSessions::LogOn, this, u);
}

void
LogonSessions::Resolve(core::Index machine)
{
    // What the identity firewall matches the machine by: the groups of everyone there.
    std::vector<core::Index> groups;
    bool anyone = false;
    auto add = [&](core::Index u)
    {
        const std::vector<core::Index>& of = m_index.GroupsOf(u);
        groups.insert(groups.end(), of.begin(), of.end());
        anyone = true;
    };
    for (const auto& session : m_standing)
    {
        if (session.machine == machine)
        {
            add(session.user);
        }
    }
    if (m_seated[machine] != core::kNone)
    {
        add(m_seated[machine]);
    }
    std::sort(groups.begin(), groups.end());
    groups.erase(std::unique(groups.begin(), groups.end()), groups.end());
    if (anyone)
    {
        m_estate.LogOn(machine, groups);
    }
    else
    {
        m_estate.LogOff(machine);
    }
}

double
LogonSessions::Exponential(core::Index u, double mean)
{
    // Inverse transform of one uniform draw: the same draws on every platform.
    const double uniform = RandomStreams::Uniform(m_users[u].rng);
    return -mean * std::log1p(-uniform);
}

} // namespace sim
} // namespace segproof
