// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#include "targeted-intruder.h"

#include <algorithm>
#include <ns3/double.h>
#include <ns3/enum.h>
#include <ns3/simulator.h>
#include <ns3/uinteger.h>

namespace segproof
{
namespace sim
{

namespace
{
/// What the move's payload carries for an IDS: an SMB logon with a stolen hash, or without one
/// the exploit; a WinRM session is remote execution.
core::IdsSignature
SignatureOf(core::LateralTechnique technique, bool credentials)
{
    switch (technique)
    {
    case core::LateralTechnique::Smb:
        return credentials ? core::IdsSignature::PassTheHash : core::IdsSignature::SmbExploit;
    case core::LateralTechnique::Rdp:
        return core::IdsSignature::Rdp;
    case core::LateralTechnique::WinRm:
        return core::IdsSignature::RemoteExecution;
    }
    return core::IdsSignature::SmbExploit;
}

constexpr std::uint32_t kBeaconRequest = 512;         ///< [A] an HTTPS check-in
constexpr std::uint32_t kBeaconResponse = 1024;       ///< [A]
constexpr std::uint32_t kExfiltrationChunk = 4000000; ///< one HTTPS POST of stolen data [A]
} // namespace

/// What the intruder knows on one machine it owns.
struct TargetedIntruder::Foothold
{
    core::Index machine = core::kNone;
    std::set<std::pair<core::Index, core::LateralTechnique>> failed; ///< network-level failures
    std::set<core::Index> jewelsFailed;
    bool holdsData = false;
};

ns3::TypeId
TargetedIntruder::GetTypeId()
{
    static const core::AttackParameters defaults; // core's defaults are the attributes' defaults
    static ns3::TypeId tid =
        ns3::TypeId("segproof::sim::TargetedIntruder")
            .SetParent<ns3::Object>()
            .SetGroupName("Segproof")
            .AddAttribute("Breakout", "Mean seconds from the first host to the first lateral move",
                          ns3::DoubleValue(defaults.breakout_s),
                          ns3::MakeDoubleAccessor(&TargetedIntruder::m_breakout_s),
                          ns3::MakeDoubleChecker<double>(0))
            .AddAttribute("AttemptInterval", "Mean seconds between two moves of one agent",
                          ns3::DoubleValue(defaults.lateral.attemptInterval_s),
                          ns3::MakeDoubleAccessor(&TargetedIntruder::m_attemptInterval_s),
                          ns3::MakeDoubleChecker<double>(0))
            .AddAttribute("ExploitSuccess",
                          "Probability that the SMB exploit works (without a credential)",
                          ns3::DoubleValue(defaults.lateral.exploitSuccess),
                          ns3::MakeDoubleAccessor(&TargetedIntruder::m_exploitSuccess),
                          ns3::MakeDoubleChecker<double>(0, 1))
            .AddAttribute("CredentialSuccess",
                          "Probability that a stolen credential is valid on the target",
                          ns3::DoubleValue(defaults.lateral.credentialSuccess),
                          ns3::MakeDoubleAccessor(&TargetedIntruder::m_credentialSuccess),
                          ns3::MakeDoubleChecker<double>(0, 1))
            .AddAttribute("InfectionDelay", "Seconds from a successful session to a running agent",
                          ns3::DoubleValue(defaults.lateral.infectionDelay_s),
                          ns3::MakeDoubleAccessor(&TargetedIntruder::m_infectionDelay_s),
                          ns3::MakeDoubleChecker<double>(0))
            .AddAttribute("ToolBytes", "Bytes of tools sent with each lateral move (T1570)",
                          ns3::UintegerValue(defaults.lateral.toolBytes),
                          ns3::MakeUintegerAccessor(&TargetedIntruder::m_toolBytes),
                          ns3::MakeUintegerChecker<std::uint64_t>())
            .AddAttribute("BeaconInterval", "Seconds between two C2 beacons of one agent",
                          ns3::DoubleValue(defaults.beaconInterval_s),
                          ns3::MakeDoubleAccessor(&TargetedIntruder::m_beaconInterval_s),
                          ns3::MakeDoubleChecker<double>(0))
            .AddAttribute("ExfiltrationRate", "The attacker's throttle, bytes per second",
                          ns3::DoubleValue(defaults.exfiltrationRate_Bps),
                          ns3::MakeDoubleAccessor(&TargetedIntruder::m_exfiltrationRate_Bps),
                          ns3::MakeDoubleChecker<double>(0))
            .AddAttribute("C2Egress", "Which agents beacon to the C2 over the internet",
                          ns3::EnumValue(static_cast<int>(defaults.c2Egress)),
                          ns3::MakeEnumAccessor(&TargetedIntruder::m_c2Egress),
                          ns3::MakeEnumChecker(static_cast<int>(core::C2Egress::Phished), "phished",
                                               static_cast<int>(core::C2Egress::Every), "every",
                                               static_cast<int>(core::C2Egress::None), "none"));
    return tid;
}

TargetedIntruder::TargetedIntruder(const core::Estate& estate, InfectionState& state,
                                   Malware& malware, AttackTraffic& traffic)
    : m_estate(estate), m_state(state), m_malware(malware), m_traffic(traffic),
      m_techniques(core::LateralMovement{}.techniques)
{
    m_footholds.resize(estate.Machines().size());
    SetCrownJewels({});
}

TargetedIntruder::~TargetedIntruder() = default;

void
TargetedIntruder::SetTechniques(std::vector<core::LateralTechnique> techniques)
{
    m_techniques = std::move(techniques);
}

void
TargetedIntruder::SetCrownJewels(std::vector<core::Index> jewels)
{
    m_crownJewels = std::move(jewels);
    if (m_crownJewels.empty())
    {
        for (std::size_t i = 0; i < m_estate.Machines().size(); ++i)
        {
            if (m_estate.Machines()[i].holds)
            {
                m_crownJewels.push_back(static_cast<core::Index>(i));
            }
        }
    }
}

void
TargetedIntruder::OnInfection(core::Index machine, bool phished)
{
    auto foothold = std::make_unique<Foothold>();
    foothold->machine = machine;
    m_footholds[static_cast<std::size_t>(machine)] = std::move(foothold);
    std::mt19937_64& rng = m_malware.Rng(machine);
    bool beacons =
        Egress() == core::C2Egress::Every || (Egress() == core::C2Egress::Phished && phished);
    if (m_traffic.C2() != 0 && beacons)
    {
        ns3::Simulator::Schedule(ns3::Seconds(RandomStreams::Uniform(rng) * m_beaconInterval_s),
                                 &TargetedIntruder::Beacon, this, machine);
    }
    // The phished machine waits the breakout time, later ones a move interval.
    double first = phished ? m_breakout_s * (0.5 + RandomStreams::Uniform(rng))
                           : RandomStreams::Exponential(rng, m_attemptInterval_s);
    ns3::Simulator::Schedule(ns3::Seconds(first), &TargetedIntruder::Move, this, machine);
}

void
TargetedIntruder::OnLogon(core::Index machine)
{
    std::unique_ptr<Foothold>& f = m_footholds[static_cast<std::size_t>(machine)];
    if (f)
    {
        f->failed.clear();
        f->jewelsFailed.clear();
    }
}

void
TargetedIntruder::OnRemoval(core::Index machine)
{
    m_footholds[static_cast<std::size_t>(machine)]->holdsData = false;
    m_holders.erase(std::remove(m_holders.begin(), m_holders.end(), machine), m_holders.end());
}

void
TargetedIntruder::Move(core::Index machine)
{
    if (!m_state.IsInfected(machine))
    {
        return;
    }
    Foothold& f = *m_footholds[static_cast<std::size_t>(machine)];
    // Collection first (the data is what the attacker came for), then lateral movement.
    // A jewel not read yet; or any, when every agent that held the data is gone.
    bool collecting = false;
    for (core::Index jewel : m_crownJewels)
    {
        if (jewel != machine && f.jewelsFailed.count(jewel) == 0 &&
            (m_holders.empty() || m_collected.count(jewel) == 0))
        {
            TryCollect(f, jewel);
            collecting = true;
            break;
        }
    }
    if (!collecting)
    {
        TryLateral(f);
    }
    ns3::Simulator::Schedule(
        ns3::Seconds(RandomStreams::Exponential(m_malware.Rng(machine), m_attemptInterval_s)),
        &TargetedIntruder::Move, this, machine);
}

void
TargetedIntruder::TryCollect(Foothold& foothold, core::Index jewel)
{
    const core::Machine& j = m_estate.Machines()[static_cast<std::size_t>(jewel)];
    MessageHeader h;
    h.kind = MessageKind::Collect;
    h.bodyBytes = 1024;
    std::uint64_t bytes = j.holds ? j.holds->bytes : 0;
    // One session reads at most 4 GB (sizes are 32-bit); that is what can be sent on.
    h.responseBytes = static_cast<std::uint32_t>(std::min<std::uint64_t>(bytes, 0xFFFFFFFFULL));
    std::uint64_t read = h.responseBytes;
    core::Index self = foothold.machine;
    m_traffic.Session(self, j.ip, AttackTraffic::kSmbPort, h, false, 600,
                      [this, self, jewel, read](bool ok)
                      {
                          if (!m_state.IsInfected(self))
                          {
                              return;
                          }
                          Foothold& f = *m_footholds[static_cast<std::size_t>(self)];
                          if (!ok)
                          {
                              f.jewelsFailed.insert(jewel);
                              return;
                          }
                          if (m_collected.insert(jewel).second)
                          {
                              m_exfiltrationLeft += read; // each jewel's data is sent once
                          }
                          if (!f.holdsData)
                          {
                              f.holdsData = true;
                              m_holders.push_back(self);
                          }
                          if (!m_timeToCrownJewel_s)
                          {
                              m_timeToCrownJewel_s = ns3::Simulator::Now().GetSeconds();
                          }
                          if (!m_exfiltrating && m_traffic.C2() != 0)
                          {
                              m_exfiltrating = true;
                              ExfiltrateNext();
                          }
                      });
}

void
TargetedIntruder::TryLateral(Foothold& f)
{
    const auto& machines = m_estate.Machines();
    const bool credentials = m_malware.HoldsCredentials();
    std::vector<core::LateralTechnique> usable;
    for (core::LateralTechnique t : m_techniques)
    {
        if (credentials || t == core::LateralTechnique::Smb)
        {
            usable.push_back(t);
        }
    }
    const std::vector<core::Index>& susceptible = m_state.Susceptible();
    if (susceptible.empty() || usable.empty())
    {
        return;
    }
    // A random machine the attacker does not own yet (the directory lists them all) and a
    // technique it has not already seen fail there; a few draws, then it waits for the next
    // move (O(1) per move, whatever the estate's size).
    std::mt19937_64& rng = m_malware.Rng(f.machine);
    std::optional<std::pair<core::Index, core::LateralTechnique>> chosen;
    for (int draw = 0; draw < 32 && !chosen; ++draw)
    {
        auto i = static_cast<std::size_t>(RandomStreams::Uniform(rng) *
                                          static_cast<double>(susceptible.size()));
        auto j = static_cast<std::size_t>(RandomStreams::Uniform(rng) *
                                          static_cast<double>(usable.size()));
        std::pair<core::Index, core::LateralTechnique> option{
            susceptible[std::min(i, susceptible.size() - 1)],
            usable[std::min(j, usable.size() - 1)]};
        if (f.failed.count(option) == 0)
        {
            chosen = option;
        }
    }
    if (!chosen)
    {
        return;
    }
    auto [target, technique] = *chosen;
    double success = credentials ? m_credentialSuccess : m_exploitSuccess;
    bool works =
        RandomStreams::Uniform(rng) < success; // drawn now: the same move has the same fate
    MessageHeader h;
    h.kind = MessageKind::Exploit;
    h.bodyBytes = static_cast<std::uint32_t>(m_toolBytes);
    h.responseBytes = AttackTraffic::kLogonResponseBytes;
    h.signature = SignatureOf(technique, credentials);
    core::Index self = f.machine;
    m_traffic.Session(
        self, machines[static_cast<std::size_t>(target)].ip, core::LateralTechniquePort(technique),
        h, false, 120,
        [this, self, target = target, technique = technique, works](bool ok)
        {
            if (!ok)
            {
                if (m_footholds[static_cast<std::size_t>(self)])
                {
                    m_footholds[static_cast<std::size_t>(self)]->failed.insert({target, technique});
                }
                return;
            }
            if (works)
            {
                ns3::Simulator::Schedule(ns3::Seconds(m_infectionDelay_s),
                                         [this, target]() { m_state.Infect(target, false); });
            }
        });
}

void
TargetedIntruder::Beacon(core::Index machine)
{
    if (!m_state.IsInfected(machine))
    {
        return;
    }
    MessageHeader h;
    h.kind = MessageKind::Beacon;
    h.signature = core::IdsSignature::Beacon;
    h.bodyBytes = kBeaconRequest;
    h.responseBytes = kBeaconResponse;
    m_traffic.Session(machine, m_traffic.C2(), m_traffic.ExfiltrationPort(), h, true, 60, nullptr);
    ns3::Simulator::Schedule(ns3::Seconds(m_beaconInterval_s), &TargetedIntruder::Beacon, this,
                             machine);
}

void
TargetedIntruder::ExfiltrateNext()
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
    h.signature = core::IdsSignature::Upload;
    h.bodyBytes = chunk;
    h.responseBytes = kBeaconResponse;
    double pace = static_cast<double>(chunk) / m_exfiltrationRate_Bps;
    ns3::Time started = ns3::Simulator::Now();
    m_traffic.Session(
        from, m_traffic.C2(), m_traffic.ExfiltrationPort(), h, true, std::max(60.0, 10 * pace),
        [this, chunk, pace, started](bool ok)
        {
            double wait = m_beaconInterval_s; // blocked: try again later
            if (ok)
            {
                m_exfiltrationLeft -= chunk;
                double spent = (ns3::Simulator::Now() - started).GetSeconds();
                wait = std::max(0.0, pace - spent); // the attacker's throttle
            }
            ns3::Simulator::Schedule(ns3::Seconds(wait), &TargetedIntruder::ExfiltrateNext, this);
        });
}

void
TargetedIntruder::Collect(core::RunResult& result) const
{
    result.timeToCrownJewel_s = m_timeToCrownJewel_s;
}

} // namespace sim
} // namespace segproof
