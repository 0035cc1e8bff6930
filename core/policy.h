// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#ifndef SEGPROOF_CORE_POLICY_H
#define SEGPROOF_CORE_POLICY_H

#include "address-set.h"
#include "estate.h"
#include "service.h"
#include "source-location.h"

#include <array>
#include <cstddef>
#include <string>
#include <utility>
#include <vector>

namespace segproof
{
namespace core
{

/// A group's selector in the model's own terms, free of any file format: what a writer needs to
/// say the group in another system's words (NSX criteria) rather than as today's addresses.
struct GroupDefinition
{
    /// The one selector a group has.
    enum class Selector
    {
        None,     ///< not known (a group not read from a scenario's `groups:`)
        Tag,      ///< machines carrying any of `values` (NSX style "scope|tag")
        Segment,  ///< the machines of the segments named in `values`
        Cidr,     ///< every address of the CIDRs in `values`
        Machines, ///< the machines and externals named in `values` (bracket ranges expanded)
        Any,      ///< the union of the groups named in `values` ("any": every IPv4 address)
        All,      ///< the intersection of the groups named in `values`
    };
    Selector selector = Selector::None;
    std::vector<std::string> values;
    std::vector<std::string> except; ///< groups removed from the result ("any" allowed)
};

/// A named group: the addresses of its member machines plus every address of its CIDRs.
struct Group
{
    std::string name;
    AddressSet addresses;
    std::string definition;   ///< the selector as written, e.g. "tag role|vdi-desktop"
    GroupDefinition criteria; ///< the same selector, structured
    SourceLocation location;
};

/// A rule's or intent's `from` / `to` / `applied_to`: the names as written and what they mean.
struct AddressRef
{
    std::vector<std::string> written; ///< group names, CIDRs, addresses or "any"
    AddressSet addresses;
    /// Tags ("scope|tag" in lower case; "|tag": any scope) that alone put a machine in the
    /// set, from groups of tag criteria (set by the NSX import): a machine tagged at run time
    /// (the quarantine chain) joins the set by them. Native groups are joined by name.
    std::vector<std::string> tags;
    /// Identity firewall (a rule's source only): AD groups (indices into Identity::groups)
    /// whose logged-on members put the machine they sit at into the set, while they sit there.
    /// `addresses` holds only the rest of the set; the engines add the machines at run time
    /// (the simulator) or under every placement the pools allow (the verifier).
    std::vector<Index> adGroups;
    /// A DFW rule's source written with `idfw: true` (the rule belongs to the identity-based
    /// policy): its addresses, which match only while the identity firewall is on. `addresses`
    /// then holds none, so that with it off the rule matches nothing.
    AddressSet idfwAddresses;

    /// True when the set depends on the identity firewall (AD groups, or an `idfw: true` rule).
    bool IsIdentityBased() const { return !adGroups.empty() || !idfwAddresses.IsEmpty(); }
    /// The written names joined by ", ".
    std::string ToString() const;
};

/// What a rule does to a connection it matches.
enum class Action
{
    Allow,
    Drop,
    Reject,
    /// NSX JUMP_TO_APPLICATION: matching traffic skips the rest of the earlier categories and
    /// goes on at Firewall::applicationStart. Only the NSX import produces it.
    JumpToApplication,
};

/// "allow", "drop", "reject" or "jump_to_application".
std::string ActionName(Action action);

/// Which side of a machine a rule applies to.
enum class Direction
{
    In,
    Out,
    InOut,
};

/// "in", "out" or "in_out".
std::string DirectionName(Direction direction);

/// The four firewalls segproof models, in section 2's order of appearance.
enum class FirewallKind
{
    Dfw,
    Gateway,
    Perimeter,
    Host,
};
constexpr std::array<FirewallKind, 4> kAllFirewallKinds = {
    FirewallKind::Dfw, FirewallKind::Gateway, FirewallKind::Perimeter, FirewallKind::Host};

/// "dfw", "gateway", "perimeter" or "host".
std::string FirewallKindName(FirewallKind kind);

/// One firewall rule.
struct Rule
{
    std::string id;
    AddressRef from;
    AddressRef to;
    ServiceSet service;
    Action action = Action::Drop;
    Direction direction = Direction::InOut;
    /// Machines whose vNIC or OS evaluates the rule; empty `written` means everywhere.
    AddressRef appliedTo;
    bool disabled = false;
    bool logged = false; ///< each hit is an event of a simulated run (NSX's `logged`)
    SourceLocation location;

    /// True when `applied_to` was not given (the rule lands on every enforcement point).
    bool AppliesEverywhere() const { return appliedTo.written.empty(); }
};

/// Rules whose relative order the source leaves undefined (NSX: tied or missing
/// `sequence_number`s). Each span is a run of consecutive rules [first, first + count).
struct OrderTie
{
    enum class Level
    {
        Rules,    ///< one span: rules of one policy, in any order among themselves
        Policies, ///< one span per policy, consecutive: the policies in any order
    };
    Level level = Level::Rules;
    std::vector<std::pair<std::size_t, std::size_t>> spans; ///< (first, count)
    std::string description; ///< "rules a and b share sequence_number 5 (in policy P)"
    SourceLocation location;
};

/// One firewall: an ordered, first-match rule list and its defaults.
struct Firewall
{
    FirewallKind kind = FirewallKind::Dfw;
    std::vector<Rule> rules;
    Action defaultIn = Action::Allow;  ///< the default; for the host firewall, inbound
    Action defaultOut = Action::Allow; ///< equal to defaultIn except for the host firewall
    AddressRef appliesTo;              ///< host firewall only: the machines that run it
    /// Index of the first rule of NSX's Application category (where JUMP_TO_APPLICATION
    /// continues); rules.size() when there is none. Irrelevant without jump rules.
    std::size_t applicationStart = 0;
    /// Where the order of `rules` is one of several the source allows (see OrderTie); empty
    /// when it is fully defined. Rule-level ties lie inside one span of a policy-level tie.
    std::vector<OrderTie> orderTies;
    SourceLocation location;
};

/// A named set of firewalls in force.
/// What the distributed IDS / IPS at every vNIC does under a posture.
enum class IdsMode
{
    Off,
    Detect,  ///< recognised connections raise an alert and pass
    Prevent, ///< recognised connections raise an alert and are dropped at the vNIC
};

/// "off", "detect" or "prevent".
std::string IdsModeName(IdsMode mode);

struct Posture
{
    std::string name;
    std::array<bool, 4> inForce{}; ///< indexed by FirewallKind
    bool quarantine = false;       ///< alerted machines are moved into the quarantine group
    /// The alert sources the quarantine acts on (indexed by AlertSource: av, monitoring, ids,
    /// pattern); `quarantine: true` is all of them.
    std::array<bool, 4> quarantineOn{};
    bool pattern = false;       ///< the blocked-attempt pattern detector watches the DFW
    IdsMode ids = IdsMode::Off; ///< the distributed IDS / IPS at every vNIC
    /// The identity firewall is on (NSX's IDFW master switch): AD-group sources match the
    /// desktops their members are logged on to. Off, they match no machine.
    bool idfw = false;
    SourceLocation location;

    /// True when the firewall is in force under this posture.
    bool Has(FirewallKind kind) const { return inForce[static_cast<std::size_t>(kind)]; }
    /// "dfw, gateway, perimeter".
    std::string FirewallList() const;
};

/// What an intent claims.
enum class IntentKind
{
    Deny,  ///< no connection from `from` to `to` on `service` is delivered
    Allow, ///< every such connection is delivered
    Only,  ///< no address outside `from` reaches `to` on `service`
};

/// "deny", "allow" or "only".
std::string IntentKindName(IntentKind kind);

/// A segmentation intent to prove.
struct Intent
{
    std::string id;
    IntentKind kind = IntentKind::Deny;
    /// `from`, or for `from_users` the groups' names as written ("users of records") and no
    /// addresses.
    AddressRef from;
    /// `from_users`: AD groups (indices into Identity::groups); the sources are the desktops
    /// their members may sit at, under every placement the pools allow. Empty for `from`.
    std::vector<Index> fromUsers;
    AddressRef to;
    ServiceSet service;
    /// Machines whose host firewall the attacker switched off; empty when not assumed.
    AddressRef assumeCompromised;
    SourceLocation location;
};

} // namespace core
} // namespace segproof

#endif
