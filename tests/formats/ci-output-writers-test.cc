// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
// The CI writers on their own: SARIF file URIs and rule references, JUnit's escaping. The
// whole logs are checked by shape against SARIF 2.1.0 and JUnit in tests/cli/ci-outputs.py.
#include "core/intent-result.h"
#include "formats/junit/junit-xml.h"
#include "formats/sarif/sarif-log.h"
#include "formats/scenario/scenario-reader.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <stdexcept>

namespace segproof
{
namespace
{

TEST(SarifLogTest, FileUrisAreRelativeReferencesOrFileUrisWithEscapes)
{
    EXPECT_EQ(formats::FileUri("scenarios/seed.yaml"), "scenarios/seed.yaml");
    EXPECT_EQ(formats::FileUri("my rules.yaml"), "my%20rules.yaml");
    EXPECT_EQ(formats::FileUri("/srv/a#b?.yaml"), "file:///srv/a%23b%3F.yaml");
    EXPECT_EQ(formats::FileUri("ネット.yaml"), "%E3%83%8D%E3%83%83%E3%83%88.yaml");
}

TEST(SarifLogTest, AResultPointsAtItsRuleAndItsPlace)
{
    formats::SarifResult result;
    result.ruleId = "segproof/b";
    result.level = formats::SarifLevel::Note;
    result.message = "m";
    result.location = {core::SourceLocation{"x.yaml", 3, 7}, ""};
    result.related = {{core::SourceLocation{"x.yaml", 0, 0}, "whole file"}};
    auto log = nlohmann::json::parse(
        formats::SarifLogJson("1.2.3-4-gabc", {"segproof", "lint", "x.yaml"},
                              {{"segproof/a", "a", "A", formats::SarifLevel::Error},
                               {"segproof/b", "b", "B", formats::SarifLevel::Warning}},
                              {result}));
    const auto& run = log["runs"][0];
    EXPECT_EQ(log["version"], "2.1.0");
    EXPECT_EQ(run["tool"]["driver"]["semanticVersion"], "1.2.3");
    const auto& r = run["results"][0];
    EXPECT_EQ(r["ruleIndex"], 1);
    EXPECT_EQ(r["level"], "note");
    EXPECT_EQ(r["locations"][0]["physicalLocation"]["region"]["startLine"], 3);
    EXPECT_EQ(r["locations"][0]["physicalLocation"]["region"]["startColumn"], 7);
    // A place without a line names the file only: SARIF's lines start at 1.
    EXPECT_FALSE(r["relatedLocations"][0]["physicalLocation"].contains("region"));
    EXPECT_EQ(run["invocations"][0]["commandLine"], "segproof lint x.yaml");
}

TEST(SarifLogTest, AResultOfARuleTheLogDoesNotDescribeIsRefused)
{
    formats::SarifResult result;
    result.ruleId = "segproof/unknown";
    EXPECT_THROW(formats::SarifLogJson("1", {}, {{"segproof/a", "a", "A"}}, {result}),
                 std::invalid_argument);
}

TEST(SarifLogTest, NamesThatAreNotUtf8ComeOutReplaced)
{
    formats::SarifResult result;
    result.ruleId = "segproof/a";
    result.message = std::string("rule r\xff");
    std::string log = formats::SarifLogJson("1", {}, {{"segproof/a", "a", "A"}}, {result});
    EXPECT_NE(log.find("rule r\xEF\xBF\xBD"), std::string::npos);
}

TEST(JunitXmlTest, OneCasePerIntentWithItsVerdictAndEscapedText)
{
    core::Scenario scenario =
        formats::ReadScenarioFile(std::string(SEGPROOF_SCENARIOS_DIR) + "/seed.yaml");
    core::PostureVerdicts verdicts;
    verdicts.posture = scenario.AllFirewallsPosture();
    verdicts.results.push_back({"a<b>&\"c\"", "", core::Verdict::Proved, {}, "", 0.25});
    verdicts.results.push_back({"v", "", core::Verdict::Violated, {}, "", 0});
    verdicts.results.push_back({"u", "", core::Verdict::Unknown, {}, "timeout \x01 \xff", 0});
    std::string xml = formats::VerifyJunitXml(scenario, {verdicts});
    EXPECT_NE(xml.find("tests=\"3\" failures=\"1\" errors=\"1\" skipped=\"0\" time=\"0.250\""),
              std::string::npos)
        << xml;
    EXPECT_NE(xml.find("<testcase name=\"a&lt;b&gt;&amp;&quot;c&quot;\""), std::string::npos);
    EXPECT_NE(xml.find("<failure type=\"violated\""), std::string::npos);
    // A control character and a byte that is not UTF-8 cannot be in XML 1.0: U+FFFD.
    EXPECT_NE(xml.find("message=\"timeout \xEF\xBF\xBD \xEF\xBF\xBD\""), std::string::npos) << xml;
}

} // namespace
} // namespace segproof
