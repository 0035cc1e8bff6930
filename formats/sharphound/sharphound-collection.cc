// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#include "sharphound-collection.h"

#include "core/name-suggestion.h"

#include <algorithm>
#include <cctype>
#include <nlohmann/json.hpp>
#include <optional>

namespace segproof
{
namespace formats
{

namespace
{

using Json = nlohmann::json;

/// One file's reading: typed access to its fields, matched without case (SharpHound's own
/// files differ in key case), every mismatch recorded with its JSON path.
class FileReader
{
public:
    FileReader(const SharpHoundFile& file, core::DiagnosticList& diagnostics)
        : m_file(file), m_diagnostics(diagnostics)
    {
    }

    /// The parsed document, or null (the syntax error recorded at its line and column).
    std::optional<Json> Parse()
    {
        try
        {
            return Json::parse(m_file.text);
        }
        catch (const Json::parse_error& e)
        {
            int line = 1;
            int column = 1;
            const std::size_t end =
                std::min<std::size_t>(e.byte > 0 ? e.byte - 1 : 0, m_file.text.size());
            for (std::size_t i = 0; i < end; ++i)
            {
                if (m_file.text[i] == '\n')
                {
                    ++line;
                    column = 1;
                }
                else
                {
                    ++column;
                }
            }
            std::string what = e.what();
            const auto colon = what.find("syntax error");
            m_diagnostics.Add(core::SourceLocation{m_file.name, line, column},
                              "not valid JSON: " +
                                  (colon == std::string::npos ? what : what.substr(colon)));
            return std::nullopt;
        }
    }

    /// The value at `key` of an object, compared without case; null when absent.
    static const Json* Key(const Json& object, const std::string& key)
    {
        if (!object.is_object())
        {
            return nullptr;
        }
        auto exact = object.find(key);
        if (exact != object.end())
        {
            return &*exact;
        }
        const std::string wanted = core::LowerCase(key);
        for (auto it = object.begin(); it != object.end(); ++it)
        {
            if (core::LowerCase(it.key()) == wanted)
            {
                return &*it;
            }
        }
        return nullptr;
    }

    void Error(const std::string& path, const std::string& message)
    {
        m_diagnostics.Add(core::SourceLocation{m_file.name, 0, 0}, path + ": " + message);
    }

    /// A string at `key` ("" when absent or null); an error when it is of another type.
    std::string String(const Json& object, const std::string& key, const std::string& path)
    {
        const Json* value = Key(object, key);
        if (!value || value->is_null())
        {
            return "";
        }
        if (!value->is_string())
        {
            Error(path + "." + key, "expected a string, got " + std::string(value->type_name()));
            return "";
        }
        return value->get<std::string>();
    }

    /// A boolean at `key` (`fallback` when absent or null).
    bool Boolean(const Json& object, const std::string& key, const std::string& path, bool fallback)
    {
        const Json* value = Key(object, key);
        if (!value || value->is_null())
        {
            return fallback;
        }
        if (!value->is_boolean())
        {
            Error(path + "." + key,
                  "expected true or false, got " + std::string(value->type_name()));
            return fallback;
        }
        return value->get<bool>();
    }

    /// The array at `key` (empty when absent or null).
    const Json& Array(const Json& object, const std::string& key, const std::string& path)
    {
        static const Json kEmpty = Json::array();
        const Json* value = Key(object, key);
        if (!value || value->is_null())
        {
            return kEmpty;
        }
        if (!value->is_array())
        {
            Error(path + "." + key, "expected an array, got " + std::string(value->type_name()));
            return kEmpty;
        }
        return *value;
    }

    /// Typed principals `{ObjectIdentifier, ObjectType}` (v4+), or `{MemberId, MemberType}`.
    std::vector<SharpHoundPrincipal> Principals(const Json& list, const std::string& path)
    {
        std::vector<SharpHoundPrincipal> principals;
        for (std::size_t i = 0; i < list.size(); ++i)
        {
            const std::string at = path + "[" + std::to_string(i) + "]";
            if (!list[i].is_object())
            {
                Error(at, "expected an object, got " + std::string(list[i].type_name()));
                continue;
            }
            SharpHoundPrincipal p;
            p.sid = String(list[i], "ObjectIdentifier", at);
            if (p.sid.empty())
            {
                p.sid = String(list[i], "MemberId", at);
            }
            p.type = String(list[i], "ObjectType", at);
            if (p.type.empty())
            {
                p.type = String(list[i], "MemberType", at);
            }
            p.sid = Upper(p.sid);
            if (!p.sid.empty())
            {
                principals.push_back(std::move(p));
            }
        }
        return principals;
    }

    static std::string Upper(std::string text)
    {
        std::transform(text.begin(), text.end(), text.begin(),
                       [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
        return text;
    }

    const SharpHoundFile& File() const { return m_file; }

private:
    const SharpHoundFile& m_file;
    core::DiagnosticList& m_diagnostics;
};

/// The right a local group gives, by the RID its SID ends in; false for the others.
bool
RightOfLocalGroup(const std::string& sid, core::Right& right)
{
    auto endsWith = [&sid](const char* rid)
    {
        const std::string suffix = rid;
        return sid.size() > suffix.size() &&
               sid.compare(sid.size() - suffix.size(), suffix.size(), suffix) == 0;
    };
    if (endsWith("-544"))
    {
        right = core::Right::LocalAdmin;
    }
    else if (endsWith("-555"))
    {
        right = core::Right::RemoteDesktop;
    }
    else if (endsWith("-580"))
    {
        right = core::Right::RemoteManagement;
    }
    else
    {
        return false;
    }
    return true;
}

void
ReadUsers(FileReader& r, const Json& data, SharpHoundCollection& out)
{
    for (std::size_t i = 0; i < data.size(); ++i)
    {
        const std::string at = "data[" + std::to_string(i) + "]";
        const Json& item = data[i];
        SharpHoundUser user;
        user.sid = FileReader::Upper(r.String(item, "ObjectIdentifier", at));
        const Json* properties = FileReader::Key(item, "Properties");
        if (properties)
        {
            user.name = r.String(*properties, "name", at + ".Properties");
            user.enabled = r.Boolean(*properties, "enabled", at + ".Properties", true);
        }
        user.primaryGroup = FileReader::Upper(r.String(item, "PrimaryGroupSID", at));
        if (user.sid.empty())
        {
            r.Error(at, "a user without ObjectIdentifier");
            continue;
        }
        if (user.name.empty())
        {
            user.name = user.sid; // as BloodHound shows a node it knows only by its ID
        }
        out.users.push_back(std::move(user));
    }
}

void
ReadGroups(FileReader& r, const Json& data, SharpHoundCollection& out)
{
    for (std::size_t i = 0; i < data.size(); ++i)
    {
        const std::string at = "data[" + std::to_string(i) + "]";
        const Json& item = data[i];
        SharpHoundGroup group;
        group.sid = FileReader::Upper(r.String(item, "ObjectIdentifier", at));
        if (const Json* properties = FileReader::Key(item, "Properties"))
        {
            group.name = r.String(*properties, "name", at + ".Properties");
        }
        group.members = r.Principals(r.Array(item, "Members", at), at + ".Members");
        if (group.sid.empty())
        {
            r.Error(at, "a group without ObjectIdentifier");
            continue;
        }
        if (group.name.empty())
        {
            group.name = group.sid;
        }
        out.groups.push_back(std::move(group));
    }
}

/// `Sessions`, `PrivilegedSessions`, `RegistrySessions`: `{Collected, Results: [{UserSID}]}`.
void
ReadComputerSessions(FileReader& r, const Json& item, const std::string& at,
                     SharpHoundComputer& computer)
{
    for (const char* key : {"Sessions", "PrivilegedSessions", "RegistrySessions"})
    {
        const Json* api = FileReader::Key(item, key);
        if (!api || api->is_null())
        {
            continue;
        }
        const std::string path = at + "." + key;
        if (api->is_array()) // format 3: a plain array of {UserId, ComputerId}
        {
            for (std::size_t k = 0; k < api->size(); ++k)
            {
                std::string user = r.String((*api)[k], "UserId", path);
                if (!user.empty())
                {
                    computer.sessionUsers.push_back(FileReader::Upper(user));
                }
            }
            continue;
        }
        if (!r.Boolean(*api, "Collected", path, false))
        {
            continue; // not measured, which is not "no sessions"
        }
        const Json& results = r.Array(*api, "Results", path);
        for (std::size_t k = 0; k < results.size(); ++k)
        {
            std::string user = r.String(results[k], "UserSID", path + ".Results");
            if (!user.empty())
            {
                computer.sessionUsers.push_back(FileReader::Upper(user));
            }
        }
    }
}

/// `LocalGroups[]` (format 5 CE and 6), or the four fixed objects of formats 4 and 5.
void
ReadComputerRights(FileReader& r, const Json& item, const std::string& at,
                   SharpHoundComputer& computer)
{
    const Json& localGroups = r.Array(item, "LocalGroups", at);
    for (std::size_t k = 0; k < localGroups.size(); ++k)
    {
        const std::string path = at + ".LocalGroups[" + std::to_string(k) + "]";
        const Json& group = localGroups[k];
        SharpHoundLocalRight right;
        if (!RightOfLocalGroup(FileReader::Upper(r.String(group, "ObjectIdentifier", path)),
                               right.right) ||
            !r.Boolean(group, "Collected", path, false))
        {
            continue;
        }
        right.members = r.Principals(r.Array(group, "Results", path), path + ".Results");
        computer.rights.push_back(std::move(right));
    }
    const std::pair<const char*, core::Right> fixed[] = {
        {"LocalAdmins", core::Right::LocalAdmin},
        {"RemoteDesktopUsers", core::Right::RemoteDesktop},
        {"PSRemoteUsers", core::Right::RemoteManagement},
    };
    for (const auto& [key, kind] : fixed)
    {
        const Json* api = FileReader::Key(item, key);
        if (!api || api->is_null())
        {
            continue;
        }
        SharpHoundLocalRight right;
        right.right = kind;
        if (api->is_array()) // format 3: a plain array of {MemberId, MemberType}
        {
            right.members = r.Principals(*api, at + "." + key);
        }
        else if (r.Boolean(*api, "Collected", at + "." + key, false))
        {
            right.members =
                r.Principals(r.Array(*api, "Results", at + "." + key), at + "." + key + ".Results");
        }
        if (!right.members.empty())
        {
            computer.rights.push_back(std::move(right));
        }
    }
}

void
ReadComputers(FileReader& r, const Json& data, SharpHoundCollection& out)
{
    for (std::size_t i = 0; i < data.size(); ++i)
    {
        const std::string at = "data[" + std::to_string(i) + "]";
        const Json& item = data[i];
        SharpHoundComputer computer;
        computer.sid = FileReader::Upper(r.String(item, "ObjectIdentifier", at));
        if (const Json* properties = FileReader::Key(item, "Properties"))
        {
            computer.name = r.String(*properties, "name", at + ".Properties");
            computer.samAccountName = r.String(*properties, "samaccountname", at + ".Properties");
            computer.enabled = r.Boolean(*properties, "enabled", at + ".Properties", true);
        }
        if (computer.sid.empty())
        {
            r.Error(at, "a computer without ObjectIdentifier");
            continue;
        }
        ReadComputerSessions(r, item, at, computer);
        ReadComputerRights(r, item, at, computer);
        out.computers.push_back(std::move(computer));
    }
}

void
ReadSessionRows(FileReader& r, const Json& data, SharpHoundCollection& out)
{
    for (std::size_t i = 0; i < data.size(); ++i)
    {
        const std::string at = "data[" + std::to_string(i) + "]";
        std::string computer = FileReader::Upper(r.String(data[i], "ComputerSID", at));
        std::string user = FileReader::Upper(r.String(data[i], "UserSID", at));
        if (!computer.empty() && !user.empty())
        {
            out.sessions.emplace_back(std::move(computer), std::move(user));
        }
    }
}

} // namespace

SharpHoundCollection
ParseSharpHound(const std::vector<SharpHoundFile>& files)
{
    core::DiagnosticList diagnostics;
    SharpHoundCollection out;
    for (const SharpHoundFile& file : files)
    {
        FileReader r(file, diagnostics);
        std::optional<Json> document = r.Parse();
        if (!document)
        {
            continue;
        }
        const Json* meta = FileReader::Key(*document, "meta");
        const Json* data = FileReader::Key(*document, "data");
        if (!document->is_object() || !meta || !meta->is_object() || !data || !data->is_array())
        {
            r.Error("$", "a SharpHound file is an object with 'meta' (an object) and 'data' (an "
                         "array)");
            continue;
        }
        const std::string type = core::LowerCase(r.String(*meta, "type", "meta"));
        const Json* version = FileReader::Key(*meta, "version");
        out.versions.push_back(version && version->is_number_integer() ? version->get<int>() : 0);
        const bool read =
            type == "users" || type == "groups" || type == "computers" || type == "sessions";
        for (std::size_t i = 0; read && i < data->size(); ++i)
        {
            if (!(*data)[i].is_object())
            {
                r.Error("data[" + std::to_string(i) + "]",
                        "expected an object, got " + std::string((*data)[i].type_name()));
            }
        }
        if (type == "users")
        {
            ReadUsers(r, *data, out);
        }
        else if (type == "groups")
        {
            ReadGroups(r, *data, out);
        }
        else if (type == "computers")
        {
            ReadComputers(r, *data, out);
        }
        else if (type == "sessions")
        {
            ReadSessionRows(r, *data, out);
        }
        else
        {
            out.skipped.push_back(type.empty() ? "(no meta.type)" : type);
        }
    }
    diagnostics.ThrowIfAny();
    return out;
}

} // namespace formats
} // namespace segproof
