// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#include "nsx-firewall-builder.h"

#include "core/limits.h"
#include "nsx-address.h"

#include <algorithm>
#include <cctype>
#include <map>

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
constexpr std::int64_t kMaxSequence = 2147483647;

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
    bool ok = m_context.CheckObject(node, "a security policy", where,
                                    {"category",
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
                                     "default_rule_id"});
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
    policy.sequenceAt = node["sequence_number"] ? node["sequence_number"] : node;
    policy.sequence = m_context.Number(node, "sequence_number", 0, kMaxSequence, where).value_or(0);
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
        if (text.empty() || text[0] != '/')
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
        if (members->hasIpAddresses)
        {
            m_context.Refuse(element, "scope", text, where,
                             "the group has IP-address members, which have no vNIC to enforce "
                             "on");
            scope.ok = false;
            continue;
        }
        scope.ref.written.push_back(m_groups.Name(text));
        m_context.Count(members->addresses.Ranges().size(), element);
        ranges.insert(ranges.end(), members->addresses.Ranges().begin(),
                      members->addresses.Ranges().end());
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
        if (!text.empty() && text[0] == '/')
        {
            const NsxGroupMembers* members = m_groups.Resolve(text, element, key, where);
            if (!members)
            {
                endpoints.ok = false;
                continue;
            }
            endpoints.ref.written.push_back(m_groups.Name(text));
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
        if (!m_services.ReadEntry(entry, where, entries))
        {
            ok = false;
            continue;
        }
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
                               "logged", "notes", "tag", "rule_id", "is_default"});
    core::Rule& rule = draft.rule;
    rule.id = draft.nsxId;
    rule.location = m_context.Location(node);
    draft.sequence = m_context.Number(node, "sequence_number", 0, kMaxSequence, where).value_or(0);

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
    ok = ReadServices(node, where, rule.service, anyService) && ok && from.ok && to.ok;

    Endpoints scope = ReadScope(node, where);
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
                     [](const Policy& a, const Policy& b)
                     { return a.rank != b.rank ? a.rank < b.rank : a.sequence < b.sequence; });
    for (std::size_t i = 1; i < policies.size(); ++i)
    {
        const Policy& a = policies[i - 1];
        const Policy& b = policies[i];
        if (a.rank == b.rank && a.sequence == b.sequence)
        {
            m_context.Warn(b.sequenceAt,
                           "policies " + a.object->path + " and " + b.object->path +
                               " share sequence_number " + std::to_string(b.sequence) +
                               (b.category.empty() ? "" : " in category " + b.category) +
                               ": NSX leaves their order undefined; segproof keeps file order");
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
    for (const auto& policy : policies)
    {
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
        for (std::size_t i = 1; i < own.size(); ++i)
        {
            if (own[i - 1].sequence == own[i].sequence)
            {
                const YAML::Node& at =
                    own[i].node["sequence_number"] ? own[i].node["sequence_number"] : own[i].node;
                m_context.Warn(at, "rules " + own[i - 1].nsxId + " and " + own[i].nsxId +
                                       " share sequence_number " + std::to_string(own[i].sequence) +
                                       InWhere("policy " + policy.object->path) +
                                       ": NSX leaves their order undefined; segproof keeps "
                                       "file order");
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
    firewall.rules.reserve(drafts.size());
    for (auto& draft : drafts)
    {
        firewall.rules.push_back(std::move(draft.rule));
    }
    return firewall;
}

} // namespace formats
} // namespace segproof
