// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#include "reach-matrix-builder.h"

#include "class-policy.h"
#include "core/identity-firewall.h"

#include <map>

namespace segproof
{
namespace verifier
{

core::ReachMatrix
BuildReachMatrix(const core::Scenario& scenario, const core::Posture& posture,
                 MatrixGrouping grouping)
{
    if (core::DependsOnSessions(scenario, posture))
    {
        // The matrix does not enumerate sessions: it shows the DFW with nobody logged on.
        const core::Scenario nobody = core::WithNobodyLoggedOn(scenario);
        core::ReachMatrix matrix = BuildReachMatrix(nobody, posture, grouping);
        matrix.scenario = scenario.Name();
        matrix.firewalls += core::kNobodyLoggedOnNote;
        return matrix;
    }
    core::AddressClasses classes(scenario);
    std::vector<core::ServiceClass> cells = core::ServiceClasses(scenario);
    ClassPolicy policy(scenario, classes, cells);
    CellSet nothingOff(policy.ClassCount());
    core::ReachMatrixLayout layout =
        core::LayOutReachMatrix(scenario, posture, grouping, classes, cells);
    // Each class pair is evaluated once, whatever rows and services it appears in.
    std::map<std::pair<std::size_t, std::size_t>, CellSet> delivered;
    core::FillReach(layout, classes,
                    [&](std::size_t s, std::size_t d, std::size_t cell)
                    {
                        auto it = delivered.find({s, d});
                        if (it == delivered.end())
                        {
                            it = delivered
                                     .emplace(std::make_pair(s, d),
                                              policy.Delivered(s, d, posture, nothingOff))
                                     .first;
                        }
                        return it->second.Test(cell);
                    });
    return layout.matrix;
}

} // namespace verifier
} // namespace segproof
