// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#ifndef SEGPROOF_FORMATS_NSX_NSX_DOCUMENT_H
#define SEGPROOF_FORMATS_NSX_NSX_DOCUMENT_H

#include "nsx-context.h"

#include <map>
#include <string>
#include <vector>
#include <yaml-cpp/yaml.h>

namespace segproof
{
namespace formats
{

/// One group, service or security policy of an export, found but not yet read.
struct NsxObject
{
    std::string id;
    std::string path; ///< its `path`, or the path NSX would give it
    std::string displayName;
    YAML::Node node;
    /// A policy's rules, a service's entries: from the object's own list (`rules`,
    /// `service_entries`) and from ChildRule / ChildServiceEntry wrappers, in file order.
    std::vector<YAML::Node> children;

    /// display_name, else the path: how rules name the object.
    std::string Name() const { return displayName.empty() ? path : displayName; }
};

/// The inventory lists of a collector's bundle (each element as the Manager returned it).
struct NsxInventory
{
    std::vector<YAML::Node> virtualMachines; ///< GET /api/v1/fabric/virtual-machines
    std::vector<YAML::Node> vifs;            ///< GET /api/v1/fabric/vifs
    std::vector<YAML::Node> segments;        ///< GET /policy/api/v1/infra/segments (+ ports)
    std::vector<YAML::Node> tier0s;          ///< GET /policy/api/v1/infra/tier-0s
    std::vector<YAML::Node> tier1s;          ///< GET /policy/api/v1/infra/tier-1s
    bool present = false; ///< the document is a collector's bundle, with inventory keys
};

/// The objects of an NSX export that the import reads, indexed by path.
struct NsxDocument
{
    std::map<std::string, NsxObject> groups;
    std::map<std::string, NsxObject> services;
    std::vector<NsxObject> policies;        ///< security policies, in file order
    std::vector<NsxObject> gatewayPolicies; ///< in file order
    NsxInventory inventory;
};

/// Walks an export: a hierarchical Infra document (ChildDomain / ChildResourceReference to a
/// Domain, ChildGroup, ChildSecurityPolicy, ChildRule, ChildService, ChildServiceEntry), a
/// bundle {"groups", "services", "security_policies"} whose lists may be API list results
/// {"results": [...]}, or a collector's bundle (np-guard's, segproof collect's): {"services",
/// "virtual_machines", "virtual_network_interface", "segments", "tier0", "tier1", "domains":
/// [{"resources": {"security_policies", "gateway_policies", "groups"}}], "collector"}. Reports
/// malformed wrappers, missing ids and duplicate paths; refuses child objects that bear on traffic
/// but are not modelled, and warns about those skipped.
NsxDocument ReadNsxDocument(const YAML::Node& root, NsxContext& context);

} // namespace formats
} // namespace segproof

#endif
