// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#include "run-process.h"

#include "formats/run-result/run-result-json.h"

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <stdexcept>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

namespace segproof
{
namespace sim
{

namespace
{
/// Writes all of `text` to a file descriptor.
void
WriteAll(int fd, const std::string& text)
{
    std::size_t done = 0;
    while (done < text.size())
    {
        ssize_t n = ::write(fd, text.data() + done, text.size() - done);
        if (n < 0 && errno == EINTR)
        {
            continue;
        }
        if (n <= 0)
        {
            return;
        }
        done += static_cast<std::size_t>(n);
    }
}
} // namespace

RunProcess::RunProcess(const core::Scenario& scenario, const core::Posture& posture,
                       const RunSettings& settings)
{
    int fds[2];
    if (::pipe(fds) != 0)
    {
        throw std::runtime_error(std::string("cannot create a pipe: ") + std::strerror(errno));
    }
    std::fflush(nullptr); // a child must not flush the parent's buffered output again
    const pid_t parent = ::getpid();
    m_pid = ::fork();
    if (m_pid < 0)
    {
        ::close(fds[0]);
        ::close(fds[1]);
        throw std::runtime_error(std::string("cannot fork a run: ") + std::strerror(errno));
    }
    if (m_pid == 0)
    {
        ::close(fds[0]);
        // A run whose parent is gone (a campaign killed, an MPI rank lost) has nobody to
        // report to: it stops instead of running on unseen.
        ::prctl(PR_SET_PDEATHSIG, SIGKILL);
        if (::getppid() != parent)
        {
            ::_exit(1);
        }
        int status = 0;
        try
        {
            WriteAll(fds[1], formats::EncodeRunResult(SimulateAttack(scenario, posture, settings)));
        }
        catch (const std::exception& e)
        {
            WriteAll(fds[1], std::string("error ") + e.what());
            status = 1;
        }
        ::close(fds[1]);
        ::_exit(status); // no destructors, no atexit: the parent owns everything else
    }
    ::close(fds[1]);
    m_fd = fds[0];
}

RunProcess::RunProcess(RunProcess&& other) noexcept
    : m_pid(other.m_pid), m_fd(other.m_fd), m_output(std::move(other.m_output))
{
    other.m_pid = -1;
    other.m_fd = -1;
}

RunProcess::~RunProcess()
{
    Kill();
}

bool
RunProcess::Read()
{
    char buffer[65536];
    ssize_t n = ::read(m_fd, buffer, sizeof buffer);
    if (n > 0)
    {
        m_output.append(buffer, static_cast<std::size_t>(n));
        return true;
    }
    if (n < 0 && (errno == EINTR || errno == EAGAIN))
    {
        return true;
    }
    return false;
}

core::RunResult
RunProcess::Finish()
{
    int status = 0;
    while (::waitpid(m_pid, &status, 0) < 0 && errno == EINTR)
    {
    }
    ::close(m_fd);
    m_pid = -1;
    m_fd = -1;
    if (WIFSIGNALED(status))
    {
        throw std::runtime_error("was killed by signal " + std::to_string(WTERMSIG(status)));
    }
    if (m_output.rfind("error ", 0) == 0)
    {
        throw std::runtime_error("failed: " + m_output.substr(6));
    }
    return formats::DecodeRunResult(m_output);
}

void
RunProcess::Kill()
{
    if (m_pid > 0)
    {
        ::kill(m_pid, SIGKILL);
        while (::waitpid(m_pid, nullptr, 0) < 0 && errno == EINTR)
        {
        }
        m_pid = -1;
    }
    if (m_fd >= 0)
    {
        ::close(m_fd);
        m_fd = -1;
    }
}

} // namespace sim
} // namespace segproof
