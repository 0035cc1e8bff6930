// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#include "nsx-document.h"

#include "core/limits.h"
#include "core/name-suggestion.h"

#include <algorithm>
#include <optional>

namespace segproof
{
namespace formats
{

namespace
{

/// Child objects that never decide a DFW verdict, skipped with a warning saying why.
const std::map<std::string, std::string> kSkippedChildren = {
    {"ChildTier0", "gateways are topology, which segproof takes from the scenario's estate"},
    {"ChildTier1", "gateways are topology, which segproof takes from the scenario's estate"},
    {"ChildSegment", "segments are topology, which segproof takes from the scenario's estate"},
    {"ChildPolicyContextProfile",
     "context profiles act only through rule 'profiles', which the import refuses"},
};

const std::vector<std::string> kBundleKeys = {"groups", "services", "security_policies"};
/// A collector's bundle: np-guard's collector writes these keys; segproof collect adds
/// "collector" (who collected it, from where, when).
const std::vector<std::string> kCollectorKeys = {
    "services", "virtual_machines", "virtual_network_interface", "segments", "tier0", "tier1",
    "domains",  "collector"};
const std::vector<std::string> kListResultFields = {
    "results", "result_count", "cursor", "sort_by", "sort_ascending", "_links", "_schema", "_self"};

class DocumentReader
{
public:
    explicit DocumentReader(NsxContext& context) : m_context(context) {}

    NsxDocument Read(const YAML::Node& root)
    {
        if (!root.IsMap())
        {
            m_context.Error(root, "an NSX export must be a JSON object, got " +
                                      NsxContext::JsonKind(root) + NotAnExport());
            return std::move(m_document);
        }
        if (root["resource_type"])
        {
            auto type = m_context.Text(root, "resource_type", "");
            if (type && *type == "Infra")
            {
                ReadInfra(root);
            }
            else if (type)
            {
                m_context.Error(root["resource_type"], "expected resource_type \"Infra\" at the "
                                                       "top of an NSX export, got \"" +
                                                           *type + "\"" + NotAnExport());
            }
            return std::move(m_document);
        }
        for (const auto& key : kCollectorKeys)
        {
            if (key != "services" && root[key])
            {
                ReadCollectorBundle(root);
                return std::move(m_document);
            }
        }
        bool bundle = false;
        for (const auto& key : kBundleKeys)
        {
            bundle = bundle || root[key];
        }
        if (!bundle)
        {
            m_context.Error(root, "not an NSX Policy API export" + NotAnExport());
            return std::move(m_document);
        }
        ReadBundle(root);
        return std::move(m_document);
    }

private:
    static std::string NotAnExport()
    {
        return " (expected an Infra document {\"resource_type\": \"Infra\", \"children\": "
               "[...]} or a bundle {\"groups\": [...], \"services\": [...], "
               "\"security_policies\": [...]})";
    }

    void ReadInfra(const YAML::Node& root)
    {
        if (!m_context.CheckObject(root, "the Infra document", "infra", {"children"}))
        {
            return;
        }
        for (const auto& child : m_context.List(root, "children", "infra"))
        {
            std::string type = m_context.ResourceType(child, "a child of Infra", "infra");
            if (type == "ChildDomain")
            {
                if (Wrapper(child, "Domain", "infra"))
                {
                    ReadDomain(child["Domain"]);
                }
            }
            else if (type == "ChildResourceReference")
            {
                ReadDomainReference(child);
            }
            else if (type == "ChildService")
            {
                if (Wrapper(child, "Service", "infra"))
                {
                    ReadService(child["Service"], "/infra");
                }
            }
            else if (!type.empty())
            {
                SkipOrRefuse(child, type, "infra");
            }
        }
    }

    /// Checks a Child* wrapper: {"resource_type": "ChildX", "X": {...}}.
    bool Wrapper(const YAML::Node& wrapper, const std::string& key, const std::string& where)
    {
        if (!m_context.CheckObject(wrapper, "a Child" + key + " wrapper", where,
                                   {key, "mark_for_override"}))
        {
            return false;
        }
        if (!wrapper[key] || wrapper[key].IsNull())
        {
            m_context.Error(wrapper,
                            "a Child" + key + " wrapper lacks '" + key + "'" + InWhere(where));
            return false;
        }
        return true;
    }

    /// The objects of the node's own list `key`, then those of its Child`type` wrappers in
    /// `children` (other children refused).
    std::vector<YAML::Node> ListAndWrapped(const YAML::Node& node, const std::string& key,
                                           const std::string& type, const std::string& what,
                                           const std::string& where)
    {
        std::vector<YAML::Node> objects = m_context.List(node, key, where);
        for (const auto& child : m_context.List(node, "children", where))
        {
            std::string childType = m_context.ResourceType(child, "a child of " + what, where);
            if (childType == "Child" + type)
            {
                if (Wrapper(child, type, where))
                {
                    objects.push_back(child[type]);
                }
            }
            else if (!childType.empty())
            {
                m_context.Refuse(child["resource_type"], "resource_type", childType, where);
            }
        }
        return objects;
    }

    void SkipOrRefuse(const YAML::Node& child, const std::string& type, const std::string& where)
    {
        auto skipped = kSkippedChildren.find(type);
        if (skipped != kSkippedChildren.end())
        {
            m_context.Warn(child["resource_type"],
                           "skipped " + type + InWhere(where) + ": " + skipped->second);
            return;
        }
        m_context.Refuse(child["resource_type"], "resource_type", type, where);
    }

    void ReadDomainReference(const YAML::Node& reference)
    {
        const std::string where = "infra";
        if (!m_context.CheckObject(reference, "a ChildResourceReference", where,
                                   {"target_type", "children", "mark_for_override"}))
        {
            return;
        }
        auto target = m_context.Text(reference, "target_type", where);
        if (!target || *target != "Domain")
        {
            m_context.Refuse(reference["target_type"] ? reference["target_type"] : reference,
                             "target_type", target.value_or("(none)"), where,
                             "only references to a Domain are read");
            return;
        }
        auto id = m_context.Text(reference, "id", where);
        if (!id || id->empty())
        {
            m_context.Error(reference,
                            "a ChildResourceReference to a Domain lacks 'id'" + InWhere(where));
            return;
        }
        ReadDomainChildren(reference, "/infra/domains/" + *id);
    }

    void ReadDomain(const YAML::Node& domain)
    {
        if (!m_context.CheckObject(domain, "a Domain", "infra", {"children"}))
        {
            return;
        }
        auto id = m_context.Text(domain, "id", "infra");
        auto path = m_context.Text(domain, "path", "infra");
        if ((!path || path->empty()) && (!id || id->empty()))
        {
            m_context.Error(domain, "a Domain lacks 'id'" + InWhere("infra"));
            return;
        }
        std::string domainPath =
            path && !path->empty() ? *path : "/infra/domains/" + id.value_or("");
        ReadDomainChildren(domain, domainPath);
    }

    void ReadDomainChildren(const YAML::Node& domain, const std::string& domainPath)
    {
        const std::string where = "domain " + domainPath;
        for (const auto& child : m_context.List(domain, "children", where))
        {
            std::string type = m_context.ResourceType(child, "a child of a Domain", where);
            if (type == "ChildGroup")
            {
                if (Wrapper(child, "Group", where))
                {
                    ReadGroup(child["Group"], domainPath);
                }
            }
            else if (type == "ChildSecurityPolicy")
            {
                if (Wrapper(child, "SecurityPolicy", where))
                {
                    ReadPolicy(child["SecurityPolicy"], domainPath);
                }
            }
            else if (type == "ChildGatewayPolicy")
            {
                if (Wrapper(child, "GatewayPolicy", where))
                {
                    ReadGatewayPolicy(child["GatewayPolicy"], domainPath);
                }
            }
            else if (!type.empty())
            {
                SkipOrRefuse(child, type, where);
            }
        }
    }

    /// Reads what locates an object: resource_type (when given), id, path, display_name.
    /// `collection` is the path segment NSX puts between the parent and the id ("groups").
    std::optional<NsxObject> Identify(const YAML::Node& node, const std::string& type,
                                      const std::string& parentPath, const std::string& collection)
    {
        const std::string what = "a " + type;
        if (!node.IsMap())
        {
            m_context.Error(node,
                            what + " must be a JSON object, got " + NsxContext::JsonKind(node));
            return std::nullopt;
        }
        auto id = m_context.Text(node, "id", "");
        auto path = m_context.Text(node, "path", "");
        auto parent = m_context.Text(node, "parent_path", "");
        NsxObject object;
        object.id = id.value_or("");
        object.node = node;
        object.displayName = m_context.Text(node, "display_name", "").value_or("");
        if (object.id.empty() && (!path || path->empty()) && m_namesAreIds)
        {
            // np-guard's collector writes some objects with their display_name alone.
            object.id = object.displayName;
        }
        if (path && !path->empty())
        {
            object.path = *path;
        }
        else if (!object.id.empty())
        {
            object.path = parent.value_or(parentPath) + "/" + collection + "/" + object.id;
        }
        else
        {
            m_context.Error(node, what + " lacks 'id'" +
                                      (object.displayName.empty()
                                           ? std::string()
                                           : " (display_name \"" + object.displayName + "\")"));
            return std::nullopt;
        }
        if (object.id.empty())
        {
            object.id = object.path.substr(object.path.rfind('/') + 1);
        }
        if (node["resource_type"])
        {
            auto written = m_context.Text(node, "resource_type", "");
            if (written && *written != type)
            {
                m_context.Error(node["resource_type"], "expected resource_type \"" + type +
                                                           "\", got \"" + *written + "\"" +
                                                           InWhere(object.path));
                return std::nullopt;
            }
        }
        return object;
    }

    void Add(std::map<std::string, NsxObject>& objects, NsxObject object, const std::string& kind)
    {
        auto found = objects.find(object.path);
        if (found != objects.end())
        {
            m_context.Error(object.node, "duplicate " + kind + " '" + object.path + "' (first at " +
                                             m_context.Location(found->second.node).ToString() +
                                             ")");
            return;
        }
        std::string path = object.path;
        objects.emplace(path, std::move(object));
    }

    void ReadGroup(const YAML::Node& node, const std::string& domainPath)
    {
        StopPast(m_document.groups.size(), core::Limits::kMaxGroups, "groups", node);
        auto object = Identify(node, "Group", domainPath, "groups");
        if (object)
        {
            Add(m_document.groups, std::move(*object), "group");
        }
    }

    /// One error, and the end of the reading, when the export defines more than `limit`
    /// objects of a kind (`count` so far, `node` the next).
    void StopPast(std::size_t count, std::size_t limit, const std::string& kind,
                  const YAML::Node& node)
    {
        if (count >= limit)
        {
            m_context.Error(node, "the export defines more than " + std::to_string(limit) + " " +
                                      kind + " (the limit; see docs/limits.md)");
            throw ReadingStopped{};
        }
    }

    void ReadService(const YAML::Node& node, const std::string& parentPath)
    {
        StopPast(m_document.services.size(), core::Limits::kMaxServices, "services", node);
        auto object = Identify(node, "Service", parentPath, "services");
        if (!object)
        {
            return;
        }
        const std::string where = "service " + object->path;
        object->children =
            ListAndWrapped(node, "service_entries", "ServiceEntry", "a Service", where);
        Add(m_document.services, std::move(*object), "service");
    }

    void ReadPolicy(const YAML::Node& node, const std::string& domainPath)
    {
        auto object = Identify(node, "SecurityPolicy", domainPath, "security-policies");
        if (!object)
        {
            return;
        }
        const std::string where = "policy " + object->path;
        object->children = ListAndWrapped(node, "rules", "Rule", "a SecurityPolicy", where);
        for (const auto& policy : m_document.policies)
        {
            if (policy.path == object->path)
            {
                m_context.Error(node, "duplicate security policy '" + object->path +
                                          "' (first at " +
                                          m_context.Location(policy.node).ToString() + ")");
                return;
            }
        }
        m_document.policies.push_back(std::move(*object));
    }

    /// The elements of a bundle list: a plain list or an API list result {"results": [...]}.
    std::vector<YAML::Node> BundleList(const YAML::Node& root, const std::string& key)
    {
        YAML::Node value = root[key];
        if (!value || value.IsNull())
        {
            return {};
        }
        if (value.IsMap())
        {
            if (!m_context.CheckObject(value, "the list result '" + key + "'", "list result " + key,
                                       kListResultFields))
            {
                return {};
            }
            if (!value["results"])
            {
                m_context.Error(value, "the list result '" + key + "' lacks 'results'");
                return {};
            }
            return m_context.List(value, "results", "");
        }
        return m_context.List(root, key, "");
    }

    /// A collector's bundle: inventory lists kept for the estate reader, services, and per
    /// domain its groups, security policies and gateway policies under "resources".
    void ReadCollectorBundle(const YAML::Node& root)
    {
        m_namesAreIds = true;
        m_document.inventory.present = true;
        for (const auto& entry : root)
        {
            const std::string name = entry.first.IsScalar() ? entry.first.Scalar() : "";
            if (std::find(kCollectorKeys.begin(), kCollectorKeys.end(), name) ==
                kCollectorKeys.end())
            {
                m_context.Error(entry.first, "unknown key '" + name + "' in a collector's bundle" +
                                                 (core::DidYouMean(name, kCollectorKeys).empty()
                                                      ? " (expected " + JoinKeys() + ")"
                                                      : core::DidYouMean(name, kCollectorKeys)));
            }
        }
        if (root["collector"] && !root["collector"].IsNull() && !root["collector"].IsMap())
        {
            m_context.Error(root["collector"], "'collector' must be an object, got " +
                                                   NsxContext::JsonKind(root["collector"]));
        }
        else if (root["collector"] && root["collector"]["complete"] &&
                 !(root["collector"]["complete"].IsScalar() &&
                   root["collector"]["complete"].Scalar() == "true"))
        {
            m_context.Error(root["collector"]["complete"],
                            "the bundle says it is not complete (collector.complete is not "
                            "true): collect it again");
        }
        NsxInventory& inventory = m_document.inventory;
        inventory.virtualMachines = BundleList(root, "virtual_machines");
        inventory.vifs = BundleList(root, "virtual_network_interface");
        inventory.segments = BundleList(root, "segments");
        inventory.tier0s = BundleList(root, "tier0");
        inventory.tier1s = BundleList(root, "tier1");
        for (const auto& service : BundleList(root, "services"))
        {
            ReadService(service, "/infra");
        }
        for (const auto& domain : BundleList(root, "domains"))
        {
            ReadBundleDomain(domain);
        }
    }

    static std::string JoinKeys()
    {
        std::string text;
        for (const auto& key : kCollectorKeys)
        {
            text += (text.empty() ? "" : ", ") + key;
        }
        return text;
    }

    void ReadBundleDomain(const YAML::Node& domain)
    {
        if (!domain.IsMap())
        {
            m_context.Error(domain,
                            "a domain must be a JSON object, got " + NsxContext::JsonKind(domain));
            return;
        }
        auto id = m_context.Text(domain, "id", "");
        auto name = m_context.Text(domain, "display_name", "");
        auto path = m_context.Text(domain, "path", "");
        std::string domainPath = path && !path->empty()   ? *path
                                 : id && !id->empty()     ? "/infra/domains/" + *id
                                 : name && !name->empty() ? "/infra/domains/" + *name
                                                          : std::string();
        if (domainPath.empty())
        {
            m_context.Error(domain, "a domain lacks 'id'");
            return;
        }
        const std::string where = "domain " + domainPath;
        if (!m_context.CheckObject(domain, "a domain", where, {"resources"}))
        {
            return;
        }
        YAML::Node resources = domain["resources"];
        if (!resources || resources.IsNull())
        {
            return;
        }
        if (!m_context.CheckObject(
                resources, "a domain's resources", where,
                {"security_policies", "gateway_policies", "redirection_policies", "groups"}))
        {
            return;
        }
        for (const auto& group : BundleList(resources, "groups"))
        {
            ReadGroup(group, domainPath);
        }
        for (const auto& policy : BundleList(resources, "security_policies"))
        {
            ReadPolicy(policy, domainPath);
        }
        for (const auto& policy : BundleList(resources, "gateway_policies"))
        {
            ReadGatewayPolicy(policy, domainPath);
        }
        auto redirection = BundleList(resources, "redirection_policies");
        if (!redirection.empty())
        {
            m_context.Refuse(resources["redirection_policies"], "redirection_policies",
                             NsxContext::Render(resources["redirection_policies"]), where,
                             "redirection (service insertion) steers traffic through partner "
                             "services, which is not modelled");
        }
    }

    void ReadGatewayPolicy(const YAML::Node& node, const std::string& domainPath)
    {
        auto object = Identify(node, "GatewayPolicy", domainPath, "gateway-policies");
        if (!object)
        {
            return;
        }
        const std::string where = "gateway policy " + object->path;
        object->children = ListAndWrapped(node, "rules", "Rule", "a GatewayPolicy", where);
        m_document.gatewayPolicies.push_back(std::move(*object));
    }

    void ReadBundle(const YAML::Node& root)
    {
        for (const auto& entry : root)
        {
            const std::string name = entry.first.IsScalar() ? entry.first.Scalar() : "";
            if (std::find(kBundleKeys.begin(), kBundleKeys.end(), name) == kBundleKeys.end())
            {
                m_context.Error(entry.first, "unknown key '" + name + "' in an NSX bundle" +
                                                 (core::DidYouMean(name, kBundleKeys).empty()
                                                      ? " (expected groups, services, "
                                                        "security_policies)"
                                                      : core::DidYouMean(name, kBundleKeys)));
            }
        }
        const std::string defaultDomain = "/infra/domains/default";
        for (const auto& group : BundleList(root, "groups"))
        {
            ReadGroup(group, defaultDomain);
        }
        for (const auto& service : BundleList(root, "services"))
        {
            ReadService(service, "/infra");
        }
        for (const auto& policy : BundleList(root, "security_policies"))
        {
            ReadPolicy(policy, defaultDomain);
        }
    }

    NsxContext& m_context;
    NsxDocument m_document;
    bool m_namesAreIds = false; ///< a collector's bundle: display_name stands in for a missing id
};

} // namespace

NsxDocument
ReadNsxDocument(const YAML::Node& root, NsxContext& context)
{
    return DocumentReader(context).Read(root);
}

} // namespace formats
} // namespace segproof
