// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#ifndef SEGPROOF_REPORTS_MATRIX_OUTPUT_H
#define SEGPROOF_REPORTS_MATRIX_OUTPUT_H

#include "core/reach-matrix.h"

#include <string>

namespace segproof
{
namespace reports
{

/// The matrix as text: one table per named service, rows = from, columns = to. `segproof
/// matrix` and `segproof probe` both print this, so their outputs can be compared with diff.
std::string FormatMatrixText(const core::ReachMatrix& matrix);

/// One line per (from, to, service): "from,to,service,reach", with a header line.
std::string FormatMatrixCsv(const core::ReachMatrix& matrix);

/// {"scenario","posture","firewalls","by","rows","columns","services":[{"name","entries",
/// "reach":[[...]]}]}.
std::string FormatMatrixJson(const core::ReachMatrix& matrix);
/// The same document on one line, for JSON Lines files (report's matrix.jsonl).
std::string FormatMatrixJsonLine(const core::ReachMatrix& matrix);

} // namespace reports
} // namespace segproof

#endif
