#include "campaign.h"

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <map>
#include <poll.h>
#include <sstream>
#include <stdexcept>
#include <sys/wait.h>
#include <unistd.h>

namespace segproof
{
namespace sim
{

namespace
{
std::string
Exact(double v)
{
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.17g", v);
    return buffer;
}

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

struct Child
{
    pid_t pid = 0;
    int fd = -1;
    std::size_t job = 0;
    std::string output;
};

std::string
WithSuffix(const std::string& path, const std::string& suffix)
{
    if (path.empty())
    {
        return path;
    }
    std::size_t dot = path.rfind('.');
    std::size_t slash = path.rfind('/');
    if (dot == std::string::npos || (slash != std::string::npos && dot < slash))
    {
        return path + suffix;
    }
    return path.substr(0, dot) + suffix + path.substr(dot);
}
} // namespace

std::string
EncodeRunResult(const core::RunResult& r)
{
    std::ostringstream out;
    out << "posture " << r.posture << "\n";
    out << "run " << r.run << "\n";
    out << "ever " << r.everInfected << " " << r.everInfectedDesktops << " " << r.phished << "\n";
    out << "jewel " << (r.timeToCrownJewel_s ? Exact(*r.timeToCrownJewel_s) : "-") << "\n";
    out << "exfiltrated " << r.exfiltratedBytes << "\n";
    out << "blocked " << r.blocked[0] << " " << r.blocked[1] << " " << r.blocked[2] << " "
        << r.blocked[3] << "\n";
    out << "rules " << r.blockedByRule.size() << "\n";
    for (const auto& [rule, count] : r.blockedByRule)
    {
        out << count << " " << rule << "\n";
    }
    out << "defence " << r.alerts << " " << r.detected << " " << r.quarantined << "\n";
    out << "cost " << r.connectionsAttempted << " " << r.packets << " " << r.events << " "
        << Exact(r.wall_s) << "\n";
    for (const auto* list : {&r.infectedMachines, &r.phishedMachines})
    {
        out << "machines " << list->size();
        for (std::int32_t m : *list)
        {
            out << " " << m;
        }
        out << "\n";
    }
    out << "series " << r.infectedSeries.size() << "\n";
    for (const auto& [t, n] : r.infectedSeries)
    {
        out << Exact(t) << " " << n << "\n";
    }
    out << "end\n";
    return out.str();
}

core::RunResult
DecodeRunResult(const std::string& text)
{
    std::istringstream in(text);
    core::RunResult r;
    std::string key;
    std::string jewel;
    std::size_t samples = 0;
    in >> key;
    std::getline(in >> std::ws, r.posture);
    in >> key >> r.run;
    in >> key >> r.everInfected >> r.everInfectedDesktops >> r.phished;
    in >> key >> jewel;
    if (jewel != "-")
    {
        r.timeToCrownJewel_s = std::stod(jewel);
    }
    in >> key >> r.exfiltratedBytes;
    in >> key >> r.blocked[0] >> r.blocked[1] >> r.blocked[2] >> r.blocked[3];
    std::size_t rules = 0;
    in >> key >> rules;
    for (std::size_t i = 0; i < rules && in; ++i)
    {
        std::uint64_t count = 0;
        std::string rule;
        in >> count;
        std::getline(in >> std::ws, rule);
        r.blockedByRule[rule] = count;
    }
    in >> key >> r.alerts >> r.detected >> r.quarantined;
    in >> key >> r.connectionsAttempted >> r.packets >> r.events >> r.wall_s;
    for (auto* list : {&r.infectedMachines, &r.phishedMachines})
    {
        std::size_t count = 0;
        in >> key >> count;
        for (std::size_t i = 0; i < count && in; ++i)
        {
            std::int32_t m = 0;
            in >> m;
            list->push_back(m);
        }
    }
    in >> key >> samples;
    for (std::size_t i = 0; i < samples && in; ++i)
    {
        double t = 0;
        std::uint32_t n = 0;
        in >> t >> n;
        r.infectedSeries.emplace_back(t, n);
    }
    in >> key;
    if (!in || key != "end")
    {
        throw std::runtime_error("a simulation run sent back a truncated result");
    }
    return r;
}

std::vector<core::RunResult>
RunCampaign(const core::Scenario& scenario, const CampaignSettings& settings)
{
    const std::size_t total = settings.postures.size() * settings.runs;
    std::vector<core::RunResult> results(total);
    std::map<int, Child> running; // by pipe fd
    std::size_t next = 0;
    std::size_t done = 0;
    const unsigned workers = settings.workers == 0 ? 1 : settings.workers;
    std::fflush(nullptr); // a child must not flush the parent's buffered output again

    auto launch = [&](std::size_t job)
    {
        int fds[2];
        if (::pipe(fds) != 0)
        {
            throw std::runtime_error(std::string("cannot create a pipe: ") + std::strerror(errno));
        }
        pid_t pid = ::fork();
        if (pid < 0)
        {
            throw std::runtime_error(std::string("cannot fork a run: ") + std::strerror(errno));
        }
        if (pid == 0)
        {
            ::close(fds[0]);
            const core::Posture& posture = settings.postures[job / settings.runs];
            RunSettings run = settings.run;
            run.run = job % settings.runs;
            if (run.run != settings.tracedRun)
            {
                run.pcapPrefix.clear();
                run.flowMonitorFile.clear();
            }
            run.pcapPrefix = run.pcapPrefix.empty() ? "" : run.pcapPrefix + "-" + posture.name;
            run.flowMonitorFile = WithSuffix(run.flowMonitorFile, "-" + posture.name);
            int status = 0;
            try
            {
                WriteAll(fds[1], EncodeRunResult(SimulateAttack(scenario, posture, run)));
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
        running[fds[0]] = Child{pid, fds[0], job, {}};
    };

    auto reap = [&](Child& child)
    {
        int status = 0;
        while (::waitpid(child.pid, &status, 0) < 0 && errno == EINTR)
        {
        }
        ::close(child.fd);
        const core::Posture& posture = settings.postures[child.job / settings.runs];
        std::string which =
            "run " + std::to_string(child.job % settings.runs) + " under " + posture.name;
        if (WIFSIGNALED(status))
        {
            throw std::runtime_error(which + " was killed by signal " +
                                     std::to_string(WTERMSIG(status)));
        }
        if (child.output.rfind("error ", 0) == 0)
        {
            throw std::runtime_error(which + " failed: " + child.output.substr(6));
        }
        results[child.job] = DecodeRunResult(child.output);
        ++done;
        if (settings.progress)
        {
            settings.progress(done, total);
        }
    };

    while (done < total)
    {
        while (next < total && running.size() < workers)
        {
            launch(next++);
        }
        std::vector<pollfd> fds;
        for (const auto& [fd, child] : running)
        {
            fds.push_back(pollfd{fd, POLLIN, 0});
        }
        if (::poll(fds.data(), fds.size(), -1) < 0)
        {
            if (errno == EINTR)
            {
                continue;
            }
            throw std::runtime_error(std::string("poll failed: ") + std::strerror(errno));
        }
        for (const pollfd& p : fds)
        {
            if ((p.revents & (POLLIN | POLLHUP | POLLERR)) == 0)
            {
                continue;
            }
            Child& child = running.at(p.fd);
            char buffer[65536];
            ssize_t n = ::read(p.fd, buffer, sizeof buffer);
            if (n > 0)
            {
                child.output.append(buffer, static_cast<std::size_t>(n));
                continue;
            }
            if (n < 0 && errno == EINTR)
            {
                continue;
            }
            Child finished = child;
            running.erase(p.fd);
            try
            {
                reap(finished);
            }
            catch (...)
            {
                for (auto& [fd, other] : running)
                {
                    ::kill(other.pid, SIGKILL);
                    ::waitpid(other.pid, nullptr, 0);
                    ::close(fd);
                }
                throw;
            }
        }
    }
    return results;
}

} // namespace sim
} // namespace segproof
