// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#include "nsx-group-resolver.h"

#include "core/limits.h"
#include "core/name-suggestion.h"
#include "nsx-address.h"

#include <algorithm>
#include <cctype>
#include <optional>
#include <set>

namespace segproof
{
namespace formats
{

namespace
{

const std::vector<std::string> kKeys = {"Tag", "Name", "ComputerName", "OSName"};
const std::string kSegmentsPrefix = "/infra/segments/";
const std::vector<std::string> kOperators = {"EQUALS", "NOTEQUALS", "CONTAINS", "STARTSWITH",
                                             "ENDSWITH"};

std::string
Lower(std::string text)
{
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

/// A condition's operator, read once rather than compared as text for every VM.
enum class Operator
{
    Equals,
    Contains,
    StartsWith,
    EndsWith,
};

Operator
ParseOperator(const std::string& op)
{
    return op == "CONTAINS"     ? Operator::Contains
           : op == "STARTSWITH" ? Operator::StartsWith
           : op == "ENDSWITH"   ? Operator::EndsWith
                                : Operator::Equals;
}

/// EQUALS, CONTAINS, STARTSWITH or ENDSWITH on lower-cased text (NOTEQUALS is the negation of
/// EQUALS, applied by the caller).
bool
Compare(const std::string& actual, const std::string& expected, Operator op)
{
    switch (op)
    {
    case Operator::Contains:
        return actual.find(expected) != std::string::npos;
    case Operator::StartsWith:
        return actual.compare(0, expected.size(), expected) == 0;
    case Operator::EndsWith:
        return actual.size() >= expected.size() &&
               actual.compare(actual.size() - expected.size(), expected.size(), expected) == 0;
    case Operator::Equals:
        break;
    }
    return actual == expected;
}

/// A tag "scope|tag" split at its first '|'; without '|', the whole text is the tag.
std::pair<std::string, std::string>
SplitTag(const std::string& text)
{
    auto bar = text.find('|');
    if (bar == std::string::npos)
    {
        return {"", text};
    }
    return {text.substr(0, bar), text.substr(bar + 1)};
}

} // namespace

NsxGroupResolver::NsxGroupResolver(const NsxDocument& document, const core::Estate& estate,
                                   NsxContext& context)
    : m_document(document), m_estate(estate), m_context(context)
{
}

std::string
NsxGroupResolver::Name(const std::string& path) const
{
    auto found = m_document.groups.find(path);
    return found == m_document.groups.end() ? path : found->second.Name();
}

const NsxGroupMembers*
NsxGroupResolver::Resolve(const std::string& path, const YAML::Node& reference,
                          const std::string& field, const std::string& where)
{
    auto found = m_document.groups.find(path);
    if (found == m_document.groups.end())
    {
        if (path.find("/groups/") == std::string::npos)
        {
            m_context.Refuse(reference, field, path, where, "only group paths are modelled here");
            return nullptr;
        }
        std::vector<std::string> known;
        for (const auto& group : m_document.groups)
        {
            known.push_back(group.first);
        }
        std::string hint = core::DidYouMean(path, known);
        m_context.Error(reference, "unknown group '" + path +
                                       "': the export defines no group "
                                       "with this path" +
                                       InWhere(where) + hint);
        return nullptr;
    }
    auto state = m_states.find(path);
    if (state != m_states.end())
    {
        if (state->second == State::Done)
        {
            return &m_members.at(path);
        }
        if (state->second == State::Visiting)
        {
            std::string cycle;
            auto start = std::find(m_stack.begin(), m_stack.end(), path);
            for (auto it = start; it != m_stack.end(); ++it)
            {
                cycle += *it + " -> ";
            }
            m_context.Error(reference, "groups form a cycle: " + cycle + path + InWhere(where));
        }
        return nullptr;
    }
    if (m_stack.size() > core::Limits::kMaxGroupDepth)
    {
        m_context.Error(reference, "groups nest deeper than " +
                                       std::to_string(core::Limits::kMaxGroupDepth) +
                                       " levels (the limit; see docs/limits.md)" + InWhere(where));
        return nullptr;
    }
    m_states[path] = State::Visiting;
    m_stack.push_back(path);
    NsxGroupMembers members;
    bool ok = ReadGroup(found->second, members);
    m_stack.pop_back();
    if (ok && members.depth > core::Limits::kMaxGroupDepth)
    {
        // Resolved groups are remembered, so a chain met innermost first never fills the
        // stack above: measure each group's own depth as well.
        m_context.Error(reference, "groups nest deeper than " +
                                       std::to_string(core::Limits::kMaxGroupDepth) +
                                       " levels (the limit; see docs/limits.md)" + InWhere(where));
        ok = false;
    }
    m_states[path] = ok ? State::Done : State::Failed;
    if (!ok)
    {
        return nullptr;
    }
    return &(m_members[path] = std::move(members));
}

const std::vector<NsxGroupResolver::Vm>&
NsxGroupResolver::Vms()
{
    if (m_vmsBuilt)
    {
        return m_vms;
    }
    m_vmsBuilt = true;
    for (const auto& machine : m_estate.Machines())
    {
        if (machine.host == core::kNone)
        {
            continue; // not a VM: NSX's inventory does not know it
        }
        Vm vm;
        vm.ip = machine.ip;
        vm.name = Lower(machine.name);
        vm.os = Lower(machine.os);
        for (const auto& tag : machine.tags)
        {
            vm.tags.push_back(SplitTag(Lower(tag)));
        }
        m_vms.push_back(std::move(vm));
    }
    return m_vms;
}

bool
NsxGroupResolver::ReadGroup(const NsxObject& group, NsxGroupMembers& members)
{
    const std::string where = "group " + group.path;
    const YAML::Node& node = group.node;
    // vm_members, ips_members, ip_group_members: the realized members a collector adds
    // (np-guard's, segproof collect's: GET .../groups/ID/members/virtual-machines and
    // .../members/ip-addresses).
    if (!m_context.CheckObject(node, "a group", where,
                               {"expression", "extended_expression", "group_type", "state",
                                "reference", "vm_members", "ips_members", "ip_group_members"}))
    {
        return false;
    }
    bool ok = true;
    auto extended = m_context.List(node, "extended_expression", where);
    if (!extended.empty())
    {
        m_context.Refuse(node["extended_expression"], "extended_expression",
                         NsxContext::Render(node["extended_expression"]), where,
                         "identity (Active Directory) membership is not modelled");
        ok = false;
    }
    for (const auto& type : m_context.List(node, "group_type", where))
    {
        // IPAddress only forbids non-IP members, which the expression shows anyway.
        if (!(type.IsScalar() && type.Scalar() == "IPAddress"))
        {
            m_context.Refuse(type, "group_type", NsxContext::Render(type), where);
            ok = false;
        }
    }
    if (m_context.Flag(node, "reference", where).value_or(false))
    {
        m_context.Refuse(node["reference"], "reference", "true", where,
                         "the group's members are defined on another site");
        ok = false;
    }
    auto expression = m_context.List(node, "expression", where);
    if (expression.empty() && (node["vm_members"] || node["ips_members"]))
    {
        // No criteria, only what NSX realized: the members as collected.
        return ReadRealizedMembers(node, where, members) && ok;
    }
    ok = ReadExpressionList(expression, where, 0, members) && ok;
    if (ok && node["vm_members"] && node["vm_members"].IsSequence())
    {
        CompareRealizedVms(node, where, members);
    }
    return ok;
}

std::vector<core::Index>
NsxGroupResolver::RealizedVms(const YAML::Node& group, const std::string& where,
                              std::vector<std::string>& unknown)
{
    std::vector<core::Index> found;
    for (const auto& vm : m_context.List(group, "vm_members", where))
    {
        if (!vm.IsMap())
        {
            m_context.Error(vm, "'vm_members' must list objects {id, display_name}, got " +
                                    NsxContext::JsonKind(vm) + InWhere(where));
            continue;
        }
        auto id = m_context.Text(vm, "id", where).value_or("");
        auto name = m_context.Text(vm, "display_name", where).value_or("");
        if (!m_externalIdsBuilt)
        {
            const auto& machines = m_estate.Machines();
            for (std::size_t i = 0; i < machines.size(); ++i)
            {
                if (machines[i].host != core::kNone && !machines[i].externalId.empty())
                {
                    m_byExternalId.emplace(machines[i].externalId, static_cast<core::Index>(i));
                }
            }
            m_externalIdsBuilt = true;
        }
        auto byId = id.empty() ? m_byExternalId.end() : m_byExternalId.find(id);
        core::Index machine = byId == m_byExternalId.end() ? core::kNone : byId->second;
        if (machine == core::kNone && !name.empty())
        {
            machine = m_estate.FindMachine(name);
            if (machine != core::kNone &&
                m_estate.Machines()[static_cast<std::size_t>(machine)].host == core::kNone)
            {
                machine = core::kNone;
            }
        }
        if (machine == core::kNone)
        {
            unknown.push_back(name.empty() ? id : name);
            continue;
        }
        found.push_back(machine);
    }
    return found;
}

void
NsxGroupResolver::AddVms(std::vector<core::Ipv4Address> ips, const YAML::Node& at,
                         NsxGroupMembers& members)
{
    // AddressSet appends ascending addresses in constant time.
    std::sort(ips.begin(), ips.end());
    m_context.Count(ips.size(), at);
    core::AddressSet vms;
    for (core::Ipv4Address ip : ips)
    {
        vms.Add(ip);
    }
    members.addresses = members.addresses.Union(vms);
    members.vmAddresses = members.vmAddresses.Union(vms);
    members.hasVms = true;
}

bool
NsxGroupResolver::ReadRealizedMembers(const YAML::Node& group, const std::string& where,
                                      NsxGroupMembers& members)
{
    std::vector<std::string> unknown;
    std::vector<core::Ipv4Address> ips;
    for (core::Index machine : RealizedVms(group, where, unknown))
    {
        ips.push_back(m_estate.Machines()[static_cast<std::size_t>(machine)].ip);
    }
    if (group["vm_members"])
    {
        AddVms(std::move(ips), group, members);
    }
    if (!unknown.empty())
    {
        m_context.Warn(group["vm_members"], std::to_string(unknown.size()) + " realized member VM" +
                                                (unknown.size() == 1 ? "" : "s") + " of " + where +
                                                " (" + unknown.front() +
                                                (unknown.size() > 1 ? ", ..." : "") + ") " +
                                                (unknown.size() == 1 ? "is" : "are") +
                                                " no machine of the estate: the group leaves " +
                                                (unknown.size() == 1 ? "it" : "them") + " out");
    }
    bool ok = true;
    std::vector<core::AddressRange> ranges = members.addresses.Ranges();
    for (const auto& element : m_context.List(group, "ips_members", where))
    {
        NsxAddressParse parse = element.IsScalar()
                                    ? ParseNsxAddress(element.Scalar())
                                    : NsxAddressParse{std::nullopt, false, "not a string"};
        if (parse.ipv6)
        {
            continue; // no IPv4 connection comes from or goes to it
        }
        if (!parse.range)
        {
            m_context.Error(element, "'ips_members': " + parse.error + InWhere(where));
            ok = false;
            continue;
        }
        ranges.push_back({parse.range->first, parse.range->last});
        members.hasIpAddresses = true;
    }
    members.addresses = core::AddressSet::FromRanges(std::move(ranges));
    return ok;
}

void
NsxGroupResolver::CompareRealizedVms(const YAML::Node& group, const std::string& where,
                                     const NsxGroupMembers& members)
{
    std::vector<std::string> unknown;
    std::vector<core::Index> realized = RealizedVms(group, where, unknown);
    std::vector<std::string> onlyRealized;
    std::set<core::Ipv4Address> realizedIps;
    for (core::Index machine : realized)
    {
        const core::Machine& m = m_estate.Machines()[static_cast<std::size_t>(machine)];
        realizedIps.insert(m.ip);
        if (!members.vmAddresses.Contains(m.ip))
        {
            onlyRealized.push_back(m.name);
        }
    }
    std::vector<std::string> onlyCriteria;
    for (const auto& m : m_estate.Machines())
    {
        if (m.host != core::kNone && members.vmAddresses.Contains(m.ip) &&
            realizedIps.count(m.ip) == 0)
        {
            onlyCriteria.push_back(m.name);
        }
    }
    if (onlyRealized.empty() && onlyCriteria.empty())
    {
        return;
    }
    auto some = [](const std::vector<std::string>& names)
    {
        std::string text;
        for (std::size_t i = 0; i < names.size() && i < 3; ++i)
        {
            text += (i == 0 ? "" : ", ") + names[i];
        }
        return text + (names.size() > 3 ? ", ..." : "");
    };
    m_context.Warn(group["vm_members"],
                   "the criteria of " + where + " and the members NSX realized differ (" +
                       (onlyCriteria.empty() ? std::string()
                                             : std::to_string(onlyCriteria.size()) +
                                                   " by the criteria only: " + some(onlyCriteria)) +
                       (!onlyCriteria.empty() && !onlyRealized.empty() ? "; " : "") +
                       (onlyRealized.empty() ? std::string()
                                             : std::to_string(onlyRealized.size()) +
                                                   " realized only: " + some(onlyRealized)) +
                       "): segproof evaluates the criteria against the estate");
}

bool
NsxGroupResolver::ReadExpressionList(const std::vector<YAML::Node>& items, const std::string& where,
                                     std::size_t depth, NsxGroupMembers& members)
{
    // NSX alternates expressions and ConjunctionOperators. AND binds tighter than OR, so the
    // list is the union of its AND-runs: [a, AND, b, OR, c] = (a ∩ b) ∪ c.
    bool ok = true;
    std::optional<NsxGroupMembers> run;
    std::vector<core::AddressRange> unionOfRuns; // built at the end: a union per run is quadratic
    std::vector<core::AddressRange> vmsOfRuns;   // the same for the member VMs alone
    std::string conjunction;
    bool expectExpression = true;
    bool endsWithConjunction = false;
    for (const auto& item : items)
    {
        std::string type = m_context.ResourceType(item, "an expression", where);
        if (type.empty())
        {
            ok = false;
            continue;
        }
        if (type == "ConjunctionOperator")
        {
            if (expectExpression)
            {
                m_context.Error(item, "a ConjunctionOperator must stand between two "
                                      "expressions" +
                                          InWhere(where));
                ok = false;
                continue;
            }
            expectExpression = true;
            endsWithConjunction = true;
            if (!m_context.CheckObject(item, "a ConjunctionOperator", where,
                                       {"conjunction_operator"}))
            {
                ok = false;
                continue;
            }
            auto op = m_context.Text(item, "conjunction_operator", where);
            if (!op)
            {
                if (!item["conjunction_operator"])
                {
                    m_context.Error(item, "a ConjunctionOperator lacks 'conjunction_operator' "
                                          "(AND or OR)" +
                                              InWhere(where));
                }
                ok = false;
            }
            else if (*op != "AND" && *op != "OR")
            {
                m_context.Error(item["conjunction_operator"],
                                "'conjunction_operator' must be AND or OR, got \"" + *op + "\"" +
                                    InWhere(where));
                ok = false;
            }
            conjunction = op.value_or("");
            continue;
        }
        if (!expectExpression)
        {
            m_context.Error(item, "expected a ConjunctionOperator between two expressions, got "
                                  "a " +
                                      type + InWhere(where));
            ok = false;
        }
        expectExpression = false;
        endsWithConjunction = false;
        NsxGroupMembers term;
        if (!ReadExpression(item, type, where, depth, term))
        {
            ok = false;
            continue;
        }
        members.depth = std::max(members.depth, term.depth);
        if (run && conjunction == "AND")
        {
            run->addresses = run->addresses.Intersect(term.addresses);
            run->vmAddresses = run->vmAddresses.Intersect(term.vmAddresses);
            run->hasIpAddresses = run->hasIpAddresses || term.hasIpAddresses;
            run->hasVms = run->hasVms || term.hasVms;
            run->tags.clear(); // under AND, no tag alone makes a member
            continue;
        }
        if (run)
        {
            const auto& ranges = run->addresses.Ranges();
            unionOfRuns.insert(unionOfRuns.end(), ranges.begin(), ranges.end());
            const auto& vms = run->vmAddresses.Ranges();
            vmsOfRuns.insert(vmsOfRuns.end(), vms.begin(), vms.end());
            members.hasIpAddresses = members.hasIpAddresses || run->hasIpAddresses;
            members.hasVms = members.hasVms || run->hasVms;
            members.tags.insert(members.tags.end(), run->tags.begin(), run->tags.end());
        }
        run = std::move(term);
    }
    if (endsWithConjunction)
    {
        m_context.Error(items.back(),
                        "the expression list ends with a ConjunctionOperator" + InWhere(where));
        ok = false;
    }
    if (run)
    {
        const auto& ranges = run->addresses.Ranges();
        unionOfRuns.insert(unionOfRuns.end(), ranges.begin(), ranges.end());
        const auto& vms = run->vmAddresses.Ranges();
        vmsOfRuns.insert(vmsOfRuns.end(), vms.begin(), vms.end());
        members.hasIpAddresses = members.hasIpAddresses || run->hasIpAddresses;
        members.hasVms = members.hasVms || run->hasVms;
        members.tags.insert(members.tags.end(), run->tags.begin(), run->tags.end());
    }
    const auto& before = members.addresses.Ranges();
    unionOfRuns.insert(unionOfRuns.end(), before.begin(), before.end());
    members.addresses = core::AddressSet::FromRanges(std::move(unionOfRuns));
    const auto& vmsBefore = members.vmAddresses.Ranges();
    vmsOfRuns.insert(vmsOfRuns.end(), vmsBefore.begin(), vmsBefore.end());
    members.vmAddresses = core::AddressSet::FromRanges(std::move(vmsOfRuns));
    return ok;
}

bool
NsxGroupResolver::ReadExpression(const YAML::Node& expression, const std::string& type,
                                 const std::string& where, std::size_t depth,
                                 NsxGroupMembers& members)
{
    if (type == "Condition")
    {
        return ReadCondition(expression, where, members);
    }
    if (type == "IPAddressExpression")
    {
        return ReadIpAddresses(expression, where, members);
    }
    if (type == "PathExpression")
    {
        return ReadPaths(expression, where, members);
    }
    if (type == "ExternalIDExpression")
    {
        return ReadExternalIds(expression, where, members);
    }
    if (type == "NestedExpression")
    {
        if (!m_context.CheckObject(expression, "a NestedExpression", where, {"expressions"}))
        {
            return false;
        }
        if (m_stack.size() + depth >= core::Limits::kMaxGroupDepth)
        {
            m_context.Error(expression, "expressions nest deeper than " +
                                            std::to_string(core::Limits::kMaxGroupDepth) +
                                            " levels (the limit; see docs/limits.md)" +
                                            InWhere(where));
            return false;
        }
        auto inner = m_context.List(expression, "expressions", where);
        return ReadExpressionList(inner, where, depth + 1, members);
    }
    m_context.Refuse(expression["resource_type"], "resource_type", type, where);
    return false;
}

bool
NsxGroupResolver::ReadCondition(const YAML::Node& condition, const std::string& where,
                                NsxGroupMembers& members)
{
    if (!m_context.CheckObject(condition, "a Condition", where,
                               {"member_type", "key", "operator", "value", "scope_operator"}))
    {
        return false;
    }
    // Each condition is checked against every VM.
    if (++m_conditions > core::Limits::kMaxNsxConditions)
    {
        m_context.Error(condition, "the export's groups hold more than " +
                                       std::to_string(core::Limits::kMaxNsxConditions) +
                                       " conditions (the limit; see docs/limits.md)" +
                                       InWhere(where));
        throw ReadingStopped{};
    }
    bool ok = true;
    for (const char* field : {"member_type", "key", "operator", "value"})
    {
        if (!condition[field] || condition[field].IsNull())
        {
            m_context.Error(condition,
                            "a Condition lacks '" + std::string(field) + "'" + InWhere(where));
            ok = false;
        }
    }
    auto memberType = m_context.Text(condition, "member_type", where);
    auto key = m_context.Text(condition, "key", where);
    auto op = m_context.Text(condition, "operator", where);
    auto value = m_context.Text(condition, "value", where);
    auto scopeOperator = m_context.Text(condition, "scope_operator", where);
    if (memberType && *memberType != "VirtualMachine")
    {
        m_context.Refuse(condition["member_type"], "member_type", *memberType, where,
                         "only VirtualMachine members are modelled");
        ok = false;
    }
    if (key && std::find(kKeys.begin(), kKeys.end(), *key) == kKeys.end())
    {
        m_context.Refuse(condition["key"], "key", *key, where,
                         "the keys modelled are Tag, Name, ComputerName, OSName");
        ok = false;
    }
    if (op && std::find(kOperators.begin(), kOperators.end(), *op) == kOperators.end())
    {
        m_context.Refuse(condition["operator"], "operator", *op, where,
                         "the operators modelled are EQUALS, NOTEQUALS, CONTAINS, STARTSWITH, "
                         "ENDSWITH");
        ok = false;
    }
    if (scopeOperator && *scopeOperator != "EQUALS")
    {
        m_context.Refuse(condition["scope_operator"], "scope_operator", *scopeOperator, where);
        ok = false;
    }
    if (value && value->empty())
    {
        m_context.Error(condition["value"],
                        "a Condition's 'value' must not be empty" + InWhere(where));
        ok = false;
    }
    if (!ok || !memberType || !key || !op || !value)
    {
        return false;
    }
    const bool negate = *op == "NOTEQUALS";
    const Operator compare = ParseOperator(*op); // NOTEQUALS: EQUALS, negated
    const bool byTag = *key == "Tag";
    const bool byOs = *key == "OSName";
    // NSX evaluates conditions case-insensitively. A Tag value is "scope|tag"; without a scope
    // ("tag" or "|tag") any scope matches, and "scope|" matches any tag of that scope.
    std::string scope;
    std::string wanted = Lower(*value);
    bool anyScope = true;
    if (*key == "Tag")
    {
        auto bar = wanted.find('|');
        if (bar != std::string::npos)
        {
            scope = wanted.substr(0, bar);
            wanted = wanted.substr(bar + 1);
            anyScope = scope.empty();
        }
    }
    std::vector<core::Ipv4Address> matches;
    for (const auto& vm : Vms())
    {
        bool match = false;
        if (byTag)
        {
            for (const auto& [tagScope, tagValue] : vm.tags)
            {
                if ((anyScope || tagScope == scope) &&
                    (wanted.empty() || Compare(tagValue, wanted, compare)))
                {
                    match = true;
                    break;
                }
            }
        }
        else
        {
            match = Compare(byOs ? vm.os : vm.name, wanted, compare);
        }
        if (match != negate)
        {
            matches.push_back(vm.ip);
        }
    }
    AddVms(std::move(matches), condition, members);
    if (byTag && !negate && compare == ParseOperator("EQUALS") && !wanted.empty())
    {
        members.tags.push_back(scope + "|" + wanted);
    }
    return true;
}

bool
NsxGroupResolver::ReadIpAddresses(const YAML::Node& expression, const std::string& where,
                                  NsxGroupMembers& members)
{
    if (!m_context.CheckObject(expression, "an IPAddressExpression", where, {"ip_addresses"}))
    {
        return false;
    }
    bool ok = true;
    members.hasIpAddresses = true;
    std::vector<core::AddressRange> ranges; // in any order: one set built at the end
    for (const auto& element : m_context.List(expression, "ip_addresses", where))
    {
        if (!element.IsScalar())
        {
            m_context.Error(element, "'ip_addresses' must list addresses, got " +
                                         NsxContext::JsonKind(element) + InWhere(where));
            ok = false;
            continue;
        }
        NsxAddressParse parse = ParseNsxAddress(element.Scalar());
        if (parse.ipv6)
        {
            m_context.Refuse(element, "ip_addresses", element.Scalar(), where,
                             "IPv6 is not modelled");
            ok = false;
        }
        else if (!parse.range)
        {
            m_context.Error(element, parse.error + InWhere(where));
            ok = false;
        }
        else
        {
            ranges.push_back({parse.range->first, parse.range->last});
        }
    }
    const auto& before = members.addresses.Ranges();
    ranges.insert(ranges.end(), before.begin(), before.end());
    members.addresses = core::AddressSet::FromRanges(std::move(ranges));
    return ok;
}

bool
NsxGroupResolver::ReadPaths(const YAML::Node& expression, const std::string& where,
                            NsxGroupMembers& members)
{
    if (!m_context.CheckObject(expression, "a PathExpression", where, {"paths"}))
    {
        return false;
    }
    bool ok = true;
    std::vector<core::AddressRange> ranges = members.addresses.Ranges();
    std::vector<core::AddressRange> vmRanges = members.vmAddresses.Ranges();
    for (const auto& element : m_context.List(expression, "paths", where))
    {
        if (!element.IsScalar())
        {
            m_context.Error(element, "'paths' must list group paths, got " +
                                         NsxContext::JsonKind(element) + InWhere(where));
            ok = false;
            continue;
        }
        if (m_document.groups.count(element.Scalar()) == 0)
        {
            auto segment = SegmentAt(element.Scalar());
            if (segment)
            {
                // NSX: a segment path in a group means the VMs connected to that segment.
                const core::AddressSet& vms = SegmentVms(*segment);
                m_context.Count(vms.Ranges().size(), element);
                ranges.insert(ranges.end(), vms.Ranges().begin(), vms.Ranges().end());
                vmRanges.insert(vmRanges.end(), vms.Ranges().begin(), vms.Ranges().end());
                members.hasVms = true;
                continue;
            }
            if (element.Scalar().rfind(kSegmentsPrefix, 0) == 0)
            {
                std::vector<std::string> known;
                for (const auto& s : m_estate.Segments())
                {
                    known.push_back(s.nsxPath.empty() ? kSegmentsPrefix + s.name : s.nsxPath);
                }
                m_context.Error(element, "unknown segment '" + element.Scalar() +
                                             "': no segment of the estate has this path (its "
                                             "nsxPath, or /infra/segments/NAME)" +
                                             InWhere(where) +
                                             core::DidYouMean(element.Scalar(), known));
                ok = false;
                continue;
            }
        }
        const NsxGroupMembers* inner = Resolve(element.Scalar(), element, "paths", where);
        if (!inner)
        {
            ok = false;
            continue;
        }
        m_context.Count(inner->addresses.Ranges().size(), element);
        ranges.insert(ranges.end(), inner->addresses.Ranges().begin(),
                      inner->addresses.Ranges().end());
        const auto& vms = inner->vmAddresses.Ranges();
        vmRanges.insert(vmRanges.end(), vms.begin(), vms.end());
        members.hasIpAddresses = members.hasIpAddresses || inner->hasIpAddresses;
        members.hasVms = members.hasVms || inner->hasVms;
        members.depth = std::max(members.depth, inner->depth + 1);
        members.tags.insert(members.tags.end(), inner->tags.begin(), inner->tags.end());
    }
    members.addresses = core::AddressSet::FromRanges(std::move(ranges));
    members.vmAddresses = core::AddressSet::FromRanges(std::move(vmRanges));
    return ok;
}

std::optional<core::Index>
NsxGroupResolver::SegmentAt(const std::string& path) const
{
    const auto& segments = m_estate.Segments();
    for (std::size_t s = 0; s < segments.size(); ++s)
    {
        if (!segments[s].nsxPath.empty() && segments[s].nsxPath == path)
        {
            return static_cast<core::Index>(s);
        }
    }
    if (path.rfind(kSegmentsPrefix, 0) == 0)
    {
        const std::string name = path.substr(kSegmentsPrefix.size());
        for (std::size_t s = 0; s < segments.size(); ++s)
        {
            if (segments[s].name == name)
            {
                return static_cast<core::Index>(s);
            }
        }
    }
    return std::nullopt;
}

const core::AddressSet&
NsxGroupResolver::SegmentVms(core::Index segment)
{
    if (m_segmentVms.empty())
    {
        // One pass over the machines for every segment path, not one per path.
        std::vector<std::vector<core::Ipv4Address>> ips(m_estate.Segments().size());
        for (const auto& machine : m_estate.Machines())
        {
            if (machine.host != core::kNone && machine.segment != core::kNone)
            {
                ips[static_cast<std::size_t>(machine.segment)].push_back(machine.ip);
            }
        }
        m_segmentVms.resize(ips.size());
        for (std::size_t s = 0; s < ips.size(); ++s)
        {
            std::vector<core::AddressRange> ranges;
            for (core::Ipv4Address ip : ips[s])
            {
                ranges.push_back({ip, ip});
            }
            m_segmentVms[s] = core::AddressSet::FromRanges(std::move(ranges));
        }
    }
    return m_segmentVms[static_cast<std::size_t>(segment)];
}

bool
NsxGroupResolver::ReadExternalIds(const YAML::Node& expression, const std::string& where,
                                  NsxGroupMembers& members)
{
    if (!m_context.CheckObject(expression, "an ExternalIDExpression", where,
                               {"member_type", "external_ids"}))
    {
        return false;
    }
    bool ok = true;
    auto memberType = m_context.Text(expression, "member_type", where);
    if (!memberType)
    {
        if (!expression["member_type"] || expression["member_type"].IsNull())
        {
            m_context.Error(expression,
                            "an ExternalIDExpression lacks 'member_type'" + InWhere(where));
        }
        ok = false;
    }
    else if (*memberType != "VirtualMachine")
    {
        m_context.Refuse(expression["member_type"], "member_type", *memberType, where,
                         "only VirtualMachine members are modelled");
        ok = false;
    }
    std::vector<std::string> ids;
    for (const auto& element : m_context.List(expression, "external_ids", where))
    {
        if (!element.IsScalar() || element.Scalar().empty())
        {
            m_context.Error(element, "'external_ids' must list external ids, got " +
                                         NsxContext::JsonKind(element) + InWhere(where));
            ok = false;
            continue;
        }
        ids.push_back(element.Scalar());
    }
    if (!ok)
    {
        return false;
    }
    std::sort(ids.begin(), ids.end());
    bool estateHasIds = false;
    std::vector<core::Ipv4Address> matches;
    for (const auto& machine : m_estate.Machines())
    {
        estateHasIds = estateHasIds || !machine.externalId.empty();
        if (machine.host != core::kNone && !machine.externalId.empty() &&
            std::binary_search(ids.begin(), ids.end(), machine.externalId))
        {
            matches.push_back(machine.ip);
        }
    }
    if (!estateHasIds && !m_warnedNoExternalIds)
    {
        m_warnedNoExternalIds = true;
        m_context.Warn(expression,
                       "an ExternalIDExpression matches no machine: the estate's machines have "
                       "no external id (a hand-written estate), so VMs named by external id are "
                       "not members" +
                           InWhere(where));
    }
    AddVms(std::move(matches), expression, members);
    return true;
}

} // namespace formats
} // namespace segproof
