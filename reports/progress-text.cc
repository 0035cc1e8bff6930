// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#include "progress-text.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace segproof
{
namespace reports
{

namespace
{

/// Seconds as m:ss, or h:mm:ss from an hour.
std::string
Clock(double seconds)
{
    long long s = std::llround(std::max(0.0, seconds));
    char buffer[32];
    if (s >= 3600)
    {
        std::snprintf(buffer, sizeof buffer, "%lld:%02lld:%02lld", s / 3600, s / 60 % 60, s % 60);
    }
    else
    {
        std::snprintf(buffer, sizeof buffer, "%lld:%02lld", s / 60, s % 60);
    }
    return buffer;
}

} // namespace

std::string
FormatProgressLine(std::size_t done, std::size_t total, double elapsed_s, const std::string& unit)
{
    constexpr std::size_t kWidth = 24;
    done = std::min(done, total);
    std::size_t filled = total == 0 ? kWidth : done * kWidth / total;
    std::string line = "[" + std::string(filled, '#') + std::string(kWidth - filled, '.') + "] " +
                       std::to_string(done) + "/" + std::to_string(total) + " " + unit;
    if (total > 0 && done == total)
    {
        return line + "  done in " + Clock(elapsed_s);
    }
    if (done == 0 || elapsed_s <= 0)
    {
        return line + "  - " + unit + "/s  - left";
    }
    double rate = static_cast<double>(done) / elapsed_s;
    char rateText[32];
    std::snprintf(rateText, sizeof rateText, rate >= 10 ? "%.0f" : "%.2f", rate);
    double left = static_cast<double>(total - done) / rate;
    return line + "  " + rateText + " " + unit + "/s  " + Clock(left) + " left";
}

} // namespace reports
} // namespace segproof
