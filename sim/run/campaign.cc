// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#include "campaign.h"

#include "flow-records.h"
#include "run-pool.h"

#include <cstdio>
#include <fstream>
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
/// Where run `job` writes its flow records ("" when none are asked for).
std::string
FlowsPart(const std::string& flows, std::size_t job)
{
    return flows.empty() ? "" : flows + ".part" + std::to_string(job);
}

/// Writes `flows` as the header and every run's part in job order (posture, then run),
/// whatever order the runs finished in, and removes the parts.
void
MergeFlowParts(const std::string& flows, std::size_t jobs)
{
    const std::string partial = flows + ".partial";
    {
        std::ofstream out(partial, std::ios::binary | std::ios::trunc);
        out << kFlowRecordsHeader << '\n';
        for (std::size_t job = 0; job < jobs; ++job)
        {
            std::ifstream part(FlowsPart(flows, job), std::ios::binary);
            if (!part)
            {
                throw std::runtime_error("run " + std::to_string(job) +
                                         " wrote no flow records to " + FlowsPart(flows, job));
            }
            out << part.rdbuf();
        }
        out.flush();
        if (!out)
        {
            throw std::runtime_error("cannot write the flow records to " + partial);
        }
    }
    for (std::size_t job = 0; job < jobs; ++job)
    {
        std::remove(FlowsPart(flows, job).c_str());
    }
    if (std::rename(partial.c_str(), flows.c_str()) != 0)
    {
        throw std::runtime_error("cannot write the flow records to " + flows);
    }
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
        run.flowsFile = FlowsPart(settings.run.flowsFile, job);
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
    if (!settings.run.flowsFile.empty())
    {
        MergeFlowParts(settings.run.flowsFile, total);
    }
    return results;
}

} // namespace sim
} // namespace segproof
