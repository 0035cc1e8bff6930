// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#ifndef SEGPROOF_FORMATS_INPUT_YAML_CONTEXT_H
#define SEGPROOF_FORMATS_INPUT_YAML_CONTEXT_H

#include "core/input-error.h"
#include "core/source-location.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>
#include <yaml-cpp/yaml.h>

namespace segproof
{
namespace formats
{

/// Thrown by YamlContext when a reading must stop at once: a limit of docs/limits.md that
/// bounds the reader's own work was reached. The reading's entry point catches it, reports the
/// errors collected so far and then `note`, when it has one.
struct ReadingStopped
{
    std::optional<core::Diagnostic> note;
};

/// One file of several read as one text (a folder of NSX API responses): the file's line 1 is
/// line `firstLine` of the whole.
struct TextPart
{
    std::string file;
    int firstLine = 1;
};

/// Shared by the scenario's section readers: the file name, the diagnostics collected so far,
/// and typed access to YAML nodes that reports every mismatch at its FILE:LINE:COL.
/// Internal to core (the public entry point is scenario-reader.h).
class YamlContext
{
public:
    YamlContext(std::string file, core::DiagnosticList& diagnostics);

    /// The file being read.
    const std::string& File() const { return m_file; }
    /// The whole document, so that an empty value (`name:` with nothing after it) can be
    /// located at its key: yaml-cpp marks such a node where the next token starts.
    /// (reset, not operator=: yaml-cpp's assignment would rewrite the node held before.)
    void SetDocument(const YAML::Node& root) { m_root.reset(root); }
    /// Marks `node`, and every key and value inside it, as written outside this file: a value
    /// set from a campaign (formats/scenario/parameter-setting.h), or a key or map made to hold
    /// one. Location answers `location` for them, so that the readers' errors on such a value point
    /// where the user wrote it. Of two registrations of one node, the later wins.
    void AddForeign(const YAML::Node& node, const core::SourceLocation& location);
    /// The files the document was read from, when it is several files read as one text (in
    /// the order of `firstLine`): Location then names the file and its own line.
    void SetParts(std::vector<TextPart> parts) { m_parts = std::move(parts); }
    /// Where the node was written; for an empty value inside the document, its key; for a
    /// node added with AddForeign, the location given there.
    core::SourceLocation Location(const YAML::Node& node) const;
    /// Records an error at the node.
    void Error(const YAML::Node& node, const std::string& message);
    /// Records an error at a known location.
    void Error(const core::SourceLocation& location, const std::string& message);
    /// True when no error has been recorded yet.
    bool Clean() const { return !m_diagnostics.HasErrors(); }
    /// Counts `values` read at `node` (list items, expanded names, copied address ranges and
    /// service entries) against Limits::kMaxValuesRead; past it, records an error at `node` and
    /// throws ReadingStopped. Also throws ReadingStopped once Limits::kMaxErrors errors are in.
    void Count(std::size_t values, const YAML::Node& node);

    /// Checks that `node` is a map whose keys are all in `allowed`, none twice; reports each
    /// unknown key with a suggestion. `what` names the map in messages ("a segment").
    bool CheckMap(const YAML::Node& node, const std::string& what,
                  const std::vector<std::string>& allowed);
    /// Checks that `node` is a map from names to definitions (groups, services, postures):
    /// scalar keys, none twice.
    bool CheckNameMap(const YAML::Node& node, const std::string& what);
    /// Reports each key of `required` that the map lacks.
    bool Require(const YAML::Node& node, const std::string& what,
                 const std::vector<std::string>& required);

    /// The scalar at `key` as a string; nullopt (with an error if present but not a scalar).
    std::optional<std::string> String(const YAML::Node& map, const std::string& key);
    /// The scalar at `key` as an integer within [min, max].
    std::optional<std::int64_t> Integer(const YAML::Node& map, const std::string& key,
                                        std::int64_t min, std::int64_t max);
    /// The scalar at `key` as a boolean (true / false).
    std::optional<bool> Boolean(const YAML::Node& map, const std::string& key);
    /// A scalar, or a list of scalars, at `key`; each element with its node for locations.
    std::vector<YAML::Node> StringList(const YAML::Node& map, const std::string& key);
    /// A scalar node or each element of a sequence of scalars.
    std::vector<YAML::Node> ScalarOrList(const YAML::Node& node, const std::string& what);

private:
    bool CheckKeys(const YAML::Node& node, const std::string& what,
                   const std::vector<std::string>* allowed);

    /// The key whose value is `node`, searched from the document root; nullopt if none.
    std::optional<YAML::Mark> KeyMarkOf(const YAML::Node& node) const;

    /// Throws ReadingStopped when Limits::kMaxErrors errors have been recorded.
    void StopIfTooManyErrors();

    std::string m_file;
    core::DiagnosticList& m_diagnostics;
    YAML::Node m_root;
    /// Nodes from outside the file (AddForeign), each with where it was written, in the order
    /// they were added.
    std::vector<std::pair<YAML::Node, core::SourceLocation>> m_foreign;
    std::vector<TextPart> m_parts;
    std::size_t m_valuesRead = 0;
};

/// `location` (a line of the whole text) as the file of `parts` it falls in and that file's own
/// line; unchanged when there are no parts or it has no line.
core::SourceLocation LocateInParts(const std::vector<TextPart>& parts,
                                   const core::SourceLocation& location);

/// "a map", "a list", "a scalar" or "nothing", for type errors.
std::string YamlKindName(const YAML::Node& node);

} // namespace formats
} // namespace segproof

#endif
