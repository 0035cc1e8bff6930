// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#include "parameter-table.h"

#include "core/units.h"
#include "number-format.h"

#include <algorithm>
#include <sstream>

namespace segproof
{
namespace reports
{

namespace
{

std::string
Probability(double p)
{
    std::ostringstream out;
    out << p;
    return out.str();
}

/// Machine names, cut after a few ("vdi001, vdi002, ... (100)").
std::string
MachineNames(const core::Estate& estate, const std::vector<core::Index>& machines,
             const std::string& whenEmpty)
{
    if (machines.empty())
    {
        return whenEmpty;
    }
    std::string text;
    constexpr std::size_t kShown = 4;
    for (std::size_t i = 0; i < machines.size() && i < kShown; ++i)
    {
        text += (i == 0 ? "" : ", ") + estate.Machines()[machines[i]].name;
    }
    if (machines.size() > kShown)
    {
        text += ", ... (" + std::to_string(machines.size()) + ")";
    }
    return text;
}

std::string
Techniques(const std::vector<core::LateralTechnique>& techniques)
{
    std::string text;
    for (auto t : techniques)
    {
        text += (text.empty() ? "" : ", ") + core::LateralTechniqueName(t);
    }
    return text;
}

std::string
C2EgressName(core::C2Egress egress)
{
    switch (egress)
    {
    case core::C2Egress::Phished:
        return "phished";
    case core::C2Egress::Every:
        return "every";
    case core::C2Egress::None:
        return "none";
    }
    return "phished";
}

} // namespace

std::vector<ParameterRow>
ParameterRows(const core::Scenario& scenario)
{
    const core::Estate& estate = scenario.GetEstate();
    const core::AttackParameters& a = scenario.Attack();
    const core::DefenceParameters& d = scenario.Defence();
    std::string via = a.exfiltrationDirect ? "direct" : "-";
    if (!a.exfiltrationDirect && a.exfiltrationVia != core::kNone)
    {
        via = estate.Machines()[a.exfiltrationVia].name;
    }
    else if (!a.exfiltrationDirect)
    {
        for (const auto& machine : estate.Machines())
        {
            const auto& names = machine.listens.written;
            if (std::find(names.begin(), names.end(), "proxy") != names.end())
            {
                via = machine.name;
                break;
            }
        }
    }
    std::string to = a.exfiltrationTo == core::kNone
                         ? (estate.Externals().empty() ? "-" : estate.Externals()[0].name)
                         : estate.Externals()[a.exfiltrationTo].name;
    using core::FormatDuration;
    std::vector<ParameterRow> rows = {
        {"attack: profile", core::AttackProfileName(a.profile), "brochure; WannaCry", false},
        {"attack: sample", core::SampleKindName(a.sample), "brochure's premise", false},
        {"attack: initial_access: targets",
         MachineNames(estate, a.initialAccess.targets, "every desktop"), "spec section 2", false},
        {"attack: initial_access: mails / opened",
         std::to_string(a.initialAccess.mails) + " / " + std::to_string(a.initialAccess.opened),
         "JPS 2015: 124 mails, 5 opened", false},
        {"attack: initial_access: window", FormatDuration(a.initialAccess.window_s),
         "JPS 2015: 12 days", false},
        {"attack: breakout", FormatDuration(a.breakout_s), "CrowdStrike Global Threat Report 2023",
         false},
        {"attack: lateral: techniques", Techniques(a.lateral.techniques),
         "ATT&CK T1021.002, T1210, T1021.001, T1021.006", false},
        {"attack: lateral: attempt_interval", FormatDuration(a.lateral.attemptInterval_s), "",
         true},
        {"attack: lateral: exploit_success", Probability(a.lateral.exploitSuccess), "ATT&CK T1210",
         true},
        {"attack: lateral: credential_success", Probability(a.lateral.credentialSuccess),
         "ATT&CK T1550.002", true},
        {"attack: lateral: infection_delay", FormatDuration(a.lateral.infectionDelay_s), "", true},
        {"attack: lateral: tool_bytes", FormatBytes(static_cast<double>(a.lateral.toolBytes)),
         "ATT&CK T1570", true},
        {"attack: worm: scan", core::WormTargetingName(a.worm.targeting),
         "WannaCry (subnet-first); Staniford, Paxson, Weaver 2002 (random)", false},
        {"attack: worm: scans_per_second", Probability(a.worm.scansPerSecond),
         "Staniford, Paxson, Weaver 2002", false},
        {"attack: worm: exploit_success", Probability(a.worm.exploitSuccess), "WannaCry", true},
        {"attack: credential_theft", Probability(a.credentialTheft), "ATT&CK T1550.002", true},
        {"attack: disable_host_firewall",
         Probability(a.disableHostFirewallProbability) + ", " +
             FormatDuration(a.disableHostFirewallDelay_s),
         "ATT&CK T1562.004", true},
        {"attack: crown_jewels", MachineNames(estate, a.crownJewels, "every machine with holds:"),
         "brochure; JPS 2015", false},
        {"attack: exfiltration: to / via / port",
         to + " / " + via + " / " + std::to_string(a.exfiltrationPort),
         "JPS 2015 (proxy logs, NISC); ATT&CK T1041", false},
        {"attack: exfiltration: rate", FormatBytes(a.exfiltrationRate_Bps) + "/s", "", true},
        {"attack: c2", FormatDuration(a.beaconInterval_s) + ", " + C2EgressName(a.c2Egress),
         "ATT&CK T1071.001, T1090.001", true},
        {"defence: av: detect_new", Probability(d.avDetectNew), "Lastline / VirusTotal (day 0)",
         false},
        {"defence: av: detect_known", Probability(d.avDetectKnown), "AV-TEST", false},
        {"defence: av: delay", FormatDuration(d.avDelay_s), "", true},
        {"defence: av: removes", d.avRemoves ? "true" : "false",
         "NSX partner AV/EDR quarantine chain", true},
        {"defence: monitoring: detect", Probability(d.monitoringDetect), "brochure", true},
        {"defence: quarantine: tag", d.quarantineTag, "NSX partner AV/EDR chain", false},
        {"defence: quarantine: reaction_delay", FormatDuration(d.quarantineReaction_s),
         "NSX partner AV/EDR chain", true},
    };
    if (a.profile != core::AttackProfile::Worm)
    {
        rows.erase(std::remove_if(rows.begin(), rows.end(),
                                  [](const ParameterRow& row)
                                  { return row.key.rfind("attack: worm:", 0) == 0; }),
                   rows.end());
    }
    return rows;
}

} // namespace reports
} // namespace segproof
