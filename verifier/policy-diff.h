// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#ifndef SEGPROOF_VERIFIER_POLICY_DIFF_H
#define SEGPROOF_VERIFIER_POLICY_DIFF_H

#include "core/concrete-evaluator.h"
#include "core/scenario.h"
#include "core/service-classes.h"

#include <cstddef>
#include <string>
#include <vector>

namespace segproof
{
namespace verifier
{

/// A block of connections whose fate changed: every source x destination x service in it.
struct DiffCube
{
    std::string sources;      ///< a group or segment name, or the addresses
    std::string destinations; ///< likewise
    std::string services;     ///< named services, or protocol/ports
    std::uint64_t classPairs = 0;
    /// The cube itself: every source address x destination address x service cell in it
    /// changed fate.
    core::AddressSet sourceAddresses;
    core::AddressSet destinationAddresses;
    std::vector<core::ServiceClass> serviceCells;
    /// One connection of the cube, and its fate before and after, point by point.
    core::Connection example;
    core::Evaluation before;
    core::Evaluation after;
    /// Intents of the new scenario that a connection of this cube breaks.
    std::vector<std::string> brokenIntents;
};

/// What changed between two versions of a scenario under one posture.
struct PolicyDiff
{
    std::string posture;
    std::vector<DiffCube> newlyAllowed;
    std::vector<DiffCube> newlyBlocked;
    std::size_t classes = 0;
    std::size_t cells = 0;

    /// True when something newly allowed breaks a deny or only intent of the new version:
    /// the CI gate for rule-change pull requests.
    bool BreaksIntent() const;
};

/// Compares OLD and NEW under the posture of that name in each ("all": every firewall each
/// defines). Exact over every address class and service cell of the two versions together;
/// the changes are grouped into a few cubes, each with an example replayed through both
/// versions' concrete evaluators. Throws InputError when a version lacks the posture.
PolicyDiff DiffScenarios(const core::Scenario& before, const core::Scenario& after,
                         const std::string& posture);

} // namespace verifier
} // namespace segproof

#endif
