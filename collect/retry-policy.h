// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#ifndef SEGPROOF_COLLECT_RETRY_POLICY_H
#define SEGPROOF_COLLECT_RETRY_POLICY_H

#include <chrono>
#include <optional>
#include <string>

namespace segproof
{
namespace collect
{

/// When to try a request again and how long to wait first: exponential back-off from one
/// second, doubling, capped, unless the server said how long (Retry-After).
class RetryPolicy
{
public:
    /// At most `retries` further attempts after the first; waits from `first`, doubling, never
    /// longer than `cap` (a Retry-After longer than `cap` is cut to `cap` too).
    explicit RetryPolicy(int retries, std::chrono::milliseconds first = std::chrono::seconds(1),
                         std::chrono::milliseconds cap = std::chrono::seconds(60));

    /// True for the statuses worth a retry: 429 Too Many Requests, 503 Service Unavailable.
    static bool IsRetriedStatus(int status);

    /// Retry-After as seconds ("2", " 2 "); nullopt for an HTTP date or anything else, which
    /// then falls back to the back-off (NSX sends seconds).
    static std::optional<std::chrono::milliseconds> ParseRetryAfter(const std::string& value);

    /// True when the attempt numbered `attempt` (0 = the first) may be followed by another.
    bool MayRetryAfter(int attempt) const { return attempt < m_retries; }
    /// The wait before the attempt after `attempt` (0 = the first): `first` * 2^attempt, or
    /// `retryAfter` when the server gave one; never more than the cap.
    std::chrono::milliseconds DelayAfter(int attempt,
                                         std::optional<std::chrono::milliseconds> retryAfter) const;

    int Retries() const { return m_retries; }

private:
    int m_retries;
    std::chrono::milliseconds m_first;
    std::chrono::milliseconds m_cap;
};

} // namespace collect
} // namespace segproof

#endif
