#include "attack-run.h"

#include "core/listening-ports.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <ns3/inet-socket-address.h>
#include <ns3/ipv4-header.h>
#include <ns3/ipv4-raw-socket-factory.h>
#include <ns3/ipv4.h>
#include <ns3/simulator.h>
#include <ns3/tcp-header.h>
#include <ns3/uinteger.h>
#include <optional>

namespace segproof
{
namespace sim
{

namespace
{
// Random streams: (seed, run, purpose, index) -> an independent generator. The same machine
// gets the same draws under every posture (common random numbers across postures).
constexpr std::uint64_t kPhishing = 1;
constexpr std::uint64_t kAgent = 2;
constexpr std::uint64_t kAntivirus = 3;
constexpr std::uint64_t kMonitoring = 4;
constexpr std::uint64_t kVulnerability = 5;

constexpr std::uint32_t kBeaconRequest = 512;         ///< [A] an HTTPS check-in
constexpr std::uint32_t kBeaconResponse = 1024;       ///< [A]
constexpr std::uint32_t kSmallResponse = 4096;        ///< [A] an SMB / RDP / WinRM logon answer
constexpr std::uint32_t kExfiltrationChunk = 4000000; ///< one HTTPS POST of stolen data [A]
constexpr std::uint16_t kSmbPort = 445;
constexpr std::uint16_t kScanPort = 61000; ///< the worm's SYN-scan source port [A]
constexpr std::uint8_t kTcpSyn = 0x02;
constexpr std::uint8_t kTcpAck = 0x10;

std::uint64_t
SplitMix(std::uint64_t x)
{
    x += 0x9E3779B97F4A7C15ULL;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
    return x ^ (x >> 31);
}

/// The first TCP port of the scenario's service named `proxy` that the machine listens on.
std::uint16_t
ProxyPort(const core::Scenario& scenario, const core::Machine& m)
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
/// Answers a scanner's SYN to SMB with a SYN-ACK (true: the packet was a scan and is consumed).
bool
AnswerScan(ns3::Ptr<ns3::Node> node, ns3::Ptr<const ns3::Packet> p, const ns3::Ipv4Header& h)
{
    ns3::TcpHeader tcp;
    if (h.GetProtocol() != 6 || p->PeekHeader(tcp) == 0 || tcp.GetSourcePort() != kScanPort ||
        tcp.GetDestinationPort() != kSmbPort || tcp.GetFlags() != ns3::TcpHeader::SYN)
    {
        return false;
    }
    ns3::TcpHeader reply;
    reply.SetSourcePort(kSmbPort);
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

struct AttackRun::Agent
{
    core::Index machine = core::kNone;
    std::mt19937_64 rng;
    std::set<std::pair<core::Index, core::LateralTechnique>> failed; ///< network-level failures
    std::set<core::Index> jewelsFailed;
    bool holdsData = false;
    // Worm scanning state.
    std::uint32_t sweepNext = 0;
    std::uint32_t sweepLeft = 0;
    ns3::Ptr<ns3::Socket> scanner; ///< raw socket: sends SYNs, sees the SYN-ACKs
};

AttackRun::AttackRun(const core::Scenario& scenario, const core::Posture& posture,
                     EstateHelper& estate, const RunSettings& settings)
    : m_scenario(scenario), m_posture(posture), m_estate(estate), m_settings(settings),
      m_attack(scenario.Attack()), m_defence(scenario.Defence())
{
    const core::Estate& e = scenario.GetEstate();
    m_state.assign(e.Machines().size(), State::Susceptible);
    m_susceptiblePosition.assign(e.Machines().size(), 0);
    for (std::size_t i = 0; i < e.Machines().size(); ++i)
    {
        // The sample and its exploits are Windows code [A]: a machine whose `os` names another
        // system answers the sessions but never runs the malware.
        const core::Machine& m = e.Machines()[i];
        if (!core::IsWindows(m))
        {
            m_state[i] = State::Immune;
            continue;
        }
        // Whether the worm's exploit works on a machine is a property of the machine: one draw
        // per machine and run. One it does not work on is out of the worm's reach (opening the
        // mail still infects it); the worm stops scanning once none is left that it can take.
        if (m_attack.profile == core::AttackProfile::Worm)
        {
            std::mt19937_64 vulnerability = Stream(kVulnerability, i);
            if (Uniform(vulnerability) >= m_attack.worm.exploitSuccess)
            {
                m_state[i] = State::Immune;
                continue;
            }
        }
        m_susceptiblePosition[i] = m_susceptible.size();
        m_susceptible.push_back(static_cast<core::Index>(i));
    }
    m_agents.resize(e.Machines().size());
    m_monitoringRng = Stream(kMonitoring, 0);
    for (const core::Machine& m : e.Machines())
    {
        m_listening.push_back(core::ListeningPorts(m));
    }
    for (const core::Segment& segment : e.Segments())
    {
        m_segmentAddresses += segment.cidr.Size();
    }
    m_crownJewels = m_attack.crownJewels;
    if (m_crownJewels.empty())
    {
        for (std::size_t i = 0; i < e.Machines().size(); ++i)
        {
            if (e.Machines()[i].holds)
            {
                m_crownJewels.push_back(static_cast<core::Index>(i));
            }
        }
    }
    core::Index to = m_attack.exfiltrationTo != core::kNone ? m_attack.exfiltrationTo : 0;
    if (static_cast<std::size_t>(to) < e.Externals().size())
    {
        m_c2 = e.Externals()[static_cast<std::size_t>(to)].ip;
    }
    if (!m_attack.exfiltrationDirect)
    {
        core::Index via = m_attack.exfiltrationVia;
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

AttackRun::~AttackRun() = default;

std::mt19937_64
AttackRun::Stream(std::uint64_t purpose, std::uint64_t index) const
{
    std::uint64_t s = SplitMix(m_settings.seed);
    s = SplitMix(s ^ m_settings.run);
    s = SplitMix(s ^ purpose);
    s = SplitMix(s ^ index);
    return std::mt19937_64(s);
}

double
AttackRun::Uniform(std::mt19937_64& rng) const
{
    return static_cast<double>(rng() >> 11) * (1.0 / 9007199254740992.0);
}

double
AttackRun::Exponential(std::mt19937_64& rng, double mean) const
{
    return -mean * std::log(1.0 - Uniform(rng));
}

EstateHelper::Tap
AttackRun::Tap()
{
    return [this](core::PointKind point, const FiveTuple& t) { OnTap(point, t); };
}

void
AttackRun::OnTap(core::PointKind point, const FiveTuple& t)
{
    if (!t.hasPorts || t.proto != 6 || (t.tcpFlags & kTcpSyn) == 0 || (t.tcpFlags & kTcpAck) != 0)
    {
        return;
    }
    // Each SYN is judged at the first tap on its path: the gateway for a source inside a
    // segment, the perimeter for one outside.
    const core::Estate& e = m_scenario.GetEstate();
    if (point != core::PointKind::Gateway && e.SegmentOf(t.src) != core::kNone)
    {
        return;
    }
    // Attack traffic: anything an infected machine opens (in the model it opens nothing
    // else), and the proxy's relayed connections of attack sessions.
    core::Index source = e.MachineAt(t.src);
    bool attack = source != core::kNone && Active(source);
    auto relayed = m_attackFlows.find({t.src, t.sport, t.dst, t.dport});
    if (relayed != m_attackFlows.end())
    {
        attack = true;
        m_attackFlows.erase(relayed);
    }
    if (attack && Uniform(m_monitoringRng) < m_defence.monitoringDetect)
    {
        ++m_measured.alerts;
    }
}

void
AttackRun::Start()
{
    StartServers();
    SchedulePhishing();
    ns3::Simulator::ScheduleNow(&AttackRun::Sample, this);
}

void
AttackRun::StartServers()
{
    // The worm's SYN scans are answered as a kernel answers a SYN on a listening port: a
    // SYN-ACK straight from the stack, without a socket per SYN (ns-3 would fork a whole TCP
    // socket for each, and a 10,000-desktop worm sends ~100,000 SYNs per simulated second).
    for (std::size_t i = 0; i < m_listening.size(); ++i)
    {
        if (m_attack.profile == core::AttackProfile::Worm && m_listening[i].count(kSmbPort) != 0)
        {
            ns3::Ptr<ns3::Node> node = m_estate.MachineNode(static_cast<core::Index>(i));
            m_estate.SetResponder(static_cast<core::Index>(i),
                                  [node](ns3::Ptr<const ns3::Packet> p, const ns3::Ipv4Header& h)
                                  { return AnswerScan(node, p, h); });
        }
    }
    // Machines listen lazily (EnsureListening, just before a session towards them starts):
    // the same open ports, without 30,000 idle listening sockets on a 10,000-desktop estate.
    m_machineServers.resize(m_scenario.GetEstate().Machines().size());
    for (const core::External& x : m_scenario.GetEstate().Externals())
    {
        auto server = std::make_unique<MessageServer>(m_estate.NodeOf(x.ip), OnRequest());
        server->Listen(m_attack.exfiltrationPort);
        m_servers.push_back(std::move(server));
    }
}

MessageServer::OnRequest
AttackRun::OnRequest()
{
    return [this](const MessageHeader& h, std::uint32_t)
    {
        if (h.kind == MessageKind::Exfiltrate)
        {
            m_measured.exfiltratedBytes += h.bodyBytes;
        }
    };
}

void
AttackRun::EnsureListening(std::uint32_t address, std::uint16_t port)
{
    core::Index machine = m_scenario.GetEstate().MachineAt(address);
    if (machine == core::kNone)
    {
        return;
    }
    const core::Machine& m = m_scenario.GetEstate().Machines()[static_cast<std::size_t>(machine)];
    if (m_listening[static_cast<std::size_t>(machine)].count(port) == 0)
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
    MessageServer::OnRelay onRelay = nullptr;
    if (relay)
    {
        onRelay = [this](std::uint32_t src, std::uint16_t sport, std::uint32_t dst,
                         std::uint16_t dport) {
            m_attackFlows.insert({src, sport, dst, dport});
        };
    }
    server->Listen(port, relay, onRelay);
}

void
AttackRun::SchedulePhishing()
{
    const auto& machines = m_scenario.GetEstate().Machines();
    std::vector<core::Index> targets = m_attack.initialAccess.targets;
    if (targets.empty())
    {
        for (std::size_t i = 0; i < machines.size(); ++i)
        {
            if (machines[i].kind == core::MachineKind::Desktop)
            {
                targets.push_back(static_cast<core::Index>(i));
            }
        }
    }
    if (targets.empty())
    {
        for (std::size_t i = 0; i < machines.size(); ++i)
        {
            targets.push_back(static_cast<core::Index>(i));
        }
    }
    std::mt19937_64 rng = Stream(kPhishing, 0);
    std::size_t opened = std::min(
        targets.size(), static_cast<std::size_t>(std::max(1, m_attack.initialAccess.opened)));
    // A partial Fisher-Yates shuffle picks the desktops that open the mail.
    for (std::size_t i = 0; i < opened; ++i)
    {
        std::size_t j =
            i + static_cast<std::size_t>(Uniform(rng) * static_cast<double>(targets.size() - i));
        std::swap(targets[i], targets[std::min(j, targets.size() - 1)]);
    }
    std::vector<double> times(opened, 0.0);
    for (std::size_t i = 1; i < opened; ++i)
    {
        times[i] = Uniform(rng) * m_attack.initialAccess.window_s;
    }
    std::sort(times.begin(), times.end());
    for (std::size_t i = 0; i < opened; ++i)
    {
        core::Index target = targets[i];
        ns3::Simulator::Schedule(ns3::Seconds(times[i]),
                                 [this, target]() { Infect(target, true); });
    }
}

void
AttackRun::Sample()
{
    double now = ns3::Simulator::Now().GetSeconds();
    m_measured.infectedSeries.emplace_back(now, m_infectedNow);
    if (now + m_settings.sampleInterval_s <= m_settings.duration_s + 1e-9)
    {
        ns3::Simulator::Schedule(ns3::Seconds(m_settings.sampleInterval_s), &AttackRun::Sample,
                                 this);
    }
}

bool
AttackRun::Active(core::Index machine) const
{
    return m_state[static_cast<std::size_t>(machine)] == State::Infected;
}

bool
AttackRun::AnySusceptible() const
{
    return !m_susceptible.empty();
}

void
AttackRun::Infect(core::Index machine, bool phished)
{
    auto i = static_cast<std::size_t>(machine);
    if (m_state[i] != State::Susceptible && !(phished && m_state[i] == State::Immune))
    {
        return;
    }
    const core::Machine& m = m_scenario.GetEstate().Machines()[i];
    if (m_state[i] == State::Susceptible)
    {
        // Swap-remove from the list of machines still to take.
        std::size_t at = m_susceptiblePosition[i];
        core::Index last = m_susceptible.back();
        m_susceptible[at] = last;
        m_susceptiblePosition[static_cast<std::size_t>(last)] = at;
        m_susceptible.pop_back();
    }
    m_state[i] = State::Infected;
    ++m_infectedNow;
    ++m_measured.everInfected;
    m_measured.everInfectedDesktops += m.kind == core::MachineKind::Desktop ? 1 : 0;
    m_measured.phished += phished ? 1 : 0;
    m_measured.infectedMachines.push_back(machine);
    if (phished)
    {
        m_measured.phishedMachines.push_back(machine);
    }
    auto agent = std::make_unique<Agent>();
    agent->machine = machine;
    agent->rng = Stream(kAgent, i);
    Agent& a = *agent;
    m_agents[i] = std::move(agent);

    // Credential theft (T1003, reused as T1550.002): widens what later moves can use.
    if (Uniform(a.rng) < m_attack.credentialTheft)
    {
        m_credentials = true;
    }
    // Defense evasion: the malware switches the Windows firewall off (T1562.004).
    if (Uniform(a.rng) < m_attack.disableHostFirewallProbability)
    {
        ns3::Simulator::Schedule(ns3::Seconds(m_attack.disableHostFirewallDelay_s),
                                 [this, machine]()
                                 {
                                     if (Active(machine))
                                     {
                                         m_estate.SetHostFirewallEnabled(machine, false);
                                     }
                                 });
    }
    // AV / EDR: detects the sample with a probability that depends on whether it is known.
    std::mt19937_64 av = Stream(kAntivirus, i);
    double p =
        m_attack.sample == core::SampleKind::New ? m_defence.avDetectNew : m_defence.avDetectKnown;
    if (Uniform(av) < p)
    {
        ns3::Simulator::Schedule(ns3::Seconds(Exponential(av, m_defence.avDelay_s)),
                                 &AttackRun::Detect, this, machine);
    }
    // C2 beacons: a worm has none; a targeted intruder beacons out from its footholds.
    bool beacons = m_attack.profile == core::AttackProfile::Targeted &&
                   (m_attack.c2Egress == core::C2Egress::Every ||
                    (m_attack.c2Egress == core::C2Egress::Phished && phished));
    if (m_c2 != 0 && beacons)
    {
        ns3::Simulator::Schedule(ns3::Seconds(Uniform(a.rng) * m_attack.beaconInterval_s),
                                 &AttackRun::Beacon, this, machine);
    }
    if (m_attack.profile == core::AttackProfile::Worm)
    {
        const core::Segment& seg =
            m_scenario.GetEstate().Segments()[static_cast<std::size_t>(m.segment)];
        std::uint64_t size = seg.cidr.Size();
        a.sweepNext = m.ip + 1;
        // Every host address of the subnet but its own; none under random targeting.
        bool sweeps = m_attack.worm.targeting == core::WormTargeting::SubnetFirst;
        a.sweepLeft = sweeps && size > 2 ? static_cast<std::uint32_t>(size - 2) : 0;
        ns3::Simulator::Schedule(ns3::Seconds(Uniform(a.rng) / m_attack.worm.scansPerSecond),
                                 &AttackRun::WormScan, this, machine);
        return;
    }
    // Targeted: the phished machine waits the breakout time, later ones a move interval.
    double first = phished ? m_attack.breakout_s * (0.5 + Uniform(a.rng))
                           : Exponential(a.rng, m_attack.lateral.attemptInterval_s);
    ns3::Simulator::Schedule(ns3::Seconds(first), &AttackRun::TargetedMove, this, machine);
}

void
AttackRun::Detect(core::Index machine)
{
    if (!Active(machine))
    {
        return;
    }
    ++m_measured.detected;
    ++m_measured.alerts;
    if (m_posture.quarantine)
    {
        std::string tag = m_defence.quarantineTag;
        ns3::Simulator::Schedule(ns3::Seconds(m_defence.quarantineReaction_s),
                                 [this, machine, tag]()
                                 {
                                     if (!m_estate.TagMachine(machine, tag).empty())
                                     {
                                         ++m_measured.quarantined;
                                     }
                                 });
    }
    if (m_defence.avRemoves)
    {
        m_state[static_cast<std::size_t>(machine)] = State::Removed;
        --m_infectedNow;
        m_agents[static_cast<std::size_t>(machine)]->holdsData = false;
        m_holders.erase(std::remove(m_holders.begin(), m_holders.end(), machine), m_holders.end());
    }
}

void
AttackRun::Session(core::Index from, std::uint32_t dst, std::uint16_t port, MessageHeader header,
                   bool viaProxy, double deadline_s, MessageClient::Done done)
{
    ++m_measured.connectionsAttempted;
    std::uint32_t to = dst;
    std::uint16_t toPort = port;
    if (viaProxy && m_proxy != 0)
    {
        header.upstream = dst;
        header.upstreamPort = port;
        to = m_proxy;
        toPort = m_proxyPort;
    }
    EnsureListening(to, toPort);
    MessageClient::Start(m_estate.MachineNode(from), to, toPort, header, ns3::Seconds(deadline_s),
                         std::move(done));
}

void
AttackRun::TargetedMove(core::Index machine)
{
    if (!Active(machine))
    {
        return;
    }
    Agent& a = *m_agents[static_cast<std::size_t>(machine)];
    // Collection first (the data is what the attacker came for), then lateral movement.
    // A jewel not read yet; or any, when every agent that held the data is gone.
    bool collecting = false;
    for (core::Index jewel : m_crownJewels)
    {
        if (jewel != machine && a.jewelsFailed.count(jewel) == 0 &&
            (m_holders.empty() || m_collected.count(jewel) == 0))
        {
            TryCollect(a, jewel);
            collecting = true;
            break;
        }
    }
    if (!collecting)
    {
        TryLateral(a);
    }
    ns3::Simulator::Schedule(ns3::Seconds(Exponential(a.rng, m_attack.lateral.attemptInterval_s)),
                             &AttackRun::TargetedMove, this, machine);
}

void
AttackRun::TryCollect(Agent& agent, core::Index jewel)
{
    const core::Machine& j = m_scenario.GetEstate().Machines()[static_cast<std::size_t>(jewel)];
    MessageHeader h;
    h.kind = MessageKind::Collect;
    h.bodyBytes = 1024;
    std::uint64_t bytes = j.holds ? j.holds->bytes : 0;
    // One session reads at most 4 GB (sizes are 32-bit); that is what can be sent on.
    h.responseBytes = static_cast<std::uint32_t>(std::min<std::uint64_t>(bytes, 0xFFFFFFFFULL));
    std::uint64_t read = h.responseBytes;
    core::Index self = agent.machine;
    Session(self, j.ip, kSmbPort, h, false, 600,
            [this, self, jewel, read](bool ok)
            {
                if (!Active(self))
                {
                    return;
                }
                Agent& a = *m_agents[static_cast<std::size_t>(self)];
                if (!ok)
                {
                    a.jewelsFailed.insert(jewel);
                    return;
                }
                if (m_collected.insert(jewel).second)
                {
                    m_exfiltrationLeft += read; // each jewel's data is sent once
                }
                if (!a.holdsData)
                {
                    a.holdsData = true;
                    m_holders.push_back(self);
                }
                if (!m_measured.timeToCrownJewel_s)
                {
                    m_measured.timeToCrownJewel_s = ns3::Simulator::Now().GetSeconds();
                }
                if (!m_exfiltrating && m_c2 != 0)
                {
                    m_exfiltrating = true;
                    ExfiltrateNext();
                }
            });
}

void
AttackRun::TryLateral(Agent& a)
{
    const auto& machines = m_scenario.GetEstate().Machines();
    std::vector<core::LateralTechnique> usable;
    for (core::LateralTechnique t : m_attack.lateral.techniques)
    {
        if (m_credentials || t == core::LateralTechnique::Smb)
        {
            usable.push_back(t);
        }
    }
    if (m_susceptible.empty() || usable.empty())
    {
        return;
    }
    // A random machine the attacker does not own yet (the directory lists them all) and a
    // technique it has not already seen fail there; a few draws, then it waits for the next
    // move (O(1) per move, whatever the estate's size).
    std::optional<std::pair<core::Index, core::LateralTechnique>> chosen;
    for (int draw = 0; draw < 32 && !chosen; ++draw)
    {
        auto i =
            static_cast<std::size_t>(Uniform(a.rng) * static_cast<double>(m_susceptible.size()));
        auto j = static_cast<std::size_t>(Uniform(a.rng) * static_cast<double>(usable.size()));
        std::pair<core::Index, core::LateralTechnique> option{
            m_susceptible[std::min(i, m_susceptible.size() - 1)],
            usable[std::min(j, usable.size() - 1)]};
        if (a.failed.count(option) == 0)
        {
            chosen = option;
        }
    }
    if (!chosen)
    {
        return;
    }
    auto pick = *chosen;
    core::Index target = pick.first;
    core::LateralTechnique technique = pick.second;
    double success =
        m_credentials ? m_attack.lateral.credentialSuccess : m_attack.lateral.exploitSuccess;
    bool works = Uniform(a.rng) < success; // drawn now: the same move has the same fate
    MessageHeader h;
    h.kind = MessageKind::Exploit;
    h.bodyBytes = static_cast<std::uint32_t>(m_attack.lateral.toolBytes);
    h.responseBytes = kSmallResponse;
    core::Index self = a.machine;
    Session(
        self, machines[static_cast<std::size_t>(target)].ip, core::LateralTechniquePort(technique),
        h, false, 120,
        [this, self, target, technique, works](bool ok)
        {
            if (!ok)
            {
                if (m_agents[static_cast<std::size_t>(self)])
                {
                    m_agents[static_cast<std::size_t>(self)]->failed.insert({target, technique});
                }
                return;
            }
            if (works)
            {
                ns3::Simulator::Schedule(ns3::Seconds(m_attack.lateral.infectionDelay_s),
                                         [this, target]() { Infect(target, false); });
            }
        });
}

void
AttackRun::WormScan(core::Index machine)
{
    if (!Active(machine) || !AnySusceptible())
    {
        return; // nothing left to find: the scanner's traffic would change no outcome
    }
    Agent& a = *m_agents[static_cast<std::size_t>(machine)];
    const core::Estate& e = m_scenario.GetEstate();
    const core::Machine& self = e.Machines()[static_cast<std::size_t>(machine)];
    const core::Cidr& own = e.Segments()[static_cast<std::size_t>(self.segment)].cidr;
    std::uint32_t target = 0;
    if (a.sweepLeft > 0)
    {
        // Sweep of its own subnet (T1046), from the next address up, wrapping around.
        std::uint64_t size = own.Size();
        auto offset = static_cast<std::uint32_t>((a.sweepNext - own.network) % size);
        if (offset == 0 || offset == size - 1)
        {
            offset = 1;
        }
        target = own.network + offset;
        a.sweepNext = target + 1;
        --a.sweepLeft;
    }
    else
    {
        // Random addresses of the estate's segments.
        auto pick =
            static_cast<std::uint64_t>(Uniform(a.rng) * static_cast<double>(m_segmentAddresses));
        for (const auto& s : e.Segments())
        {
            std::uint64_t size = s.cidr.Size();
            if (pick < size)
            {
                target = s.cidr.network + static_cast<std::uint32_t>(pick);
                break;
            }
            pick -= size;
        }
    }
    if (target != self.ip)
    {
        SendSyn(a, target);
    }
    ns3::Simulator::Schedule(ns3::Seconds(1.0 / m_attack.worm.scansPerSecond), &AttackRun::WormScan,
                             this, machine);
}

void
AttackRun::SendSyn(Agent& a, std::uint32_t target)
{
    // A SYN scan (T1046): one bare SYN from a raw socket, as masscan-style scanners do; only a
    // SYN-ACK leads to a real session. Cheaper than a connect() per address, and the network
    // decides the same way: the SYN passes the enforcement points or not, the target answers
    // SYN-ACK when it listens, RST when it does not.
    ns3::Ptr<ns3::Node> node = m_estate.MachineNode(a.machine);
    if (!a.scanner)
    {
        a.scanner = ns3::Socket::CreateSocket(node, ns3::Ipv4RawSocketFactory::GetTypeId());
        a.scanner->SetAttribute("Protocol", ns3::UintegerValue(6));
        a.scanner->SetRecvCallback(
            ns3::MakeCallback(&AttackRun::OnScanReply, this).Bind(a.machine));
    }
    ns3::TcpHeader syn;
    syn.SetSourcePort(kScanPort);
    syn.SetDestinationPort(kSmbPort);
    syn.SetFlags(ns3::TcpHeader::SYN);
    syn.SetSequenceNumber(ns3::SequenceNumber32(static_cast<std::uint32_t>(a.rng())));
    syn.SetWindowSize(65535);
    ns3::Ptr<ns3::Packet> p = ns3::Create<ns3::Packet>();
    p->AddHeader(syn);
    ++m_measured.connectionsAttempted;
    a.scanner->SendTo(p, 0, ns3::InetSocketAddress(ns3::Ipv4Address(target), 0));
}

void
AttackRun::OnScanReply(core::Index machine, ns3::Ptr<ns3::Socket> socket)
{
    while (ns3::Ptr<ns3::Packet> p = socket->Recv())
    {
        if (!Active(machine))
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
        core::Index victim = m_scenario.GetEstate().MachineAt(ip.GetSource().Get());
        if (victim == core::kNone ||
            m_state[static_cast<std::size_t>(victim)] != State::Susceptible)
        {
            continue; // taken already (WannaCry first checks for its own backdoor) or not
                      // vulnerable
        }
        MessageHeader h;
        h.kind = MessageKind::Exploit;
        h.bodyBytes = static_cast<std::uint32_t>(m_attack.lateral.toolBytes);
        h.responseBytes = kSmallResponse;
        Session(machine, ip.GetSource().Get(), kSmbPort, h, false, 30,
                [this, victim](bool ok)
                {
                    if (ok)
                    {
                        ns3::Simulator::Schedule(ns3::Seconds(m_attack.lateral.infectionDelay_s),
                                                 [this, victim]() { Infect(victim, false); });
                    }
                });
    }
}

void
AttackRun::Beacon(core::Index machine)
{
    if (!Active(machine))
    {
        return;
    }
    MessageHeader h;
    h.kind = MessageKind::Beacon;
    h.bodyBytes = kBeaconRequest;
    h.responseBytes = kBeaconResponse;
    Session(machine, m_c2, m_attack.exfiltrationPort, h, true, 60, nullptr);
    ns3::Simulator::Schedule(ns3::Seconds(m_attack.beaconInterval_s), &AttackRun::Beacon, this,
                             machine);
}

void
AttackRun::ExfiltrateNext()
{
    if (m_exfiltrationLeft == 0)
    {
        m_exfiltrating = false;
        return;
    }
    if (m_holders.empty())
    {
        m_exfiltrating = false; // no agent holds the data any more: collection starts again
        return;
    }
    core::Index from = m_holders.front(); // the first agent that collected it
    auto chunk =
        static_cast<std::uint32_t>(std::min<std::uint64_t>(m_exfiltrationLeft, kExfiltrationChunk));
    MessageHeader h;
    h.kind = MessageKind::Exfiltrate;
    h.bodyBytes = chunk;
    h.responseBytes = kBeaconResponse;
    double pace = static_cast<double>(chunk) / m_attack.exfiltrationRate_Bps;
    ns3::Time started = ns3::Simulator::Now();
    Session(from, m_c2, m_attack.exfiltrationPort, h, true, std::max(60.0, 10 * pace),
            [this, chunk, pace, started](bool ok)
            {
                double wait = m_attack.beaconInterval_s; // blocked: try again later
                if (ok)
                {
                    m_exfiltrationLeft -= chunk;
                    double spent = (ns3::Simulator::Now() - started).GetSeconds();
                    wait = std::max(0.0, pace - spent); // the attacker's throttle
                }
                ns3::Simulator::Schedule(ns3::Seconds(wait), &AttackRun::ExfiltrateNext, this);
            });
}

void
AttackRun::Collect(core::RunResult& result) const
{
    result.infectedSeries = m_measured.infectedSeries;
    result.everInfected = m_measured.everInfected;
    result.everInfectedDesktops = m_measured.everInfectedDesktops;
    result.phished = m_measured.phished;
    result.infectedMachines = m_measured.infectedMachines;
    result.phishedMachines = m_measured.phishedMachines;
    result.timeToCrownJewel_s = m_measured.timeToCrownJewel_s;
    result.exfiltratedBytes = m_measured.exfiltratedBytes;
    result.alerts = m_measured.alerts;
    result.detected = m_measured.detected;
    result.quarantined = m_measured.quarantined;
    result.connectionsAttempted = m_measured.connectionsAttempted;
}

} // namespace sim
} // namespace segproof
