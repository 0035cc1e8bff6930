#include "group-reader.h"

#include "bracket-range.h"
#include "limits.h"
#include "name-suggestion.h"

#include <map>

namespace segproof
{
namespace core
{

namespace
{

const std::vector<std::string> kSelectors = {"tag", "segment", "cidr", "machines", "any", "all"};

class GroupReader
{
public:
    GroupReader(const Estate& estate, YamlContext& context, const EstateGaps& gaps)
        : m_estate(estate), m_context(context), m_gaps(gaps)
    {
    }

    std::vector<Group> Read(const YAML::Node& node)
    {
        std::vector<Group> groups;
        if (!node)
        {
            return groups;
        }
        if (!m_context.CheckNameMap(node, "'groups'") && !node.IsMap())
        {
            return groups;
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
            groups.push_back(Group{name, d.addresses, d.text, m_context.Location(d.key)});
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
        AddressSet addresses;
        std::string text;
    };

    /// Resolves a group by name; `stack` holds the groups being resolved (cycle detection).
    const AddressSet* Resolve(const std::string& name, std::vector<std::string>& stack)
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
        if (stack.size() >= Limits::kMaxGroupDepth)
        {
            m_context.Error(d.key, "group '" + name + "' is nested more than " +
                                       std::to_string(Limits::kMaxGroupDepth) +
                                       " levels deep (the limit; see docs/limits.md)");
            return nullptr;
        }
        d.state = State::Visiting;
        stack.push_back(name);
        d.addresses = Evaluate(d, stack);
        stack.pop_back();
        d.state = State::Done;
        return &d.addresses;
    }

    AddressSet Evaluate(Definition& d, std::vector<std::string>& stack)
    {
        const std::string what = "group '" + d.key.Scalar() + "'";
        std::vector<std::string> allowed = kSelectors;
        allowed.push_back("except");
        if (!m_context.CheckMap(d.body, what, allowed))
        {
            return AddressSet();
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
            return AddressSet();
        }
        const std::string& selector = present[0];
        std::vector<YAML::Node> items = m_context.StringList(d.body, selector);
        d.text = selector + " " + Join(items);
        AddressSet result;
        if (selector == "tag")
        {
            result = ByTag(items);
        }
        else if (selector == "segment")
        {
            result = BySegment(items);
        }
        else if (selector == "cidr")
        {
            result = ByCidr(items);
        }
        else if (selector == "machines")
        {
            result = ByMachines(items);
        }
        else if (selector == "any")
        {
            for (const auto& item : items)
            {
                result = result.Union(Reference(item, stack));
            }
        }
        else
        {
            result = AddressSet::All();
            for (const auto& item : items)
            {
                result = result.Intersect(Reference(item, stack));
            }
            if (items.empty())
            {
                result = AddressSet();
            }
        }
        if (d.body["except"])
        {
            std::vector<YAML::Node> excluded = m_context.StringList(d.body, "except");
            d.text += " except " + Join(excluded);
            for (const auto& item : excluded)
            {
                result = result.Subtract(Reference(item, stack));
            }
        }
        return result;
    }

    AddressSet Reference(const YAML::Node& item, std::vector<std::string>& stack)
    {
        const std::string& name = item.Scalar();
        if (name == "any")
        {
            return AddressSet::All();
        }
        if (m_definitions.count(name) == 0)
        {
            m_context.Error(item, "unknown group '" + name + "'" + DidYouMean(name, m_names));
            return AddressSet();
        }
        const AddressSet* resolved = Resolve(name, stack);
        return resolved ? *resolved : AddressSet();
    }

    AddressSet ByTag(const std::vector<YAML::Node>& items)
    {
        AddressSet result;
        for (const auto& item : items)
        {
            for (const auto& m : m_estate.Machines())
            {
                if (m.HasTag(item.Scalar()))
                {
                    result.Add(m.ip);
                }
            }
        }
        return result;
    }

    AddressSet BySegment(const std::vector<YAML::Node>& items)
    {
        AddressSet result;
        for (const auto& item : items)
        {
            Index segment = kNone;
            std::vector<std::string> names;
            for (Index s = 0; s < static_cast<Index>(m_estate.Segments().size()); ++s)
            {
                names.push_back(m_estate.Segments()[s].name);
                if (names.back() == item.Scalar())
                {
                    segment = s;
                }
            }
            if (segment == kNone && m_gaps.segments.count(item.Scalar()) != 0)
            {
                continue; // defined, but its CIDR is wrong: reported there
            }
            if (segment == kNone)
            {
                m_context.Error(item, "unknown segment '" + item.Scalar() + "'" +
                                          DidYouMean(item.Scalar(), names));
                continue;
            }
            for (const auto& m : m_estate.Machines())
            {
                if (m.segment == segment)
                {
                    result.Add(m.ip);
                }
            }
        }
        return result;
    }

    AddressSet ByCidr(const std::vector<YAML::Node>& items)
    {
        AddressSet result;
        for (const auto& item : items)
        {
            CidrParse parsed = ParseCidr(item.Scalar());
            if (!parsed.cidr)
            {
                m_context.Error(item, parsed.error);
                continue;
            }
            result = result.Union(AddressSet::FromCidr(*parsed.cidr));
        }
        return result;
    }

    AddressSet ByMachines(const std::vector<YAML::Node>& items)
    {
        AddressSet result;
        for (const auto& item : items)
        {
            BracketExpansion names = ExpandBracketRange(item.Scalar(), Limits::kMaxRangeExpansion);
            if (!names.error.empty())
            {
                m_context.Error(item, names.error);
                continue;
            }
            for (const auto& name : names.names)
            {
                Index m = m_estate.FindMachine(name);
                Index e = m_estate.FindExternal(name);
                if (m != kNone)
                {
                    result.Add(m_estate.Machines()[m].ip);
                }
                else if (e != kNone)
                {
                    result.Add(m_estate.Externals()[e].ip);
                }
                else
                {
                    m_context.Error(item, "unknown machine '" + name + "'" + MachineHint(name));
                    break;
                }
            }
        }
        return result;
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
        return DidYouMean(name, m_machineNames);
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

    const Estate& m_estate;
    YamlContext& m_context;
    const EstateGaps& m_gaps;
    std::map<std::string, Definition> m_definitions;
    std::vector<std::string> m_order;
    std::vector<std::string> m_names;
    std::vector<std::string> m_machineNames;
};

} // namespace

std::vector<Group>
ReadGroups(const YAML::Node& node, const Estate& estate, YamlContext& context,
           const EstateGaps& gaps)
{
    return GroupReader(estate, context, gaps).Read(node);
}

} // namespace core
} // namespace segproof
