// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#include "worm.h"

#include <ns3/boolean.h>
#include <ns3/double.h>
#include <ns3/inet-socket-address.h>
#include <ns3/ipv4-header.h>
#include <ns3/ipv4-raw-socket-factory.h>
#include <ns3/ipv4.h>
#include <ns3/simulator.h>
#include <ns3/tcp-header.h>
#include <ns3/uinteger.h>

namespace segproof
{
namespace sim
{

namespace
{
constexpr std::uint16_t kScanPort = 61000; ///< the worm's SYN-scan source port [A]

/// Answers a scanner's SYN to SMB with a SYN-ACK (true: the packet was a scan and is consumed).
bool
AnswerScan(ns3::Ptr<ns3::Node> node, ns3::Ptr<const ns3::Packet> p, const ns3::Ipv4Header& h)
{
    ns3::TcpHeader tcp;
    if (h.GetProtocol() != 6 || p->PeekHeader(tcp) == 0 || tcp.GetSourcePort() != kScanPort ||
        tcp.GetDestinationPort() != AttackTraffic::kSmbPort ||
        tcp.GetFlags() != ns3::TcpHeader::SYN)
    {
        return false;
    }
    ns3::TcpHeader reply;
    reply.SetSourcePort(AttackTraffic::kSmbPort);
    reply.SetDestinationPort(kScanPort);
    reply.SetFlags(ns3::TcpHeader::SYN | ns3::TcpHeader::ACK);
    reply.SetAckNumber(tcp.GetSequenceNumber() + 1);
    reply.SetWindowSize(65535);
    ns3::Ptr<ns3::Packet> answer = ns3::Create<ns3::Packet>();
    answer->AddHeader(reply);
    node->GetObject<ns3::Ipv4>()->Send(answer, h.GetDestination(), h.GetSource(), 6, nullptr);
    return true;
}
} // namespace

ns3::TypeId
Worm::GetTypeId()
{
    static const core::AttackParameters defaults; // core's defaults are the attributes' defaults
    static ns3::TypeId tid =
        ns3::TypeId("segproof::sim::Worm")
            .SetParent<ns3::Object>()
            .SetGroupName("Segproof")
            .AddAttribute("ScansPerSecond", "SYN probes a second of one infected machine",
                          ns3::DoubleValue(defaults.worm.scansPerSecond),
                          ns3::MakeDoubleAccessor(&Worm::m_scansPerSecond),
                          ns3::MakeDoubleChecker<double>(0))
            .AddAttribute(
                "SubnetFirst",
                "Sweep the own subnet before random addresses (false: random from the "
                "start, the random constant spread model)",
                ns3::BooleanValue(defaults.worm.targeting == core::WormTargeting::SubnetFirst),
                ns3::MakeBooleanAccessor(&Worm::m_subnetFirst), ns3::MakeBooleanChecker())
            .AddAttribute("InfectionDelay",
                          "Seconds from a successful exploit session to a running worm",
                          ns3::DoubleValue(defaults.lateral.infectionDelay_s),
                          ns3::MakeDoubleAccessor(&Worm::m_infectionDelay_s),
                          ns3::MakeDoubleChecker<double>(0))
            .AddAttribute("ToolBytes", "Bytes of the worm sent with each exploit session",
                          ns3::UintegerValue(defaults.lateral.toolBytes),
                          ns3::MakeUintegerAccessor(&Worm::m_toolBytes),
                          ns3::MakeUintegerChecker<std::uint64_t>());
    return tid;
}

bool
Worm::ExploitWorks(const RandomStreams& streams, core::Index machine, double exploitSuccess)
{
    std::mt19937_64 vulnerability =
        streams.Stream(StreamPurpose::Vulnerability, static_cast<std::uint64_t>(machine));
    return RandomStreams::Uniform(vulnerability) < exploitSuccess;
}

Worm::Worm(const core::Estate& estate, EstateHelper& helper, InfectionState& state,
           Malware& malware, AttackTraffic& traffic)
    : m_estate(estate), m_helper(helper), m_state(state), m_malware(malware), m_traffic(traffic)
{
    for (const core::Segment& segment : estate.Segments())
    {
        m_segmentAddresses += segment.cidr.Size();
    }
    m_scanners.resize(estate.Machines().size());
}

Worm::~Worm() = default;

void
Worm::Start()
{
    // The scans are answered as a kernel answers a SYN on a listening port: a SYN-ACK
    // straight from the stack, without a socket per SYN (ns-3 would fork a whole TCP socket for
    // each, and a 10,000-desktop worm sends ~100,000 SYNs per simulated second).
    for (std::size_t i = 0; i < m_estate.Machines().size(); ++i)
    {
        auto machine = static_cast<core::Index>(i);
        if (m_traffic.Listens(machine, AttackTraffic::kSmbPort))
        {
            ns3::Ptr<ns3::Node> node = m_helper.MachineNode(machine);
            m_helper.SetResponder(machine,
                                  [node](ns3::Ptr<const ns3::Packet> p, const ns3::Ipv4Header& h)
                                  { return AnswerScan(node, p, h); });
        }
    }
}

void
Worm::OnInfection(core::Index machine, bool)
{
    const core::Machine& m = m_estate.Machines()[static_cast<std::size_t>(machine)];
    const core::Segment& seg = m_estate.Segments()[static_cast<std::size_t>(m.segment)];
    std::uint64_t size = seg.cidr.Size();
    Scanner& s = m_scanners[static_cast<std::size_t>(machine)];
    s = Scanner{};
    s.sweepNext = m.ip + 1;
    // Every host address of the subnet but its own; none under random targeting.
    s.sweepLeft = m_subnetFirst && size > 2 ? static_cast<std::uint32_t>(size - 2) : 0;
    ns3::Simulator::Schedule(
        ns3::Seconds(RandomStreams::Uniform(m_malware.Rng(machine)) / m_scansPerSecond),
        &Worm::Scan, this, machine);
}

void
Worm::Scan(core::Index machine)
{
    if (!m_state.IsInfected(machine) || m_state.Susceptible().empty())
    {
        return; // nothing left to find: the scanner's traffic would change no outcome
    }
    Scanner& s = m_scanners[static_cast<std::size_t>(machine)];
    const core::Machine& self = m_estate.Machines()[static_cast<std::size_t>(machine)];
    const core::Cidr& own = m_estate.Segments()[static_cast<std::size_t>(self.segment)].cidr;
    std::uint32_t target = 0;
    if (s.sweepLeft > 0)
    {
        // Sweep of its own subnet (T1046), from the next address up, wrapping around.
        std::uint64_t size = own.Size();
        auto offset = static_cast<std::uint32_t>((s.sweepNext - own.network) % size);
        if (offset == 0 || offset == size - 1)
        {
            offset = 1;
        }
        target = own.network + offset;
        s.sweepNext = target + 1;
        --s.sweepLeft;
    }
    else
    {
        // Random addresses of the estate's segments.
        auto pick = static_cast<std::uint64_t>(RandomStreams::Uniform(m_malware.Rng(machine)) *
                                               static_cast<double>(m_segmentAddresses));
        for (const auto& segment : m_estate.Segments())
        {
            std::uint64_t size = segment.cidr.Size();
            if (pick < size)
            {
                target = segment.cidr.network + static_cast<std::uint32_t>(pick);
                break;
            }
            pick -= size;
        }
    }
    if (target != self.ip)
    {
        SendSyn(machine, target);
    }
    ns3::Simulator::Schedule(ns3::Seconds(1.0 / m_scansPerSecond), &Worm::Scan, this, machine);
}

void
Worm::SendSyn(core::Index machine, std::uint32_t target)
{
    // A SYN scan (T1046): one bare SYN from a raw socket, as masscan-style scanners do; only a
    // SYN-ACK leads to a real session. Cheaper than a connect() per address, and the network
    // decides the same way: the SYN passes the enforcement points or not, the target answers
    // SYN-ACK when it listens, RST when it does not.
    Scanner& s = m_scanners[static_cast<std::size_t>(machine)];
    if (!s.socket)
    {
        s.socket = ns3::Socket::CreateSocket(m_helper.MachineNode(machine),
                                             ns3::Ipv4RawSocketFactory::GetTypeId());
        s.socket->SetAttribute("Protocol", ns3::UintegerValue(6));
        s.socket->SetRecvCallback(ns3::MakeCallback(&Worm::OnScanReply, this).Bind(machine));
    }
    ns3::TcpHeader syn;
    syn.SetSourcePort(kScanPort);
    syn.SetDestinationPort(AttackTraffic::kSmbPort);
    syn.SetFlags(ns3::TcpHeader::SYN);
    syn.SetSequenceNumber(
        ns3::SequenceNumber32(static_cast<std::uint32_t>(m_malware.Rng(machine)())));
    syn.SetWindowSize(65535);
    ns3::Ptr<ns3::Packet> p = ns3::Create<ns3::Packet>();
    p->AddHeader(syn);
    ++m_synsSent;
    s.socket->SendTo(p, 0, ns3::InetSocketAddress(ns3::Ipv4Address(target), 0));
}

void
Worm::OnScanReply(core::Index machine, ns3::Ptr<ns3::Socket> socket)
{
    while (ns3::Ptr<ns3::Packet> p = socket->Recv())
    {
        if (!m_state.IsInfected(machine))
        {
            continue;
        }
        ns3::Ipv4Header ip;
        p->RemoveHeader(ip); // a raw socket receives the IPv4 header too
        ns3::TcpHeader tcp;
        if (ip.GetProtocol() != 6 || p->PeekHeader(tcp) == 0 ||
            tcp.GetDestinationPort() != kScanPort ||
            (tcp.GetFlags() & (ns3::TcpHeader::SYN | ns3::TcpHeader::ACK)) !=
                (ns3::TcpHeader::SYN | ns3::TcpHeader::ACK))
        {
            continue;
        }
        core::Index victim = m_estate.MachineAt(ip.GetSource().Get());
        if (victim == core::kNone || !m_state.IsSusceptible(victim))
        {
            continue; // taken already (WannaCry first checks for its own backdoor) or not
                      // vulnerable
        }
        MessageHeader h;
        h.kind = MessageKind::Exploit;
        h.signature = core::IdsSignature::SmbExploit;
        h.bodyBytes = static_cast<std::uint32_t>(m_toolBytes);
        h.responseBytes = AttackTraffic::kLogonResponseBytes;
        m_traffic.Session(machine, ip.GetSource().Get(), AttackTraffic::kSmbPort, h, false, 30,
                          [this, victim](bool ok)
                          {
                              if (ok)
                              {
                                  ns3::Simulator::Schedule(ns3::Seconds(m_infectionDelay_s),
                                                           [this, victim]()
                                                           { m_state.Infect(victim, false); });
                              }
                          });
    }
}

void
Worm::Collect(core::RunResult& result) const
{
    result.connectionsAttempted += m_synsSent;
}

} // namespace sim
} // namespace segproof
