// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#include "nsx-reader.h"

#include "core/limits.h"
#include "formats/input/input-file.h"
#include "formats/input/yaml-context.h"
#include "nsx-context.h"
#include "nsx-document.h"
#include "nsx-firewall-builder.h"

#include <algorithm>
#include <fstream>
#include <sstream>
#include <yaml-cpp/yaml.h>

namespace segproof
{
namespace formats
{

namespace
{

/// Diagnostics in file order: the readers visit objects in evaluation order, users read files
/// top to bottom.
std::vector<core::Diagnostic>
InFileOrder(std::vector<core::Diagnostic> diagnostics)
{
    std::stable_sort(diagnostics.begin(), diagnostics.end(),
                     [](const core::Diagnostic& a, const core::Diagnostic& b)
                     {
                         return std::make_pair(a.location.line, a.location.column) <
                                std::make_pair(b.location.line, b.location.column);
                     });
    return diagnostics;
}

/// yaml-cpp's parser messages, said in JSON's terms.
std::string
ExplainSyntaxError(const std::string& message)
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
    if (message == "end of sequence flow not found")
    {
        return "JSON syntax error: a list '[' is not closed with ']' (or a ',' is missing)";
    }
    return "JSON syntax error: " + message;
}

} // namespace

std::shared_ptr<const NsxFile>
NsxFile::FromText(const std::string& text, const std::string& fileName)
{
    CheckYamlValueCount(text, fileName);
    YAML::Node root;
    try
    {
        root = YAML::Load(text);
    }
    catch (const YAML::ParserException& e)
    {
        int line = e.mark.is_null() ? 0 : e.mark.line + 1;
        int column = e.mark.is_null() ? 0 : e.mark.column + 1;
        throw core::InputError(core::SourceLocation{fileName, line, column},
                               ExplainSyntaxError(e.msg));
    }
    if (!root || root.IsNull())
    {
        throw core::InputError(core::SourceLocation{fileName, 1, 1}, "the file is empty");
    }
    return std::shared_ptr<const NsxFile>(new NsxFile(fileName, root));
}

std::shared_ptr<const NsxFile>
NsxFile::Load(const std::string& path)
{
    std::string text = ReadInputFile(path, "an NSX export");
    return FromText(text, path);
}

NsxImport
ReadNsxDfw(const NsxFile& file, const core::Estate& estate)
{
    const std::string& fileName = file.FileName();
    const YAML::Node& root = file.Root();
    core::DiagnosticList diagnostics;
    YamlContext yaml(fileName, diagnostics);
    yaml.SetDocument(root);
    NsxContext context(yaml);
    NsxImport result;
    std::optional<core::Diagnostic> stopNote;
    try
    {
        NsxDocument document = ReadNsxDocument(root, context);
        result.firewall = NsxFirewallBuilder(document, estate, context).Build();
    }
    catch (const ReadingStopped& stopped)
    {
        stopNote = stopped.note;
    }
    catch (const YAML::Exception& e)
    {
        // A shape the checks above missed: report it where it is, not as a crash.
        int line = e.mark.is_null() ? 0 : e.mark.line + 1;
        int column = e.mark.is_null() ? 0 : e.mark.column + 1;
        yaml.Error(core::SourceLocation{fileName, line, column}, "unexpected JSON shape: " + e.msg);
    }
    result.firewall.location = core::SourceLocation{fileName, 1, 1};
    if (result.firewall.rules.size() > core::Limits::kMaxRulesPerFirewall)
    {
        diagnostics.Add(yaml.Location(root),
                        "the export has " + std::to_string(result.firewall.rules.size()) +
                            " DFW rules, more than " +
                            std::to_string(core::Limits::kMaxRulesPerFirewall) +
                            " (the limit; see docs/limits.md)");
    }
    ThrowIfErrors(diagnostics, stopNote);
    result.warnings = WarningsInFileOrder(context.Warnings());
    return result;
}

NsxImport
ReadNsxDfwText(const std::string& text, const std::string& fileName, const core::Estate& estate)
{
    return ReadNsxDfw(*NsxFile::FromText(text, fileName), estate);
}

NsxImport
ReadNsxDfw(const std::string& path, const core::Estate& estate)
{
    return ReadNsxDfw(*NsxFile::Load(path), estate);
}

void
ThrowIfErrors(const core::DiagnosticList& diagnostics, const std::optional<core::Diagnostic>& stop)
{
    if (diagnostics.HasErrors())
    {
        std::vector<core::Diagnostic> sorted = InFileOrder(diagnostics.Items());
        if (stop)
        {
            sorted.push_back(*stop);
        }
        throw core::InputError(std::move(sorted));
    }
}

std::vector<core::Diagnostic>
WarningsInFileOrder(std::vector<core::Diagnostic> warnings)
{
    warnings = InFileOrder(std::move(warnings));
    // "more warnings not shown" has no line: last, not first.
    std::stable_partition(warnings.begin(), warnings.end(),
                          [](const core::Diagnostic& d) { return d.location.line > 0; });
    return warnings;
}

} // namespace formats
} // namespace segproof
