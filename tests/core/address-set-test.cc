// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#include "core/address-set.h"

#include <gtest/gtest.h>

namespace
{

using segproof::core::AddressRange;
using segproof::core::AddressSet;
using segproof::core::Ipv4Address;

constexpr Ipv4Address kTop = 0xffffffffu;

AddressSet
Ranges(std::initializer_list<AddressRange> ranges)
{
    AddressSet set;
    for (const auto& r : ranges)
    {
        set.Add(r.first, r.last);
    }
    return set;
}

TEST(AddressSetTest, AddMergesAdjacentRanges)
{
    AddressSet s;
    s.Add(10, 20);
    s.Add(21, 30);
    s.Add(5);
    ASSERT_EQ(s.Ranges().size(), 2u);
    EXPECT_EQ(s.Ranges()[1].first, 10u);
    EXPECT_EQ(s.Ranges()[1].last, 30u);
}

TEST(AddressSetTest, AddOutOfOrderKeepsRangesSortedAndDisjoint)
{
    AddressSet s = Ranges({{50, 60}, {10, 20}, {30, 40}, {15, 35}});
    ASSERT_EQ(s.Ranges().size(), 2u);
    EXPECT_EQ(s.Ranges()[0], (AddressRange{10, 40}));
    EXPECT_EQ(s.Ranges()[1], (AddressRange{50, 60}));
}

TEST(AddressSetTest, AddSwallowsEveryRangeItCovers)
{
    AddressSet s = Ranges({{10, 11}, {20, 21}, {30, 31}, {100, 100}});
    s.Add(5, 40);
    ASSERT_EQ(s.Ranges().size(), 2u);
    EXPECT_EQ(s.Ranges()[0], (AddressRange{5, 40}));
    EXPECT_EQ(s.Ranges()[1], (AddressRange{100, 100}));
}

TEST(AddressSetTest, AddMergesAtBothEndsOfTheAddressSpace)
{
    AddressSet s = Ranges({{0, 0}, {kTop, kTop}});
    ASSERT_EQ(s.Ranges().size(), 2u);
    s.Add(1, kTop - 1);
    EXPECT_TRUE(s.IsAll());
    AddressSet t = Ranges({{kTop - 1, kTop}, {kTop - 3, kTop - 2}});
    ASSERT_EQ(t.Ranges().size(), 1u);
    EXPECT_EQ(t.Ranges()[0], (AddressRange{kTop - 3, kTop}));
}

TEST(AddressSetTest, AddAfterARangeEndingAtTheTopDoesNotWrapAround)
{
    AddressSet s = Ranges({{kTop - 10, kTop}});
    s.Add(0, 5);
    ASSERT_EQ(s.Ranges().size(), 2u);
    EXPECT_EQ(s.Ranges()[0], (AddressRange{0, 5}));
    EXPECT_EQ(s.Ranges()[1], (AddressRange{kTop - 10, kTop}));
}

TEST(AddressSetTest, ContainsChecksRangeBoundsExactly)
{
    AddressSet s = Ranges({{10, 20}, {30, 30}});
    EXPECT_FALSE(s.Contains(9));
    EXPECT_TRUE(s.Contains(10));
    EXPECT_TRUE(s.Contains(20));
    EXPECT_FALSE(s.Contains(21));
    EXPECT_FALSE(s.Contains(29));
    EXPECT_TRUE(s.Contains(30));
    EXPECT_FALSE(s.Contains(31));
    EXPECT_FALSE(AddressSet().Contains(0));
}

TEST(AddressSetTest, ContainsAtZeroAndTheTop)
{
    AddressSet s = Ranges({{0, 0}, {kTop, kTop}});
    EXPECT_TRUE(s.Contains(0));
    EXPECT_TRUE(s.Contains(kTop));
    EXPECT_FALSE(s.Contains(1));
    EXPECT_FALSE(s.Contains(kTop - 1));
}

TEST(AddressSetTest, SizeOfEverythingIsTwoToTheThirtyTwo)
{
    EXPECT_EQ(AddressSet::All().Size(), std::uint64_t{1} << 32);
    EXPECT_EQ(AddressSet().Size(), 0u);
    EXPECT_EQ(AddressSet::Single(kTop).Size(), 1u);
    EXPECT_EQ(Ranges({{0, 9}, {20, 29}}).Size(), 20u);
}

TEST(AddressSetTest, FromCidrCoversThePrefix)
{
    auto cidr = segproof::core::ParseCidr("10.10.0.0/24").cidr;
    ASSERT_TRUE(cidr.has_value());
    AddressSet s = AddressSet::FromCidr(*cidr);
    EXPECT_EQ(s.Size(), 256u);
    EXPECT_TRUE(s.Contains(0x0a0a0000u));
    EXPECT_TRUE(s.Contains(0x0a0a00ffu));
    EXPECT_FALSE(s.Contains(0x0a0a0100u));
    EXPECT_EQ(s.ToString(), "10.10.0.0-10.10.0.255");
}

TEST(AddressSetTest, UnionMergesOverlappingAndAdjacentRanges)
{
    AddressSet a = Ranges({{0, 10}, {100, 200}});
    AddressSet b = Ranges({{11, 20}, {150, 300}, {kTop, kTop}});
    AddressSet u = a.Union(b);
    ASSERT_EQ(u.Ranges().size(), 3u);
    EXPECT_EQ(u.Ranges()[0], (AddressRange{0, 20}));
    EXPECT_EQ(u.Ranges()[1], (AddressRange{100, 300}));
    EXPECT_EQ(u.Ranges()[2], (AddressRange{kTop, kTop}));
    EXPECT_EQ(u, b.Union(a));
}

TEST(AddressSetTest, UnionWithEmptyIsItself)
{
    AddressSet a = Ranges({{5, 6}});
    EXPECT_EQ(a.Union(AddressSet()), a);
    EXPECT_EQ(AddressSet().Union(a), a);
    EXPECT_TRUE(a.Union(AddressSet::All()).IsAll());
}

TEST(AddressSetTest, IntersectKeepsOnlyCommonAddresses)
{
    AddressSet a = Ranges({{0, 10}, {20, 30}, {kTop - 5, kTop}});
    AddressSet b = Ranges({{5, 25}, {kTop, kTop}});
    AddressSet i = a.Intersect(b);
    ASSERT_EQ(i.Ranges().size(), 3u);
    EXPECT_EQ(i.Ranges()[0], (AddressRange{5, 10}));
    EXPECT_EQ(i.Ranges()[1], (AddressRange{20, 25}));
    EXPECT_EQ(i.Ranges()[2], (AddressRange{kTop, kTop}));
    EXPECT_EQ(i, b.Intersect(a));
}

TEST(AddressSetTest, IntersectOfDisjointSetsIsEmpty)
{
    EXPECT_TRUE(Ranges({{0, 10}}).Intersect(Ranges({{11, 20}})).IsEmpty());
    EXPECT_TRUE(AddressSet::All().Intersect(AddressSet()).IsEmpty());
}

TEST(AddressSetTest, IntersectWithEverythingIsItself)
{
    AddressSet a = Ranges({{0, 0}, {7, 9}, {kTop, kTop}});
    EXPECT_EQ(a.Intersect(AddressSet::All()), a);
    EXPECT_EQ(AddressSet::All().Intersect(a), a);
}

TEST(AddressSetTest, SubtractCutsHolesAndEnds)
{
    AddressSet a = Ranges({{0, 100}});
    AddressSet hole = a.Subtract(Ranges({{40, 60}}));
    ASSERT_EQ(hole.Ranges().size(), 2u);
    EXPECT_EQ(hole.Ranges()[0], (AddressRange{0, 39}));
    EXPECT_EQ(hole.Ranges()[1], (AddressRange{61, 100}));
    EXPECT_EQ(a.Subtract(Ranges({{0, 0}})), Ranges({{1, 100}}));
    EXPECT_EQ(a.Subtract(Ranges({{100, 200}})), Ranges({{0, 99}}));
    EXPECT_TRUE(a.Subtract(a).IsEmpty());
    EXPECT_EQ(a.Subtract(AddressSet()), a);
}

TEST(AddressSetTest, SubtractFromEverythingAtZeroAndTheTop)
{
    AddressSet s = AddressSet::All().Subtract(Ranges({{0, 0}, {kTop, kTop}}));
    ASSERT_EQ(s.Ranges().size(), 1u);
    EXPECT_EQ(s.Ranges()[0], (AddressRange{1, kTop - 1}));
    EXPECT_EQ(s.Size(), (std::uint64_t{1} << 32) - 2);
}

TEST(AddressSetTest, ComplementOfEmptyIsEverythingAndBack)
{
    EXPECT_TRUE(AddressSet().Complement().IsAll());
    EXPECT_TRUE(AddressSet::All().Complement().IsEmpty());
}

TEST(AddressSetTest, ComplementAtZeroAndTheTop)
{
    AddressSet ends = Ranges({{0, 0}, {kTop, kTop}});
    AddressSet middle = ends.Complement();
    ASSERT_EQ(middle.Ranges().size(), 1u);
    EXPECT_EQ(middle.Ranges()[0], (AddressRange{1, kTop - 1}));
    EXPECT_EQ(middle.Complement(), ends);

    AddressSet inner = Ranges({{1, kTop - 1}});
    AddressSet outer = inner.Complement();
    ASSERT_EQ(outer.Ranges().size(), 2u);
    EXPECT_EQ(outer.Ranges()[0], (AddressRange{0, 0}));
    EXPECT_EQ(outer.Ranges()[1], (AddressRange{kTop, kTop}));
}

TEST(AddressSetTest, ComplementSizesAddUpToTheAddressSpace)
{
    AddressSet a = Ranges({{3, 9}, {1000, 1000}, {kTop - 2, kTop - 1}});
    EXPECT_EQ(a.Size() + a.Complement().Size(), std::uint64_t{1} << 32);
    EXPECT_TRUE(a.Intersect(a.Complement()).IsEmpty());
    EXPECT_TRUE(a.Union(a.Complement()).IsAll());
}

TEST(AddressSetTest, IsSubsetOfComparesMembership)
{
    AddressSet small = Ranges({{10, 12}});
    AddressSet big = Ranges({{0, 100}});
    EXPECT_TRUE(small.IsSubsetOf(big));
    EXPECT_FALSE(big.IsSubsetOf(small));
    EXPECT_TRUE(AddressSet().IsSubsetOf(small));
    EXPECT_TRUE(big.IsSubsetOf(AddressSet::All()));
}

TEST(AddressSetTest, ToStringNamesEmptyAndEverything)
{
    EXPECT_EQ(AddressSet().ToString(), "(empty)");
    EXPECT_EQ(AddressSet::All().ToString(), "any");
    EXPECT_EQ(Ranges({{0x0a000001u, 0x0a000001u}, {0x0a000100u, 0x0a0001ffu}}).ToString(),
              "10.0.0.1, 10.0.1.0-10.0.1.255");
}

} // namespace
