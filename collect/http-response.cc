// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#include "http-response.h"

#include <strings.h>

namespace segproof
{
namespace collect
{

std::optional<std::string>
HttpResponse::Header(const std::string& name) const
{
    for (const auto& [key, value] : headers)
    {
        if (strcasecmp(key.c_str(), name.c_str()) == 0)
        {
            return value;
        }
    }
    return std::nullopt;
}

std::vector<std::string>
HttpResponse::Headers(const std::string& name) const
{
    std::vector<std::string> values;
    for (const auto& [key, value] : headers)
    {
        if (strcasecmp(key.c_str(), name.c_str()) == 0)
        {
            values.push_back(value);
        }
    }
    return values;
}

} // namespace collect
} // namespace segproof
