// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#ifndef SEGPROOF_CORE_ADDRESS_CLASSES_H
#define SEGPROOF_CORE_ADDRESS_CLASSES_H

#include "address-set.h"
#include "estate.h"
#include "scenario.h"

#include <cstdint>
#include <vector>

namespace segproof
{
namespace core
{

/// Where the addresses of one class sit; every address of a class sits the same way.
enum class AttachmentKind
{
    VirtualMachine,  ///< a machine with a host: it has a vNIC
    PhysicalMachine, ///< a machine without a host: no vNIC
    Rogue,           ///< inside a segment, held by no machine
    External,        ///< outside every segment
};

/// A set of addresses that no rule, group, intent, segment or machine boundary tells apart:
/// for any connection, swapping one member for another changes no decision.
struct AddressClass
{
    AddressSet addresses;
    AttachmentKind attachment = AttachmentKind::External;
    Index segment = kNone;        ///< kNone for External
    std::vector<Index> machines;  ///< member machines (empty unless a machine class)
    Ipv4Address representative{}; ///< a member, a machine's address when there is one

    /// Number of addresses in the class.
    std::uint64_t Size() const { return addresses.Size(); }
    /// A member other than `other` (the class must have two or more addresses).
    Ipv4Address AnotherMember(Ipv4Address other) const;
};

/// The partition of the IPv4 space into address classes for one scenario, so that analyses
/// reason about a few hundred classes instead of every address or machine pair: the problem
/// size follows the policy, not the estate.
class AddressClasses
{
public:
    /// Partitions by every set the scenario uses (groups, rule and intent ends, applied_to,
    /// host applies_to, assume_compromised), segment subnets and each machine's and external's
    /// own address, then merges pieces that every set treats alike (a named external keeps a
    /// class of its own).
    /// `alsoSplitBy`: other scenarios whose sets and estates split the classes too, so that
    /// two versions of a scenario share one partition (for diff). Built from the same pair in
    /// either order, the partitions are identical and identically numbered.
    /// `alsoSplitBySets`: more sets no class may straddle (the verifier's states of the
    /// sessions, verifier/session-states.h).
    explicit AddressClasses(const Scenario& scenario,
                            const std::vector<const Scenario*>& alsoSplitBy = {},
                            const std::vector<AddressSet>& alsoSplitBySets = {});

    /// The classes, numbered in ascending order of their lowest address.
    const std::vector<AddressClass>& Classes() const { return m_classes; }
    /// The class holding an address.
    std::size_t ClassOf(Ipv4Address address) const;
    /// The class ids inside `set`, ascending. Exact for every set the scenario uses and for
    /// any union of machines' and named externals' addresses (each class lies wholly inside
    /// or outside them); for any other set, classes are tested by their representative.
    std::vector<std::size_t> ClassesIn(const AddressSet& set) const;

private:
    struct Piece
    {
        Ipv4Address first;
        Ipv4Address last;
        std::size_t cls;
    };

    std::vector<AddressClass> m_classes;
    std::vector<Piece> m_pieces; ///< sorted, covering all of IPv4
};

} // namespace core
} // namespace segproof

#endif
