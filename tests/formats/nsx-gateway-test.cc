// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
// Gateway policies from NSX (tests/data/nsx-gateway/): the tier-0's rules as the perimeter, the
// tier-1's as the gateway, with NSX's gateway categories, scopes and directions; traffic that
// does not cross the tier-1's uplink passes it; what cannot be modelled is refused.
#include "core/connection.h"
#include "core/first-match.h"
#include "core/input-error.h"
#include "core/ipv4.h"
#include "core/scenario.h"
#include "formats/nsx/nsx-reader.h"
#include "formats/scenario/scenario-reader.h"

#include <gtest/gtest.h>
#include <string>
#include <vector>

namespace
{

using namespace segproof;

const std::string kDir = std::string(SEGPROOF_TEST_DATA_DIR) + "/nsx-gateway/";

const core::Scenario&
Gateways()
{
    static const core::Scenario scenario = formats::ReadScenarioFile(kDir + "scenario.yaml");
    return scenario;
}

std::vector<std::string>
Ids(const core::Firewall& firewall)
{
    std::vector<std::string> ids;
    for (const auto& rule : firewall.rules)
    {
        ids.push_back(rule.id);
    }
    return ids;
}

/// The rule (or "default") that decides a TCP connection at the gateway or perimeter.
std::string
Decides(core::FirewallKind kind, const std::string& from, const std::string& to, int port)
{
    core::Connection connection;
    connection.source = core::ParseIpv4(from).value();
    connection.destination = core::ParseIpv4(to).value();
    connection.sourcePort = 49152;
    connection.destinationPort = static_cast<std::uint16_t>(port);
    core::FirstMatch match = core::EvaluateFirewall(*Gateways().FindFirewall(kind), connection,
                                                    core::Side::Out, std::nullopt);
    return (match.rule ? match.rule->id : std::string("default")) + " " +
           core::ActionName(match.action);
}

TEST(NsxGatewayTest, TheTier0IsThePerimeterAndTheTier1TheGateway)
{
    const core::Firewall* perimeter = Gateways().FindFirewall(core::FirewallKind::Perimeter);
    const core::Firewall* gateway = Gateways().FindFirewall(core::FirewallKind::Gateway);
    ASSERT_NE(perimeter, nullptr);
    ASSERT_NE(gateway, nullptr);
    EXPECT_EQ(Ids(*perimeter), (std::vector<std::string>{"https-in", "nothing-else-in"}));
    // SharedPreRules before LocalGatewayRules; within a policy, by sequence_number.
    EXPECT_EQ(Ids(*gateway),
              (std::vector<std::string>{"not-through-tier-1-inside", "not-through-tier-1-outside",
                                        "ops-ssh-db", "emergency-block", "no-ssh-to-db"}));
    EXPECT_EQ(perimeter->defaultIn, core::Action::Allow);
    EXPECT_EQ(gateway->defaultIn, core::Action::Allow);
}

TEST(NsxGatewayTest, DirectionInMatchesWhatEntersTheTier0)
{
    using core::FirewallKind;
    EXPECT_EQ(Decides(FirewallKind::Perimeter, "203.0.113.7", "10.1.1.10", 443), "https-in allow");
    EXPECT_EQ(Decides(FirewallKind::Perimeter, "203.0.113.7", "10.1.1.10", 22),
              "nothing-else-in drop");
    // Leaving: nothing-else-in is IN only.
    EXPECT_EQ(Decides(FirewallKind::Perimeter, "10.1.1.10", "203.0.113.7", 22), "default allow");
}

TEST(NsxGatewayTest, OnlyWhatCrossesTheTier1IsFiltered)
{
    using core::FirewallKind;
    // web and db are both on t1-app: routed inside it, never through its firewall.
    EXPECT_EQ(Decides(FirewallKind::Gateway, "10.1.1.10", "10.1.2.10", 22),
              "not-through-tier-1-inside allow");
    // ops (on the tier-0) and outside addresses cross it.
    EXPECT_EQ(Decides(FirewallKind::Gateway, "10.9.0.10", "10.1.2.10", 22), "ops-ssh-db allow");
    EXPECT_EQ(Decides(FirewallKind::Gateway, "203.0.113.7", "10.1.2.10", 22), "no-ssh-to-db drop");
    EXPECT_EQ(Decides(FirewallKind::Gateway, "198.51.100.9", "10.1.1.10", 443),
              "emergency-block reject");
    // Between ops and outside: not through the tier-1.
    EXPECT_EQ(Decides(FirewallKind::Gateway, "203.0.113.7", "10.9.0.10", 22),
              "not-through-tier-1-outside allow");
}

/// The errors of reading the gateway of `bundle` (a JSON text) against the scenario's estate.
std::vector<std::string>
GatewayErrors(const std::string& bundle, core::FirewallKind kind)
{
    try
    {
        auto file = formats::NsxFile::FromText(bundle, "gw.json");
        formats::ReadNsxGateway(*file, Gateways().GetEstate(), kind);
    }
    catch (const core::InputError& e)
    {
        std::vector<std::string> lines;
        for (const auto& d : e.Diagnostics())
        {
            lines.push_back(d.ToString());
        }
        return lines;
    }
    return {"accepted"};
}

std::string
Bundle(const std::string& policies)
{
    return "{\"tier1\": [{\"id\": \"a\"}, {\"id\": \"b\"}],\n"
           " \"domains\": [{\"id\": \"default\", \"resources\": {\"gateway_policies\": [\n" +
           policies + "]}}]}\n";
}

TEST(NsxGatewayTest, WhatCannotBeModelledIsRefusedAtItsPlace)
{
    const std::string rule = "\"source_groups\": [\"ANY\"], \"destination_groups\": [\"ANY\"], "
                             "\"services\": [\"ANY\"], \"action\": \"DROP\"";
    EXPECT_EQ(GatewayErrors(Bundle("{\"id\": \"p\", \"category\": \"Application\", \"rules\": "
                                   "[{\"id\": \"r\", " +
                                   rule + "}]}"),
                            core::FirewallKind::Gateway),
              (std::vector<std::string>{
                  "gw.json:3:25: unsupported NSX feature: category = Application (in gateway "
                  "policy /infra/domains/default/gateway-policies/p): the gateway firewall "
                  "categories are Emergency, SystemRules, SharedPreRules, LocalGatewayRules, "
                  "AutoServiceRules and Default"}));
    EXPECT_EQ(GatewayErrors(Bundle("{\"id\": \"p\", \"scope\": "
                                   "[\"/infra/domains/default/groups/web\"], \"rules\": "
                                   "[{\"id\": \"r\", " +
                                   rule + "}]}"),
                            core::FirewallKind::Gateway),
              (std::vector<std::string>{
                  "gw.json:3:23: unsupported NSX feature: scope = "
                  "/infra/domains/default/groups/web (in gateway policy "
                  "/infra/domains/default/gateway-policies/p): a gateway rule's scope names "
                  "tier-0 or tier-1 gateways (or their interfaces)"}));
    // Rules on every gateway, and two tier-1s: segproof's gateway is one device.
    auto two = GatewayErrors(Bundle("{\"id\": \"p\", \"rules\": [{\"id\": \"r\", " + rule + "}]}"),
                             core::FirewallKind::Gateway);
    ASSERT_EQ(two.size(), 1u);
    EXPECT_NE(two[0].find("2 tier-1 gateways (/infra/tier-1s/a, /infra/tier-1s/b)"),
              std::string::npos)
        << two[0];
}

TEST(NsxGatewayTest, AnInfraDocumentsChildGatewayPolicyIsRead)
{
    const std::string infra = R"({"resource_type": "Infra", "children": [
      {"resource_type": "ChildDomain", "Domain": {"id": "default", "children": [
        {"resource_type": "ChildGatewayPolicy", "GatewayPolicy": {"id": "edge",
          "category": "Emergency", "scope": ["/infra/tier-0s/t0/locale-services/ls/interfaces/up"],
          "children": [{"resource_type": "ChildRule", "Rule": {"id": "no-rdp-in",
            "source_groups": ["ANY"], "destination_groups": ["ANY"], "services": ["ANY"],
            "action": "DROP", "direction": "IN"}}]}}]}}]})";
    auto file = formats::NsxFile::FromText(infra, "infra.json");
    formats::NsxImport perimeter =
        formats::ReadNsxGateway(*file, Gateways().GetEstate(), core::FirewallKind::Perimeter);
    EXPECT_EQ(Ids(perimeter.firewall), std::vector<std::string>{"no-rdp-in"});
    // IN: what enters from outside the estate.
    EXPECT_TRUE(perimeter.firewall.rules[0].from.addresses.Contains(
        core::ParseIpv4("203.0.113.7").value()));
    EXPECT_FALSE(
        perimeter.firewall.rules[0].from.addresses.Contains(core::ParseIpv4("10.1.1.10").value()));
    // The tier-1 has none of its rules.
    formats::NsxImport gateway =
        formats::ReadNsxGateway(*file, Gateways().GetEstate(), core::FirewallKind::Gateway);
    EXPECT_TRUE(gateway.firewall.rules.empty());
}

TEST(NsxGatewayTest, ADfwReadFromABundleWithGatewayPoliciesSaysTheyAreLeftOut)
{
    const std::string bundle = kDir + "bundle.json";
    core::Scenario scenario = formats::ReadScenarioText(
        "format: segproof/v1\nname: t\nestate: {nsx: " + bundle +
            "}\nfirewalls:\n  dfw: {nsx: " + std::string(SEGPROOF_TEST_DATA_DIR) +
            "/nsx-api/expected-bundle.json}\npostures:\n  microseg: [dfw]\n",
        "t.yaml");
    bool warned = false;
    for (const auto& w : scenario.Warnings())
    {
        warned = warned || w.message.find("has 1 gateway policy (1 rules), which the DFW does "
                                          "not include") != std::string::npos;
    }
    EXPECT_TRUE(warned);
}

} // namespace
