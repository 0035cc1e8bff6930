// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#ifndef SEGPROOF_SIM_RUN_PROCESS_H
#define SEGPROOF_SIM_RUN_PROCESS_H

#include "attack-simulation.h"
#include "core/policy.h"
#include "core/scenario.h"
#include "core/simulation-result.h"

#include <string>
#include <sys/types.h>

namespace segproof
{
namespace sim
{

/// One simulated run in a child process of its own: ns-3's simulator is one per process
/// (docs/simulator-design.md), and a run that crashes or is killed takes only its child down.
/// The parent waits on Fd() (poll) and calls Read() until it returns false, then Finish().
class RunProcess
{
public:
    /// Forks a child that runs SimulateAttack(scenario, posture, settings) and writes its
    /// result to a pipe. The child dies with its parent. Throws std::runtime_error when the
    /// pipe or the fork cannot be made.
    RunProcess(const core::Scenario& scenario, const core::Posture& posture,
               const RunSettings& settings);
    ~RunProcess();
    RunProcess(RunProcess&& other) noexcept;
    RunProcess& operator=(RunProcess&&) = delete;
    RunProcess(const RunProcess&) = delete;
    RunProcess& operator=(const RunProcess&) = delete;

    /// The pipe the result arrives on: readable when Read() has something to do.
    int Fd() const { return m_fd; }
    /// Reads what the child has sent; false once the child has closed the pipe (finished).
    bool Read();
    /// Reaps the finished child and decodes its result. Throws std::runtime_error when the run
    /// failed (its message), was killed by a signal, or sent a truncated result.
    core::RunResult Finish();
    /// Kills the child (SIGKILL) and reaps it.
    void Kill();

private:
    pid_t m_pid = -1;
    int m_fd = -1;
    std::string m_output;
};

} // namespace sim
} // namespace segproof

#endif
