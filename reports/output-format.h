// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#ifndef SEGPROOF_REPORTS_OUTPUT_FORMAT_H
#define SEGPROOF_REPORTS_OUTPUT_FORMAT_H

namespace segproof
{
namespace reports
{

/// The "format" each JSON output carries, NAME/VERSION: the version goes up when a field
/// changes meaning or goes away, not when one is added. Each has a JSON Schema in schemas/
/// (docs/schemas.md).
constexpr const char* kVerifyFormat = "segproof-verify/1";
constexpr const char* kLintFormat = "segproof-lint/1";
constexpr const char* kDiffFormat = "segproof-diff/1";
constexpr const char* kMatrixFormat = "segproof-matrix/1"; ///< matrix --json and probe --json
constexpr const char* kMachineMatrixFormat =
    "segproof-matrix-by-machine/1"; ///< matrix --by machine --json
constexpr const char* kSummaryFormat = "segproof-summary/1";
constexpr const char* kRunRecordFormat = "segproof-run/1";

} // namespace reports
} // namespace segproof

#endif
