// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#ifndef SEGPROOF_CORE_REACH_MATRIX_H
#define SEGPROOF_CORE_REACH_MATRIX_H

#include <string>
#include <vector>

namespace segproof
{
namespace core
{

/// How much of a (from, to, service) cell gets through.
enum class Reach
{
    Full,         ///< every connection from any member to any member on any port is delivered
    Partial,      ///< some are, some are not
    None,         ///< none is
    NotApplicable ///< no connection to speak of (an empty side, or only an address to itself)
};

/// "full", "partial", "none" or "n/a".
std::string ReachName(Reach reach);

/// Who reaches whom on which named service, under one posture: what `segproof matrix`
/// computes (from the policy) and `segproof probe` observes (from packets), in one shape so
/// that the two can be compared cell by cell.
struct ReachMatrix
{
    std::string scenario;
    std::string posture;
    std::string firewalls;                   ///< the posture's firewalls, "dfw, gateway, perimeter"
    std::string by;                          ///< "segment" or "group"
    std::vector<std::string> rows;           ///< sources
    std::vector<std::string> columns;        ///< destinations (the same names as rows)
    std::vector<std::string> services;       ///< named services
    std::vector<std::string> serviceEntries; ///< each service's entries, "tcp/80 tcp/443"
    /// reach[service][row][column]
    std::vector<std::vector<std::vector<Reach>>> reach;
};

} // namespace core
} // namespace segproof

#endif
