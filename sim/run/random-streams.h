// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#ifndef SEGPROOF_SIM_RUN_RANDOM_STREAMS_H
#define SEGPROOF_SIM_RUN_RANDOM_STREAMS_H

#include <cstdint>
#include <random>

namespace segproof
{
namespace sim
{

/// What a random stream is drawn for. The numbers are part of every published result: the
/// same (seed, run, purpose, index) gives the same draws in every version, so a new behaviour
/// takes a new number and never reuses one.
enum class StreamPurpose : std::uint64_t
{
    Phishing = 1,      ///< which machines open the mail, and when (index 0)
    Agent = 2,         ///< an agent's own decisions on its machine (index: the machine)
    Antivirus = 3,     ///< AV/EDR on a machine (index: the machine)
    Monitoring = 4,    ///< network monitoring's alerts (index 0)
    Vulnerability = 5, ///< whether the worm's exploit works on a machine (index: the machine)
    Ids = 6,           ///< the distributed IDS / IPS's verdicts (index 0)
    Benign = 7,        ///< a desktop's benign sessions (index: the machine)
    Sessions = 8,      ///< a user's logons, logoffs and floating desktops (index: the user)
};

/// The attack's and the defence's random numbers for one run: (seed, run, purpose, index) ->
/// an independent generator. The same machine gets the same draws under every posture
/// (common random numbers across postures), whatever else happens in the run.
class RandomStreams
{
public:
    RandomStreams(std::uint64_t seed, std::uint64_t run);

    /// The generator for `purpose` and `index`, from its first draw.
    std::mt19937_64 Stream(StreamPurpose purpose, std::uint64_t index) const;

    /// A uniform draw in [0, 1) with 53 random bits.
    static double Uniform(std::mt19937_64& rng);
    /// An exponential draw of mean `mean`.
    static double Exponential(std::mt19937_64& rng, double mean);

private:
    std::uint64_t m_seed;
    std::uint64_t m_run;
};

} // namespace sim
} // namespace segproof

#endif
