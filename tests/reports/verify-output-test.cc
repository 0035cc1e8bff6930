// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#include "formats/scenario/scenario-reader.h"
#include "reports/verify-output.h"
#include "verifier/intent-verifier.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace
{

using namespace segproof;

TEST(VerifyOutputTest, JsonHasTheSpecsShape)
{
    core::Scenario seed = formats::ReadScenarioFile(SEGPROOF_SCENARIOS_DIR "/seed.yaml");
    core::Posture flat = *seed.FindPosture("flat");
    verifier::IntentVerifier z3(seed);
    auto doc = nlohmann::json::parse(reports::FormatVerifyJson(seed, flat, z3.VerifyAll(flat)));
    ASSERT_TRUE(doc["intents"].is_array());
    ASSERT_EQ(doc["intents"].size(), seed.Intents().size());
    const auto& first = doc["intents"][0];
    EXPECT_EQ(first["id"], "no-desktop-lateral");
    EXPECT_EQ(first["verdict"], "violated");
    const auto& cx = first["counterexample"];
    EXPECT_TRUE(cx["src"]["name"].is_string());
    EXPECT_TRUE(cx["src"]["ip"].is_string());
    EXPECT_TRUE(cx["dst"]["name"].is_string());
    EXPECT_EQ(cx["protocol"], "tcp");
    EXPECT_TRUE(cx["src_port"].is_number());
    EXPECT_TRUE(cx["dst_port"].is_number());
    EXPECT_TRUE(cx["path"].is_array()); // flat: no enforcement point between two desktops
    const auto& proved = doc["intents"][2];
    EXPECT_EQ(proved["verdict"], "proved");
    EXPECT_FALSE(proved.contains("counterexample"));
    EXPECT_EQ(doc["posture"]["name"], "flat");
}

TEST(VerifyOutputTest, PathNamesThePointRuleAndAction)
{
    core::Scenario seed = formats::ReadScenarioFile(SEGPROOF_SCENARIOS_DIR "/seed.yaml");
    core::Posture hostFw = *seed.FindPosture("host-fw");
    verifier::IntentVerifier z3(seed);
    auto doc = nlohmann::json::parse(reports::FormatVerifyJson(seed, hostFw, z3.VerifyAll(hostFw)));
    const auto& path = doc["intents"][0]["counterexample"]["path"];
    ASSERT_EQ(path.size(), 2u);
    EXPECT_EQ(path[0]["point"].get<std::string>().rfind("host-out@vdi", 0), 0u);
    // Desktop to desktop gets through the Windows firewall only on its two exceptions.
    std::string rule = path[1]["rule"];
    EXPECT_TRUE(rule == "hf-file-sharing-in" || rule == "hf-admin-in") << rule;
    EXPECT_EQ(path[1]["action"], "allow");
}

} // namespace
