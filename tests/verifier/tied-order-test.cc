// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
// Verdicts under an NSX DFW whose order is partly undefined (tied or missing
// sequence_numbers): a verdict only when every order the ties allow agrees, else UNKNOWN with
// the tie; and core's order variants themselves.
#include "core/rule-order.h"
#include "core/scenario.h"
#include "formats/scenario/scenario-reader.h"
#include "verifier/intent-verifier.h"

#include <gtest/gtest.h>

namespace
{

using namespace segproof;

/// seed.yaml's estate with the DFW of tests/data/nsx/fixes-ties.json: allow-smb (desktops to
/// the file server, SMB) and drop-files (anything to the file server) tie, default allow.
core::Scenario
TiedScenario()
{
    const std::string text =
        "format: segproof/v1\n"
        "name: ties\n"
        "estate:\n"
        "  segments: [{name: vdi, cidr: 10.10.0.0/24},\n"
        "             {name: servers, cidr: 10.20.0.0/27}]\n"
        "  hosts: [{name: esx}]\n"
        "  machines:\n"
        "    - {name: \"vdi[1-3]\", kind: desktop, segment: vdi, host: esx,\n"
        "       tags: [role|vdi-desktop]}\n"
        "    - {name: fs01, kind: server, segment: servers, host: esx,\n"
        "       tags: [role|file-server]}\n"
        "groups:\n"
        "  desktops: {tag: role|vdi-desktop}\n"
        "  files: {tag: role|file-server}\n"
        "firewalls:\n"
        "  dfw: {nsx: " SEGPROOF_TEST_DATA_DIR "/nsx/fixes-ties.json}\n"
        "postures:\n"
        "  microseg: [dfw]\n"
        "intents:\n"
        "  - {id: no-smb, deny: {from: desktops, to: files, service: tcp/445}}\n"
        "  - {id: no-rdp, deny: {from: desktops, to: files, service: tcp/3389}}\n"
        "  - {id: smb-ok, allow: {from: desktops, to: files, service: tcp/445}}\n"
        "  - {id: no-lateral, deny: {from: desktops, to: desktops, service: any}}\n";
    return formats::ReadScenarioText(text, "ties.yaml");
}

TEST(TiedOrderTest, AVerdictOnlyWhenEveryOrderAgrees)
{
    core::Scenario scenario = TiedScenario();
    ASSERT_EQ(scenario.FindFirewall(core::FirewallKind::Dfw)->orderTies.size(), 1u);
    verifier::IntentVerifier verifier(scenario);
    auto results = verifier.VerifyAll(*scenario.FindPosture("microseg"));
    ASSERT_EQ(results.size(), 4u);
    // SMB to the file server: allowed if allow-smb comes first, dropped otherwise.
    EXPECT_EQ(results[0].verdict, core::Verdict::Unknown);
    EXPECT_NE(results[0].reason.find("the verdict depends on an order NSX leaves undefined"),
              std::string::npos);
    EXPECT_NE(results[0].reason.find("rules allow-smb and drop-files share sequence_number 0"),
              std::string::npos)
        << results[0].reason;
    // RDP meets drop-files alone: dropped under every order.
    EXPECT_EQ(results[1].verdict, core::Verdict::Proved);
    EXPECT_EQ(results[2].verdict, core::Verdict::Unknown);
    // Desktop to desktop meets neither rule: the default allows it under every order.
    EXPECT_EQ(results[3].verdict, core::Verdict::Violated);
    ASSERT_TRUE(results[3].counterexample.has_value());
}

TEST(TiedOrderTest, PermissiveAndRestrictiveOrdersPutAllowsFirstOrLast)
{
    core::Firewall firewall;
    for (auto [id, action] : {std::pair<const char*, core::Action>{"a", core::Action::Drop},
                              {"b", core::Action::Allow},
                              {"c", core::Action::Reject},
                              {"d", core::Action::Allow},
                              {"e", core::Action::Drop}})
    {
        core::Rule rule;
        rule.id = id;
        rule.action = action;
        firewall.rules.push_back(rule);
    }
    core::OrderTie rules;
    rules.spans = {{0, 3}}; // a, b, c
    core::OrderTie policies;
    policies.level = core::OrderTie::Level::Policies;
    policies.spans = {{0, 3}, {3, 1}, {4, 1}}; // [a b c], [d], [e]
    firewall.orderTies = {policies, rules};
    auto ids = [](const core::Firewall& f)
    {
        std::string text;
        for (const auto& r : f.rules)
        {
            text += r.id;
        }
        return text;
    };
    EXPECT_EQ(core::PolicyOrderCount(firewall, 100), 6u);
    auto permissive = core::OrderVariants(firewall, core::TieBias::Permissive, 24);
    ASSERT_TRUE(permissive.has_value());
    ASSERT_EQ(permissive->size(), 6u);
    EXPECT_EQ(ids(permissive->front()), "bacde");
    EXPECT_EQ(ids(permissive->back()), "edbac");
    EXPECT_TRUE(permissive->front().orderTies.empty());
    auto restrictive = core::OrderVariants(firewall, core::TieBias::Restrictive, 24);
    EXPECT_EQ(ids(restrictive->front()), "acbde");
    EXPECT_FALSE(core::OrderVariants(firewall, core::TieBias::Permissive, 5).has_value());
}

} // namespace
