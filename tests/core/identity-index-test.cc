// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#include "core/identity.h"

#include <gtest/gtest.h>
#include <string>
#include <utility>
#include <vector>

namespace segproof
{
namespace core
{
namespace
{

User
MakeUser(const std::string& name, bool enabled = true)
{
    User user;
    user.name = name;
    user.enabled = enabled;
    return user;
}

AdGroup
MakeGroup(const std::string& name, std::vector<Index> users, std::vector<Index> groups)
{
    AdGroup group;
    group.name = name;
    group.users = std::move(users);
    group.groups = std::move(groups);
    return group;
}

Pool
MakePool(const std::string& name, PoolKind kind, std::vector<Index> desktops,
         std::vector<Index> entitled)
{
    Pool pool;
    pool.name = name;
    pool.kind = kind;
    pool.desktops = std::move(desktops);
    pool.entitled = std::move(entitled);
    return pool;
}

RightGrant
MakeGrant(Right right, std::vector<Index> machines, std::vector<Index> users,
          std::vector<Index> groups)
{
    RightGrant grant;
    grant.right = right;
    grant.machines = std::move(machines);
    grant.users = std::move(users);
    grant.groups = std::move(groups);
    return grant;
}

Assignment
MakeAssignment(Index user, Index machine)
{
    Assignment a;
    a.user = user;
    a.machine = machine;
    return a;
}

/// Four users; records <- records-team <- staff (nested), a cycle staff -> records; a floating
/// pool of desktops 0-2 for staff, a dedicated pool with bob on desktop 3, an admin session of
/// carol on server 4; carol local admin on every machine through helpdesk.
Identity
SmallIdentity()
{
    Identity id;
    id.users = {MakeUser("alice"), MakeUser("bob"), MakeUser("carol"), MakeUser("dave", false)};
    // records-team -> staff -> records-team: a cycle, as AD allows.
    id.groups = {MakeGroup("records-team", {0}, {1}), MakeGroup("staff", {1, 3}, {0}),
                 MakeGroup("helpdesk", {2}, {})};
    Pool dedicated = MakePool("own", PoolKind::Dedicated, {3}, {1});
    dedicated.assignments = {MakeAssignment(1, 3), MakeAssignment(2, 3)}; // carol: not entitled
    id.pools = {MakePool("office", PoolKind::Floating, {0, 1, 2}, {1}), dedicated};
    id.rights = {MakeGrant(Right::LocalAdmin, {0, 1, 2, 3, 4}, {}, {2}),
                 MakeGrant(Right::RemoteDesktop, {4}, {3}, {})};
    StandingSession session;
    session.user = 2;
    session.machine = 4;
    id.sessions = {session};
    return id;
}

TEST(IdentityIndexTest, NestedMembershipFollowsEveryLevelAndSurvivesACycle)
{
    IdentityIndex index(SmallIdentity(), 5);
    EXPECT_EQ(index.MembersOf(1), (std::vector<Index>{0, 1, 3}));
    EXPECT_EQ(index.MembersOf(0), (std::vector<Index>{0, 1, 3}));
    EXPECT_TRUE(index.IsMember(0, 1));
    EXPECT_FALSE(index.IsMember(2, 1));
    EXPECT_EQ(index.GroupsOf(2), (std::vector<Index>{2}));
}

TEST(IdentityIndexTest, PoolsPlaceUsersWhereTheyMaySit)
{
    IdentityIndex index(SmallIdentity(), 5);
    EXPECT_EQ(index.DesktopsOf(0), (std::vector<Index>{0, 1, 2}));
    EXPECT_EQ(index.DesktopsOf(1), (std::vector<Index>{0, 1, 2, 3}));
    EXPECT_TRUE(index.DesktopsOf(2).empty()) << "assigned but not entitled";
    EXPECT_TRUE(index.DesktopsOf(3).empty()) << "disabled";
    EXPECT_EQ(index.UsersOn(3), (std::vector<Index>{1}));
    EXPECT_EQ(index.UsersOn(4), (std::vector<Index>{2})) << "the standing session";
}

TEST(IdentityIndexTest, RightsComeThroughGroupsAndNotToDisabledUsers)
{
    IdentityIndex index(SmallIdentity(), 5);
    EXPECT_TRUE(index.HasRight(2, 0, Right::LocalAdmin));
    EXPECT_FALSE(index.HasRight(0, 0, Right::LocalAdmin));
    EXPECT_FALSE(index.HasRight(3, 4, Right::RemoteDesktop));
    EXPECT_EQ(index.Phishable(), (std::vector<Index>{0, 1}));
}

TEST(IdentityIndexTest, FindsNamesWithoutCaseAndRefusesBadIndices)
{
    Identity id = SmallIdentity();
    EXPECT_EQ(id.FindUser("ALICE"), 0);
    EXPECT_EQ(id.FindGroup("Records-Team"), 0);
    EXPECT_EQ(id.FindUser("eve"), kNone);
    id.groups[0].users.push_back(9);
    EXPECT_THROW(IdentityIndex(id, 5), std::invalid_argument);
}

} // namespace
} // namespace core
} // namespace segproof
