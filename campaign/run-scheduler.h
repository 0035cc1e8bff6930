// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#ifndef SEGPROOF_CAMPAIGN_RUN_SCHEDULER_H
#define SEGPROOF_CAMPAIGN_RUN_SCHEDULER_H

#include <cstddef>
#include <deque>
#include <map>
#include <vector>

namespace segproof
{
namespace campaign
{

/// Decides which pending run goes out next. Runs of one group (one scenario, point and posture)
/// take about as long as each other, while groups differ by orders of magnitude (a worm in a
/// flat estate against micro-segmentation), so it hands out the longest work first: a group
/// not measured yet before any other (to learn its length), then the group whose mean run
/// time times runs left is largest. The campaign then ends on short runs, not on one long run
/// started last while the other ranks sit idle.
class RunScheduler
{
public:
    /// `groups[i]` is the group of run i of the plan; `pending` the runs to do, in plan order.
    RunScheduler(std::vector<std::size_t> groups, const std::vector<std::size_t>& pending);

    bool Empty() const { return m_left == 0; }
    std::size_t Left() const { return m_left; }
    /// Takes the next run to hand out. Not to be called when Empty().
    std::size_t Next();
    /// Puts a run back (its rank was lost): it goes out before the others of its group.
    void Requeue(std::size_t run);
    /// Tells how long a finished run took, to estimate its group's length.
    void Finished(std::size_t run, double wall_s);
    /// Tells that a run failed: it is not handed out again, and says nothing of its length.
    void Failed(std::size_t run);

private:
    struct Group
    {
        std::deque<std::size_t> pending;
        double total_s = 0; ///< wall time of the runs measured
        std::size_t measured = 0;
        std::size_t out = 0; ///< runs handed out and not finished
    };
    std::vector<std::size_t> m_groupOf;
    std::map<std::size_t, Group> m_groups; ///< by group number: plan order among equals
    std::size_t m_left = 0;
};

} // namespace campaign
} // namespace segproof

#endif
