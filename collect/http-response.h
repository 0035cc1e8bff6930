// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#ifndef SEGPROOF_COLLECT_HTTP_RESPONSE_H
#define SEGPROOF_COLLECT_HTTP_RESPONSE_H

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace segproof
{
namespace collect
{

/// One whole HTTP response: the transport returns it only when every byte of the body arrived.
struct HttpResponse
{
    int status = 0;
    /// Name and value as received, in order (a name may repeat: Set-Cookie).
    std::vector<std::pair<std::string, std::string>> headers;
    std::string body;

    /// The first header of that name (compared case-insensitively), if any.
    std::optional<std::string> Header(const std::string& name) const;
    /// Every header of that name (compared case-insensitively), in order.
    std::vector<std::string> Headers(const std::string& name) const;
};

} // namespace collect
} // namespace segproof

#endif
