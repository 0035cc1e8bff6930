// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#ifndef SEGPROOF_VERIFIER_SESSION_STATES_H
#define SEGPROOF_VERIFIER_SESSION_STATES_H

#include "core/address-set.h"
#include "core/identity.h"
#include "core/scenario.h"

#include <map>
#include <vector>

namespace segproof
{
namespace verifier
{

/// Which sessions an intent's sources are taken under.
enum class SessionFilter
{
    Every,      ///< every session a pool or a standing session allows, and nobody logged on
    Members,    ///< sessions of members of the intent's groups (`from_users`)
    NonMembers, ///< sessions of users outside the groups, and nobody ("only" from_users)
};

/// One state the sessions on some addresses may be in, as the identity firewall sees it: the
/// identity firewall groups matched while it holds, and the addresses that may be in it.
struct SessionState
{
    std::vector<core::Index> signature; ///< identity firewall groups matched (sorted)
    core::AddressSet sources;           ///< the addresses that may be in this state
    /// For each machine of `sources`, a user whose session puts it in this state; kNone when
    /// nobody (or only standing sessions) does.
    std::map<core::Index, core::Index> witness;
};

/// Every state the sessions may be in, by signature (docs/identity.md, "What the verifier proves"):
/// a desktop of a floating pool may hold any entitled user, one of a dedicated pool its owner,
/// either may hold nobody; standing sessions are always there. `idfwGroups` are the identity
/// firewall groups that matter (sorted); `groups` the intent's AD groups (for Members /
/// NonMembers). Addresses that are no machine are in the state of nobody (Every, NonMembers).
std::vector<SessionState> SessionStates(const core::Scenario& scenario,
                                        const core::IdentityIndex& index,
                                        const std::vector<core::Index>& idfwGroups,
                                        SessionFilter filter,
                                        const std::vector<core::Index>& groups = {});

} // namespace verifier
} // namespace segproof

#endif
