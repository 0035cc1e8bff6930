// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#include "bracket-range.h"

#include <algorithm>
#include <cctype>

namespace segproof
{
namespace formats
{

namespace
{
struct Piece
{
    std::string literal;     ///< text before the bracket (or the whole tail)
    bool isRange = false;    ///< followed by a [first-last] range
    unsigned long first = 0; ///< range bounds
    unsigned long last = 0;
    std::size_t width = 0; ///< zero-padding width
};

/// Counts at or past this are reported as "more than" it.
constexpr unsigned long long kSaturated = 1000000000000000000ULL;

bool
AllDigits(const std::string& s)
{
    if (s.empty() || s.size() > 9)
    {
        return false;
    }
    for (char c : s)
    {
        if (!std::isdigit(static_cast<unsigned char>(c)))
        {
            return false;
        }
    }
    return true;
}
} // namespace

BracketExpansion
ExpandBracketRange(const std::string& pattern, std::size_t limit)
{
    std::vector<Piece> pieces;
    std::size_t pos = 0;
    unsigned long long total = 1;
    while (pos <= pattern.size())
    {
        std::size_t open = pattern.find('[', pos);
        Piece piece;
        piece.literal =
            pattern.substr(pos, open == std::string::npos ? std::string::npos : open - pos);
        if (piece.literal.find(']') != std::string::npos)
        {
            return {{}, "'" + pattern + "': ']' without '['"};
        }
        if (open == std::string::npos)
        {
            pieces.push_back(piece);
            break;
        }
        std::size_t close = pattern.find(']', open);
        if (close == std::string::npos)
        {
            return {{}, "'" + pattern + "': '[' without ']'"};
        }
        std::string body = pattern.substr(open + 1, close - open - 1);
        std::size_t dash = body.find('-');
        std::string lo = dash == std::string::npos ? "" : body.substr(0, dash);
        std::string hi = dash == std::string::npos ? "" : body.substr(dash + 1);
        if (!AllDigits(lo) || !AllDigits(hi))
        {
            return {{},
                    "'" + pattern + "': a bracket range is [FIRST-LAST] with digits, got '[" +
                        body + "]'"};
        }
        piece.isRange = true;
        piece.first = std::stoul(lo);
        piece.last = std::stoul(hi);
        // Leading zeros ask for padding to the width written: [001-100] -> 001 ... 100.
        bool padded = (lo.size() > 1 && lo[0] == '0') || (hi.size() > 1 && hi[0] == '0');
        piece.width = padded ? std::max(lo.size(), hi.size()) : 0;
        if (piece.first > piece.last)
        {
            return {{}, "'" + pattern + "': range [" + body + "] runs backwards"};
        }
        // Saturating product: many wide brackets would overflow, and only the count matters.
        unsigned long long count = piece.last - piece.first + 1;
        total = total > kSaturated / count ? kSaturated : total * count;
        pieces.push_back(piece);
        pos = close + 1;
    }
    if (total > limit)
    {
        std::string count =
            total >= kSaturated ? "more than " + std::to_string(kSaturated) : std::to_string(total);
        return {{},
                "'" + pattern + "' expands to " + count + " names, more than " +
                    std::to_string(limit) + " (the limit per range; see docs/limits.md)"};
    }

    BracketExpansion result;
    result.names.push_back("");
    for (const auto& piece : pieces)
    {
        std::vector<std::string> next;
        next.reserve(result.names.size() * (piece.isRange ? piece.last - piece.first + 1 : 1));
        for (const auto& prefix : result.names)
        {
            if (!piece.isRange)
            {
                next.push_back(prefix + piece.literal);
                continue;
            }
            for (unsigned long v = piece.first; v <= piece.last; ++v)
            {
                std::string number = std::to_string(v);
                if (number.size() < piece.width)
                {
                    number.insert(0, piece.width - number.size(), '0');
                }
                next.push_back(prefix + piece.literal + number);
            }
        }
        result.names.swap(next);
    }
    return result;
}

} // namespace formats
} // namespace segproof
