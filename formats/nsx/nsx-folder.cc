// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#include "nsx-folder.h"

#include "core/input-error.h"
#include "core/limits.h"
#include "formats/input/input-file.h"
#include "nsx-context.h"

#include <algorithm>
#include <climits>
#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <tuple>

namespace segproof
{
namespace formats
{

namespace
{

/// The .json files of the folder and below, sorted by path; hidden files and folders left out.
std::vector<std::filesystem::path>
JsonFilesIn(const std::filesystem::path& directory)
{
    std::vector<std::filesystem::path> files;
    std::error_code ec;
    auto it = std::filesystem::recursive_directory_iterator(
        directory, std::filesystem::directory_options::skip_permission_denied, ec);
    if (ec)
    {
        throw core::InputError(core::SourceLocation{directory.string(), 0, 0},
                               "cannot read the folder (" + ec.message() + ")");
    }
    for (; it != std::filesystem::recursive_directory_iterator(); it.increment(ec))
    {
        if (ec)
        {
            throw core::InputError(core::SourceLocation{directory.string(), 0, 0},
                                   "cannot read the folder (" + ec.message() + ")");
        }
        const std::string name = it->path().filename().string();
        if (!name.empty() && name[0] == '.')
        {
            if (it->is_directory())
            {
                it.disable_recursion_pending();
            }
            continue;
        }
        if (it->is_regular_file() && it->path().extension() == ".json")
        {
            files.push_back(it->path());
        }
    }
    std::sort(files.begin(), files.end());
    return files;
}

/// The bundle a folder becomes (nsx-document.h); `_made` holds the nodes made for it.
constexpr const char* kSkeleton =
    "{\"virtual_machines\": [], \"virtual_network_interface\": [], \"segments\": [], "
    "\"tier0\": [], \"tier1\": [], \"services\": [], \"domains\": [], \"_made\": {}}";

/// The files' texts as one JSON list, each file starting on a line of its own, then the
/// skeleton of the bundle.
struct WholeText
{
    std::string text;
    std::vector<TextPart> parts;
    std::vector<std::string> texts;       ///< each file's own text, for its own syntax errors
    std::vector<core::Diagnostic> errors; ///< files that hold nothing
};

WholeText
ReadFiles(const std::string& name, const std::vector<std::filesystem::path>& files)
{
    WholeText whole;
    whole.text = "[\n";
    int line = 2;
    for (const auto& path : files)
    {
        std::string fileName = path.string();
        std::string text = ReadInputFile(fileName, "an NSX API response");
        if (text.rfind("\xEF\xBB\xBF", 0) == 0)
        {
            text.erase(0, 3); // a UTF-8 byte order mark
        }
        if (text.find_first_not_of(" \t\r\n") == std::string::npos)
        {
            whole.errors.push_back(
                core::Diagnostic{core::SourceLocation{fileName, 1, 1}, "the file is empty"});
            continue;
        }
        if (!whole.parts.empty())
        {
            whole.text += ",\n";
            ++line;
        }
        whole.parts.push_back(TextPart{fileName, line});
        whole.text += text;
        line += static_cast<int>(std::count(text.begin(), text.end(), '\n'));
        if (text.back() != '\n')
        {
            whole.text += '\n';
            ++line;
        }
        whole.texts.push_back(std::move(text));
        if (whole.text.size() > core::Limits::kMaxFileBytes)
        {
            throw core::InputError(core::SourceLocation{name, 0, 0},
                                   "the folder's .json files are larger than " +
                                       std::to_string(core::Limits::kMaxFileBytes) +
                                       " bytes together (the limit; see docs/limits.md)");
        }
    }
    // The bundle the files' objects are assembled into, parsed with them: nodes of one parse
    // share yaml-cpp's memory, and a node of another would copy the set of all (seconds and
    // hundreds of MB at 25,000 VMs).
    whole.text += ",\n" + std::string(kSkeleton) + "\n]\n";
    whole.parts.push_back(TextPart{name, line + 1});
    return whole;
}

/// The error of a parse, at its place.
core::Diagnostic
SyntaxError(const YAML::ParserException& e, const std::string& fileName)
{
    int line = e.mark.is_null() ? 0 : e.mark.line + 1;
    int column = e.mark.is_null() ? 0 : e.mark.column + 1;
    return core::Diagnostic{core::SourceLocation{fileName, line, column},
                            ExplainJsonSyntaxError(e.msg)};
}

/// Parses the whole text; on a syntax error, each file alone, so that every bad file is named
/// with its own line:col.
YAML::Node
ParseWhole(const std::string& name, const WholeText& whole)
{
    try
    {
        CheckYamlValueCount(whole.text, name);
    }
    catch (const core::InputError& e)
    {
        std::vector<core::Diagnostic> located;
        for (const auto& d : e.Diagnostics())
        {
            located.push_back(core::Diagnostic{LocateInParts(whole.parts, d.location),
                                               "the folder's files together: " + d.message});
        }
        throw core::InputError(std::move(located));
    }
    try
    {
        return YAML::Load(whole.text);
    }
    catch (const YAML::ParserException& wholeError)
    {
        std::vector<core::Diagnostic> errors = whole.errors;
        for (std::size_t i = 0; i < whole.texts.size(); ++i)
        {
            try
            {
                YAML::Load(whole.texts[i]);
            }
            catch (const YAML::ParserException& e)
            {
                errors.push_back(SyntaxError(e, whole.parts[i].file));
            }
        }
        if (errors.size() == whole.errors.size())
        {
            core::Diagnostic d = SyntaxError(wholeError, name);
            d.location = LocateInParts(whole.parts, d.location);
            errors.push_back(d);
        }
        throw core::InputError(DiagnosticsInFileOrder(std::move(errors)));
    }
}

/// Fields that mark a whole export or bundle, not one GET's answer.
const std::vector<std::string> kWholeExportKeys = {
    "children", "groups", "security_policies", "virtual_machines", "domains", "segments"};

/// The pages of one listing seen so far: one resource type under one parent.
struct Listing
{
    std::int64_t declared = -1; ///< result_count, the largest written
    YAML::Node countNode;       ///< where it was written
    std::size_t held = 0;       ///< elements in the folder's files
    std::string type;
    std::string parent;
};

class FolderAssembler
{
public:
    FolderAssembler(NsxContext& context, const std::vector<TextPart>& parts)
        : m_context(context), m_parts(parts)
    {
    }

    /// `responses`: each file's JSON, then the skeleton (kSkeleton).
    YAML::Node Assemble(const YAML::Node& responses)
    {
        const std::size_t files = responses.size() - 1;
        m_bundle.reset(responses[files]);
        m_made.reset(m_bundle["_made"]);
        for (std::size_t i = 0; i < files && i < m_parts.size(); ++i)
        {
            ReadResponse(responses[i], m_parts[i].file);
        }
        JoinChildren();
        CheckListings();
        WarnSkipped();
        return Bundle();
    }

private:
    void ReadResponse(const YAML::Node& response, const std::string& fileName)
    {
        if (!response.IsMap())
        {
            m_context.Error(response, "an NSX API response must be a JSON object, got " +
                                          NsxContext::JsonKind(response) + kExpected);
            return;
        }
        if (response["error_code"] || response["httpStatus"])
        {
            m_context.Error(response, "the Manager answered an error here, not objects: " +
                                          NsxContext::Render(response["error_message"]) +
                                          " (error_code " +
                                          NsxContext::Render(response["error_code"]) +
                                          "): collect this GET again");
            return;
        }
        if (response["results"])
        {
            ReadListResult(response, fileName);
            return;
        }
        if (response["resource_type"])
        {
            ReadElement(response, fileName);
            return;
        }
        for (const auto& key : kWholeExportKeys)
        {
            if (response[key])
            {
                m_context.Error(response, "this file is a whole export or bundle (it has '" + key +
                                              "'), not one GET's answer: name it on its own (nsx: "
                                              "FILE); a folder holds one GET's JSON per file");
                return;
            }
        }
        m_context.Error(response, std::string("not an NSX API response") + kExpected);
    }

    void ReadListResult(const YAML::Node& response, const std::string& fileName)
    {
        std::vector<YAML::Node> results = m_context.List(response, "results", "");
        auto count = m_context.Number(response, "result_count", 0, INT32_MAX, "");
        if (results.empty())
        {
            if (count && *count > 0)
            {
                m_context.Error(response["result_count"],
                                "result_count says " + std::to_string(*count) +
                                    ", but 'results' is empty: collect this GET again");
            }
            return;
        }
        const YAML::Node& first = results.front();
        if (!first.IsMap())
        {
            if (first.IsScalar())
            {
                // GET .../groups/G/members/ip-addresses answers strings.
                m_context.Warn(response["results"],
                               "skipped a list of " + std::to_string(results.size()) +
                                   " strings (a group's realized IP-address members?): the "
                                   "answer does not name its group; each group's criteria are "
                                   "evaluated instead");
                return;
            }
        }
        if (count && first.IsMap() && first["resource_type"])
        {
            std::string type = m_context.Text(first, "resource_type", "").value_or("");
            std::string parent = ParentOf(first);
            Listing& listing = m_listings[type + "\n" + parent];
            listing.type = type;
            listing.parent = parent;
            listing.held += results.size();
            if (*count > listing.declared)
            {
                listing.declared = *count;
                listing.countNode.reset(response["result_count"]);
            }
        }
        for (const auto& element : results)
        {
            if (!element.IsMap())
            {
                m_context.Error(element, "an element of 'results' must be a JSON object, got " +
                                             NsxContext::JsonKind(element));
                continue;
            }
            if (!element["resource_type"])
            {
                m_context.Error(element, "an element of 'results' lacks 'resource_type': the "
                                         "objects of a folder are told apart by it");
                continue;
            }
            ReadElement(element, fileName);
        }
    }

    void ReadElement(const YAML::Node& element, const std::string& fileName)
    {
        std::string type = m_context.Text(element, "resource_type", "").value_or("");
        if (type == "VirtualMachine")
        {
            m_vms.push_back(element);
        }
        else if (type == "VirtualNetworkInterface")
        {
            m_vifs.push_back(element);
        }
        else if (type == "Tier0")
        {
            m_tier0s.push_back(element);
        }
        else if (type == "Tier1")
        {
            m_tier1s.push_back(element);
        }
        else if (type == "Segment")
        {
            m_segments.push_back(element);
            m_segmentAt.emplace(PathOf(element, "/infra", "segments"), element);
        }
        else if (type == "SegmentPort")
        {
            m_ports.push_back(element);
        }
        else if (type == "Service")
        {
            m_services.push_back(element);
            m_serviceAt.emplace(PathOf(element, "/infra", "services"), element);
        }
        else if (type.size() > 12 && type.compare(type.size() - 12, 12, "ServiceEntry") == 0)
        {
            m_entries.push_back(element);
        }
        else if (type == "Domain")
        {
            DomainAt(PathOf(element, "/infra", "domains"));
        }
        else if (type == "Group")
        {
            AddToDomain(element, "groups");
        }
        else if (type == "SecurityPolicy")
        {
            AddToDomain(element, "security_policies");
            m_policyAt.emplace(PathOf(element, DomainOf(element), "security-policies"), element);
        }
        else if (type == "GatewayPolicy")
        {
            AddToDomain(element, "gateway_policies");
            m_policyAt.emplace(PathOf(element, DomainOf(element), "gateway-policies"), element);
        }
        else if (type == "RedirectionPolicy")
        {
            AddToDomain(element, "redirection_policies"); // refused by the document reader
        }
        else if (type == "Rule")
        {
            m_rules.push_back(element);
        }
        else if (!type.empty())
        {
            auto& skipped = m_skipped[fileName + "\n" + type];
            if (skipped.count++ == 0)
            {
                skipped.node.reset(element);
                skipped.type = type;
            }
        }
    }

    /// parent_path, else the path without its last two steps (".../groups/ID").
    std::string ParentOf(const YAML::Node& element)
    {
        auto parent = m_context.Text(element, "parent_path", "");
        if (parent && !parent->empty())
        {
            return *parent;
        }
        auto path = m_context.Text(element, "path", "").value_or("");
        std::size_t last = path.rfind('/');
        std::size_t collection =
            last == std::string::npos || last == 0 ? std::string::npos : path.rfind('/', last - 1);
        return collection == std::string::npos ? "" : path.substr(0, collection);
    }

    /// The path NSX gives the object: its `path`, else PARENT/COLLECTION/ID (as the document
    /// reader names it).
    std::string PathOf(const YAML::Node& element, const std::string& defaultParent,
                       const std::string& collection)
    {
        auto path = m_context.Text(element, "path", "");
        if (path && !path->empty())
        {
            return *path;
        }
        std::string parent = ParentOf(element);
        return (parent.empty() ? defaultParent : parent) + "/" + collection + "/" +
               m_context.Text(element, "id", "").value_or("");
    }

    std::string DomainOf(const YAML::Node& element)
    {
        std::string parent = ParentOf(element);
        return parent.empty() ? "/infra/domains/default" : parent;
    }

    YAML::Node DomainAt(const std::string& path)
    {
        auto found = m_domains.find(path);
        if (found != m_domains.end())
        {
            return found->second;
        }
        YAML::Node domain = m_made[path];
        domain["path"] = path; // its "resources" are made as its objects are added
        m_domainOrder.push_back(path);
        return m_domains.emplace(path, domain).first->second;
    }

    void AddToDomain(const YAML::Node& element, const std::string& list)
    {
        YAML::Node resources = DomainAt(DomainOf(element))["resources"];
        resources[list].push_back(element);
    }

    /// Rules to their policies, ports to their segments, entries to their services.
    void JoinChildren()
    {
        for (const auto& rule : m_rules)
        {
            std::string parent = ParentOf(rule);
            auto policy = m_policyAt.find(parent);
            if (policy == m_policyAt.end())
            {
                m_context.Error(rule, "rule " + m_context.Text(rule, "id", "").value_or("") +
                                          ": its policy '" + parent +
                                          "' is not in the folder (add the GET of the "
                                          "domain's security-policies or gateway-policies)");
                continue;
            }
            YAML::Node node = policy->second;
            node["rules"].push_back(rule);
        }
        for (const auto& port : m_ports)
        {
            std::string parent = ParentOf(port);
            auto segment = m_segmentAt.find(parent);
            if (segment == m_segmentAt.end())
            {
                m_context.Warn(port, "skipped segment port " +
                                         m_context.Text(port, "id", "").value_or("") +
                                         ": its segment '" + parent + "' is not in the folder");
                continue;
            }
            YAML::Node node = segment->second;
            node["segment_ports"].push_back(port);
        }
        for (const auto& entry : m_entries)
        {
            std::string parent = ParentOf(entry);
            auto service = m_serviceAt.find(parent);
            if (service == m_serviceAt.end())
            {
                m_context.Error(entry, "service entry " +
                                           m_context.Text(entry, "id", "").value_or("") +
                                           ": its service '" + parent + "' is not in the folder");
                continue;
            }
            YAML::Node node = service->second;
            node["service_entries"].push_back(entry);
        }
    }

    /// A listing whose pages do not add up to its result_count lacks a page (or has one twice).
    void CheckListings()
    {
        for (const auto& [key, listing] : m_listings)
        {
            if (listing.declared < 0 || listing.held == static_cast<std::size_t>(listing.declared))
            {
                continue;
            }
            std::string what =
                listing.type + " objects" + (listing.parent.empty() ? "" : " of " + listing.parent);
            m_context.Error(listing.countNode,
                            "result_count says " + std::to_string(listing.declared) + " " + what +
                                ", the folder's files hold " + std::to_string(listing.held) +
                                (listing.held < static_cast<std::size_t>(listing.declared)
                                     ? ": a page is missing"
                                     : ": a page is there twice, or the listing changed "
                                       "between pages") +
                                " (collect them again)");
        }
    }

    void WarnSkipped()
    {
        for (const auto& [key, skipped] : m_skipped)
        {
            std::string count = std::to_string(skipped.count);
            if (skipped.type == "RealizedVirtualMachine")
            {
                m_context.Warn(skipped.node,
                               "skipped " + count +
                                   " realized group members (RealizedVirtualMachine): the "
                                   "answer does not name its group; each group's criteria are "
                                   "evaluated instead");
            }
            else
            {
                m_context.Warn(skipped.node, "skipped " + count + " object" +
                                                 (skipped.count == 1 ? "" : "s") +
                                                 " of resource_type " + skipped.type +
                                                 ", which segproof does not read (see "
                                                 "docs/nsx-import.md)");
            }
        }
    }

    YAML::Node Bundle()
    {
        Fill("virtual_machines", m_vms);
        Fill("virtual_network_interface", m_vifs);
        Fill("segments", m_segments);
        Fill("tier0", m_tier0s);
        Fill("tier1", m_tier1s);
        Fill("services", m_services);
        YAML::Node domains = m_bundle["domains"];
        for (const auto& path : m_domainOrder)
        {
            domains.push_back(m_domains.at(path));
        }
        m_bundle.remove("_made");
        return m_bundle;
    }

    void Fill(const std::string& key, const std::vector<YAML::Node>& nodes)
    {
        YAML::Node list = m_bundle[key];
        for (const auto& node : nodes)
        {
            list.push_back(node);
        }
    }

    static constexpr const char* kExpected =
        " (expected a list result {\"results\": [...]} or one object with its resource_type)";

    struct Skipped
    {
        std::size_t count = 0;
        YAML::Node node;
        std::string type;
    };

    NsxContext& m_context;
    const std::vector<TextPart>& m_parts;
    YAML::Node m_bundle; ///< the skeleton, filled
    YAML::Node m_made;   ///< where nodes made for the bundle are made (in its memory)
    std::vector<YAML::Node> m_vms, m_vifs, m_segments, m_ports, m_tier0s, m_tier1s, m_services,
        m_entries, m_rules;
    std::map<std::string, YAML::Node> m_segmentAt, m_serviceAt, m_policyAt;
    std::map<std::string, YAML::Node> m_domains;
    std::vector<std::string> m_domainOrder;
    std::map<std::string, Listing> m_listings;
    std::map<std::string, Skipped> m_skipped; ///< by file and resource type
};

} // namespace

NsxFolder
ReadNsxFolder(const std::string& directory)
{
    NsxFolder folder;
    folder.name = directory;
    while (folder.name.size() > 1 && folder.name.back() == '/')
    {
        folder.name.pop_back();
    }
    std::vector<std::filesystem::path> files = JsonFilesIn(folder.name);
    if (files.empty())
    {
        throw core::InputError(core::SourceLocation{folder.name, 0, 0},
                               "is a directory without .json files, neither an NSX export nor "
                               "a folder of NSX API responses");
    }
    WholeText whole = ReadFiles(folder.name, files);
    YAML::Node responses = ParseWhole(folder.name, whole);
    folder.parts = whole.parts;

    core::DiagnosticList diagnostics;
    YamlContext yaml(folder.name, diagnostics);
    yaml.SetDocument(responses);
    yaml.SetParts(folder.parts);
    NsxContext context(yaml);
    folder.root = FolderAssembler(context, folder.parts).Assemble(responses);
    if (diagnostics.HasErrors() || !whole.errors.empty())
    {
        std::vector<core::Diagnostic> errors = whole.errors;
        errors.insert(errors.end(), diagnostics.Items().begin(), diagnostics.Items().end());
        throw core::InputError(DiagnosticsInFileOrder(std::move(errors)));
    }
    folder.warnings = context.Warnings();
    return folder;
}

} // namespace formats
} // namespace segproof
