// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#ifndef SEGPROOF_RESEARCH_REPRODUCTION_OUTPUT_H
#define SEGPROOF_RESEARCH_REPRODUCTION_OUTPUT_H

#include "random-constant-spread.h"
#include "two-factor-comparison.h"
#include "worm-model.h"

#include <string>

namespace segproof
{
namespace research
{

/// What `segproof reproduce logistic` prints: the theory, the fitted K and the verdict.
std::string RandomConstantSpreadText(const WormModel& model,
                                     const RandomConstantSpreadCheck& check);

/// The same as reproduction.json (every run's fit included), ending in a newline.
std::string RandomConstantSpreadJson(const WormModel& model,
                                     const RandomConstantSpreadCheck& check);

/// What `segproof reproduce two-factor` prints.
std::string TwoFactorText(const WormModel& model, const TwoFactorComparison& comparison);

/// The same as reproduction.json, ending in a newline.
std::string TwoFactorJson(const WormModel& model, const TwoFactorComparison& comparison);

/// time_s,simulated,simulated_unaligned,model: the curves as fractions of N, one per sample.
std::string TwoFactorCurvesCsv(const TwoFactorComparison& comparison);

} // namespace research
} // namespace segproof

#endif
