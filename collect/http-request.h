// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#ifndef SEGPROOF_COLLECT_HTTP_REQUEST_H
#define SEGPROOF_COLLECT_HTTP_REQUEST_H

#include <string>
#include <utility>
#include <vector>

namespace segproof
{
namespace collect
{

/// One HTTP request as the API client builds it; the transport adds nothing but its own
/// User-Agent, so a fake transport sees exactly what the manager would.
struct HttpRequest
{
    /// "GET" or "POST".
    std::string method = "GET";
    /// The absolute https:// URL, query included.
    std::string url;
    /// Name and value, in order ("Authorization", "Basic ...").
    std::vector<std::pair<std::string, std::string>> headers;
    /// A POST's body (already encoded); empty for a GET.
    std::string body;
};

} // namespace collect
} // namespace segproof

#endif
