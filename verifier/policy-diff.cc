// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#include "policy-diff.h"

#include "class-policy.h"

#include <map>
#include <stdexcept>

namespace segproof
{
namespace verifier
{

bool
PolicyDiff::BreaksIntent() const
{
    for (const auto& cube : newlyAllowed)
    {
        if (!cube.brokenIntents.empty())
        {
            return true;
        }
    }
    return false;
}

namespace
{

/// The changed cells of one class pair, before they are grouped.
struct Change
{
    std::size_t source;
    std::size_t destination;
    CellSet cells;
};

class Differ
{
public:
    Differ(const core::Scenario& before, const core::Scenario& after, const std::string& posture)
        : m_before(before), m_after(after), m_beforeClasses(before, {&after}),
          m_afterClasses(after, {&before}), m_cells(core::ServiceClasses(after, {&before})),
          m_beforePolicy(before, m_beforeClasses, m_cells),
          m_afterPolicy(after, m_afterClasses, m_cells),
          m_beforePosture(before.ResolvePosture(posture, "--posture")),
          m_afterPosture(after.ResolvePosture(posture, "--posture")), m_beforeEvaluator(before),
          m_afterEvaluator(after)
    {
        if (m_beforeClasses.Classes().size() != m_afterClasses.Classes().size())
        {
            throw std::logic_error("diff: the two versions' address partitions differ");
        }
    }

    PolicyDiff Run()
    {
        PolicyDiff diff;
        diff.posture = m_afterPosture.name;
        diff.classes = m_afterClasses.Classes().size();
        diff.cells = m_cells.size();
        std::vector<Change> allowed;
        std::vector<Change> blocked;
        CellSet none(diff.classes);
        for (std::size_t s = 0; s < diff.classes; ++s)
        {
            for (std::size_t d = 0; d < diff.classes; ++d)
            {
                CellSet was = m_beforePolicy.Delivered(s, d, m_beforePosture, none);
                CellSet now = m_afterPolicy.Delivered(s, d, m_afterPosture, none);
                if (was == now)
                {
                    continue;
                }
                CellSet gained = now.Without(was);
                CellSet lost = was.Without(now);
                if (gained.Any())
                {
                    allowed.push_back({s, d, gained});
                }
                if (lost.Any())
                {
                    blocked.push_back({s, d, lost});
                }
            }
        }
        diff.newlyAllowed = Cubes(allowed, true);
        diff.newlyBlocked = Cubes(blocked, false);
        return diff;
    }

private:
    /// Groups changes into cubes: first the destinations that share a source and cells, then
    /// the sources that share those destinations and cells.
    std::vector<DiffCube> Cubes(const std::vector<Change>& changes, bool allowedNow)
    {
        std::map<std::pair<std::size_t, std::vector<std::size_t>>, std::vector<std::size_t>>
            bySource;
        for (const auto& c : changes)
        {
            bySource[{c.source, c.cells.Ids()}].push_back(c.destination);
        }
        std::map<std::pair<std::vector<std::size_t>, std::vector<std::size_t>>,
                 std::vector<std::size_t>>
            byTargets;
        for (const auto& [key, destinations] : bySource)
        {
            byTargets[{destinations, key.second}].push_back(key.first);
        }
        std::vector<DiffCube> cubes;
        for (const auto& [key, sources] : byTargets)
        {
            const auto& [destinations, cells] = key;
            DiffCube cube;
            cube.sources = Name(sources);
            cube.destinations = Name(destinations);
            cube.services = ServiceText(cells);
            cube.classPairs = sources.size() * destinations.size();
            const auto& all = m_afterClasses.Classes();
            for (std::size_t c : sources)
            {
                cube.sourceAddresses = cube.sourceAddresses.Union(all[c].addresses);
            }
            for (std::size_t c : destinations)
            {
                cube.destinationAddresses = cube.destinationAddresses.Union(all[c].addresses);
            }
            for (std::size_t c : cells)
            {
                cube.serviceCells.push_back(m_cells[c]);
            }
            cube.example.source = all[sources.front()].representative;
            cube.example.destination =
                sources.front() == destinations.front()
                    ? all[destinations.front()].AnotherMember(cube.example.source)
                    : all[destinations.front()].representative;
            m_cells[cells.front()].ApplyTo(cube.example);
            if (cube.example.protocol == static_cast<std::uint8_t>(core::Protocol::Tcp) ||
                cube.example.protocol == static_cast<std::uint8_t>(core::Protocol::Udp))
            {
                const auto& sp = m_cells[cells.front()].sourcePorts;
                cube.example.sourcePort =
                    static_cast<std::uint16_t>(sp.Contains(49152) ? 49152 : sp.first);
            }
            cube.before = m_beforeEvaluator.Evaluate(cube.example, m_beforePosture);
            cube.after = m_afterEvaluator.Evaluate(cube.example, m_afterPosture);
            if (cube.after.delivered != allowedNow || cube.before.delivered == allowedNow)
            {
                throw std::logic_error("diff: the class-level evaluation and the concrete "
                                       "evaluator disagree on " +
                                       cube.example.ToString());
            }
            if (allowedNow)
            {
                cube.brokenIntents = BrokenIntents(sources, destinations, cells);
            }
            cubes.push_back(std::move(cube));
        }
        return cubes;
    }

    /// Deny and only intents of the new version that some connection of the cube breaks.
    std::vector<std::string> BrokenIntents(const std::vector<std::size_t>& sources,
                                           const std::vector<std::size_t>& destinations,
                                           const std::vector<std::size_t>& cells)
    {
        std::vector<std::string> broken;
        CellSet cubeCells(m_cells.size());
        for (std::size_t c : cells)
        {
            cubeCells.Set(c);
        }
        for (const auto& intent : m_after.Intents())
        {
            if (intent.kind == core::IntentKind::Allow)
            {
                continue;
            }
            CellSet from = m_afterPolicy.ClassesIn(intent.from.addresses);
            CellSet to = m_afterPolicy.ClassesIn(intent.to.addresses);
            if (!m_afterPolicy.CellsIn(intent.service).Intersects(cubeCells))
            {
                continue;
            }
            bool hit = false;
            for (std::size_t s : sources)
            {
                bool sourceCounts =
                    intent.kind == core::IntentKind::Deny ? from.Test(s) : !from.Test(s);
                for (std::size_t d = 0; d < destinations.size() && sourceCounts && !hit; ++d)
                {
                    hit = to.Test(destinations[d]);
                }
            }
            if (hit)
            {
                broken.push_back(intent.id);
            }
        }
        return broken;
    }

    /// A group of the new version with exactly these classes, else a segment, else members.
    std::string Name(const std::vector<std::size_t>& ids)
    {
        CellSet wanted(m_afterClasses.Classes().size());
        for (std::size_t c : ids)
        {
            wanted.Set(c);
        }
        for (const auto& g : m_after.Groups())
        {
            if (m_afterPolicy.ClassesIn(g.addresses) == wanted)
            {
                return g.name;
            }
        }
        const auto& all = m_afterClasses.Classes();
        const core::Estate& estate = m_after.GetEstate();
        std::vector<std::string> parts;
        std::size_t members = 0;
        for (std::size_t c : ids)
        {
            if (!all[c].machines.empty())
            {
                for (core::Index m : all[c].machines)
                {
                    ++members;
                    if (parts.size() < 3)
                    {
                        parts.push_back(estate.Machines()[static_cast<std::size_t>(m)].name);
                    }
                }
            }
            else
            {
                ++members;
                if (parts.size() < 3)
                {
                    parts.push_back(all[c].addresses.IsAll() ? "any" : all[c].addresses.ToString());
                }
            }
        }
        std::string text;
        for (const auto& p : parts)
        {
            text += (text.empty() ? "" : ", ") + p;
        }
        if (members > parts.size())
        {
            text += " and " + std::to_string(members - parts.size()) + " more";
        }
        return text;
    }

    /// Named services whose cells lie inside, then what is left as protocol/ports.
    std::string ServiceText(const std::vector<std::size_t>& ids)
    {
        CellSet left(m_cells.size());
        for (std::size_t c : ids)
        {
            left.Set(c);
        }
        std::string text;
        for (const auto& service : m_after.Services())
        {
            core::ServiceSet set;
            set.entries = service.entries;
            CellSet cells = m_afterPolicy.CellsIn(set);
            if (cells.Any() && cells.IsSubsetOf(left))
            {
                text += (text.empty() ? "" : ", ") + service.name;
                left.Subtract(cells);
            }
        }
        std::size_t shown = 0;
        for (std::size_t c : left.Ids())
        {
            if (++shown > 4)
            {
                text += " and " + std::to_string(left.Count() - 4) + " more port ranges";
                break;
            }
            text += (text.empty() ? "" : ", ") + m_cells[c].ToString();
        }
        return text;
    }

    const core::Scenario& m_before;
    const core::Scenario& m_after;
    core::AddressClasses m_beforeClasses;
    core::AddressClasses m_afterClasses;
    std::vector<core::ServiceClass> m_cells;
    ClassPolicy m_beforePolicy;
    ClassPolicy m_afterPolicy;
    core::Posture m_beforePosture;
    core::Posture m_afterPosture;
    core::ConcreteEvaluator m_beforeEvaluator;
    core::ConcreteEvaluator m_afterEvaluator;
};

} // namespace

PolicyDiff
DiffScenarios(const core::Scenario& before, const core::Scenario& after, const std::string& posture)
{
    return Differ(before, after, posture).Run();
}

} // namespace verifier
} // namespace segproof
