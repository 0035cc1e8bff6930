#include "campaign.h"

#include "run-process.h"

#include <cerrno>
#include <cstring>
#include <map>
#include <poll.h>
#include <stdexcept>

namespace segproof
{
namespace sim
{

namespace
{
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

std::vector<core::RunResult>
RunCampaign(const core::Scenario& scenario, const CampaignSettings& settings)
{
    const std::size_t total = settings.postures.size() * settings.runs;
    std::vector<core::RunResult> results(total);
    std::map<int, std::pair<std::size_t, RunProcess>> running; // by pipe fd: (job, its process)
    std::size_t next = 0;
    std::size_t done = 0;
    const unsigned workers = settings.workers == 0 ? 1 : settings.workers;

    auto launch = [&](std::size_t job)
    {
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
        RunProcess process(scenario, posture, run);
        int fd = process.Fd();
        running.emplace(fd, std::make_pair(job, std::move(process)));
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
            auto& [job, process] = running.at(p.fd);
            if (process.Read())
            {
                continue;
            }
            const std::size_t finishedJob = job;
            RunProcess finished = std::move(process);
            running.erase(p.fd);
            try
            {
                results[finishedJob] = finished.Finish();
            }
            catch (const std::runtime_error& e)
            {
                const core::Posture& posture = settings.postures[finishedJob / settings.runs];
                running.clear(); // kills the runs still going
                throw std::runtime_error("run " + std::to_string(finishedJob % settings.runs) +
                                         " under " + posture.name + " " + e.what());
            }
            ++done;
            if (settings.progress)
            {
                settings.progress(done, total);
            }
        }
    }
    return results;
}

} // namespace sim
} // namespace segproof
