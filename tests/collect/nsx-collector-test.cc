// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#include "collect/collect-error.h"
#include "collect/nsx-collector.h"
#include "fake-transport.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <map>

namespace segproof
{
namespace collect
{
namespace
{
using testing::HasSubstr;

const std::string kManager = "https://nsx.example.com";
const std::string kDomain = "/policy/api/v1/infra/domains/dom%201";

/// A manager with one of everything (ids with a space, to see them encoded), answering only
/// the URLs in `m_lists` (a 404 otherwise).
class FakeManager
{
public:
    FakeManager()
    {
        m_lists = {
            {"/policy/api/v1/infra/services", {{{"id", "HTTP"}}}},
            {"/api/v1/fabric/virtual-machines",
             {{{"external_id", "vm-1"}}, {{"external_id", "vm-2"}}}},
            {"/api/v1/fabric/vifs", {{{"external_id", "vif-1"}}}},
            {"/policy/api/v1/infra/segments", {{{"id", "seg a"}, {"display_name", "A"}}}},
            {"/policy/api/v1/infra/segments/seg%20a/ports", {{{"id", "p1"}}, {{"id", "p2"}}}},
            {"/policy/api/v1/infra/tier-1s", {{{"id", "t1"}}}},
            {"/policy/api/v1/infra/domains", {{{"id", "dom 1"}, {"display_name", "D"}}}},
            {kDomain + "/security-policies", {{{"id", "pol/1"}, {"rules", "stale"}}}},
            {kDomain + "/security-policies/pol%2F1/rules", {{{"id", "r1"}}, {{"id", "r2"}}}},
            {kDomain + "/gateway-policies", {{{"id", "gw"}}}},
            {kDomain + "/gateway-policies/gw/rules", {{{"id", "g1"}}}},
            {kDomain + "/groups", {{{"id", "web"}, {"expression", nlohmann::json::array()}}}},
            {kDomain + "/groups/web/members/virtual-machines", {{{"id", "vm-1"}}}},
        };
    }

    HttpResponse Answer(const HttpRequest& request) const
    {
        auto it = m_lists.find(request.url.substr(kManager.size()));
        if (it == m_lists.end())
        {
            return FakeTransport::Json({{"error_message", "not found"}}, 404);
        }
        return FakeTransport::Json({{"results", it->second}, {"result_count", it->second.size()}});
    }

    std::map<std::string, nlohmann::json> m_lists;
};

CollectOptions
Options(AuthMode auth = AuthMode::Basic)
{
    CollectOptions options;
    options.manager = kManager;
    options.user = "admin";
    options.password = "secret";
    options.auth = auth;
    return options;
}

TEST(NsxCollectorTest, TheBundleHoldsEveryListWithItsDetails)
{
    FakeManager manager;
    FakeTransport transport([&manager](const HttpRequest& r) { return manager.Answer(r); });
    NsxApiClient client(transport, Options(), [](std::chrono::milliseconds) {});
    CollectResult result = NsxCollector(client, "9.9.9").Collect();
    const nlohmann::ordered_json& b = result.bundle;

    std::vector<std::string> keys;
    for (const auto& item : b.items())
    {
        keys.push_back(item.key());
    }
    EXPECT_EQ(keys, std::vector<std::string>({"collector", "services", "virtual_machines",
                                              "virtual_network_interface", "segments", "tier0",
                                              "tier1", "domains"}));
    EXPECT_EQ(b["collector"]["tool"], "segproof collect");
    EXPECT_EQ(b["collector"]["segproof_version"], "9.9.9");
    EXPECT_EQ(b["collector"]["manager"], kManager);
    EXPECT_EQ(b["collector"]["complete"], true);
    EXPECT_EQ(b["collector"]["requests"], transport.requests.size());
    EXPECT_EQ(transport.requests.size(), 15u);

    EXPECT_EQ(b["segments"][0]["display_name"], "A");
    EXPECT_EQ(b["segments"][0]["segment_ports"].size(), 2u);
    EXPECT_EQ(b["tier0"], nlohmann::ordered_json::array());
    EXPECT_EQ(b["tier1"].size(), 1u);
    const auto& domain = b["domains"][0];
    EXPECT_EQ(domain["display_name"], "D");
    const auto& resources = domain["resources"];
    EXPECT_EQ(resources["security_policies"][0]["rules"],
              nlohmann::ordered_json::parse(R"([{"id": "r1"}, {"id": "r2"}])"));
    EXPECT_EQ(resources["gateway_policies"][0]["rules"].size(), 1u);
    EXPECT_EQ(resources["groups"][0]["vm_members"].size(), 1u);
    EXPECT_EQ(resources["groups"][0]["ips_members"], nlohmann::ordered_json::array());

    EXPECT_EQ(result.counts.services, 1u);
    EXPECT_EQ(result.counts.virtualMachines, 2u);
    EXPECT_EQ(result.counts.vifs, 1u);
    EXPECT_EQ(result.counts.segments, 1u);
    EXPECT_EQ(result.counts.segmentPorts, 2u);
    EXPECT_EQ(result.counts.tier0s, 0u);
    EXPECT_EQ(result.counts.groups, 1u);
    EXPECT_EQ(result.counts.policies, 2u);
    EXPECT_EQ(result.counts.rules, 3u);
    // tier-0s and the group's ip-addresses were 404s: optional, so notes, not errors.
    ASSERT_EQ(result.notes.size(), 2u);
    EXPECT_THAT(result.notes[0], HasSubstr("/policy/api/v1/infra/tier-0s answered 404"));
    EXPECT_THAT(result.notes[1], HasSubstr("/groups/web/members/ip-addresses answered 404"));
    EXPECT_EQ(b["collector"]["notes"].size(), 2u);
}

TEST(NsxCollectorTest, ARequiredListThatIsMissingFailsTheWholeCollection)
{
    FakeManager manager;
    manager.m_lists.erase("/policy/api/v1/infra/segments/seg%20a/ports");
    FakeTransport transport([&manager](const HttpRequest& r) { return manager.Answer(r); });
    NsxApiClient client(transport, Options(), [](std::chrono::milliseconds) {});
    try
    {
        NsxCollector(client, "1").Collect();
        FAIL() << "no error";
    }
    catch (const CollectError& e)
    {
        EXPECT_EQ(e.Url(), kManager + "/policy/api/v1/infra/segments/seg%20a/ports");
        EXPECT_THAT(e.what(), HasSubstr("HTTP 404 Not Found: not found"));
    }
}

TEST(NsxCollectorTest, AnObjectWithoutIdIsNamedByItsPlace)
{
    FakeManager manager;
    manager.m_lists["/policy/api/v1/infra/segments"] = {{{"id", "seg a"}}, {{"name", "x"}}};
    FakeTransport transport([&manager](const HttpRequest& r) { return manager.Answer(r); });
    NsxApiClient client(transport, Options(), [](std::chrono::milliseconds) {});
    try
    {
        NsxCollector(client, "1").Collect();
        FAIL() << "no error";
    }
    catch (const CollectError& e)
    {
        EXPECT_EQ(e.Kind(), CollectErrorKind::Response);
        EXPECT_THAT(e.what(), HasSubstr("GET " + kManager +
                                        "/policy/api/v1/infra/segments: result 1 has no string "
                                        "'id' (at $.results[1].id"));
    }
}

TEST(NsxCollectorTest, TheSessionIsDestroyedEvenWhenTheCollectionFails)
{
    FakeManager manager;
    manager.m_lists.erase("/policy/api/v1/infra/domains");
    FakeTransport transport(
        [&manager](const HttpRequest& r)
        {
            if (r.method == "POST")
            {
                HttpResponse created;
                created.status = 200;
                created.headers = {{"Set-Cookie", "JSESSIONID=S"}, {"X-XSRF-TOKEN", "T"}};
                return created;
            }
            return manager.Answer(r);
        });
    NsxApiClient client(transport, Options(AuthMode::Session), [](std::chrono::milliseconds) {});
    EXPECT_THROW(NsxCollector(client, "1").Collect(), CollectError);
    EXPECT_EQ(transport.requests.front().url, kManager + "/api/session/create");
    EXPECT_EQ(transport.requests.back().url, kManager + "/api/session/destroy");
}

TEST(NsxCollectorTest, ProgressCountsRequestsAndObjectsAsTheyGrow)
{
    FakeManager manager;
    FakeTransport transport([&manager](const HttpRequest& r) { return manager.Answer(r); });
    NsxApiClient client(transport, Options(), [](std::chrono::milliseconds) {});
    std::vector<CollectProgress> seen;
    NsxCollector(client, "1", [&seen](const CollectProgress& p) { seen.push_back(p); }).Collect();
    ASSERT_EQ(seen.size(), 15u);
    EXPECT_EQ(seen.front().endpoint, "/policy/api/v1/infra/services");
    EXPECT_EQ(seen.front().objects, 1u);
    for (std::size_t i = 1; i < seen.size(); ++i)
    {
        EXPECT_EQ(seen[i].requests, seen[i - 1].requests + 1);
        EXPECT_GE(seen[i].objects, seen[i - 1].objects);
    }
    // 16 objects in all: the 404s add none.
    EXPECT_EQ(seen.back().objects, 16u);
}

} // namespace
} // namespace collect
} // namespace segproof
