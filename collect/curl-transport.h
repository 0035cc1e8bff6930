// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#ifndef SEGPROOF_COLLECT_CURL_TRANSPORT_H
#define SEGPROOF_COLLECT_CURL_TRANSPORT_H

#include "http-transport.h"

#include <string>

namespace segproof
{
namespace collect
{

/// HttpTransport over libcurl: HTTPS only, the certificate verified against the system's CAs
/// (plus a --ca-file) unless `insecure`, one connection kept alive across requests, no redirect
/// followed, `timeoutSeconds` for connecting and again for each whole transfer.
class CurlTransport : public HttpTransport
{
public:
    CurlTransport(std::string caFile, bool insecure, double timeoutSeconds, std::string userAgent);
    ~CurlTransport() override;
    CurlTransport(const CurlTransport&) = delete;
    CurlTransport& operator=(const CurlTransport&) = delete;

    HttpResponse Send(const HttpRequest& request) override;

private:
    /// The easy handle (CURL*), kept as void* so that no libcurl header is in this one.
    void* m_curl = nullptr;
    std::string m_caFile;
    bool m_insecure;
    long m_timeoutMs;
    std::string m_userAgent;
};

} // namespace collect
} // namespace segproof

#endif
