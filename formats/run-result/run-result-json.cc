// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#include "run-result-json.h"

#include "core/attack-model.h"

#include <array>
#include <limits>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <stdexcept>

namespace segproof
{
namespace formats
{

namespace
{
using Json = nlohmann::json;

constexpr std::array<core::BlockedAt, 4> kBlockedAt{core::BlockedAt::Dfw, core::BlockedAt::Gateway,
                                                    core::BlockedAt::Perimeter,
                                                    core::BlockedAt::Host};

/// The number of alert sources, the size of RunResult's by-source arrays.
constexpr std::size_t kAlertSources = core::kAllAlertSources.size();
static_assert(std::tuple_size<decltype(core::RunResult::alertsBySource)>::value == kAlertSources);
static_assert(std::tuple_size<decltype(core::RunResult::falseAlarmsBySource)>::value ==
              kAlertSources);

/// A JSON pointer token (RFC 6901: ~ and / escaped).
std::string
Token(const std::string& key)
{
    std::string out;
    for (char c : key)
    {
        out += c == '~' ? "~0" : c == '/' ? "~1" : std::string(1, c);
    }
    return out;
}

[[noreturn]] void
Malformed(const std::string& path, const std::string& what)
{
    throw std::runtime_error("a simulation run sent back a malformed result: at " +
                             (path.empty() ? std::string("/") : path) + ": " + what);
}

/// Reads one JSON object's members, each once, by name and type; at the end, any member not
/// read is an error (both ends are segproof: a member it does not know is a mismatch).
class ObjectReader
{
public:
    ObjectReader(const Json& object, std::string path) : m_object(object), m_path(std::move(path))
    {
        if (!m_object.is_object())
        {
            Malformed(m_path, "expected an object");
        }
    }

    const Json& Member(const std::string& key)
    {
        auto it = m_object.find(key);
        if (it == m_object.end())
        {
            Malformed(m_path, "missing \"" + key + "\"");
        }
        m_read.insert(key);
        return *it;
    }
    std::string PathOf(const std::string& key) const { return m_path + "/" + Token(key); }

    std::string String(const std::string& key)
    {
        const Json& v = Member(key);
        if (!v.is_string())
        {
            Malformed(PathOf(key), "expected a string");
        }
        return v.get<std::string>();
    }
    std::uint64_t Unsigned(const std::string& key, std::uint64_t max)
    {
        return UnsignedAt(Member(key), PathOf(key), max);
    }
    double Number(const std::string& key) { return NumberAt(Member(key), PathOf(key)); }

    void CheckAllRead() const
    {
        for (const auto& [key, value] : m_object.items())
        {
            if (m_read.count(key) == 0)
            {
                Malformed(PathOf(key), "unknown member");
            }
        }
    }

    static std::uint64_t UnsignedAt(const Json& v, const std::string& path, std::uint64_t max)
    {
        if (!v.is_number_unsigned())
        {
            Malformed(path, "expected an unsigned integer");
        }
        auto n = v.get<std::uint64_t>();
        if (n > max)
        {
            Malformed(path, "more than " + std::to_string(max));
        }
        return n;
    }
    static double NumberAt(const Json& v, const std::string& path)
    {
        if (!v.is_number())
        {
            Malformed(path, "expected a number");
        }
        return v.get<double>();
    }

private:
    const Json& m_object;
    std::string m_path;
    std::set<std::string> m_read;
};

/// A name as JSON: a string when it is valid UTF-8, else {"bytes": [...]} (a scenario may name a
/// rule or posture with any bytes, and they come back the same).
Json
NameJson(const std::string& name)
{
    try
    {
        (void)Json(name).dump();
        return name;
    }
    catch (const Json::type_error&)
    {
        Json bytes = Json::array();
        for (char c : name)
        {
            bytes.push_back(static_cast<unsigned char>(c));
        }
        return Json{{"bytes", bytes}};
    }
}

/// The name NameJson wrote.
std::string
NameAt(const Json& v, const std::string& path)
{
    if (v.is_string())
    {
        return v.get<std::string>();
    }
    if (!v.is_object() || v.size() != 1 || !v.contains("bytes") || !v["bytes"].is_array())
    {
        Malformed(path, "expected a string or {\"bytes\": [...]}");
    }
    std::string name;
    const Json& bytes = v["bytes"];
    for (std::size_t i = 0; i < bytes.size(); ++i)
    {
        name += static_cast<char>(
            ObjectReader::UnsignedAt(bytes[i], path + "/bytes/" + std::to_string(i), 255));
    }
    return name;
}

std::vector<std::int32_t>
MachineList(const Json& list, const std::string& path)
{
    if (!list.is_array())
    {
        Malformed(path, "expected an array");
    }
    std::vector<std::int32_t> out;
    for (std::size_t i = 0; i < list.size(); ++i)
    {
        out.push_back(static_cast<std::int32_t>(ObjectReader::UnsignedAt(
            list[i], path + "/" + std::to_string(i),
            static_cast<std::uint64_t>(std::numeric_limits<std::int32_t>::max()))));
    }
    return out;
}

/// An optional time as a number, or null.
Json
OptionalJson(const std::optional<double>& value)
{
    return value ? Json(*value) : Json(nullptr);
}

/// {"av": n, "monitoring": n, "ids": n, "pattern": n}: counts indexed by core::AlertSource.
Json
BySourceJson(const std::array<std::uint64_t, 4>& counts)
{
    Json out = Json::object();
    for (core::AlertSource source : core::kAllAlertSources)
    {
        out[core::AlertSourceName(source)] = counts[static_cast<std::size_t>(source)];
    }
    return out;
}

/// The name of the alert source of index `index` (RunResult::firstAlertSource).
std::string
AlertSourceIndexName(std::uint8_t index)
{
    if (index >= kAlertSources)
    {
        throw std::logic_error("EncodeRunResult: first alert source " + std::to_string(index) +
                               " is no core::AlertSource");
    }
    return core::AlertSourceName(core::kAllAlertSources[index]);
}

/// [[rule, [[where, hits], ...]], ...]: names through NameJson, in the maps' order.
Json
LoggedHitsJson(const std::map<std::string, std::map<std::string, std::uint64_t>>& hits)
{
    Json out = Json::array();
    for (const auto& [rule, byWhere] : hits)
    {
        Json where = Json::array();
        for (const auto& [name, count] : byWhere)
        {
            where.push_back(Json::array({NameJson(name), count}));
        }
        out.push_back(Json::array({NameJson(rule), where}));
    }
    return out;
}

std::optional<double>
OptionalNumberAt(const Json& v, const std::string& path)
{
    if (v.is_null())
    {
        return std::nullopt;
    }
    return ObjectReader::NumberAt(v, path);
}

/// The counts BySourceJson wrote.
std::array<std::uint64_t, 4>
BySourceAt(const Json& v, const std::string& path)
{
    std::array<std::uint64_t, 4> counts{};
    ObjectReader in(v, path);
    for (core::AlertSource source : core::kAllAlertSources)
    {
        counts[static_cast<std::size_t>(source)] =
            in.Unsigned(core::AlertSourceName(source), std::numeric_limits<std::uint64_t>::max());
    }
    in.CheckAllRead();
    return counts;
}

/// The source index AlertSourceIndexName named, or nullopt for null.
std::optional<std::uint8_t>
AlertSourceAt(const Json& v, const std::string& path)
{
    if (v.is_null())
    {
        return std::nullopt;
    }
    if (!v.is_string())
    {
        Malformed(path, "expected an alert source or null");
    }
    for (std::size_t i = 0; i < kAlertSources; ++i)
    {
        if (v.get<std::string>() == core::AlertSourceName(core::kAllAlertSources[i]))
        {
            return static_cast<std::uint8_t>(i);
        }
    }
    Malformed(path, "no alert source \"" + v.get<std::string>() +
                        "\" (expected av, monitoring, ids or pattern)");
}

/// The hits LoggedHitsJson wrote.
std::map<std::string, std::map<std::string, std::uint64_t>>
LoggedHitsAt(const Json& v, const std::string& path)
{
    if (!v.is_array())
    {
        Malformed(path, "expected an array");
    }
    std::map<std::string, std::map<std::string, std::uint64_t>> hits;
    for (std::size_t i = 0; i < v.size(); ++i)
    {
        const std::string rulePath = path + "/" + std::to_string(i);
        if (!v[i].is_array() || v[i].size() != 2 || !v[i][1].is_array())
        {
            Malformed(rulePath, "expected [\"rule\", [[\"where\", hits], ...]]");
        }
        std::string rule = NameAt(v[i][0], rulePath + "/0");
        if (hits.count(rule) != 0)
        {
            Malformed(rulePath + "/0", "a second entry for the same rule");
        }
        std::map<std::string, std::uint64_t>& byWhere = hits[rule];
        const Json& where = v[i][1];
        for (std::size_t j = 0; j < where.size(); ++j)
        {
            const std::string wherePath = rulePath + "/1/" + std::to_string(j);
            if (!where[j].is_array() || where[j].size() != 2)
            {
                Malformed(wherePath, "expected [\"where\", hits]");
            }
            std::string name = NameAt(where[j][0], wherePath + "/0");
            if (byWhere.count(name) != 0)
            {
                Malformed(wherePath + "/0", "a second count for the same place");
            }
            byWhere[name] = ObjectReader::UnsignedAt(where[j][1], wherePath + "/1",
                                                     std::numeric_limits<std::uint64_t>::max());
        }
    }
    return hits;
}
} // namespace

std::string
EncodeRunResult(const core::RunResult& r)
{
    Json series = Json::array();
    for (const auto& [t, n] : r.infectedSeries)
    {
        series.push_back(Json::array({t, n}));
    }
    Json blocked = Json::object();
    for (core::BlockedAt at : kBlockedAt)
    {
        blocked[core::BlockedAtName(at)] = r.blocked[static_cast<std::size_t>(at)];
    }
    Json byRule = Json::array();
    for (const auto& [rule, count] : r.blockedByRule)
    {
        byRule.push_back(Json::array({NameJson(rule), count}));
    }
    Json out = {
        {"format", kRunResultFormat},
        {"posture", NameJson(r.posture)},
        {"run", r.run},
        {"infected_series", series},
        {"ever_infected", r.everInfected},
        {"ever_infected_desktops", r.everInfectedDesktops},
        {"phished", r.phished},
        {"infected_machines", r.infectedMachines},
        {"phished_machines", r.phishedMachines},
        {"time_to_crown_jewel_s", OptionalJson(r.timeToCrownJewel_s)},
        {"exfiltrated_bytes", r.exfiltratedBytes},
        {"blocked", blocked},
        {"blocked_by_rule", byRule},
        {"logged_hits", LoggedHitsJson(r.loggedHits)},
        {"alerts", r.alerts},
        {"alerts_by_source", BySourceJson(r.alertsBySource)},
        {"false_alarms_by_source", BySourceJson(r.falseAlarmsBySource)},
        {"time_to_first_alert_s", OptionalJson(r.timeToFirstAlert_s)},
        {"first_alert_source",
         r.firstAlertSource ? Json(AlertSourceIndexName(*r.firstAlertSource)) : Json(nullptr)},
        {"time_to_quarantine_s", OptionalJson(r.timeToQuarantine_s)},
        {"time_to_exfiltration_s", OptionalJson(r.timeToExfiltration_s)},
        {"detected", r.detected},
        {"quarantined", r.quarantined},
        {"wrongly_quarantined", r.wronglyQuarantined},
        {"desktops_taken_from_users", r.desktopsTakenFromUsers},
        {"ids_prevented", r.idsPrevented},
        {"benign_sessions", r.benignSessions},
        {"benign_failed", r.benignFailed},
        {"connections_attempted", r.connectionsAttempted},
        {"packets", r.packets},
        {"events", r.events},
        {"wall_s", r.wall_s},
    };
    return out.dump();
}

core::RunResult
DecodeRunResult(const std::string& text)
{
    Json doc;
    try
    {
        doc = Json::parse(text);
    }
    catch (const Json::parse_error& e)
    {
        if (e.byte >= text.size())
        {
            throw std::runtime_error("a simulation run sent back a truncated result");
        }
        throw std::runtime_error("a simulation run sent back a malformed result: " +
                                 std::string(e.what()));
    }
    constexpr std::uint64_t kU32 = std::numeric_limits<std::uint32_t>::max();
    constexpr std::uint64_t kU64 = std::numeric_limits<std::uint64_t>::max();
    ObjectReader in(doc, "");
    if (in.String("format") != kRunResultFormat)
    {
        Malformed("/format", "expected \"" + std::string(kRunResultFormat) + "\"");
    }
    core::RunResult r;
    r.posture = NameAt(in.Member("posture"), "/posture");
    r.run = in.Unsigned("run", kU64);
    const Json& series = in.Member("infected_series");
    if (!series.is_array())
    {
        Malformed("/infected_series", "expected an array");
    }
    for (std::size_t i = 0; i < series.size(); ++i)
    {
        const std::string path = "/infected_series/" + std::to_string(i);
        if (!series[i].is_array() || series[i].size() != 2)
        {
            Malformed(path, "expected [time_s, infected]");
        }
        r.infectedSeries.emplace_back(
            ObjectReader::NumberAt(series[i][0], path + "/0"),
            static_cast<std::uint32_t>(ObjectReader::UnsignedAt(series[i][1], path + "/1", kU32)));
    }
    r.everInfected = static_cast<std::uint32_t>(in.Unsigned("ever_infected", kU32));
    r.everInfectedDesktops =
        static_cast<std::uint32_t>(in.Unsigned("ever_infected_desktops", kU32));
    r.phished = static_cast<std::uint32_t>(in.Unsigned("phished", kU32));
    r.infectedMachines = MachineList(in.Member("infected_machines"), "/infected_machines");
    r.phishedMachines = MachineList(in.Member("phished_machines"), "/phished_machines");
    r.timeToCrownJewel_s =
        OptionalNumberAt(in.Member("time_to_crown_jewel_s"), "/time_to_crown_jewel_s");
    r.exfiltratedBytes = in.Unsigned("exfiltrated_bytes", kU64);
    ObjectReader blocked(in.Member("blocked"), "/blocked");
    for (core::BlockedAt at : kBlockedAt)
    {
        r.blocked[static_cast<std::size_t>(at)] = blocked.Unsigned(core::BlockedAtName(at), kU64);
    }
    blocked.CheckAllRead();
    const Json& byRule = in.Member("blocked_by_rule");
    if (!byRule.is_array())
    {
        Malformed("/blocked_by_rule", "expected an array");
    }
    for (std::size_t i = 0; i < byRule.size(); ++i)
    {
        const std::string path = "/blocked_by_rule/" + std::to_string(i);
        if (!byRule[i].is_array() || byRule[i].size() != 2)
        {
            Malformed(path, "expected [\"point/rule\", packets]");
        }
        std::string rule = NameAt(byRule[i][0], path + "/0");
        if (r.blockedByRule.count(rule) != 0)
        {
            Malformed(path + "/0", "a second count for the same rule");
        }
        r.blockedByRule[rule] = ObjectReader::UnsignedAt(byRule[i][1], path + "/1", kU64);
    }
    r.loggedHits = LoggedHitsAt(in.Member("logged_hits"), "/logged_hits");
    r.alerts = in.Unsigned("alerts", kU64);
    r.alertsBySource = BySourceAt(in.Member("alerts_by_source"), "/alerts_by_source");
    r.falseAlarmsBySource =
        BySourceAt(in.Member("false_alarms_by_source"), "/false_alarms_by_source");
    r.timeToFirstAlert_s =
        OptionalNumberAt(in.Member("time_to_first_alert_s"), "/time_to_first_alert_s");
    r.firstAlertSource = AlertSourceAt(in.Member("first_alert_source"), "/first_alert_source");
    r.timeToQuarantine_s =
        OptionalNumberAt(in.Member("time_to_quarantine_s"), "/time_to_quarantine_s");
    r.timeToExfiltration_s =
        OptionalNumberAt(in.Member("time_to_exfiltration_s"), "/time_to_exfiltration_s");
    r.detected = static_cast<std::uint32_t>(in.Unsigned("detected", kU32));
    r.quarantined = static_cast<std::uint32_t>(in.Unsigned("quarantined", kU32));
    r.wronglyQuarantined = static_cast<std::uint32_t>(in.Unsigned("wrongly_quarantined", kU32));
    r.desktopsTakenFromUsers =
        static_cast<std::uint32_t>(in.Unsigned("desktops_taken_from_users", kU32));
    r.idsPrevented = in.Unsigned("ids_prevented", kU64);
    r.benignSessions = in.Unsigned("benign_sessions", kU64);
    r.benignFailed = in.Unsigned("benign_failed", kU64);
    r.connectionsAttempted = in.Unsigned("connections_attempted", kU64);
    r.packets = in.Unsigned("packets", kU64);
    r.events = in.Unsigned("events", kU64);
    r.wall_s = in.Number("wall_s");
    in.CheckAllRead();
    return r;
}

} // namespace formats
} // namespace segproof
