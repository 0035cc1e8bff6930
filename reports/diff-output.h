// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#ifndef SEGPROOF_REPORTS_DIFF_OUTPUT_H
#define SEGPROOF_REPORTS_DIFF_OUTPUT_H

#include "core/concrete-evaluator.h"
#include "core/estate.h"

#include <cstdint>
#include <string>
#include <vector>

namespace segproof
{
namespace reports
{

/// One changed block of connections, as the diff report shows it.
struct DiffCubeView
{
    std::string sources;
    std::string destinations;
    std::string services;
    core::Connection example;
    core::Evaluation before;
    core::Evaluation after;
    std::vector<std::string> brokenIntents;
};

/// What `segproof diff` prints.
struct DiffView
{
    std::string beforeFile;
    std::string afterFile;
    std::string posture;
    std::vector<DiffCubeView> newlyAllowed;
    std::vector<DiffCubeView> newlyBlocked;
};

/// Newly allowed and newly blocked cubes, each with its example before and after, point by
/// point, and the intents a newly allowed cube breaks. Names come from the new estate.
std::string FormatDiffText(const DiffView& diff, const core::Estate& beforeEstate,
                           const core::Estate& afterEstate);

/// {"posture", "newly_allowed":[{"sources","destinations","services","example":{...},
/// "before":[path], "after":[path], "breaks_intents":[...]}], "newly_blocked":[...]}.
std::string FormatDiffJson(const DiffView& diff, const core::Estate& beforeEstate,
                           const core::Estate& afterEstate);

} // namespace reports
} // namespace segproof

#endif
