// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#include "campaign.h"

#include "run-pool.h"

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
    RunPool pool;
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
        pool.Start(job, scenario, posture, run);
    };

    while (done < total)
    {
        while (next < total && pool.Size() < workers)
        {
            launch(next++);
        }
        for (RunPool::Finished& finished : pool.Wait(-1))
        {
            if (!finished.result)
            {
                const core::Posture& posture = settings.postures[finished.job / settings.runs];
                throw std::runtime_error("run " + std::to_string(finished.job % settings.runs) +
                                         " under " + posture.name + " " + finished.error);
            }
            results[finished.job] = std::move(*finished.result);
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
