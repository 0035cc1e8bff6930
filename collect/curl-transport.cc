// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#include "curl-transport.h"

#include "transport-error.h"

#include <algorithm>
#include <cmath>
#include <curl/curl.h>
#include <memory>
#include <mutex>
#include <stdexcept>

namespace segproof
{
namespace collect
{

namespace
{
void
InitialiseCurlOnce()
{
    static std::once_flag once;
    std::call_once(once,
                   []
                   {
                       if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK)
                       {
                           throw std::runtime_error("libcurl could not be initialised");
                       }
                   });
}

size_t
WriteBody(char* data, size_t size, size_t count, void* user)
{
    static_cast<std::string*>(user)->append(data, size * count);
    return size * count;
}

// Each header line; a status line ("HTTP/1.1 100 Continue", then the real one) starts over.
size_t
WriteHeader(char* data, size_t size, size_t count, void* user)
{
    auto* headers = static_cast<std::vector<std::pair<std::string, std::string>>*>(user);
    std::string line(data, size * count);
    while (!line.empty() && (line.back() == '\n' || line.back() == '\r'))
    {
        line.pop_back();
    }
    if (line.rfind("HTTP/", 0) == 0)
    {
        headers->clear();
        return size * count;
    }
    const std::size_t colon = line.find(':');
    if (colon != std::string::npos)
    {
        std::string value = line.substr(colon + 1);
        const std::size_t begin = value.find_first_not_of(" \t");
        value = begin == std::string::npos ? "" : value.substr(begin);
        headers->emplace_back(line.substr(0, colon), value);
    }
    return size * count;
}

TransportFailure
FailureOf(CURLcode code)
{
    switch (code)
    {
    case CURLE_OPERATION_TIMEDOUT:
        return TransportFailure::Timeout;
    case CURLE_COULDNT_CONNECT:
    case CURLE_SEND_ERROR:
    case CURLE_RECV_ERROR:
    case CURLE_GOT_NOTHING:
        return TransportFailure::Connection;
    case CURLE_PARTIAL_FILE:
        return TransportFailure::Truncated;
    case CURLE_PEER_FAILED_VERIFICATION:
        return TransportFailure::Certificate;
    case CURLE_SSL_CACERT_BADFILE:
        return TransportFailure::CaFile;
    default:
        return TransportFailure::Other;
    }
}

struct HeaderListDeleter
{
    void operator()(curl_slist* list) const { curl_slist_free_all(list); }
};
} // namespace

CurlTransport::CurlTransport(std::string caFile, bool insecure, double timeoutSeconds,
                             std::string userAgent)
    : m_caFile(std::move(caFile)), m_insecure(insecure),
      m_timeoutMs(std::max(1L, std::lround(timeoutSeconds * 1000.0))),
      m_userAgent(std::move(userAgent))
{
    InitialiseCurlOnce();
    m_curl = curl_easy_init();
    if (m_curl == nullptr)
    {
        throw std::runtime_error("libcurl could not make a handle");
    }
}

CurlTransport::~CurlTransport()
{
    curl_easy_cleanup(static_cast<CURL*>(m_curl));
}

HttpResponse
CurlTransport::Send(const HttpRequest& request)
{
    CURL* curl = static_cast<CURL*>(m_curl);
    // Options from the last request (a POST's body) must not carry over; the connection does.
    curl_easy_reset(curl);

    HttpResponse response;
    char errorText[CURL_ERROR_SIZE] = {0};
    std::unique_ptr<curl_slist, HeaderListDeleter> headers;
    auto addHeader = [&headers](const std::string& line)
    {
        curl_slist* list = curl_slist_append(headers.get(), line.c_str());
        if (list == nullptr)
        {
            throw std::bad_alloc();
        }
        headers.release();
        headers.reset(list);
    };
    for (const auto& [name, value] : request.headers)
    {
        addHeader(name + ": " + value);
    }
    // No "Expect: 100-continue" pause before a POST's body.
    addHeader("Expect:");

    curl_easy_setopt(curl, CURLOPT_URL, request.url.c_str());
    curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "https");
    curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 0L);
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, errorText);
    curl_easy_setopt(curl, CURLOPT_USERAGENT, m_userAgent.c_str());
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers.get());
    curl_easy_setopt(curl, CURLOPT_ACCEPT_ENCODING, "");
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS, m_timeoutMs);
    curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, m_timeoutMs);
    if (m_insecure)
    {
        curl_easy_setopt(curl, CURLOPT_SSL_VERIFYPEER, 0L);
        curl_easy_setopt(curl, CURLOPT_SSL_VERIFYHOST, 0L);
    }
    else
    {
        curl_easy_setopt(curl, CURLOPT_SSL_VERIFYPEER, 1L);
        curl_easy_setopt(curl, CURLOPT_SSL_VERIFYHOST, 2L);
        if (!m_caFile.empty())
        {
            // Replaces the default bundle file; the default CA directory (Debian:
            // /etc/ssl/certs) stays, so the system's CAs are still trusted.
            curl_easy_setopt(curl, CURLOPT_CAINFO, m_caFile.c_str());
        }
    }
    if (request.method == "POST")
    {
        curl_easy_setopt(curl, CURLOPT_POST, 1L);
        curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE,
                         static_cast<curl_off_t>(request.body.size()));
        curl_easy_setopt(curl, CURLOPT_POSTFIELDS, request.body.c_str());
    }
    else if (request.method != "GET")
    {
        curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, request.method.c_str());
    }
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, WriteBody);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, &response.body);
    curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, WriteHeader);
    curl_easy_setopt(curl, CURLOPT_HEADERDATA, &response.headers);

    const CURLcode code = curl_easy_perform(curl);
    if (code != CURLE_OK)
    {
        std::string detail = errorText[0] != '\0' ? errorText : curl_easy_strerror(code);
        while (!detail.empty() && (detail.back() == '\n' || detail.back() == '\r'))
        {
            detail.pop_back();
        }
        throw TransportError(FailureOf(code), detail);
    }
    long status = 0;
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
    response.status = static_cast<int>(status);
    return response;
}

} // namespace collect
} // namespace segproof
