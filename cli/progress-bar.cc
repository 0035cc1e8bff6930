// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#include "progress-bar.h"

#include "reports/progress-text.h"

#include <cstdlib>
#include <iostream>
#include <unistd.h>

namespace segproof
{
namespace cli
{

ProgressBar::ProgressBar(std::string unit)
    : m_unit(std::move(unit)),
      m_enabled(isatty(STDERR_FILENO) == 1 && std::getenv("NO_PROGRESS") == nullptr),
      m_start(std::chrono::steady_clock::now())
{
}

ProgressBar::~ProgressBar()
{
    Finish();
}

void
ProgressBar::Update(std::size_t done, std::size_t total)
{
    if (!m_enabled)
    {
        return;
    }
    double elapsed =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - m_start).count();
    std::cerr << "\r" << reports::FormatProgressLine(done, total, elapsed, m_unit) << "\x1b[K"
              << std::flush;
    m_drawn = true;
}

void
ProgressBar::Finish()
{
    if (m_drawn)
    {
        std::cerr << "\r\x1b[K" << std::flush;
        m_drawn = false;
    }
}

} // namespace cli
} // namespace segproof
