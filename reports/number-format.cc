// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#include "number-format.h"

#include <array>
#include <charconv>
#include <cmath>
#include <stdexcept>
#include <system_error>

namespace segproof
{
namespace reports
{

std::string
FormatFixed(double value, int decimals)
{
    char buffer[400]; // the largest double has 309 digits before the point
    auto result =
        std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed, decimals);
    if (result.ec != std::errc())
    {
        throw std::logic_error("to_chars failed");
    }
    return std::string(buffer, result.ptr);
}

std::string
FormatCount(double value)
{
    std::string text = FormatFixed(value, 1);
    if (text.size() > 2 && text.compare(text.size() - 2, 2, ".0") == 0)
    {
        text.resize(text.size() - 2);
    }
    return text == "-0" ? "0" : text;
}

std::string
FormatThousands(std::uint64_t value)
{
    std::string digits = std::to_string(value);
    for (int i = static_cast<int>(digits.size()) - 3; i > 0; i -= 3)
    {
        digits.insert(static_cast<std::size_t>(i), ",");
    }
    return digits;
}

std::string
FormatHoursMinutes(double seconds)
{
    long long minutes = std::llround(seconds / 60.0);
    std::string mm = std::to_string(minutes % 60);
    return std::to_string(minutes / 60) + ":" + (mm.size() < 2 ? "0" + mm : mm);
}

std::string
FormatBytes(double bytes)
{
    static const std::array<const char*, 5> kUnits = {"B", "kB", "MB", "GB", "TB"};
    std::size_t unit = 0;
    while (unit + 1 < kUnits.size() && std::round(bytes * 10.0) / 10.0 >= 1000.0)
    {
        bytes /= 1000.0;
        ++unit;
    }
    std::string number = unit == 0 ? FormatCount(bytes) : FormatFixed(bytes, 1);
    return number + " " + kUnits[unit];
}

std::string
FormatPercent(double fraction)
{
    return std::to_string(std::llround(fraction * 100.0)) + " %";
}

} // namespace reports
} // namespace segproof
