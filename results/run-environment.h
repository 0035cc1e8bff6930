// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#ifndef SEGPROOF_RESULTS_RUN_ENVIRONMENT_H
#define SEGPROOF_RESULTS_RUN_ENVIRONMENT_H

#include <string>

namespace segproof
{
namespace results
{

/// Now in UTC, ISO 8601 to the second: "2026-11-25T23:10:42Z" (run.json, the results database).
std::string UtcNow();

/// This machine's host name; "" when it cannot be read.
std::string HostName();

} // namespace results
} // namespace segproof

#endif
