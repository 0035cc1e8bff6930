// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#ifndef SEGPROOF_FORMATS_SCENARIO_NAME_TABLES_H
#define SEGPROOF_FORMATS_SCENARIO_NAME_TABLES_H

#include "core/identity.h"
#include "core/policy.h"
#include "core/service.h"
#include "formats/input/yaml-context.h"

#include <map>
#include <string>
#include <unordered_map>
#include <vector>

namespace segproof
{
namespace formats
{

/// The named groups and services of a scenario, and the resolution of what rules, intents and
/// machines write in `from` / `to` / `applied_to` / `service` / `listens` (names, CIDRs,
/// addresses, inline service entries, the reserved `any`). Unknown names are reported with a
/// suggestion. Internal to core's readers.
class NameTables
{
public:
    explicit NameTables(YamlContext& context);

    /// Reads `services:` (name -> entry or list of entries).
    std::vector<core::Service> ReadServices(const YAML::Node& node);
    /// Registers the resolved groups (the group reader produces them).
    void SetGroups(const std::vector<core::Group>& groups);

    /// Registers the identity's AD groups, for `{ad_group: G}` in a DFW rule's source.
    void SetIdentity(const core::Identity& identity);

    /// A group name, CIDR, address, `any`, or a list of those.
    core::AddressRef ResolveAddresses(const YAML::Node& node, const std::string& what);
    /// A DFW rule's `from`: what ResolveAddresses takes, and identity firewall sources
    /// `{ad_group: G}` (or `{ad_group: [G, H]}`), alone or in the list.
    core::AddressRef ResolveRuleSource(const YAML::Node& node, const std::string& what);
    /// AD group names of the identity (an intent's `from_users`), sorted.
    std::vector<core::Index> ResolveAdGroups(const YAML::Node& node, const std::string& what);
    /// Group names only (for `applied_to`, `applies_to`, `assume_compromised`).
    core::AddressRef ResolveGroups(const YAML::Node& node, const std::string& what);
    /// A service name, inline entry, `any`, or a list of those.
    core::ServiceSet ResolveServices(const YAML::Node& node, const std::string& what);

private:
    bool ResolveGroupName(const YAML::Node& item, std::vector<core::AddressRange>& into);

    YamlContext& m_context;
    std::map<std::string, std::vector<core::ServiceEntry>> m_services;
    std::map<std::string, core::AddressSet> m_groups;
    std::vector<std::string> m_serviceNames;
    std::vector<std::string> m_groupNames;
    std::vector<std::string> m_adGroupNames; ///< Identity::groups' names, in their order
    std::unordered_map<std::string, core::Index> m_adGroupIndex; ///< lower-case name -> group
    bool m_identityGiven = false;
};

} // namespace formats
} // namespace segproof

#endif
