// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#include "identity-reader.h"

#include "bracket-range.h"
#include "core/limits.h"
#include "core/name-suggestion.h"
#include "formats/sharphound/sharphound-collection.h"
#include "formats/sharphound/sharphound-files.h"
#include "formats/sharphound/sharphound-identity.h"
#include "parameter-reader.h"

#include <algorithm>
#include <filesystem>
#include <string>
#include <unordered_map>
#include <utility>

namespace segproof
{
namespace formats
{

namespace
{

void
SortUnique(std::vector<core::Index>& v)
{
    std::sort(v.begin(), v.end());
    v.erase(std::unique(v.begin(), v.end()), v.end());
}

const std::vector<std::pair<std::string, core::PoolKind>> kPoolKinds = {
    {"dedicated", core::PoolKind::Dedicated},
    {"floating", core::PoolKind::Floating},
};

const std::vector<std::pair<std::string, core::Right>> kRights = {
    {"local_admin", core::Right::LocalAdmin},
    {"remote_desktop", core::Right::RemoteDesktop},
    {"remote_management", core::Right::RemoteManagement},
};

class IdentityReader
{
public:
    IdentityReader(const core::Estate& estate, const std::vector<core::Group>& groups,
                   YamlContext& context, std::vector<core::Diagnostic>& warnings)
        : m_estate(estate), m_groups(groups), m_context(context), m_values(context),
          m_warnings(warnings)
    {
    }

    core::Identity Read(const YAML::Node& node)
    {
        m_identity.given = true;
        m_identity.location = m_context.Location(node);
        if (!m_context.CheckMap(node, "'identity'",
                                {"sharphound", "users", "groups", "pools", "rights", "sessions",
                                 "logon", "phishable", "credential_harvest"}))
        {
            if (!node.IsMap())
            {
                return std::move(m_identity);
            }
        }
        if (node["sharphound"])
        {
            ImportCollection(node["sharphound"]);
        }
        else
        {
            m_context.Require(node, "'identity'", {"users"});
        }
        ReadUsers(node["users"]);
        ReadGroups(node["groups"]);
        ReadPools(node["pools"]);
        ReadRights(node["rights"]);
        ReadSessions(node["sessions"]);
        ReadLogon(node["logon"]);
        if (node["phishable"])
        {
            for (const auto& item : m_context.ScalarOrList(node["phishable"], "'phishable'"))
            {
                std::vector<core::Index> users = UsersNamed(item, "'phishable'");
                m_identity.phishable.insert(m_identity.phishable.end(), users.begin(), users.end());
            }
            SortUnique(m_identity.phishable);
        }
        m_values.Probability(node, "credential_harvest", m_identity.credentialHarvest);
        return std::move(m_identity);
    }

private:
    // ---- a SharpHound collection ---------------------------------------------------------

    /// Users, groups, rights and sessions from the collection; the keys below add to them.
    void ImportCollection(const YAML::Node& node)
    {
        if (!node.IsScalar())
        {
            m_context.Error(node, "'sharphound' must be the path of a SharpHound collection: its "
                                  "zip or a folder of its JSON files");
            return;
        }
        std::filesystem::path path(node.Scalar());
        if (path.is_relative())
        {
            path = std::filesystem::path(m_context.File()).parent_path() / path;
        }
        try
        {
            SharpHoundCollection collection =
                ParseSharpHound(ReadSharpHoundFiles(path.lexically_normal().string()));
            SharpHoundImport imported =
                ImportSharpHound(collection, m_estate, m_context.Location(node));
            m_warnings.insert(m_warnings.end(), imported.warnings.begin(), imported.warnings.end());
            m_identity = std::move(imported.identity);
            m_identity.given = true;
            m_identity.location = m_context.Location(node);
        }
        catch (const core::InputError& e)
        {
            // A problem of the collection as a whole (no such path, not a zip) is said at the
            // key; one inside a file at that file's place.
            for (const auto& d : e.Diagnostics())
            {
                if (d.location.line == 0)
                {
                    m_context.Error(node, "'sharphound': " + d.ToString());
                }
                else
                {
                    m_context.Error(d.location, d.message);
                }
            }
            m_importFailed = true; // names it would have given are not reported unknown
            return;
        }
        for (std::size_t u = 0; u < m_identity.users.size(); ++u)
        {
            m_userIndex[core::LowerCase(m_identity.users[u].name)] = static_cast<core::Index>(u);
            m_userNames.push_back(m_identity.users[u].name);
        }
        for (std::size_t g = 0; g < m_identity.groups.size(); ++g)
        {
            m_groupIndex[core::LowerCase(m_identity.groups[g].name)] = static_cast<core::Index>(g);
            m_groupNames.push_back(m_identity.groups[g].name);
        }
    }

    // ---- users and groups ----------------------------------------------------------------

    void ReadUsers(const YAML::Node& node)
    {
        if (!node)
        {
            return;
        }
        if (!node.IsSequence())
        {
            m_context.Error(node, "'users' must be a list of user names (bracket ranges allowed, "
                                  "e.g. staff[001-040]) or {name, enabled} maps");
            return;
        }
        for (const auto& item : node)
        {
            bool enabled = true;
            if (item.IsMap())
            {
                if (!m_context.CheckMap(item, "a user", {"name", "enabled"}) ||
                    !m_context.Require(item, "a user", {"name"}))
                {
                    continue;
                }
                enabled = m_context.Boolean(item, "enabled").value_or(true);
            }
            // Constructed once: yaml-cpp's assignment would rewrite the node held.
            const YAML::Node nameNode = item.IsMap() ? item["name"] : item;
            if (!nameNode.IsScalar())
            {
                m_context.Error(nameNode, "a user is a name or a {name, enabled} map, not " +
                                              YamlKindName(nameNode));
                continue;
            }
            BracketExpansion names =
                ExpandBracketRange(nameNode.Scalar(), core::Limits::kMaxRangeExpansion);
            if (!names.error.empty())
            {
                m_context.Error(nameNode, names.error);
                continue;
            }
            m_context.Count(names.names.size(), nameNode);
            for (const auto& name : names.names)
            {
                const std::string key = core::LowerCase(name);
                if (m_userIndex.count(key))
                {
                    m_context.Error(nameNode, "user '" + name +
                                                  "' is defined twice (names are "
                                                  "compared without case)");
                    continue;
                }
                core::User user;
                user.name = name;
                user.enabled = enabled;
                user.location = m_context.Location(nameNode);
                m_userIndex[key] = static_cast<core::Index>(m_identity.users.size());
                m_userNames.push_back(name);
                m_identity.users.push_back(std::move(user));
            }
        }
    }

    void ReadGroups(const YAML::Node& node)
    {
        if (!node)
        {
            return;
        }
        if (!m_context.CheckNameMap(node, "'groups'"))
        {
            return;
        }
        // Names first: groups may name groups written later (nesting, cycles allowed as AD
        // allows them).
        for (const auto& entry : node)
        {
            const std::string name = entry.first.Scalar();
            const std::string key = core::LowerCase(name);
            if (m_groupIndex.count(key))
            {
                m_context.Error(entry.first, "AD group '" + name +
                                                 "' is defined twice (names are compared "
                                                 "without case)");
                continue;
            }
            if (m_userIndex.count(key))
            {
                m_context.Error(entry.first,
                                "'" + name +
                                    "' is already a user: users and AD groups share one "
                                    "namespace");
                continue;
            }
            core::AdGroup group;
            group.name = name;
            group.location = m_context.Location(entry.first);
            m_groupIndex[key] = static_cast<core::Index>(m_identity.groups.size());
            m_groupNames.push_back(name);
            m_identity.groups.push_back(std::move(group));
        }
        for (const auto& entry : node)
        {
            auto found = m_groupIndex.find(core::LowerCase(entry.first.Scalar()));
            if (found == m_groupIndex.end())
            {
                continue;
            }
            core::AdGroup& group = m_identity.groups[found->second];
            const YAML::Node& body = entry.second;
            if (!m_context.CheckMap(body, "AD group '" + group.name + "'", {"users", "groups"}))
            {
                continue;
            }
            for (const auto& item : m_context.StringList(body, "users"))
            {
                std::vector<core::Index> users = ExpandUsers(item);
                group.users.insert(group.users.end(), users.begin(), users.end());
            }
            for (const auto& item : m_context.StringList(body, "groups"))
            {
                core::Index g = GroupNamed(item);
                if (g != core::kNone)
                {
                    group.groups.push_back(g);
                }
            }
            SortUnique(group.users);
            SortUnique(group.groups);
        }
    }

    /// Users named by `item`: a user name or a bracket range of them.
    std::vector<core::Index> ExpandUsers(const YAML::Node& item)
    {
        std::vector<core::Index> users;
        BracketExpansion names =
            ExpandBracketRange(item.Scalar(), core::Limits::kMaxRangeExpansion);
        if (!names.error.empty())
        {
            m_context.Error(item, names.error);
            return users;
        }
        m_context.Count(names.names.size(), item);
        for (const auto& name : names.names)
        {
            auto found = m_userIndex.find(core::LowerCase(name));
            if (found == m_userIndex.end() && m_importFailed)
            {
                return users;
            }
            if (found == m_userIndex.end())
            {
                m_context.Error(item, "unknown user '" + name + "'" +
                                          core::DidYouMean(name, m_userNames));
                return users;
            }
            users.push_back(found->second);
        }
        return users;
    }

    core::Index GroupNamed(const YAML::Node& item)
    {
        auto found = m_groupIndex.find(core::LowerCase(item.Scalar()));
        if (found == m_groupIndex.end() && m_importFailed)
        {
            return core::kNone;
        }
        if (found == m_groupIndex.end())
        {
            m_context.Error(item, "unknown AD group '" + item.Scalar() + "'" +
                                      core::DidYouMean(item.Scalar(), m_groupNames));
            return core::kNone;
        }
        return found->second;
    }

    /// A user name, a bracket range of users, or an AD group (its members, nested).
    std::vector<core::Index> UsersNamed(const YAML::Node& item, const std::string& what)
    {
        auto group = m_groupIndex.find(core::LowerCase(item.Scalar()));
        if (group != m_groupIndex.end())
        {
            return MembersOf(group->second);
        }
        auto user = m_userIndex.find(core::LowerCase(item.Scalar()));
        if (user != m_userIndex.end() || item.Scalar().find('[') != std::string::npos)
        {
            return ExpandUsers(item);
        }
        if (m_importFailed)
        {
            return {};
        }
        std::vector<std::string> both = m_userNames;
        both.insert(both.end(), m_groupNames.begin(), m_groupNames.end());
        m_context.Error(item, what + ": no user or AD group '" + item.Scalar() + "'" +
                                  core::DidYouMean(item.Scalar(), both));
        return {};
    }

    /// Every user of the group, nested groups followed (cycles stop).
    std::vector<core::Index> MembersOf(core::Index group)
    {
        std::vector<core::Index> users;
        std::vector<bool> seen(m_identity.groups.size(), false);
        std::vector<core::Index> stack{group};
        while (!stack.empty())
        {
            core::Index g = stack.back();
            stack.pop_back();
            if (seen[g])
            {
                continue;
            }
            seen[g] = true;
            const core::AdGroup& ad = m_identity.groups[g];
            users.insert(users.end(), ad.users.begin(), ad.users.end());
            stack.insert(stack.end(), ad.groups.begin(), ad.groups.end());
        }
        SortUnique(users);
        return users;
    }

    // ---- machines ------------------------------------------------------------------------

    /// Machines named by a list: machine names (bracket ranges allowed) or the scenario's
    /// groups (their machines).
    std::vector<core::Index> Machines(const YAML::Node& map, const std::string& key)
    {
        std::vector<core::Index> machines;
        for (const auto& item : m_context.StringList(map, key))
        {
            const std::string& text = item.Scalar();
            const core::Group* group = FindScenarioGroup(text);
            if (group)
            {
                for (std::size_t m = 0; m < m_estate.Machines().size(); ++m)
                {
                    if (group->addresses.Contains(m_estate.Machines()[m].ip))
                    {
                        machines.push_back(static_cast<core::Index>(m));
                    }
                }
                continue;
            }
            BracketExpansion names = ExpandBracketRange(text, core::Limits::kMaxRangeExpansion);
            if (!names.error.empty())
            {
                m_context.Error(item, names.error);
                continue;
            }
            m_context.Count(names.names.size(), item);
            for (const auto& name : names.names)
            {
                core::Index m = m_estate.FindMachine(name);
                if (m == core::kNone)
                {
                    m_context.Error(item, "'" + key + "': no machine or group '" + name + "'" +
                                              core::DidYouMean(name, MachineAndGroupNames()));
                    break;
                }
                machines.push_back(m);
            }
        }
        SortUnique(machines);
        return machines;
    }

    core::Index MachineNamed(const YAML::Node& item, const std::string& key)
    {
        core::Index m = m_estate.FindMachine(item.Scalar());
        if (m == core::kNone)
        {
            std::vector<std::string> names;
            for (const auto& machine : m_estate.Machines())
            {
                names.push_back(machine.name);
            }
            m_context.Error(item, "'" + key + "': no machine '" + item.Scalar() + "'" +
                                      core::DidYouMean(item.Scalar(), names));
        }
        return m;
    }

    const core::Group* FindScenarioGroup(const std::string& name) const
    {
        for (const auto& group : m_groups)
        {
            if (group.name == name)
            {
                return &group;
            }
        }
        return nullptr;
    }

    const std::vector<std::string>& MachineAndGroupNames()
    {
        if (m_machineAndGroupNames.empty())
        {
            for (const auto& machine : m_estate.Machines())
            {
                m_machineAndGroupNames.push_back(machine.name);
            }
            for (const auto& group : m_groups)
            {
                m_machineAndGroupNames.push_back(group.name);
            }
        }
        return m_machineAndGroupNames;
    }

    // ---- pools, rights, sessions, logon --------------------------------------------------

    void ReadPools(const YAML::Node& node)
    {
        if (!node || !m_context.CheckNameMap(node, "'pools'"))
        {
            return;
        }
        std::vector<core::Index> poolOf(m_estate.Machines().size(), core::kNone);
        for (const auto& entry : node)
        {
            core::Pool pool;
            pool.name = entry.first.Scalar();
            pool.location = m_context.Location(entry.first);
            const YAML::Node& body = entry.second;
            const std::string what = "pool '" + pool.name + "'";
            if (!m_context.CheckMap(body, what, {"kind", "desktops", "entitled", "assign"}) ||
                !m_context.Require(body, what, {"kind", "desktops", "entitled"}))
            {
                continue;
            }
            m_values.Choice(body, "kind", kPoolKinds, pool.kind);
            pool.desktops = Machines(body, "desktops");
            for (core::Index m : pool.desktops)
            {
                const core::Machine& machine = m_estate.Machines()[m];
                if (machine.kind != core::MachineKind::Desktop)
                {
                    m_context.Error(body["desktops"],
                                    what + ": '" + machine.name + "' is a server, not a desktop");
                }
                else if (poolOf[m] != core::kNone)
                {
                    m_context.Error(body["desktops"], what + ": desktop '" + machine.name +
                                                          "' is already in pool '" +
                                                          m_identity.pools[poolOf[m]].name +
                                                          "' (a desktop belongs to one pool)");
                }
                poolOf[m] = static_cast<core::Index>(m_identity.pools.size());
            }
            for (const auto& item : m_context.StringList(body, "entitled"))
            {
                core::Index g = GroupNamed(item);
                if (g != core::kNone)
                {
                    pool.entitled.push_back(g);
                }
            }
            SortUnique(pool.entitled);
            ReadAssignments(body, what, pool);
            m_identity.pools.push_back(std::move(pool));
        }
    }

    void ReadAssignments(const YAML::Node& body, const std::string& what, core::Pool& pool)
    {
        const YAML::Node assign = body["assign"];
        if (pool.kind == core::PoolKind::Floating)
        {
            if (assign)
            {
                m_context.Error(assign, what + " is floating: its users get any free desktop at "
                                               "each logon, so 'assign' has no meaning");
            }
            return;
        }
        if (!assign)
        {
            m_context.Error(body, what + " is dedicated: 'assign' must give each user's desktop "
                                         "(a map user: desktop, or in_order)");
            return;
        }
        std::vector<core::Index> entitled;
        for (core::Index g : pool.entitled)
        {
            std::vector<core::Index> members = MembersOf(g);
            entitled.insert(entitled.end(), members.begin(), members.end());
        }
        SortUnique(entitled);
        if (assign.IsScalar() && assign.Scalar() == "in_order")
        {
            // The i-th entitled user (in the order users are written) owns the i-th desktop.
            std::size_t n = std::min(entitled.size(), pool.desktops.size());
            for (std::size_t i = 0; i < n; ++i)
            {
                pool.assignments.push_back({entitled[i], pool.desktops[i]});
            }
            return;
        }
        if (!m_context.CheckNameMap(assign, "'assign'"))
        {
            if (assign.IsScalar())
            {
                m_context.Error(assign, "'assign' must be a map user: desktop, or in_order; got '" +
                                            assign.Scalar() + "'");
            }
            return;
        }
        std::vector<bool> taken(m_estate.Machines().size(), false);
        std::vector<bool> owns(m_identity.users.size(), false);
        for (const auto& entry : assign)
        {
            auto user = m_userIndex.find(core::LowerCase(entry.first.Scalar()));
            if (user == m_userIndex.end() && m_importFailed)
            {
                continue;
            }
            if (user == m_userIndex.end())
            {
                m_context.Error(entry.first,
                                "'assign': unknown user '" + entry.first.Scalar() + "'" +
                                    core::DidYouMean(entry.first.Scalar(), m_userNames));
                continue;
            }
            if (!entry.second.IsScalar())
            {
                m_context.Error(entry.second, "'assign': a user's desktop is one machine name");
                continue;
            }
            core::Index m = MachineNamed(entry.second, "assign");
            if (m == core::kNone)
            {
                continue;
            }
            if (!std::binary_search(pool.desktops.begin(), pool.desktops.end(), m))
            {
                m_context.Error(entry.second, "'assign': '" + entry.second.Scalar() +
                                                  "' is not a desktop of " + what);
                continue;
            }
            if (!std::binary_search(entitled.begin(), entitled.end(), user->second))
            {
                m_context.Error(entry.first, "'assign': user '" + entry.first.Scalar() +
                                                 "' is not entitled to " + what);
                continue;
            }
            if (taken[m] || owns[user->second])
            {
                m_context.Error(entry.first, "'assign': a dedicated pool gives one desktop per "
                                             "user and one user per desktop");
                continue;
            }
            taken[m] = true;
            owns[user->second] = true;
            pool.assignments.push_back({user->second, m});
        }
    }

    void ReadRights(const YAML::Node& node)
    {
        if (!node)
        {
            return;
        }
        if (!node.IsSequence())
        {
            m_context.Error(node, "'rights' must be a list of {right, on, users, groups}");
            return;
        }
        for (const auto& item : node)
        {
            if (!m_context.CheckMap(item, "a right", {"right", "on", "users", "groups"}) ||
                !m_context.Require(item, "a right", {"right", "on"}))
            {
                continue;
            }
            core::RightGrant grant;
            grant.location = m_context.Location(item);
            m_values.Choice(item, "right", kRights, grant.right);
            grant.machines = Machines(item, "on");
            for (const auto& name : m_context.StringList(item, "users"))
            {
                std::vector<core::Index> users = ExpandUsers(name);
                grant.users.insert(grant.users.end(), users.begin(), users.end());
            }
            for (const auto& name : m_context.StringList(item, "groups"))
            {
                core::Index g = GroupNamed(name);
                if (g != core::kNone)
                {
                    grant.groups.push_back(g);
                }
            }
            if (!item["users"] && !item["groups"])
            {
                m_context.Error(item, "a right needs 'users' or 'groups' (who holds it)");
            }
            SortUnique(grant.users);
            SortUnique(grant.groups);
            m_identity.rights.push_back(std::move(grant));
        }
    }

    void ReadSessions(const YAML::Node& node)
    {
        if (!node)
        {
            return;
        }
        if (!node.IsSequence())
        {
            m_context.Error(node, "'sessions' must be a list of {user, on} (a logon that lasts "
                                  "the whole run, such as an administrator's on a server)");
            return;
        }
        for (const auto& item : node)
        {
            if (!m_context.CheckMap(item, "a session", {"user", "on"}) ||
                !m_context.Require(item, "a session", {"user", "on"}))
            {
                continue;
            }
            std::vector<core::Index> users;
            if (item["user"].IsScalar())
            {
                users = ExpandUsers(item["user"]);
            }
            else
            {
                m_context.Error(item["user"], "'user' is one user name");
            }
            for (core::Index m : Machines(item, "on"))
            {
                for (core::Index u : users)
                {
                    core::StandingSession session;
                    session.user = u;
                    session.machine = m;
                    session.location = m_context.Location(item);
                    m_identity.sessions.push_back(session);
                }
            }
        }
    }

    void ReadLogon(const YAML::Node& node)
    {
        if (!node)
        {
            return;
        }
        core::LogonPattern& logon = m_identity.logon;
        logon.location = m_context.Location(node);
        if (!m_context.CheckMap(node, "'logon'",
                                {"logged_on_share", "logon_window", "session_mean", "break_mean"}))
        {
            return;
        }
        m_values.Probability(node, "logged_on_share", logon.loggedOnShare);
        m_values.Duration(node, "logon_window", logon.logonWindow_s);
        m_values.Duration(node, "session_mean", logon.sessionMean_s, true);
        m_values.Duration(node, "break_mean", logon.breakMean_s, true);
    }

    const core::Estate& m_estate;
    const std::vector<core::Group>& m_groups;
    YamlContext& m_context;
    ParameterReader m_values;
    std::vector<core::Diagnostic>& m_warnings;
    bool m_importFailed = false; ///< the SharpHound collection did not read
    core::Identity m_identity;
    std::unordered_map<std::string, core::Index> m_userIndex;  ///< lower-case name -> user
    std::unordered_map<std::string, core::Index> m_groupIndex; ///< lower-case name -> group
    std::vector<std::string> m_userNames;
    std::vector<std::string> m_groupNames;
    std::vector<std::string> m_machineAndGroupNames;
};

} // namespace

core::Identity
ReadIdentity(const YAML::Node& node, const core::Estate& estate,
             const std::vector<core::Group>& groups, YamlContext& context,
             std::vector<core::Diagnostic>& warnings)
{
    if (!node)
    {
        return core::Identity{};
    }
    return IdentityReader(estate, groups, context, warnings).Read(node);
}

} // namespace formats
} // namespace segproof
