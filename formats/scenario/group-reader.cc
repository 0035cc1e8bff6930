// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#include "group-reader.h"

#include "bracket-range.h"
#include "core/limits.h"
#include "core/name-suggestion.h"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

namespace segproof
{
namespace formats
{

namespace
{

const std::vector<std::string> kSelectors = {"tag", "segment", "cidr", "machines", "any", "all"};

class GroupReader
{
public:
    GroupReader(const core::Estate& estate, YamlContext& context, const EstateGaps& gaps)
        : m_estate(estate), m_context(context), m_gaps(gaps)
    {
    }

    std::vector<core::Group> Read(const YAML::Node& node)
    {
        std::vector<core::Group> groups;
        if (!node)
        {
            return groups;
        }
        if (!m_context.CheckNameMap(node, "'groups'") && !node.IsMap())
        {
            return groups;
        }
        if (node.size() > core::Limits::kMaxGroups)
        {
            m_context.Error(node, "'groups' defines " + std::to_string(node.size()) +
                                      " groups, more than " +
                                      std::to_string(core::Limits::kMaxGroups) +
                                      " (the limit; see docs/limits.md)");
            throw ReadingStopped{};
        }
        for (const auto& entry : node)
        {
            if (!entry.first.IsScalar() || m_definitions.count(entry.first.Scalar()) != 0)
            {
                continue; // reported by CheckNameMap
            }
            const std::string& name = entry.first.Scalar();
            if (name == "any")
            {
                m_context.Error(entry.first, "'any' is reserved (every IPv4 address) and cannot "
                                             "be defined as a group");
                continue;
            }
            m_order.push_back(name);
            Definition definition;
            definition.key = entry.first;
            definition.body = entry.second;
            m_definitions.emplace(name, definition);
            m_names.push_back(name);
        }
        for (const auto& name : m_order)
        {
            std::vector<std::string> stack;
            Resolve(name, stack);
        }
        for (const auto& name : m_order)
        {
            const Definition& d = m_definitions.at(name);
            groups.push_back(
                core::Group{name, d.addresses, d.text, d.criteria, m_context.Location(d.key)});
        }
        return groups;
    }

private:
    enum class State
    {
        Unvisited,
        Visiting,
        Done,
    };

    struct Definition
    {
        YAML::Node key;
        YAML::Node body;
        State state = State::Unvisited;
        core::AddressSet addresses;
        std::string text;
        core::GroupDefinition criteria;
        std::size_t depth = 0; ///< group references on its longest chain down
    };

    /// Resolves a group by name; `stack` holds the groups being resolved (cycle detection).
    /// Resolved groups are remembered, so nesting is measured as each group's depth, whatever
    /// order the file defines the groups in.
    const core::AddressSet* Resolve(const std::string& name, std::vector<std::string>& stack)
    {
        Definition& d = m_definitions.at(name);
        if (d.state == State::Done)
        {
            return &d.addresses;
        }
        if (d.state == State::Visiting)
        {
            std::string cycle;
            bool inCycle = false;
            for (const auto& s : stack)
            {
                inCycle = inCycle || s == name;
                if (inCycle)
                {
                    cycle += s + " -> ";
                }
            }
            m_context.Error(d.key,
                            "group '" + name + "' is defined in terms of itself: " + cycle + name);
            return nullptr;
        }
        if (stack.size() > core::Limits::kMaxGroupDepth)
        {
            // A chain written outermost first (one written innermost first is resolved a level
            // at a time): the group the chain starts from is nested too deep.
            ReportTooDeep(stack.front());
            return nullptr;
        }
        d.state = State::Visiting;
        stack.push_back(name);
        d.addresses = Evaluate(d, stack);
        stack.pop_back();
        d.state = State::Done;
        if (d.depth > core::Limits::kMaxGroupDepth)
        {
            ReportTooDeep(name);
            d.addresses = core::AddressSet();
            d.depth = 0;
        }
        return &d.addresses;
    }

    void ReportTooDeep(const std::string& name)
    {
        if (m_tooDeep.insert(name).second)
        {
            m_context.Error(m_definitions.at(name).key,
                            "group '" + name + "' is nested more than " +
                                std::to_string(core::Limits::kMaxGroupDepth) +
                                " levels deep (the limit; see docs/limits.md)");
        }
    }

    core::AddressSet Evaluate(Definition& d, std::vector<std::string>& stack)
    {
        const std::string what = "group '" + d.key.Scalar() + "'";
        std::vector<std::string> allowed = kSelectors;
        allowed.push_back("except");
        if (!m_context.CheckMap(d.body, what, allowed))
        {
            return core::AddressSet();
        }
        std::vector<std::string> present;
        for (const auto& s : kSelectors)
        {
            if (d.body[s])
            {
                present.push_back(s);
            }
        }
        if (present.size() != 1)
        {
            m_context.Error(d.body,
                            what + (present.empty()
                                        ? " needs one of tag, segment, cidr, machines, "
                                          "any, all"
                                        : " has both '" + present[0] + "' and '" + present[1] +
                                              "'; combine selectors with all: [...]"));
            return core::AddressSet();
        }
        const std::string& selector = present[0];
        std::vector<YAML::Node> items = m_context.StringList(d.body, selector);
        d.text = selector + " " + Join(items);
        for (const auto& item : items)
        {
            d.criteria.values.push_back(item.Scalar());
        }
        core::AddressSet result;
        if (selector == "tag")
        {
            d.criteria.selector = core::GroupDefinition::Selector::Tag;
            result = ByTag(items);
        }
        else if (selector == "segment")
        {
            d.criteria.selector = core::GroupDefinition::Selector::Segment;
            result = BySegment(items);
        }
        else if (selector == "cidr")
        {
            d.criteria.selector = core::GroupDefinition::Selector::Cidr;
            result = ByCidr(items);
        }
        else if (selector == "machines")
        {
            d.criteria.selector = core::GroupDefinition::Selector::Machines;
            d.criteria.values.clear(); // the names, bracket ranges expanded
            result = ByMachines(items, d.criteria.values);
        }
        else if (selector == "any")
        {
            d.criteria.selector = core::GroupDefinition::Selector::Any;
            result = UnionOf(items, d, stack);
        }
        else
        {
            d.criteria.selector = core::GroupDefinition::Selector::All;
            result = core::AddressSet::All();
            for (const auto& item : items)
            {
                result = result.Intersect(Reference(item, d, stack));
            }
            if (items.empty())
            {
                result = core::AddressSet();
            }
        }
        if (d.body["except"])
        {
            std::vector<YAML::Node> excluded = m_context.StringList(d.body, "except");
            d.text += " except " + Join(excluded);
            for (const auto& item : excluded)
            {
                d.criteria.except.push_back(item.Scalar());
            }
            result = result.Subtract(UnionOf(excluded, d, stack));
        }
        return result;
    }

    /// The union of the groups named by `items`, built at once (a union per item would cost
    /// the square of their size).
    core::AddressSet UnionOf(const std::vector<YAML::Node>& items, Definition& d,
                             std::vector<std::string>& stack)
    {
        std::vector<core::AddressRange> ranges;
        for (const auto& item : items)
        {
            const core::AddressSet& set = Reference(item, d, stack);
            ranges.insert(ranges.end(), set.Ranges().begin(), set.Ranges().end());
        }
        return core::AddressSet::FromRanges(std::move(ranges));
    }

    /// The addresses of the group named by `item` in the definition of `d`.
    const core::AddressSet& Reference(const YAML::Node& item, Definition& d,
                                      std::vector<std::string>& stack)
    {
        static const core::AddressSet kEmpty;
        static const core::AddressSet kAll = core::AddressSet::All();
        const std::string& name = item.Scalar();
        if (name == "any")
        {
            return kAll;
        }
        if (m_definitions.count(name) == 0)
        {
            m_context.Error(item, "unknown group '" + name + "'" + core::DidYouMean(name, m_names));
            return kEmpty;
        }
        const core::AddressSet* resolved = Resolve(name, stack);
        if (resolved == nullptr)
        {
            return kEmpty;
        }
        d.depth = std::max(d.depth, m_definitions.at(name).depth + 1);
        m_context.Count(resolved->Ranges().size(), item);
        return *resolved;
    }

    core::AddressSet ByTag(const std::vector<YAML::Node>& items)
    {
        if (!m_byTagBuilt)
        {
            // One pass over the machines for every group, not one per group.
            m_byTagBuilt = true;
            for (const auto& m : m_estate.Machines())
            {
                for (const auto& tag : m.tags)
                {
                    m_byTag[tag].push_back({m.ip, m.ip});
                }
            }
        }
        std::vector<core::AddressRange> ranges;
        for (const auto& item : items)
        {
            auto tagged = m_byTag.find(item.Scalar());
            if (tagged != m_byTag.end())
            {
                m_context.Count(tagged->second.size(), item);
                ranges.insert(ranges.end(), tagged->second.begin(), tagged->second.end());
            }
        }
        return core::AddressSet::FromRanges(std::move(ranges));
    }

    core::AddressSet BySegment(const std::vector<YAML::Node>& items)
    {
        std::vector<core::AddressRange> ranges;
        for (const auto& item : items)
        {
            if (m_segmentNames.empty())
            {
                for (core::Index s = 0; s < static_cast<core::Index>(m_estate.Segments().size());
                     ++s)
                {
                    m_segmentNames.push_back(m_estate.Segments()[static_cast<std::size_t>(s)].name);
                    m_segmentIndex.emplace(m_segmentNames.back(), s);
                }
            }
            auto found = m_segmentIndex.find(item.Scalar());
            core::Index segment = found == m_segmentIndex.end() ? core::kNone : found->second;
            if (segment == core::kNone && m_gaps.segments.count(item.Scalar()) != 0)
            {
                continue; // defined, but its CIDR is wrong: reported there
            }
            if (segment == core::kNone)
            {
                m_context.Error(item, "unknown segment '" + item.Scalar() + "'" +
                                          core::DidYouMean(item.Scalar(), m_segmentNames));
                continue;
            }
            if (m_bySegment.empty())
            {
                m_bySegment.resize(m_estate.Segments().size());
                for (const auto& m : m_estate.Machines())
                {
                    if (m.segment != core::kNone)
                    {
                        m_bySegment[static_cast<std::size_t>(m.segment)].push_back({m.ip, m.ip});
                    }
                }
            }
            const auto& inSegment = m_bySegment[static_cast<std::size_t>(segment)];
            m_context.Count(inSegment.size(), item);
            ranges.insert(ranges.end(), inSegment.begin(), inSegment.end());
        }
        return core::AddressSet::FromRanges(std::move(ranges));
    }

    core::AddressSet ByCidr(const std::vector<YAML::Node>& items)
    {
        std::vector<core::AddressRange> ranges;
        for (const auto& item : items)
        {
            core::CidrParse parsed = core::ParseCidr(item.Scalar());
            if (!parsed.cidr)
            {
                m_context.Error(item, parsed.error);
                continue;
            }
            ranges.push_back({parsed.cidr->First(), parsed.cidr->Last()});
        }
        return core::AddressSet::FromRanges(std::move(ranges));
    }

    core::AddressSet ByMachines(const std::vector<YAML::Node>& items,
                                std::vector<std::string>& expanded)
    {
        std::vector<core::AddressRange> ranges;
        for (const auto& item : items)
        {
            BracketExpansion names =
                ExpandBracketRange(item.Scalar(), core::Limits::kMaxRangeExpansion);
            if (!names.error.empty())
            {
                m_context.Error(item, names.error);
                continue;
            }
            m_context.Count(names.names.size(), item);
            for (const auto& name : names.names)
            {
                expanded.push_back(name);
                core::Index m = m_estate.FindMachine(name);
                core::Index e = m_estate.FindExternal(name);
                if (m != core::kNone)
                {
                    core::Ipv4Address ip = m_estate.Machines()[m].ip;
                    ranges.push_back({ip, ip});
                }
                else if (e != core::kNone)
                {
                    core::Ipv4Address ip = m_estate.Externals()[e].ip;
                    ranges.push_back({ip, ip});
                }
                else
                {
                    m_context.Error(item, "unknown machine '" + name + "'" + MachineHint(name));
                    break;
                }
            }
        }
        return core::AddressSet::FromRanges(std::move(ranges));
    }

    std::string MachineHint(const std::string& name)
    {
        if (m_machineNames.empty())
        {
            for (const auto& m : m_estate.Machines())
            {
                m_machineNames.push_back(m.name);
            }
            for (const auto& e : m_estate.Externals())
            {
                m_machineNames.push_back(e.name);
            }
        }
        return core::DidYouMean(name, m_machineNames);
    }

    static std::string Join(const std::vector<YAML::Node>& items)
    {
        std::string text;
        for (const auto& item : items)
        {
            text += (text.empty() ? "" : ", ") + item.Scalar();
        }
        return items.size() == 1 ? text : "[" + text + "]";
    }

    const core::Estate& m_estate;
    YamlContext& m_context;
    const EstateGaps& m_gaps;
    std::map<std::string, Definition> m_definitions;
    std::vector<std::string> m_order;
    std::vector<std::string> m_names;
    std::vector<std::string> m_machineNames;
    std::vector<std::string> m_segmentNames;
    std::unordered_map<std::string, core::Index> m_segmentIndex;
    std::set<std::string> m_tooDeep; ///< groups reported as nested too deep
    std::unordered_map<std::string, std::vector<core::AddressRange>> m_byTag;
    bool m_byTagBuilt = false;
    std::vector<std::vector<core::AddressRange>> m_bySegment;
};

} // namespace

std::vector<core::Group>
ReadGroups(const YAML::Node& node, const core::Estate& estate, YamlContext& context,
           const EstateGaps& gaps)
{
    return GroupReader(estate, context, gaps).Read(node);
}

} // namespace formats
} // namespace segproof
