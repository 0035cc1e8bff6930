// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#include "nsx-export.h"

#include "nsx-group-writer.h"
#include "nsx-id-allocator.h"
#include "nsx-service-writer.h"

#include <algorithm>
#include <cstdint>
#include <map>
#include <optional>
#include <set>

namespace segproof
{
namespace formats
{

namespace
{

using Json = nlohmann::ordered_json;

const std::string kExcludedPrefix = "any except ";

std::string
NsxAction(core::Action action)
{
    switch (action)
    {
    case core::Action::Allow:
        return "ALLOW";
    case core::Action::Drop:
        return "DROP";
    case core::Action::Reject:
        return "REJECT";
    case core::Action::JumpToApplication:
        return "JUMP_TO_APPLICATION";
    }
    return "DROP";
}

std::string
NsxDirection(core::Direction direction)
{
    switch (direction)
    {
    case core::Direction::In:
        return "IN";
    case core::Direction::Out:
        return "OUT";
    case core::Direction::InOut:
        return "IN_OUT";
    }
    return "IN_OUT";
}

/// A literal address, CIDR or range as written in a rule; nullopt for anything else.
std::optional<core::AddressSet>
ParseLiteral(const std::string& text)
{
    if (text.find('/') != std::string::npos)
    {
        core::CidrParse parsed = core::ParseCidr(text);
        if (!parsed.cidr)
        {
            return std::nullopt;
        }
        return core::AddressSet::FromCidr(*parsed.cidr);
    }
    auto dash = text.find('-');
    if (dash != std::string::npos)
    {
        auto first = core::ParseIpv4(text.substr(0, dash));
        auto last = core::ParseIpv4(text.substr(dash + 1));
        if (!first || !last || *first > *last)
        {
            return std::nullopt;
        }
        core::AddressSet set;
        set.Add(*first, *last);
        return set;
    }
    auto ip = core::ParseIpv4(text);
    if (!ip)
    {
        return std::nullopt;
    }
    return core::AddressSet::Single(*ip);
}

/// The names inside "any except NAME" or "any except (A, B)", as the NSX import writes them.
std::vector<std::string>
ExcludedNames(const std::string& text)
{
    std::string inner = text.substr(kExcludedPrefix.size());
    if (inner.size() < 2 || inner.front() != '(' || inner.back() != ')')
    {
        return {inner};
    }
    inner = inner.substr(1, inner.size() - 2);
    std::vector<std::string> names;
    std::size_t start = 0;
    for (std::size_t comma; (comma = inner.find(", ", start)) != std::string::npos;
         start = comma + 2)
    {
        names.push_back(inner.substr(start, comma - start));
    }
    names.push_back(inner.substr(start));
    return names;
}

Json
Policy(const std::string& id, const std::string& displayName, const std::string& description,
       const std::string& category, std::int64_t sequence, Json rules)
{
    Json children = Json::array();
    for (auto& rule : rules)
    {
        children.push_back(Json{{"resource_type", "ChildRule"}, {"Rule", std::move(rule)}});
    }
    Json policy = {{"resource_type", "SecurityPolicy"},
                   {"id", id},
                   {"display_name", displayName},
                   {"description", description},
                   {"category", category},
                   {"sequence_number", sequence},
                   {"scope", Json::array({"ANY"})},
                   {"stateful", true},
                   {"children", std::move(children)}};
    return Json{{"resource_type", "ChildSecurityPolicy"}, {"SecurityPolicy", std::move(policy)}};
}

/// A rule that matches every connection on the given side(s), everywhere.
Json
CatchAll(const std::string& id, const std::string& displayName, std::int64_t sequence,
         core::Action action, core::Direction direction)
{
    return Json{{"resource_type", "Rule"},
                {"id", id},
                {"display_name", displayName},
                {"sequence_number", sequence},
                {"source_groups", Json::array({"ANY"})},
                {"destination_groups", Json::array({"ANY"})},
                {"services", Json::array({"ANY"})},
                {"scope", Json::array({"ANY"})},
                {"action", NsxAction(action)},
                {"direction", NsxDirection(direction)},
                {"disabled", false}};
}

class NsxExporter
{
public:
    NsxExporter(const core::Scenario& scenario, const NsxExportOptions& options)
        : m_scenario(scenario), m_options(options), m_groups(scenario, m_warnings, m_errors),
          m_services(scenario, m_warnings)
    {
    }

    NsxExport Run()
    {
        const core::Firewall* dfw = m_scenario.FindFirewall(core::FirewallKind::Dfw);
        if (!dfw)
        {
            throw core::InputError(core::SourceLocation{m_scenario.SourceFile(), 0, 0},
                                   "the scenario defines no dfw firewall: there is nothing to "
                                   "export to NSX");
        }
        const std::string description =
            "exported by segproof " + m_options.segproofVersion + " from " + m_options.scenarioFile;
        const bool sameDefault = dfw->defaultIn == dfw->defaultOut;
        if (sameDefault)
        {
            m_ruleIds.Reserve("default-layer3-rule");
        }
        Learn(*dfw);
        m_services.Learn(*dfw);
        for (const auto& tie : dfw->orderTies)
        {
            m_warnings.push_back(
                {tie.location, tie.description +
                                   ": the export numbers the rules in file order (sequence_number "
                                   "10, 20, ...), so NSX follows that one of the orders the "
                                   "source left undefined"});
        }

        // JUMP_TO_APPLICATION exists only in the Environment category: the rules before
        // Application go there, the rest into Application, so a jump lands where it did.
        bool jumps = false;
        for (std::size_t i = 0; i < dfw->rules.size(); ++i)
        {
            if (dfw->rules[i].action != core::Action::JumpToApplication)
            {
                continue;
            }
            jumps = true;
            if (i >= dfw->applicationStart)
            {
                m_errors.Add(dfw->rules[i].location,
                             "cannot write dfw rule " + dfw->rules[i].id +
                                 " for NSX: it jumps to the Application category from inside "
                                 "it, and NSX accepts JUMP_TO_APPLICATION only in the "
                                 "Environment category");
            }
        }
        const std::size_t split = jumps ? std::min(dfw->applicationStart, dfw->rules.size()) : 0;
        Json environment = Json::array();
        Json application = Json::array();
        std::int64_t sequence = 0;
        for (std::size_t i = 0; i < dfw->rules.size(); ++i)
        {
            if (i == split)
            {
                sequence = 0;
            }
            sequence += 10;
            (i < split ? environment : application)
                .push_back(RuleJson(dfw->rules[i], m_ruleIds.Allocate(dfw->rules[i].id), sequence));
        }

        Json policies = Json::array();
        const std::string name = m_scenario.Name();
        std::size_t rules = dfw->rules.size();
        if (!environment.empty())
        {
            policies.push_back(Policy("segproof-dfw-environment", name + " DFW (Environment)",
                                      description, "Environment", 10, std::move(environment)));
        }
        policies.push_back(Policy("segproof-dfw", name + " DFW", description, "Application", 10,
                                  std::move(application)));
        if (sameDefault)
        {
            // NSX's default layer-3 rule: the import takes it as the firewall's default.
            policies.push_back(Policy(
                "default-layer3-section", "Default Layer3 Section", description, "Application", 20,
                Json::array({CatchAll("default-layer3-rule", "Default Layer3 Rule", 10,
                                      dfw->defaultIn, core::Direction::InOut)})));
            ++rules;
        }
        else
        {
            m_warnings.push_back(
                {dfw->location,
                 "the DFW's default differs by direction (in: " + core::ActionName(dfw->defaultIn) +
                     ", out: " + core::ActionName(dfw->defaultOut) +
                     "), and NSX has one default rule: the export ends with two catch-all "
                     "rules, default-in (IN) and default-out (OUT), which decide exactly as "
                     "the defaults do; NSX's own default layer-3 rule is never reached"});
            policies.push_back(Policy(
                "segproof-dfw-defaults", name + " DFW defaults", description, "Application", 20,
                Json::array({CatchAll(m_ruleIds.Allocate("default-in"), "default-in", 10,
                                      dfw->defaultIn, core::Direction::In),
                             CatchAll(m_ruleIds.Allocate("default-out"), "default-out", 20,
                                      dfw->defaultOut, core::Direction::Out)})));
            rules += 2;
        }
        m_errors.ThrowIfAny();

        Json domainChildren = Json::array();
        for (const auto& group : m_groups.Children())
        {
            domainChildren.push_back(group);
        }
        for (auto& policy : policies)
        {
            domainChildren.push_back(std::move(policy));
        }
        Json children = Json::array();
        children.push_back(Json{{"resource_type", "ChildDomain"},
                                {"Domain",
                                 {{"resource_type", "Domain"},
                                  {"id", "default"},
                                  {"children", std::move(domainChildren)}}}});
        for (const auto& service : m_services.Children())
        {
            children.push_back(service);
        }
        Json infra = {{"resource_type", "Infra"}, {"children", std::move(children)}};

        NsxExport result;
        result.json =
            infra.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
        result.warnings = std::move(m_warnings);
        result.groups = m_groups.Children().size();
        result.services = m_services.Children().size();
        result.rules = rules;
        return result;
    }

private:
    struct Endpoint
    {
        Json list = Json::array();
        bool excluded = false;
    };

    /// What the rules say of a name that is no scenario group (an NSX display name): the
    /// addresses of a `from` / `to` (and the VMs of a scope) that name it alone.
    void Learn(const core::Firewall& dfw)
    {
        std::set<std::string> conflicts;
        auto learn = [&conflicts](std::map<std::string, core::AddressSet>& into,
                                  const std::string& name, const core::AddressSet& addresses)
        {
            if (conflicts.count(name) != 0)
            {
                return;
            }
            auto [it, inserted] = into.emplace(name, addresses);
            if (!inserted && it->second != addresses)
            {
                into.erase(it);
                conflicts.insert(name);
            }
        };
        for (const auto& rule : dfw.rules)
        {
            for (const core::AddressRef* ref : {&rule.from, &rule.to})
            {
                if (ref->written.size() != 1 || ref->written[0] == "any")
                {
                    continue;
                }
                const std::string& text = ref->written[0];
                if (text.rfind(kExcludedPrefix, 0) == 0)
                {
                    auto names = ExcludedNames(text);
                    if (names.size() == 1)
                    {
                        learn(m_learned, names[0], ref->addresses.Complement());
                    }
                    continue;
                }
                learn(m_learned, text, ref->addresses);
            }
            if (rule.appliedTo.written.size() == 1)
            {
                learn(m_learnedScope, rule.appliedTo.written[0], rule.appliedTo.addresses);
            }
        }
    }

    /// The NSX group for a name a rule writes: a scenario group (by name, else by name but for
    /// case), else what the rules say of it; nullptr when none.
    const NsxWrittenGroup* GroupFor(const std::string& name, bool scope,
                                    const core::SourceLocation& at)
    {
        if (const core::Group* group = m_groups.FindGroup(name, false))
        {
            return &m_groups.ForScenarioGroup(*group, name);
        }
        if (const core::Group* group = m_groups.FindGroup(name, true))
        {
            if (m_caseWarned.insert(name).second)
            {
                m_warnings.push_back({at, "the DFW's group '" + name +
                                              "' is no scenario group: it is written with the "
                                              "criteria of scenario group '" +
                                              group->name + "', the same name but for case"});
            }
            return &m_groups.ForScenarioGroup(*group, name);
        }
        const auto& learned = scope ? m_learnedScope : m_learned;
        auto found = learned.find(name);
        if (found == learned.end())
        {
            return nullptr;
        }
        if (m_staticWarned.insert(name).second)
        {
            m_warnings.push_back({at, "the DFW's group '" + name +
                                          "' is no scenario group: it is written as its "
                                          "present members, statically"});
        }
        return m_groups.Static(name, found->second, scope,
                               "the DFW's group " + name + ", as its members at export", at);
    }

    Endpoint ForEndpoint(const core::AddressRef& ref, const core::Rule& rule,
                         const std::string& side)
    {
        Endpoint endpoint;
        if (std::find(ref.written.begin(), ref.written.end(), "any") != ref.written.end() &&
            ref.addresses.IsAll())
        {
            endpoint.list.push_back("ANY");
            return endpoint;
        }
        std::vector<std::string> names = ref.written;
        core::AddressSet target = ref.addresses;
        if (names.size() == 1 && names[0].rfind(kExcludedPrefix, 0) == 0)
        {
            endpoint.excluded = true;
            names = ExcludedNames(names[0]);
            target = target.Complement();
        }
        std::vector<core::AddressRange> covered;
        bool resolved = !names.empty();
        for (const auto& name : names)
        {
            if (auto literal = ParseLiteral(name))
            {
                endpoint.list.push_back(name);
                covered.insert(covered.end(), literal->Ranges().begin(), literal->Ranges().end());
                continue;
            }
            const NsxWrittenGroup* group = GroupFor(name, false, rule.location);
            if (!group)
            {
                resolved = false;
                break;
            }
            endpoint.list.push_back(group->path);
            const auto& ranges = group->members.addresses.Ranges();
            covered.insert(covered.end(), ranges.begin(), ranges.end());
        }
        if (resolved && core::AddressSet::FromRanges(std::move(covered)) == target)
        {
            return endpoint;
        }
        // Exact all the same: the addresses the rule matches today, as one group.
        const std::string display = rule.id + " " + side;
        m_warnings.push_back({rule.location, "rule " + rule.id + ": its " + side + " (" +
                                                 ref.ToString() +
                                                 ") is written as one group of its present "
                                                 "members, statically ('" +
                                                 display + "')"});
        endpoint = Endpoint();
        const NsxWrittenGroup* group = m_groups.Static(
            display, ref.addresses, false,
            "rule " + rule.id + "'s " + side + " " + ref.ToString() + ", as its members at export",
            rule.location);
        if (group)
        {
            endpoint.list.push_back(group->path);
        }
        return endpoint;
    }

    Json ForScope(const core::Rule& rule)
    {
        if (rule.AppliesEverywhere())
        {
            return Json::array({"ANY"});
        }
        const core::AddressRef& ref = rule.appliedTo;
        const core::AddressSet target = m_groups.Vms(ref.addresses);
        // NSX enforces on the VMs a scope group's criteria select, and refuses a group of IP
        // addresses alone: a group whose VMs are not its machines with a host is written for
        // the scope as those VMs.
        Json list = Json::array();
        std::vector<core::AddressRange> covered;
        bool resolved = true;
        for (const auto& name : ref.written)
        {
            const NsxWrittenGroup* group = GroupFor(name, true, rule.location);
            const core::Group* scenarioGroup = m_groups.FindGroup(name, true);
            const bool usable = group && !(group->members.hasIpAddresses && !group->members.hasVms);
            if (group && scenarioGroup &&
                (!usable || group->members.vms != m_groups.Vms(scenarioGroup->addresses)))
            {
                const std::string display = name + " (VMs)";
                if (m_vmsWarned.insert(name).second)
                {
                    m_warnings.push_back(
                        {rule.location,
                         "group '" + name + "' is written for the scope (applied-to) of rule " +
                             rule.id + " as its VMs, statically ('" + display +
                             "'): NSX enforces a rule on the VMs a scope group's criteria "
                             "select, and those of '" +
                             name + "' (" + scenarioGroup->definition +
                             ") select other members than its machines with a host"});
                }
                group = m_groups.Static(display, m_groups.Vms(scenarioGroup->addresses), true,
                                        "the VMs of segproof group " + name + " at export",
                                        rule.location);
            }
            else if (!usable)
            {
                group = nullptr;
            }
            if (!group)
            {
                resolved = false;
                break;
            }
            list.push_back(group->path);
            covered.insert(covered.end(), group->members.vms.Ranges().begin(),
                           group->members.vms.Ranges().end());
        }
        if (resolved && core::AddressSet::FromRanges(std::move(covered)) == target)
        {
            return list;
        }
        const std::string display = rule.id + " applied-to";
        m_warnings.push_back({rule.location, "rule " + rule.id + ": its applied_to (" +
                                                 ref.ToString() +
                                                 ") is written as one group of its VMs, "
                                                 "statically ('" +
                                                 display + "')"});
        const NsxWrittenGroup* group = m_groups.Static(
            display, target, true, "the VMs of rule " + rule.id + "'s applied_to at export",
            rule.location);
        return group ? Json::array({group->path}) : Json::array();
    }

    Json RuleJson(const core::Rule& rule, const std::string& id, std::int64_t sequence)
    {
        if (rule.from.IsIdentityBased())
        {
            // NSX writes them as Identity groups (IdentityGroupExpression) of the domain's AD
            // groups, which the export does not write yet: refuse rather than export a rule
            // that matches other machines.
            throw core::InputError(rule.location,
                                   "rule " + rule.id + " matches by the identity firewall (" +
                                       rule.from.ToString() +
                                       (rule.from.idfwAddresses.IsEmpty() ? "" : ", idfw: true") +
                                       "), which export-nsx does not write yet");
        }
        Endpoint from = ForEndpoint(rule.from, rule, "source");
        Endpoint to = ForEndpoint(rule.to, rule, "destination");
        NsxRuleServices services = m_services.ForRule(rule.service, rule.id, rule.location);
        bool disabled = rule.disabled;
        if (services.matchesNothing)
        {
            // NSX reads a rule without services as ANY; this one matches no connection.
            m_warnings.push_back({rule.location, "rule " + rule.id +
                                                     " matches no connection (its services hold "
                                                     "no entry): written disabled, since NSX "
                                                     "reads a rule without services as ANY"});
            services.services = Json::array({"ANY"});
            disabled = true;
        }
        Json json = {{"resource_type", "Rule"},
                     {"id", id},
                     {"display_name", rule.id},
                     {"sequence_number", sequence},
                     {"source_groups", std::move(from.list)}};
        if (from.excluded)
        {
            json["sources_excluded"] = true;
        }
        json["destination_groups"] = std::move(to.list);
        if (to.excluded)
        {
            json["destinations_excluded"] = true;
        }
        if (!services.services.empty())
        {
            json["services"] = std::move(services.services);
        }
        if (!services.entries.empty())
        {
            json["service_entries"] = std::move(services.entries);
        }
        json["scope"] = ForScope(rule);
        json["action"] = NsxAction(rule.action);
        json["direction"] = NsxDirection(rule.direction);
        json["disabled"] = disabled;
        json["logged"] = rule.logged;
        return json;
    }

    const core::Scenario& m_scenario;
    const NsxExportOptions& m_options;
    std::vector<core::Diagnostic> m_warnings;
    core::DiagnosticList m_errors;
    NsxGroupWriter m_groups;
    NsxServiceWriter m_services;
    NsxIdAllocator m_ruleIds;
    std::map<std::string, core::AddressSet> m_learned;
    std::map<std::string, core::AddressSet> m_learnedScope;
    std::set<std::string> m_caseWarned;
    std::set<std::string> m_staticWarned;
    std::set<std::string> m_vmsWarned;
};

} // namespace

NsxExport
ExportNsxDfw(const core::Scenario& scenario, const NsxExportOptions& options)
{
    return NsxExporter(scenario, options).Run();
}

} // namespace formats
} // namespace segproof
