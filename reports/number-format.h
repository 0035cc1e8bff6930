// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#ifndef SEGPROOF_REPORTS_NUMBER_FORMAT_H
#define SEGPROOF_REPORTS_NUMBER_FORMAT_H

#include <cstdint>
#include <string>

namespace segproof
{
namespace reports
{

/// `value` in fixed-point notation with exactly `decimals` decimals ("3.50", "-0.00"), rounded
/// to nearest, locale-independent; for callers that trim or round further.
std::string FormatFixed(double value, int decimals);

/// A count: whole numbers bare, others with one decimal ("37", "37.5"); never "-0".
std::string FormatCount(double value);

/// A whole number with a comma between groups of three digits: "7", "12,345", "1,000,000".
std::string FormatThousands(std::uint64_t value);

/// Seconds as h:mm, rounded to the minute ("2:05").
std::string FormatHoursMinutes(double seconds);

/// Bytes in powers of 1000: "0 B", "512 B", "12.3 kB", "4.5 MB".
std::string FormatBytes(double bytes);

/// A fraction in [0, 1] as a whole percentage: "0 %", "55 %", "100 %".
std::string FormatPercent(double fraction);

} // namespace reports
} // namespace segproof

#endif
