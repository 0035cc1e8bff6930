// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#ifndef SEGPROOF_TESTS_COLLECT_FAKE_TRANSPORT_H
#define SEGPROOF_TESTS_COLLECT_FAKE_TRANSPORT_H

#include "collect/http-transport.h"

#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace segproof
{
namespace collect
{

/// An HttpTransport with no network: every request is recorded and answered by `handler`
/// (which may throw TransportError to play a timeout or a reset).
class FakeTransport : public HttpTransport
{
public:
    using Handler = std::function<HttpResponse(const HttpRequest&)>;

    explicit FakeTransport(Handler handler) : m_handler(std::move(handler)) {}

    HttpResponse Send(const HttpRequest& request) override
    {
        requests.push_back(request);
        return m_handler(request);
    }

    /// `json` as a 200 response.
    static HttpResponse Json(const nlohmann::json& json, int status = 200)
    {
        HttpResponse response;
        response.status = status;
        response.headers.emplace_back("Content-Type", "application/json");
        response.body = json.dump();
        return response;
    }

    /// An API list result holding `results`, with `cursor` when not empty.
    static HttpResponse Page(const nlohmann::json& results, const std::string& cursor = "")
    {
        nlohmann::json page = {{"results", results}};
        if (!cursor.empty())
        {
            page["cursor"] = cursor;
        }
        return Json(page);
    }

    /// The requests sent, in order.
    std::vector<HttpRequest> requests;

private:
    Handler m_handler;
};

} // namespace collect
} // namespace segproof

#endif
