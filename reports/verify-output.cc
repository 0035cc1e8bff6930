// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#include "verify-output.h"

#include "core/connection-description.h"
#include "output-format.h"
#include "segproof/version.h"

#include <nlohmann/json.hpp>
#include <sstream>

namespace segproof
{
namespace reports
{

namespace
{

nlohmann::json
NameAndIp(const core::Estate& estate, core::Ipv4Address ip)
{
    std::string name = estate.NameOf(ip);
    std::string address = core::FormatIpv4(ip);
    return {{"name", name == address ? nlohmann::json(nullptr) : nlohmann::json(name)},
            {"ip", address}};
}

} // namespace

std::string
FormatCounterexampleText(const core::Estate& estate, const core::Counterexample& cx,
                         RuleLocations locations)
{
    std::string text =
        "  " + core::DescribeConnection(estate, cx.connection) +
        (cx.replay.delivered ? "  delivered" : "  blocked") +
        (cx.user.empty() ? "" : "  while " + cx.user + " is logged on at the source") + "\n";
    if (cx.replay.decisions.empty())
    {
        text += "    no enforcement point on its path under this posture\n";
    }
    for (const auto& d : cx.replay.decisions)
    {
        text += "    " + core::DescribeDecision(estate, d);
        if (locations == RuleLocations::Append && d.rule)
        {
            text += "  (" + d.rule->location.ToString() + ")";
        }
        text += "\n";
    }
    return text;
}

std::string
FormatVerifyText(const core::Scenario& scenario, const core::Posture& posture,
                 const std::vector<core::IntentResult>& results)
{
    const core::Estate& estate = scenario.GetEstate();
    std::ostringstream out;
    std::size_t proved = 0;
    std::size_t violated = 0;
    std::size_t unknown = 0;
    for (const auto& r : results)
    {
        switch (r.verdict)
        {
        case core::Verdict::Proved:
            ++proved;
            out << "PROVED " << r.intentId << "\n";
            break;
        case core::Verdict::Violated:
            ++violated;
            out << "VIOLATED " << r.intentId << "\n";
            if (r.counterexample)
            {
                out << FormatCounterexampleText(estate, *r.counterexample);
            }
            break;
        case core::Verdict::Unknown:
            ++unknown;
            out << "UNKNOWN " << r.intentId << " (" << r.reason << ")\n";
            break;
        }
    }
    out << results.size() << " intents under posture " << posture.name << " ("
        << posture.FirewallList() << "): " << proved << " proved, " << violated << " violated, "
        << unknown << " unknown\n";
    return out.str();
}

std::string
FormatVerifyJson(const core::Scenario& scenario, const core::Posture& posture,
                 const std::vector<core::IntentResult>& results, SolverTimes times)
{
    const core::Estate& estate = scenario.GetEstate();
    nlohmann::json intents = nlohmann::json::array();
    for (const auto& r : results)
    {
        nlohmann::json item = {{"id", r.intentId}, {"verdict", core::VerdictName(r.verdict)}};
        if (times == SolverTimes::Include)
        {
            item["seconds"] = r.seconds;
        }
        if (r.verdict == core::Verdict::Unknown)
        {
            item["reason"] = r.reason;
        }
        if (r.counterexample)
        {
            const auto& c = r.counterexample->connection;
            nlohmann::json path = nlohmann::json::array();
            for (const auto& d : r.counterexample->replay.decisions)
            {
                path.push_back({{"point", core::PointLabel(d.point, estate)},
                                {"rule", d.RuleId()},
                                {"action", core::ActionName(d.action)}});
            }
            nlohmann::json cx = {{"src", NameAndIp(estate, c.source)},
                                 {"dst", NameAndIp(estate, c.destination)},
                                 {"protocol", core::ProtocolName(c.protocol)},
                                 {"src_port", core::HasPorts(c.protocol) ? c.sourcePort : 0},
                                 {"dst_port", core::HasPorts(c.protocol) ? c.destinationPort : 0},
                                 {"delivered", r.counterexample->replay.delivered},
                                 {"path", path}};
            if (c.protocol == static_cast<std::uint8_t>(core::Protocol::Icmp))
            {
                cx["icmp_type"] = c.icmpType;
            }
            if (!r.counterexample->user.empty())
            {
                cx["user"] = r.counterexample->user;
            }
            item["counterexample"] = cx;
        }
        intents.push_back(item);
    }
    nlohmann::json doc = {
        {"format", kVerifyFormat},
        {"segproof_version", SEGPROOF_VERSION},
        {"scenario", scenario.Name()},
        {"posture", {{"name", posture.name}, {"firewalls", posture.FirewallList()}}},
        {"intents", intents}};
    return doc.dump() + "\n";
}

} // namespace reports
} // namespace segproof
