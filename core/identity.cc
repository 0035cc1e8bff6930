// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#include "identity.h"

#include <algorithm>
#include <cctype>
#include <stdexcept>

namespace segproof
{
namespace core
{

namespace
{

bool
EqualWithoutCase(const std::string& a, const std::string& b)
{
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(),
                                              [](unsigned char x, unsigned char y)
                                              { return std::tolower(x) == std::tolower(y); });
}

template <typename T>
Index
FindByName(const std::vector<T>& items, const std::string& name)
{
    for (std::size_t i = 0; i < items.size(); ++i)
    {
        if (EqualWithoutCase(items[i].name, name))
        {
            return static_cast<Index>(i);
        }
    }
    return kNone;
}

void
SortUnique(std::vector<Index>& v)
{
    std::sort(v.begin(), v.end());
    v.erase(std::unique(v.begin(), v.end()), v.end());
}

void
CheckIndex(Index i, std::size_t size, const char* what)
{
    if (i < 0 || static_cast<std::size_t>(i) >= size)
    {
        throw std::invalid_argument(std::string("IdentityIndex: no ") + what + " " +
                                    std::to_string(i));
    }
}

} // namespace

std::string
PoolKindName(PoolKind kind)
{
    return kind == PoolKind::Dedicated ? "dedicated" : "floating";
}

std::string
RightName(Right right)
{
    switch (right)
    {
    case Right::LocalAdmin:
        return "local_admin";
    case Right::RemoteDesktop:
        return "remote_desktop";
    case Right::RemoteManagement:
        return "remote_management";
    }
    return "local_admin";
}

Index
Identity::FindUser(const std::string& name) const
{
    return FindByName(users, name);
}

Index
Identity::FindGroup(const std::string& name) const
{
    return FindByName(groups, name);
}

Index
Identity::FindPool(const std::string& name) const
{
    for (std::size_t i = 0; i < pools.size(); ++i)
    {
        if (pools[i].name == name)
        {
            return static_cast<Index>(i);
        }
    }
    return kNone;
}

IdentityIndex::IdentityIndex(const Identity& identity, std::size_t machineCount)
    : m_groupsOfUser(identity.users.size()), m_membersOfGroup(identity.groups.size()),
      m_desktopsOfUser(identity.users.size()), m_usersOnMachine(machineCount)
{
    const std::size_t userCount = identity.users.size();
    const std::size_t groupCount = identity.groups.size();

    // Nested membership: each group's users, through every group nested in it (AD allows
    // cycles; each group is visited once per walk).
    for (std::size_t g = 0; g < groupCount; ++g)
    {
        std::vector<bool> seen(groupCount, false);
        std::vector<Index> stack{static_cast<Index>(g)};
        seen[g] = true;
        while (!stack.empty())
        {
            const AdGroup& group = identity.groups[static_cast<std::size_t>(stack.back())];
            stack.pop_back();
            for (Index u : group.users)
            {
                CheckIndex(u, userCount, "user");
                m_membersOfGroup[g].push_back(u);
            }
            for (Index nested : group.groups)
            {
                CheckIndex(nested, groupCount, "group");
                if (!seen[static_cast<std::size_t>(nested)])
                {
                    seen[static_cast<std::size_t>(nested)] = true;
                    stack.push_back(nested);
                }
            }
        }
        SortUnique(m_membersOfGroup[g]);
        for (Index u : m_membersOfGroup[g])
        {
            m_groupsOfUser[static_cast<std::size_t>(u)].push_back(static_cast<Index>(g));
        }
    }

    for (const Pool& pool : identity.pools)
    {
        for (Index d : pool.desktops)
        {
            CheckIndex(d, machineCount, "machine");
        }
        for (Index g : pool.entitled)
        {
            CheckIndex(g, groupCount, "group");
        }
        auto entitled = [&](Index u)
        {
            return std::any_of(pool.entitled.begin(), pool.entitled.end(),
                               [&](Index g) { return IsMember(u, g); });
        };
        if (pool.kind == PoolKind::Dedicated)
        {
            for (const Assignment& a : pool.assignments)
            {
                CheckIndex(a.user, userCount, "user");
                CheckIndex(a.machine, machineCount, "machine");
                if (entitled(a.user))
                {
                    m_desktopsOfUser[static_cast<std::size_t>(a.user)].push_back(a.machine);
                }
            }
            continue;
        }
        std::vector<bool> counted(userCount, false);
        for (Index g : pool.entitled)
        {
            for (Index u : m_membersOfGroup[static_cast<std::size_t>(g)])
            {
                if (counted[static_cast<std::size_t>(u)])
                {
                    continue;
                }
                counted[static_cast<std::size_t>(u)] = true;
                auto& desktops = m_desktopsOfUser[static_cast<std::size_t>(u)];
                desktops.insert(desktops.end(), pool.desktops.begin(), pool.desktops.end());
            }
        }
    }
    for (std::size_t u = 0; u < userCount; ++u)
    {
        if (!identity.users[u].enabled)
        {
            m_desktopsOfUser[u].clear();
        }
        SortUnique(m_desktopsOfUser[u]);
        for (Index d : m_desktopsOfUser[u])
        {
            m_usersOnMachine[static_cast<std::size_t>(d)].push_back(static_cast<Index>(u));
        }
    }
    for (const StandingSession& s : identity.sessions)
    {
        CheckIndex(s.user, userCount, "user");
        CheckIndex(s.machine, machineCount, "machine");
        if (identity.users[static_cast<std::size_t>(s.user)].enabled)
        {
            m_usersOnMachine[static_cast<std::size_t>(s.machine)].push_back(s.user);
        }
    }
    for (auto& users : m_usersOnMachine)
    {
        SortUnique(users);
    }

    for (auto& holders : m_holders)
    {
        holders.assign(machineCount, {});
    }
    for (const RightGrant& grant : identity.rights)
    {
        std::vector<Index> users;
        for (Index u : grant.users)
        {
            CheckIndex(u, userCount, "user");
            users.push_back(u);
        }
        for (Index g : grant.groups)
        {
            CheckIndex(g, groupCount, "group");
            const auto& members = m_membersOfGroup[static_cast<std::size_t>(g)];
            users.insert(users.end(), members.begin(), members.end());
        }
        users.erase(std::remove_if(users.begin(), users.end(),
                                   [&](Index u) {
                                       return !identity.users[static_cast<std::size_t>(u)].enabled;
                                   }),
                    users.end());
        auto& holders = m_holders[static_cast<std::size_t>(grant.right)];
        for (Index m : grant.machines)
        {
            CheckIndex(m, machineCount, "machine");
            auto& on = holders[static_cast<std::size_t>(m)];
            on.insert(on.end(), users.begin(), users.end());
        }
    }
    for (auto& holders : m_holders)
    {
        for (auto& on : holders)
        {
            SortUnique(on);
        }
    }

    if (!identity.phishable.empty())
    {
        for (Index u : identity.phishable)
        {
            CheckIndex(u, userCount, "user");
            m_phishable.push_back(u);
        }
        SortUnique(m_phishable);
    }
    else
    {
        for (std::size_t u = 0; u < userCount; ++u)
        {
            if (identity.users[u].enabled && !m_desktopsOfUser[u].empty())
            {
                m_phishable.push_back(static_cast<Index>(u));
            }
        }
    }
}

bool
IdentityIndex::IsMember(Index user, Index group) const
{
    const auto& groups = m_groupsOfUser.at(static_cast<std::size_t>(user));
    return std::binary_search(groups.begin(), groups.end(), group);
}

const std::vector<Index>&
IdentityIndex::MembersOf(Index group) const
{
    return m_membersOfGroup.at(static_cast<std::size_t>(group));
}

const std::vector<Index>&
IdentityIndex::GroupsOf(Index user) const
{
    return m_groupsOfUser.at(static_cast<std::size_t>(user));
}

const std::vector<Index>&
IdentityIndex::DesktopsOf(Index user) const
{
    return m_desktopsOfUser.at(static_cast<std::size_t>(user));
}

const std::vector<Index>&
IdentityIndex::UsersOn(Index machine) const
{
    return m_usersOnMachine.at(static_cast<std::size_t>(machine));
}

bool
IdentityIndex::HasRight(Index user, Index machine, Right right) const
{
    const auto& on =
        m_holders[static_cast<std::size_t>(right)].at(static_cast<std::size_t>(machine));
    return std::binary_search(on.begin(), on.end(), user);
}

} // namespace core
} // namespace segproof
