// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#include "reach-matrix-layout.h"

#include "connection.h"
#include "identity-firewall.h"

namespace segproof
{
namespace core
{

namespace
{
/// Each row's name and addresses.
std::vector<std::pair<std::string, AddressSet>>
Rows(const Scenario& scenario, MatrixGrouping grouping)
{
    std::vector<std::pair<std::string, AddressSet>> rows;
    const Estate& estate = scenario.GetEstate();
    if (grouping == MatrixGrouping::Group)
    {
        for (const auto& g : scenario.Groups())
        {
            rows.emplace_back(g.name, g.addresses);
        }
        return rows;
    }
    for (Index s = 0; s < static_cast<Index>(estate.Segments().size()); ++s)
    {
        AddressSet machines;
        for (const auto& m : estate.Machines())
        {
            if (m.segment == s)
            {
                machines.Add(m.ip);
            }
        }
        rows.emplace_back(estate.Segments()[static_cast<std::size_t>(s)].name, machines);
    }
    if (!estate.Externals().empty())
    {
        AddressSet externals;
        for (const auto& e : estate.Externals())
        {
            externals.Add(e.ip);
        }
        rows.emplace_back("external", externals);
    }
    return rows;
}
} // namespace

ReachMatrixLayout
LayOutReachMatrix(const Scenario& scenario, const Posture& posture, MatrixGrouping grouping,
                  const AddressClasses& classes, const std::vector<ServiceClass>& cells)
{
    ReachMatrixLayout layout;
    ReachMatrix& m = layout.matrix;
    m.scenario = scenario.Name();
    m.posture = posture.name;
    m.firewalls =
        posture.FirewallList() + (DependsOnSessions(scenario, posture) ? kNobodyLoggedOnNote : "");
    m.by = grouping == MatrixGrouping::Segment ? "segment" : "group";
    for (const auto& [name, addresses] : Rows(scenario, grouping))
    {
        m.rows.push_back(name);
        layout.rowClasses.push_back(classes.ClassesIn(addresses));
    }
    m.columns = m.rows;
    for (const auto& service : scenario.Services())
    {
        m.services.push_back(service.name);
        std::string entries;
        for (const auto& e : service.entries)
        {
            entries += (entries.empty() ? "" : " ") + e.ToString();
        }
        m.serviceEntries.push_back(entries);
        ServiceSet set;
        set.entries = service.entries;
        std::vector<std::size_t> ids;
        for (std::size_t i = 0; i < cells.size(); ++i)
        {
            Connection probe;
            cells[i].ApplyTo(probe);
            if (ServiceMatches(set, probe))
            {
                ids.push_back(i);
            }
        }
        layout.serviceCells.push_back(ids);
    }
    return layout;
}

bool
ClassPairInModel(const AddressClasses& classes, std::size_t source, std::size_t destination)
{
    const auto& all = classes.Classes();
    bool inside = all[source].attachment != AttachmentKind::External ||
                  all[destination].attachment != AttachmentKind::External;
    return inside && (source != destination || all[source].Size() > 1);
}

void
FillReach(ReachMatrixLayout& layout, const AddressClasses& classes,
          const std::function<bool(std::size_t, std::size_t, std::size_t)>& delivered)
{
    ReachMatrix& m = layout.matrix;
    const std::size_t n = m.rows.size();
    m.reach.assign(m.services.size(),
                   std::vector<std::vector<Reach>>(n, std::vector<Reach>(n, Reach::NotApplicable)));
    for (std::size_t r = 0; r < n; ++r)
    {
        for (std::size_t c = 0; c < n; ++c)
        {
            std::vector<bool> any(m.services.size(), false);
            std::vector<bool> every(m.services.size(), true);
            bool pairs = false;
            for (std::size_t s : layout.rowClasses[r])
            {
                for (std::size_t d : layout.rowClasses[c])
                {
                    if (!ClassPairInModel(classes, s, d))
                    {
                        continue;
                    }
                    pairs = true;
                    for (std::size_t v = 0; v < m.services.size(); ++v)
                    {
                        for (std::size_t cell : layout.serviceCells[v])
                        {
                            bool through = delivered(s, d, cell);
                            any[v] = any[v] || through;
                            every[v] = every[v] && through;
                        }
                    }
                }
            }
            for (std::size_t v = 0; v < m.services.size() && pairs; ++v)
            {
                m.reach[v][r][c] = every[v] ? Reach::Full : any[v] ? Reach::Partial : Reach::None;
            }
        }
    }
}

} // namespace core
} // namespace segproof
