// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#include "nsx-context.h"

#include "core/limits.h"

#include <algorithm>
#include <map>
#include <tuple>

namespace segproof
{
namespace formats
{

namespace
{

/// Fields every NSX Policy object may carry that never change which traffic passes: identity,
/// bookkeeping and free text. (`tags` here are the object's own tags, not group criteria.)
const std::vector<std::string> kMetadataFields = {"_create_time",
                                                  "_create_user",
                                                  "_last_modified_time",
                                                  "_last_modified_user",
                                                  "_links",
                                                  "_protection",
                                                  "_revision",
                                                  "_schema",
                                                  "_self",
                                                  "_system_owned",
                                                  "description",
                                                  "display_name",
                                                  "id",
                                                  "origin_site_id",
                                                  "overridden",
                                                  "owner_id",
                                                  "parent_path",
                                                  "path",
                                                  "realization_id",
                                                  "relative_path",
                                                  "remote_path",
                                                  "resource_type",
                                                  "tags",
                                                  "unique_id",
                                                  "marked_for_delete"};

constexpr std::size_t kRenderLimit = 80;

bool
Contains(const std::vector<std::string>& list, const std::string& value)
{
    return std::find(list.begin(), list.end(), value) != list.end();
}

std::string
Cut(std::string text)
{
    if (text.size() > kRenderLimit)
    {
        text = text.substr(0, kRenderLimit - 3) + "...";
    }
    return text;
}

std::string
RenderUncut(const YAML::Node& value)
{
    switch (value.Type())
    {
    case YAML::NodeType::Scalar:
        return value.Scalar().empty() ? "\"\"" : value.Scalar();
    case YAML::NodeType::Sequence:
    {
        std::string text = "[";
        for (std::size_t i = 0; i < value.size(); ++i)
        {
            text += (i == 0 ? "" : ", ") + RenderUncut(value[i]);
            if (text.size() > kRenderLimit)
            {
                break;
            }
        }
        return text + "]";
    }
    case YAML::NodeType::Map:
    {
        std::string text = "{";
        bool first = true;
        for (const auto& entry : value)
        {
            text +=
                (first ? "" : ", ") + RenderUncut(entry.first) + ": " + RenderUncut(entry.second);
            first = false;
            if (text.size() > kRenderLimit)
            {
                break;
            }
        }
        return text + "}";
    }
    default:
        return "null";
    }
}

} // namespace

bool
IsJsonString(const YAML::Node& node)
{
    return node.IsScalar() && node.Tag() == "!";
}

std::string
InWhere(const std::string& where)
{
    return where.empty() ? "" : " (in " + where + ")";
}

NsxContext::NsxContext(YamlContext& yaml) : m_yaml(yaml)
{
}

void
NsxContext::Error(const YAML::Node& node, const std::string& message)
{
    m_yaml.Error(node, message);
}

void
NsxContext::Warn(const YAML::Node& node, const std::string& message)
{
    if (m_warnings.size() < core::Limits::kMaxErrors)
    {
        m_warnings.push_back(core::Diagnostic{Location(node), message});
    }
    else if (m_warnings.size() == core::Limits::kMaxErrors)
    {
        m_warnings.push_back(core::Diagnostic{core::SourceLocation{File(), 0, 0},
                                              "more warnings not shown (at most " +
                                                  std::to_string(core::Limits::kMaxErrors) +
                                                  " are; see docs/limits.md)"});
    }
}

void
NsxContext::Count(std::size_t values, const YAML::Node& node)
{
    m_yaml.Count(values, node);
}

void
NsxContext::Refuse(const YAML::Node& at, const std::string& field, const std::string& value,
                   const std::string& where, const std::string& why)
{
    Error(at, "unsupported NSX feature: " + field + " = " + value + InWhere(where) +
                  (why.empty() ? "" : ": " + why));
}

std::string
NsxContext::Render(const YAML::Node& value)
{
    return Cut(RenderUncut(value));
}

std::string
NsxContext::JsonKind(const YAML::Node& value)
{
    switch (value.Type())
    {
    case YAML::NodeType::Map:
        return "an object";
    case YAML::NodeType::Sequence:
        return "a list";
    case YAML::NodeType::Scalar:
        if (IsJsonString(value))
        {
            return "the string \"" + Cut(value.Scalar()) + "\"";
        }
        if (value.Scalar() == "true" || value.Scalar() == "false")
        {
            return value.Scalar();
        }
        return "the number " + Cut(value.Scalar());
    default:
        return "null";
    }
}

bool
NsxContext::CheckObject(const YAML::Node& node, const std::string& what, const std::string& where,
                        const std::vector<std::string>& fields)
{
    if (!node.IsMap())
    {
        Error(node, what + " must be a JSON object, got " + JsonKind(node) + InWhere(where));
        return false;
    }
    std::map<std::string, core::SourceLocation> seen;
    for (const auto& entry : node)
    {
        const YAML::Node& key = entry.first;
        if (!key.IsScalar())
        {
            Error(key, "the fields of " + what + " must be names" + InWhere(where));
            continue;
        }
        const std::string& name = key.Scalar();
        auto [previous, inserted] = seen.emplace(name, Location(key));
        if (!inserted)
        {
            Error(key, "duplicate field '" + name + "' (first at " + previous->second.ToString() +
                           ")" + InWhere(where));
            continue;
        }
        if (Contains(fields, name))
        {
            continue;
        }
        if (name == "marked_for_delete")
        {
            // An export holds live objects; one pending deletion has no defined effect.
            if (!(entry.second.IsScalar() && entry.second.Scalar() == "false") &&
                !entry.second.IsNull())
            {
                Refuse(key, name, Render(entry.second), where);
            }
            continue;
        }
        if (name == "children")
        {
            if (!(entry.second.IsNull() || (entry.second.IsSequence() && entry.second.size() == 0)))
            {
                Refuse(key, name, Render(entry.second), where);
            }
            continue;
        }
        if (!Contains(kMetadataFields, name))
        {
            Refuse(key, name, Render(entry.second), where);
        }
    }
    return true;
}

std::optional<std::string>
NsxContext::Text(const YAML::Node& object, const std::string& key, const std::string& where)
{
    YAML::Node value = object[key];
    if (!value || value.IsNull())
    {
        return std::nullopt;
    }
    if (!value.IsScalar() ||
        (!IsJsonString(value) && (value.Scalar() == "true" || value.Scalar() == "false")))
    {
        Error(value, "'" + key + "' must be a string, got " + JsonKind(value) + InWhere(where));
        return std::nullopt;
    }
    return value.Scalar();
}

std::optional<bool>
NsxContext::Flag(const YAML::Node& object, const std::string& key, const std::string& where)
{
    YAML::Node value = object[key];
    if (!value || value.IsNull())
    {
        return std::nullopt;
    }
    if (value.IsScalar() && !IsJsonString(value) &&
        (value.Scalar() == "true" || value.Scalar() == "false"))
    {
        return value.Scalar() == "true";
    }
    Error(value, "'" + key + "' must be true or false, got " + JsonKind(value) + InWhere(where));
    return std::nullopt;
}

std::optional<std::int64_t>
NsxContext::Number(const YAML::Node& object, const std::string& key, std::int64_t min,
                   std::int64_t max, const std::string& where)
{
    YAML::Node value = object[key];
    if (!value || value.IsNull())
    {
        return std::nullopt;
    }
    bool digits = value.IsScalar() && !IsJsonString(value) && !value.Scalar().empty() &&
                  value.Scalar().size() <= 18;
    const std::string text = value.IsScalar() ? value.Scalar() : "";
    for (std::size_t i = 0; i < text.size() && digits; ++i)
    {
        digits =
            (text[i] >= '0' && text[i] <= '9') || (i == 0 && text[i] == '-' && text.size() > 1);
    }
    if (digits)
    {
        std::int64_t number = std::stoll(text);
        if (number >= min && number <= max)
        {
            return number;
        }
    }
    Error(value, "'" + key + "' must be a whole number from " + std::to_string(min) + " to " +
                     std::to_string(max) + ", got " + JsonKind(value) + InWhere(where));
    return std::nullopt;
}

std::vector<YAML::Node>
NsxContext::List(const YAML::Node& object, const std::string& key, const std::string& where)
{
    std::vector<YAML::Node> items;
    YAML::Node value = object[key];
    if (!value || value.IsNull())
    {
        return items;
    }
    if (!value.IsSequence())
    {
        Error(value, "'" + key + "' must be a list, got " + JsonKind(value) + InWhere(where));
        return items;
    }
    Count(value.size(), value);
    for (const auto& element : value)
    {
        items.push_back(element);
    }
    return items;
}

std::string
NsxContext::ResourceType(const YAML::Node& object, const std::string& what,
                         const std::string& where)
{
    if (!object.IsMap())
    {
        Error(object, what + " must be a JSON object, got " + JsonKind(object) + InWhere(where));
        return "";
    }
    if (!object["resource_type"])
    {
        Error(object, what + " lacks 'resource_type'" + InWhere(where));
        return "";
    }
    return Text(object, "resource_type", where).value_or("");
}

/// yaml-cpp's parser messages, said in JSON's terms.
std::string
ExplainJsonSyntaxError(const std::string& message)
{
    if (message.rfind("invalid unicode", 0) == 0)
    {
        return "JSON syntax error: a \\u escape that is not a character; yaml-cpp cannot read "
               "a character outside the Basic Multilingual Plane written as a surrogate pair "
               "(\\uD83D\\uDE00): write the character itself";
    }
    if (message == "bad file")
    {
        // yaml-cpp's answer to lists and objects nested 500 levels deep.
        return "JSON syntax error: lists and objects nest 500 levels deep here, more than the "
               "JSON parser reads (the limit; see docs/limits.md)";
    }
    if (message == "end of map flow not found")
    {
        return "JSON syntax error: an object '{' is not closed with '}' (or a ',' or ':' is "
               "missing)";
    }
    if (message == "illegal flow end")
    {
        return "JSON syntax error: a ']' or '}' that closes nothing open here (the '{' or '[' "
               "before it is not closed, or the other bracket was meant)";
    }
    if (message == "end of sequence flow not found")
    {
        return "JSON syntax error: a list '[' is not closed with ']' (or a ',' is missing)";
    }
    return "JSON syntax error: " + message;
}

/// Diagnostics in file order: the readers visit objects in evaluation order, users read files
/// top to bottom (and a folder's files in the order of their names).
std::vector<core::Diagnostic>
DiagnosticsInFileOrder(std::vector<core::Diagnostic> diagnostics)
{
    std::stable_sort(diagnostics.begin(), diagnostics.end(),
                     [](const core::Diagnostic& a, const core::Diagnostic& b)
                     {
                         return std::tie(a.location.file, a.location.line, a.location.column) <
                                std::tie(b.location.file, b.location.line, b.location.column);
                     });
    return diagnostics;
}

} // namespace formats
} // namespace segproof
