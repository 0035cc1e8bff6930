// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#include "address-classes.h"

#include <algorithm>
#include <map>
#include <tuple>
#include <unordered_map>

namespace segproof
{
namespace core
{

Ipv4Address
AddressClass::AnotherMember(Ipv4Address other) const
{
    for (const auto& range : addresses.Ranges())
    {
        if (range.first != other)
        {
            return range.first;
        }
        if (range.last != range.first)
        {
            return range.first + 1;
        }
    }
    return other;
}

namespace
{

/// Every set a scenario's analyses may ask about.
std::vector<const AddressSet*>
CollectSets(const Scenario& scenario)
{
    std::vector<const AddressSet*> sets;
    for (const auto& g : scenario.Groups())
    {
        sets.push_back(&g.addresses);
    }
    for (auto kind : kAllFirewallKinds)
    {
        const Firewall* fw = scenario.FindFirewall(kind);
        if (fw == nullptr)
        {
            continue;
        }
        sets.push_back(&fw->appliesTo.addresses);
        for (const auto& r : fw->rules)
        {
            sets.push_back(&r.from.addresses);
            sets.push_back(&r.from.idfwAddresses); // in force with the identity firewall on
            sets.push_back(&r.to.addresses);
            sets.push_back(&r.appliedTo.addresses);
        }
    }
    for (const auto& i : scenario.Intents())
    {
        sets.push_back(&i.from.addresses);
        sets.push_back(&i.to.addresses);
        sets.push_back(&i.assumeCompromised.addresses);
    }
    return sets;
}

} // namespace

AddressClasses::AddressClasses(const Scenario& scenario,
                               const std::vector<const Scenario*>& alsoSplitBy,
                               const std::vector<AddressSet>& alsoSplitBySets)
{
    const Estate& estate = scenario.GetEstate();
    std::vector<const AddressSet*> sets = CollectSets(scenario);
    for (const AddressSet& set : alsoSplitBySets)
    {
        sets.push_back(&set);
    }
    std::vector<const Estate*> estates = {&estate};
    for (const Scenario* other : alsoSplitBy)
    {
        std::vector<const AddressSet*> more = CollectSets(*other);
        sets.insert(sets.end(), more.begin(), more.end());
        estates.push_back(&other->GetEstate());
    }

    // 1. Cut points: every range start and every address after a range end.
    std::vector<std::uint64_t> cuts = {0, std::uint64_t{1} << 32};
    auto addRange = [&cuts](Ipv4Address first, Ipv4Address last)
    {
        cuts.push_back(first);
        cuts.push_back(std::uint64_t{last} + 1);
    };
    for (const AddressSet* set : sets)
    {
        for (const auto& r : set->Ranges())
        {
            addRange(r.first, r.last);
        }
    }
    for (const Estate* each : estates)
    {
        for (const auto& s : each->Segments())
        {
            addRange(s.cidr.First(), s.cidr.Last());
        }
        for (const auto& m : each->Machines())
        {
            addRange(m.ip, m.ip);
        }
        for (const auto& e : each->Externals())
        {
            addRange(e.ip, e.ip);
        }
    }
    std::sort(cuts.begin(), cuts.end());
    cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());
    std::size_t atoms = cuts.size() - 1;

    // 2. Signature of each atom: the sets containing it, plus where it attaches.
    std::vector<std::vector<std::uint32_t>> signature(atoms);
    auto atomIndex = [&cuts](std::uint64_t address)
    {
        return static_cast<std::size_t>(std::upper_bound(cuts.begin(), cuts.end(), address) -
                                        cuts.begin() - 1);
    };
    // Identical sets (very common: the same group in many rules) count once.
    std::map<std::vector<AddressRange>, std::uint32_t> distinct;
    for (const AddressSet* set : sets)
    {
        if (set->IsEmpty() || distinct.count(set->Ranges()) != 0)
        {
            continue;
        }
        std::uint32_t id = static_cast<std::uint32_t>(distinct.size());
        distinct.emplace(set->Ranges(), id);
        for (const auto& r : set->Ranges())
        {
            for (std::size_t a = atomIndex(r.first); a < atoms && cuts[a] <= r.last; ++a)
            {
                signature[a].push_back(id);
            }
        }
    }

    // 3. Merge atoms with equal signature and attachment into classes.
    std::map<
        std::pair<std::vector<std::uint32_t>, std::tuple<int, Index, Index, std::vector<Index>>>,
        std::size_t>
        classOf;
    for (std::size_t a = 0; a < atoms; ++a)
    {
        Ipv4Address first = static_cast<Ipv4Address>(cuts[a]);
        Ipv4Address last = static_cast<Ipv4Address>(cuts[a + 1] - 1);
        Endpoint where = estate.Resolve(first); // uniform over the atom
        AttachmentKind kind = AttachmentKind::External;
        if (where.kind == Endpoint::Kind::Machine)
        {
            kind = estate.Machines()[static_cast<std::size_t>(where.machine)].host == kNone
                       ? AttachmentKind::PhysicalMachine
                       : AttachmentKind::VirtualMachine;
        }
        else if (where.kind == Endpoint::Kind::Rogue)
        {
            kind = AttachmentKind::Rogue;
        }
        // Named externals (a C2 server, a SaaS endpoint) keep a class of their own, so that
        // results can name them.
        // Where the atom sits in the other scenarios splits classes too (a diff of two
        // estates must never merge a machine of one with a free address of the other).
        std::vector<Index> elsewhere;
        for (std::size_t e = 1; e < estates.size(); ++e)
        {
            Endpoint there = estates[e]->Resolve(first);
            elsewhere.insert(elsewhere.end(), {static_cast<Index>(there.kind), there.segment,
                                               there.external, there.machine == kNone ? 0 : 1});
        }
        auto key =
            std::make_pair(signature[a], std::make_tuple(static_cast<int>(kind), where.segment,
                                                         where.external, elsewhere));
        auto [it, inserted] = classOf.emplace(key, m_classes.size());
        if (inserted)
        {
            AddressClass cls;
            cls.attachment = kind;
            cls.segment = where.segment;
            cls.representative = first;
            m_classes.push_back(cls);
        }
        AddressClass& cls = m_classes[it->second];
        if (kind == AttachmentKind::Rogue && cls.addresses.IsEmpty())
        {
            // A rogue device cannot hold its segment's network or broadcast address: prefer
            // an address it could really have, when the piece has one.
            const Cidr& cidr = estate.Segments()[static_cast<std::size_t>(where.segment)].cidr;
            if (first == cidr.First() && last > first)
            {
                cls.representative = first + 1;
            }
        }
        cls.addresses.Add(first, last);
        if (where.kind == Endpoint::Kind::Machine)
        {
            if (cls.machines.empty())
            {
                cls.representative = first;
            }
            cls.machines.push_back(where.machine);
        }
        m_pieces.push_back({first, last, it->second});
    }
}

std::size_t
AddressClasses::ClassOf(Ipv4Address address) const
{
    auto it = std::upper_bound(m_pieces.begin(), m_pieces.end(), address,
                               [](Ipv4Address a, const Piece& p) { return a < p.first; });
    return std::prev(it)->cls;
}

std::vector<std::size_t>
AddressClasses::ClassesIn(const AddressSet& set) const
{
    std::vector<std::size_t> ids;
    for (std::size_t c = 0; c < m_classes.size(); ++c)
    {
        if (set.Contains(m_classes[c].representative))
        {
            ids.push_back(c);
        }
    }
    return ids;
}

} // namespace core
} // namespace segproof
