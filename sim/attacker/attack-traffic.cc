// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#include "attack-traffic.h"

#include "core/listening-ports.h"
#include "session-log.h"

#include <ns3/simulator.h>
#include <ns3/uinteger.h>

namespace segproof
{
namespace sim
{

ns3::TypeId
AttackTraffic::GetTypeId()
{
    static ns3::TypeId tid =
        ns3::TypeId("segproof::sim::AttackTraffic")
            .SetParent<ns3::Object>()
            .SetGroupName("Segproof")
            .AddAttribute("ExfiltrationPort",
                          "TCP port of the attacker's server on the externals (C2, exfiltration)",
                          ns3::UintegerValue(core::AttackParameters{}.exfiltrationPort),
                          ns3::MakeUintegerAccessor(&AttackTraffic::m_exfiltrationPort),
                          ns3::MakeUintegerChecker<std::uint16_t>(1));
    return tid;
}

AttackTraffic::AttackTraffic(const core::Scenario& scenario, const InfectionState& state,
                             EstateHelper& estate)
    : m_scenario(scenario), m_state(state), m_estate(estate)
{
    const core::Estate& e = scenario.GetEstate();
    const core::AttackParameters& attack = scenario.Attack();
    for (const core::Machine& m : e.Machines())
    {
        m_listening.push_back(core::ListeningPorts(m));
    }
    core::Index to = attack.exfiltrationTo != core::kNone ? attack.exfiltrationTo : 0;
    if (static_cast<std::size_t>(to) < e.Externals().size())
    {
        m_c2 = e.Externals()[static_cast<std::size_t>(to)].ip;
    }
    if (!attack.exfiltrationDirect)
    {
        core::Index via = attack.exfiltrationVia;
        for (std::size_t i = 0; via == core::kNone && i < e.Machines().size(); ++i)
        {
            if (ProxyPort(scenario, e.Machines()[i]) != 0)
            {
                via = static_cast<core::Index>(i);
            }
        }
        if (via != core::kNone)
        {
            const core::Machine& proxy = e.Machines()[static_cast<std::size_t>(via)];
            m_proxy = proxy.ip;
            m_proxyPort = ProxyPort(scenario, proxy);
            if (m_proxyPort == 0)
            {
                const std::set<std::uint16_t>& ports = m_listening[static_cast<std::size_t>(via)];
                m_proxyPort = ports.empty() ? 8080 : *ports.begin();
            }
        }
    }
}

std::uint16_t
AttackTraffic::ProxyPort(const core::Scenario& scenario, const core::Machine& m)
{
    for (const auto& e : m.listens.entries)
    {
        for (const core::Service& s : scenario.Services())
        {
            if (s.name != "proxy")
            {
                continue;
            }
            for (const auto& p : s.entries)
            {
                if (p.protocol == 6 && e.protocol == 6 &&
                    p.destinationPorts.first == e.destinationPorts.first)
                {
                    return static_cast<std::uint16_t>(p.destinationPorts.first);
                }
            }
        }
    }
    return 0;
}

AttackTraffic::~AttackTraffic() = default;

void
AttackTraffic::Start()
{
    // Machines listen lazily (OpenListener, just before a session towards them starts):
    // the same open ports, without 30,000 idle listening sockets on a 10,000-desktop estate.
    m_machineServers.resize(m_scenario.GetEstate().Machines().size());
    for (const core::External& x : m_scenario.GetEstate().Externals())
    {
        auto server = std::make_unique<MessageServer>(m_estate.NodeOf(x.ip),
                                                      [this](const MessageHeader& h, std::uint32_t)
                                                      {
                                                          if (h.kind == MessageKind::Exfiltrate)
                                                          {
                                                              OnExfiltrated(h.bodyBytes);
                                                          }
                                                      });
        server->Listen(m_exfiltrationPort);
        m_servers.push_back(std::move(server));
    }
}

void
AttackTraffic::OnExfiltrated(std::uint64_t bytes)
{
    if (!m_firstExfiltration_s)
    {
        m_firstExfiltration_s = ns3::Simulator::Now().GetSeconds();
    }
    m_exfiltratedBytes += bytes;
}

bool
AttackTraffic::Listens(core::Index machine, std::uint16_t port) const
{
    return m_listening[static_cast<std::size_t>(machine)].count(port) != 0;
}

void
AttackTraffic::Session(core::Index from, std::uint32_t dst, std::uint16_t port,
                       MessageHeader header, bool viaProxy, double deadline_s,
                       MessageClient::Done done)
{
    ++m_attempted;
    std::uint32_t to = dst;
    std::uint16_t toPort = port;
    if (viaProxy && m_proxy != 0)
    {
        header.upstream = dst;
        header.upstreamPort = port;
        to = m_proxy;
        toPort = m_proxyPort;
    }
    OpenListener(to, toPort);
    MessageClient::Start(m_estate.MachineNode(from), to, toPort, header, ns3::Seconds(deadline_s),
                         std::move(done));
}

void
AttackTraffic::OpenListener(std::uint32_t address, std::uint16_t port)
{
    core::Index machine = m_scenario.GetEstate().MachineAt(address);
    if (machine == core::kNone)
    {
        return;
    }
    const core::Machine& m = m_scenario.GetEstate().Machines()[static_cast<std::size_t>(machine)];
    if (!Listens(machine, port))
    {
        return; // closed: the SYN gets a RST
    }
    std::unique_ptr<MessageServer>& server = m_machineServers[static_cast<std::size_t>(machine)];
    if (!server)
    {
        // Machines count nothing: exfiltrated bytes are counted where they arrive, outside
        // (the proxy relaying them is a machine).
        server = std::make_unique<MessageServer>(m_estate.MachineNode(machine), nullptr);
    }
    bool relay = m.ip == m_proxy && port == m_proxyPort;
    server->Listen(port, relay);
}

bool
AttackTraffic::IsAttackTraffic(const FiveTuple& t) const
{
    if (const SessionLog::Entry* session = SessionLog::Get().Find(t))
    {
        return !session->flow.benign;
    }
    // Not a session: the worm's raw probes (benign traffic is only sessions).
    core::Index source = m_scenario.GetEstate().MachineAt(t.src);
    return source != core::kNone && m_state.IsInfected(source);
}

void
AttackTraffic::Collect(core::RunResult& result) const
{
    result.connectionsAttempted += m_attempted;
    result.exfiltratedBytes += m_exfiltratedBytes;
    result.timeToExfiltration_s = m_firstExfiltration_s;
}

} // namespace sim
} // namespace segproof
