// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#include "collect/collect-error.h"
#include "collect/nsx-api-client.h"
#include "collect/transport-error.h"
#include "fake-transport.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace segproof
{
namespace collect
{
namespace
{
using std::chrono::milliseconds;
using std::chrono::seconds;
using testing::HasSubstr;

const std::string kManager = "https://nsx.example.com";

CollectOptions
Options(int retries = 5, AuthMode auth = AuthMode::Basic)
{
    CollectOptions options;
    options.manager = kManager;
    options.user = "admin";
    options.password = "secret";
    options.auth = auth;
    options.retries = retries;
    options.timeoutSeconds = 2;
    return options;
}

HttpResponse
Status(int status, const std::string& retryAfter = "")
{
    HttpResponse response = FakeTransport::Json(
        {{"httpStatus", "X"}, {"error_code", 98}, {"error_message", "busy"}}, status);
    if (!retryAfter.empty())
    {
        response.headers.emplace_back("Retry-After", retryAfter);
    }
    return response;
}

/// Runs `call` and returns the CollectError it throws (a test failure when it throws none).
template <typename Call>
CollectError
ErrorOf(Call call)
{
    try
    {
        call();
    }
    catch (const CollectError& e)
    {
        return e;
    }
    ADD_FAILURE() << "no CollectError";
    return CollectError(CollectErrorKind::Usage, "", "");
}

/// A client whose sleeps are recorded, not slept.
struct Fixture
{
    explicit Fixture(FakeTransport::Handler handler, CollectOptions options = Options())
        : transport(std::move(handler)),
          client(transport, options, [this](milliseconds d) { sleeps.push_back(d); })
    {
    }
    FakeTransport transport;
    std::vector<milliseconds> sleeps;
    NsxApiClient client;
};

TEST(NsxApiClientTest, PagingFollowsCursorsAlongsideTheOtherQuery)
{
    Fixture f(
        [](const HttpRequest& r)
        {
            if (r.url == kManager + "/api/v1/fabric/vifs?page_size=2")
            {
                return FakeTransport::Page({1, 2}, "c+/=1");
            }
            if (r.url == kManager + "/api/v1/fabric/vifs?page_size=2&cursor=c%2B%2F%3D1")
            {
                return FakeTransport::Page({3, 4}, "c2");
            }
            if (r.url == kManager + "/api/v1/fabric/vifs?page_size=2&cursor=c2")
            {
                return FakeTransport::Json({{"results", {5}}, {"result_count", 5}});
            }
            return Status(404);
        });
    EXPECT_EQ(f.client.GetList("/api/v1/fabric/vifs?page_size=2"),
              nlohmann::ordered_json({1, 2, 3, 4, 5}));
    EXPECT_EQ(f.transport.requests.size(), 3u);
    EXPECT_EQ(f.client.Requests(), 3u);
}

TEST(NsxApiClientTest, TheFirstCursorStartsTheQuery)
{
    Fixture f(
        [](const HttpRequest& r)
        {
            return r.url.find("cursor=") == std::string::npos ? FakeTransport::Page({"a"}, "x")
                                                              : FakeTransport::Page({"b"});
        });
    EXPECT_EQ(f.client.GetList("/policy/api/v1/infra/services"),
              nlohmann::ordered_json({"a", "b"}));
    EXPECT_EQ(f.transport.requests[1].url, kManager + "/policy/api/v1/infra/services?cursor=x");
}

TEST(NsxApiClientTest, AnEmptyOrNullCursorEndsThePaging)
{
    Fixture f(
        [](const HttpRequest&) {
            return FakeTransport::Json({{"results", {1}}, {"cursor", nullptr}});
        });
    EXPECT_EQ(f.client.GetList("/a").size(), 1u);
    Fixture g(
        [](const HttpRequest&) {
            return FakeTransport::Json({{"results", {1}}, {"cursor", ""}});
        });
    EXPECT_EQ(g.client.GetList("/a").size(), 1u);
}

TEST(NsxApiClientTest, ResultCountOtherThanTheResultsGatheredIsAnError)
{
    Fixture f(
        [](const HttpRequest& r)
        {
            if (r.url.find("cursor") == std::string::npos)
            {
                return FakeTransport::Json(
                    {{"results", {1, 2}}, {"result_count", 5}, {"cursor", "n"}});
            }
            return FakeTransport::Json({{"results", {3, 4}}, {"result_count", 5}});
        });
    CollectError e = ErrorOf([&] { f.client.GetList("/api/v1/fabric/virtual-machines"); });
    EXPECT_EQ(e.Kind(), CollectErrorKind::Response);
    EXPECT_THAT(e.what(), HasSubstr("GET " + kManager +
                                    "/api/v1/fabric/virtual-machines?cursor=n"
                                    ": result_count says 5 but 4 results came in 2 pages"));
}

TEST(NsxApiClientTest, ResultCountChangingBetweenPagesIsAnError)
{
    int n = 0;
    Fixture f(
        [&n](const HttpRequest&)
        {
            ++n;
            return FakeTransport::Json({{"results", {n}},
                                        {"result_count", n == 1 ? 2 : 3},
                                        {"cursor", "c" + std::to_string(n)}});
        });
    EXPECT_THAT(ErrorOf([&] { f.client.GetList("/a"); }).what(),
                HasSubstr("result_count changed from 2 to 3 between pages"));
}

TEST(NsxApiClientTest, ACursorThatComesBackIsRefused)
{
    Fixture f([](const HttpRequest&) { return FakeTransport::Page({1}, "same"); });
    EXPECT_THAT(ErrorOf([&] { f.client.GetList("/a"); }).what(),
                HasSubstr("the cursor 'same' came back a second time"));
    EXPECT_EQ(f.transport.requests.size(), 2u);
}

TEST(NsxApiClientTest, TooManyRequestsWaitsRetryAfterThenSucceeds)
{
    int n = 0;
    Fixture f([&n](const HttpRequest&)
              { return ++n == 1 ? Status(429, "3") : FakeTransport::Page({1}); });
    EXPECT_EQ(f.client.GetList("/a").size(), 1u);
    EXPECT_EQ(f.sleeps, std::vector<milliseconds>({seconds(3)}));
    EXPECT_EQ(f.client.Requests(), 2u);
}

TEST(NsxApiClientTest, ServiceUnavailableBacksOffExponentially)
{
    int n = 0;
    Fixture f([&n](const HttpRequest&)
              { return ++n <= 4 ? Status(503) : FakeTransport::Page({1}); });
    EXPECT_EQ(f.client.GetList("/a").size(), 1u);
    EXPECT_EQ(f.sleeps,
              std::vector<milliseconds>({seconds(1), seconds(2), seconds(4), seconds(8)}));
}

TEST(NsxApiClientTest, RetriesRunOutWithTheUrlAndTheLastStatus)
{
    Fixture f([](const HttpRequest&) { return Status(503); }, Options(2));
    CollectError e = ErrorOf([&] { f.client.GetList("/policy/api/v1/infra/segments"); });
    EXPECT_EQ(e.Kind(), CollectErrorKind::HttpStatus);
    EXPECT_EQ(e.Url(), kManager + "/policy/api/v1/infra/segments");
    EXPECT_EQ(std::string(e.what()),
              "GET " + kManager +
                  "/policy/api/v1/infra/segments: HTTP 503 Service Unavailable: busy (NSX "
                  "error_code 98), still after 3 attempts (--retries 2)");
    EXPECT_EQ(f.transport.requests.size(), 3u);
    EXPECT_EQ(f.sleeps.size(), 2u);
}

TEST(NsxApiClientTest, NoRetriesMeansOneAttempt)
{
    Fixture f([](const HttpRequest&) { return Status(429, "1"); }, Options(0));
    EXPECT_THAT(ErrorOf([&] { f.client.GetList("/a"); }).what(),
                HasSubstr("HTTP 429 Too Many Requests: busy (NSX error_code 98) (--retries 0)"));
    EXPECT_TRUE(f.sleeps.empty());
}

TEST(NsxApiClientTest, TimeoutsAreRetriedThenAnError)
{
    Fixture f([](const HttpRequest&) -> HttpResponse
              { throw TransportError(TransportFailure::Timeout, "Operation timed out"); },
              Options(1));
    CollectError e = ErrorOf([&] { f.client.GetList("/a"); });
    EXPECT_EQ(e.Kind(), CollectErrorKind::Transport);
    EXPECT_EQ(std::string(e.what()), "GET " + kManager +
                                         "/a: no whole answer within 2 s (--timeout): Operation "
                                         "timed out, still after 2 attempts (--retries 1)");
    EXPECT_EQ(f.sleeps, std::vector<milliseconds>({seconds(1)}));
    EXPECT_EQ(f.client.Requests(), 2u);
}

TEST(NsxApiClientTest, AResetConnectionIsRetried)
{
    int n = 0;
    Fixture f(
        [&n](const HttpRequest&)
        {
            if (++n == 1)
            {
                throw TransportError(TransportFailure::Connection, "Connection reset by peer");
            }
            return FakeTransport::Page({1});
        });
    EXPECT_EQ(f.client.GetList("/a").size(), 1u);
    EXPECT_EQ(f.transport.requests.size(), 2u);
}

TEST(NsxApiClientTest, TruncatedBodiesAndCertificateFailuresAreNotRetried)
{
    Fixture t(
        [](const HttpRequest&) -> HttpResponse
        {
            throw TransportError(TransportFailure::Truncated,
                                 "transfer closed with 100 bytes remaining to read");
        });
    CollectError truncated = ErrorOf([&] { t.client.GetList("/a"); });
    EXPECT_EQ(truncated.Kind(), CollectErrorKind::Transport);
    EXPECT_THAT(truncated.what(), HasSubstr("/a: the response was cut off before its end"));
    EXPECT_EQ(t.transport.requests.size(), 1u);

    Fixture c([](const HttpRequest&) -> HttpResponse
              { throw TransportError(TransportFailure::Certificate, "self-signed certificate"); });
    CollectError certificate = ErrorOf([&] { c.client.GetList("/a"); });
    EXPECT_EQ(certificate.Kind(), CollectErrorKind::Certificate);
    EXPECT_THAT(certificate.what(), HasSubstr("TLS certificate was not accepted"));
    EXPECT_THAT(certificate.what(), HasSubstr("--ca-file"));
    EXPECT_THAT(certificate.what(), HasSubstr("--insecure"));
    EXPECT_EQ(c.transport.requests.size(), 1u);
}

TEST(NsxApiClientTest, UnauthorizedFailsAtOnceNamingUserAndManager)
{
    for (int status : {401, 403})
    {
        Fixture f([status](const HttpRequest&) { return Status(status); });
        CollectError e = ErrorOf([&] { f.client.GetList("/api/v1/fabric/vifs"); });
        EXPECT_EQ(e.Kind(), CollectErrorKind::Authentication);
        EXPECT_THAT(e.what(), HasSubstr("authentication failed for admin at " + kManager +
                                        " (HTTP " + std::to_string(status) + ") on GET " +
                                        kManager + "/api/v1/fabric/vifs"));
        EXPECT_EQ(f.transport.requests.size(), 1u);
    }
}

TEST(NsxApiClientTest, NotFoundIsNoneForAnOptionalListAndAnErrorOtherwise)
{
    Fixture f([](const HttpRequest&) { return Status(404); });
    EXPECT_EQ(f.client.GetOptionalList("/policy/api/v1/infra/tier-0s"), std::nullopt);
    CollectError e = ErrorOf([&] { f.client.GetList("/policy/api/v1/infra/tier-0s"); });
    EXPECT_EQ(e.Kind(), CollectErrorKind::HttpStatus);
    EXPECT_THAT(e.what(), HasSubstr("tier-0s: HTTP 404 Not Found: busy"));
}

TEST(NsxApiClientTest, AnOtherStatusWithoutNsxErrorJsonGivesTheStatus)
{
    Fixture f(
        [](const HttpRequest&)
        {
            HttpResponse r;
            r.status = 502;
            r.body = "<html>bad gateway</html>";
            return r;
        });
    EXPECT_EQ(std::string(ErrorOf([&] { f.client.GetList("/a"); }).what()),
              "GET " + kManager + "/a: HTTP 502 Bad Gateway");
}

TEST(NsxApiClientTest, ABodyThatIsNotJsonNamesTheByte)
{
    Fixture f(
        [](const HttpRequest&)
        {
            HttpResponse r;
            r.status = 200;
            r.body = "{\"results\": [1, 2,";
            return r;
        });
    CollectError e = ErrorOf([&] { f.client.GetList("/a"); });
    EXPECT_EQ(e.Kind(), CollectErrorKind::Response);
    EXPECT_THAT(e.what(), HasSubstr("GET " + kManager + "/a: the response is not JSON: "));
    EXPECT_THAT(e.what(), HasSubstr("(byte 18 of 18; it starts '{\"results\": [1, 2,')"));
}

TEST(NsxApiClientTest, JsonWithoutAResultsListNamesThePlace)
{
    struct Case
    {
        nlohmann::json body;
        std::string message;
    };
    for (const Case& c : std::vector<Case>{
             {nlohmann::json::array(), "the response is array, not an API list result"},
             {{{"items", nlohmann::json::array()}}, "no 'results' list (at $.results)"},
             {{{"results", "x"}}, "'results' is string, not a list (at $.results)"},
             {{{"results", {1}}, {"result_count", -1}}, "(at $.result_count)"},
             {{{"results", {1}}, {"cursor", 7}}, "'cursor' is not a string (at $.cursor)"}})
    {
        Fixture f([&c](const HttpRequest&) { return FakeTransport::Json(c.body); });
        EXPECT_THAT(ErrorOf([&] { f.client.GetList("/a"); }).what(), HasSubstr(c.message))
            << c.body.dump();
    }
}

TEST(NsxApiClientTest, BasicAuthenticationIsOnEveryRequest)
{
    Fixture f([](const HttpRequest&) { return FakeTransport::Page({1}); });
    f.client.Open();
    f.client.GetList("/a");
    f.client.GetList("/b");
    f.client.Close();
    ASSERT_EQ(f.transport.requests.size(), 2u);
    for (const auto& r : f.transport.requests)
    {
        EXPECT_EQ(r.method, "GET");
        EXPECT_THAT(r.headers,
                    testing::Contains(std::make_pair(std::string("Authorization"),
                                                     std::string("Basic YWRtaW46c2VjcmV0"))));
    }
}

TEST(NsxApiClientTest, SessionAuthenticationSendsTheCookieAndTokenThenDestroysTheSession)
{
    Fixture f(
        [](const HttpRequest& r)
        {
            if (r.url == kManager + "/api/session/create")
            {
                HttpResponse created;
                created.status = 200;
                created.headers = {{"Set-Cookie", "other=1; Path=/"},
                                   {"set-cookie", "JSESSIONID=ABC123; Path=/; Secure; HttpOnly"},
                                   {"x-xsrf-token", "tok-9"}};
                return created;
            }
            return FakeTransport::Page({1});
        },
        Options(5, AuthMode::Session));
    f.client.Open();
    f.client.GetList("/a");
    f.client.Close();
    ASSERT_EQ(f.transport.requests.size(), 3u);
    const HttpRequest& create = f.transport.requests[0];
    EXPECT_EQ(create.method, "POST");
    EXPECT_EQ(create.body, "j_username=admin&j_password=secret");
    EXPECT_THAT(create.headers, testing::Contains(std::make_pair(
                                    std::string("Content-Type"),
                                    std::string("application/x-www-form-urlencoded"))));
    for (const HttpRequest* r : {&f.transport.requests[1], &f.transport.requests[2]})
    {
        EXPECT_THAT(r->headers, testing::Contains(std::make_pair(
                                    std::string("Cookie"), std::string("JSESSIONID=ABC123"))));
        EXPECT_THAT(r->headers, testing::Contains(std::make_pair(std::string("X-XSRF-TOKEN"),
                                                                 std::string("tok-9"))));
        for (const auto& header : r->headers)
        {
            EXPECT_NE(header.first, "Authorization");
        }
    }
    EXPECT_EQ(f.transport.requests[2].url, kManager + "/api/session/destroy");
    // The destruction is not part of the collection's count.
    EXPECT_EQ(f.client.Requests(), 2u);
}

TEST(NsxApiClientTest, ASessionWithoutTokenIsRefused)
{
    Fixture f(
        [](const HttpRequest&)
        {
            HttpResponse r;
            r.status = 200;
            r.headers = {{"Set-Cookie", "JSESSIONID=ABC"}};
            return r;
        },
        Options(5, AuthMode::Session));
    EXPECT_THAT(ErrorOf([&] { f.client.Open(); }).what(), HasSubstr("but no X-XSRF-TOKEN header"));
}

TEST(NsxApiClientTest, ADestroyThatFailsIsIgnored)
{
    int n = 0;
    Fixture f(
        [&n](const HttpRequest&) -> HttpResponse
        {
            if (++n == 1)
            {
                HttpResponse r;
                r.status = 200;
                r.headers = {{"Set-Cookie", "JSESSIONID=A"}, {"X-XSRF-TOKEN", "t"}};
                return r;
            }
            throw TransportError(TransportFailure::Connection, "reset");
        },
        Options(5, AuthMode::Session));
    f.client.Open();
    f.client.Close();
    f.client.Close();
    EXPECT_EQ(f.transport.requests.size(), 2u);
}

TEST(NsxApiClientTest, TheObserverHearsEveryAttemptWithoutTheQuery)
{
    int n = 0;
    Fixture f([&n](const HttpRequest&)
              { return ++n == 1 ? Status(503) : FakeTransport::Page({1}, n == 2 ? "c" : ""); });
    std::vector<std::string> seen;
    f.client.SetRequestObserver([&seen](const std::string& path) { seen.push_back(path); });
    f.client.GetList("/api/v1/fabric/vifs");
    EXPECT_EQ(seen, std::vector<std::string>(3, "/api/v1/fabric/vifs"));
}

} // namespace
} // namespace collect
} // namespace segproof
