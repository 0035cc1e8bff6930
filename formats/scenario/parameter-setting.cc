// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#include "parameter-setting.h"

namespace segproof
{
namespace formats
{

std::string
ParameterPathError(const std::string& path)
{
    bool section = path.rfind("attack.", 0) == 0 || path.rfind("defence.", 0) == 0 ||
                   path.rfind("benign.", 0) == 0;
    if (!section)
    {
        return "'" + path + "': only attack.*, defence.* and benign.* parameters can be set " +
               "(docs/campaign.md)";
    }
    if (path.back() == '.' || path.find("..") != std::string::npos)
    {
        return "'" + path + "': an empty key in the path (keys are separated by single dots, " +
               "such as attack.lateral.attempt_interval)";
    }
    return "";
}

std::string
PointText(const ParameterPoint& point)
{
    std::string text;
    for (std::size_t i = 0; i < point.size(); ++i)
    {
        text += (i == 0 ? "" : " ") + point[i].path + "=" + point[i].value;
    }
    return text;
}

} // namespace formats
} // namespace segproof
