// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#include "retry-policy.h"

#include <algorithm>
#include <cctype>

namespace segproof
{
namespace collect
{

RetryPolicy::RetryPolicy(int retries, std::chrono::milliseconds first,
                         std::chrono::milliseconds cap)
    : m_retries(std::max(0, retries)), m_first(first), m_cap(cap)
{
}

bool
RetryPolicy::IsRetriedStatus(int status)
{
    return status == 429 || status == 503;
}

std::optional<std::chrono::milliseconds>
RetryPolicy::ParseRetryAfter(const std::string& value)
{
    std::size_t begin = value.find_first_not_of(" \t");
    std::size_t end = value.find_last_not_of(" \t");
    if (begin == std::string::npos)
    {
        return std::nullopt;
    }
    std::string digits = value.substr(begin, end - begin + 1);
    if (digits.empty() || digits.size() > 9 ||
        !std::all_of(digits.begin(), digits.end(),
                     [](unsigned char c) { return std::isdigit(c) != 0; }))
    {
        return std::nullopt;
    }
    return std::chrono::seconds(std::stol(digits));
}

std::chrono::milliseconds
RetryPolicy::DelayAfter(int attempt, std::optional<std::chrono::milliseconds> retryAfter) const
{
    if (retryAfter)
    {
        return std::min(*retryAfter, m_cap);
    }
    std::chrono::milliseconds delay = m_first;
    for (int i = 0; i < attempt && delay < m_cap; ++i)
    {
        delay *= 2;
    }
    return std::min(delay, m_cap);
}

} // namespace collect
} // namespace segproof
