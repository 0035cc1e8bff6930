// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#ifndef SEGPROOF_RESEARCH_CURVE_SHAPE_H
#define SEGPROOF_RESEARCH_CURVE_SHAPE_H

#include <vector>

namespace segproof
{
namespace research
{

/// The few numbers that tell one epidemic curve from another.
struct CurveShape
{
    double peak = 0;             ///< the largest value
    double peakTime_s = 0;       ///< when it is first reached
    double final = 0;            ///< the last value
    double timeToHalfPeak_s = 0; ///< first time the curve reaches peak / 2, interpolated linearly
};

/// The shape of the curve sampled at `time_s` (non-decreasing) with values `value`. The
/// half-peak time interpolates linearly between the last sample below peak / 2 and the first at
/// or above it (the first time when that sample is the first). Every field is NaN when the
/// vectors are empty, differ in length or the times decrease somewhere; the half-peak time is NaN
/// when no sample reaches peak / 2 (possible only for a negative peak).
CurveShape ShapeOf(const std::vector<double>& time_s, const std::vector<double>& value);

/// The largest |y1(t) - y2(t)| over the times both curves cover, with each curve interpolated
/// linearly between its samples; as both are piecewise linear, the maximum lies at one of their
/// sample times, so every sample of each curve inside the common range is compared with the other
/// curve there. NaN when a curve is empty, its vectors differ in length or its times decrease,
/// or the two time ranges do not overlap.
double MaxAbsDifference(const std::vector<double>& t1, const std::vector<double>& y1,
                        const std::vector<double>& t2, const std::vector<double>& y2);

} // namespace research
} // namespace segproof

#endif
