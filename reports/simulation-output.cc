// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#include "simulation-output.h"

#include "core/attack-model.h"
#include "csv-text.h"
#include "number-format.h"
#include "output-format.h"
#include "segproof/version.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <stdexcept>
#include <system_error>

namespace segproof
{
namespace reports
{

namespace
{

using Json = nlohmann::ordered_json;

constexpr std::array<core::BlockedAt, 4> kBlockedPoints = {
    core::BlockedAt::Dfw, core::BlockedAt::Gateway, core::BlockedAt::Perimeter,
    core::BlockedAt::Host};

/// Percentile p in [0, 1] of sorted, non-empty `x`, numpy type 7.
double
Percentile(const std::vector<double>& x, double p)
{
    double h = static_cast<double>(x.size() - 1) * p;
    double k = std::floor(h);
    auto lo = static_cast<std::size_t>(k);
    if (lo + 1 >= x.size())
    {
        return x.back();
    }
    return x[lo] + (h - k) * (x[lo + 1] - x[lo]);
}

double
Median(std::vector<double> values)
{
    return Summarise(std::move(values)).median;
}

/// Locale-independent text of `value` by std::to_chars; no precision = shortest round trip.
std::string
ToChars(double value, std::chars_format format, std::optional<int> precision = std::nullopt)
{
    char buffer[128];
    auto result = precision
                      ? std::to_chars(buffer, buffer + sizeof buffer, value, format, *precision)
                      : std::to_chars(buffer, buffer + sizeof buffer, value, format);
    if (result.ec != std::errc())
    {
        throw std::logic_error("to_chars failed");
    }
    return std::string(buffer, result.ptr);
}

bool
FitsInt64(double value)
{
    return value == std::trunc(value) && std::fabs(value) < 9.0e18;
}

/// A number for summary.json: integral values as JSON integers, others rounded to 6
/// significant digits but never coarser than one decimal place (see SummaryJson).
Json
Number(double value)
{
    if (!std::isfinite(value))
    {
        return nullptr;
    }
    if (FitsInt64(value))
    {
        return static_cast<std::int64_t>(value);
    }
    int integerDigits =
        std::fabs(value) >= 1 ? static_cast<int>(std::floor(std::log10(std::fabs(value)))) + 1 : 0;
    int significant = std::max(6, integerDigits + 1);
    std::string text = ToChars(value, std::chars_format::scientific, significant - 1);
    double rounded = value;
    std::from_chars(text.data(), text.data() + text.size(), rounded);
    if (FitsInt64(rounded))
    {
        return static_cast<std::int64_t>(rounded);
    }
    return rounded;
}

Json
DistributionJson(const Distribution& d)
{
    Json j = Json::object();
    j["median"] = Number(d.median);
    j["p10"] = Number(d.p10);
    j["p90"] = Number(d.p90);
    j["mean"] = Number(d.mean);
    j["min"] = Number(d.min);
    j["max"] = Number(d.max);
    return j;
}

/// {"av": n, "monitoring": n, "ids": n, "pattern": n} of counts in core::AlertSource order.
Json
BySourceJson(const std::array<std::uint64_t, 4>& counts)
{
    Json j = Json::object();
    for (core::AlertSource source : core::kAllAlertSources)
    {
        j[core::AlertSourceName(source)] = counts[static_cast<std::size_t>(source)];
    }
    return j;
}

template <typename Field>
std::vector<double>
Collect(const RunGroup& runs, Field field)
{
    std::vector<double> values;
    values.reserve(runs.size());
    for (const core::RunResult* run : runs)
    {
        values.push_back(static_cast<double>(field(*run)));
    }
    return values;
}

/// Over the runs' values of `field` that are set; nullopt when none is.
template <typename Field>
std::optional<Distribution>
SummariseSet(const RunGroup& runs, Field field)
{
    std::vector<double> values;
    for (const core::RunResult* run : runs)
    {
        if (const std::optional<double>& value = field(*run))
        {
            values.push_back(*value);
        }
    }
    if (values.empty())
    {
        return std::nullopt;
    }
    return Summarise(std::move(values));
}

/// Whether the run's quarantine came first: it isolated an infected machine, and `event` (the
/// crown jewel reached, the first bytes out) came later or never.
bool
QuarantinedBefore(const core::RunResult& run, const std::optional<double>& event)
{
    return run.timeToQuarantine_s && (!event || *run.timeToQuarantine_s < *event);
}

/// The defence's figures of `s`: alerts by source, false alarms, first alert, quarantine,
/// exfiltration, benign sessions, logged hits.
void
SummariseDefence(const RunGroup& runs, PostureSummary& s)
{
    const double n = static_cast<double>(runs.size());
    std::uint64_t beforeJewel = 0;
    std::uint64_t beforeExfiltration = 0;
    std::uint64_t exfiltrated = 0;
    for (const core::RunResult* run : runs)
    {
        for (std::size_t i = 0; i < s.alertsBySource.size(); ++i)
        {
            s.alertsBySource[i] += run->alertsBySource[i];
            s.falseAlarmsBySource[i] += run->falseAlarmsBySource[i];
        }
        if (run->firstAlertSource)
        {
            if (*run->firstAlertSource >= s.firstAlertSource.size())
            {
                throw std::invalid_argument("SummarisePosture: first alert source " +
                                            std::to_string(*run->firstAlertSource) +
                                            " is no alert source");
            }
            ++s.firstAlertSource[*run->firstAlertSource];
        }
        beforeJewel += QuarantinedBefore(*run, run->timeToCrownJewel_s) ? 1 : 0;
        beforeExfiltration += QuarantinedBefore(*run, run->timeToExfiltration_s) ? 1 : 0;
        exfiltrated += run->timeToExfiltration_s ? 1 : 0;
        s.wronglyQuarantinedSum += run->wronglyQuarantined;
        s.desktopsTakenFromUsersSum += run->desktopsTakenFromUsers;
        s.idsPrevented += run->idsPrevented;
        s.benignSessions += run->benignSessions;
        s.benignFailed += run->benignFailed;
        for (const auto& [rule, byWhere] : run->loggedHits)
        {
            auto& hits = s.loggedHits[rule];
            for (const auto& [where, count] : byWhere)
            {
                hits[where] += count;
            }
        }
    }
    s.timeToFirstAlert =
        SummariseSet(runs, [](const core::RunResult& r) { return r.timeToFirstAlert_s; });
    s.timeToQuarantine =
        SummariseSet(runs, [](const core::RunResult& r) { return r.timeToQuarantine_s; });
    s.quarantineBeforeCrownJewel = static_cast<double>(beforeJewel) / n;
    s.quarantineBeforeExfiltration = static_cast<double>(beforeExfiltration) / n;
    s.exfiltrationStarted = static_cast<double>(exfiltrated) / n;
    s.wronglyQuarantined =
        Median(Collect(runs, [](const core::RunResult& r) { return r.wronglyQuarantined; }));
    s.desktopsTakenFromUsers =
        Median(Collect(runs, [](const core::RunResult& r) { return r.desktopsTakenFromUsers; }));
}

PostureSummary
SummariseGroup(const RunGroup& runs)
{
    if (runs.empty())
    {
        throw std::invalid_argument("SummarisePosture: no runs");
    }
    PostureSummary s;
    s.posture = runs.front()->posture;
    for (const core::RunResult* run : runs)
    {
        if (run->posture != s.posture)
        {
            throw std::invalid_argument("SummarisePosture: runs of postures '" + s.posture +
                                        "' and '" + run->posture + "' mixed");
        }
    }
    s.runs = runs.size();
    s.infected = Summarise(Collect(runs, [](const core::RunResult& r) { return r.everInfected; }));
    s.infectedDesktops =
        Summarise(Collect(runs, [](const core::RunResult& r) { return r.everInfectedDesktops; }));
    std::vector<double> reachedAt;
    for (const core::RunResult* run : runs)
    {
        if (run->timeToCrownJewel_s)
        {
            reachedAt.push_back(*run->timeToCrownJewel_s);
        }
    }
    s.crownJewelReached = static_cast<double>(reachedAt.size()) / static_cast<double>(runs.size());
    if (!reachedAt.empty())
    {
        s.timeToCrownJewel = Summarise(std::move(reachedAt));
    }
    s.exfiltratedBytes =
        Summarise(Collect(runs, [](const core::RunResult& r) { return r.exfiltratedBytes; }));
    for (std::size_t i = 0; i < s.blocked.size(); ++i)
    {
        s.blocked[i] =
            Median(Collect(runs, [i](const core::RunResult& r) { return r.blocked[i]; }));
    }
    std::set<std::string> rules;
    for (const core::RunResult* run : runs)
    {
        for (const auto& entry : run->blockedByRule)
        {
            rules.insert(entry.first);
        }
    }
    for (const std::string& rule : rules)
    {
        s.blockedByRule[rule] =
            Median(Collect(runs,
                           [&rule](const core::RunResult& r)
                           {
                               auto it = r.blockedByRule.find(rule);
                               return it == r.blockedByRule.end() ? 0 : it->second;
                           }));
    }
    s.alerts = Median(Collect(runs, [](const core::RunResult& r) { return r.alerts; }));
    s.detected = Median(Collect(runs, [](const core::RunResult& r) { return r.detected; }));
    s.quarantined = Median(Collect(runs, [](const core::RunResult& r) { return r.quarantined; }));
    SummariseDefence(runs, s);
    return s;
}

Json
PostureJson(const PostureSummary& s)
{
    Json j = Json::object();
    j["runs"] = s.runs;
    j["infected"] = DistributionJson(s.infected);
    j["crown_jewel_reached"] = Number(s.crownJewelReached);
    j["time_to_crown_jewel_s"] =
        s.timeToCrownJewel ? DistributionJson(*s.timeToCrownJewel) : Json(nullptr);
    j["exfiltrated_bytes"] = DistributionJson(s.exfiltratedBytes);
    Json blocked = Json::object();
    for (std::size_t i = 0; i < kBlockedPoints.size(); ++i)
    {
        blocked[core::BlockedAtName(kBlockedPoints[i])] = Number(s.blocked[i]);
    }
    j["blocked"] = blocked;
    Json byRule = Json::object();
    for (const auto& [rule, median] : s.blockedByRule)
    {
        byRule[rule] = Number(median);
    }
    j["alerts"] = Number(s.alerts);
    j["infected_desktops"] = DistributionJson(s.infectedDesktops);
    j["detected"] = Number(s.detected);
    j["quarantined"] = Number(s.quarantined);
    j["blocked_by_rule"] = byRule;
    // The defence's figures, after every key of the spec and of earlier versions.
    j["alerts_by_source"] = BySourceJson(s.alertsBySource);
    std::uint64_t falseAlarms = 0;
    for (std::uint64_t count : s.falseAlarmsBySource)
    {
        falseAlarms += count;
    }
    j["false_alarms"] = {{"total", falseAlarms},
                         {"by_source", BySourceJson(s.falseAlarmsBySource)}};
    j["time_to_first_alert_s"] =
        s.timeToFirstAlert ? DistributionJson(*s.timeToFirstAlert) : Json(nullptr);
    j["first_alert_source"] = BySourceJson(s.firstAlertSource);
    j["time_to_quarantine_s"] =
        s.timeToQuarantine ? DistributionJson(*s.timeToQuarantine) : Json(nullptr);
    j["quarantine_before_crown_jewel"] = Number(s.quarantineBeforeCrownJewel);
    j["quarantine_before_exfiltration"] = Number(s.quarantineBeforeExfiltration);
    j["exfiltration_started"] = Number(s.exfiltrationStarted);
    j["wrongly_quarantined"] = {{"median", Number(s.wronglyQuarantined)},
                                {"sum", s.wronglyQuarantinedSum}};
    j["desktops_taken_from_users"] = {{"median", Number(s.desktopsTakenFromUsers)},
                                      {"sum", s.desktopsTakenFromUsersSum}};
    j["ids_prevented"] = s.idsPrevented;
    j["benign_sessions"] = s.benignSessions;
    j["benign_failed"] = s.benignFailed;
    Json logged = Json::object();
    for (const auto& [rule, byWhere] : s.loggedHits)
    {
        Json where = Json::object();
        for (const auto& [name, count] : byWhere)
        {
            where[name] = count;
        }
        logged[rule] = where;
    }
    j["logged_hits"] = logged;
    return j;
}

std::string
Pad(const std::string& text, std::size_t width, bool left)
{
    std::string fill(text.size() < width ? width - text.size() : 0, ' ');
    return left ? text + fill : fill + text;
}

} // namespace

std::vector<RunGroup>
GroupByPosture(const std::vector<std::string>& order, const std::vector<core::RunResult>& runs)
{
    std::map<std::string, std::size_t> index;
    for (std::size_t i = 0; i < order.size(); ++i)
    {
        if (!index.emplace(order[i], i).second)
        {
            throw std::invalid_argument("posture '" + order[i] + "' listed twice");
        }
    }
    std::vector<RunGroup> groups(order.size());
    for (const core::RunResult& run : runs)
    {
        auto found = index.find(run.posture);
        if (found == index.end())
        {
            throw std::invalid_argument("run of posture '" + run.posture +
                                        "' not in the posture order");
        }
        groups[found->second].push_back(&run);
    }
    for (std::size_t i = 0; i < groups.size(); ++i)
    {
        if (groups[i].empty())
        {
            throw std::invalid_argument("posture '" + order[i] + "' has no runs");
        }
        std::stable_sort(groups[i].begin(), groups[i].end(),
                         [](const core::RunResult* a, const core::RunResult* b)
                         { return a->run < b->run; });
    }
    return groups;
}

Distribution
Summarise(std::vector<double> values)
{
    if (values.empty())
    {
        throw std::invalid_argument("Summarise: no values");
    }
    if (std::any_of(values.begin(), values.end(), [](double v) { return std::isnan(v); }))
    {
        throw std::invalid_argument("Summarise: NaN value");
    }
    std::sort(values.begin(), values.end());
    Distribution d;
    d.median = Percentile(values, 0.5);
    d.p10 = Percentile(values, 0.1);
    d.p90 = Percentile(values, 0.9);
    double sum = 0;
    for (double v : values)
    {
        sum += v;
    }
    d.mean = sum / static_cast<double>(values.size());
    d.min = values.front();
    d.max = values.back();
    return d;
}

std::vector<PostureSummary>
SummarisePostures(const std::vector<std::string>& postureOrder,
                  const std::vector<core::RunResult>& runs)
{
    std::vector<PostureSummary> summaries;
    for (const RunGroup& group : GroupByPosture(postureOrder, runs))
    {
        summaries.push_back(SummariseGroup(group));
    }
    return summaries;
}

PostureSummary
SummarisePosture(const std::vector<core::RunResult>& runs)
{
    RunGroup group;
    group.reserve(runs.size());
    for (const core::RunResult& run : runs)
    {
        group.push_back(&run);
    }
    return SummariseGroup(group);
}

std::string
SummaryJson(const CampaignInfo& info, const std::vector<std::string>& postureOrder,
            const std::vector<core::RunResult>& runs)
{
    std::vector<RunGroup> groups = GroupByPosture(postureOrder, runs);
    Json postures = Json::object();
    for (std::size_t i = 0; i < groups.size(); ++i)
    {
        postures[postureOrder[i]] = PostureJson(SummariseGroup(groups[i]));
    }
    Json provenance = Json::object();
    provenance["scenario"] = info.scenarioFile;
    provenance["scenario_name"] = info.scenarioName;
    provenance["scenario_sha256"] = info.scenarioSha256;
    provenance["segproof_version"] = info.segproofVersion;
    provenance["ns3_version"] = info.ns3Version;
    provenance["seed"] = info.seed;
    provenance["runs"] = info.runs;
    provenance["duration_s"] = Number(info.duration_s);
    provenance["command"] = info.command;
    provenance["attack_profile"] = info.attackProfile;
    if (!info.parameters.empty())
    {
        Json parameters = Json::object();
        for (const auto& [key, value] : info.parameters)
        {
            parameters[key] = value;
        }
        provenance["parameters"] = parameters;
    }
    if (!info.runVersions.empty())
    {
        Json versions = Json::object();
        for (const auto& [version, count] : info.runVersions)
        {
            versions[version] = count;
        }
        provenance["run_segproof_versions"] = versions;
    }

    Json doc = Json::object();
    doc["postures"] = postures;
    doc["provenance"] = provenance;
    doc["format"] = kSummaryFormat; // last: spec section 3 puts "postures" first
    // Replace, not throw, on bytes that are not UTF-8 (a command line can hold anything).
    return doc.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

std::string
RunJson(const RunRecord& record)
{
    Json doc = Json::object();
    doc["format"] = kRunRecordFormat;
    doc["segproof_version"] = SEGPROOF_VERSION;
    doc["command"] = record.command;
    doc["generated_at"] = record.generatedAt;
    doc["wall_s"] = Number(record.wall_s);
    doc["jobs"] = record.jobs;
    doc["host"] = record.host;
    doc["working_directory"] = record.workingDirectory;
    doc["out"] = record.out;
    Json solver = Json::object();
    for (const auto& [intent, seconds] : record.solver_s)
    {
        solver[intent] = Number(seconds);
    }
    doc["solver_s"] = solver;
    return doc.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

std::string
TimeseriesCsv(const std::vector<std::string>& postureOrder,
              const std::vector<core::RunResult>& runs)
{
    std::vector<RunGroup> groups = GroupByPosture(postureOrder, runs);
    std::string csv = "posture,run,time_s,infected\n";
    for (std::size_t i = 0; i < groups.size(); ++i)
    {
        std::string posture = CsvField(postureOrder[i]);
        for (const core::RunResult* run : groups[i])
        {
            auto series = run->infectedSeries;
            std::stable_sort(series.begin(), series.end(),
                             [](const auto& a, const auto& b) { return a.first < b.first; });
            std::string prefix = posture + "," + std::to_string(run->run) + ",";
            for (const auto& [time, infected] : series)
            {
                csv += prefix + ToChars(time == 0 ? 0.0 : time, std::chars_format::fixed) + "," +
                       std::to_string(infected) + "\n";
            }
        }
    }
    return csv;
}

std::string
SimulationTable(const CampaignInfo& info, const std::vector<std::string>& postureOrder,
                const std::vector<core::RunResult>& runs)
{
    std::vector<RunGroup> groups = GroupByPosture(postureOrder, runs);
    std::vector<std::vector<std::string>> rows = {{"posture", "infected (p10-p90)", "jewel",
                                                   "t-jewel", "exfil", "blocked dfw/gw/perim/host",
                                                   "alerts"}};
    for (const RunGroup& group : groups)
    {
        PostureSummary s = SummariseGroup(group);
        double blockedTotal = 0;
        std::string blockedParts;
        for (std::size_t i = 0; i < s.blocked.size(); ++i)
        {
            blockedTotal += s.blocked[i];
            blockedParts += (i == 0 ? "" : "/") + FormatCount(s.blocked[i]);
        }
        rows.push_back({s.posture,
                        FormatCount(s.infected.median) + " (" + FormatCount(s.infected.p10) + "-" +
                            FormatCount(s.infected.p90) + ")",
                        std::to_string(std::llround(s.crownJewelReached * 100.0)) + "%",
                        s.timeToCrownJewel ? FormatHoursMinutes(s.timeToCrownJewel->median) : "-",
                        FormatBytes(s.exfiltratedBytes.median),
                        FormatCount(blockedTotal) + " (" + blockedParts + ")",
                        FormatCount(s.alerts)});
    }

    // Left-aligned text columns (posture, blocked), right-aligned figures.
    constexpr std::array<bool, 7> kLeft = {true, false, false, false, false, true, false};
    std::array<std::size_t, 7> width{};
    for (const auto& row : rows)
    {
        for (std::size_t c = 0; c < row.size(); ++c)
        {
            width[c] = std::max(width[c], row[c].size());
        }
    }
    std::ostringstream out;
    out << info.scenarioName << " (" << info.scenarioFile << "): " << info.runs
        << " runs per posture, " << FormatHoursMinutes(info.duration_s) << " simulated, seed "
        << info.seed;
    if (!info.attackProfile.empty())
    {
        out << ", attack " << info.attackProfile;
    }
    out << "\n";
    for (const auto& row : rows)
    {
        std::string line;
        for (std::size_t c = 0; c < row.size(); ++c)
        {
            line += (c == 0 ? "" : "  ") + Pad(row[c], width[c], kLeft[c]);
        }
        line.erase(line.find_last_not_of(' ') + 1);
        out << line << "\n";
    }
    return out.str();
}

} // namespace reports
} // namespace segproof
