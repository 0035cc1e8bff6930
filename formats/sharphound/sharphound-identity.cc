// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#include "sharphound-identity.h"

#include "core/name-suggestion.h"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

namespace segproof
{
namespace formats
{

namespace
{

/// The host part of a computer or machine name, lower case: "WIN10.TESTLAB.LOCAL" -> "win10",
/// "WIN10$" -> "win10".
std::string
HostKey(const std::string& name)
{
    std::string host = core::LowerCase(name.substr(0, name.find('.')));
    if (!host.empty() && host.back() == '$')
    {
        host.pop_back();
    }
    return host;
}

/// "a, b, c and 4 more".
std::string
FirstNames(const std::vector<std::string>& names)
{
    std::string text;
    const std::size_t shown = std::min<std::size_t>(names.size(), 5);
    for (std::size_t i = 0; i < shown; ++i)
    {
        text += (i == 0 ? "" : ", ") + names[i];
    }
    if (names.size() > shown)
    {
        text += " and " + std::to_string(names.size() - shown) + " more";
    }
    return text;
}

void
SortUnique(std::vector<core::Index>& v)
{
    std::sort(v.begin(), v.end());
    v.erase(std::unique(v.begin(), v.end()), v.end());
}

} // namespace

SharpHoundImport
ImportSharpHound(const SharpHoundCollection& collection, const core::Estate& estate,
                 const core::SourceLocation& location)
{
    SharpHoundImport result;
    core::Identity& identity = result.identity;
    std::unordered_map<std::string, core::Index> userOf;
    std::unordered_map<std::string, core::Index> groupOf;
    for (const auto& u : collection.users)
    {
        if (userOf.count(u.sid))
        {
            continue; // the same object in two files: once
        }
        userOf[u.sid] = static_cast<core::Index>(identity.users.size());
        core::User user;
        user.name = u.name;
        user.enabled = u.enabled;
        user.sid = u.sid;
        user.location = location;
        identity.users.push_back(std::move(user));
    }
    for (const auto& g : collection.groups)
    {
        if (groupOf.count(g.sid))
        {
            continue;
        }
        groupOf[g.sid] = static_cast<core::Index>(identity.groups.size());
        core::AdGroup group;
        group.name = g.name;
        group.sid = g.sid;
        group.location = location;
        identity.groups.push_back(std::move(group));
    }
    // An object referenced but in no file (a foreign or uncollected SID) is kept, as BloodHound
    // keeps it: a placeholder named by its SID.
    std::set<std::string> placeholders;
    auto placeholderUser = [&](const std::string& sid)
    {
        auto [it, added] = userOf.emplace(sid, static_cast<core::Index>(identity.users.size()));
        if (added)
        {
            core::User user;
            user.name = sid;
            user.sid = sid;
            user.location = location;
            identity.users.push_back(std::move(user));
            placeholders.insert(sid);
        }
        return it->second;
    };
    auto placeholderGroup = [&](const std::string& sid)
    {
        auto [it, added] = groupOf.emplace(sid, static_cast<core::Index>(identity.groups.size()));
        if (added)
        {
            core::AdGroup group;
            group.name = sid;
            group.sid = sid;
            group.location = location;
            identity.groups.push_back(std::move(group));
            placeholders.insert(sid);
        }
        return it->second;
    };
    /// A member or right holder: a user or a group (by its file, else by its ObjectType);
    /// false for computers, local accounts and local groups.
    auto principal = [&](const SharpHoundPrincipal& p, core::Index& user, core::Index& group)
    {
        user = group = core::kNone;
        if (auto u = userOf.find(p.sid); u != userOf.end())
        {
            user = u->second;
        }
        else if (auto g = groupOf.find(p.sid); g != groupOf.end())
        {
            group = g->second;
        }
        else if (p.type == "User")
        {
            user = placeholderUser(p.sid);
        }
        else if (p.type == "Group")
        {
            group = placeholderGroup(p.sid);
        }
        return user != core::kNone || group != core::kNone;
    };
    for (const auto& g : collection.groups)
    {
        const core::Index into = groupOf[g.sid];
        for (const auto& member : g.members)
        {
            core::Index user;
            core::Index group;
            if (principal(member, user, group))
            {
                (user != core::kNone ? identity.groups[into].users : identity.groups[into].groups)
                    .push_back(user != core::kNone ? user : group);
            }
        }
    }
    for (const auto& u : collection.users)
    {
        auto g = groupOf.find(u.primaryGroup);
        if (g != groupOf.end())
        {
            identity.groups[g->second].users.push_back(userOf[u.sid]);
        }
    }
    for (auto& group : identity.groups)
    {
        SortUnique(group.users);
        SortUnique(group.groups);
    }

    // Computers onto machines by host name.
    std::unordered_map<std::string, core::Index> machineOf;
    std::set<std::string> ambiguous;
    for (std::size_t m = 0; m < estate.Machines().size(); ++m)
    {
        const std::string key = HostKey(estate.Machines()[m].name);
        if (!machineOf.emplace(key, static_cast<core::Index>(m)).second)
        {
            ambiguous.insert(key);
        }
    }
    std::unordered_map<std::string, core::Index> computerMachine; // computer SID -> machine
    std::vector<std::string> unmatched;
    std::set<std::string> seenComputers;
    std::size_t rightsWithoutPrincipal = 0;
    for (const auto& c : collection.computers)
    {
        if (!seenComputers.insert(c.sid).second)
        {
            continue;
        }
        ++result.computers;
        std::string key = HostKey(c.name.empty() ? c.samAccountName : c.name);
        auto m = machineOf.find(key);
        if (key.empty() || m == machineOf.end() || ambiguous.count(key))
        {
            unmatched.push_back(c.name.empty() ? c.sid : c.name);
            continue;
        }
        ++result.matchedComputers;
        computerMachine[c.sid] = m->second;
        for (const auto& local : c.rights)
        {
            core::RightGrant grant;
            grant.right = local.right;
            grant.machines = {m->second};
            grant.location = location;
            for (const auto& member : local.members)
            {
                core::Index user;
                core::Index group;
                if (!principal(member, user, group))
                {
                    ++rightsWithoutPrincipal; // a local account, a local group, a computer
                }
                else if (user != core::kNone)
                {
                    grant.users.push_back(user);
                }
                else
                {
                    grant.groups.push_back(group);
                }
            }
            SortUnique(grant.users);
            SortUnique(grant.groups);
            if (!grant.users.empty() || !grant.groups.empty())
            {
                identity.rights.push_back(std::move(grant));
            }
        }
    }
    std::set<std::pair<core::Index, core::Index>> sessions; // (machine, user)
    std::size_t sessionsOnUnmatched = 0;
    auto addSession = [&](const std::string& computer, const std::string& user)
    {
        auto m = computerMachine.find(computer);
        if (m == computerMachine.end())
        {
            ++sessionsOnUnmatched;
            return;
        }
        sessions.emplace(m->second, placeholderUser(user)); // a session's user is a user
    };
    for (const auto& c : collection.computers)
    {
        for (const auto& user : c.sessionUsers)
        {
            addSession(c.sid, user);
        }
    }
    for (const auto& [computer, user] : collection.sessions)
    {
        addSession(computer, user);
    }
    for (const auto& [machine, user] : sessions)
    {
        identity.sessions.push_back(core::StandingSession{user, machine, location});
    }

    auto warn = [&](const std::string& message) { result.warnings.push_back({location, message}); };
    if (!unmatched.empty())
    {
        warn(std::to_string(unmatched.size()) + " of " + std::to_string(result.computers) +
             " SharpHound computers match no machine of the estate by name (" +
             FirstNames(unmatched) + "): their sessions and local groups are left out");
    }
    if (!placeholders.empty())
    {
        warn(std::to_string(placeholders.size()) +
             " users and groups are referenced but in no users or groups file (foreign or "
             "uncollected SIDs, such as " +
             FirstNames(std::vector<std::string>(placeholders.begin(), placeholders.end())) +
             "): kept, named by their SID, as BloodHound keeps them");
    }
    if (rightsWithoutPrincipal > 0)
    {
        warn(std::to_string(rightsWithoutPrincipal) +
             " local group members are no user or group of the collection (local accounts, "
             "local groups, foreign SIDs): left out of the rights");
    }
    if (sessionsOnUnmatched > 0)
    {
        warn(std::to_string(sessionsOnUnmatched) +
             " sessions are on computers without a machine: left out");
    }
    return result;
}

} // namespace formats
} // namespace segproof
