#include "core/address-set.h"

#include <gtest/gtest.h>

using segproof::core::AddressSet;

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
