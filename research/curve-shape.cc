// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#include "curve-shape.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace segproof
{
namespace research
{

namespace
{

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

/// A non-empty curve with one value per time and times in non-decreasing order.
bool
WellFormed(const std::vector<double>& time_s, const std::vector<double>& value)
{
    return !time_s.empty() && time_s.size() == value.size() &&
           std::is_sorted(time_s.begin(), time_s.end());
}

/// The curve at `t` within [time_s.front(), time_s.back()], linear between samples; at a time
/// sampled more than once, the last sample there.
double
Interpolate(const std::vector<double>& time_s, const std::vector<double>& value, double t)
{
    auto after = std::upper_bound(time_s.begin(), time_s.end(), t);
    if (after == time_s.end())
    {
        return value.back();
    }
    if (after == time_s.begin())
    {
        return value.front();
    }
    std::size_t b = static_cast<std::size_t>(after - time_s.begin());
    std::size_t a = b - 1;
    double fraction = (t - time_s[a]) / (time_s[b] - time_s[a]);
    return value[a] + fraction * (value[b] - value[a]);
}

/// The largest |y(t) - other(t)| over the samples of (t, y) within [low, high].
double
MaxDifferenceAtSamples(const std::vector<double>& t, const std::vector<double>& y,
                       const std::vector<double>& otherT, const std::vector<double>& otherY,
                       double low, double high)
{
    double largest = 0;
    for (std::size_t i = 0; i < t.size(); ++i)
    {
        if (t[i] >= low && t[i] <= high)
        {
            largest = std::max(largest, std::fabs(y[i] - Interpolate(otherT, otherY, t[i])));
        }
    }
    return largest;
}

} // namespace

CurveShape
ShapeOf(const std::vector<double>& time_s, const std::vector<double>& value)
{
    if (!WellFormed(time_s, value))
    {
        return CurveShape{kNaN, kNaN, kNaN, kNaN};
    }
    std::size_t peakIndex =
        static_cast<std::size_t>(std::max_element(value.begin(), value.end()) - value.begin());
    CurveShape shape;
    shape.peak = value[peakIndex];
    shape.peakTime_s = time_s[peakIndex];
    shape.final = value.back();
    shape.timeToHalfPeak_s = kNaN;
    double half = shape.peak / 2;
    for (std::size_t i = 0; i < value.size(); ++i)
    {
        if (value[i] >= half)
        {
            if (i == 0)
            {
                shape.timeToHalfPeak_s = time_s[0];
            }
            else
            {
                // value[i - 1] < half <= value[i], so the segment rises and the division is safe.
                double fraction = (half - value[i - 1]) / (value[i] - value[i - 1]);
                shape.timeToHalfPeak_s = time_s[i - 1] + fraction * (time_s[i] - time_s[i - 1]);
            }
            break;
        }
    }
    return shape;
}

double
MaxAbsDifference(const std::vector<double>& t1, const std::vector<double>& y1,
                 const std::vector<double>& t2, const std::vector<double>& y2)
{
    if (!WellFormed(t1, y1) || !WellFormed(t2, y2))
    {
        return kNaN;
    }
    double low = std::max(t1.front(), t2.front());
    double high = std::min(t1.back(), t2.back());
    if (low > high)
    {
        return kNaN;
    }
    return std::max(MaxDifferenceAtSamples(t1, y1, t2, y2, low, high),
                    MaxDifferenceAtSamples(t2, y2, t1, y1, low, high));
}

} // namespace research
} // namespace segproof
