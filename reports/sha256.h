// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#ifndef SEGPROOF_REPORTS_SHA256_H
#define SEGPROOF_REPORTS_SHA256_H

#include <string>

namespace segproof
{
namespace reports
{

/// SHA-256 (FIPS 180-4) of `bytes` as 64 lowercase hex digits; names the exact scenario file
/// a simulation read in summary.json's provenance.
std::string Sha256Hex(const std::string& bytes);

} // namespace reports
} // namespace segproof

#endif
