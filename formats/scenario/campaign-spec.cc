// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#include "campaign-spec.h"

#include <utility>

namespace segproof
{
namespace formats
{

std::vector<ParameterPoint>
CampaignSpec::Points() const
{
    std::vector<ParameterPoint> points{ParameterPoint{}};
    // Each axis multiplies the points so far, its values varying fastest within each: the
    // first axis ends up varying slowest.
    for (const auto& axis : sweep)
    {
        std::vector<ParameterPoint> next;
        next.reserve(points.size() * axis.values.size());
        for (const auto& point : points)
        {
            for (const auto& value : axis.values)
            {
                next.push_back(point);
                next.back().push_back(value);
            }
        }
        points = std::move(next);
    }
    return points;
}

} // namespace formats
} // namespace segproof
