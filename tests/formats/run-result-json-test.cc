// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
// One run's result between processes (formats/run-result/run-result-json.h): every field comes
// back exactly, whatever the names hold, and anything else is refused with its JSON path.

#include "formats/run-result/run-result-json.h"
#include "support/expect-same-run-result.h"

#include <cmath>
#include <gtest/gtest.h>
#include <limits>
#include <stdexcept>
#include <string>

namespace
{

using namespace segproof;

core::RunResult
Full()
{
    core::RunResult r;
    r.posture = " microseg+quarantine \"q\" \\"; // a leading space, quotes, a backslash
    r.run = std::numeric_limits<std::uint64_t>::max();
    r.infectedSeries = {{0, 1}, {0.1, 2}, {1.0 / 3.0, 3}, {1e-300, 4}, {28800, 4294967295u}};
    r.everInfected = 7;
    r.everInfectedDesktops = 6;
    r.phished = 2;
    r.infectedMachines = {3, 7, 3, 2147483647};
    r.phishedMachines = {3, 7};
    r.timeToCrownJewel_s = std::nextafter(1234.5678, 2000.0);
    r.exfiltratedBytes = 250000000;
    r.blocked = {1, 2, 3, std::numeric_limits<std::uint64_t>::max()};
    r.blockedByRule = {{"dfw/vdi\nisolation", 1}, // a newline in a rule id
                       {"dfw/ a/b~c", 2},         // a space, a slash and a tilde
                       {"dfw/q" + std::string(1, '\xff') + "out", 3}, // not UTF-8
                       {"gateway/default", 4}};
    r.alerts = 9;
    r.detected = 4;
    r.quarantined = 3;
    r.connectionsAttempted = 1234567;
    r.packets = 89;
    r.events = 1ULL << 60;
    r.wall_s = std::numeric_limits<double>::min();
    return r;
}

std::string
ErrorOf(const std::string& text)
{
    try
    {
        formats::DecodeRunResult(text);
    }
    catch (const std::runtime_error& e)
    {
        return e.what();
    }
    return "";
}

/// `text` with the first `from` replaced by `to`.
std::string
Replaced(std::string text, const std::string& from, const std::string& to)
{
    std::size_t at = text.find(from);
    EXPECT_NE(at, std::string::npos) << from;
    return at == std::string::npos ? text : text.replace(at, from.size(), to);
}

TEST(RunResultJsonTest, EveryFieldComesBackExactly)
{
    const core::RunResult r = Full();
    const std::string text = formats::EncodeRunResult(r);
    test::ExpectSameRunResult(formats::DecodeRunResult(text), r);
    EXPECT_EQ(formats::EncodeRunResult(formats::DecodeRunResult(text)), text);
}

TEST(RunResultJsonTest, NoCrownJewelAndNothingBlockedComeBack)
{
    core::RunResult r;
    r.posture = "flat";
    test::ExpectSameRunResult(formats::DecodeRunResult(formats::EncodeRunResult(r)), r);
}

TEST(RunResultJsonTest, IsOneLineOfJsonWithItsFormat)
{
    const std::string text = formats::EncodeRunResult(Full());
    EXPECT_EQ(text.find('\n'), std::string::npos); // newlines in names are escaped
    EXPECT_EQ(text.rfind("{\"alerts\":", 0), 0u);
    EXPECT_NE(text.find("\"format\":\"segproof-run-result/v1\""), std::string::npos);
    EXPECT_NE(text.find("\"dfw/vdi\\nisolation\""), std::string::npos);
    EXPECT_NE(text.find("{\"bytes\":[100,102,119,47,113,255,111,117,116]}"), std::string::npos);
}

TEST(RunResultJsonTest, EveryCutShortTextIsTruncated)
{
    const std::string text = formats::EncodeRunResult(Full());
    for (std::size_t size = 0; size < text.size(); ++size)
    {
        EXPECT_EQ(ErrorOf(text.substr(0, size)), "a simulation run sent back a truncated result")
            << size;
    }
}

TEST(RunResultJsonTest, WrongValuesAreNamedByTheirJsonPath)
{
    const std::string text = formats::EncodeRunResult(Full());
    const std::string prefix = "a simulation run sent back a malformed result: at ";
    EXPECT_EQ(ErrorOf(Replaced(text, "\"alerts\":9", "\"alerts\":-9")),
              prefix + "/alerts: expected an unsigned integer");
    EXPECT_EQ(ErrorOf(Replaced(text, "\"detected\":4", "\"detected\":4294967296")),
              prefix + "/detected: more than 4294967295");
    EXPECT_EQ(ErrorOf(Replaced(text, "\"dfw\":1", "\"dfw\":\"1\"")),
              prefix + "/blocked/dfw: expected an unsigned integer");
    EXPECT_EQ(ErrorOf(Replaced(text, "[0.1,2]", "[0.1]")),
              prefix + "/infected_series/1: expected [time_s, infected]");
    EXPECT_EQ(ErrorOf(Replaced(text, "255,111", "256,111")),
              prefix + "/blocked_by_rule/1/0/bytes/5: more than 255");
    EXPECT_EQ(ErrorOf(Replaced(text, "\"events\":", "\"event\":")),
              prefix + "/: missing \"events\"");
    EXPECT_EQ(ErrorOf(Replaced(text, "\"alerts\":9", "\"alerts\":9,\"extra\":1")),
              prefix + "/extra: unknown member");
    EXPECT_EQ(ErrorOf(Replaced(text, "segproof-run-result/v1", "segproof-run-result/v2")),
              prefix + "/format: expected \"segproof-run-result/v1\"");
    EXPECT_EQ(ErrorOf("[1]"), prefix + "/: expected an object");
    EXPECT_EQ(ErrorOf("error from the run"),
              "a simulation run sent back a malformed result: [json.exception.parse_error.101] "
              "parse error at line 1, column 1: syntax error while parsing value - invalid "
              "literal; last read: 'e'");
}

} // namespace
