// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#ifndef SEGPROOF_VERIFIER_CELL_SET_H
#define SEGPROOF_VERIFIER_CELL_SET_H

#include <cstddef>
#include <cstdint>
#include <vector>

namespace segproof
{
namespace verifier
{

/// A fixed-size bit set over class or cell ids (address classes, service cells).
class CellSet
{
public:
    CellSet() = default;
    /// `size` bits, all set when `full`.
    explicit CellSet(std::size_t size, bool full = false);

    std::size_t Size() const { return m_size; }
    bool Test(std::size_t i) const { return (m_words[i / 64] >> (i % 64)) & 1u; }
    void Set(std::size_t i) { m_words[i / 64] |= std::uint64_t{1} << (i % 64); }
    bool Any() const;
    bool All() const;
    std::size_t Count() const;
    /// The ids of the set bits, ascending.
    std::vector<std::size_t> Ids() const;

    CellSet& operator&=(const CellSet& o);
    CellSet& operator|=(const CellSet& o);
    /// Removes the bits of `o`.
    CellSet& Subtract(const CellSet& o);
    CellSet operator&(const CellSet& o) const { return CellSet(*this) &= o; }
    CellSet operator|(const CellSet& o) const { return CellSet(*this) |= o; }
    CellSet Without(const CellSet& o) const { return CellSet(*this).Subtract(o); }
    /// True when every bit of this set is in `o`.
    bool IsSubsetOf(const CellSet& o) const;
    /// True when the two sets share a bit.
    bool Intersects(const CellSet& o) const;
    bool operator==(const CellSet& o) const { return m_words == o.m_words; }

private:
    std::size_t m_size = 0;
    std::vector<std::uint64_t> m_words;
};

} // namespace verifier
} // namespace segproof

#endif
