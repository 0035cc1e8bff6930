// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#ifndef SEGPROOF_FORMATS_RUN_RESULT_RUN_RESULT_JSON_H
#define SEGPROOF_FORMATS_RUN_RESULT_RUN_RESULT_JSON_H

#include "core/simulation-result.h"

#include <string>

namespace segproof
{
namespace formats
{

/// The format name EncodeRunResult writes in "format".
inline constexpr const char* kRunResultFormat = "segproof-run-result/v1";

/// One run's result as one JSON object (docs/development.md, "Between processes"), every
/// field exact (doubles in the shortest form that reads back to the same value, names as
/// they are, newlines and all): what a run's child process sends its parent, and an MPI rank
/// sends rank 0. Throws std::logic_error when `result.firstAlertSource` is no
/// core::AlertSource index (a bug of the run, not of its input).
std::string EncodeRunResult(const core::RunResult& result);

/// The result EncodeRunResult wrote. Throws std::runtime_error on anything else: "a
/// simulation run sent back a truncated result" when the text stops early, else "a
/// simulation run sent back a malformed result: at /JSON/PATH: what is wrong".
core::RunResult DecodeRunResult(const std::string& text);

} // namespace formats
} // namespace segproof

#endif
