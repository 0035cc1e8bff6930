// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#include "benign-traffic.h"

#include "sim/attacker/message-client.h"

#include <algorithm>
#include <ns3/simulator.h>

namespace segproof
{
namespace sim
{

namespace
{
constexpr std::uint16_t kKerberos = 88;
constexpr std::uint16_t kLdap = 389;
constexpr std::uint16_t kSmb = 445;
constexpr std::uint16_t kMailPorts[] = {993, 587, 25}; ///< IMAPS, submission, SMTP
constexpr std::uint32_t kRequestBytes = 1500;          ///< one request [A]
constexpr std::uint32_t kLogonBytes = 4096;            ///< a ticket or directory answer [A]
constexpr double kDeadline_s = 60;                     ///< a user gives up after a minute [A]

/// The service set matches TCP `port`.
bool
Covers(const core::ServiceSet& service, std::uint16_t port)
{
    return std::any_of(service.entries.begin(), service.entries.end(),
                       [port](const core::ServiceEntry& e) {
                           return e.anyProtocol ||
                                  (e.protocol == 6 && e.destinationPorts.Contains(port));
                       });
}
} // namespace

ns3::TypeId
BenignTraffic::GetTypeId()
{
    static ns3::TypeId tid = ns3::TypeId("segproof::sim::BenignTraffic")
                                 .SetParent<ns3::Object>()
                                 .SetGroupName("Segproof");
    return tid;
}

BenignTraffic::BenignTraffic(const core::Scenario& scenario, EstateHelper& estate,
                             AttackTraffic& servers, const RandomStreams& streams)
    : m_scenario(scenario), m_estate(estate), m_servers(servers), m_streams(streams)
{
    FindTargets();
}

void
BenignTraffic::FindTargets()
{
    const auto& machines = m_scenario.GetEstate().Machines();
    std::vector<const core::Intent*> allows;
    for (const core::Intent& intent : m_scenario.Intents())
    {
        if (intent.kind == core::IntentKind::Allow)
        {
            allows.push_back(&intent);
        }
    }
    // Per (server, port): the allow intents that let some source reach it there.
    auto reaches = [&](core::Index server, std::uint16_t port)
    {
        std::vector<const core::Intent*> out;
        for (const core::Intent* intent : allows)
        {
            if (intent->to.addresses.Contains(machines[static_cast<std::size_t>(server)].ip) &&
                Covers(intent->service, port))
            {
                out.push_back(intent);
            }
        }
        return out;
    };
    struct Offer
    {
        Activity activity;
        std::vector<Target> steps;
        std::vector<std::vector<const core::Intent*>> intents; ///< per step
    };
    std::vector<Offer> offers;
    for (std::size_t i = 0; i < machines.size(); ++i)
    {
        const core::Machine& m = machines[i];
        if (m.kind != core::MachineKind::Server)
        {
            continue;
        }
        auto s = static_cast<core::Index>(i);
        auto listens = [&](std::uint16_t port) { return m_servers.Listens(s, port); };
        bool controller = listens(kKerberos);
        if (controller)
        {
            // A refresh asks the directory which policies apply (LDAP), else reads SYSVOL.
            std::vector<Target> logon{{s, kKerberos}};
            std::vector<Target> refresh;
            if (listens(kLdap))
            {
                logon.push_back({s, kLdap});
                refresh.push_back({s, kLdap});
            }
            else if (listens(kSmb))
            {
                refresh.push_back({s, kSmb});
            }
            offers.push_back({Logon, logon, {}});
            if (!refresh.empty())
            {
                offers.push_back({PolicyRefresh, refresh, {}});
            }
        }
        else if (listens(kSmb))
        {
            offers.push_back({FileShare, {{s, kSmb}}, {}});
        }
        if (std::uint16_t proxy = AttackTraffic::ProxyPort(m_scenario, m))
        {
            offers.push_back({Web, {{s, proxy}}, {}});
        }
        for (std::uint16_t port : kMailPorts)
        {
            if (listens(port))
            {
                offers.push_back({Mail, {{s, port}}, {}});
                break;
            }
        }
    }
    for (Offer& offer : offers)
    {
        for (const Target& t : offer.steps)
        {
            offer.intents.push_back(reaches(t.server, t.port));
        }
    }
    for (std::size_t i = 0; i < machines.size(); ++i)
    {
        const core::Machine& m = machines[i];
        if (m.kind != core::MachineKind::Desktop)
        {
            continue;
        }
        Desktop d;
        d.machine = static_cast<core::Index>(i);
        d.rng = m_streams.Stream(StreamPurpose::Benign, i);
        for (const Offer& offer : offers)
        {
            // Every step must be one an allow intent lets this desktop make (any step, when
            // the scenario states no allow intent at all).
            bool allowed =
                std::all_of(offer.intents.begin(), offer.intents.end(),
                            [&](const std::vector<const core::Intent*>& step)
                            {
                                return allows.empty() ||
                                       std::any_of(step.begin(), step.end(),
                                                   [&](const core::Intent* intent) {
                                                       return intent->from.addresses.Contains(m.ip);
                                                   });
                            });
            if (allowed)
            {
                d.options[offer.activity].push_back(offer.steps);
            }
        }
        m_desktops.push_back(std::move(d));
    }
}

void
BenignTraffic::Start()
{
    const core::BenignTrafficParameters& b = m_scenario.Benign();
    for (std::size_t i = 0; i < m_desktops.size(); ++i)
    {
        Desktop& d = m_desktops[i];
        double logon = RandomStreams::Uniform(d.rng) * b.logonWindow_s;
        ns3::Simulator::Schedule(ns3::Seconds(logon), &BenignTraffic::Play, this, i, Logon);
        for (Activity a : {PolicyRefresh, FileShare, Web, Mail})
        {
            if (!d.options[a].empty() && (a != PolicyRefresh || b.policyRefresh_s > 0))
            {
                ns3::Simulator::Schedule(ns3::Seconds(logon + Interval(i, a)), &BenignTraffic::Play,
                                         this, i, a);
            }
        }
    }
}

double
BenignTraffic::Interval(std::size_t desktop, Activity activity)
{
    const core::BenignTrafficParameters& b = m_scenario.Benign();
    std::mt19937_64& rng = m_desktops[desktop].rng;
    switch (activity)
    {
    case PolicyRefresh:
        return b.policyRefresh_s + RandomStreams::Uniform(rng) * b.policyOffset_s;
    case FileShare:
        return RandomStreams::Exponential(rng, b.fileShareInterval_s);
    case Web:
        return RandomStreams::Exponential(rng, b.webInterval_s);
    case Mail:
        return RandomStreams::Exponential(rng, b.mailInterval_s);
    default:
        return 0;
    }
}

void
BenignTraffic::Play(std::size_t desktop, Activity activity)
{
    Desktop& d = m_desktops[desktop];
    const core::BenignTrafficParameters& b = m_scenario.Benign();
    const auto& options = d.options[activity];
    if (!options.empty())
    {
        auto pick = static_cast<std::size_t>(RandomStreams::Uniform(d.rng) *
                                             static_cast<double>(options.size()));
        const std::vector<Target>& steps = options[std::min(pick, options.size() - 1)];
        std::uint64_t bytes = activity == FileShare ? b.fileBytes
                              : activity == Web     ? b.webBytes
                              : activity == Mail    ? b.mailBytes
                                                    : kLogonBytes;
        // The steps of one activity go out together (a logon's Kerberos and LDAP sessions).
        for (const Target& t : steps)
        {
            Open(d.machine, t, bytes);
        }
    }
    if (activity != Logon)
    {
        ns3::Simulator::Schedule(ns3::Seconds(Interval(desktop, activity)), &BenignTraffic::Play,
                                 this, desktop, activity);
    }
}

void
BenignTraffic::Open(core::Index from, const Target& target, std::uint64_t responseBytes)
{
    const core::Machine& server =
        m_scenario.GetEstate().Machines()[static_cast<std::size_t>(target.server)];
    MessageHeader h;
    h.kind = MessageKind::Benign;
    h.bodyBytes = kRequestBytes;
    h.responseBytes = static_cast<std::uint32_t>(std::min<std::uint64_t>(responseBytes, 1U << 30));
    m_servers.OpenListener(server.ip, target.port);
    ++m_started;
    MessageClient::Start(m_estate.MachineNode(from), server.ip, target.port, h,
                         ns3::Seconds(kDeadline_s),
                         [this](bool ok)
                         {
                             if (!ok)
                             {
                                 ++m_failed;
                             }
                         });
}

void
BenignTraffic::Collect(core::RunResult& result) const
{
    result.benignSessions += m_started;
    result.benignFailed += m_failed;
}

} // namespace sim
} // namespace segproof
