// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#include "campaign-runner.h"

#include "formats/run-result/run-result-json.h"
#include "results/run-environment.h"
#include "run-scheduler.h"
#include "scenario-cache.h"
#include "sim/run/run-pool.h"

#include <chrono>
#include <ctime>
#include <map>
#include <optional>
#include <set>
#include <stdexcept>
#include <unistd.h>

namespace segproof
{
namespace campaign
{

namespace
{
using Clock = std::chrono::steady_clock;

double
SecondsSince(Clock::time_point start)
{
    return std::chrono::duration<double>(Clock::now() - start).count();
}

sim::RunSettings
SettingsOf(const CampaignPlan& plan, const PlannedRun& run)
{
    sim::RunSettings settings;
    settings.seed = run.key.seed;
    settings.run = run.key.run;
    settings.duration_s = run.key.duration_s;
    settings.sampleInterval_s = plan.sampleInterval_s;
    return settings;
}

/// The key as one line, so that a worker can check that its plan has the same run at INDEX.
std::string
KeyText(const results::RunKey& key)
{
    return key.scenarioSha256 + " " + key.posture + " " + std::to_string(key.seed) + " " +
           std::to_string(key.run) + " " + std::to_string(key.duration_s) + " " + key.point;
}

/// "INDEX\nHOST\nBODY" as sent with Result and Failed.
std::string
Reply(std::size_t index, const std::string& host, const std::string& body)
{
    return std::to_string(index) + "\n" + host + "\n" + body;
}

struct ParsedReply
{
    std::size_t index = 0;
    std::string host;
    std::string body;
};

ParsedReply
ParseReply(const std::string& text)
{
    std::size_t first = text.find('\n');
    std::size_t second = first == std::string::npos ? first : text.find('\n', first + 1);
    if (second == std::string::npos)
    {
        throw std::runtime_error("a rank sent a malformed reply");
    }
    return ParsedReply{std::stoul(text.substr(0, first)),
                       text.substr(first + 1, second - first - 1), text.substr(second + 1)};
}

/// A worker rank as rank 0 sees it.
struct RemoteRank
{
    bool idle = false; ///< asked for a run and has none
    bool lost = false; ///< stopped answering: never sent anything again
    std::string host;  ///< where it runs, as it said when it first asked for a run
    std::optional<std::size_t> run;
    Clock::time_point lastHeard;
};

/// The scheduler's group of every run: (scenario, point, posture).
std::vector<std::size_t>
SchedulingGroups(const CampaignPlan& plan)
{
    std::map<std::pair<std::size_t, std::string>, std::size_t> numbers;
    std::vector<std::size_t> groups;
    for (const auto& run : plan.runs)
    {
        auto key = std::make_pair(plan.GroupOf(run), run.key.posture);
        auto inserted = numbers.emplace(key, numbers.size());
        groups.push_back(inserted.first->second);
    }
    return groups;
}
} // namespace

CampaignOutcome
RunCampaign(const CampaignPlan& plan, results::ResultsDatabase& db, const RunnerSettings& settings,
            RankLink* link, const RunnerEvents& events)
{
    const Clock::time_point start = Clock::now();
    auto note = [&events](const std::string& line)
    {
        if (events.note)
        {
            events.note(line);
        }
    };
    CampaignOutcome outcome;
    outcome.planned = plan.runs.size();
    outcome.ranks = link ? link->Size() : 1;

    std::map<results::RunKey, std::size_t> indexOf;
    for (std::size_t i = 0; i < plan.runs.size(); ++i)
    {
        indexOf.emplace(plan.runs[i].key, i);
    }
    for (const auto& lost : db.InFlight())
    {
        auto it = indexOf.find(lost.key);
        std::string what = it != indexOf.end() ? plan.Describe(plan.runs[it->second])
                                               : "a run of another campaign";
        note("lost in flight when an earlier campaign stopped: " + what + " (rank " +
             std::to_string(lost.rank) + " on " + lost.host + ", since " + lost.startedAt +
             "); it runs again");
        ++outcome.lostEarlier;
    }
    db.ClearAllInFlight();

    std::set<results::RunKey> done;
    for (const auto& key : db.DoneKeys())
    {
        done.insert(key);
    }
    std::vector<std::size_t> pending;
    for (std::size_t i = 0; i < plan.runs.size(); ++i)
    {
        if (done.count(plan.runs[i].key) == 0)
        {
            pending.push_back(i);
        }
    }
    outcome.alreadyDone = plan.runs.size() - pending.size();
    outcome.toRun = settings.maxRuns > 0 && pending.size() > settings.maxRuns
                        ? static_cast<std::size_t>(settings.maxRuns)
                        : pending.size();
    RunScheduler scheduler(SchedulingGroups(plan), pending);
    ScenarioCache cache(plan);
    const std::string host = results::HostName();
    std::size_t handedOut = 0;
    sim::RunPool local; // this process's own slots
    std::map<int, RemoteRank> remote;
    for (int rank = 1; link && rank < link->Size(); ++rank)
    {
        remote[rank] = RemoteRank{};
    }

    auto canHandOut = [&] { return !scheduler.Empty() && handedOut < outcome.toRun; };
    auto progress = [&]
    {
        if (events.progress)
        {
            events.progress(outcome.ran + outcome.failed, outcome.toRun);
        }
    };
    auto contextOf = [&](const PlannedRun& run, int rank, const std::string& runHost)
    {
        results::RunContext context;
        context.campaign = plan.spec.name;
        context.scenarioFile = plan.scenarios[run.scenario].path;
        context.scenarioName = plan.scenarios[run.scenario].name;
        context.parameters = PointParameters(plan.points[run.point]);
        context.sampleInterval_s = plan.sampleInterval_s;
        context.rank = rank;
        context.host = runHost;
        context.segproofVersion = settings.segproofVersion;
        context.finishedAt = results::UtcNow();
        return context;
    };
    auto recordResult =
        [&](std::size_t index, int rank, const std::string& runHost, const core::RunResult& result)
    {
        const PlannedRun& run = plan.runs[index];
        db.RecordRun(run.key, contextOf(run, rank, runHost), result);
        scheduler.Finished(index, result.wall_s);
        ++outcome.ran;
        outcome.simulated_s += result.wall_s;
        progress();
    };
    auto recordFailure =
        [&](std::size_t index, int rank, const std::string& runHost, const std::string& error)
    {
        const PlannedRun& run = plan.runs[index];
        db.RecordFailure(run.key, contextOf(run, rank, runHost), error);
        scheduler.Failed(index);
        ++outcome.failed;
        note(plan.Describe(run) + " failed on rank " + std::to_string(rank) + ": " + error);
        progress();
    };
    auto stopRanks = [&]
    {
        for (const auto& [rank, state] : remote)
        {
            if (!state.lost)
            {
                link->Send(rank, RankTag::Stop, outcome.lostRanks > 0 ? "lost" : "");
            }
        }
    };
    try
    {
        progress();

        while (true)
        {
            while (local.Size() < settings.localSlots && canHandOut())
            {
                const std::size_t index = scheduler.Next();
                ++handedOut;
                const PlannedRun& run = plan.runs[index];
                try
                {
                    local.Start(index, cache.ScenarioOf(run), cache.PostureOf(run),
                                SettingsOf(plan, run));
                    db.MarkInFlight(run.key, 0, host, results::UtcNow());
                }
                catch (const std::runtime_error& e)
                {
                    recordFailure(index, 0, host, e.what());
                }
            }
            Clock::time_point gatherStart = Clock::now();
            for (auto& [rank, state] : remote)
            {
                if (state.idle && !state.lost && canHandOut())
                {
                    const std::size_t index = scheduler.Next();
                    ++handedOut;
                    const PlannedRun& run = plan.runs[index];
                    db.MarkInFlight(run.key, rank, state.host, results::UtcNow());
                    link->Send(rank, RankTag::Run, std::to_string(index) + " " + KeyText(run.key));
                    state.idle = false;
                    state.run = index;
                    state.lastHeard = Clock::now();
                }
            }
            outcome.gather_s += SecondsSince(gatherStart);

            bool remoteBusy = false;
            for (const auto& [rank, state] : remote)
            {
                remoteBusy = remoteBusy || (state.run.has_value() && !state.lost);
            }
            if (local.Empty() && !remoteBusy && !canHandOut())
            {
                break;
            }

            // With other ranks, wake often enough to hear them; alone, wait for a child.
            for (sim::RunPool::Finished& finished : local.Wait(remote.empty() ? -1 : 2))
            {
                gatherStart = Clock::now();
                if (finished.result)
                {
                    recordResult(finished.job, 0, host, *finished.result);
                }
                else
                {
                    recordFailure(finished.job, 0, host, finished.error);
                }
                outcome.gather_s += SecondsSince(gatherStart);
            }

            if (remote.empty())
            {
                continue;
            }
            // Gathering is what rank 0 does with a message once it is there: empty probes
            // are waiting (under --oversubscribe Open MPI yields the core in them).
            while (auto message = link->TryReceive())
            {
                const Clock::time_point messageStart = Clock::now();
                auto it = remote.find(message->rank);
                if (it == remote.end() || it->second.lost)
                {
                    continue; // a rank taken as lost: its run went to another
                }
                RemoteRank& state = it->second;
                state.lastHeard = Clock::now();
                switch (message->tag)
                {
                case RankTag::Ready:
                    state.host = message->text; // its host, for the in-flight marks
                    state.idle = !state.run.has_value();
                    break;
                case RankTag::Result:
                case RankTag::Failed:
                {
                    ParsedReply reply = ParseReply(message->text);
                    if (!state.run || *state.run != reply.index)
                    {
                        break;
                    }
                    state.run.reset();
                    state.idle = true;
                    if (message->tag == RankTag::Result)
                    {
                        recordResult(reply.index, message->rank, reply.host,
                                     formats::DecodeRunResult(reply.body));
                    }
                    else
                    {
                        recordFailure(reply.index, message->rank, reply.host, reply.body);
                    }
                    break;
                }
                case RankTag::Refused:
                    throw std::runtime_error("rank " + std::to_string(message->rank) +
                                             " planned another campaign: " + message->text);
                default:
                    break; // heartbeats only refresh lastHeard
                }
                outcome.gather_s += SecondsSince(messageStart);
            }
            for (auto& [rank, state] : remote)
            {
                if (state.run && !state.lost &&
                    SecondsSince(state.lastHeard) > settings.rankTimeout_s)
                {
                    state.lost = true;
                    const std::size_t index = *state.run;
                    state.run.reset();
                    ++outcome.lostRanks;
                    ++outcome.requeued;
                    scheduler.Requeue(index);
                    --handedOut;
                    db.ClearInFlight(plan.runs[index].key);
                    note("rank " + std::to_string(rank) + " stopped answering (nothing for " +
                         std::to_string(static_cast<int>(settings.rankTimeout_s)) + " s) during " +
                         plan.Describe(plan.runs[index]) + "; the run goes back in the queue");
                }
            }
        }
    }
    catch (...)
    {
        // Workers wait for word from rank 0: tell them to stop before giving up.
        try
        {
            stopRanks();
            if (outcome.lostRanks > 0)
            {
                link->LeaveWithoutFinalize();
            }
        }
        catch (const std::exception&)
        {
        }
        throw;
    }
    stopRanks();
    if (outcome.lostRanks > 0)
    {
        link->LeaveWithoutFinalize();
    }
    outcome.wall_s = SecondsSince(start);
    return outcome;
}

void
ServeCampaign(const CampaignPlan& plan, RankLink& link)
{
    ScenarioCache cache(plan);
    const std::string host = results::HostName();
    link.Send(0, RankTag::Ready, host);
    while (true)
    {
        RankMessage message = link.Receive();
        if (message.tag == RankTag::Stop)
        {
            if (message.text == "lost")
            {
                link.LeaveWithoutFinalize();
            }
            return;
        }
        if (message.tag != RankTag::Run)
        {
            continue;
        }
        std::size_t space = message.text.find(' ');
        std::size_t index = std::stoul(message.text.substr(0, space));
        if (index >= plan.runs.size() ||
            message.text.substr(space + 1) != KeyText(plan.runs[index].key))
        {
            link.Send(0, RankTag::Refused,
                      "run " + std::to_string(index) + " of its plan is not " +
                          message.text.substr(space + 1) +
                          " (are the spec and scenarios the same files on every node?)");
            return;
        }
        const PlannedRun& run = plan.runs[index];
        try
        {
            sim::RunPool pool;
            pool.Start(index, cache.ScenarioOf(run), cache.PostureOf(run), SettingsOf(plan, run));
            link.Send(0, RankTag::Heartbeat, std::to_string(index));
            std::vector<sim::RunPool::Finished> finished;
            while ((finished = pool.Wait(1000)).empty())
            {
                link.Send(0, RankTag::Heartbeat, std::to_string(index));
            }
            if (finished.front().result)
            {
                link.Send(0, RankTag::Result,
                          Reply(index, host, formats::EncodeRunResult(*finished.front().result)));
            }
            else
            {
                link.Send(0, RankTag::Failed, Reply(index, host, finished.front().error));
            }
        }
        catch (const std::runtime_error& e)
        {
            link.Send(0, RankTag::Failed, Reply(index, host, e.what()));
        }
    }
}

} // namespace campaign
} // namespace segproof
