// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#ifndef SEGPROOF_VERIFIER_POLICY_ENCODING_H
#define SEGPROOF_VERIFIER_POLICY_ENCODING_H

// Internal to verifier/: the only header with z3 types, included by verifier .cc files only.

#include "class-policy.h"
#include "core/address-classes.h"
#include "core/first-match.h"
#include "core/scenario.h"

#include <map>
#include <string>
#include <vector>
#include <z3++.h>

namespace segproof
{
namespace verifier
{

/// A symbolic connection: source and destination *address classes* (not addresses), protocol,
/// ports and ICMP type as unsigned bit-vectors.
struct SymbolicPacket
{
    z3::expr source;      ///< class id
    z3::expr destination; ///< class id
    z3::expr protocol;    ///< 8 bits
    z3::expr sourcePort;  ///< 16 bits
    z3::expr destinationPort;
    z3::expr icmpType; ///< 8 bits
};

/// The part of the connection space a query asks about: the address classes its sources and
/// destinations range over and its service cells. Rules that cannot match inside it are
/// left out of the formulas (a cone-of-influence reduction; sound, since such a rule never
/// decides a connection of the query).
struct QuerySlice
{
    const ClassPolicy* policy = nullptr;
    CellSet sources;
    CellSet destinations;
    CellSet cells;
};

/// Section 2's semantics over address classes, as Z3 formulas, for one scenario and posture.
/// Formulas for rule lists and set memberships are built once and shared between queries.
class PolicyEncoding
{
public:
    PolicyEncoding(z3::context& context, const core::Scenario& scenario,
                   const core::AddressClasses& classes, const core::Posture& posture);

    /// Fresh variables for one connection.
    SymbolicPacket MakePacket(const std::string& prefix);
    /// Class ids in range, protocol-dependent fields zero where they have no meaning, and the
    /// connection inside the model (one end in a segment, not an address to itself).
    z3::expr WellFormed(const SymbolicPacket& packet);
    /// The class variable lies in `set` (a set the scenario uses).
    z3::expr InSet(const z3::expr& classVar, const core::AddressSet& set);
    /// The connection's protocol and ports match one entry of the service set.
    z3::expr MatchesService(const core::ServiceSet& service, const SymbolicPacket& packet);
    /// Every enforcement point on the path allows the connection; `hostFirewallOff` holds the
    /// machines whose host firewall the attacker switched off.
    /// Rules outside `slice` are left out of the formulas, which are built for this query.
    z3::expr Delivered(const SymbolicPacket& packet, const core::AddressSet& hostFirewallOff,
                       const QuerySlice& slice);

    /// The rule's fields match (from, to, service, and applied_to for `evaluatingClass`;
    /// direction and disabled are the caller's business).
    z3::expr RuleMatches(const core::Rule& rule, const SymbolicPacket& packet,
                         const z3::expr* evaluatingClass);
    /// Both ends lie in one segment.
    z3::expr SameSegment(const SymbolicPacket& packet);
    /// The class lies inside a segment.
    z3::expr InSegment(const z3::expr& classVar);
    /// The class is a machine with a vNIC.
    z3::expr HasVnic(const z3::expr& classVar);
    /// The class is a machine (with or without a host).
    z3::expr IsMachine(const z3::expr& classVar);

private:
    z3::expr Member(const z3::expr& classVar, const std::vector<std::size_t>& ids);
    z3::expr MemberCached(const z3::expr& classVar, const std::string& key,
                          const std::vector<std::size_t>& ids);
    z3::expr EntryMatches(const core::ServiceEntry& entry, const SymbolicPacket& packet);
    z3::expr Allowed(const core::Firewall& firewall, core::Side side, const SymbolicPacket& packet,
                     const z3::expr* evaluatingClass, const QuerySlice& slice);
    bool InForce(core::FirewallKind kind) const;

    z3::context& m_context;
    const core::Scenario& m_scenario;
    const core::AddressClasses& m_classes;
    core::Posture m_posture;
    unsigned m_classBits = 1;
    std::vector<std::size_t> m_withVnic;
    std::vector<std::size_t> m_machines;
    std::vector<std::size_t> m_inSegment;
    std::vector<std::size_t> m_multiAddress;
    std::vector<std::vector<std::size_t>> m_perSegment;
    std::map<std::string, z3::expr> m_cache;
};

} // namespace verifier
} // namespace segproof

#endif
