// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#include "policy-encoding.h"

#include <algorithm>
#include <sstream>

namespace segproof
{
namespace verifier
{

using core::AttachmentKind;
using core::FirewallKind;
using core::Protocol;

namespace
{
unsigned
BitsFor(std::size_t count)
{
    unsigned bits = 1;
    while ((std::size_t{1} << bits) < count)
    {
        ++bits;
    }
    return bits;
}

std::uint8_t
ProtocolNumber(Protocol p)
{
    return static_cast<std::uint8_t>(p);
}
} // namespace

PolicyEncoding::PolicyEncoding(z3::context& context, const core::Scenario& scenario,
                               const core::AddressClasses& classes, const core::Posture& posture)
    : m_context(context), m_scenario(scenario), m_classes(classes), m_posture(posture)
{
    const auto& all = classes.Classes();
    m_classBits = BitsFor(all.size());
    m_perSegment.resize(scenario.GetEstate().Segments().size());
    for (std::size_t c = 0; c < all.size(); ++c)
    {
        if (all[c].attachment == AttachmentKind::VirtualMachine)
        {
            m_withVnic.push_back(c);
        }
        if (all[c].attachment == AttachmentKind::VirtualMachine ||
            all[c].attachment == AttachmentKind::PhysicalMachine)
        {
            m_machines.push_back(c);
        }
        if (all[c].attachment != AttachmentKind::External)
        {
            m_inSegment.push_back(c);
            m_perSegment[static_cast<std::size_t>(all[c].segment)].push_back(c);
        }
        if (all[c].Size() > 1)
        {
            m_multiAddress.push_back(c);
        }
    }
}

bool
PolicyEncoding::InForce(FirewallKind kind) const
{
    return m_posture.Has(kind) && m_scenario.FindFirewall(kind) != nullptr;
}

SymbolicPacket
PolicyEncoding::MakePacket(const std::string& prefix)
{
    return SymbolicPacket{m_context.bv_const((prefix + "src").c_str(), m_classBits),
                          m_context.bv_const((prefix + "dst").c_str(), m_classBits),
                          m_context.bv_const((prefix + "proto").c_str(), 8),
                          m_context.bv_const((prefix + "sport").c_str(), 16),
                          m_context.bv_const((prefix + "dport").c_str(), 16),
                          m_context.bv_const((prefix + "itype").c_str(), 8)};
}

z3::expr
PolicyEncoding::Member(const z3::expr& classVar, const std::vector<std::size_t>& ids)
{
    // Class ids follow address order, so sets of neighbouring addresses become a few runs.
    z3::expr_vector runs(m_context);
    for (std::size_t i = 0; i < ids.size();)
    {
        std::size_t j = i;
        while (j + 1 < ids.size() && ids[j + 1] == ids[j] + 1)
        {
            ++j;
        }
        z3::expr lo = m_context.bv_val(static_cast<std::uint64_t>(ids[i]), m_classBits);
        z3::expr hi = m_context.bv_val(static_cast<std::uint64_t>(ids[j]), m_classBits);
        runs.push_back(i == j ? classVar == lo : (z3::ule(lo, classVar) && z3::ule(classVar, hi)));
        i = j + 1;
    }
    return runs.empty() ? m_context.bool_val(false) : z3::mk_or(runs);
}

z3::expr
PolicyEncoding::MemberCached(const z3::expr& classVar, const std::string& key,
                             const std::vector<std::size_t>& ids)
{
    std::string fullKey = classVar.to_string() + "|" + key;
    auto it = m_cache.find(fullKey);
    if (it != m_cache.end())
    {
        return it->second;
    }
    z3::expr e = Member(classVar, ids);
    m_cache.emplace(fullKey, e);
    return e;
}

z3::expr
PolicyEncoding::InSet(const z3::expr& classVar, const core::AddressSet& set)
{
    if (set.IsAll())
    {
        return m_context.bool_val(true);
    }
    std::ostringstream key;
    key << "set@" << static_cast<const void*>(&set);
    std::string fullKey = classVar.to_string() + "|" + key.str();
    auto it = m_cache.find(fullKey);
    if (it != m_cache.end())
    {
        return it->second;
    }
    z3::expr e = Member(classVar, m_classes.ClassesIn(set));
    m_cache.emplace(fullKey, e);
    return e;
}

z3::expr
PolicyEncoding::EntryMatches(const core::ServiceEntry& entry, const SymbolicPacket& p)
{
    if (entry.anyProtocol)
    {
        return m_context.bool_val(true);
    }
    z3::expr e = p.protocol == m_context.bv_val(entry.protocol, 8);
    auto inRange = [this](const z3::expr& v, const core::ValueRange& r, unsigned bits)
    {
        std::uint32_t max = (1u << bits) - 1;
        if (r.first == 0 && r.last == max)
        {
            return m_context.bool_val(true);
        }
        if (r.first == r.last)
        {
            return v == m_context.bv_val(r.first, bits);
        }
        return z3::ule(m_context.bv_val(r.first, bits), v) &&
               z3::ule(v, m_context.bv_val(r.last, bits));
    };
    if (entry.protocol == ProtocolNumber(Protocol::Icmp))
    {
        return e && inRange(p.icmpType, entry.icmpTypes, 8);
    }
    if (entry.protocol == ProtocolNumber(Protocol::Tcp) ||
        entry.protocol == ProtocolNumber(Protocol::Udp))
    {
        return e && inRange(p.destinationPort, entry.destinationPorts, 16) &&
               inRange(p.sourcePort, entry.sourcePorts, 16);
    }
    return e;
}

z3::expr
PolicyEncoding::MatchesService(const core::ServiceSet& service, const SymbolicPacket& p)
{
    z3::expr_vector any(m_context);
    for (const auto& entry : service.entries)
    {
        if (entry.anyProtocol)
        {
            return m_context.bool_val(true);
        }
        any.push_back(EntryMatches(entry, p));
    }
    return any.empty() ? m_context.bool_val(false) : z3::mk_or(any);
}

z3::expr
PolicyEncoding::RuleMatches(const core::Rule& rule, const SymbolicPacket& p,
                            const z3::expr* evaluatingClass)
{
    z3::expr match = InSet(p.source, rule.from.addresses) &&
                     InSet(p.destination, rule.to.addresses) && MatchesService(rule.service, p);
    if (!rule.AppliesEverywhere())
    {
        match =
            match && (evaluatingClass != nullptr ? InSet(*evaluatingClass, rule.appliedTo.addresses)
                                                 : m_context.bool_val(false));
    }
    return match;
}

z3::expr
PolicyEncoding::Allowed(const core::Firewall& firewall, core::Side side, const SymbolicPacket& p,
                        const z3::expr* evaluatingClass, const QuerySlice& slice)
{
    const std::vector<ClassRule>& lifted = slice.policy->Rules(firewall.kind);
    const CellSet& evaluating = side == core::Side::In ? slice.destinations : slice.sources;
    auto outsideSlice = [&](std::size_t i)
    {
        const ClassRule& r = lifted[i];
        return !r.from.Intersects(slice.sources) || !r.to.Intersects(slice.destinations) ||
               !r.cells.Intersects(slice.cells) ||
               (side != core::Side::None && !r.appliedTo.Intersects(evaluating));
    };
    core::Action fallback = side == core::Side::Out ? firewall.defaultOut : firewall.defaultIn;
    const auto& rules = firewall.rules;
    // First match decides: fold the list from its end into a chain of if-then-else.
    // suffix[i] is the decision of rules i.. (a JUMP_TO_APPLICATION rule continues at the
    // Application category's suffix).
    std::vector<z3::expr> suffix(rules.size() + 1,
                                 m_context.bool_val(fallback == core::Action::Allow));
    for (std::size_t i = rules.size(); i-- > 0;)
    {
        const core::Rule& r = rules[i];
        if (r.disabled || (side == core::Side::Out && r.direction == core::Direction::In) ||
            (side == core::Side::In && r.direction == core::Direction::Out) || outsideSlice(i))
        {
            suffix[i] = suffix[i + 1];
            continue;
        }
        z3::expr then = m_context.bool_val(r.action == core::Action::Allow);
        if (r.action == core::Action::JumpToApplication)
        {
            then = suffix[std::max(i + 1, std::min(firewall.applicationStart, rules.size()))];
        }
        suffix[i] = z3::ite(RuleMatches(r, p, evaluatingClass), then, suffix[i + 1]);
    }
    return suffix[0];
}

z3::expr
PolicyEncoding::SameSegment(const SymbolicPacket& p)
{
    z3::expr_vector same(m_context);
    for (std::size_t s = 0; s < m_perSegment.size(); ++s)
    {
        std::string key = "segment" + std::to_string(s);
        same.push_back(MemberCached(p.source, key, m_perSegment[s]) &&
                       MemberCached(p.destination, key, m_perSegment[s]));
    }
    return same.empty() ? m_context.bool_val(false) : z3::mk_or(same);
}

z3::expr
PolicyEncoding::InSegment(const z3::expr& classVar)
{
    return MemberCached(classVar, "in-segment", m_inSegment);
}

z3::expr
PolicyEncoding::HasVnic(const z3::expr& classVar)
{
    return MemberCached(classVar, "vnic", m_withVnic);
}

z3::expr
PolicyEncoding::IsMachine(const z3::expr& classVar)
{
    return MemberCached(classVar, "machine", m_machines);
}

z3::expr
PolicyEncoding::WellFormed(const SymbolicPacket& p)
{
    z3::expr count =
        m_context.bv_val(static_cast<std::uint64_t>(m_classes.Classes().size()), m_classBits);
    z3::expr tcp = m_context.bv_val(ProtocolNumber(Protocol::Tcp), 8);
    z3::expr udp = m_context.bv_val(ProtocolNumber(Protocol::Udp), 8);
    z3::expr icmp = m_context.bv_val(ProtocolNumber(Protocol::Icmp), 8);
    z3::expr zero16 = m_context.bv_val(0, 16);
    z3::expr hasPorts = p.protocol == tcp || p.protocol == udp;
    z3::expr inRange = m_classes.Classes().size() == (std::size_t{1} << m_classBits)
                           ? m_context.bool_val(true)
                           : (z3::ult(p.source, count) && z3::ult(p.destination, count));
    return inRange && (hasPorts || (p.sourcePort == zero16 && p.destinationPort == zero16)) &&
           (p.protocol == icmp || p.icmpType == m_context.bv_val(0, 8)) &&
           (MemberCached(p.source, "in-segment", m_inSegment) ||
            MemberCached(p.destination, "in-segment", m_inSegment)) &&
           (p.source != p.destination || MemberCached(p.source, "multi", m_multiAddress));
}

z3::expr
PolicyEncoding::Delivered(const SymbolicPacket& p, const core::AddressSet& hostFirewallOff,
                          const QuerySlice& slice)
{
    z3::expr_vector points(m_context);
    const core::Firewall* host = m_scenario.FindFirewall(FirewallKind::Host);
    if (InForce(FirewallKind::Host))
    {
        auto hostRuns = [&](const z3::expr& cls)
        {
            // A host firewall runs inside a machine's OS: never on a rogue address.
            z3::expr runs =
                MemberCached(cls, "machine", m_machines) && InSet(cls, host->appliesTo.addresses);
            if (!hostFirewallOff.IsEmpty())
            {
                runs = runs && !InSet(cls, hostFirewallOff);
            }
            return runs;
        };
        points.push_back(
            z3::implies(hostRuns(p.source), Allowed(*host, core::Side::Out, p, &p.source, slice)));
        points.push_back(z3::implies(hostRuns(p.destination),
                                     Allowed(*host, core::Side::In, p, &p.destination, slice)));
    }
    if (InForce(FirewallKind::Dfw))
    {
        const core::Firewall& dfw = *m_scenario.FindFirewall(FirewallKind::Dfw);
        points.push_back(z3::implies(MemberCached(p.source, "vnic", m_withVnic),
                                     Allowed(dfw, core::Side::Out, p, &p.source, slice)));
        points.push_back(z3::implies(MemberCached(p.destination, "vnic", m_withVnic),
                                     Allowed(dfw, core::Side::In, p, &p.destination, slice)));
    }
    if (InForce(FirewallKind::Gateway))
    {
        const core::Firewall& gateway = *m_scenario.FindFirewall(FirewallKind::Gateway);
        points.push_back(
            z3::implies(!SameSegment(p), Allowed(gateway, core::Side::None, p, nullptr, slice)));
    }
    if (InForce(FirewallKind::Perimeter))
    {
        const core::Firewall& perimeter = *m_scenario.FindFirewall(FirewallKind::Perimeter);
        z3::expr sourceInside = MemberCached(p.source, "in-segment", m_inSegment);
        z3::expr destinationInside = MemberCached(p.destination, "in-segment", m_inSegment);
        points.push_back(z3::implies(sourceInside != destinationInside,
                                     Allowed(perimeter, core::Side::None, p, nullptr, slice)));
    }
    return points.empty() ? m_context.bool_val(true) : z3::mk_and(points);
}

} // namespace verifier
} // namespace segproof
