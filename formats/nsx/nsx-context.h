// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#ifndef SEGPROOF_FORMATS_NSX_NSX_CONTEXT_H
#define SEGPROOF_FORMATS_NSX_NSX_CONTEXT_H

#include "core/input-error.h"
#include "formats/input/yaml-context.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>
#include <yaml-cpp/yaml.h>

namespace segproof
{
namespace formats
{

/// Typed access to the JSON of an NSX Policy API export, parsed by yaml-cpp (JSON is YAML flow
/// syntax, and yaml-cpp keeps every node's line and column). Collects the errors and warnings
/// of one import; every message about an object ends with "(in KIND PATH)".
/// Internal to core (the public entry point is nsx-reader.h).
class NsxContext
{
public:
    explicit NsxContext(YamlContext& yaml);

    /// The file being read.
    const std::string& File() const { return m_yaml.File(); }
    /// Where the node was written.
    core::SourceLocation Location(const YAML::Node& node) const { return m_yaml.Location(node); }
    /// Records an error at the node.
    void Error(const YAML::Node& node, const std::string& message);
    /// Records a warning (the import goes on) at the node; past Limits::kMaxErrors of them,
    /// one last saying that more are not shown.
    void Warn(const YAML::Node& node, const std::string& message);
    /// Counts values read at the node against Limits::kMaxValuesRead (YamlContext::Count).
    void Count(std::size_t values, const YAML::Node& node);
    /// Records "unsupported NSX feature: FIELD = VALUE (in WHERE)", with ": WHY" when given.
    void Refuse(const YAML::Node& at, const std::string& field, const std::string& value,
                const std::string& where, const std::string& why = "");
    /// The warnings recorded so far.
    const std::vector<core::Diagnostic>& Warnings() const { return m_warnings; }

    /// Checks that `node` is a JSON object whose fields are each in `fields` or NSX metadata
    /// (ids, paths, revisions, timestamps, descriptions, object tags): every other field is
    /// refused by name, and so are `marked_for_delete: true` and `children` not in `fields`.
    /// Reports duplicate fields. `what` names the object in messages ("a rule").
    bool CheckObject(const YAML::Node& node, const std::string& what, const std::string& where,
                     const std::vector<std::string>& fields);

    /// The JSON string (or number) at `key`; nullopt when absent or null, or (with an error)
    /// when it is an object, a list or a boolean.
    std::optional<std::string> Text(const YAML::Node& object, const std::string& key,
                                    const std::string& where);
    /// The JSON boolean at `key`; nullopt when absent or null, or (with an error) not a boolean.
    std::optional<bool> Flag(const YAML::Node& object, const std::string& key,
                             const std::string& where);
    /// The JSON whole number at `key` within [min, max]; nullopt when absent, null or (with an
    /// error) anything else.
    std::optional<std::int64_t> Number(const YAML::Node& object, const std::string& key,
                                       std::int64_t min, std::int64_t max,
                                       const std::string& where);
    /// The elements of the JSON list at `key`; empty when absent or null; an error when it is
    /// not a list.
    std::vector<YAML::Node> List(const YAML::Node& object, const std::string& key,
                                 const std::string& where);
    /// The `resource_type` of an object, or "" (with an error) when it has none.
    std::string ResourceType(const YAML::Node& object, const std::string& what,
                             const std::string& where);

    /// A short rendering of a JSON value for messages: scalars as written, lists as [a, b],
    /// objects as {key: value}; cut at 80 characters.
    static std::string Render(const YAML::Node& value);
    /// "an object", "a list", "the string \"x\"", "the number 5", "true", "null".
    static std::string JsonKind(const YAML::Node& value);

private:
    YamlContext& m_yaml;
    std::vector<core::Diagnostic> m_warnings;
};

/// The largest `sequence_number` NSX accepts on a policy or rule.
constexpr std::int64_t kMaxNsxSequence = 2147483647;

/// True when `node` is a JSON string (a quoted scalar).
bool IsJsonString(const YAML::Node& node);

/// Diagnostics in file order (a folder's files by name, then line and column): the readers
/// visit objects in evaluation order, users read files top to bottom.
std::vector<core::Diagnostic> DiagnosticsInFileOrder(std::vector<core::Diagnostic> diagnostics);

/// yaml-cpp's parser message (a ParserException's msg), said in JSON's terms.
std::string ExplainJsonSyntaxError(const std::string& message);

/// " (in WHERE)", the suffix of every message about an object.
std::string InWhere(const std::string& where);

} // namespace formats
} // namespace segproof

#endif
