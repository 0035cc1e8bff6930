// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#ifndef SEGPROOF_FORMATS_SCENARIO_BRACKET_RANGE_H
#define SEGPROOF_FORMATS_SCENARIO_BRACKET_RANGE_H

#include <cstddef>
#include <string>
#include <vector>

namespace segproof
{
namespace formats
{

/// The names a pattern stands for, or why it is malformed.
struct BracketExpansion
{
    std::vector<std::string> names;
    std::string error; ///< empty on success
};

/// Expands "vdi[001-100]" to vdi001 ... vdi100, zero-padded to the width of the bounds as
/// written; several brackets multiply ("r[1-2]-pc[01-03]"). A name without brackets stands
/// for itself. More than `limit` names is an error that says how many it would be.
BracketExpansion ExpandBracketRange(const std::string& pattern, std::size_t limit);

} // namespace formats
} // namespace segproof

#endif
