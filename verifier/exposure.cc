// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#include "exposure.h"

#include "class-policy.h"
#include "core/address-classes.h"
#include "core/concrete-evaluator.h"
#include "core/identity-firewall.h"
#include "core/listening-ports.h"
#include "core/service-classes.h"
#include "lateral-closure.h"

#include <set>

namespace segproof
{
namespace verifier
{

namespace
{
/// The ports (as bits) on which one member of a class reaches another once the first member's
/// host firewall is off and the second's is not. The class policy switches a whole class off,
/// which would switch the destination's off too; every member of a class is treated alike by
/// every rule, so one pair of members, evaluated concretely, speaks for all.
std::uint32_t
WithinClassOnceOwned(const core::ConcreteEvaluator& evaluator,
                     const std::vector<core::Machine>& machines,
                     const std::vector<core::Index>& members, const core::Posture& posture,
                     const std::vector<std::uint16_t>& ports)
{
    const core::Machine& u = machines[static_cast<std::size_t>(members[0])];
    const core::Machine& v = machines[static_cast<std::size_t>(members[1])];
    std::uint32_t bits = 0;
    for (std::size_t i = 0; i < ports.size() && i < 32; ++i)
    {
        core::Connection c;
        c.source = u.ip;
        c.destination = v.ip;
        c.sourcePort = 49152;
        c.destinationPort = ports[i];
        if (evaluator.Evaluate(c, posture, core::AddressSet::Single(u.ip)).delivered)
        {
            bits |= std::uint32_t{1} << i;
        }
    }
    return bits;
}
} // namespace

Exposure
MeasureExposure(const core::Scenario& scenario, const core::Posture& posture,
                const std::vector<std::uint16_t>& ports)
{
    if (core::DependsOnSessions(scenario, posture))
    {
        // As the matrix: the DFW with nobody logged on (docs/identity.md).
        return MeasureExposure(core::WithNobodyLoggedOn(scenario), posture, ports);
    }
    core::AddressClasses classes(scenario);
    std::vector<core::ServiceClass> cells = core::ServiceClasses(scenario);
    ClassPolicy policy(scenario, classes, cells);
    std::vector<CellSet> portCells;
    for (std::uint16_t port : ports)
    {
        portCells.push_back(LateralCells(cells, {port}));
    }
    const auto& machines = scenario.GetEstate().Machines();
    // Per machine, which of `ports` it answers on (bit i: ports[i]).
    std::vector<std::uint32_t> listening(machines.size(), 0);
    for (std::size_t m = 0; m < machines.size(); ++m)
    {
        std::set<std::uint16_t> open = core::ListeningPorts(machines[m]);
        for (std::size_t i = 0; i < ports.size() && i < 32; ++i)
        {
            if (open.count(ports[i]) != 0)
            {
                listening[m] |= std::uint32_t{1} << i;
            }
        }
    }

    Exposure exposure;
    exposure.machines = machines.size();
    exposure.pairs = exposure.machines * (exposure.machines > 0 ? exposure.machines - 1 : 0);
    std::vector<std::size_t> machineClasses;
    for (std::size_t k = 0; k < classes.Classes().size(); ++k)
    {
        if (!classes.Classes()[k].machines.empty())
        {
            machineClasses.push_back(k);
        }
    }
    // The ports of `ports` whose cells are delivered, as bits.
    auto deliveredPorts = [&](const CellSet& delivered)
    {
        std::uint32_t bits = 0;
        for (std::size_t i = 0; i < portCells.size() && i < 32; ++i)
        {
            if ((delivered & portCells[i]).Any())
            {
                bits |= std::uint32_t{1} << i;
            }
        }
        return bits;
    };
    CellSet none(policy.ClassCount());
    core::ConcreteEvaluator evaluator(scenario);
    for (std::size_t s : machineClasses)
    {
        const std::vector<core::Index>& sources = classes.Classes()[s].machines;
        auto from = static_cast<std::uint64_t>(sources.size());
        CellSet owned(policy.ClassCount());
        owned.Set(s);
        for (std::size_t d : machineClasses)
        {
            if (!policy.InModel(s, d) || (s == d && from < 2))
            {
                continue;
            }
            std::uint32_t asSet = deliveredPorts(policy.Delivered(s, d, posture, none));
            std::uint32_t onceOwned =
                s == d ? WithinClassOnceOwned(evaluator, machines, sources, posture, ports)
                       : deliveredPorts(policy.Delivered(s, d, posture, owned));
            for (core::Index v : classes.Classes()[d].machines)
            {
                // Pairs of two different machines: within one class, every member but v.
                std::uint64_t pairs = s == d ? from - 1 : from;
                if ((asSet & listening[static_cast<std::size_t>(v)]) != 0)
                {
                    exposure.reachable += pairs;
                }
                if ((onceOwned & listening[static_cast<std::size_t>(v)]) != 0)
                {
                    exposure.reachableOnceOwned += pairs;
                }
            }
        }
    }
    return exposure;
}

} // namespace verifier
} // namespace segproof
