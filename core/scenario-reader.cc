#include "scenario-reader.h"

#include "estate-reader.h"
#include "group-reader.h"
#include "limits.h"
#include "name-tables.h"
#include "policy-reader.h"
#include "yaml-context.h"

#include <yaml-cpp/yaml.h>

#include <fstream>
#include <sstream>

namespace segproof
{
namespace core
{

namespace
{

const char* const kFormat = "segproof/v1";

RawSection
KeepRaw(const YAML::Node& node, YamlContext& context)
{
    RawSection section;
    if (!node)
    {
        return section;
    }
    section.present = true;
    section.location = context.Location(node);
    YAML::Emitter out;
    out << node;
    section.yaml = out.c_str();
    return section;
}

Scenario
ReadDocument(const YAML::Node& root, const std::string& fileName)
{
    DiagnosticList diagnostics;
    YamlContext context(fileName, diagnostics);
    Scenario::Parts parts;
    parts.sourceFile = fileName;
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
        context.Error(root["format"], "format must be '" + std::string(kFormat) + "', got '" +
                                          parts.format + "'");
    }
    parts.name = context.String(root, "name").value_or("");
    parts.description = context.String(root, "description").value_or("");

    NameTables names(context);
    parts.services = names.ReadServices(root["services"]);
    if (root["estate"])
    {
        parts.estate = ReadEstate(root["estate"], context, [&names](const YAML::Node& node) {
            return names.ResolveServices(node, "'listens'");
        });
    }
    parts.groups = ReadGroups(root["groups"], parts.estate, context);
    names.SetGroups(parts.groups);
    parts.firewalls = ReadFirewalls(root["firewalls"], names, context);
    parts.postures = ReadPostures(root["postures"], parts.firewalls, context);
    parts.intents = ReadIntents(root["intents"], names, context);
    parts.attack = KeepRaw(root["attack"], context);
    parts.defence = KeepRaw(root["defence"], context);
    diagnostics.ThrowIfAny();
    return Scenario(std::move(parts));
}

} // namespace

Scenario
ReadScenarioText(const std::string& text, const std::string& fileName)
{
    YAML::Node root;
    try
    {
        root = YAML::Load(text);
    }
    catch (const YAML::ParserException& e)
    {
        throw InputError(SourceLocation{fileName, e.mark.line + 1, e.mark.column + 1},
                         "YAML syntax error: " + e.msg);
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
    std::ifstream in(path, std::ios::binary);
    if (!in)
    {
        throw InputError(SourceLocation{path, 0, 0}, "cannot open the file");
    }
    std::ostringstream buffer;
    buffer << in.rdbuf();
    std::string text = buffer.str();
    if (text.size() > Limits::kMaxFileBytes)
    {
        throw InputError(SourceLocation{path, 0, 0},
                         "the file is larger than " + std::to_string(Limits::kMaxFileBytes) +
                             " bytes (the limit; see docs/limits.md)");
    }
    return ReadScenarioText(text, path);
}

} // namespace core
} // namespace segproof
