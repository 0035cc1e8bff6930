// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#ifndef SEGPROOF_COLLECT_MANAGER_URL_H
#define SEGPROOF_COLLECT_MANAGER_URL_H

#include <string>

namespace segproof
{
namespace collect
{

/// `text` (--manager) as "https://HOST[:PORT]": the scheme lower-cased, a trailing '/' dropped.
/// Throws CollectError (Usage) for http:// or any other scheme, a missing host, a port that is
/// not 1-65535, or a path, query or user name in the URL: the API paths are segproof's to add.
std::string NormalizeManagerUrl(const std::string& text);

} // namespace collect
} // namespace segproof

#endif
