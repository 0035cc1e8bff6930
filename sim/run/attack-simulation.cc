// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#include "attack-simulation.h"

#include "attack-run.h"
#include "flow-records.h"
#include "sim/attacker/message-client.h"
#include "sim/attacker/session-log.h"
#include "sim/estate/estate-helper.h"

#include <chrono>
#include <ns3/config.h>
#include <ns3/double.h>
#include <ns3/flow-monitor-helper.h>
#include <ns3/ipv4-l3-protocol.h>
#include <ns3/node-list.h>
#include <ns3/rng-seed-manager.h>
#include <ns3/simulator.h>
#include <ns3/uinteger.h>

namespace segproof
{
namespace sim
{

namespace
{
/// Links carry 64 KB segments, as a hypervisor's vswitch does with TSO / LRO: a 250 MB
/// collection is ~4,000 packets instead of ~170,000, with the same bytes and handshakes.
constexpr std::uint16_t kMtu = 65535;
constexpr std::uint32_t kSegmentSize = 65000;

core::BlockedAt
BlockedAtOf(core::PointKind point)
{
    switch (point)
    {
    case core::PointKind::DfwOut:
    case core::PointKind::DfwIn:
        return core::BlockedAt::Dfw;
    case core::PointKind::HostOut:
    case core::PointKind::HostIn:
        return core::BlockedAt::Host;
    case core::PointKind::Gateway:
        return core::BlockedAt::Gateway;
    default:
        return core::BlockedAt::Perimeter;
    }
}

void
CountPacket(std::uint64_t* packets, const ns3::Ipv4Header&, ns3::Ptr<const ns3::Packet>,
            std::uint32_t)
{
    ++*packets;
}
} // namespace

std::string
Ns3Version()
{
    return SEGPROOF_NS3_VERSION;
}

core::RunResult
SimulateAttack(const core::Scenario& scenario, const core::Posture& posture,
               const RunSettings& settings)
{
    auto wallStart = std::chrono::steady_clock::now();
    core::RunResult result;
    result.posture = posture.name;
    result.run = settings.run;

    // Creating the simulator first ends ns-3's bookkeeping of every Time object made before it
    // (kept in case the time resolution changes): with it, building 10,000 nodes spends much
    // of its time in a std::set<Time*>.
    ns3::Simulator::Now();
    ns3::RngSeedManager::SetSeed(static_cast<std::uint32_t>(settings.seed % 0xFFFFFFFEULL) + 1);
    ns3::RngSeedManager::SetRun(settings.run + 1);
    // Windows gives up a connection after 3 SYNs (TcpMaxConnectRetransmissions = 2) [A].
    ns3::Config::SetDefault("ns3::TcpSocket::ConnTimeout", ns3::TimeValue(ns3::Seconds(3)));
    ns3::Config::SetDefault("ns3::TcpSocket::ConnCount", ns3::UintegerValue(3));
    ns3::Config::SetDefault("ns3::TcpSocket::SegmentSize", ns3::UintegerValue(kSegmentSize));
    ns3::Config::SetDefault("ns3::TcpSocket::SndBufSize", ns3::UintegerValue(1 << 20));
    ns3::Config::SetDefault("ns3::TcpSocket::RcvBufSize", ns3::UintegerValue(1 << 20));
    ns3::Config::SetDefault("ns3::TcpSocketBase::MaxSegLifetime", ns3::DoubleValue(1));

    {
        EstateHelper estate(scenario, posture);
        estate.SetMtu(kMtu);
        AttackRun attack(scenario, posture, estate, settings);
        estate.SetTap(attack.Tap());
        estate.Install();
        if (!settings.pcapPrefix.empty())
        {
            estate.EnablePcap(settings.pcapPrefix);
        }
        ns3::FlowMonitorHelper flows;
        if (!settings.flowMonitorFile.empty())
        {
            flows.InstallAll();
        }
        // Packets originated by machines and externals (each counted once, not per hop).
        std::uint64_t packets = 0;
        for (const auto& m : scenario.GetEstate().Machines())
        {
            estate.NodeOf(m.ip)->GetObject<ns3::Ipv4L3Protocol>()->TraceConnectWithoutContext(
                "SendOutgoing", ns3::MakeBoundCallback(&CountPacket, &packets));
        }
        for (const auto& x : scenario.GetEstate().Externals())
        {
            estate.NodeOf(x.ip)->GetObject<ns3::Ipv4L3Protocol>()->TraceConnectWithoutContext(
                "SendOutgoing", ns3::MakeBoundCallback(&CountPacket, &packets));
        }
        SessionLog::Get().SetRecording(!settings.flowsFile.empty());
        attack.Start();
        ns3::Simulator::Stop(ns3::Seconds(settings.duration_s) + ns3::NanoSeconds(1));
        ns3::Simulator::Run();

        attack.Collect(result);
        std::uint64_t jewelBytes = 0;
        for (const auto& m : scenario.GetEstate().Machines())
        {
            jewelBytes += m.holds ? m.holds->bytes : 0;
        }
        // A chunk the C2 got but whose answer was lost is sent again: count bytes once.
        result.exfiltratedBytes = std::min(result.exfiltratedBytes, jewelBytes);
        for (const auto& [key, count] : estate.Drops())
        {
            core::BlockedAt at = BlockedAtOf(key.first);
            result.blocked[static_cast<std::size_t>(at)] += count;
            result.blockedByRule[core::BlockedAtName(at) + "/" + key.second] += count;
        }
        result.loggedHits = estate.Logged();
        result.packets = packets;
        result.events = ns3::Simulator::GetEventCount();
        if (!settings.flowsFile.empty())
        {
            WriteFlowRecords(settings.flowsFile, SessionLog::Get().Flows(), scenario.GetEstate(),
                             posture.name, settings.run);
        }
        if (!settings.flowMonitorFile.empty())
        {
            flows.SerializeToXmlFile(settings.flowMonitorFile, false, false);
        }
        MessageClient::DeleteAll();
        ns3::Simulator::Destroy();
    }
    result.wall_s =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - wallStart).count();
    return result;
}

} // namespace sim
} // namespace segproof
