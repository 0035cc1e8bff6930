#include "scenario-reader.h"

#include "attack-reader.h"
#include "estate-reader.h"
#include "group-reader.h"
#include "input-file.h"
#include "limits.h"
#include "name-tables.h"
#include "nsx-reader.h"
#include "policy-reader.h"
#include "service-classes.h"
#include "yaml-context.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>
#include <tuple>
#include <utility>
#include <yaml-cpp/yaml.h>

namespace segproof
{
namespace core
{

namespace
{

const char* const kFormat = "segproof/v1";

/// File order of two diagnostics (position-less ones first).
bool
WrittenBefore(const Diagnostic& a, const Diagnostic& b)
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
                  NameTables& names, Scenario::Parts& parts);

Scenario
ReadDocument(const YAML::Node& root, const std::string& fileName)
{
    DiagnosticList diagnostics;
    YamlContext context(fileName, diagnostics);
    context.SetDocument(root);
    Scenario::Parts parts;
    parts.sourceFile = fileName;
    NameTables names(context);
    std::optional<Diagnostic> stopNote;
    try
    {
        if (!context.CheckMap(root, "the scenario",
                              {"format", "name", "description", "estate", "groups", "services",
                               "firewalls", "postures", "intents", "attack", "defence"}) &&
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
        std::vector<Diagnostic> sorted = diagnostics.Items();
        std::stable_sort(sorted.begin(), sorted.end(), WrittenBefore);
        if (stopNote)
        {
            sorted.push_back(*stopNote);
        }
        throw InputError(std::move(sorted));
    }
    Scenario scenario(std::move(parts));
    // The analyses keep a bit set of service cells per rule: refuse a partition they cannot
    // hold before any of them builds it (only an NSX export's source ports come near).
    std::uint64_t cells = ServiceClassCount(scenario);
    if (cells > Limits::kMaxServiceCells)
    {
        throw InputError(context.Location(root["firewalls"] ? root["firewalls"] : root),
                         "the services, rules and listeners cut ports and protocols into " +
                             std::to_string(cells) + " service cells, more than " +
                             std::to_string(Limits::kMaxServiceCells) +
                             " (the limit; see docs/limits.md)");
    }
    return scenario;
}

void
ReadSections(const YAML::Node& root, const std::string& fileName, YamlContext& context,
             NameTables& names, Scenario::Parts& parts)
{
    parts.services = names.ReadServices(root["services"]);
    EstateGaps gaps;
    if (root["estate"])
    {
        parts.estate = ReadEstate(
            root["estate"], context,
            [&names](const YAML::Node& node) { return names.ResolveServices(node, "'listens'"); },
            &gaps);
    }
    parts.groups = ReadGroups(root["groups"], parts.estate, context, gaps);
    names.SetGroups(parts.groups);
    auto loadNsx = [&](const YAML::Node& fileNode) -> std::optional<Firewall>
    {
        if (!fileNode.IsScalar())
        {
            context.Error(fileNode, "'nsx' must be the path of an NSX Policy API export (JSON)");
            return std::nullopt;
        }
        // A relative path is read from the scenario file's folder.
        std::filesystem::path path(fileNode.Scalar());
        if (path.is_relative())
        {
            path = std::filesystem::path(fileName).parent_path() / path;
        }
        try
        {
            NsxImport imported = ReadNsxDfw(path.lexically_normal().string(), parts.estate);
            parts.warnings.insert(parts.warnings.end(), imported.warnings.begin(),
                                  imported.warnings.end());
            imported.firewall.location = context.Location(fileNode);
            return imported.firewall;
        }
        catch (const InputError& e)
        {
            for (const auto& d : e.Diagnostics())
            {
                context.Error(d.location, d.message);
            }
            return std::nullopt;
        }
    };
    parts.firewalls = ReadFirewalls(root["firewalls"], names, context, loadNsx);
    parts.postures = ReadPostures(root["postures"], parts.firewalls, context);
    parts.intents = ReadIntents(root["intents"], names, context);
    parts.attack = ReadAttack(root["attack"], parts.estate, parts.groups, context);
    parts.defence = ReadDefence(root["defence"], context);
}

/// A tab in the indentation of lines `firstLine` to `lastLine` (1-based), as line and column:
/// YAML indents with spaces only, and yaml-cpp's own message for a tab says nothing of it.
std::optional<std::pair<int, int>>
FindIndentationTab(const std::string& text, int firstLine, int lastLine)
{
    int line = 1;
    std::size_t start = 0;
    while (start <= text.size() && line <= lastLine)
    {
        std::size_t end = text.find('\n', start);
        if (end == std::string::npos)
        {
            end = text.size();
        }
        for (std::size_t i = start; line >= firstLine && i < end; ++i)
        {
            if (text[i] == '\t')
            {
                return std::make_pair(line, static_cast<int>(i - start) + 1);
            }
            if (text[i] != ' ')
            {
                break;
            }
        }
        start = end + 1;
        ++line;
    }
    return std::nullopt;
}

/// yaml-cpp's terse parser messages, with what usually causes them.
std::string
ExplainYamlError(const std::string& message)
{
    static const std::map<std::string, std::string> hints = {
        {"illegal map value", "a ':' where no value can start; quote a value that contains "
                              "': ', or check the indentation"},
        {"illegal block entry", "a '- ' list item where no list can start; check the "
                                "indentation, or a '{' or '[' left open above"},
        {"end of map not found", "check the indentation of this line against the lines above"},
        {"end of sequence not found", "check the indentation of this line against the lines "
                                      "above"},
        {"end of map flow not found", "a '{' above is not closed with '}'"},
        {"end of sequence flow not found", "a '[' above is not closed with ']'"},
    };
    auto hint = hints.find(message);
    return "YAML syntax error: " + message + (hint == hints.end() ? "" : " (" + hint->second + ")");
}

} // namespace

Scenario
ReadScenarioText(const std::string& text, const std::string& fileName)
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
        if (e.msg == "bad file")
        {
            // yaml-cpp's answer (its DeepRecursion, whose type it does not export) when lists
            // and maps nest 500 levels deep: it parses recursively and stops there rather
            // than overflow its stack.
            throw InputError(SourceLocation{fileName, line, column},
                             "YAML syntax error: lists and maps nest 500 levels deep here, more "
                             "than the YAML parser reads (the limit; see docs/limits.md)");
        }
        // yaml-cpp stumbles on the tab's own line or on the one after it.
        if (auto tab = FindIndentationTab(text, line - 1, line))
        {
            throw InputError(SourceLocation{fileName, tab->first, tab->second},
                             "YAML syntax error: a tab in the indentation (YAML indents with "
                             "spaces only)");
        }
        throw InputError(SourceLocation{fileName, line, column}, ExplainYamlError(e.msg));
    }
    if (!root || root.IsNull())
    {
        throw InputError(SourceLocation{fileName, 1, 1}, "the file is empty");
    }
    return ReadDocument(root, fileName);
}

Scenario
ReadScenarioFile(const std::string& path)
{
    std::string text = ReadInputFile(path, "a scenario file");
    return ReadScenarioText(text, path);
}

} // namespace core
} // namespace segproof
