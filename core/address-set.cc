// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#include "address-set.h"

#include <algorithm>
#include <iterator>

namespace segproof
{
namespace core
{

AddressSet
AddressSet::All()
{
    AddressSet set;
    set.m_ranges.push_back({0, 0xffffffffu});
    return set;
}

AddressSet
AddressSet::Single(Ipv4Address address)
{
    AddressSet set;
    set.m_ranges.push_back({address, address});
    return set;
}

AddressSet
AddressSet::FromCidr(const Cidr& cidr)
{
    AddressSet set;
    set.m_ranges.push_back({cidr.First(), cidr.Last()});
    return set;
}

void
AddressSet::Add(Ipv4Address first, Ipv4Address last)
{
    // Fast path: appending in ascending order, as readers usually do.
    if (m_ranges.empty() ||
        (m_ranges.back().last != 0xffffffffu && first > m_ranges.back().last + 1))
    {
        m_ranges.push_back({first, last});
        return;
    }
    auto it = std::lower_bound(m_ranges.begin(), m_ranges.end(), first,
                               [](const AddressRange& r, Ipv4Address a)
                               { return r.last != 0xffffffffu && r.last + 1 < a; });
    // it is the first range that touches or follows [first, last].
    Ipv4Address newFirst = first;
    Ipv4Address newLast = last;
    auto end = it;
    while (end != m_ranges.end() && (last == 0xffffffffu || end->first <= last + 1))
    {
        newFirst = std::min(newFirst, end->first);
        newLast = std::max(newLast, end->last);
        ++end;
    }
    it = m_ranges.erase(it, end);
    m_ranges.insert(it, {newFirst, newLast});
}

bool
AddressSet::Contains(Ipv4Address address) const
{
    auto it = std::upper_bound(m_ranges.begin(), m_ranges.end(), address,
                               [](Ipv4Address a, const AddressRange& r) { return a < r.first; });
    if (it == m_ranges.begin())
    {
        return false;
    }
    --it;
    return address <= it->last;
}

bool
AddressSet::IsAll() const
{
    return m_ranges.size() == 1 && m_ranges[0].first == 0 && m_ranges[0].last == 0xffffffffu;
}

std::uint64_t
AddressSet::Size() const
{
    std::uint64_t size = 0;
    for (const auto& r : m_ranges)
    {
        size += std::uint64_t{r.last} - r.first + 1;
    }
    return size;
}

AddressSet
AddressSet::FromRanges(std::vector<AddressRange> ranges)
{
    std::sort(ranges.begin(), ranges.end());
    AddressSet set;
    set.m_ranges.reserve(ranges.size());
    for (const auto& r : ranges)
    {
        set.Add(r.first, r.last); // ascending: appends to, or merges with, the last range
    }
    return set;
}

AddressSet
AddressSet::Union(const AddressSet& other) const
{
    // A merge, not an Add per range: interleaved sets would make that quadratic.
    std::vector<AddressRange> merged;
    merged.reserve(m_ranges.size() + other.m_ranges.size());
    std::merge(m_ranges.begin(), m_ranges.end(), other.m_ranges.begin(), other.m_ranges.end(),
               std::back_inserter(merged));
    AddressSet result;
    result.m_ranges.reserve(merged.size());
    for (const auto& r : merged)
    {
        result.Add(r.first, r.last);
    }
    return result;
}

AddressSet
AddressSet::Intersect(const AddressSet& other) const
{
    AddressSet result;
    std::size_t i = 0;
    std::size_t j = 0;
    while (i < m_ranges.size() && j < other.m_ranges.size())
    {
        const auto& a = m_ranges[i];
        const auto& b = other.m_ranges[j];
        Ipv4Address lo = std::max(a.first, b.first);
        Ipv4Address hi = std::min(a.last, b.last);
        if (lo <= hi)
        {
            result.m_ranges.push_back({lo, hi});
        }
        if (a.last < b.last)
        {
            ++i;
        }
        else
        {
            ++j;
        }
    }
    return result;
}

AddressSet
AddressSet::Complement() const
{
    AddressSet result;
    std::uint64_t next = 0;
    for (const auto& r : m_ranges)
    {
        if (r.first > next)
        {
            result.m_ranges.push_back(
                {static_cast<Ipv4Address>(next), static_cast<Ipv4Address>(r.first - 1)});
        }
        next = std::uint64_t{r.last} + 1;
    }
    if (next <= 0xffffffffu)
    {
        result.m_ranges.push_back({static_cast<Ipv4Address>(next), 0xffffffffu});
    }
    return result;
}

AddressSet
AddressSet::Subtract(const AddressSet& other) const
{
    return Intersect(other.Complement());
}

bool
AddressSet::IsSubsetOf(const AddressSet& other) const
{
    return Subtract(other).IsEmpty();
}

std::string
AddressSet::ToString() const
{
    if (IsAll())
    {
        return "any";
    }
    std::string text;
    for (const auto& r : m_ranges)
    {
        if (!text.empty())
        {
            text += ", ";
        }
        text += FormatIpv4(r.first);
        if (r.last != r.first)
        {
            text += "-" + FormatIpv4(r.last);
        }
    }
    return text.empty() ? "(empty)" : text;
}

} // namespace core
} // namespace segproof
