// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#include "run-pool.h"

#include <cerrno>
#include <chrono>
#include <cstring>
#include <poll.h>
#include <stdexcept>

namespace segproof
{
namespace sim
{

void
RunPool::Start(std::size_t job, const core::Scenario& scenario, const core::Posture& posture,
               const RunSettings& settings)
{
    RunProcess process(scenario, posture, settings);
    const int fd = process.Fd();
    m_running.emplace(fd, std::make_pair(job, std::move(process)));
}

std::vector<RunPool::Finished>
RunPool::Wait(int timeout_ms)
{
    using Clock = std::chrono::steady_clock;
    std::vector<Finished> finished;
    if (m_running.empty() && timeout_ms < 0)
    {
        return finished;
    }
    const Clock::time_point deadline = Clock::now() + std::chrono::milliseconds(timeout_ms);
    while (finished.empty())
    {
        int wait_ms = -1;
        if (timeout_ms >= 0)
        {
            auto left =
                std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
            wait_ms = static_cast<int>(std::max<long long>(0, left.count()));
        }
        std::vector<pollfd> fds;
        for (const auto& [fd, entry] : m_running)
        {
            fds.push_back(pollfd{fd, POLLIN, 0});
        }
        int ready = ::poll(fds.data(), fds.size(), wait_ms);
        if (ready < 0 && errno != EINTR)
        {
            throw std::runtime_error(std::string("poll failed: ") + std::strerror(errno));
        }
        for (const pollfd& p : fds)
        {
            if (ready <= 0 || (p.revents & (POLLIN | POLLHUP | POLLERR)) == 0)
            {
                continue;
            }
            auto& [job, process] = m_running.at(p.fd);
            if (process.Read())
            {
                continue;
            }
            Finished done;
            done.job = job;
            RunProcess ended = std::move(process);
            m_running.erase(p.fd);
            try
            {
                done.result = ended.Finish();
            }
            catch (const std::runtime_error& e)
            {
                done.error = e.what();
            }
            finished.push_back(std::move(done));
        }
        if (timeout_ms >= 0 && Clock::now() >= deadline)
        {
            break;
        }
    }
    return finished;
}

} // namespace sim
} // namespace segproof
