// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#include "cell-set.h"

namespace segproof
{
namespace verifier
{

CellSet::CellSet(std::size_t size, bool full)
    : m_size(size), m_words((size + 63) / 64, full ? ~std::uint64_t{0} : 0)
{
    if (full && size % 64 != 0)
    {
        m_words.back() = (std::uint64_t{1} << (size % 64)) - 1;
    }
}

bool
CellSet::Any() const
{
    for (auto w : m_words)
    {
        if (w != 0)
        {
            return true;
        }
    }
    return false;
}

bool
CellSet::All() const
{
    return Count() == m_size;
}

std::size_t
CellSet::Count() const
{
    std::size_t n = 0;
    for (auto w : m_words)
    {
        n += static_cast<std::size_t>(__builtin_popcountll(w));
    }
    return n;
}

std::vector<std::size_t>
CellSet::Ids() const
{
    std::vector<std::size_t> ids;
    for (std::size_t i = 0; i < m_size; ++i)
    {
        if (Test(i))
        {
            ids.push_back(i);
        }
    }
    return ids;
}

CellSet&
CellSet::operator&=(const CellSet& o)
{
    for (std::size_t i = 0; i < m_words.size(); ++i)
    {
        m_words[i] &= o.m_words[i];
    }
    return *this;
}

CellSet&
CellSet::operator|=(const CellSet& o)
{
    for (std::size_t i = 0; i < m_words.size(); ++i)
    {
        m_words[i] |= o.m_words[i];
    }
    return *this;
}

CellSet&
CellSet::Subtract(const CellSet& o)
{
    for (std::size_t i = 0; i < m_words.size(); ++i)
    {
        m_words[i] &= ~o.m_words[i];
    }
    return *this;
}

bool
CellSet::IsSubsetOf(const CellSet& o) const
{
    for (std::size_t i = 0; i < m_words.size(); ++i)
    {
        if ((m_words[i] & ~o.m_words[i]) != 0)
        {
            return false;
        }
    }
    return true;
}

bool
CellSet::Intersects(const CellSet& o) const
{
    for (std::size_t i = 0; i < m_words.size(); ++i)
    {
        if ((m_words[i] & o.m_words[i]) != 0)
        {
            return true;
        }
    }
    return false;
}

} // namespace verifier
} // namespace segproof
