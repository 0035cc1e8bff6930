// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#include "attack-reader.h"

#include "bracket-range.h"
#include "core/limits.h"
#include "core/name-suggestion.h"
#include "core/units.h"
#include "parameter-reader.h"

#include <algorithm>
#include <unordered_map>
#include <utility>

namespace segproof
{
namespace formats
{

namespace
{

const std::vector<std::pair<std::string, core::LateralTechnique>> kTechniques = {
    {"smb", core::LateralTechnique::Smb},
    {"rdp", core::LateralTechnique::Rdp},
    {"winrm", core::LateralTechnique::WinRm},
};

class AttackReader
{
public:
    AttackReader(const core::Estate& estate, const std::vector<core::Group>& groups,
                 YamlContext& context)
        : m_estate(estate), m_groups(groups), m_context(context), m_values(context)
    {
    }

    core::AttackParameters Read(const YAML::Node& node)
    {
        core::AttackParameters attack;
        attack.location = core::SourceLocation{m_context.File(), 0, 0};
        if (!node)
        {
            return attack;
        }
        attack.given = true;
        attack.location = m_context.Location(node);
        if (!m_context.CheckMap(node, "'attack'",
                                {"profile", "sample", "initial_access", "breakout", "lateral",
                                 "worm", "credential_theft", "disable_host_firewall",
                                 "crown_jewels", "exfiltration", "c2"}) &&
            !node.IsMap())
        {
            return attack;
        }
        m_values.Choice<core::AttackProfile>(
            node, "profile",
            {{"targeted", core::AttackProfile::Targeted}, {"worm", core::AttackProfile::Worm}},
            attack.profile);
        m_values.Choice<core::SampleKind>(
            node, "sample", {{"new", core::SampleKind::New}, {"known", core::SampleKind::Known}},
            attack.sample);
        ReadInitialAccess(node, attack.initialAccess);
        m_values.Duration(node, "breakout", attack.breakout_s);
        ReadLateral(node, attack.lateral);
        if (YAML::Node worm =
                m_values.Section(node, "worm", {"scan", "scans_per_second", "exploit_success"}))
        {
            m_values.Choice<core::WormTargeting>(
                worm, "scan",
                {{"subnet-first", core::WormTargeting::SubnetFirst},
                 {"random", core::WormTargeting::Random}},
                attack.worm.targeting);
            m_values.Positive(worm, "scans_per_second", core::Limits::kMaxScansPerSecond,
                              attack.worm.scansPerSecond);
            m_values.Probability(worm, "exploit_success", attack.worm.exploitSuccess);
        }
        m_values.Probability(node, "credential_theft", attack.credentialTheft);
        if (YAML::Node off =
                m_values.Section(node, "disable_host_firewall", {"probability", "delay"}))
        {
            m_values.Probability(off, "probability", attack.disableHostFirewallProbability);
            m_values.Duration(off, "delay", attack.disableHostFirewallDelay_s);
        }
        if (node["crown_jewels"])
        {
            attack.crownJewels = Machines(node, "crown_jewels").value_or(attack.crownJewels);
        }
        ReadExfiltration(node, attack);
        if (YAML::Node c2 = m_values.Section(node, "c2", {"beacon_interval", "egress"}))
        {
            m_values.Duration(c2, "beacon_interval", attack.beaconInterval_s, true);
            m_values.Choice<core::C2Egress>(c2, "egress",
                                            {{"phished", core::C2Egress::Phished},
                                             {"every", core::C2Egress::Every},
                                             {"none", core::C2Egress::None}},
                                            attack.c2Egress);
        }
        return attack;
    }

private:
    void ReadInitialAccess(const YAML::Node& map, core::InitialAccess& access)
    {
        YAML::Node node =
            m_values.Section(map, "initial_access", {"targets", "mails", "opened", "window"});
        if (!node)
        {
            return;
        }
        bool targetsRead = true;
        if (node["targets"])
        {
            auto targets = Machines(node, "targets");
            targetsRead = targets.has_value();
            access.targets = targets.value_or(access.targets);
        }
        auto mails = m_context.Integer(node, "mails", 1, core::Limits::kMaxMails);
        auto opened = m_context.Integer(node, "opened", 1, core::Limits::kMaxMails);
        access.mails = static_cast<int>(mails.value_or(access.mails));
        if (opened && *opened > access.mails && (mails || !node["mails"]))
        {
            m_context.Error(node["opened"], "'opened' is " + std::to_string(*opened) +
                                                ", more than 'mails' (" +
                                                std::to_string(access.mails) +
                                                (mails ? "" : " when not given") + ")");
        }
        else if (opened && targetsRead && node["targets"] &&
                 static_cast<std::size_t>(*opened) > access.targets.size())
        {
            m_context.Error(node["opened"],
                            "'opened' is " + std::to_string(*opened) + ", more than the " +
                                Count(access.targets.size(), "machine") + " 'targets' selects");
        }
        else if (opened && !node["targets"] && m_context.Clean() &&
                 static_cast<std::size_t>(*opened) > CountDesktops())
        {
            // Without `targets` every desktop receives the mail. Only checked on an estate
            // read without errors: machines missing for another reason would mislead here.
            m_context.Error(node["opened"], "'opened' is " + std::to_string(*opened) +
                                                ", more than the " +
                                                Count(CountDesktops(), "desktop") +
                                                " of the estate (the targets when "
                                                "'targets' is not given)");
        }
        else if (opened)
        {
            access.opened = static_cast<int>(*opened);
        }
        m_values.Duration(node, "window", access.window_s);
    }

    void ReadLateral(const YAML::Node& map, core::LateralMovement& lateral)
    {
        YAML::Node node = m_values.Section(map, "lateral",
                                           {"techniques", "attempt_interval", "exploit_success",
                                            "credential_success", "infection_delay", "tool_bytes"});
        if (!node)
        {
            return;
        }
        ReadTechniques(node, lateral.techniques);
        m_values.Duration(node, "attempt_interval", lateral.attemptInterval_s, true);
        m_values.Probability(node, "exploit_success", lateral.exploitSuccess);
        m_values.Probability(node, "credential_success", lateral.credentialSuccess);
        m_values.Duration(node, "infection_delay", lateral.infectionDelay_s);
        m_values.Size(node, "tool_bytes", lateral.toolBytes);
    }

    void ReadTechniques(const YAML::Node& map, std::vector<core::LateralTechnique>& out)
    {
        YAML::Node node = map["techniques"];
        if (!node)
        {
            return;
        }
        std::vector<std::string> names;
        for (const auto& [name, technique] : kTechniques)
        {
            names.push_back(name);
        }
        if (node.IsSequence() && node.size() == 0)
        {
            m_context.Error(node, "'techniques' must name at least one of " +
                                      ParameterReader::OneOf(names));
            return;
        }
        std::vector<YAML::Node> items = m_context.ScalarOrList(node, "'techniques'");
        bool ok = node.IsScalar() || (node.IsSequence() && items.size() == node.size());
        std::vector<core::LateralTechnique> techniques;
        for (const auto& item : items)
        {
            const std::string& name = item.Scalar();
            auto known = std::find_if(kTechniques.begin(), kTechniques.end(),
                                      [&name](const auto& entry) { return entry.first == name; });
            if (known == kTechniques.end())
            {
                std::string hint = core::DidYouMean(name, names);
                m_context.Error(item, "unknown technique '" + name + "'" +
                                          (hint.empty()
                                               ? " (expected " + ParameterReader::OneOf(names) + ")"
                                               : hint));
                ok = false;
            }
            else if (std::find(techniques.begin(), techniques.end(), known->second) !=
                     techniques.end())
            {
                m_context.Error(item, "technique '" + name + "' is listed twice");
                ok = false;
            }
            else
            {
                techniques.push_back(known->second);
            }
        }
        if (ok)
        {
            out = techniques;
        }
    }

    void ReadExfiltration(const YAML::Node& map, core::AttackParameters& attack)
    {
        YAML::Node node = m_values.Section(map, "exfiltration", {"to", "via", "port", "rate"});
        if (!node)
        {
            return;
        }
        if (auto to = m_context.String(node, "to"))
        {
            core::Index external = m_estate.FindExternal(*to);
            if (external != core::kNone)
            {
                attack.exfiltrationTo = external;
            }
            else if (m_estate.FindMachine(*to) != core::kNone)
            {
                m_context.Error(node["to"], "'to' must name an external address (estate: "
                                            "external), and '" +
                                                *to + "' is a machine of the estate");
            }
            else
            {
                std::vector<std::string> names;
                for (const auto& e : m_estate.Externals())
                {
                    names.push_back(e.name);
                }
                m_context.Error(node["to"],
                                "unknown external address '" + *to + "'" +
                                    (names.empty() ? " (the estate defines none under 'external')"
                                                   : core::DidYouMean(*to, names)));
            }
        }
        if (auto via = m_context.String(node, "via"))
        {
            core::Index machine = m_estate.FindMachine(*via);
            if (*via == "direct")
            {
                attack.exfiltrationDirect = true;
                attack.exfiltrationVia = core::kNone;
            }
            else if (machine != core::kNone)
            {
                attack.exfiltrationVia = machine;
            }
            else
            {
                m_context.Error(node["via"], "unknown machine '" + *via +
                                                 "' ('via' takes a machine or 'direct')" +
                                                 core::DidYouMean(*via, MachineNames()));
            }
        }
        if (auto port = m_context.Integer(node, "port", 1, 65535))
        {
            attack.exfiltrationPort = static_cast<std::uint16_t>(*port);
        }
        m_values.Rate(node, "rate", attack.exfiltrationRate_Bps);
    }

    /// The machines `map[key]` names: groups (their member machines) and machine names
    /// (bracket ranges allowed), alone or in a list; sorted, without repeats. nullopt when a
    /// name is wrong or nothing is selected (reported).
    std::optional<std::vector<core::Index>> Machines(const YAML::Node& map, const std::string& key)
    {
        YAML::Node node = map[key];
        std::vector<YAML::Node> items = m_context.ScalarOrList(node, "'" + key + "'");
        bool ok = node.IsScalar() || (node.IsSequence() && items.size() == node.size());
        std::vector<core::Index> machines;
        for (const auto& item : items)
        {
            ok = Resolve(item, key, machines) && ok;
        }
        if (!ok)
        {
            return std::nullopt;
        }
        std::sort(machines.begin(), machines.end());
        machines.erase(std::unique(machines.begin(), machines.end()), machines.end());
        if (machines.empty())
        {
            m_context.Error(node, "'" + key + "' selects no machine");
            return std::nullopt;
        }
        return machines;
    }

    /// Adds the machines one name stands for: a group's members (machines whose address is in
    /// the group), else the machines of a name or bracket range.
    bool Resolve(const YAML::Node& item, const std::string& key, std::vector<core::Index>& machines)
    {
        const std::string& name = item.Scalar();
        const core::Group* group = FindGroup(name);
        if (group != nullptr || name == "any")
        {
            const auto& all = m_estate.Machines();
            m_context.Count(all.size(), item); // every machine is looked at
            for (core::Index m = 0; m < static_cast<core::Index>(all.size()); ++m)
            {
                if (group == nullptr || group->addresses.Contains(all[m].ip))
                {
                    machines.push_back(m);
                }
            }
            return true;
        }
        BracketExpansion expansion = ExpandBracketRange(name, core::Limits::kMaxRangeExpansion);
        if (!expansion.error.empty())
        {
            m_context.Error(item, expansion.error);
            return false;
        }
        m_context.Count(expansion.names.size(), item);
        for (const auto& each : expansion.names)
        {
            core::Index m = m_estate.FindMachine(each);
            if (m != core::kNone)
            {
                machines.push_back(m);
                continue;
            }
            if (m_estate.FindExternal(each) != core::kNone)
            {
                m_context.Error(item, "'" + key + "' takes machines and groups, and '" + each +
                                          "' is an external address");
                return false;
            }
            std::vector<std::string> candidates = MachineNames();
            for (const auto& g : m_groups)
            {
                candidates.push_back(g.name);
            }
            m_context.Error(item, "unknown group or machine '" + each + "'" +
                                      core::DidYouMean(each, candidates));
            return false;
        }
        return true;
    }

    const core::Group* FindGroup(const std::string& name)
    {
        if (m_groupByName.empty())
        {
            for (const auto& g : m_groups)
            {
                m_groupByName.emplace(g.name, &g);
            }
        }
        auto it = m_groupByName.find(name);
        return it == m_groupByName.end() ? nullptr : it->second;
    }

    std::vector<std::string> MachineNames() const
    {
        std::vector<std::string> names;
        for (const auto& m : m_estate.Machines())
        {
            names.push_back(m.name);
        }
        return names;
    }

    /// "1 machine", "3 machines".
    static std::string Count(std::size_t n, const std::string& noun)
    {
        return std::to_string(n) + " " + noun + (n == 1 ? "" : "s");
    }

    std::size_t CountDesktops() const
    {
        return static_cast<std::size_t>(std::count_if(
            m_estate.Machines().begin(), m_estate.Machines().end(),
            [](const core::Machine& m) { return m.kind == core::MachineKind::Desktop; }));
    }

    const core::Estate& m_estate;
    const std::vector<core::Group>& m_groups;
    YamlContext& m_context;
    ParameterReader m_values;
    std::unordered_map<std::string, const core::Group*> m_groupByName;
};

/// The largest `defence: pattern: threshold` accepted: a bound on the input that keeps the count
/// within the detector's 32-bit threshold, far above any sourced value.
constexpr std::int64_t kMaxPatternThreshold = 1000000;

/// `map[key]`: a probability per IDS signature (`smb_exploit: 0.9`, ...), each optional.
void
ReadIdsRates(const YAML::Node& map, const std::string& key, ParameterReader& values,
             core::IdsRates& rates)
{
    std::vector<std::string> names;
    for (auto signature : core::kAllIdsSignatures)
    {
        names.push_back(core::IdsSignatureName(signature));
    }
    YAML::Node node = values.Section(map, key, names);
    if (!node)
    {
        return;
    }
    for (auto signature : core::kAllIdsSignatures)
    {
        values.Probability(node, core::IdsSignatureName(signature),
                           rates[static_cast<std::size_t>(signature)]);
    }
}

} // namespace

core::AttackParameters
ReadAttack(const YAML::Node& node, const core::Estate& estate,
           const std::vector<core::Group>& groups, YamlContext& context)
{
    return AttackReader(estate, groups, context).Read(node);
}

core::DefenceParameters
ReadDefence(const YAML::Node& node, YamlContext& context)
{
    core::DefenceParameters defence;
    defence.location = core::SourceLocation{context.File(), 0, 0};
    if (!node)
    {
        return defence;
    }
    defence.given = true;
    defence.location = context.Location(node);
    if (!context.CheckMap(node, "'defence'",
                          {"av", "monitoring", "pattern", "ids", "quarantine"}) &&
        !node.IsMap())
    {
        return defence;
    }
    ParameterReader values(context);
    if (YAML::Node av =
            values.Section(node, "av", {"detect_new", "detect_known", "delay", "removes"}))
    {
        values.Probability(av, "detect_new", defence.avDetectNew);
        values.Probability(av, "detect_known", defence.avDetectKnown);
        values.Duration(av, "delay", defence.avDelay_s, true);
        defence.avRemoves = context.Boolean(av, "removes").value_or(defence.avRemoves);
    }
    if (YAML::Node monitoring = values.Section(node, "monitoring", {"detect", "false_alarm"}))
    {
        values.Probability(monitoring, "detect", defence.monitoringDetect);
        values.Probability(monitoring, "false_alarm", defence.monitoringFalseAlarm);
    }
    if (YAML::Node pattern = values.Section(node, "pattern", {"threshold", "window"}))
    {
        if (auto threshold = context.Integer(pattern, "threshold", 1, kMaxPatternThreshold))
        {
            defence.patternThreshold = static_cast<std::uint32_t>(*threshold);
        }
        values.Duration(pattern, "window", defence.patternWindow_s, true);
    }
    if (YAML::Node ids = values.Section(node, "ids", {"known", "new", "false_alarm"}))
    {
        ReadIdsRates(ids, "known", values, defence.idsDetectKnown);
        ReadIdsRates(ids, "new", values, defence.idsDetectNew);
        values.Probability(ids, "false_alarm", defence.idsFalseAlarm);
    }
    if (YAML::Node quarantine = values.Section(node, "quarantine", {"tag", "reaction_delay"}))
    {
        if (auto tag = context.String(quarantine, "tag"))
        {
            auto bar = tag->find('|');
            if (bar == std::string::npos || bar + 1 == tag->size())
            {
                context.Error(quarantine["tag"],
                              "'tag' must be an NSX tag written scope|tag, such as "
                              "virus_found|true, got '" +
                                  *tag + "'");
            }
            else
            {
                defence.quarantineTag = *tag;
            }
        }
        values.Duration(quarantine, "reaction_delay", defence.quarantineReaction_s);
    }
    return defence;
}

core::BenignTrafficParameters
ReadBenign(const YAML::Node& node, YamlContext& context)
{
    core::BenignTrafficParameters benign;
    benign.location = core::SourceLocation{context.File(), 0, 0};
    if (!node)
    {
        return benign;
    }
    benign.given = true;
    benign.location = context.Location(node);
    if (!context.CheckMap(node, "'benign'",
                          {"enabled", "logon_window", "policy_refresh", "policy_offset",
                           "file_share", "web", "mail", "file_bytes", "web_bytes", "mail_bytes"}) &&
        !node.IsMap())
    {
        return benign;
    }
    ParameterReader values(context);
    benign.enabled = context.Boolean(node, "enabled").value_or(benign.enabled);
    values.Duration(node, "logon_window", benign.logonWindow_s);
    values.Duration(node, "policy_refresh", benign.policyRefresh_s);
    values.Duration(node, "policy_offset", benign.policyOffset_s);
    values.Duration(node, "file_share", benign.fileShareInterval_s, true);
    values.Duration(node, "web", benign.webInterval_s, true);
    values.Duration(node, "mail", benign.mailInterval_s, true);
    values.Size(node, "file_bytes", benign.fileBytes);
    values.Size(node, "web_bytes", benign.webBytes);
    values.Size(node, "mail_bytes", benign.mailBytes);
    return benign;
}

} // namespace formats
} // namespace segproof
