// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#ifndef SEGPROOF_COLLECT_COLLECT_OPTIONS_H
#define SEGPROOF_COLLECT_COLLECT_OPTIONS_H

#include <string>

namespace segproof
{
namespace collect
{

/// How every request proves who it is (docs/collect.md, "Authentication").
enum class AuthMode
{
    /// HTTP basic authentication on every request.
    Basic,
    /// POST /api/session/create once, then the JSESSIONID cookie and X-XSRF-TOKEN header.
    Session,
};

/// What `segproof collect` was asked for: where, as whom, and how patiently.
struct CollectOptions
{
    /// "https://HOST:PORT", as NormalizeManagerUrl returns it (no path, no trailing slash).
    std::string manager;
    std::string user;
    /// Never logged, never part of an error message.
    std::string password;
    AuthMode auth = AuthMode::Basic;
    /// A PEM bundle of CAs trusted besides the system's; empty: the system's only.
    std::string caFile;
    /// No certificate or host name verification at all.
    bool insecure = false;
    /// Per request: the connection and the whole transfer each get this long.
    double timeoutSeconds = 30;
    /// How many times one request is tried again after a 429, a 503, a timeout or a reset.
    int retries = 5;
};

} // namespace collect
} // namespace segproof

#endif
