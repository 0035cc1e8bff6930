// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#ifndef SEGPROOF_RESEARCH_WORM_MODEL_H
#define SEGPROOF_RESEARCH_WORM_MODEL_H

#include "core/scenario.h"

#include <cstdint>
#include <string>

namespace segproof
{
namespace research
{

/// A scenario's worm read as the epidemic models read it (Staniford, Paxson, Weaver 2002;
/// Zou, Gong, Towsley 2002). Each probe picks one of `addressSpace` addresses uniformly; of the
/// `smbHosts` machines that answer, each is vulnerable with probability `exploitSuccess` (drawn
/// once per machine and run), so N = exploitSuccess * smbHosts hosts can be infected, the
/// pairwise infection rate is beta = scansPerSecond / addressSpace and K = beta * N.
struct WormModel
{
    std::uint64_t smbHosts = 0;     ///< machines answering on SMB (tcp/445)
    std::uint64_t addressSpace = 0; ///< Omega: every address of the estate's segments
    double scansPerSecond = 0;      ///< r, per infected machine
    double exploitSuccess = 0;      ///< p, per hit on a susceptible machine
    std::uint64_t initial = 0;      ///< machines infected at the start (opened mails)
    /// Removal rate of an infected machine, per second: AV/EDR detection probability over its
    /// mean delay when the AV removes the malware (`defence: av: removes: true`), else 0.
    double removalRate_per_s = 0;
    /// When the removal rate is not exactly a constant rate (detection probability below 1,
    /// so some machines are never removed), why; empty otherwise.
    std::string removalCaveat;

    /// N = p * smbHosts: the vulnerable machines (expected, when p < 1).
    double Vulnerable() const;
    /// beta = r / Omega, per pair per second.
    double Beta() const;
    /// K = beta N = r p smbHosts / Omega, per second: random constant spread's rate.
    double K() const;
};

/// The worm model of `scenario`. Throws std::invalid_argument (with a message for the user)
/// when the scenario's attack is not a worm scanning random addresses (`attack: profile: worm`,
/// `worm: scan: random`) or has no vulnerable machine.
WormModel ReadWormModel(const core::Scenario& scenario);

} // namespace research
} // namespace segproof

#endif
