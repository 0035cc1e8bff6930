// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#include "name-suggestion.h"

#include <algorithm>
#include <cctype>

namespace segproof
{
namespace core
{

namespace
{
/// Damerau-Levenshtein distance (optimal string alignment): typos swap letters too.
std::size_t
EditDistance(const std::string& a, const std::string& b)
{
    std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
    for (std::size_t i = 0; i <= a.size(); ++i)
    {
        d[i][0] = i;
    }
    for (std::size_t j = 0; j <= b.size(); ++j)
    {
        d[0][j] = j;
    }
    for (std::size_t i = 1; i <= a.size(); ++i)
    {
        for (std::size_t j = 1; j <= b.size(); ++j)
        {
            std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
            {
                d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
            }
        }
    }
    return d[a.size()][b.size()];
}
} // namespace

std::string
SuggestName(const std::string& wrong, const std::vector<std::string>& candidates)
{
    std::size_t allowed = std::min<std::size_t>(2, (wrong.size() + 2) / 3);
    std::string best;
    std::size_t bestDistance = allowed + 1;
    for (const auto& candidate : candidates)
    {
        // Cheap bound first: the length difference is a lower bound of the distance.
        std::size_t lengthGap = candidate.size() > wrong.size() ? candidate.size() - wrong.size()
                                                                : wrong.size() - candidate.size();
        if (lengthGap >= bestDistance || candidate == wrong)
        {
            continue;
        }
        std::size_t distance = EditDistance(wrong, candidate);
        if (distance < bestDistance)
        {
            bestDistance = distance;
            best = candidate;
        }
    }
    return best;
}

std::string
DidYouMean(const std::string& wrong, const std::vector<std::string>& candidates)
{
    std::string suggestion = SuggestName(wrong, candidates);
    return suggestion.empty() ? "" : "; did you mean '" + suggestion + "'?";
}

std::string
LowerCase(std::string name)
{
    std::transform(name.begin(), name.end(), name.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return name;
}

} // namespace core
} // namespace segproof
