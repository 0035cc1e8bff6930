// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#include "sarif-log.h"

#include <cctype>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <set>
#include <stdexcept>

namespace segproof
{
namespace formats
{

namespace
{
using Json = nlohmann::ordered_json;

constexpr const char* kSchema = "https://json.schemastore.org/sarif-2.1.0.json";

Json
PhysicalLocation(const core::SourceLocation& where)
{
    Json physical = {{"artifactLocation", {{"uri", FileUri(where.file)}}}};
    if (where.line > 0)
    {
        Json region = {{"startLine", where.line}};
        if (where.column > 0)
        {
            region["startColumn"] = where.column;
        }
        physical["region"] = region;
    }
    return physical;
}

Json
LocationJson(const SarifLocation& location)
{
    Json json = {{"physicalLocation", PhysicalLocation(location.where)}};
    if (!location.message.empty())
    {
        json["message"] = {{"text", location.message}};
    }
    return json;
}

Json
ResultJson(const SarifResult& result, std::size_t ruleIndex)
{
    Json json = {{"ruleId", result.ruleId},
                 {"ruleIndex", ruleIndex},
                 {"level", SarifLevelName(result.level)},
                 {"message", {{"text", result.message}}}};
    if (!result.location.where.file.empty())
    {
        json["locations"] = Json::array({LocationJson(result.location)});
    }
    if (!result.related.empty())
    {
        Json related = Json::array();
        for (std::size_t i = 0; i < result.related.size(); ++i)
        {
            Json item = LocationJson(result.related[i]);
            item["id"] = i;
            related.push_back(item);
        }
        json["relatedLocations"] = related;
    }
    if (!result.flow.empty())
    {
        Json steps = Json::array();
        for (const auto& step : result.flow)
        {
            steps.push_back({{"location", LocationJson(step)}});
        }
        json["codeFlows"] = Json::array({{{"threadFlows", Json::array({{{"locations", steps}}})}}});
    }
    if (!result.fingerprint.empty())
    {
        json["partialFingerprints"] = {{"segproof/v1", result.fingerprint}};
    }
    if (!result.properties.empty())
    {
        Json properties = Json::object();
        for (const auto& [key, value] : result.properties)
        {
            properties[key] = value;
        }
        json["properties"] = properties;
    }
    return json;
}

} // namespace

std::string
SarifLevelName(SarifLevel level)
{
    switch (level)
    {
    case SarifLevel::Error:
        return "error";
    case SarifLevel::Warning:
        return "warning";
    case SarifLevel::Note:
        return "note";
    }
    return "error";
}

std::string
FileUri(const std::string& path)
{
    std::string uri = path.size() > 0 && path[0] == '/' ? "file://" : "";
    for (unsigned char c : path)
    {
        if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~' || c == '/')
        {
            uri += static_cast<char>(c);
        }
        else
        {
            char escaped[4];
            std::snprintf(escaped, sizeof escaped, "%%%02X", c);
            uri += escaped;
        }
    }
    return uri;
}

std::string
SarifLogJson(const std::string& version, const std::vector<std::string>& commandLine,
             const std::vector<SarifRule>& rules, const std::vector<SarifResult>& results)
{
    Json rulesJson = Json::array();
    for (const auto& rule : rules)
    {
        rulesJson.push_back(
            {{"id", rule.id},
             {"name", rule.name},
             {"shortDescription", {{"text", rule.description}}},
             {"defaultConfiguration", {{"level", SarifLevelName(rule.defaultLevel)}}}});
    }
    Json resultsJson = Json::array();
    std::set<std::string> artifacts;
    for (const auto& result : results)
    {
        std::size_t index = 0;
        while (index < rules.size() && rules[index].id != result.ruleId)
        {
            ++index;
        }
        if (index == rules.size())
        {
            throw std::invalid_argument("SARIF result with rule '" + result.ruleId +
                                        "', which the log does not describe");
        }
        resultsJson.push_back(ResultJson(result, index));
    }
    std::string command;
    for (const auto& word : commandLine)
    {
        command += (command.empty() ? "" : " ") + word;
    }
    Json run = {{"tool",
                 {{"driver",
                   {{"name", "segproof"},
                    {"version", version},
                    {"semanticVersion", version.substr(0, version.find_first_of("-+"))},
                    {"rules", rulesJson}}}}},
                {"invocations", Json::array({{{"commandLine", command},
                                              {"arguments", commandLine},
                                              {"executionSuccessful", true}}})},
                {"results", resultsJson}};
    Json log = {{"$schema", kSchema}, {"version", "2.1.0"}, {"runs", Json::array({run})}};
    // Names that are not UTF-8 (a reader takes them as they are) come out as U+FFFD.
    return log.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

} // namespace formats
} // namespace segproof
