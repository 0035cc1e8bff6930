// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#include "session-states.h"

#include "core/identity-firewall.h"

#include <algorithm>
#include <utility>

namespace segproof
{
namespace verifier
{

namespace
{

std::vector<core::Index>
Merge(const std::vector<core::Index>& a, const std::vector<core::Index>& b)
{
    std::vector<core::Index> merged;
    std::set_union(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(merged));
    return merged;
}

/// Collects each state's addresses as ranges, built into sets once at the end.
struct StateBuilder
{
    struct Entry
    {
        std::vector<core::AddressRange> ranges;
        std::map<core::Index, core::Index> witness;
    };
    std::map<std::vector<core::Index>, Entry> entries;

    void Add(const std::vector<core::Index>& signature, core::Index machine, core::Ipv4Address ip,
             core::Index user)
    {
        Entry& entry = entries[signature];
        if (entry.witness.emplace(machine, user).second)
        {
            entry.ranges.push_back({ip, ip});
        }
    }
};

} // namespace

std::vector<SessionState>
SessionStates(const core::Scenario& scenario, const core::IdentityIndex& index,
              const std::vector<core::Index>& idfwGroups, SessionFilter filter,
              const std::vector<core::Index>& groups)
{
    const core::Identity& identity = scenario.GetIdentity();
    const auto& machines = scenario.GetEstate().Machines();
    auto isMember = [&](core::Index user)
    {
        return std::any_of(groups.begin(), groups.end(),
                           [&](core::Index g) { return index.IsMember(user, g); });
    };
    std::vector<std::vector<core::Index>> standing(machines.size());
    for (const auto& session : identity.sessions)
    {
        if (identity.users[session.user].enabled)
        {
            standing[session.machine].push_back(session.user);
        }
    }
    StateBuilder builder;
    std::vector<core::AddressRange> machineRanges;
    for (std::size_t m = 0; m < machines.size(); ++m)
    {
        const core::Index machine = static_cast<core::Index>(m);
        const core::Ipv4Address ip = machines[m].ip;
        machineRanges.push_back({ip, ip});
        // What the standing sessions always put there.
        std::vector<core::Index> always;
        bool memberStanding = false;
        for (core::Index u : standing[m])
        {
            always = Merge(always, core::IdentitySignature(index, u, idfwGroups));
            memberStanding = memberStanding || isMember(u);
        }
        switch (filter)
        {
        case SessionFilter::Every:
            builder.Add(always, machine, ip, core::kNone);
            break;
        case SessionFilter::Members:
            for (core::Index u : standing[m])
            {
                if (isMember(u))
                {
                    builder.Add(always, machine, ip, u);
                }
            }
            break;
        case SessionFilter::NonMembers:
            if (!memberStanding)
            {
                builder.Add(always, machine, ip, core::kNone);
            }
            break;
        }
        for (core::Index u : index.UsersOn(machine))
        {
            if (std::find(standing[m].begin(), standing[m].end(), u) != standing[m].end() ||
                !identity.users[u].enabled)
            {
                continue; // a standing session, counted above; a disabled user logs on nowhere
            }
            const bool member = isMember(u);
            if ((filter == SessionFilter::Members && !member) ||
                (filter == SessionFilter::NonMembers && (member || memberStanding)))
            {
                continue;
            }
            builder.Add(Merge(always, core::IdentitySignature(index, u, idfwGroups)), machine, ip,
                        u);
        }
    }
    std::vector<SessionState> states;
    for (auto& [signature, entry] : builder.entries)
    {
        SessionState state;
        state.signature = signature;
        state.sources = core::AddressSet::FromRanges(std::move(entry.ranges));
        state.witness = std::move(entry.witness);
        states.push_back(std::move(state));
    }
    if (filter != SessionFilter::Members)
    {
        // Addresses that are no machine (externals, the internet, free addresses): nobody.
        core::AddressSet others =
            core::AddressSet::FromRanges(std::move(machineRanges)).Complement();
        auto nobody = std::find_if(states.begin(), states.end(),
                                   [](const SessionState& s) { return s.signature.empty(); });
        if (nobody == states.end())
        {
            states.push_back(SessionState{{}, others, {}});
        }
        else
        {
            nobody->sources = nobody->sources.Union(others);
        }
    }
    return states;
}

} // namespace verifier
} // namespace segproof
