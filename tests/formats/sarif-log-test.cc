// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
// The SARIF writer on its own: file URIs, rule references, names that are not UTF-8. The
// whole logs are checked by shape against SARIF 2.1.0 in tests/cli/ci-outputs.py.
#include "formats/sarif/sarif-log.h"

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

} // namespace
} // namespace segproof
