// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#ifndef SEGPROOF_CORE_ADDRESS_SET_H
#define SEGPROOF_CORE_ADDRESS_SET_H

#include "ipv4.h"

#include <cstdint>
#include <string>
#include <vector>

namespace segproof
{
namespace core
{

/// A closed range of IPv4 addresses [first, last].
struct AddressRange
{
    Ipv4Address first = 0;
    Ipv4Address last = 0;

    bool operator==(const AddressRange& other) const
    {
        return first == other.first && last == other.last;
    }
    bool operator<(const AddressRange& other) const
    {
        return first != other.first ? first < other.first : last < other.last;
    }
};

/// A set of IPv4 addresses kept as sorted, disjoint, non-adjacent ranges.
/// Group memberships resolve to one: machines contribute single addresses, CIDRs whole ranges.
class AddressSet
{
public:
    AddressSet() = default;

    /// Every IPv4 address (the reserved group `any`).
    static AddressSet All();
    /// One address.
    static AddressSet Single(Ipv4Address address);
    /// Every address of a prefix.
    static AddressSet FromCidr(const Cidr& cidr);
    /// Every address of the ranges, in any order and overlapping or not; O(n log n), where
    /// adding them one by one out of order costs O(n^2).
    static AddressSet FromRanges(std::vector<AddressRange> ranges);

    /// Adds [first, last] to the set.
    void Add(Ipv4Address first, Ipv4Address last);
    /// Adds one address.
    void Add(Ipv4Address address) { Add(address, address); }

    /// True when the address is in the set (binary search).
    bool Contains(Ipv4Address address) const;
    /// True when the set holds no address.
    bool IsEmpty() const { return m_ranges.empty(); }
    /// True when the set is every IPv4 address.
    bool IsAll() const;
    /// Number of addresses (up to 2^32).
    std::uint64_t Size() const;
    /// The ranges, sorted and disjoint.
    const std::vector<AddressRange>& Ranges() const { return m_ranges; }

    /// Set union, intersection and difference.
    AddressSet Union(const AddressSet& other) const;
    AddressSet Intersect(const AddressSet& other) const;
    AddressSet Subtract(const AddressSet& other) const;
    /// Every address not in the set.
    AddressSet Complement() const;
    /// True when every address of this set is in `other`.
    bool IsSubsetOf(const AddressSet& other) const;

    /// "10.0.0.1, 10.0.1.0-10.0.1.255", for messages.
    std::string ToString() const;

    bool operator==(const AddressSet& other) const { return m_ranges == other.m_ranges; }
    bool operator!=(const AddressSet& other) const { return !(*this == other); }

private:
    std::vector<AddressRange> m_ranges;
};

} // namespace core
} // namespace segproof

#endif
