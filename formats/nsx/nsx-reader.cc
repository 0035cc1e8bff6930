// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#include "nsx-reader.h"

#include "core/limits.h"
#include "formats/input/input-file.h"
#include "formats/input/yaml-context.h"
#include "nsx-context.h"
#include "nsx-document.h"
#include "nsx-firewall-builder.h"
#include "nsx-folder.h"
#include "nsx-gateway-builder.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <tuple>
#include <yaml-cpp/yaml.h>

namespace segproof
{
namespace formats
{

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
                               ExplainJsonSyntaxError(e.msg));
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
    if (std::filesystem::is_directory(path))
    {
        NsxFolder folder = ReadNsxFolder(path);
        return std::shared_ptr<const NsxFile>(new NsxFile(
            folder.name, folder.root, std::move(folder.parts), std::move(folder.warnings)));
    }
    std::string text = ReadInputFile(path, "an NSX export");
    return FromText(text, path);
}

void
NsxFile::Attach(YamlContext& yaml) const
{
    yaml.SetDocument(m_root);
    yaml.SetParts(m_parts);
}

namespace
{

/// Reads the file's DFW (kind Dfw) or one of its gateway firewalls.
NsxImport
ReadNsxFirewall(const NsxFile& file, const core::Estate& estate, core::FirewallKind kind)
{
    const std::string& fileName = file.FileName();
    const YAML::Node& root = file.Root();
    core::DiagnosticList diagnostics;
    YamlContext yaml(fileName, diagnostics);
    file.Attach(yaml);
    NsxContext context(yaml);
    NsxImport result;
    std::optional<core::Diagnostic> stopNote;
    try
    {
        NsxDocument document = ReadNsxDocument(root, context);
        result.gatewayPolicies = document.gatewayPolicies.size();
        for (const auto& policy : document.gatewayPolicies)
        {
            result.gatewayRules += policy.children.size();
        }
        result.firewall = kind == core::FirewallKind::Dfw
                              ? NsxFirewallBuilder(document, estate, context).Build()
                              : NsxGatewayBuilder(document, estate, context).Build(kind);
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
        diagnostics.Add(
            yaml.Location(root),
            "the export has " + std::to_string(result.firewall.rules.size()) + " " +
                (kind == core::FirewallKind::Dfw ? "DFW" : core::FirewallKindName(kind)) +
                " rules, more than " + std::to_string(core::Limits::kMaxRulesPerFirewall) +
                " (the limit; see docs/limits.md)");
    }
    ThrowIfErrors(diagnostics, stopNote);
    result.warnings = file.Warnings();
    result.warnings.insert(result.warnings.end(), context.Warnings().begin(),
                           context.Warnings().end());
    result.warnings = WarningsInFileOrder(std::move(result.warnings));
    return result;
}

} // namespace

NsxImport
ReadNsxDfw(const NsxFile& file, const core::Estate& estate)
{
    return ReadNsxFirewall(file, estate, core::FirewallKind::Dfw);
}

NsxImport
ReadNsxGateway(const NsxFile& file, const core::Estate& estate, core::FirewallKind kind)
{
    return ReadNsxFirewall(file, estate, kind);
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
        std::vector<core::Diagnostic> sorted = DiagnosticsInFileOrder(diagnostics.Items());
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
    warnings = DiagnosticsInFileOrder(std::move(warnings));
    // "more warnings not shown" has no line: last, not first.
    std::stable_partition(warnings.begin(), warnings.end(),
                          [](const core::Diagnostic& d) { return d.location.line > 0; });
    return warnings;
}

} // namespace formats
} // namespace segproof
