// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#include "policy-reader.h"

#include "core/attack-model.h"
#include "core/limits.h"
#include "core/name-suggestion.h"

#include <algorithm>
#include <map>

namespace segproof
{
namespace formats
{

namespace
{

const std::vector<std::string> kFirewallNames = {"dfw", "gateway", "perimeter", "host"};

std::optional<core::Action>
ReadAction(const YAML::Node& map, const std::string& key, YamlContext& context)
{
    auto text = context.String(map, key);
    if (!text)
    {
        return std::nullopt;
    }
    if (*text == "allow")
    {
        return core::Action::Allow;
    }
    if (*text == "drop")
    {
        return core::Action::Drop;
    }
    if (*text == "reject")
    {
        return core::Action::Reject;
    }
    // Other firewalls' words for the same actions (Cisco, iptables, NSX spell them so).
    static const std::map<std::string, std::string> synonyms = {
        {"deny", "drop"},    {"block", "drop"},   {"discard", "drop"},
        {"permit", "allow"}, {"accept", "allow"}, {"pass", "allow"},
        {"DROP", "drop"},    {"ALLOW", "allow"},  {"REJECT", "reject"}};
    auto synonym = synonyms.find(*text);
    std::string hint = synonym != synonyms.end()
                           ? "; did you mean '" + synonym->second + "'?"
                           : core::DidYouMean(*text, {"allow", "drop", "reject"});
    context.Error(map[key],
                  "'" + key + "' must be allow, drop or reject, got '" + *text + "'" + hint);
    return std::nullopt;
}

std::optional<core::Direction>
ReadDirection(const YAML::Node& map, YamlContext& context)
{
    auto text = context.String(map, "direction");
    if (!text)
    {
        return std::nullopt;
    }
    if (*text == "in")
    {
        return core::Direction::In;
    }
    if (*text == "out")
    {
        return core::Direction::Out;
    }
    if (*text == "in_out")
    {
        return core::Direction::InOut;
    }
    context.Error(map["direction"], "'direction' must be in, out or in_out, got '" + *text + "'" +
                                        core::DidYouMean(*text, {"in", "out", "in_out"}));
    return std::nullopt;
}

std::optional<core::IdsMode>
ReadIdsMode(const YAML::Node& map, YamlContext& context)
{
    auto text = context.String(map, "ids");
    if (!text)
    {
        return std::nullopt;
    }
    for (auto mode : {core::IdsMode::Detect, core::IdsMode::Prevent, core::IdsMode::Off})
    {
        if (*text == core::IdsModeName(mode))
        {
            return mode;
        }
    }
    context.Error(map["ids"], "'ids' must be detect, prevent or off, got '" + *text + "'" +
                                  core::DidYouMean(*text, {"detect", "prevent", "off"}));
    return std::nullopt;
}

/// `quarantine: true | false | [sources]` of a posture's long form; true for the list form.
bool
ReadPostureQuarantine(const YAML::Node& map, const std::string& what, core::Posture& posture,
                      YamlContext& context)
{
    const YAML::Node node = map["quarantine"];
    if (!node)
    {
        return false;
    }
    if (node.IsScalar())
    {
        posture.quarantine = context.Boolean(map, "quarantine").value_or(false);
        posture.quarantineOn.fill(posture.quarantine);
        return false;
    }
    std::vector<std::string> names;
    for (auto source : core::kAllAlertSources)
    {
        names.push_back(core::AlertSourceName(source));
    }
    for (const auto& item : context.ScalarOrList(node, "'quarantine' of " + what))
    {
        const std::string& name = item.Scalar();
        auto known = std::find(names.begin(), names.end(), name);
        if (known == names.end())
        {
            context.Error(item, "unknown alert source '" + name + "' in the 'quarantine' of " +
                                    what + core::DidYouMean(name, names) +
                                    " (sources are av, monitoring, ids, pattern)");
            continue;
        }
        posture.quarantine = true;
        posture.quarantineOn[static_cast<std::size_t>(known - names.begin())] = true;
    }
    return true;
}

std::optional<core::Rule>
ReadRule(const YAML::Node& item, core::FirewallKind kind, NameTables& names, YamlContext& context)
{
    bool onMachines = kind == core::FirewallKind::Dfw || kind == core::FirewallKind::Host;
    const std::vector<std::string> keys = {"id",     "from",        "to",         "service",
                                           "action", "direction",   "applied_to", "disabled",
                                           "logged", "description", "idfw"};
    const std::string what = "a " + core::FirewallKindName(kind) + " rule";
    if (!onMachines && item.IsMap() && item["applied_to"])
    {
        context.Error(item["applied_to"],
                      "applied_to has no meaning on the " + core::FirewallKindName(kind) +
                          " firewall: it is one device, not a firewall at each vNIC");
    }
    if (!context.CheckMap(item, what, keys) ||
        !context.Require(item, what, {"id", "from", "to", "service", "action"}))
    {
        return std::nullopt;
    }
    core::Rule rule;
    auto id = context.String(item, "id");
    if (id && id->empty())
    {
        context.Error(item["id"], "a rule id must not be empty");
    }
    rule.id = id.value_or("");
    rule.location = context.Location(item);
    rule.from = kind == core::FirewallKind::Dfw ? names.ResolveRuleSource(item["from"], "'from'")
                                                : names.ResolveAddresses(item["from"], "'from'");
    rule.to = names.ResolveAddresses(item["to"], "'to'");
    rule.service = names.ResolveServices(item["service"], "'service'");
    rule.action = ReadAction(item, "action", context).value_or(core::Action::Drop);
    rule.direction = ReadDirection(item, context).value_or(core::Direction::InOut);
    rule.disabled = context.Boolean(item, "disabled").value_or(false);
    rule.logged = context.Boolean(item, "logged").value_or(false);
    if (context.Boolean(item, "idfw").value_or(false))
    {
        // In force only while the identity firewall is on: its sources wait there.
        if (kind != core::FirewallKind::Dfw)
        {
            context.Error(item["idfw"], "'idfw' marks a rule of the identity-based policy, which "
                                        "only the DFW enforces");
        }
        rule.from.idfwAddresses = rule.from.addresses;
        rule.from.addresses = core::AddressSet();
        if (rule.from.idfwAddresses.IsEmpty() && rule.from.adGroups.empty())
        {
            context.Error(item["idfw"], "rule '" + rule.id + "' has 'idfw: true' but no source");
        }
    }
    if (item["applied_to"] && onMachines)
    {
        rule.appliedTo = names.ResolveGroups(item["applied_to"], "'applied_to'");
    }
    if (!id || id->empty())
    {
        return std::nullopt; // reported above; without an id it cannot be checked for duplicates
    }
    return rule;
}

std::optional<core::Firewall>
ReadFirewall(const YAML::Node& node, core::FirewallKind kind, NameTables& names,
             YamlContext& context, const NsxLoader& loadNsx)
{
    const std::string what = "firewall '" + core::FirewallKindName(kind) + "'";
    core::Firewall firewall;
    firewall.kind = kind;
    firewall.location = context.Location(node);
    if (kind == core::FirewallKind::Host)
    {
        if (!context.CheckMap(node, what, {"applies_to", "default_in", "default_out", "rules"}) ||
            !context.Require(node, what, {"applies_to", "default_in", "default_out"}))
        {
            return std::nullopt;
        }
        firewall.appliesTo = names.ResolveGroups(node["applies_to"], "'applies_to'");
        firewall.defaultIn = ReadAction(node, "default_in", context).value_or(core::Action::Drop);
        firewall.defaultOut = ReadAction(node, "default_out", context).value_or(core::Action::Drop);
    }
    else
    {
        std::vector<std::string> keys = {"default", "rules"};
        keys.push_back("nsx"); // dfw: the DFW; gateway, perimeter: the gateway policies
        if (!context.CheckMap(node, what, keys))
        {
            return std::nullopt;
        }
        if (node["nsx"])
        {
            if (node["rules"] || node["default"])
            {
                context.Error(node[node["rules"] ? "rules" : "default"],
                              "'nsx' imports the firewall's rules and default from the export; "
                              "do not give '" +
                                  std::string(node["rules"] ? "rules" : "default") + "' beside it");
                return std::nullopt;
            }
            return loadNsx(node["nsx"], kind);
        }
        if (!context.Require(node, what, {"default"}))
        {
            return std::nullopt;
        }
        firewall.defaultIn = ReadAction(node, "default", context).value_or(core::Action::Drop);
        firewall.defaultOut = firewall.defaultIn;
    }
    YAML::Node rules = node["rules"];
    if (!rules)
    {
        return firewall;
    }
    if (!rules.IsSequence())
    {
        context.Error(rules, "'rules' must be a list, got " + YamlKindName(rules));
        return firewall;
    }
    if (rules.size() > core::Limits::kMaxRulesPerFirewall)
    {
        context.Error(rules, what + " has " + std::to_string(rules.size()) + " rules, more than " +
                                 std::to_string(core::Limits::kMaxRulesPerFirewall) +
                                 " (the limit; see docs/limits.md)");
        return firewall;
    }
    std::map<std::string, core::SourceLocation> ids;
    for (const auto& item : rules)
    {
        auto rule = ReadRule(item, kind, names, context);
        if (!rule)
        {
            continue;
        }
        auto [it, inserted] = ids.emplace(rule->id, rule->location);
        if (!inserted)
        {
            context.Error(item["id"], "duplicate rule id '" + rule->id + "' in " + what +
                                          " (first at " + it->second.ToString() + ")");
            continue;
        }
        firewall.rules.push_back(std::move(*rule));
    }
    return firewall;
}

} // namespace

std::array<std::optional<core::Firewall>, 4>
ReadFirewalls(const YAML::Node& node, NameTables& names, YamlContext& context,
              const NsxLoader& loadNsx)
{
    std::array<std::optional<core::Firewall>, 4> firewalls;
    if (!node || !context.CheckMap(node, "'firewalls'", kFirewallNames))
    {
        return firewalls;
    }
    for (auto kind : core::kAllFirewallKinds)
    {
        YAML::Node body = node[core::FirewallKindName(kind)];
        if (body)
        {
            firewalls[static_cast<std::size_t>(kind)] =
                ReadFirewall(body, kind, names, context, loadNsx);
        }
    }
    return firewalls;
}

std::vector<core::Posture>
ReadPostures(const YAML::Node& node, const std::array<std::optional<core::Firewall>, 4>& firewalls,
             YamlContext& context)
{
    std::vector<core::Posture> postures;
    if (!node)
    {
        return postures;
    }
    if (!context.CheckNameMap(node, "'postures'") && !node.IsMap())
    {
        return postures;
    }
    std::map<std::string, bool> seen;
    for (const auto& entry : node)
    {
        if (!entry.first.IsScalar() || !seen.emplace(entry.first.Scalar(), true).second)
        {
            continue; // reported by CheckNameMap
        }
        core::Posture posture;
        posture.name = entry.first.Scalar();
        posture.location = context.Location(entry.first);
        const std::string what = "posture '" + posture.name + "'";
        // The long form is {firewalls: [...], quarantine: B, pattern: B, ids: MODE}. (Never
        // assign one YAML::Node to another: yaml-cpp's operator= rewrites the node it referred to.)
        const bool longForm = entry.second.IsMap();
        if (longForm && (!context.CheckMap(entry.second, what,
                                           {"firewalls", "quarantine", "pattern", "ids", "idfw"}) ||
                         !context.Require(entry.second, what, {"firewalls"})))
        {
            continue;
        }
        const YAML::Node list = longForm ? entry.second["firewalls"] : entry.second;
        bool listed = false; ///< `quarantine` names its alert sources
        if (longForm)
        {
            listed = ReadPostureQuarantine(entry.second, what, posture, context);
            posture.pattern = context.Boolean(entry.second, "pattern").value_or(false);
            posture.ids = ReadIdsMode(entry.second, context).value_or(core::IdsMode::Off);
            posture.idfw = context.Boolean(entry.second, "idfw").value_or(false);
        }
        if (list.IsScalar() || !(list.IsSequence() || list.IsNull()))
        {
            context.Error(list, what + " must be a list of firewalls ([dfw, gateway, perimeter, "
                                       "host]) or {firewalls: [...], quarantine: true | [av, "
                                       "monitoring, ids, pattern], pattern: true, ids: "
                                       "detect|prevent|off, idfw: true}");
            continue;
        }
        for (const auto& item : context.ScalarOrList(list, what))
        {
            const std::string& name = item.Scalar();
            bool known = false;
            for (auto kind : core::kAllFirewallKinds)
            {
                if (core::FirewallKindName(kind) != name)
                {
                    continue;
                }
                known = true;
                if (!firewalls[static_cast<std::size_t>(kind)])
                {
                    context.Error(item, what + " puts '" + name +
                                            "' in force, but 'firewalls' does not define it");
                }
                posture.inForce[static_cast<std::size_t>(kind)] = true;
            }
            if (!known)
            {
                context.Error(item, "unknown firewall '" + name + "' in " + what +
                                        core::DidYouMean(name, kFirewallNames) +
                                        " (firewalls are dfw, gateway, perimeter, host)");
            }
        }
        if (posture.quarantine && !posture.Has(core::FirewallKind::Dfw))
        {
            context.Error(entry.first, what + " asks for quarantine, which the DFW enforces, "
                                              "but does not put 'dfw' in force");
        }
        const auto on = [&posture](core::AlertSource source)
        { return posture.quarantineOn[static_cast<std::size_t>(source)]; };
        if (listed && on(core::AlertSource::Pattern) && !posture.pattern)
        {
            context.Error(entry.second["quarantine"],
                          what + " quarantines on pattern alerts, but has no 'pattern: true'");
        }
        if (listed && on(core::AlertSource::Ids) && posture.ids == core::IdsMode::Off)
        {
            context.Error(entry.second["quarantine"],
                          what + " quarantines on IDS alerts, but has no 'ids: detect' or "
                                 "'ids: prevent'");
        }
        if (posture.pattern && !posture.Has(core::FirewallKind::Dfw))
        {
            context.Error(entry.first, what + " asks for the blocked-attempt pattern, which "
                                              "watches the DFW's blocks, but does not put 'dfw' "
                                              "in force");
        }
        if (posture.ids != core::IdsMode::Off && !posture.Has(core::FirewallKind::Dfw))
        {
            context.Error(entry.first, what + " asks for ids: " + core::IdsModeName(posture.ids) +
                                           ", which the DFW's vNICs run, but does not put 'dfw' "
                                           "in force");
        }
        if (posture.idfw && !posture.Has(core::FirewallKind::Dfw))
        {
            context.Error(entry.first, what + " switches the identity firewall on, which "
                                              "matches at the DFW's vNICs, but does not put "
                                              "'dfw' in force");
        }
        postures.push_back(posture);
    }
    return postures;
}

std::vector<core::Intent>
ReadIntents(const YAML::Node& node, NameTables& names, YamlContext& context)
{
    std::vector<core::Intent> intents;
    if (!node)
    {
        return intents;
    }
    if (!node.IsSequence())
    {
        context.Error(node, "'intents' must be a list, got " + YamlKindName(node));
        return intents;
    }
    if (node.size() > core::Limits::kMaxIntents)
    {
        context.Error(node, "'intents' lists " + std::to_string(node.size()) +
                                " intents, more than " + std::to_string(core::Limits::kMaxIntents) +
                                " (the limit; see docs/limits.md)");
        return intents;
    }
    std::map<std::string, core::SourceLocation> ids;
    for (const auto& item : node)
    {
        if (!context.CheckMap(
                item, "an intent",
                {"id", "deny", "allow", "only", "assume_compromised", "description"}) ||
            !context.Require(item, "an intent", {"id"}))
        {
            continue;
        }
        core::Intent intent;
        auto id = context.String(item, "id");
        if (id && id->empty())
        {
            context.Error(item["id"], "an intent id must not be empty");
        }
        intent.id = id.value_or("");
        intent.location = context.Location(item);
        std::vector<std::pair<std::string, core::IntentKind>> kinds = {
            {"deny", core::IntentKind::Deny},
            {"allow", core::IntentKind::Allow},
            {"only", core::IntentKind::Only}};
        std::vector<std::string> present;
        for (const auto& [key, kind] : kinds)
        {
            if (item[key])
            {
                present.push_back(key);
                intent.kind = kind;
            }
        }
        if (present.size() != 1)
        {
            context.Error(item, "intent '" + intent.id + "' " +
                                    (present.empty()
                                         ? "needs one of deny, allow, only"
                                         : "has both '" + present[0] + "' and '" + present[1] +
                                               "'; an intent states exactly one of "
                                               "deny, allow, only"));
            continue;
        }
        YAML::Node body = item[present[0]];
        const std::string what = "intent '" + intent.id + "'";
        if (!context.CheckMap(body, what, {"from", "from_users", "to", "service"}) ||
            !context.Require(body, what, {"to", "service"}))
        {
            continue;
        }
        if (body["from"].IsDefined() == body["from_users"].IsDefined())
        {
            context.Error(body, what + " needs exactly one of 'from' (addresses) and "
                                       "'from_users' (AD groups: the desktops their members "
                                       "sit at)");
            continue;
        }
        if (body["from_users"])
        {
            intent.fromUsers = names.ResolveAdGroups(body["from_users"], "'from_users'");
            for (const auto& name : context.ScalarOrList(body["from_users"], "'from_users'"))
            {
                intent.from.written.push_back("users of " + name.Scalar());
            }
        }
        else
        {
            intent.from = names.ResolveAddresses(body["from"], "'from'");
        }
        intent.to = names.ResolveAddresses(body["to"], "'to'");
        intent.service = names.ResolveServices(body["service"], "'service'");
        if (item["assume_compromised"])
        {
            intent.assumeCompromised =
                names.ResolveGroups(item["assume_compromised"], "'assume_compromised'");
        }
        if (!id || id->empty())
        {
            continue; // reported above
        }
        auto [it, inserted] = ids.emplace(intent.id, intent.location);
        if (!inserted)
        {
            context.Error(item["id"], "duplicate intent id '" + intent.id + "' (first at " +
                                          it->second.ToString() + ")");
            continue;
        }
        intents.push_back(std::move(intent));
    }
    return intents;
}

} // namespace formats
} // namespace segproof
