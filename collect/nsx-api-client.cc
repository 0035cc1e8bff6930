// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#include "nsx-api-client.h"

#include "collect-error.h"
#include "text-encoding.h"
#include "transport-error.h"

#include <algorithm>
#include <set>
#include <sstream>
#include <thread>

namespace segproof
{
namespace collect
{

namespace
{
std::string
StatusText(int status)
{
    switch (status)
    {
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 408:
        return "Request Timeout";
    case 409:
        return "Conflict";
    case 429:
        return "Too Many Requests";
    case 500:
        return "Internal Server Error";
    case 501:
        return "Not Implemented";
    case 502:
        return "Bad Gateway";
    case 503:
        return "Service Unavailable";
    case 504:
        return "Gateway Timeout";
    default:
        return "";
    }
}

std::string
DescribeStatus(int status)
{
    const std::string text = StatusText(status);
    return "HTTP " + std::to_string(status) + (text.empty() ? "" : " " + text);
}

// NSX's error JSON: {"httpStatus": "...", "error_code": N, "error_message": "..."}; the
// message, when the body is that.
std::string
NsxErrorMessage(const std::string& body)
{
    const auto json = nlohmann::json::parse(body, nullptr, false);
    if (json.is_object() && json.contains("error_message") && json["error_message"].is_string())
    {
        std::string message = json["error_message"].get<std::string>();
        if (json.contains("error_code") && json["error_code"].is_number_integer())
        {
            message += " (NSX error_code " + std::to_string(json["error_code"].get<long>()) + ")";
        }
        return message;
    }
    return "";
}

// The first bytes of a body, printable, for "it starts '...'".
std::string
BodyStart(const std::string& body)
{
    std::string start;
    for (char c : body.substr(0, 40))
    {
        start += (c >= 0x20 && c < 0x7F) ? c : '.';
    }
    return body.size() > 40 ? start + "..." : start;
}

std::string
Seconds(double seconds)
{
    std::ostringstream text;
    text << seconds << " s";
    return text.str();
}

// The cookie's "NAME=VALUE" from Set-Cookie values, without its attributes.
std::string
FindCookie(const std::vector<std::string>& setCookies, const std::string& name)
{
    for (const auto& header : setCookies)
    {
        const std::string pair = header.substr(0, header.find(';'));
        const std::size_t equals = pair.find('=');
        if (equals != std::string::npos)
        {
            std::string key = pair.substr(0, equals);
            key.erase(0, key.find_first_not_of(" \t"));
            if (key == name && equals + 1 < pair.size())
            {
                return name + "=" + pair.substr(equals + 1);
            }
        }
    }
    return "";
}

std::string
PathWithoutQuery(const std::string& path)
{
    return path.substr(0, path.find('?'));
}
} // namespace

NsxApiClient::NsxApiClient(HttpTransport& transport, CollectOptions options, Sleeper sleep)
    : m_transport(transport), m_options(std::move(options)), m_sleep(std::move(sleep)),
      m_retry(m_options.retries)
{
    if (!m_sleep)
    {
        m_sleep = [](std::chrono::milliseconds delay) { std::this_thread::sleep_for(delay); };
    }
}

HttpRequest
NsxApiClient::MakeRequest(const std::string& method, const std::string& path) const
{
    HttpRequest request;
    request.method = method;
    request.url = UrlOf(path);
    request.headers.emplace_back("Accept", "application/json");
    if (!m_sessionCookie.empty())
    {
        request.headers.emplace_back("Cookie", m_sessionCookie);
        request.headers.emplace_back("X-XSRF-TOKEN", m_xsrfToken);
    }
    else if (m_options.auth == AuthMode::Basic)
    {
        request.headers.emplace_back(
            "Authorization", "Basic " + Base64Encode(m_options.user + ":" + m_options.password));
    }
    return request;
}

void
NsxApiClient::Observe(const std::string& path)
{
    ++m_requests;
    if (m_observer)
    {
        m_observer(PathWithoutQuery(path));
    }
}

void
NsxApiClient::Open()
{
    if (m_options.auth != AuthMode::Session)
    {
        return;
    }
    const std::string path = "/api/session/create";
    HttpRequest request = MakeRequest("POST", path);
    request.headers.emplace_back("Content-Type", "application/x-www-form-urlencoded");
    request.body = "j_username=" + FormEncode(m_options.user) +
                   "&j_password=" + FormEncode(m_options.password);
    const HttpResponse response = Exchange(request, path);
    if (response.status < 200 || response.status > 299)
    {
        FailOnStatus(request, response);
    }
    const std::string cookie = FindCookie(response.Headers("Set-Cookie"), "JSESSIONID");
    const std::optional<std::string> token = response.Header("X-XSRF-TOKEN");
    if (cookie.empty() || !token || token->empty())
    {
        throw CollectError(CollectErrorKind::Response, request.url,
                           "POST " + request.url + ": " + DescribeStatus(response.status) +
                               " but no " + (cookie.empty() ? "JSESSIONID cookie" : "") +
                               (cookie.empty() && (!token || token->empty()) ? " and no " : "") +
                               (!token || token->empty() ? "X-XSRF-TOKEN header" : "") +
                               ": not NSX's session-based authentication (try --auth basic)");
    }
    m_sessionCookie = cookie;
    m_xsrfToken = *token;
}

void
NsxApiClient::Close() noexcept
{
    if (m_sessionCookie.empty())
    {
        return;
    }
    try
    {
        HttpRequest request = MakeRequest("POST", "/api/session/destroy");
        m_sessionCookie.clear();
        m_transport.Send(request);
    }
    catch (...)
    {
        // Best effort: the session expires on the manager by itself.
    }
}

HttpResponse
NsxApiClient::Exchange(const HttpRequest& request, const std::string& path)
{
    const std::string what = request.method + " " + request.url;
    for (int attempt = 0;; ++attempt)
    {
        std::string failure;
        std::optional<std::chrono::milliseconds> retryAfter;
        bool statusFailure = false;
        try
        {
            HttpResponse response = m_transport.Send(request);
            Observe(path);
            if (!RetryPolicy::IsRetriedStatus(response.status))
            {
                return response;
            }
            failure = DescribeStatus(response.status);
            const std::string message = NsxErrorMessage(response.body);
            if (!message.empty())
            {
                failure += ": " + message;
            }
            if (const auto header = response.Header("Retry-After"))
            {
                retryAfter = RetryPolicy::ParseRetryAfter(*header);
            }
            statusFailure = true;
        }
        catch (const TransportError& e)
        {
            Observe(path);
            switch (e.Failure())
            {
            case TransportFailure::Timeout:
                failure = "no whole answer within " + Seconds(m_options.timeoutSeconds) +
                          " (--timeout): " + e.what();
                break;
            case TransportFailure::Connection:
                failure = std::string("the connection failed: ") + e.what();
                break;
            case TransportFailure::Truncated:
                throw CollectError(CollectErrorKind::Transport, request.url,
                                   what + ": the response was cut off before its end (" + e.what() +
                                       ")");
            case TransportFailure::Certificate:
                throw CollectError(
                    CollectErrorKind::Certificate, request.url,
                    what + ": the manager's TLS certificate was not accepted (" + e.what() +
                        "); pass --ca-file PEM with the CA that signed it, or --insecure to "
                        "skip verification");
            case TransportFailure::CaFile:
                throw CollectError(CollectErrorKind::Usage, request.url,
                                   "--ca-file '" + m_options.caFile +
                                       "': not a readable PEM CA bundle (" + e.what() + ")");
            case TransportFailure::Other:
                throw CollectError(CollectErrorKind::Transport, request.url,
                                   what + ": " + e.what());
            }
        }
        if (!m_retry.MayRetryAfter(attempt))
        {
            const std::string after = m_retry.Retries() == 0
                                          ? " (--retries 0)"
                                          : ", still after " + std::to_string(attempt + 1) +
                                                " attempts (--retries " +
                                                std::to_string(m_retry.Retries()) + ")";
            throw CollectError(statusFailure ? CollectErrorKind::HttpStatus
                                             : CollectErrorKind::Transport,
                               request.url, what + ": " + failure + after);
        }
        m_sleep(m_retry.DelayAfter(attempt, retryAfter));
    }
}

void
NsxApiClient::FailOnStatus(const HttpRequest& request, const HttpResponse& response) const
{
    const std::string what = request.method + " " + request.url;
    const std::string message = NsxErrorMessage(response.body);
    if (response.status == 401 || response.status == 403)
    {
        throw CollectError(CollectErrorKind::Authentication, request.url,
                           "authentication failed for " + m_options.user + " at " +
                               m_options.manager + " (HTTP " + std::to_string(response.status) +
                               ") on " + what + (message.empty() ? "" : ": " + message));
    }
    std::string text = what + ": " + DescribeStatus(response.status);
    if (!message.empty())
    {
        text += ": " + message;
    }
    else if (response.status >= 300 && response.status < 400)
    {
        if (const auto location = response.Header("Location"))
        {
            text += " (a redirect to " + *location + ", which segproof does not follow)";
        }
    }
    throw CollectError(CollectErrorKind::HttpStatus, request.url, text);
}

nlohmann::ordered_json
NsxApiClient::GetList(const std::string& path)
{
    return *GetPages(path, false);
}

std::optional<nlohmann::ordered_json>
NsxApiClient::GetOptionalList(const std::string& path)
{
    return GetPages(path, true);
}

std::optional<nlohmann::ordered_json>
NsxApiClient::GetPages(const std::string& path, bool optional)
{
    nlohmann::ordered_json results = nlohmann::ordered_json::array();
    std::optional<std::uint64_t> resultCount;
    std::set<std::string> cursors;
    std::string cursor;
    for (std::size_t page = 0;; ++page)
    {
        std::string pagePath = path;
        if (!cursor.empty())
        {
            pagePath += (path.find('?') == std::string::npos ? "?" : "&");
            pagePath += "cursor=" + PercentEncode(cursor);
        }
        const HttpRequest request = MakeRequest("GET", pagePath);
        const HttpResponse response = Exchange(request, pagePath);
        if (response.status == 404 && optional && page == 0)
        {
            return std::nullopt;
        }
        if (response.status < 200 || response.status > 299)
        {
            FailOnStatus(request, response);
        }
        const std::string what = "GET " + request.url;
        nlohmann::ordered_json json;
        try
        {
            json = nlohmann::ordered_json::parse(response.body);
        }
        catch (const nlohmann::json::parse_error& e)
        {
            // e.byte is 1-based, one past the end when the body stops early.
            std::string reason = e.what();
            const std::size_t bracket = reason.find("] ");
            if (bracket != std::string::npos)
            {
                reason = reason.substr(bracket + 2);
            }
            throw CollectError(
                CollectErrorKind::Response, request.url,
                what + ": the response is not JSON: " + reason + " (byte " +
                    std::to_string(std::min<std::size_t>(e.byte, response.body.size())) + " of " +
                    std::to_string(response.body.size()) + "; it starts '" +
                    BodyStart(response.body) + "')");
        }
        auto refuse = [&](const std::string& place, const std::string& why)
        {
            throw CollectError(CollectErrorKind::Response, request.url,
                               what + ": " + why + " (at " + place + ")");
        };
        if (!json.is_object())
        {
            refuse("$", std::string("the response is ") + json.type_name() +
                            ", not an API list result {\"results\": [...]}");
        }
        if (!json.contains("results"))
        {
            refuse("$.results", "the response has no 'results' list");
        }
        if (!json["results"].is_array())
        {
            refuse("$.results",
                   std::string("'results' is ") + json["results"].type_name() + ", not a list");
        }
        for (auto& item : json["results"])
        {
            results.push_back(std::move(item));
        }
        if (json.contains("result_count"))
        {
            const auto& count = json["result_count"];
            if (!count.is_number_unsigned())
            {
                refuse("$.result_count", "'result_count' is not a whole number");
            }
            const auto value = count.get<std::uint64_t>();
            if (resultCount && *resultCount != value)
            {
                throw CollectError(CollectErrorKind::Response, request.url,
                                   what + ": result_count changed from " +
                                       std::to_string(*resultCount) + " to " +
                                       std::to_string(value) +
                                       " between pages: the listing changed while it was read; "
                                       "collect again");
            }
            resultCount = value;
        }
        cursor.clear();
        if (json.contains("cursor") && !json["cursor"].is_null())
        {
            if (!json["cursor"].is_string())
            {
                refuse("$.cursor", "'cursor' is not a string");
            }
            cursor = json["cursor"].get<std::string>();
        }
        if (cursor.empty())
        {
            if (resultCount && *resultCount != results.size())
            {
                throw CollectError(
                    CollectErrorKind::Response, request.url,
                    what + ": result_count says " + std::to_string(*resultCount) + " but " +
                        std::to_string(results.size()) + " results came in " +
                        std::to_string(page + 1) + (page == 0 ? " page" : " pages") +
                        ": the listing changed while it was read, or was cut; collect again");
            }
            return results;
        }
        if (!cursors.insert(cursor).second)
        {
            throw CollectError(CollectErrorKind::Response, request.url,
                               what + ": the cursor '" + cursor +
                                   "' came back a second time: the paging would never end");
        }
    }
}

} // namespace collect
} // namespace segproof
