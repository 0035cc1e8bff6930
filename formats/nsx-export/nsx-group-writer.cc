// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#include "nsx-group-writer.h"

#include <algorithm>
#include <cctype>

namespace segproof
{
namespace formats
{

namespace
{

using Json = nlohmann::ordered_json;
using Selector = core::GroupDefinition::Selector;

const std::string kGroupsPrefix = "/infra/domains/default/groups/";

std::string
Lower(std::string text)
{
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

/// "scope|tag" split at the first '|'; without one, the whole text is the tag.
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

core::AddressSet
SetOf(std::vector<core::Ipv4Address> ips)
{
    std::vector<core::AddressRange> ranges;
    ranges.reserve(ips.size());
    for (core::Ipv4Address ip : ips)
    {
        ranges.push_back({ip, ip});
    }
    return core::AddressSet::FromRanges(std::move(ranges));
}

/// One address of `a` that `b` lacks, or of `b` that `a` lacks, for a warning.
std::string
OneDifference(const core::AddressSet& a, const core::AddressSet& b, const core::Estate& estate)
{
    core::AddressSet extra = a.Subtract(b);
    core::AddressSet missing = b.Subtract(a);
    if (!extra.IsEmpty())
    {
        return "NSX would add " + estate.NameOf(extra.Ranges().front().first);
    }
    if (!missing.IsEmpty())
    {
        return "NSX would leave out " + estate.NameOf(missing.Ranges().front().first);
    }
    return "";
}

} // namespace

std::vector<std::string>
NsxAddressTexts(const core::AddressSet& addresses)
{
    std::vector<std::string> texts;
    for (const auto& range : addresses.Ranges())
    {
        const std::uint64_t size = std::uint64_t{range.last} - range.first + 1;
        const bool power = (size & (size - 1)) == 0;
        if (size == 1)
        {
            texts.push_back(core::FormatIpv4(range.first));
        }
        else if (power && range.first % size == 0)
        {
            int length = 32;
            for (std::uint64_t s = size; s > 1; s >>= 1)
            {
                --length;
            }
            texts.push_back(core::FormatIpv4(range.first) + "/" + std::to_string(length));
        }
        else
        {
            texts.push_back(core::FormatIpv4(range.first) + "-" + core::FormatIpv4(range.last));
        }
    }
    return texts;
}

NsxGroupWriter::NsxGroupWriter(const core::Scenario& scenario,
                               std::vector<core::Diagnostic>& warnings,
                               core::DiagnosticList& errors)
    : m_scenario(scenario), m_warnings(warnings), m_errors(errors)
{
    std::vector<core::Ipv4Address> ips;
    for (const auto& machine : scenario.GetEstate().Machines())
    {
        if (machine.host == core::kNone)
        {
            continue; // not a VM: NSX's inventory does not know it
        }
        Vm vm;
        vm.ip = machine.ip;
        vm.name = Lower(machine.name);
        vm.externalId = machine.externalId;
        for (const auto& tag : machine.tags)
        {
            vm.tags.push_back(SplitTag(Lower(tag)));
        }
        ++m_nameUses[vm.name];
        ips.push_back(machine.ip);
        m_vms.push_back(std::move(vm));
    }
    std::sort(ips.begin(), ips.end());
    m_vmAddresses = SetOf(std::move(ips));
}

core::AddressSet
NsxGroupWriter::Vms(const core::AddressSet& addresses) const
{
    return addresses.Intersect(m_vmAddresses);
}

const core::Group*
NsxGroupWriter::FindGroup(const std::string& name, bool ignoreCase) const
{
    if (const core::Group* exact = m_scenario.FindGroup(name))
    {
        return exact;
    }
    if (!ignoreCase)
    {
        return nullptr;
    }
    const core::Group* found = nullptr;
    for (const auto& group : m_scenario.Groups())
    {
        if (Lower(group.name) == Lower(name))
        {
            if (found)
            {
                return nullptr; // two candidates: neither
            }
            found = &group;
        }
    }
    return found;
}

NsxGroupWriter::Term
NsxGroupWriter::TagCondition(const std::string& tag) const
{
    Term term;
    term.json = Json{{"resource_type", "Condition"},
                     {"member_type", "VirtualMachine"},
                     {"key", "Tag"},
                     {"operator", "EQUALS"},
                     {"value", tag}};
    // As the import evaluates it: case-insensitively; "tag" or "|tag" in any scope.
    std::string wanted = Lower(tag);
    std::string scope;
    bool anyScope = true;
    auto bar = wanted.find('|');
    if (bar != std::string::npos)
    {
        scope = wanted.substr(0, bar);
        wanted = wanted.substr(bar + 1);
        anyScope = scope.empty();
    }
    std::vector<core::Ipv4Address> ips;
    for (const auto& vm : m_vms)
    {
        for (const auto& [tagScope, tagValue] : vm.tags)
        {
            if ((anyScope || tagScope == scope) && (wanted.empty() || tagValue == wanted))
            {
                ips.push_back(vm.ip);
                break;
            }
        }
    }
    std::sort(ips.begin(), ips.end());
    term.members.addresses = SetOf(ips);
    term.members.vms = term.members.addresses;
    term.members.hasVms = true;
    return term;
}

NsxGroupWriter::Term
NsxGroupWriter::NameCondition(const std::string& name) const
{
    Term term;
    term.json = Json{{"resource_type", "Condition"},
                     {"member_type", "VirtualMachine"},
                     {"key", "Name"},
                     {"operator", "EQUALS"},
                     {"value", name}};
    std::vector<core::Ipv4Address> ips;
    for (const auto& vm : m_vms)
    {
        if (vm.name == Lower(name))
        {
            ips.push_back(vm.ip);
        }
    }
    std::sort(ips.begin(), ips.end());
    term.members.addresses = SetOf(ips);
    term.members.vms = term.members.addresses;
    term.members.hasVms = true;
    return term;
}

NsxGroupWriter::Term
NsxGroupWriter::ExternalIds(const std::vector<std::string>& ids) const
{
    Term term;
    term.json = Json{{"resource_type", "ExternalIDExpression"},
                     {"member_type", "VirtualMachine"},
                     {"external_ids", ids}};
    std::vector<std::string> sorted = ids;
    std::sort(sorted.begin(), sorted.end());
    std::vector<core::Ipv4Address> ips;
    for (const auto& vm : m_vms)
    {
        if (!vm.externalId.empty() &&
            std::binary_search(sorted.begin(), sorted.end(), vm.externalId))
        {
            ips.push_back(vm.ip);
        }
    }
    std::sort(ips.begin(), ips.end());
    term.members.addresses = SetOf(ips);
    term.members.vms = term.members.addresses;
    term.members.hasVms = true;
    return term;
}

NsxGroupWriter::Term
NsxGroupWriter::IpAddresses(const core::AddressSet& addresses)
{
    Term term;
    term.json = Json{{"resource_type", "IPAddressExpression"},
                     {"ip_addresses", NsxAddressTexts(addresses)}};
    term.members.addresses = addresses;
    term.members.hasIpAddresses = true;
    return term;
}

NsxGroupWriter::Term
NsxGroupWriter::Path(const std::string& path, const ExportedGroupMembers& members) const
{
    Term term;
    term.json = Json{{"resource_type", "PathExpression"}, {"paths", Json::array({path})}};
    term.members = members;
    return term;
}

Json
NsxGroupWriter::Combine(const std::vector<Term>& terms, const std::string& op,
                        ExportedGroupMembers& members)
{
    // Only all-OR or all-AND lists are written, so NSX's precedence (AND before OR) never
    // matters.
    Json list = Json::array();
    members = ExportedGroupMembers();
    std::vector<core::AddressRange> addresses;
    std::vector<core::AddressRange> vms;
    for (std::size_t i = 0; i < terms.size(); ++i)
    {
        const Term& term = terms[i];
        if (i > 0)
        {
            list.push_back(
                Json{{"resource_type", "ConjunctionOperator"}, {"conjunction_operator", op}});
        }
        list.push_back(term.json);
        members.hasIpAddresses = members.hasIpAddresses || term.members.hasIpAddresses;
        members.hasVms = members.hasVms || term.members.hasVms;
        if (op == "AND")
        {
            members.addresses = i == 0 ? term.members.addresses
                                       : members.addresses.Intersect(term.members.addresses);
            members.vms = i == 0 ? term.members.vms : members.vms.Intersect(term.members.vms);
            continue;
        }
        const auto& a = term.members.addresses.Ranges();
        addresses.insert(addresses.end(), a.begin(), a.end());
        const auto& v = term.members.vms.Ranges();
        vms.insert(vms.end(), v.begin(), v.end());
    }
    if (op != "AND")
    {
        members.addresses = core::AddressSet::FromRanges(std::move(addresses));
        members.vms = core::AddressSet::FromRanges(std::move(vms));
    }
    return list;
}

std::vector<NsxGroupWriter::Term>
NsxGroupWriter::StaticTerms(const core::AddressSet& addresses, bool vmsOnly,
                            const core::SourceLocation& at, const std::string& displayName,
                            bool& ok)
{
    std::vector<Term> terms;
    std::vector<std::string> externalIds;
    std::vector<std::string> names;
    std::vector<core::Ipv4Address> named;
    for (const auto& machine : m_scenario.GetEstate().Machines())
    {
        if (machine.host == core::kNone || !addresses.Contains(machine.ip))
        {
            continue;
        }
        if (!machine.externalId.empty())
        {
            externalIds.push_back(machine.externalId);
            named.push_back(machine.ip);
        }
        else if (m_nameUses[Lower(machine.name)] == 1)
        {
            names.push_back(machine.name);
            named.push_back(machine.ip);
        }
        else if (vmsOnly)
        {
            m_errors.Add(at, "cannot write group '" + displayName + "' for NSX: VM '" +
                                 machine.name +
                                 "' has no external id, and NSX compares names "
                                 "case-insensitively, so a Name condition would also select "
                                 "another VM of that name");
            ok = false;
        }
    }
    if (!externalIds.empty())
    {
        terms.push_back(ExternalIds(externalIds));
    }
    for (const auto& name : names)
    {
        terms.push_back(NameCondition(name));
    }
    if (!vmsOnly)
    {
        std::sort(named.begin(), named.end());
        core::AddressSet rest = addresses.Subtract(SetOf(named));
        if (!rest.IsEmpty())
        {
            terms.push_back(IpAddresses(rest));
        }
    }
    return terms;
}

std::vector<NsxGroupWriter::Term>
NsxGroupWriter::CriteriaTerms(const core::Group& group)
{
    const core::GroupDefinition& criteria = group.criteria;
    const core::Estate& estate = m_scenario.GetEstate();
    std::vector<Term> terms;
    switch (criteria.selector)
    {
    case Selector::Tag:
    {
        std::vector<core::Ipv4Address> physical; // tagged machines without a host
        for (const auto& tag : criteria.values)
        {
            terms.push_back(TagCondition(tag));
        }
        for (const auto& machine : estate.Machines())
        {
            // NSX's conditions select VMs only: a tagged machine without a host is an address.
            if (machine.host != core::kNone)
            {
                continue;
            }
            for (const auto& tag : criteria.values)
            {
                if (machine.HasTag(tag))
                {
                    physical.push_back(machine.ip);
                    break;
                }
            }
        }
        if (!physical.empty())
        {
            std::sort(physical.begin(), physical.end());
            terms.push_back(IpAddresses(SetOf(physical)));
        }
        break;
    }
    case Selector::Segment:
    {
        std::vector<core::Ipv4Address> physical;
        for (const auto& name : criteria.values)
        {
            for (std::size_t s = 0; s < estate.Segments().size(); ++s)
            {
                const core::Segment& segment = estate.Segments()[s];
                if (segment.name != name)
                {
                    continue;
                }
                ExportedGroupMembers members;
                std::vector<core::Ipv4Address> vms;
                for (const auto& machine : estate.Machines())
                {
                    if (machine.segment != static_cast<core::Index>(s))
                    {
                        continue;
                    }
                    (machine.host == core::kNone ? physical : vms).push_back(machine.ip);
                }
                std::sort(vms.begin(), vms.end());
                members.addresses = SetOf(vms);
                members.vms = members.addresses;
                members.hasVms = true;
                terms.push_back(Path(segment.nsxPath.empty() ? "/infra/segments/" + segment.name
                                                             : segment.nsxPath,
                                     members));
            }
        }
        if (!physical.empty())
        {
            std::sort(physical.begin(), physical.end());
            terms.push_back(IpAddresses(SetOf(physical)));
        }
        break;
    }
    case Selector::Cidr:
    {
        terms.push_back(IpAddresses(group.addresses));
        terms.back().json["ip_addresses"] = criteria.values; // as written
        break;
    }
    case Selector::Machines:
    {
        bool ok = true;
        terms = StaticTerms(group.addresses, false, group.location, group.name, ok);
        break;
    }
    case Selector::Any:
    case Selector::All:
    {
        const bool everything = std::find(criteria.values.begin(), criteria.values.end(), "any") !=
                                criteria.values.end();
        for (const auto& name : criteria.values)
        {
            if (name == "any")
            {
                continue;
            }
            const core::Group* inner = m_scenario.FindGroup(name);
            if (inner)
            {
                const NsxWrittenGroup& written = ForScenarioGroup(*inner, inner->name);
                terms.push_back(Path(written.path, written.members));
            }
        }
        if (criteria.selector == Selector::Any && everything)
        {
            terms = {IpAddresses(core::AddressSet::All())};
        }
        else if (criteria.selector == Selector::All && everything && terms.empty())
        {
            terms.push_back(IpAddresses(core::AddressSet::All()));
        }
        break;
    }
    case Selector::None:
        break;
    }
    return terms;
}

const NsxWrittenGroup&
NsxGroupWriter::ForScenarioGroup(const core::Group& group, const std::string& displayName)
{
    const std::string key = "criteria\n" + displayName + "\n" + group.name;
    auto done = m_written.find(key);
    if (done != m_written.end())
    {
        return done->second;
    }
    const std::string where =
        "group '" + displayName + "'" +
        (displayName == group.name ? "" : " (scenario group '" + group.name + "')");
    std::string why;
    ExportedGroupMembers members;
    Json expression;
    if (group.criteria.selector == Selector::None)
    {
        why = "its definition is not known";
    }
    else if (!group.criteria.except.empty())
    {
        why = "NSX groups cannot subtract, so 'except' cannot be said in NSX criteria";
    }
    else
    {
        std::vector<Term> terms = CriteriaTerms(group);
        expression =
            Combine(terms, group.criteria.selector == Selector::All ? "AND" : "OR", members);
        if (members.addresses != group.addresses)
        {
            why = "NSX would evaluate its criteria (" + group.definition + ") differently: " +
                  OneDifference(members.addresses, group.addresses, m_scenario.GetEstate()) +
                  " (NSX compares tags case-insensitively, reads a tag without scope in any "
                  "scope, and selects only machines with a host as VirtualMachines)";
        }
    }
    if (!why.empty())
    {
        m_warnings.push_back(
            {group.location, where + " is written as its present members, statically: " + why +
                                 "; machines that join or leave it later are not followed in NSX"});
        bool ok = true;
        std::vector<Term> terms =
            StaticTerms(group.addresses, false, group.location, displayName, ok);
        expression = Combine(terms, "OR", members);
        return Emit(key, displayName,
                    "segproof group " + group.definition + ", as its members at export", expression,
                    members);
    }
    return Emit(key, displayName, "segproof group " + group.definition, expression, members);
}

const NsxWrittenGroup*
NsxGroupWriter::Static(const std::string& displayName, const core::AddressSet& addresses,
                       bool vmsOnly, const std::string& description, const core::SourceLocation& at)
{
    const std::string key =
        std::string(vmsOnly ? "vms\n" : "static\n") + displayName + "\n" + addresses.ToString();
    auto done = m_written.find(key);
    if (done != m_written.end())
    {
        return &done->second;
    }
    bool ok = true;
    std::vector<Term> terms = StaticTerms(addresses, vmsOnly, at, displayName, ok);
    if (!ok)
    {
        return nullptr;
    }
    ExportedGroupMembers members;
    Json expression = Combine(terms, "OR", members);
    return &Emit(key, displayName, description, expression, members);
}

const NsxWrittenGroup&
NsxGroupWriter::Emit(const std::string& key, const std::string& displayName,
                     const std::string& description, Json expression, ExportedGroupMembers members)
{
    const std::string id = m_ids.Allocate(displayName);
    Json group = {{"resource_type", "Group"},
                  {"id", id},
                  {"display_name", displayName},
                  {"description", description},
                  {"expression", std::move(expression)}};
    m_children.push_back(Json{{"resource_type", "ChildGroup"}, {"Group", std::move(group)}});
    NsxWrittenGroup written{kGroupsPrefix + id, std::move(members)};
    return m_written.emplace(key, std::move(written)).first->second;
}

} // namespace formats
} // namespace segproof
