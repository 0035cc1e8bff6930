// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#ifndef SEGPROOF_CORE_DIFF_VIEW_H
#define SEGPROOF_CORE_DIFF_VIEW_H

#include "concrete-evaluator.h"

#include <string>
#include <vector>

namespace segproof
{
namespace core
{

/// One changed block of connections between two versions of a policy, as `segproof diff`
/// shows it: the block in words, one example connection and its verdict before and after.
struct DiffCubeView
{
    std::string sources;
    std::string destinations;
    std::string services;
    Connection example;
    Evaluation before; ///< its Decisions point into the old scenario's rules
    Evaluation after;  ///< and these into the new one's
    std::vector<std::string> brokenIntents;
};

/// What `segproof diff` found: the blocks newly allowed and newly blocked under one posture.
struct DiffView
{
    std::string beforeFile;
    std::string afterFile;
    std::string posture;
    std::vector<DiffCubeView> newlyAllowed;
    std::vector<DiffCubeView> newlyBlocked;
};

} // namespace core
} // namespace segproof

#endif
