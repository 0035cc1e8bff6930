// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#include "yaml-context.h"

#include "core/limits.h"
#include "core/name-suggestion.h"

#include <algorithm>
#include <map>

namespace segproof
{
namespace formats
{

std::string
YamlKindName(const YAML::Node& node)
{
    switch (node.Type())
    {
    case YAML::NodeType::Map:
        return "a map";
    case YAML::NodeType::Sequence:
        return "a list";
    case YAML::NodeType::Scalar:
        return "'" + node.Scalar() + "'";
    case YAML::NodeType::Null:
        return "nothing";
    default:
        return "nothing";
    }
}

core::SourceLocation
LocateInParts(const std::vector<TextPart>& parts, const core::SourceLocation& location)
{
    if (parts.empty() || location.line <= 0)
    {
        return location;
    }
    auto after =
        std::upper_bound(parts.begin(), parts.end(), location.line,
                         [](int line, const TextPart& part) { return line < part.firstLine; });
    if (after == parts.begin())
    {
        return location;
    }
    const TextPart& part = *(after - 1);
    return core::SourceLocation{part.file, location.line - part.firstLine + 1, location.column};
}

YamlContext::YamlContext(std::string file, core::DiagnosticList& diagnostics)
    : m_file(std::move(file)), m_diagnostics(diagnostics)
{
}

std::optional<YAML::Mark>
YamlContext::KeyMarkOf(const YAML::Node& node) const
{
    if (!m_root)
    {
        return std::nullopt;
    }
    // Iterative depth-first search: documents may nest deeply, and this runs only on errors.
    std::vector<YAML::Node> pending{m_root};
    while (!pending.empty())
    {
        YAML::Node current = pending.back();
        pending.pop_back();
        if (current.IsMap())
        {
            for (const auto& entry : current)
            {
                if (entry.second.is(node))
                {
                    return entry.first.Mark();
                }
                pending.push_back(entry.second);
            }
        }
        else if (current.IsSequence())
        {
            for (const auto& element : current)
            {
                pending.push_back(element);
            }
        }
    }
    return std::nullopt;
}

void
YamlContext::AddForeign(const YAML::Node& node, const core::SourceLocation& location)
{
    if (!node.IsDefined())
    {
        return;
    }
    // Every node inside, keys too, each once: a value may hold YAML aliases, even one of a list
    // inside itself (`&a [*a]`). An alias is the very node it names, at the same place of the
    // text, so nodes already seen are only looked for among those written at the same place.
    std::map<int, std::vector<YAML::Node>> seenAt;
    std::vector<YAML::Node> pending{node};
    while (!pending.empty())
    {
        YAML::Node current(pending.back());
        pending.pop_back();
        std::vector<YAML::Node>& same = seenAt[current.Mark().pos];
        if (std::any_of(same.begin(), same.end(),
                        [&current](const YAML::Node& seen) { return seen.is(current); }))
        {
            continue;
        }
        same.push_back(current);
        m_foreign.emplace_back(current, location);
        if (current.IsMap())
        {
            for (const auto& entry : current)
            {
                pending.push_back(entry.first);
                pending.push_back(entry.second);
            }
        }
        else if (current.IsSequence())
        {
            for (const auto& element : current)
            {
                pending.push_back(element);
            }
        }
    }
}

core::SourceLocation
YamlContext::Location(const YAML::Node& node) const
{
    if (!m_foreign.empty() && node.IsDefined())
    {
        // Latest first: a later setting inside an earlier one's value replaces that node.
        for (auto it = m_foreign.rbegin(); it != m_foreign.rend(); ++it)
        {
            if (it->first.is(node))
            {
                return it->second;
            }
        }
    }
    YAML::Mark mark = node.Mark();
    if (node.IsDefined() && node.IsNull())
    {
        mark = KeyMarkOf(node).value_or(mark);
    }
    if (mark.is_null())
    {
        return core::SourceLocation{m_file, 0, 0};
    }
    return LocateInParts(m_parts, core::SourceLocation{m_file, mark.line + 1, mark.column + 1});
}

void
YamlContext::Error(const YAML::Node& node, const std::string& message)
{
    m_diagnostics.Add(Location(node), message);
    StopIfTooManyErrors();
}

void
YamlContext::Error(const core::SourceLocation& location, const std::string& message)
{
    m_diagnostics.Add(location, message);
    StopIfTooManyErrors();
}

void
YamlContext::StopIfTooManyErrors()
{
    // Past this many, the rest is noise, and each error may cost a search of the document
    // (Location) and of every name (DidYouMean).
    if (m_diagnostics.Items().size() >= core::Limits::kMaxErrors)
    {
        throw ReadingStopped{core::Diagnostic{core::SourceLocation{m_file, 0, 0},
                                              "stopped after " +
                                                  std::to_string(core::Limits::kMaxErrors) +
                                                  " errors (the limit; see docs/limits.md)"}};
    }
}

void
YamlContext::Count(std::size_t values, const YAML::Node& node)
{
    m_valuesRead += values;
    if (m_valuesRead > core::Limits::kMaxValuesRead)
    {
        m_diagnostics.Add(Location(node),
                          "reading stopped here: the file amounts to more than " +
                              std::to_string(core::Limits::kMaxValuesRead) +
                              " values (list items, names from bracket ranges, and the address "
                              "ranges and ports a group or service brings each time it is "
                              "named, YAML aliases included) (the limit; see docs/limits.md)");
        throw ReadingStopped{};
    }
}

bool
YamlContext::CheckMap(const YAML::Node& node, const std::string& what,
                      const std::vector<std::string>& allowed)
{
    return CheckKeys(node, what, &allowed);
}

bool
YamlContext::CheckNameMap(const YAML::Node& node, const std::string& what)
{
    return CheckKeys(node, what, nullptr);
}

bool
YamlContext::CheckKeys(const YAML::Node& node, const std::string& what,
                       const std::vector<std::string>* allowed)
{
    if (!node.IsMap())
    {
        Error(node, what + " must be a map, got " + YamlKindName(node));
        return false;
    }
    bool ok = true;
    std::map<std::string, core::SourceLocation> seen;
    for (const auto& entry : node)
    {
        const YAML::Node& key = entry.first;
        if (!key.IsScalar())
        {
            Error(key, "keys of " + what + " must be names");
            ok = false;
            continue;
        }
        const std::string& name = key.Scalar();
        auto previous = seen.find(name);
        if (previous != seen.end())
        {
            Error(key, "duplicate key '" + name + "' in " + what + " (first at " +
                           previous->second.ToString() + ")");
            ok = false;
            continue;
        }
        seen.emplace(name, Location(key));
        if (allowed != nullptr &&
            std::find(allowed->begin(), allowed->end(), name) == allowed->end())
        {
            std::string expected;
            for (const auto& a : *allowed)
            {
                expected += (expected.empty() ? "" : ", ") + a;
            }
            std::string hint = core::DidYouMean(name, *allowed);
            Error(key, "unknown key '" + name + "' in " + what +
                           (hint.empty() ? " (expected one of: " + expected + ")" : hint));
            ok = false;
        }
    }
    return ok;
}

bool
YamlContext::Require(const YAML::Node& node, const std::string& what,
                     const std::vector<std::string>& required)
{
    bool ok = true;
    for (const auto& key : required)
    {
        if (!node[key])
        {
            Error(node, what + " lacks required key '" + key + "'");
            ok = false;
        }
    }
    return ok;
}

std::optional<std::string>
YamlContext::String(const YAML::Node& map, const std::string& key)
{
    YAML::Node value = map[key];
    if (!value)
    {
        return std::nullopt;
    }
    if (!value.IsScalar())
    {
        Error(value, "'" + key + "' must be a single value, got " + YamlKindName(value));
        return std::nullopt;
    }
    return value.Scalar();
}

std::optional<std::int64_t>
YamlContext::Integer(const YAML::Node& map, const std::string& key, std::int64_t min,
                     std::int64_t max)
{
    auto text = String(map, key);
    if (!text)
    {
        return std::nullopt;
    }
    std::int64_t value = 0;
    bool digits = !text->empty() && text->size() <= 18;
    for (std::size_t i = 0; i < text->size() && digits; ++i)
    {
        char c = (*text)[i];
        if (c == '-' && i == 0 && text->size() > 1)
        {
            continue;
        }
        digits = c >= '0' && c <= '9';
    }
    if (digits)
    {
        value = std::stoll(*text);
    }
    if (!digits || value < min || value > max)
    {
        Error(map[key], "'" + key + "' must be a whole number from " + std::to_string(min) +
                            " to " + std::to_string(max) + ", got '" + *text + "'");
        return std::nullopt;
    }
    return value;
}

std::optional<bool>
YamlContext::Boolean(const YAML::Node& map, const std::string& key)
{
    auto text = String(map, key);
    if (!text)
    {
        return std::nullopt;
    }
    if (*text == "true")
    {
        return true;
    }
    if (*text == "false")
    {
        return false;
    }
    Error(map[key], "'" + key + "' must be true or false, got '" + *text + "'");
    return std::nullopt;
}

std::vector<YAML::Node>
YamlContext::StringList(const YAML::Node& map, const std::string& key)
{
    YAML::Node value = map[key];
    if (!value)
    {
        return {};
    }
    return ScalarOrList(value, "'" + key + "'");
}

std::vector<YAML::Node>
YamlContext::ScalarOrList(const YAML::Node& node, const std::string& what)
{
    std::vector<YAML::Node> items;
    if (node.IsScalar())
    {
        items.push_back(node);
        return items;
    }
    if (!node.IsSequence())
    {
        Error(node, what + " must be a name or a list of names, got " + YamlKindName(node));
        return items;
    }
    Count(node.size(), node);
    for (const auto& element : node)
    {
        if (!element.IsScalar())
        {
            Error(element, what + " must list names, got " + YamlKindName(element));
            continue;
        }
        items.push_back(element);
    }
    return items;
}

} // namespace formats
} // namespace segproof
