// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#include "class-policy.h"

#include <algorithm>

namespace segproof
{
namespace verifier
{

using core::AttachmentKind;
using core::FirewallKind;
using core::Side;

ClassPolicy::ClassPolicy(const core::Scenario& scenario, const core::AddressClasses& classes,
                         const std::vector<core::ServiceClass>& cells)
    : m_scenario(scenario), m_classes(classes), m_cells(cells),
      m_hostApplies(classes.Classes().size()), m_machine(classes.Classes().size()),
      m_vnic(classes.Classes().size())
{
    const auto& all = classes.Classes();
    for (std::size_t c = 0; c < all.size(); ++c)
    {
        if (all[c].attachment == AttachmentKind::VirtualMachine)
        {
            m_vnic.Set(c);
        }
        if (all[c].attachment == AttachmentKind::VirtualMachine ||
            all[c].attachment == AttachmentKind::PhysicalMachine)
        {
            m_machine.Set(c);
        }
    }
    for (auto kind : core::kAllFirewallKinds)
    {
        const core::Firewall* fw = scenario.FindFirewall(kind);
        if (fw == nullptr)
        {
            continue;
        }
        if (kind == FirewallKind::Host)
        {
            m_hostApplies = ClassesIn(fw->appliesTo.addresses) & m_machine;
        }
        for (const auto& r : fw->rules)
        {
            ClassRule lifted;
            lifted.rule = &r;
            lifted.from = ClassesIn(r.from.addresses);
            lifted.to = ClassesIn(r.to.addresses);
            lifted.appliedTo = r.AppliesEverywhere() ? CellSet(all.size(), true)
                                                     : ClassesIn(r.appliedTo.addresses);
            lifted.cells = CellsIn(r.service);
            lifted.out = !r.disabled && r.direction != core::Direction::In;
            lifted.in = !r.disabled && r.direction != core::Direction::Out;
            m_rules[static_cast<std::size_t>(kind)].push_back(std::move(lifted));
        }
    }
}

CellSet
ClassPolicy::ClassesIn(const core::AddressSet& set) const
{
    CellSet result(m_classes.Classes().size());
    for (std::size_t c : m_classes.ClassesIn(set))
    {
        result.Set(c);
    }
    return result;
}

CellSet
ClassPolicy::CellsIn(const core::ServiceSet& service) const
{
    CellSet result(m_cells.size());
    for (std::size_t i = 0; i < m_cells.size(); ++i)
    {
        core::Connection probe;
        m_cells[i].ApplyTo(probe);
        if (core::ServiceMatches(service, probe))
        {
            result.Set(i);
        }
    }
    return result;
}

const std::vector<ClassRule>&
ClassPolicy::Rules(FirewallKind kind) const
{
    return m_rules[static_cast<std::size_t>(kind)];
}

bool
ClassPolicy::InModel(std::size_t source, std::size_t destination) const
{
    const auto& all = m_classes.Classes();
    bool inside = all[source].attachment != AttachmentKind::External ||
                  all[destination].attachment != AttachmentKind::External;
    return inside && (source != destination || all[source].Size() > 1);
}

CellSet
ClassPolicy::Decide(FirewallKind kind, std::size_t start, CellSet undecided, Side side,
                    std::size_t source, std::size_t destination) const
{
    const core::Firewall& fw = *m_scenario.FindFirewall(kind);
    const auto& rules = Rules(kind);
    CellSet allowed(m_cells.size());
    for (std::size_t i = start; i < rules.size() && undecided.Any(); ++i)
    {
        const ClassRule& r = rules[i];
        bool active = side == Side::Out ? r.out : side == Side::In ? r.in : !r.rule->disabled;
        if (!active || !r.from.Test(source) || !r.to.Test(destination))
        {
            continue;
        }
        if (side == Side::Out && !r.appliedTo.Test(source))
        {
            continue;
        }
        if (side == Side::In && !r.appliedTo.Test(destination))
        {
            continue;
        }
        if (side == Side::None && !r.rule->AppliesEverywhere())
        {
            continue; // applied_to names machines; the gateway and perimeter are none
        }
        CellSet hit = undecided & r.cells;
        if (!hit.Any())
        {
            continue;
        }
        if (r.rule->action == core::Action::JumpToApplication)
        {
            allowed |=
                Decide(kind, std::max(i + 1, fw.applicationStart), hit, side, source, destination);
        }
        else if (r.rule->action == core::Action::Allow)
        {
            allowed |= hit;
        }
        undecided.Subtract(hit);
    }
    core::Action fallback = side == Side::Out ? fw.defaultOut : fw.defaultIn;
    if (fallback == core::Action::Allow)
    {
        allowed |= undecided;
    }
    return allowed;
}

CellSet
ClassPolicy::Allowed(FirewallKind kind, Side side, std::size_t source,
                     std::size_t destination) const
{
    return Decide(kind, 0, CellSet(m_cells.size(), true), side, source, destination);
}

CellSet
ClassPolicy::Delivered(std::size_t source, std::size_t destination, const core::Posture& posture,
                       const CellSet& hostFirewallOff) const
{
    if (!InModel(source, destination))
    {
        return CellSet(m_cells.size());
    }
    auto inForce = [&](FirewallKind kind)
    { return posture.Has(kind) && m_scenario.FindFirewall(kind) != nullptr; };
    const auto& all = m_classes.Classes();
    CellSet cells(m_cells.size(), true);
    auto hostRuns = [&](std::size_t c)
    { return m_hostApplies.Test(c) && !hostFirewallOff.Test(c); };
    if (inForce(FirewallKind::Host) && hostRuns(source))
    {
        cells &= Allowed(FirewallKind::Host, Side::Out, source, destination);
    }
    if (inForce(FirewallKind::Dfw) && m_vnic.Test(source) && cells.Any())
    {
        cells &= Allowed(FirewallKind::Dfw, Side::Out, source, destination);
    }
    bool sourceInside = all[source].attachment != AttachmentKind::External;
    bool destinationInside = all[destination].attachment != AttachmentKind::External;
    bool sameSegment =
        sourceInside && destinationInside && all[source].segment == all[destination].segment;
    if (inForce(FirewallKind::Gateway) && !sameSegment && cells.Any())
    {
        cells &= Allowed(FirewallKind::Gateway, Side::None, source, destination);
    }
    if (inForce(FirewallKind::Perimeter) && sourceInside != destinationInside && cells.Any())
    {
        cells &= Allowed(FirewallKind::Perimeter, Side::None, source, destination);
    }
    if (inForce(FirewallKind::Dfw) && m_vnic.Test(destination) && cells.Any())
    {
        cells &= Allowed(FirewallKind::Dfw, Side::In, source, destination);
    }
    if (inForce(FirewallKind::Host) && hostRuns(destination) && cells.Any())
    {
        cells &= Allowed(FirewallKind::Host, Side::In, source, destination);
    }
    return cells;
}

} // namespace verifier
} // namespace segproof
