// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#include "scenario-reader.h"

#include "attack-reader.h"
#include "core/limits.h"
#include "core/service-classes.h"
#include "estate-reader.h"
#include "formats/input/input-file.h"
#include "formats/input/yaml-context.h"
#include "formats/input/yaml-document.h"
#include "formats/nsx/nsx-reader.h"
#include "group-reader.h"
#include "identity-reader.h"
#include "name-tables.h"
#include "nsx-estate-section.h"
#include "policy-reader.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <utility>
#include <vector>
#include <yaml-cpp/yaml.h>

namespace segproof
{
namespace formats
{

namespace
{

const char* const kFormat = "segproof/v1";

/// File order of two diagnostics (position-less ones first).
bool
WrittenBefore(const core::Diagnostic& a, const core::Diagnostic& b)
{
    // The scenario's own problems first, then those of files it names (an NSX export), each
    // file top to bottom.
    return std::make_tuple(a.location.file != b.location.file && b.location.file < a.location.file,
                           a.location.line, a.location.column) <
           std::make_tuple(false, b.location.line, b.location.column);
}

/// Reads every section of the scenario into `parts`, in dependency order; may throw
/// ReadingStopped (a limit that bounds the reading itself).
void ReadSections(const YAML::Node& root, const std::string& fileName, YamlContext& context,
                  NameTables& names, core::Scenario::Parts& parts);

/// The keys of a dotted path ("attack.lateral.attempt_interval").
std::vector<std::string>
PathKeys(const std::string& path)
{
    std::vector<std::string> keys;
    std::size_t start = 0;
    for (std::size_t dot = path.find('.'); dot != std::string::npos; dot = path.find('.', start))
    {
        keys.push_back(path.substr(start, dot - start));
        start = dot + 1;
    }
    keys.push_back(path.substr(start));
    return keys;
}

/// Sets `map[key] = value` (`map` a map of the document); a key it adds is registered as
/// written at `location`. yaml-cpp gives such a key no mark: it is found by its value.
void
SetKey(YAML::Node& map, const std::string& key, const YAML::Node& value,
       const core::SourceLocation& location, YamlContext& context)
{
    const YAML::Node& view = map;
    bool added = !view[key];
    map[key] = value;
    if (added)
    {
        for (const auto& entry : view)
        {
            if (entry.second.is(value))
            {
                context.AddForeign(entry.first, location);
            }
        }
    }
    context.AddForeign(value, location);
}

/// Applies one setting to the document (`root`, a map); an error at the setting's location
/// when it cannot be.
void
ApplySetting(YAML::Node& root, const ParameterSetting& setting, YamlContext& context)
{
    std::string problem = ParameterPathError(setting.path);
    if (!problem.empty())
    {
        context.Error(setting.location, problem);
        return;
    }
    YAML::Node value;
    try
    {
        value = YAML::Load(setting.value);
    }
    catch (const YAML::ParserException& e)
    {
        context.Error(setting.location, "'" + setting.path + "': the value '" + setting.value +
                                            "' does not read: " + ExplainYamlError(e.msg));
        return;
    }
    std::vector<std::string> keys = PathKeys(setting.path);
    // Walk with reset, never operator=: yaml-cpp's assignment would rewrite the node held.
    YAML::Node map(root);
    for (std::size_t i = 0; i + 1 < keys.size(); ++i)
    {
        const YAML::Node& view = map;
        YAML::Node next = view[keys[i]];
        if (!next)
        {
            YAML::Node created(YAML::NodeType::Map);
            SetKey(map, keys[i], created, setting.location, context);
            map.reset(created);
            continue;
        }
        if (!next.IsMap())
        {
            context.Error(setting.location, "'" + setting.path + "': '" + keys[i] + "' (" +
                                                context.Location(next).ToString() + ") is " +
                                                YamlKindName(next) +
                                                ", not a map, so nothing can be set inside it");
            return;
        }
        map.reset(next);
    }
    SetKey(map, keys.back(), value, setting.location, context);
}

core::Scenario
ReadDocument(const YAML::Node& root, const std::string& fileName, const ParameterPoint& point)
{
    core::DiagnosticList diagnostics;
    YamlContext context(fileName, diagnostics);
    context.SetDocument(root);
    core::Scenario::Parts parts;
    parts.sourceFile = fileName;
    NameTables names(context);
    std::optional<core::Diagnostic> stopNote;
    try
    {
        if (root.IsMap())
        {
            // A copy shares yaml-cpp's node: the settings change the document itself.
            YAML::Node document(root);
            for (const auto& setting : point)
            {
                ApplySetting(document, setting, context);
            }
        }
        if (!context.CheckMap(root, "the scenario",
                              {"format", "name", "description", "estate", "groups", "services",
                               "firewalls", "postures", "intents", "attack", "defence", "benign",
                               "identity"}) &&
            !root.IsMap())
        {
            diagnostics.ThrowIfAny();
        }
        context.Require(root, "the scenario", {"format", "name", "estate"});
        parts.format = context.String(root, "format").value_or("");
        if (root["format"] && parts.format != kFormat)
        {
            context.Error(root["format"], "'format' must be '" + std::string(kFormat) + "', got '" +
                                              parts.format + "'");
        }
        parts.name = context.String(root, "name").value_or("");
        parts.description = context.String(root, "description").value_or("");
        ReadSections(root, fileName, context, names, parts);
    }
    catch (const ReadingStopped& stopped)
    {
        stopNote = stopped.note;
    }
    if (diagnostics.HasErrors())
    {
        // Sections are read in dependency order (services before the estate that listens on
        // them); users read the file top to bottom, so report in file order.
        std::vector<core::Diagnostic> sorted = diagnostics.Items();
        std::stable_sort(sorted.begin(), sorted.end(), WrittenBefore);
        // An NSX file read for the estate and for the DFW reports its problems once.
        sorted.erase(std::unique(sorted.begin(), sorted.end(),
                                 [](const core::Diagnostic& a, const core::Diagnostic& b)
                                 { return a.ToString() == b.ToString(); }),
                     sorted.end());
        if (stopNote)
        {
            sorted.push_back(*stopNote);
        }
        throw core::InputError(std::move(sorted));
    }
    core::Scenario scenario(std::move(parts));
    // The analyses keep a bit set of service cells per rule: refuse a partition they cannot
    // hold before any of them builds it (only an NSX export's source ports come near).
    std::uint64_t cells = core::ServiceClassCount(scenario);
    if (cells > core::Limits::kMaxServiceCells)
    {
        throw core::InputError(context.Location(root["firewalls"] ? root["firewalls"] : root),
                               "the services, rules and listeners cut ports and protocols into " +
                                   std::to_string(cells) + " service cells, more than " +
                                   std::to_string(core::Limits::kMaxServiceCells) +
                                   " (the limit; see docs/limits.md)");
    }
    return scenario;
}

void
ReadSections(const YAML::Node& root, const std::string& fileName, YamlContext& context,
             NameTables& names, core::Scenario::Parts& parts)
{
    parts.services = names.ReadServices(root["services"]);
    // Each NSX file is parsed once, whether it gives the estate, the DFW or both.
    std::map<std::string, std::shared_ptr<const NsxFile>> nsxFiles;
    NsxFileLoader loadFile = [&](const YAML::Node& fileNode) -> std::shared_ptr<const NsxFile>
    {
        if (!fileNode.IsScalar())
        {
            context.Error(fileNode, "'nsx' must be the path of an NSX Policy API export or a "
                                    "collector's bundle (JSON)");
            return nullptr;
        }
        // A relative path is read from the scenario file's folder.
        std::filesystem::path path(fileNode.Scalar());
        if (path.is_relative())
        {
            path = std::filesystem::path(fileName).parent_path() / path;
        }
        const std::string key = path.lexically_normal().string();
        auto found = nsxFiles.find(key);
        if (found != nsxFiles.end())
        {
            return found->second;
        }
        try
        {
            return nsxFiles[key] = NsxFile::Load(key);
        }
        catch (const core::InputError& e)
        {
            for (const auto& d : e.Diagnostics())
            {
                context.Error(d.location, d.message);
            }
            nsxFiles[key] = nullptr;
            return nullptr;
        }
    };
    EstateGaps gaps;
    std::vector<core::Group> nsxGroups;
    if (IsNsxEstate(root["estate"]))
    {
        NsxEstateSection section = ReadNsxEstateSection(root["estate"], context, loadFile);
        parts.estate = std::move(section.estate);
        nsxGroups = std::move(section.groups);
        parts.warnings.insert(parts.warnings.end(), section.warnings.begin(),
                              section.warnings.end());
    }
    else if (root["estate"])
    {
        parts.estate = ReadEstate(
            root["estate"], context,
            [&names](const YAML::Node& node) { return names.ResolveServices(node, "'listens'"); },
            &gaps);
    }
    parts.groups = ReadGroups(root["groups"], parts.estate, context, gaps);
    if (!nsxGroups.empty())
    {
        // The bundle's groups first; the scenario's own may not take their names.
        for (const auto& group : parts.groups)
        {
            for (const auto& nsx : nsxGroups)
            {
                if (nsx.name == group.name)
                {
                    context.Error(group.location, "group '" + group.name +
                                                      "' is already a group of the NSX estate (" +
                                                      nsx.definition + ")");
                }
            }
        }
        nsxGroups.insert(nsxGroups.end(), parts.groups.begin(), parts.groups.end());
        parts.groups = std::move(nsxGroups);
    }
    names.SetGroups(parts.groups);
    parts.identity =
        ReadIdentity(root["identity"], parts.estate, parts.groups, context, parts.warnings);
    names.SetIdentity(parts.identity);
    // Files whose gateway policies no `gateway:` or `perimeter:` reads, for a warning.
    std::map<const NsxFile*, core::Diagnostic> unreadGateways;
    std::set<const NsxFile*> gatewaysRead;
    auto loadNsx = [&](const YAML::Node& fileNode,
                       core::FirewallKind kind) -> std::optional<core::Firewall>
    {
        std::shared_ptr<const NsxFile> file = loadFile(fileNode);
        if (!file)
        {
            return std::nullopt;
        }
        try
        {
            NsxImport imported = kind == core::FirewallKind::Dfw
                                     ? ReadNsxDfw(*file, parts.estate)
                                     : ReadNsxGateway(*file, parts.estate, kind);
            if (kind == core::FirewallKind::Dfw && imported.gatewayRules > 0)
            {
                unreadGateways.emplace(
                    file.get(),
                    core::Diagnostic{
                        context.Location(fileNode),
                        file->FileName() + " has " + std::to_string(imported.gatewayPolicies) +
                            " gateway polic" + (imported.gatewayPolicies == 1 ? "y" : "ies") +
                            " (" + std::to_string(imported.gatewayRules) +
                            " rules), which the DFW does not include: read them with 'gateway: "
                            "{nsx: FILE}' (the tier-1's rules) and 'perimeter: {nsx: FILE}' (the "
                            "tier-0's)"});
            }
            else if (kind != core::FirewallKind::Dfw)
            {
                gatewaysRead.insert(file.get());
            }
            parts.warnings.insert(parts.warnings.end(), imported.warnings.begin(),
                                  imported.warnings.end());
            imported.firewall.location = context.Location(fileNode);
            return imported.firewall;
        }
        catch (const core::InputError& e)
        {
            for (const auto& d : e.Diagnostics())
            {
                context.Error(d.location, d.message);
            }
            return std::nullopt;
        }
    };
    parts.firewalls = ReadFirewalls(root["firewalls"], names, context, loadNsx);
    for (const auto& [file, warning] : unreadGateways)
    {
        if (!gatewaysRead.count(file))
        {
            parts.warnings.push_back(warning);
        }
    }
    // A firewall written but not read (its errors are reported, e.g. a refused NSX export) is
    // still defined for the postures: no second, misleading error about it.
    auto written = parts.firewalls;
    const YAML::Node firewallsNode = root["firewalls"];
    for (auto kind : core::kAllFirewallKinds)
    {
        auto& slot = written[static_cast<std::size_t>(kind)];
        if (!slot && firewallsNode && firewallsNode.IsMap() &&
            firewallsNode[core::FirewallKindName(kind)])
        {
            slot = core::Firewall{};
        }
    }
    parts.postures = ReadPostures(root["postures"], written, context);
    parts.intents = ReadIntents(root["intents"], names, context);
    // An NSX file read for the estate and the DFW may warn twice about one thing: once.
    std::vector<core::Diagnostic> unique;
    for (auto& warning : parts.warnings)
    {
        const bool seen = std::any_of(unique.begin(), unique.end(),
                                      [&](const core::Diagnostic& d)
                                      { return d.ToString() == warning.ToString(); });
        if (!seen)
        {
            unique.push_back(std::move(warning));
        }
    }
    parts.warnings = std::move(unique);
    parts.attack = ReadAttack(root["attack"], parts.estate, parts.groups, context);
    parts.defence = ReadDefence(root["defence"], context);
    parts.benign = ReadBenign(root["benign"], context);
}

} // namespace

core::Scenario
ReadScenarioText(const std::string& text, const std::string& fileName)
{
    return ReadScenarioText(text, fileName, ParameterPoint{});
}

core::Scenario
ReadScenarioText(const std::string& text, const std::string& fileName, const ParameterPoint& point)
{
    return ReadDocument(LoadYamlDocument(text, fileName), fileName, point);
}

core::Scenario
ReadScenarioFile(const std::string& path)
{
    return ReadScenarioFile(path, ParameterPoint{});
}

core::Scenario
ReadScenarioFile(const std::string& path, const ParameterPoint& point)
{
    std::string text = ReadInputFile(path, "a scenario file");
    return ReadScenarioText(text, path, point);
}

} // namespace formats
} // namespace segproof
