// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#include "units.h"

#include <cctype>
#include <cmath>
#include <map>
#include <sstream>
#include <utility>

namespace segproof
{
namespace core
{

namespace
{

/// Splits "1.5GB" into the number and the unit after it; nullopt when no number leads.
std::optional<std::pair<double, std::string>>
SplitNumber(const std::string& text)
{
    std::size_t pos = 0;
    while (pos < text.size() &&
           (std::isdigit(static_cast<unsigned char>(text[pos])) || text[pos] == '.'))
    {
        ++pos;
    }
    auto number = ParseDecimal(text.substr(0, pos));
    if (!number)
    {
        return std::nullopt;
    }
    return std::make_pair(*number, text.substr(pos));
}

} // namespace

std::optional<double>
ParseDecimal(const std::string& text)
{
    // Digits with at most one point; std::stod alone would take "1.2.3", "1e9", " 7" or "inf".
    std::size_t digits = 0;
    std::size_t points = 0;
    for (char c : text)
    {
        if (c == '.')
        {
            ++points;
        }
        else if (std::isdigit(static_cast<unsigned char>(c)))
        {
            ++digits;
        }
        else
        {
            return std::nullopt;
        }
    }
    if (digits == 0 || points > 1 || text.size() > 30)
    {
        return std::nullopt;
    }
    return std::stod(text);
}

std::optional<std::uint64_t>
ParseByteSize(const std::string& text)
{
    static const std::map<std::string, double> units = {{"", 1},
                                                        {"B", 1},
                                                        {"KB", 1e3},
                                                        {"MB", 1e6},
                                                        {"GB", 1e9},
                                                        {"TB", 1e12},
                                                        {"KiB", 1024.0},
                                                        {"MiB", 1048576.0},
                                                        {"GiB", 1073741824.0},
                                                        {"TiB", 1099511627776.0}};
    auto split = SplitNumber(text);
    if (!split)
    {
        return std::nullopt;
    }
    auto unit = units.find(split->second);
    if (unit == units.end() || split->first * unit->second > 1.8e19)
    {
        return std::nullopt;
    }
    return static_cast<std::uint64_t>(split->first * unit->second);
}

namespace
{
/// A number followed by one of `units` (the empty unit included), times that unit's factor.
std::optional<double>
Scaled(const std::string& text, const std::map<std::string, double>& units)
{
    auto split = SplitNumber(text);
    if (!split)
    {
        return std::nullopt;
    }
    auto unit = units.find(split->second);
    if (unit == units.end())
    {
        return std::nullopt;
    }
    return split->first * unit->second;
}
} // namespace

std::optional<double>
ParseDuration(const std::string& text)
{
    static const std::map<std::string, double> units = {{"", 1},   {"ms", 1e-3}, {"s", 1},
                                                        {"m", 60}, {"h", 3600},  {"d", 86400}};
    return Scaled(text, units);
}

std::optional<double>
ParseRate(const std::string& text)
{
    static const std::map<std::string, double> units = {
        {"", 1},          {"B/s", 1},        {"KB/s", 1e3},        {"MB/s", 1e6},
        {"GB/s", 1e9},    {"KiB/s", 1024.0}, {"MiB/s", 1048576.0}, {"GiB/s", 1073741824.0},
        {"bit/s", 0.125}, {"Kbit/s", 125},   {"Mbit/s", 125e3},    {"Gbit/s", 125e6}};
    return Scaled(text, units);
}

std::string
FormatDuration(double seconds)
{
    static const std::pair<double, const char*> units[] = {
        {86400, "d"}, {3600, "h"}, {60, "m"}, {1, "s"}, {1e-3, "ms"}};
    for (const auto& [size, name] : units)
    {
        double count = seconds / size;
        if (seconds >= size && std::fabs(count - std::round(count)) < 1e-9)
        {
            return std::to_string(static_cast<long long>(std::round(count))) + name;
        }
    }
    std::ostringstream out;
    out << seconds << "s";
    return out.str();
}

} // namespace core
} // namespace segproof
