// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#include "commands.h"
#include "sim/probe/reach-probe.h"

namespace segproof
{
namespace cli
{

void
RegisterProbe(CLI::App& app, int& exitCode)
{
    RegisterMatrixCommand(
        app, exitCode, "probe",
        "Real connection attempts in ns-3, printed in matrix's format to diff with it",
        [](const core::Scenario& scenario, const core::Posture& posture,
           core::MatrixGrouping grouping)
        { return sim::ProbeReachMatrix(scenario, posture, grouping); });
}

} // namespace cli
} // namespace segproof
