// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#include "nsx-firewall-builder.h"

#include "core/limits.h"
#include "nsx-address.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <tuple>

namespace segproof
{
namespace formats
{

namespace
{

/// NSX's DFW categories in evaluation order (Ethernet, layer 2, is skipped); policies without a
/// category come last.
const std::vector<std::string> kCategories = {"Emergency", "Infrastructure", "Environment",
                                              "Application"};
constexpr int kApplicationRank = 3;
constexpr int kNoCategoryRank = 4;

bool
IsAny(const std::string& text)
{
    std::string upper = text;
    std::transform(upper.begin(), upper.end(), upper.begin(),
                   [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    return upper == "ANY";
}

/// "1 rule", "3 rules".
std::string
Rules(std::size_t count)
{
    return std::to_string(count) + (count == 1 ? " rule" : " rules");
}

std::string
Join(const std::vector<std::string>& names)
{
    std::string text;
    for (const auto& name : names)
    {
        text += (text.empty() ? "" : ", ") + name;
    }
    return text;
}

} // namespace

NsxFirewallBuilder::NsxFirewallBuilder(const NsxDocument& document, const core::Estate& estate,
                                       NsxContext& context)
    : m_document(document), m_context(context), m_groups(document, estate, context),
      m_services(document, context)
{
}

std::optional<NsxFirewallBuilder::Policy>
NsxFirewallBuilder::ReadPolicy(const NsxObject& object)
{
    const YAML::Node& node = object.node;
    const std::string where = "policy " + object.path;
    Policy policy;
    policy.object = &object;
    policy.category = m_context.Text(node, "category", where).value_or("");
    if (policy.category == "Ethernet")
    {
        m_context.Warn(node["category"],
                       "skipped policy " + object.path + " (" + Rules(object.children.size()) +
                           "): the Ethernet category holds layer-2 rules, and segproof "
                           "models layer-3 IPv4 connections");
        return std::nullopt;
    }
    auto targetType = m_context.Text(node, "target_type", where);
    if (targetType && *targetType != "DFW")
    {
        if (targetType->rfind("DFW_", 0) == 0 || *targetType == "ANTREA")
        {
            m_context.Warn(node["target_type"],
                           "skipped policy " + object.path + " (" + Rules(object.children.size()) +
                               "): target_type " + *targetType +
                               " is enforced by a container cluster (Antrea), not at VM vNICs");
            return std::nullopt;
        }
        m_context.Refuse(node["target_type"], "target_type", *targetType, where,
                         "a DFW security policy's target_type is DFW");
        return std::nullopt;
    }
    bool ok = m_context.CheckObject(node, "a security policy", where,
                                    {"category",
                                     "target_type",
                                     "sequence_number",
                                     "scope",
                                     "rules",
                                     "children",
                                     "stateful",
                                     "tcp_strict",
                                     "connectivity_strategy",
                                     "connectivity_preference",
                                     "application_connectivity_strategy",
                                     "scheduler_path",
                                     "locked",
                                     "lock_modified_by",
                                     "lock_modified_time",
                                     "comments",
                                     "default_rule_logging",
                                     "logging_enabled",
                                     "internal_sequence_number",
                                     "is_default",
                                     "rule_count",
                                     "default_rule_id",
                                     "default_rule"});
    if (node["default_rule"] && !node["default_rule"].IsNull())
    {
        // np-guard's bundles carry it, always null: a policy's rules are in "rules".
        m_context.Refuse(node["default_rule"], "default_rule",
                         NsxContext::Render(node["default_rule"]), where,
                         "a policy's rules are read from 'rules'");
        ok = false;
    }
    if (policy.category.empty())
    {
        policy.rank = kNoCategoryRank;
    }
    else
    {
        auto found = std::find(kCategories.begin(), kCategories.end(), policy.category);
        if (found == kCategories.end())
        {
            m_context.Refuse(node["category"], "category", policy.category, where,
                             "the DFW categories are Ethernet, Emergency, Infrastructure, "
                             "Environment and Application");
            ok = false;
        }
        policy.rank = static_cast<int>(found - kCategories.begin());
    }
    policy.defaultSection =
        policy.rank == kApplicationRank &&
        (object.id == "default-layer3-section" || object.displayName == "Default Layer3 Section");
    policy.sequenceAt = node["sequence_number"] ? node["sequence_number"] : node;
    policy.sequence =
        m_context.Number(node, "sequence_number", 0, kMaxNsxSequence, where).value_or(0);
    if (m_context.Flag(node, "stateful", where) == std::optional<bool>(false))
    {
        m_context.Refuse(node["stateful"], "stateful", "false", where,
                         "a stateless policy lets no reply through that no rule allows, and "
                         "segproof's firewalls are stateful");
        ok = false;
    }
    for (const char* key : {"connectivity_strategy", "connectivity_preference"})
    {
        auto strategy = m_context.Text(node, key, where);
        if (strategy && *strategy != "NONE")
        {
            m_context.Refuse(node[key], key, *strategy, where,
                             "it adds an implicit default rule to the policy; write that rule "
                             "explicitly");
            ok = false;
        }
    }
    if (!m_context.List(node, "application_connectivity_strategy", where).empty())
    {
        m_context.Refuse(node["application_connectivity_strategy"],
                         "application_connectivity_strategy",
                         NsxContext::Render(node["application_connectivity_strategy"]), where,
                         "it adds implicit rules to the policy");
        ok = false;
    }
    auto scheduler = m_context.Text(node, "scheduler_path", where);
    if (scheduler && !scheduler->empty())
    {
        m_context.Refuse(node["scheduler_path"], "scheduler_path", *scheduler, where,
                         "time-windowed policies are not modelled");
        ok = false;
    }
    Endpoints scope = ReadScope(node, where);
    policy.scope = scope.ref;
    // A policy with errors is still returned, so that its rules are checked in the same pass.
    policy.ok = ok && scope.ok;
    return policy;
}

bool
NsxFirewallBuilder::IsGroupReference(const std::string& text) const
{
    return (!text.empty() && text[0] == '/') || m_document.groups.count(text) != 0;
}

NsxFirewallBuilder::Endpoints
NsxFirewallBuilder::ReadScope(const YAML::Node& object, const std::string& where)
{
    // A scope lists groups whose VMs enforce the rule; "ANY" (or nothing) means every vNIC.
    Endpoints scope;
    auto items = m_context.List(object, "scope", where);
    scope.any = true;
    std::vector<core::AddressRange>
        ranges; // one set built at the end: a union per item is quadratic
    for (const auto& element : items)
    {
        if (!element.IsScalar())
        {
            m_context.Error(element, "'scope' must list group paths, got " +
                                         NsxContext::JsonKind(element) + InWhere(where));
            scope.ok = false;
            continue;
        }
        const std::string& text = element.Scalar();
        if (IsAny(text))
        {
            if (items.size() > 1)
            {
                m_context.Error(element,
                                "'ANY' must be the only element of 'scope'" + InWhere(where));
                scope.ok = false;
            }
            continue;
        }
        scope.any = false;
        if (!IsGroupReference(text))
        {
            m_context.Refuse(element, "scope", text, where,
                             "a scope lists groups; an address has no vNIC to enforce on");
            scope.ok = false;
            continue;
        }
        const NsxGroupMembers* members = m_groups.Resolve(text, element, "scope", where);
        if (!members)
        {
            scope.ok = false;
            continue;
        }
        if (members->hasIpAddresses && !members->hasVms)
        {
            m_context.Refuse(element, "scope", text, where,
                             "the group has IP-address members only, which have no vNIC to "
                             "enforce on (NSX refuses such a group in applied-to)");
            scope.ok = false;
            continue;
        }
        // NSX enforces the rule on the vNICs of the group's VMs; its IP-address members, which
        // have no vNIC, take no part.
        scope.ref.written.push_back(m_groups.Name(text));
        scope.ref.tags.insert(scope.ref.tags.end(), members->tags.begin(), members->tags.end());
        m_context.Count(members->vmAddresses.Ranges().size(), element);
        ranges.insert(ranges.end(), members->vmAddresses.Ranges().begin(),
                      members->vmAddresses.Ranges().end());
    }
    scope.ref.addresses = core::AddressSet::FromRanges(std::move(ranges));
    if (scope.any)
    {
        scope.ref = core::AddressRef();
    }
    return scope;
}

NsxFirewallBuilder::Endpoints
NsxFirewallBuilder::ReadEndpoints(const YAML::Node& rule, const std::string& key,
                                  const std::string& excludedKey, const std::string& where)
{
    Endpoints endpoints;
    auto items = m_context.List(rule, key, where);
    // NSX reads a missing or empty list as ANY.
    endpoints.any = items.empty();
    std::vector<core::AddressRange>
        ranges; // one set built at the end: a union per item is quadratic
    for (const auto& element : items)
    {
        if (!element.IsScalar())
        {
            m_context.Error(element, "'" + key + "' must list group paths or addresses, got " +
                                         NsxContext::JsonKind(element) + InWhere(where));
            endpoints.ok = false;
            continue;
        }
        const std::string& text = element.Scalar();
        if (IsAny(text))
        {
            if (items.size() > 1)
            {
                m_context.Error(element,
                                "'ANY' must be the only element of '" + key + "'" + InWhere(where));
                endpoints.ok = false;
            }
            endpoints.any = true;
            continue;
        }
        if (IsGroupReference(text))
        {
            const NsxGroupMembers* members = m_groups.Resolve(text, element, key, where);
            if (!members)
            {
                endpoints.ok = false;
                continue;
            }
            endpoints.ref.written.push_back(m_groups.Name(text));
            endpoints.ref.tags.insert(endpoints.ref.tags.end(), members->tags.begin(),
                                      members->tags.end());
            m_context.Count(members->addresses.Ranges().size(), element);
            ranges.insert(ranges.end(), members->addresses.Ranges().begin(),
                          members->addresses.Ranges().end());
            continue;
        }
        NsxAddressParse parse = ParseNsxAddress(text);
        if (parse.ipv6)
        {
            m_context.Refuse(element, key, text, where, "IPv6 is not modelled");
            endpoints.ok = false;
        }
        else if (!parse.range)
        {
            // Text that starts like an address gets the address parser's precise reason.
            const bool looksLikeAddress = std::isdigit(static_cast<unsigned char>(text[0])) != 0;
            m_context.Error(element, "'" + key + "': " +
                                         (looksLikeAddress
                                              ? parse.error
                                              : "'" + text +
                                                    "' is neither a group path, ANY, nor an IPv4 "
                                                    "address, CIDR or range") +
                                         InWhere(where));
            endpoints.ok = false;
        }
        else
        {
            endpoints.ref.written.push_back(text);
            ranges.push_back({parse.range->first, parse.range->last});
        }
    }
    endpoints.ref.addresses = core::AddressSet::FromRanges(std::move(ranges));
    if (endpoints.any)
    {
        endpoints.ref.written = {"any"};
        endpoints.ref.addresses = core::AddressSet::All();
    }
    if (m_context.Flag(rule, excludedKey, where).value_or(false))
    {
        // NSX: the rule applies to every address that is not in the listed groups.
        const std::string listed = endpoints.ref.written.size() == 1
                                       ? endpoints.ref.written.front()
                                       : "(" + Join(endpoints.ref.written) + ")";
        endpoints.ref.written = {"any except " + listed};
        endpoints.ref.addresses = endpoints.ref.addresses.Complement();
        endpoints.ref.tags.clear(); // a tagged machine would leave the set, not join it
        endpoints.any = false;
    }
    return endpoints;
}

bool
NsxFirewallBuilder::ReadServices(const YAML::Node& rule, const std::string& where,
                                 core::ServiceSet& services, bool& any)
{
    bool ok = true;
    auto paths = m_context.List(rule, "services", where);
    auto inline_ = m_context.List(rule, "service_entries", where);
    bool listedAny = false;
    bool ipv6Left = false; // some entry was ICMPv6, which no IPv4 connection matches
    for (const auto& element : paths)
    {
        if (!element.IsScalar())
        {
            m_context.Error(element, "'services' must list service paths, got " +
                                         NsxContext::JsonKind(element) + InWhere(where));
            ok = false;
            continue;
        }
        const std::string& text = element.Scalar();
        if (IsAny(text))
        {
            if (paths.size() > 1)
            {
                m_context.Error(element,
                                "'ANY' must be the only element of 'services'" + InWhere(where));
                ok = false;
            }
            listedAny = true;
            continue;
        }
        if (text.empty() || text[0] != '/')
        {
            m_context.Error(element, "'services' lists '" + text +
                                         "', which is neither a service path nor ANY" +
                                         InWhere(where));
            ok = false;
            continue;
        }
        const std::vector<core::ServiceEntry>* entries = m_services.Resolve(text, element, where);
        if (!entries)
        {
            ok = false;
            continue;
        }
        const NsxServiceNotes& notes = m_services.Notes(text);
        for (const auto& alg : notes.algs)
        {
            m_algUses[alg].emplace_back(m_ruleId, element);
        }
        ipv6Left = ipv6Left || notes.ipv6Left;
        services.written.push_back(m_services.Name(text));
        m_context.Count(entries->size(), element); // each rule gets its own copy
        services.entries.insert(services.entries.end(), entries->begin(), entries->end());
    }
    if (listedAny && !inline_.empty())
    {
        m_context.Refuse(rule["service_entries"], "service_entries",
                         NsxContext::Render(rule["service_entries"]), where,
                         "'services' is ANY as well, and NSX does not define what the two mean "
                         "together");
        return false;
    }
    for (const auto& entry : inline_)
    {
        std::vector<core::ServiceEntry> entries;
        NsxServiceNotes notes;
        if (!m_services.ReadEntry(entry, where, entries, notes))
        {
            ok = false;
            continue;
        }
        for (const auto& alg : notes.algs)
        {
            m_algUses[alg].emplace_back(m_ruleId, entry);
        }
        ipv6Left = ipv6Left || notes.ipv6Left;
        for (const auto& e : entries)
        {
            services.written.push_back(e.ToString());
        }
        services.entries.insert(services.entries.end(), entries.begin(), entries.end());
    }
    // NSX reads missing services (with no inline entries) as ANY.
    any = listedAny || (paths.empty() && inline_.empty());
    if (any)
    {
        services.written = {"any"};
        services.entries = {core::ServiceEntry::Any()};
    }
    else if (ok && services.entries.empty() && ipv6Left)
    {
        m_context.Warn(rule["services"] ? rule["services"] : rule["service_entries"],
                       "rule " + m_ruleId + " matches no IPv4 connection: its services (" +
                           Join(services.written) + ") are ICMPv6 only" + InWhere(where));
    }
    return ok;
}

std::optional<core::Action>
NsxFirewallBuilder::ReadAction(const YAML::Node& rule, const Policy& policy,
                               const std::string& where)
{
    auto text = m_context.Text(rule, "action", where);
    if (!text)
    {
        if (!rule["action"] || rule["action"].IsNull())
        {
            m_context.Error(rule, "a rule lacks 'action' (ALLOW, DROP, REJECT or "
                                  "JUMP_TO_APPLICATION)" +
                                      InWhere(where));
        }
        return std::nullopt;
    }
    if (*text == "ALLOW")
    {
        return core::Action::Allow;
    }
    if (*text == "DROP")
    {
        return core::Action::Drop;
    }
    if (*text == "REJECT")
    {
        return core::Action::Reject;
    }
    if (*text == "JUMP_TO_APPLICATION")
    {
        if (policy.category != "Environment")
        {
            m_context.Refuse(
                rule["action"], "action", *text, where,
                "NSX accepts it only in the Environment category, and this "
                "policy's category is " +
                    (policy.category.empty() ? std::string("not given") : policy.category));
            return std::nullopt;
        }
        return core::Action::JumpToApplication;
    }
    m_context.Refuse(rule["action"], "action", *text, where,
                     "the actions are ALLOW, DROP, REJECT and JUMP_TO_APPLICATION");
    return std::nullopt;
}

std::optional<NsxFirewallBuilder::Draft>
NsxFirewallBuilder::ReadRule(const YAML::Node& node, const Policy& policy)
{
    const std::string policyWhere = "policy " + policy.object->path;
    if (!node.IsMap())
    {
        m_context.Error(node, "a rule must be a JSON object, got " + NsxContext::JsonKind(node) +
                                  InWhere(policyWhere));
        return std::nullopt;
    }
    auto id = m_context.Text(node, "id", policyWhere);
    auto displayName = m_context.Text(node, "display_name", policyWhere);
    if ((!id || id->empty()) && (!displayName || displayName->empty()))
    {
        m_context.Error(node, "a rule lacks 'id'" + InWhere(policyWhere));
        return std::nullopt;
    }
    Draft draft;
    draft.node = node;
    draft.policy = &policy;
    draft.rank = policy.rank;
    draft.nsxId = id && !id->empty() ? *id : *displayName;
    auto path = m_context.Text(node, "path", policyWhere);
    const std::string where =
        "rule " + (path && !path->empty() ? *path : policy.object->path + "/rules/" + draft.nsxId);
    bool ok =
        m_context.CheckObject(node, "a rule", where,
                              {"action", "source_groups", "sources_excluded", "destination_groups",
                               "destinations_excluded", "services", "service_entries", "direction",
                               "disabled", "scope", "sequence_number", "ip_protocol", "profiles",
                               "logged", "notes", "tag", "rule_id", "is_default", "firewall_rule"});
    core::Rule& rule = draft.rule;
    rule.id = draft.nsxId;
    rule.location = m_context.Location(node);
    draft.sequence =
        m_context.Number(node, "sequence_number", 0, kMaxNsxSequence, where).value_or(0);

    auto action = ReadAction(node, policy, where);
    ok = ok && action.has_value();
    rule.action = action.value_or(core::Action::Drop);

    auto direction = m_context.Text(node, "direction", where).value_or("IN_OUT");
    if (direction == "IN")
    {
        rule.direction = core::Direction::In;
    }
    else if (direction == "OUT")
    {
        rule.direction = core::Direction::Out;
    }
    else if (direction == "IN_OUT")
    {
        rule.direction = core::Direction::InOut;
    }
    else
    {
        m_context.Error(node["direction"], "'direction' must be IN, OUT or IN_OUT, got \"" +
                                               direction + "\"" + InWhere(where));
        ok = false;
    }
    rule.disabled = m_context.Flag(node, "disabled", where).value_or(false);
    rule.logged = m_context.Flag(node, "logged", where).value_or(false);

    auto ipProtocol = m_context.Text(node, "ip_protocol", where).value_or("IPV4_IPV6");
    if (ipProtocol == "IPV6")
    {
        m_context.Refuse(node["ip_protocol"], "ip_protocol", ipProtocol, where,
                         "segproof models IPv4 only");
        ok = false;
    }
    else if (ipProtocol != "IPV4" && ipProtocol != "IPV4_IPV6")
    {
        m_context.Error(node["ip_protocol"], "'ip_protocol' must be IPV4, IPV6 or IPV4_IPV6, "
                                             "got \"" +
                                                 ipProtocol + "\"" + InWhere(where));
        ok = false;
    }
    auto profiles = m_context.List(node, "profiles", where);
    if (!profiles.empty() &&
        !(profiles.size() == 1 && profiles[0].IsScalar() && IsAny(profiles[0].Scalar())))
    {
        m_context.Refuse(node["profiles"], "profiles", NsxContext::Render(node["profiles"]), where,
                         "layer-7 and context profiles are not modelled");
        ok = false;
    }

    Endpoints from = ReadEndpoints(node, "source_groups", "sources_excluded", where);
    Endpoints to = ReadEndpoints(node, "destination_groups", "destinations_excluded", where);
    rule.from = from.ref;
    rule.to = to.ref;
    bool anyService = false;
    m_ruleId = draft.nsxId;
    ok = ReadServices(node, where, rule.service, anyService) && ok && from.ok && to.ok;

    // A gateway rule's scope names gateways, not groups: the gateway builder reads it (and a
    // gateway policy's scope, which is left empty here).
    Endpoints scope = policy.gateway ? Endpoints{} : ReadScope(node, where);
    ok = ok && scope.ok;
    if (!policy.scope.written.empty())
    {
        m_context.Count(policy.scope.addresses.Ranges().size(), node); // copied to each rule
        // NSX API (SecurityPolicy.scope): the policy's scope takes precedence over the rule's.
        if (!scope.any && scope.ok)
        {
            m_context.Warn(node["scope"], "the scope of rule " + draft.nsxId +
                                              " has no effect: its policy's scope (" +
                                              policy.scope.ToString() +
                                              ") takes precedence, as in NSX");
        }
        rule.appliedTo = policy.scope;
    }
    else
    {
        rule.appliedTo = scope.ref;
    }
    draft.catchAll = !rule.disabled && rule.direction == core::Direction::InOut && from.any &&
                     to.any && anyService && rule.AppliesEverywhere() &&
                     rule.action != core::Action::JumpToApplication;
    draft.ok = ok;
    return draft;
}

std::optional<core::Rule>
NsxFirewallBuilder::ReadGatewayRule(const YAML::Node& node, const NsxObject& policyObject,
                                    const std::string& category, std::int64_t& sequence)
{
    Policy policy;
    policy.object = &policyObject;
    policy.category = category;
    policy.gateway = true;
    auto draft = ReadRule(node, policy);
    if (!draft || !draft->ok)
    {
        return std::nullopt;
    }
    sequence = draft->sequence;
    return std::move(draft->rule);
}

core::Firewall
NsxFirewallBuilder::Build()
{
    core::Firewall firewall;
    firewall.kind = core::FirewallKind::Dfw;
    firewall.defaultIn = core::Action::Allow; // NSX's factory default, without a default rule
    firewall.defaultOut = core::Action::Allow;

    std::vector<Policy> policies;
    for (const auto& object : m_document.policies)
    {
        auto policy = ReadPolicy(object);
        if (policy)
        {
            policies.push_back(std::move(*policy));
        }
    }
    std::stable_sort(policies.begin(), policies.end(),
                     [](const Policy& a, const Policy& b) { return OrderKey(a) < OrderKey(b); });

    // Policies that tie: NSX leaves their order undefined.
    std::vector<int> policyTie(policies.size(), -1);
    std::vector<std::string> policyTieText;
    std::vector<YAML::Node> policyTieAt;
    for (std::size_t i = 1; i < policies.size(); ++i)
    {
        const Policy& a = policies[i - 1];
        const Policy& b = policies[i];
        if (OrderKey(a) != OrderKey(b))
        {
            continue;
        }
        if (policyTie[i - 1] < 0)
        {
            policyTie[i - 1] = static_cast<int>(policyTieText.size());
            policyTieText.push_back("policies " + a.object->path);
            policyTieAt.push_back(b.sequenceAt);
        }
        policyTie[i] = policyTie[i - 1];
        std::string& text = policyTieText[static_cast<std::size_t>(policyTie[i])];
        text += " and " + b.object->path;
    }
    for (std::size_t i = 0; i < policies.size(); ++i)
    {
        if (policyTie[i] >= 0 && (i + 1 == policies.size() || policyTie[i + 1] != policyTie[i]))
        {
            std::string& text = policyTieText[static_cast<std::size_t>(policyTie[i])];
            text += " share sequence_number " + std::to_string(policies[i].sequence) +
                    (policies[i].category.empty() ? "" : " in category " + policies[i].category);
        }
    }

    // Drafts hold YAML::Nodes, whose copy is not noexcept: reserve so vectors never copy them.
    std::size_t total = 0;
    for (const auto& policy : policies)
    {
        total += policy.object->children.size();
    }
    std::vector<Draft> drafts;
    drafts.reserve(total);
    std::vector<std::size_t> policyOf; // drafts[i] comes from policies[policyOf[i]]
    std::vector<int> ruleTie;          // drafts[i]'s rule-level tie, or -1
    std::vector<std::string> ruleTieText;
    std::vector<YAML::Node> ruleTieAt;
    for (std::size_t p = 0; p < policies.size(); ++p)
    {
        const Policy& policy = policies[p];
        std::vector<Draft> own;
        own.reserve(policy.object->children.size());
        std::map<std::string, YAML::Node> ids;
        for (const auto& node : policy.object->children)
        {
            auto draft = ReadRule(node, policy);
            if (!draft)
            {
                continue;
            }
            auto [first, inserted] = ids.emplace(draft->nsxId, node);
            if (!inserted)
            {
                m_context.Error(node, "duplicate rule id '" + draft->nsxId + "' (first at " +
                                          m_context.Location(first->second).ToString() + ")" +
                                          InWhere("policy " + policy.object->path));
                continue;
            }
            if (draft->ok)
            {
                own.push_back(std::move(*draft));
            }
        }
        std::stable_sort(own.begin(), own.end(),
                         [](const Draft& a, const Draft& b) { return a.sequence < b.sequence; });
        for (std::size_t i = 0; i < own.size(); ++i)
        {
            policyOf.push_back(p);
            ruleTie.push_back(-1);
            if (i > 0 && own[i - 1].sequence == own[i].sequence)
            {
                int& previous = ruleTie[ruleTie.size() - 2];
                if (previous < 0)
                {
                    previous = static_cast<int>(ruleTieText.size());
                    ruleTieText.push_back("rules " + own[i - 1].nsxId);
                    ruleTieAt.push_back(own[i].node["sequence_number"]
                                            ? own[i].node["sequence_number"]
                                            : own[i].node);
                }
                ruleTie.back() = previous;
                ruleTieText[static_cast<std::size_t>(previous)] += " and " + own[i].nsxId;
            }
            if (ruleTie.back() >= 0 &&
                (i + 1 == own.size() || own[i + 1].sequence != own[i].sequence))
            {
                ruleTieText[static_cast<std::size_t>(ruleTie.back())] +=
                    " share sequence_number " + std::to_string(own[i].sequence) +
                    (own[i].node["sequence_number"] ? "" : " (none given: NSX assigns 0)") +
                    InWhere("policy " + policy.object->path);
            }
        }
        for (auto& draft : own)
        {
            drafts.push_back(std::move(draft));
        }
    }

    // Rule ids name the deciding rule in verdicts: one used by two policies is qualified.
    std::map<std::string, int> uses;
    for (const auto& draft : drafts)
    {
        ++uses[draft.nsxId];
    }
    for (auto& draft : drafts)
    {
        if (uses[draft.nsxId] > 1)
        {
            draft.rule.id = draft.policy->object->id + "/" + draft.nsxId;
        }
    }

    // The default layer-3 rule: the catch-all in the Application category's last position.
    std::optional<std::size_t> lastApplication;
    for (std::size_t i = 0; i < drafts.size(); ++i)
    {
        if (drafts[i].rank == kApplicationRank)
        {
            lastApplication = i;
        }
    }
    if (lastApplication && drafts[*lastApplication].catchAll)
    {
        const Draft& last = drafts[*lastApplication];
        if (*lastApplication + 1 == drafts.size())
        {
            firewall.defaultIn = last.rule.action;
            firewall.defaultOut = last.rule.action;
            drafts.pop_back();
            policyOf.pop_back();
            ruleTie.pop_back();
        }
        else
        {
            m_context.Warn(last.node,
                           "rule " + last.nsxId +
                               " matches everything in the last position of the Application "
                               "category, but is kept as a rule, not the default: it is "
                               "followed by " +
                               Rules(drafts.size() - *lastApplication - 1) +
                               " of policies without a category, which never match");
        }
    }

    firewall.applicationStart = drafts.size();
    for (std::size_t i = 0; i < drafts.size(); ++i)
    {
        if (drafts[i].rank >= kApplicationRank)
        {
            firewall.applicationStart = i;
            break;
        }
    }
    RecordTies(drafts, policyOf, ruleTie, ruleTieText, ruleTieAt, policyTie, policyTieText,
               policyTieAt, firewall);
    WarnAboutAlgs();
    firewall.rules.reserve(drafts.size());
    for (auto& draft : drafts)
    {
        firewall.rules.push_back(std::move(draft.rule));
    }
    return firewall;
}

void
NsxFirewallBuilder::RecordTies(const std::vector<Draft>& drafts,
                               const std::vector<std::size_t>& policyOf,
                               const std::vector<int>& ruleTie,
                               const std::vector<std::string>& ruleTieText,
                               const std::vector<YAML::Node>& ruleTieAt,
                               const std::vector<int>& policyTie,
                               const std::vector<std::string>& policyTieText,
                               const std::vector<YAML::Node>& policyTieAt, core::Firewall& firewall)
{
    // A tie matters only when its rules do not all do the same: only then can the order change
    // a connection's fate (the deciding rule's id aside).
    auto mixed = [&](std::size_t first, std::size_t end)
    {
        for (std::size_t i = first + 1; i < end; ++i)
        {
            if (drafts[i].rule.action != drafts[first].rule.action)
            {
                return true;
            }
        }
        return false;
    };
    const std::string consequence =
        ": NSX leaves their order undefined, so verify states a verdict only when it holds "
        "under every order they allow (else UNKNOWN); lint, matrix, diff and simulate take "
        "file order";
    std::vector<core::OrderTie> ties;
    // Policy-level ties, one span per policy of the tie that kept rules.
    for (std::size_t t = 0; t < policyTieText.size(); ++t)
    {
        core::OrderTie tie;
        tie.level = core::OrderTie::Level::Policies;
        for (std::size_t i = 0; i < drafts.size();)
        {
            if (policyTie[policyOf[i]] != static_cast<int>(t))
            {
                ++i;
                continue;
            }
            std::size_t end = i;
            while (end < drafts.size() && policyOf[end] == policyOf[i])
            {
                ++end;
            }
            tie.spans.emplace_back(i, end - i);
            i = end;
        }
        if (tie.spans.size() < 2 ||
            !mixed(tie.spans.front().first, tie.spans.back().first + tie.spans.back().second))
        {
            continue;
        }
        tie.description = policyTieText[t];
        tie.location = m_context.Location(policyTieAt[t]);
        m_context.Warn(policyTieAt[t], tie.description + consequence);
        ties.push_back(std::move(tie));
    }
    // Rule-level ties.
    for (std::size_t t = 0; t < ruleTieText.size(); ++t)
    {
        std::size_t first = drafts.size();
        std::size_t count = 0;
        for (std::size_t i = 0; i < drafts.size(); ++i)
        {
            if (ruleTie[i] == static_cast<int>(t))
            {
                first = std::min(first, i);
                ++count;
            }
        }
        if (count < 2 || !mixed(first, first + count))
        {
            continue;
        }
        core::OrderTie tie;
        tie.level = core::OrderTie::Level::Rules;
        tie.spans.emplace_back(first, count);
        tie.description = ruleTieText[t];
        tie.location = m_context.Location(ruleTieAt[t]);
        m_context.Warn(ruleTieAt[t], tie.description + consequence);
        ties.push_back(std::move(tie));
    }
    firewall.orderTies = std::move(ties);
}

void
NsxFirewallBuilder::WarnAboutAlgs()
{
    for (const auto& [alg, rules] : m_algUses)
    {
        std::vector<std::string> ids;
        for (const auto& use : rules)
        {
            if (std::find(ids.begin(), ids.end(), use.first) == ids.end())
            {
                ids.push_back(use.first);
            }
        }
        std::string named;
        for (std::size_t i = 0; i < ids.size() && i < 5; ++i)
        {
            named += (i == 0 ? "" : ", ") + ids[i];
        }
        if (ids.size() > 5)
        {
            named += " and " + std::to_string(ids.size() - 5) + " more";
        }
        m_context.Warn(rules.front().second, Rules(ids.size()) + " (" + named +
                                                 (ids.size() == 1 ? ") uses" : ") use") +
                                                 " the ALG " + alg);
    }
}

std::tuple<int, bool, std::int64_t>
NsxFirewallBuilder::OrderKey(const Policy& policy)
{
    // NSX's default layer-3 section is evaluated after every other Application policy.
    return {policy.rank, policy.defaultSection, policy.sequence};
}

} // namespace formats
} // namespace segproof
