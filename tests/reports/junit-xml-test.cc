// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
// verify's JUnit XML on its own: counts, verdicts, escaping. The whole file is checked by
// shape against JUnit XML and against verify --json in tests/cli/ci-outputs.py.
#include "core/intent-result.h"
#include "formats/scenario/scenario-reader.h"
#include "reports/junit-xml.h"

#include <gtest/gtest.h>

namespace segproof
{
namespace
{

TEST(JunitXmlTest, OneCasePerIntentWithItsVerdictAndEscapedText)
{
    core::Scenario scenario =
        formats::ReadScenarioFile(std::string(SEGPROOF_SCENARIOS_DIR) + "/seed.yaml");
    core::PostureVerdicts verdicts;
    verdicts.posture = scenario.AllFirewallsPosture();
    verdicts.results.push_back({"a<b>&\"c\"", "", core::Verdict::Proved, {}, "", 0.25});
    verdicts.results.push_back({"v", "", core::Verdict::Violated, {}, "", 0});
    verdicts.results.push_back({"u", "", core::Verdict::Unknown, {}, "timeout \x01 \xff", 0});
    std::string xml = reports::VerifyJunitXml(scenario, {verdicts});
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
