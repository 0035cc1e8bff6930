// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#ifndef SEGPROOF_CORE_UNITS_H
#define SEGPROOF_CORE_UNITS_H

#include <cstdint>
#include <optional>
#include <string>

namespace segproof
{
namespace core
{

// Quantities written with a unit in scenario files and options. The readers (formats/) turn a
// nullopt into a FILE:LINE:COL error that shows an example of the expected form.

/// A non-negative decimal number: "12", "0.5", "1.25" (no sign, no exponent).
std::optional<double> ParseDecimal(const std::string& text);

/// Parses "250MB", "1.5GB", "4096" (bytes; SI and binary units).
std::optional<std::uint64_t> ParseByteSize(const std::string& text);

/// Parses a duration into seconds: a plain number is seconds; units ms, s, m (minutes), h, d
/// ("500ms", "30s", "62m", "1.5h", "12d").
std::optional<double> ParseDuration(const std::string& text);

/// Parses a rate into bytes per second: a plain number is bytes per second; else a size unit
/// (B, KB, MB, GB, KiB, MiB, GiB) or a bit unit (bit, Kbit, Mbit, Gbit) then "/s"
/// ("1MB/s", "500KB/s", "10Mbit/s").
std::optional<double> ParseRate(const std::string& text);

/// Seconds as the largest unit of ParseDuration that writes them without a fraction: 3720 ->
/// "62m", 86400 -> "1d", 0.5 -> "500ms"; else seconds with up to three decimals.
std::string FormatDuration(double seconds);

} // namespace core
} // namespace segproof

#endif
