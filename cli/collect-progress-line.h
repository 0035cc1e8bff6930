// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#ifndef SEGPROOF_CLI_COLLECT_PROGRESS_LINE_H
#define SEGPROOF_CLI_COLLECT_PROGRESS_LINE_H

#include "collect/collect-progress.h"

#include <chrono>

namespace segproof
{
namespace cli
{

/// `segproof collect`'s progress on stderr, one line redrawn in place ("\r"): requests made,
/// objects so far, the endpoint just fetched. Unlike ProgressBar it needs no total (a manager's
/// listing sizes are unknown until fetched). Silent when stderr is not a terminal, when the
/// environment sets NO_PROGRESS, or when `enabled` is false (--quiet).
class CollectProgressLine
{
public:
    explicit CollectProgressLine(bool enabled);
    ~CollectProgressLine();
    CollectProgressLine(const CollectProgressLine&) = delete;
    CollectProgressLine& operator=(const CollectProgressLine&) = delete;

    /// Redraws the line, at most ten times a second.
    void Update(const collect::CollectProgress& progress);
    /// Clears the line (also done by the destructor).
    void Finish();

private:
    bool m_enabled = false;
    bool m_drawn = false;
    std::chrono::steady_clock::time_point m_lastDrawn;
};

} // namespace cli
} // namespace segproof

#endif
