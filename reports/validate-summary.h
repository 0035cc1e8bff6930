// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#ifndef SEGPROOF_REPORTS_VALIDATE_SUMMARY_H
#define SEGPROOF_REPORTS_VALIDATE_SUMMARY_H

#include "core/scenario.h"

#include <string>

namespace segproof
{
namespace reports
{

/// The one-screen summary `segproof validate` prints: machines per segment, host and kind,
/// groups with member counts, services, rules per firewall, postures, intents.
/// Long lists are cut with "... and N more" so that a 10,000-desktop estate still fits.
std::string FormatValidateSummary(const core::Scenario& scenario);

} // namespace reports
} // namespace segproof

#endif
