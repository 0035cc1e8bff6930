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
/// Zou, Gong, Towsley 2002). Each probe picks one of `addressSpace` addresses uniformly and
/// infects a susceptible vulnerable host it hits with probability `exploitSuccess`, so the
/// pairwise infection rate is beta = scansPerSecond * exploitSuccess / addressSpace and, with
/// nothing removed, K = beta * vulnerable.
struct WormModel
{
    std::uint64_t vulnerable = 0;   ///< N: machines answering on SMB (tcp/445)
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

    /// beta = r p / Omega, per pair per second.
    double Beta() const;
    /// K = beta N, per second: random constant spread's rate.
    double K() const;
};

/// The worm model of `scenario`. Throws std::invalid_argument (with a message for the user)
/// when the scenario's attack is not a worm scanning random addresses (`attack: profile: worm`,
/// `worm: scan: random`) or has no vulnerable machine.
WormModel ReadWormModel(const core::Scenario& scenario);

} // namespace research
} // namespace segproof

#endif
