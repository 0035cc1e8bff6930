// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#ifndef SEGPROOF_CLI_PROGRESS_BAR_H
#define SEGPROOF_CLI_PROGRESS_BAR_H

#include <chrono>
#include <cstddef>
#include <string>

namespace segproof
{
namespace cli
{

/// A one-line progress bar on stderr, redrawn in place ("\r"), for long runs: runs done out of
/// all, rate and time left (reports::FormatProgressLine). Silent when stderr is not a terminal
/// (a log file or CI gets no control characters) or when the environment sets NO_PROGRESS.
class ProgressBar
{
public:
    explicit ProgressBar(std::string unit);
    ~ProgressBar();
    ProgressBar(const ProgressBar&) = delete;
    ProgressBar& operator=(const ProgressBar&) = delete;

    /// Redraws the bar: `done` of `total` finished.
    void Update(std::size_t done, std::size_t total);
    /// Clears the bar's line (also done by the destructor).
    void Finish();

private:
    std::string m_unit;
    bool m_enabled = false;
    bool m_drawn = false;
    std::chrono::steady_clock::time_point m_start;
};

} // namespace cli
} // namespace segproof

#endif
