// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#ifndef SEGPROOF_COLLECT_NSX_API_CLIENT_H
#define SEGPROOF_COLLECT_NSX_API_CLIENT_H

#include "collect-options.h"
#include "http-request.h"
#include "http-response.h"
#include "http-transport.h"
#include "retry-policy.h"

#include <chrono>
#include <cstddef>
#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

namespace segproof
{
namespace collect
{

/// Talks to one NSX Manager: authenticates (basic, or a session), follows a listing's cursors to
/// its last page, retries 429 / 503 / timeouts / resets with back-off, and turns every other
/// failure into a CollectError that names the URL. Knows no endpoint: NsxCollector does.
class NsxApiClient
{
public:
    /// Waits between attempts (std::this_thread::sleep_for unless a test gives its own).
    using Sleeper = std::function<void(std::chrono::milliseconds)>;
    /// Told after every request (retries included) which API path it was for.
    using RequestObserver = std::function<void(const std::string& path)>;

    /// `options.manager` must already be normalized (NormalizeManagerUrl).
    NsxApiClient(HttpTransport& transport, CollectOptions options, Sleeper sleep = {});

    /// For session authentication, creates the session (POST /api/session/create); nothing
    /// for basic. Throws CollectError.
    void Open();
    /// Destroys the session, if one was created (POST /api/session/destroy); best effort: one
    /// attempt, any failure ignored. Not counted in Requests().
    void Close() noexcept;

    /// Every `results` element of every page of GET `path` (an API path with or without a
    /// query), in order. Throws CollectError for any failure, a 404 included.
    nlohmann::ordered_json GetList(const std::string& path);
    /// The same, but a 404 answers nullopt: for endpoints a manager may lack.
    std::optional<nlohmann::ordered_json> GetOptionalList(const std::string& path);

    /// The manager's URL followed by `path`.
    std::string UrlOf(const std::string& path) const { return m_options.manager + path; }
    const CollectOptions& Options() const { return m_options; }
    /// HTTP requests made so far, retries and the session's creation included.
    std::size_t Requests() const { return m_requests; }
    void SetRequestObserver(RequestObserver observer) { m_observer = std::move(observer); }

private:
    std::optional<nlohmann::ordered_json> GetPages(const std::string& path, bool optional);
    /// Sends `request`, trying again as RetryPolicy allows; returns the first response whose
    /// status is not retried. Throws CollectError when no response came, or when the retries
    /// ran out.
    HttpResponse Exchange(const HttpRequest& request, const std::string& path);
    /// Throws the CollectError for a response whose status is not a success.
    [[noreturn]] void FailOnStatus(const HttpRequest& request, const HttpResponse& response) const;
    HttpRequest MakeRequest(const std::string& method, const std::string& path) const;
    void Observe(const std::string& path);

    HttpTransport& m_transport;
    CollectOptions m_options;
    Sleeper m_sleep;
    RetryPolicy m_retry;
    RequestObserver m_observer;
    std::size_t m_requests = 0;
    std::string m_sessionCookie;
    std::string m_xsrfToken;
};

} // namespace collect
} // namespace segproof

#endif
