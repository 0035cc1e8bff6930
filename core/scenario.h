// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#ifndef SEGPROOF_CORE_SCENARIO_H
#define SEGPROOF_CORE_SCENARIO_H

#include "attack-model.h"
#include "benign-traffic.h"
#include "estate.h"
#include "identity.h"
#include "input-error.h"
#include "policy.h"

#include <array>
#include <optional>
#include <string>
#include <vector>

namespace segproof
{
namespace core
{

/// One scenario file, parsed and checked: immutable once built.
/// Every consumer (verifier, simulator, reports) reads it through const accessors.
class Scenario
{
public:
    /// Everything a reader assembles; moved into the Scenario.
    struct Parts
    {
        std::string sourceFile;
        std::string format;
        std::string name;
        std::string description;
        Estate estate;
        std::vector<Group> groups;
        std::vector<Service> services;
        std::array<std::optional<Firewall>, 4> firewalls; ///< indexed by FirewallKind
        std::vector<Posture> postures;
        std::vector<Intent> intents;
        AttackParameters attack;          ///< `attack:`, or the documented defaults
        DefenceParameters defence;        ///< `defence:`, or the documented defaults
        BenignTrafficParameters benign;   ///< `benign:`, or the documented defaults
        Identity identity;                ///< `identity:`; empty (given false) when absent
        std::vector<Diagnostic> warnings; ///< worth a look, not errors (e.g. NSX skips)
    };

    explicit Scenario(Parts parts);

    const std::string& SourceFile() const { return m_parts.sourceFile; }
    const std::string& Format() const { return m_parts.format; }
    const std::string& Name() const { return m_parts.name; }
    const std::string& Description() const { return m_parts.description; }
    const Estate& GetEstate() const { return m_parts.estate; }
    const std::vector<Group>& Groups() const { return m_parts.groups; }
    const std::vector<Service>& Services() const { return m_parts.services; }
    const std::vector<Posture>& Postures() const { return m_parts.postures; }
    const std::vector<Intent>& Intents() const { return m_parts.intents; }
    /// The attack the simulator replays (`attack:`, defaults filled in).
    const AttackParameters& Attack() const { return m_parts.attack; }
    /// The defence the simulator models (`defence:`, defaults filled in).
    const DefenceParameters& Defence() const { return m_parts.defence; }
    /// The office's normal traffic the simulator plays (`benign:`, defaults filled in).
    const BenignTrafficParameters& Benign() const { return m_parts.benign; }
    /// Users, AD groups, pools, rights and sessions (`identity:`); empty when not given.
    const Identity& GetIdentity() const { return m_parts.identity; }
    /// What the reader let pass but a user should see (printed as warnings by the CLI).
    const std::vector<Diagnostic>& Warnings() const { return m_parts.warnings; }

    /// The firewall of that kind, or nullptr when the scenario defines none.
    const Firewall* FindFirewall(FirewallKind kind) const;
    /// The same scenario with `firewall` in place of the one of its kind (e.g. the DFW in one
    /// of the orders its ties allow).
    Scenario WithFirewall(Firewall firewall) const;
    /// The group with that name, or nullptr.
    const Group* FindGroup(const std::string& name) const;
    /// The posture with that name, or nullptr.
    const Posture* FindPosture(const std::string& name) const;
    /// The posture with every defined firewall in force (`verify`'s default), named "all".
    Posture AllFirewallsPosture() const;
    /// The named posture; "all" (unless the scenario defines one so named) is
    /// AllFirewallsPosture(). Throws InputError, located at `option`, for an unknown name.
    Posture ResolvePosture(const std::string& name, const std::string& option) const;

private:
    Parts m_parts;
};

} // namespace core
} // namespace segproof

#endif
