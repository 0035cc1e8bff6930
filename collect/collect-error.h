// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#ifndef SEGPROOF_COLLECT_COLLECT_ERROR_H
#define SEGPROOF_COLLECT_COLLECT_ERROR_H

#include <stdexcept>
#include <string>

namespace segproof
{
namespace collect
{

/// Why a collection failed, for callers that treat some failures differently.
enum class CollectErrorKind
{
    /// The options themselves: an http:// manager, an unreadable CA file.
    Usage,
    /// HTTP 401 / 403: the manager refused the user.
    Authentication,
    /// The manager's TLS certificate was not accepted.
    Certificate,
    /// An HTTP status other than success, after any retries.
    HttpStatus,
    /// No answer: a timeout, a refused or reset connection, a truncated body, after any retries.
    Transport,
    /// An answer that is not what the API documents: not JSON, no `results`, a changed listing.
    Response,
};

/// A collection that cannot complete; what() is one sentence that names the URL (when there is
/// one) and the reason, ready for "segproof collect: error: ".
class CollectError : public std::runtime_error
{
public:
    CollectError(CollectErrorKind kind, std::string url, const std::string& message);

    CollectErrorKind Kind() const { return m_kind; }
    /// The request's URL; empty for a usage error.
    const std::string& Url() const { return m_url; }

private:
    CollectErrorKind m_kind;
    std::string m_url;
};

} // namespace collect
} // namespace segproof

#endif
