// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#include "random-streams.h"

#include <cmath>

namespace segproof
{
namespace sim
{

namespace
{
std::uint64_t
SplitMix(std::uint64_t x)
{
    x += 0x9E3779B97F4A7C15ULL;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
    return x ^ (x >> 31);
}
} // namespace

RandomStreams::RandomStreams(std::uint64_t seed, std::uint64_t run) : m_seed(seed), m_run(run)
{
}

std::mt19937_64
RandomStreams::Stream(StreamPurpose purpose, std::uint64_t index) const
{
    std::uint64_t s = SplitMix(m_seed);
    s = SplitMix(s ^ m_run);
    s = SplitMix(s ^ static_cast<std::uint64_t>(purpose));
    s = SplitMix(s ^ index);
    return std::mt19937_64(s);
}

double
RandomStreams::Uniform(std::mt19937_64& rng)
{
    return static_cast<double>(rng() >> 11) * (1.0 / 9007199254740992.0);
}

double
RandomStreams::Exponential(std::mt19937_64& rng, double mean)
{
    return -mean * std::log(1.0 - Uniform(rng));
}

} // namespace sim
} // namespace segproof
