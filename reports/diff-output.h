// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#ifndef SEGPROOF_REPORTS_DIFF_OUTPUT_H
#define SEGPROOF_REPORTS_DIFF_OUTPUT_H

#include "core/diff-view.h"
#include "core/estate.h"

#include <cstdint>
#include <string>
#include <vector>

namespace segproof
{
namespace reports
{

/// Newly allowed and newly blocked cubes, each with its example before and after, point by
/// point, and the intents a newly allowed cube breaks. Names come from the new estate.
std::string FormatDiffText(const core::DiffView& diff, const core::Estate& beforeEstate,
                           const core::Estate& afterEstate);

/// {"posture", "newly_allowed":[{"sources","destinations","services","example":{...},
/// "before":[path], "after":[path], "breaks_intents":[...]}], "newly_blocked":[...]}.
std::string FormatDiffJson(const core::DiffView& diff, const core::Estate& beforeEstate,
                           const core::Estate& afterEstate);

} // namespace reports
} // namespace segproof

#endif
