// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#ifndef SEGPROOF_CORE_NAME_SUGGESTION_H
#define SEGPROOF_CORE_NAME_SUGGESTION_H

#include <string>
#include <vector>

namespace segproof
{
namespace core
{

/// The candidate closest to a misspelt name, or "" when none is close enough
/// (edit distance at most 2, and at most a third of the name's length, rounded up).
std::string SuggestName(const std::string& wrong, const std::vector<std::string>& candidates);

/// "; did you mean 'x'?" when a candidate is close, else "".
std::string DidYouMean(const std::string& wrong, const std::vector<std::string>& candidates);

/// The name in lower case (ASCII): the form in which names compared without case (Windows and
/// Active Directory names) are compared.
std::string LowerCase(std::string name);

} // namespace core
} // namespace segproof

#endif
