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

/// The objects of an NSX export that the DFW import reads, indexed by path.
struct NsxDocument
{
    std::map<std::string, NsxObject> groups;
    std::map<std::string, NsxObject> services;
    std::vector<NsxObject> policies; ///< in file order
};

/// Walks an export: a hierarchical Infra document (ChildDomain / ChildResourceReference to a
/// Domain, ChildGroup, ChildSecurityPolicy, ChildRule, ChildService, ChildServiceEntry) or a
/// bundle {"groups", "services", "security_policies"} whose lists may be API list results
/// {"results": [...]}. Reports malformed wrappers, missing ids and duplicate paths; refuses
/// child objects that bear on traffic but are not modelled, and warns about those skipped.
NsxDocument ReadNsxDocument(const YAML::Node& root, NsxContext& context);

} // namespace formats
} // namespace segproof

#endif
