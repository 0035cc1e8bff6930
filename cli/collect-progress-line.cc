// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#include "collect-progress-line.h"

#include <cstdlib>
#include <iostream>
#include <string>
#include <unistd.h>

namespace segproof
{
namespace cli
{

CollectProgressLine::CollectProgressLine(bool enabled)
    : m_enabled(enabled && isatty(STDERR_FILENO) == 1 && std::getenv("NO_PROGRESS") == nullptr)
{
}

CollectProgressLine::~CollectProgressLine()
{
    Finish();
}

void
CollectProgressLine::Update(const collect::CollectProgress& progress)
{
    if (!m_enabled)
    {
        return;
    }
    const auto now = std::chrono::steady_clock::now();
    if (m_drawn && now - m_lastDrawn < std::chrono::milliseconds(100))
    {
        return;
    }
    m_lastDrawn = now;
    std::string line = "collect: " + std::to_string(progress.requests) + " requests, " +
                       std::to_string(progress.objects) + " objects  " + progress.endpoint;
    // One terminal line: a long segment or group path loses its middle.
    constexpr std::size_t kWidth = 79;
    if (line.size() > kWidth)
    {
        line = line.substr(0, 40) + "..." + line.substr(line.size() - (kWidth - 43));
    }
    std::cerr << "\r" << line << "\x1b[K" << std::flush;
    m_drawn = true;
}

void
CollectProgressLine::Finish()
{
    if (m_drawn)
    {
        std::cerr << "\r\x1b[K" << std::flush;
        m_drawn = false;
    }
}

} // namespace cli
} // namespace segproof
