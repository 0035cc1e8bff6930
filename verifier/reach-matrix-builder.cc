#include "reach-matrix-builder.h"

#include "class-policy.h"

#include <map>

namespace segproof
{
namespace verifier
{

namespace
{
struct Side
{
    std::string name;
    core::AddressSet addresses;
};

std::vector<Side>
Sides(const core::Scenario& scenario, MatrixGrouping grouping)
{
    std::vector<Side> sides;
    const core::Estate& estate = scenario.GetEstate();
    if (grouping == MatrixGrouping::Group)
    {
        for (const auto& g : scenario.Groups())
        {
            sides.push_back({g.name, g.addresses});
        }
        return sides;
    }
    for (core::Index s = 0; s < static_cast<core::Index>(estate.Segments().size()); ++s)
    {
        Side side{estate.Segments()[static_cast<std::size_t>(s)].name, {}};
        for (const auto& m : estate.Machines())
        {
            if (m.segment == s)
            {
                side.addresses.Add(m.ip);
            }
        }
        sides.push_back(side);
    }
    if (!estate.Externals().empty())
    {
        Side external{"external", {}};
        for (const auto& e : estate.Externals())
        {
            external.addresses.Add(e.ip);
        }
        sides.push_back(external);
    }
    return sides;
}
} // namespace

core::ReachMatrix
BuildReachMatrix(const core::Scenario& scenario, const core::Posture& posture,
                 MatrixGrouping grouping)
{
    core::AddressClasses classes(scenario);
    std::vector<core::ServiceClass> cells = core::ServiceClasses(scenario);
    ClassPolicy policy(scenario, classes, cells);
    CellSet nothingOff(policy.ClassCount());

    core::ReachMatrix matrix;
    matrix.scenario = scenario.Name();
    matrix.posture = posture.name;
    matrix.firewalls = posture.FirewallList();
    matrix.by = grouping == MatrixGrouping::Segment ? "segment" : "group";
    std::vector<Side> sides = Sides(scenario, grouping);
    std::vector<std::vector<std::size_t>> sideClasses;
    for (const auto& side : sides)
    {
        matrix.rows.push_back(side.name);
        sideClasses.push_back(policy.ClassesIn(side.addresses).Ids());
    }
    matrix.columns = matrix.rows;
    std::vector<CellSet> serviceCells;
    for (const auto& service : scenario.Services())
    {
        matrix.services.push_back(service.name);
        std::string entries;
        for (const auto& e : service.entries)
        {
            entries += (entries.empty() ? "" : " ") + e.ToString();
        }
        matrix.serviceEntries.push_back(entries);
        core::ServiceSet set;
        set.entries = service.entries;
        serviceCells.push_back(policy.CellsIn(set));
    }

    // Each class pair is evaluated once, whatever rows and services it appears in.
    std::map<std::pair<std::size_t, std::size_t>, CellSet> delivered;
    auto deliveredCells = [&](std::size_t s, std::size_t d) -> const CellSet&
    {
        auto key = std::make_pair(s, d);
        auto it = delivered.find(key);
        if (it == delivered.end())
        {
            it = delivered.emplace(key, policy.Delivered(s, d, posture, nothingOff)).first;
        }
        return it->second;
    };

    matrix.reach.assign(serviceCells.size(),
                        std::vector<std::vector<core::Reach>>(
                            sides.size(), std::vector<core::Reach>(sides.size())));
    for (std::size_t r = 0; r < sides.size(); ++r)
    {
        for (std::size_t c = 0; c < sides.size(); ++c)
        {
            std::vector<bool> any(serviceCells.size(), false);
            std::vector<bool> all(serviceCells.size(), true);
            bool pairs = false;
            for (std::size_t s : sideClasses[r])
            {
                for (std::size_t d : sideClasses[c])
                {
                    if (!policy.InModel(s, d))
                    {
                        continue;
                    }
                    pairs = true;
                    const CellSet& cellsThrough = deliveredCells(s, d);
                    for (std::size_t v = 0; v < serviceCells.size(); ++v)
                    {
                        any[v] = any[v] || cellsThrough.Intersects(serviceCells[v]);
                        all[v] = all[v] && serviceCells[v].IsSubsetOf(cellsThrough);
                    }
                }
            }
            for (std::size_t v = 0; v < serviceCells.size(); ++v)
            {
                matrix.reach[v][r][c] = !pairs   ? core::Reach::NotApplicable
                                        : all[v] ? core::Reach::Full
                                        : any[v] ? core::Reach::Partial
                                                 : core::Reach::None;
            }
        }
    }
    return matrix;
}

} // namespace verifier
} // namespace segproof
