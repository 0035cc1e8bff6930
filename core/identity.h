// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#ifndef SEGPROOF_CORE_IDENTITY_H
#define SEGPROOF_CORE_IDENTITY_H

#include "estate.h"
#include "source-location.h"

#include <array>
#include <cstddef>
#include <string>
#include <vector>

namespace segproof
{
namespace core
{

/// An Active Directory user (a person's or a service's account).
struct User
{
    std::string name;    ///< as the scenario or the collector names it (e.g. "alice", "ALICE@CORP")
    bool enabled = true; ///< a disabled account logs on nowhere and its credential is worthless
    std::string sid; ///< the object's SID when imported (SharpHound ObjectIdentifier); may be empty
    SourceLocation location;
};

/// An Active Directory group: users and (nested) groups.
struct AdGroup
{
    std::string name;
    std::vector<Index> users;  ///< direct user members (indices into Identity::users)
    std::vector<Index> groups; ///< direct group members (indices into Identity::groups)
    std::string sid;
    SourceLocation location;
};

/// How a VDI pool gives its users a desktop (VMware Horizon's terms).
enum class PoolKind
{
    Dedicated, ///< each user has one desktop of the pool, the same at every logon
    Floating,  ///< at each logon a user gets any free desktop of the pool
};

/// "dedicated" or "floating".
std::string PoolKindName(PoolKind kind);

/// A user's own desktop in a dedicated pool.
struct Assignment
{
    Index user = kNone;
    Index machine = kNone;
};

/// A Horizon-style desktop pool.
struct Pool
{
    std::string name;
    PoolKind kind = PoolKind::Floating;
    std::vector<Index> desktops; ///< the pool's machines (indices into Estate::Machines())
    std::vector<Index> entitled; ///< AD groups whose members may log on (Identity::groups)
    /// Dedicated pools: who owns which desktop (one desktop per user, one user per desktop).
    /// An entitled user without an assignment has no desktop in this pool.
    std::vector<Assignment> assignments;
    SourceLocation location;
};

/// A right a user holds on a machine (the Windows local groups SharpHound collects).
enum class Right
{
    LocalAdmin,       ///< Administrators: SMB admin shares, WinRM, RDP, credential dumping
    RemoteDesktop,    ///< Remote Desktop Users: RDP logon
    RemoteManagement, ///< Remote Management Users: WinRM (PSRemoting)
};

/// Every right, in the order of arrays indexed by Right.
constexpr std::array<Right, 3> kAllRights{Right::LocalAdmin, Right::RemoteDesktop,
                                          Right::RemoteManagement};

/// "local_admin", "remote_desktop" or "remote_management" (scenario keys).
std::string RightName(Right right);

/// A right given to users and groups on machines.
struct RightGrant
{
    Right right = Right::LocalAdmin;
    std::vector<Index> machines; ///< the machines it holds on
    std::vector<Index> users;    ///< users given it directly
    std::vector<Index> groups;   ///< groups given it (every member, nested)
    SourceLocation location;
};

/// A logon that lasts the whole run: an administrator's or a service's session on a server
/// (SharpHound's Sessions), whose credential sits in that machine's memory.
struct StandingSession
{
    Index user = kNone;
    Index machine = kNone;
    SourceLocation location;
};

/// When users log on to their pools' desktops over a run (docs/attack-model.md, "Identity").
struct LogonPattern
{
    double loggedOnShare = 0.9;   ///< share of entitled users who log on during the run [A]
    double logonWindow_s = 1800;  ///< logons are spread uniformly over [0, window] [A]
    double sessionMean_s = 14400; ///< mean session before a logoff (exponential) [A]
    double breakMean_s = 2700;    ///< mean time logged off before logging on again [A]
    SourceLocation location;
};

/// Who works where, and with which rights: the scenario's `identity:` section, or a
/// SharpHound collection. Indices refer to `users`, `groups` and the estate's machines.
struct Identity
{
    std::vector<User> users;
    std::vector<AdGroup> groups;
    std::vector<Pool> pools;
    std::vector<RightGrant> rights;
    std::vector<StandingSession> sessions;
    LogonPattern logon;
    /// Users who may receive and open the phishing mail; empty: every enabled user with a
    /// desktop in some pool.
    std::vector<Index> phishable;
    /// P(an intruder holding administrator rights on a machine dumps a reusable credential of
    /// each user logged on there) (T1003.001) [A].
    double credentialHarvest = 0.9;
    bool given = false; ///< the scenario has an `identity:` section
    SourceLocation location;

    /// Index of the user with that name (compared without case), or kNone.
    Index FindUser(const std::string& name) const;
    /// Index of the group with that name (compared without case), or kNone.
    Index FindGroup(const std::string& name) const;
    /// Index of the pool with that name, or kNone.
    Index FindPool(const std::string& name) const;
};

/// Identity's relations, flattened: nested membership, where each user may sit and which
/// rights each user holds on each machine. Built once from an Identity and the estate's size;
/// what both engines ask.
class IdentityIndex
{
public:
    IdentityIndex(const Identity& identity, std::size_t machineCount);

    /// True when the user is a member of the group, directly or through nested groups.
    bool IsMember(Index user, Index group) const;
    /// Every user of the group, nested members included, enabled or not, sorted.
    const std::vector<Index>& MembersOf(Index group) const;
    /// Every group the user belongs to, directly or nested, sorted.
    const std::vector<Index>& GroupsOf(Index user) const;
    /// The desktops the user may be logged on to: the own desktop of each dedicated pool the
    /// user is entitled to and assigned in, and every desktop of each floating pool the user
    /// is entitled to. Empty for a disabled user. Sorted.
    const std::vector<Index>& DesktopsOf(Index user) const;
    /// The users who may be logged on to the machine: those for whom DesktopsOf holds it, and
    /// its standing sessions' users. Sorted.
    const std::vector<Index>& UsersOn(Index machine) const;
    /// True when the user holds the right on the machine (directly or through a group); a
    /// disabled user holds nothing.
    bool HasRight(Index user, Index machine, Right right) const;
    /// The users who may be phished: Identity::phishable, or every enabled user with a
    /// desktop. Sorted.
    const std::vector<Index>& Phishable() const { return m_phishable; }

private:
    std::vector<std::vector<Index>> m_groupsOfUser;
    std::vector<std::vector<Index>> m_membersOfGroup;
    std::vector<std::vector<Index>> m_desktopsOfUser;
    std::vector<std::vector<Index>> m_usersOnMachine;
    /// For each right and machine, the users holding it, sorted.
    std::array<std::vector<std::vector<Index>>, 3> m_holders;
    std::vector<Index> m_phishable;
};

} // namespace core
} // namespace segproof

#endif
