// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#include "run-scheduler.h"

#include <limits>
#include <stdexcept>

namespace segproof
{
namespace campaign
{

RunScheduler::RunScheduler(std::vector<std::size_t> groups, const std::vector<std::size_t>& pending)
    : m_groupOf(std::move(groups))
{
    for (std::size_t run : pending)
    {
        m_groups[m_groupOf.at(run)].pending.push_back(run);
        ++m_left;
    }
}

std::size_t
RunScheduler::Next()
{
    Group* best = nullptr;
    double bestWork = -1;
    for (auto& [number, group] : m_groups)
    {
        if (group.pending.empty())
        {
            continue;
        }
        // A group with no run measured and none out goes first: its length is unknown. One
        // with a run out but none back waits for that run, unless nothing else is left.
        double work = 0;
        if (group.measured == 0)
        {
            work = group.out == 0 ? std::numeric_limits<double>::infinity() : 0;
        }
        else
        {
            work = group.total_s / static_cast<double>(group.measured) *
                   static_cast<double>(group.pending.size());
        }
        if (work > bestWork)
        {
            best = &group;
            bestWork = work;
        }
    }
    if (best == nullptr)
    {
        throw std::logic_error("RunScheduler::Next on an empty queue");
    }
    std::size_t run = best->pending.front();
    best->pending.pop_front();
    ++best->out;
    --m_left;
    return run;
}

void
RunScheduler::Requeue(std::size_t run)
{
    Group& group = m_groups[m_groupOf.at(run)];
    group.pending.push_front(run);
    group.out -= group.out > 0 ? 1 : 0;
    ++m_left;
}

void
RunScheduler::Finished(std::size_t run, double wall_s)
{
    Group& group = m_groups[m_groupOf.at(run)];
    group.out -= group.out > 0 ? 1 : 0;
    group.total_s += wall_s;
    ++group.measured;
}

void
RunScheduler::Failed(std::size_t run)
{
    Group& group = m_groups[m_groupOf.at(run)];
    group.out -= group.out > 0 ? 1 : 0;
}

} // namespace campaign
} // namespace segproof
