// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#ifndef SEGPROOF_REPORTS_PROGRESS_TEXT_H
#define SEGPROOF_REPORTS_PROGRESS_TEXT_H

#include <cstddef>
#include <string>

namespace segproof
{
namespace reports
{

/// One line of a progress bar, at most 79 columns for a unit up to 8 characters:
/// "[#########...........] 12/100 runs  0.8 runs/s  1:50 left" after `elapsed_s` seconds;
/// the rate and time left are "-" until one is done; "done in 2:05" at the end.
std::string FormatProgressLine(std::size_t done, std::size_t total, double elapsed_s,
                               const std::string& unit);

} // namespace reports
} // namespace segproof

#endif
