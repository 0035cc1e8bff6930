// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#ifndef SEGPROOF_COLLECT_HTTP_TRANSPORT_H
#define SEGPROOF_COLLECT_HTTP_TRANSPORT_H

#include "http-request.h"
#include "http-response.h"

namespace segproof
{
namespace collect
{

/// Sends one HTTP request and returns the whole response, whatever its status: the seam between
/// the API client's paging and retries and the network (CurlTransport; a fake in the tests).
class HttpTransport
{
public:
    virtual ~HttpTransport() = default;

    /// The response to `request`; throws TransportError when no whole response came back
    /// (timeout, refused or reset connection, truncated body, certificate not accepted).
    virtual HttpResponse Send(const HttpRequest& request) = 0;
};

} // namespace collect
} // namespace segproof

#endif
