// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#include "core/limits.h"
#include "formats/scenario/bracket-range.h"

#include <gtest/gtest.h>
#include <string>
#include <vector>

namespace
{

using segproof::formats::BracketExpansion;
using segproof::formats::ExpandBracketRange;

constexpr std::size_t kLimit = segproof::core::Limits::kMaxRangeExpansion;

TEST(BracketRangeTest, NameWithoutBracketsStandsForItself)
{
    BracketExpansion e = ExpandBracketRange("fs01", kLimit);
    EXPECT_TRUE(e.error.empty());
    EXPECT_EQ(e.names, (std::vector<std::string>{"fs01"}));
}

TEST(BracketRangeTest, LeadingZerosPadToTheWidthWritten)
{
    BracketExpansion e = ExpandBracketRange("vdi[001-100]", kLimit);
    ASSERT_TRUE(e.error.empty()) << e.error;
    ASSERT_EQ(e.names.size(), 100u);
    EXPECT_EQ(e.names.front(), "vdi001");
    EXPECT_EQ(e.names[8], "vdi009");
    EXPECT_EQ(e.names[9], "vdi010");
    EXPECT_EQ(e.names[98], "vdi099");
    EXPECT_EQ(e.names.back(), "vdi100");
}

TEST(BracketRangeTest, WithoutLeadingZerosNumbersAreNotPadded)
{
    BracketExpansion e = ExpandBracketRange("[1-10]", kLimit);
    ASSERT_TRUE(e.error.empty()) << e.error;
    EXPECT_EQ(e.names,
              (std::vector<std::string>{"1", "2", "3", "4", "5", "6", "7", "8", "9", "10"}));
}

TEST(BracketRangeTest, PaddingCanComeFromTheUpperBound)
{
    BracketExpansion e = ExpandBracketRange("esx[8-010]", kLimit);
    ASSERT_TRUE(e.error.empty()) << e.error;
    EXPECT_EQ(e.names, (std::vector<std::string>{"esx008", "esx009", "esx010"}));
}

TEST(BracketRangeTest, SingleValueRangeGivesOneName)
{
    BracketExpansion e = ExpandBracketRange("pc[07-07]", kLimit);
    ASSERT_TRUE(e.error.empty()) << e.error;
    EXPECT_EQ(e.names, (std::vector<std::string>{"pc07"}));
}

TEST(BracketRangeTest, SeveralBracketsMultiplyInOrder)
{
    BracketExpansion e = ExpandBracketRange("r[1-2]-pc[01-03].lab", kLimit);
    ASSERT_TRUE(e.error.empty()) << e.error;
    EXPECT_EQ(e.names, (std::vector<std::string>{"r1-pc01.lab", "r1-pc02.lab", "r1-pc03.lab",
                                                 "r2-pc01.lab", "r2-pc02.lab", "r2-pc03.lab"}));
}

TEST(BracketRangeTest, AdjacentBracketsConcatenate)
{
    BracketExpansion e = ExpandBracketRange("[1-2][8-9]", kLimit);
    ASSERT_TRUE(e.error.empty()) << e.error;
    EXPECT_EQ(e.names, (std::vector<std::string>{"18", "19", "28", "29"}));
}

TEST(BracketRangeTest, BackwardsRangeIsAnError)
{
    BracketExpansion e = ExpandBracketRange("pc[10-1]", kLimit);
    EXPECT_TRUE(e.names.empty());
    EXPECT_EQ(e.error, "'pc[10-1]': range [10-1] runs backwards");
}

TEST(BracketRangeTest, RangeAtTheCapIsAllowed)
{
    BracketExpansion e = ExpandBracketRange("pc[1-100]", 100);
    EXPECT_TRUE(e.error.empty()) << e.error;
    EXPECT_EQ(e.names.size(), 100u);
}

TEST(BracketRangeTest, CapExceededSaysHowManyNamesAndTheLimit)
{
    BracketExpansion e = ExpandBracketRange("vdi[000001-999999]", kLimit);
    EXPECT_TRUE(e.names.empty());
    EXPECT_EQ(e.error, "'vdi[000001-999999]' expands to 999999 names, more than 100000 (the "
                       "limit per range; see docs/limits.md)");
}

TEST(BracketRangeTest, CapCountsTheProductOfSeveralBrackets)
{
    BracketExpansion e = ExpandBracketRange("b[1-5]-pc[0001-2000]", 5000);
    EXPECT_TRUE(e.names.empty());
    EXPECT_EQ(e.error, "'b[1-5]-pc[0001-2000]' expands to 10000 names, more than 5000 (the "
                       "limit per range; see docs/limits.md)");
}

TEST(BracketRangeTest, CapCountDoesNotOverflowWithManyWideBrackets)
{
    BracketExpansion e =
        ExpandBracketRange("[1-999999999][1-999999999][1-999999999][1-999999999]", kLimit);
    EXPECT_TRUE(e.names.empty());
    EXPECT_EQ(e.error, "'[1-999999999][1-999999999][1-999999999][1-999999999]' expands to more "
                       "than 1000000000000000000 names, more than 100000 (the limit per range; "
                       "see docs/limits.md)");
}

TEST(BracketRangeTest, MalformedBracketsSayWhatIsWrong)
{
    EXPECT_EQ(ExpandBracketRange("pc[1-2", kLimit).error, "'pc[1-2': '[' without ']'");
    EXPECT_EQ(ExpandBracketRange("pc1-2]", kLimit).error, "'pc1-2]': ']' without '['");
    EXPECT_EQ(ExpandBracketRange("pc[]", kLimit).error,
              "'pc[]': a bracket range is [FIRST-LAST] with digits, got '[]'");
    EXPECT_EQ(ExpandBracketRange("pc[a-z]", kLimit).error,
              "'pc[a-z]': a bracket range is [FIRST-LAST] with digits, got '[a-z]'");
    EXPECT_EQ(ExpandBracketRange("pc[5]", kLimit).error,
              "'pc[5]': a bracket range is [FIRST-LAST] with digits, got '[5]'");
    EXPECT_EQ(ExpandBracketRange("pc[1-]", kLimit).error,
              "'pc[1-]': a bracket range is [FIRST-LAST] with digits, got '[1-]'");
}

} // namespace
