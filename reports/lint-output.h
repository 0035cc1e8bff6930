// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#ifndef SEGPROOF_REPORTS_LINT_OUTPUT_H
#define SEGPROOF_REPORTS_LINT_OUTPUT_H

#include "core/lint-finding.h"

#include <cstddef>
#include <string>
#include <vector>

namespace segproof
{
namespace reports
{

/// One line per finding, compiler style ("FILE:LINE:COL: error: dfw rule r12 shadowed: ..."),
/// then a tally and the DFW's load against NSX's limits.
std::string FormatLintText(const core::LintReport& report);

/// {"findings":[{"firewall","rule","kind","severity","file","line","column","message","why"}],
/// "rules_checked", "dfw_load":{...}}.
std::string FormatLintJson(const core::LintReport& report);

} // namespace reports
} // namespace segproof

#endif
