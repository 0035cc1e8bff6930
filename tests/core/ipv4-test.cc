// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#include "core/ipv4.h"

#include <gtest/gtest.h>

namespace
{

using namespace segproof::core;

TEST(ParseIpv4Test, ReadsDottedQuadInHostByteOrder)
{
    auto ip = ParseIpv4("10.20.0.11");
    ASSERT_TRUE(ip.has_value());
    EXPECT_EQ(*ip, 0x0a14000bu);
}

TEST(ParseIpv4Test, ReadsTheLowestAndHighestAddresses)
{
    EXPECT_EQ(ParseIpv4("0.0.0.0"), 0u);
    EXPECT_EQ(ParseIpv4("255.255.255.255"), 0xffffffffu);
}

TEST(ParseIpv4Test, RejectsLeadingZerosThatOtherToolsReadAsOctal)
{
    EXPECT_FALSE(ParseIpv4("010.0.0.1").has_value());
    EXPECT_FALSE(ParseIpv4("10.0.0.01").has_value());
    EXPECT_FALSE(ParseIpv4("10.00.0.1").has_value());
    EXPECT_EQ(ParseIpv4("10.0.0.0"), 0x0a000000u); // a lone zero is fine
}

TEST(ParseIpv4Test, RejectsOctetsAbove255)
{
    EXPECT_FALSE(ParseIpv4("256.0.0.1").has_value());
    EXPECT_FALSE(ParseIpv4("10.0.0.300").has_value());
    EXPECT_FALSE(ParseIpv4("10.0.0.1000").has_value());
}

TEST(ParseIpv4Test, RejectsAnythingButFourDottedOctets)
{
    for (const char* text :
         {"", "10", "10.0.0", "10.0.0.1.5", "10..0.1", ".10.0.0.1", "10.0.0.1.", "10.0.0.a",
          " 10.0.0.1", "10.0.0.1 ", "10.0.0.-1", "10.0.0.1/32", "+10.0.0.1", "0x0a.0.0.1"})
    {
        EXPECT_FALSE(ParseIpv4(text).has_value()) << "'" << text << "'";
    }
}

TEST(FormatIpv4Test, RoundTripsWithParse)
{
    for (const char* text : {"0.0.0.0", "10.10.0.10", "203.0.113.10", "255.255.255.255"})
    {
        auto ip = ParseIpv4(text);
        ASSERT_TRUE(ip.has_value()) << text;
        EXPECT_EQ(FormatIpv4(*ip), text);
    }
}

TEST(ParseCidrTest, ReadsNetworkAndPrefixLength)
{
    CidrParse parsed = ParseCidr("10.10.0.0/24");
    ASSERT_TRUE(parsed.cidr.has_value()) << parsed.error;
    EXPECT_TRUE(parsed.error.empty());
    EXPECT_EQ(parsed.cidr->network, 0x0a0a0000u);
    EXPECT_EQ(parsed.cidr->prefixLength, 24);
    EXPECT_EQ(parsed.cidr->First(), 0x0a0a0000u);
    EXPECT_EQ(parsed.cidr->Last(), 0x0a0a00ffu);
    EXPECT_EQ(parsed.cidr->Size(), 256u);
    EXPECT_EQ(parsed.cidr->ToString(), "10.10.0.0/24");
}

TEST(ParseCidrTest, SlashZeroIsEveryAddress)
{
    CidrParse parsed = ParseCidr("0.0.0.0/0");
    ASSERT_TRUE(parsed.cidr.has_value()) << parsed.error;
    EXPECT_EQ(parsed.cidr->First(), 0u);
    EXPECT_EQ(parsed.cidr->Last(), 0xffffffffu);
    EXPECT_EQ(parsed.cidr->Size(), std::uint64_t{1} << 32);
    EXPECT_TRUE(parsed.cidr->Contains(0xffffffffu));
}

TEST(ParseCidrTest, SlashZeroWithAnyAddressBitsHasHostBitsSet)
{
    CidrParse parsed = ParseCidr("10.0.0.0/0");
    EXPECT_FALSE(parsed.cidr.has_value());
    EXPECT_EQ(parsed.error, "'10.0.0.0/0' has host bits set; did you mean '0.0.0.0/0'?");
}

TEST(ParseCidrTest, SlashThirtyTwoIsOneAddress)
{
    CidrParse parsed = ParseCidr("10.0.0.7/32");
    ASSERT_TRUE(parsed.cidr.has_value()) << parsed.error;
    EXPECT_EQ(parsed.cidr->First(), 0x0a000007u);
    EXPECT_EQ(parsed.cidr->Last(), 0x0a000007u);
    EXPECT_EQ(parsed.cidr->Size(), 1u);
    EXPECT_TRUE(parsed.cidr->Contains(0x0a000007u));
    EXPECT_FALSE(parsed.cidr->Contains(0x0a000008u));
    EXPECT_FALSE(parsed.cidr->Contains(0x0a000006u));
}

TEST(ParseCidrTest, SlashThirtyTwoAtTheTopOfTheAddressSpace)
{
    CidrParse parsed = ParseCidr("255.255.255.255/32");
    ASSERT_TRUE(parsed.cidr.has_value()) << parsed.error;
    EXPECT_EQ(parsed.cidr->Last(), 0xffffffffu);
    EXPECT_EQ(parsed.cidr->Size(), 1u);
}

TEST(ParseCidrTest, HostBitsSetIsAnErrorThatSuggestsTheNetwork)
{
    CidrParse parsed = ParseCidr("10.10.0.5/24");
    EXPECT_FALSE(parsed.cidr.has_value());
    EXPECT_EQ(parsed.error, "'10.10.0.5/24' has host bits set; did you mean '10.10.0.0/24'?");
    ASSERT_TRUE(parsed.suggestion.has_value());
    EXPECT_EQ(parsed.suggestion->ToString(), "10.10.0.0/24");
}

TEST(ParseCidrTest, HostBitsJustBelowTheMaskAreCaught)
{
    EXPECT_FALSE(ParseCidr("10.20.0.32/26").cidr.has_value());
    EXPECT_TRUE(ParseCidr("10.20.0.64/26").cidr.has_value());
    EXPECT_EQ(ParseCidr("10.20.0.32/26").error,
              "'10.20.0.32/26' has host bits set; did you mean '10.20.0.0/26'?");
}

TEST(ParseCidrTest, RejectsLeadingZerosInTheAddress)
{
    CidrParse parsed = ParseCidr("010.0.0.0/8");
    EXPECT_FALSE(parsed.cidr.has_value());
    EXPECT_EQ(parsed.error, "'010.0.0.0/8' is not a CIDR (expected a.b.c.d/len, len 0-32)");
}

TEST(ParseCidrTest, RejectsMissingOrOutOfRangePrefixLength)
{
    EXPECT_EQ(ParseCidr("10.0.0.0").error, "'10.0.0.0' is not a CIDR (expected a.b.c.d/len)");
    for (const char* text : {"10.0.0.0/", "10.0.0.0/33", "10.0.0.0/-1", "10.0.0.0/x",
                             "10.0.0.0/100", "10.0.0/8", "/8", "10.0.0.0/8/8"})
    {
        CidrParse parsed = ParseCidr(text);
        EXPECT_FALSE(parsed.cidr.has_value()) << text;
        EXPECT_EQ(parsed.error,
                  "'" + std::string(text) + "' is not a CIDR (expected a.b.c.d/len, len 0-32)");
    }
}

TEST(CidrTest, OverlapsWhenOnePrefixContainsTheOther)
{
    Cidr wide = *ParseCidr("10.10.0.0/16").cidr;
    Cidr narrow = *ParseCidr("10.10.20.0/24").cidr;
    Cidr beside = *ParseCidr("10.11.0.0/16").cidr;
    EXPECT_TRUE(wide.Overlaps(narrow));
    EXPECT_TRUE(narrow.Overlaps(wide));
    EXPECT_FALSE(wide.Overlaps(beside));
    EXPECT_TRUE(wide.Overlaps(wide));
}

} // namespace
