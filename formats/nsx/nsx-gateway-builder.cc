// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#include "nsx-gateway-builder.h"

#include <algorithm>
#include <set>
#include <tuple>

namespace segproof
{
namespace formats
{

namespace
{

/// NSX's gateway firewall categories, in the order it evaluates them.
const std::vector<std::string> kGatewayCategories = {"Emergency",        "SystemRules",
                                                     "SharedPreRules",   "LocalGatewayRules",
                                                     "AutoServiceRules", "Default"};
const std::string kTier0 = "/infra/tier-0s/";
const std::string kTier1 = "/infra/tier-1s/";

/// "/infra/tier-1s/T1" of "/infra/tier-1s/T1/locale-services/x/interfaces/y"; "" for others.
std::string
GatewayOf(const std::string& path)
{
    for (const std::string* prefix : {&kTier0, &kTier1})
    {
        if (path.rfind(*prefix, 0) == 0 && path.size() > prefix->size())
        {
            return path.substr(0, path.find('/', prefix->size()));
        }
    }
    return "";
}

bool
IsTier0(const std::string& gateway)
{
    return gateway.rfind(kTier0, 0) == 0;
}

/// The paths of the inventory's gateways of one tier.
std::vector<std::string>
InventoryGateways(const std::vector<YAML::Node>& nodes, const std::string& prefix)
{
    std::vector<std::string> paths;
    for (const auto& node : nodes)
    {
        if (!node.IsMap())
        {
            continue;
        }
        if (node["path"] && node["path"].IsScalar() && !node["path"].Scalar().empty())
        {
            paths.push_back(node["path"].Scalar());
        }
        else if (node["id"] && node["id"].IsScalar())
        {
            paths.push_back(prefix + node["id"].Scalar());
        }
    }
    return paths;
}

core::AddressRef
Narrowed(const core::AddressRef& ref, const core::AddressSet& to, const std::string& why)
{
    core::AddressRef narrowed = ref;
    narrowed.addresses = ref.addresses.Intersect(to);
    narrowed.written.push_back(why);
    return narrowed;
}

} // namespace

NsxGatewayBuilder::NsxGatewayBuilder(const NsxDocument& document, const core::Estate& estate,
                                     NsxContext& context)
    : m_document(document), m_estate(estate), m_context(context), m_rules(document, estate, context)
{
}

std::vector<std::string>
NsxGatewayBuilder::ReadScope(const YAML::Node& object, const std::string& where, bool& ok)
{
    std::vector<std::string> gateways;
    for (const auto& entry : m_context.List(object, "scope", where))
    {
        if (!entry.IsScalar())
        {
            m_context.Error(entry, "a scope entry must be a path, got " +
                                       NsxContext::JsonKind(entry) + InWhere(where));
            ok = false;
            continue;
        }
        const std::string& text = entry.Scalar();
        if (text == "ANY" || text == "any")
        {
            return {};
        }
        std::string gateway = GatewayOf(text);
        if (gateway.empty())
        {
            m_context.Refuse(entry, "scope", text, where,
                             "a gateway rule's scope names tier-0 or tier-1 gateways (or their "
                             "interfaces)");
            ok = false;
            continue;
        }
        if (std::find(gateways.begin(), gateways.end(), gateway) == gateways.end())
        {
            gateways.push_back(gateway);
        }
    }
    return gateways;
}

std::vector<NsxGatewayBuilder::Draft>
NsxGatewayBuilder::ReadDrafts()
{
    std::vector<Draft> drafts;
    for (const auto& policy : m_document.gatewayPolicies)
    {
        const YAML::Node& node = policy.node;
        const std::string where = "gateway policy " + policy.path;
        bool ok = m_context.CheckObject(node, "a gateway policy", where,
                                        {"category", "sequence_number", "scope", "rules",
                                         "children", "stateful", "tcp_strict", "locked",
                                         "lock_modified_by", "lock_modified_time", "comments",
                                         "scheduler_path", "internal_sequence_number", "is_default",
                                         "rule_count", "default_rule_id", "default_rule"});
        auto category = m_context.Text(node, "category", where).value_or("LocalGatewayRules");
        auto found = std::find(kGatewayCategories.begin(), kGatewayCategories.end(), category);
        if (found == kGatewayCategories.end())
        {
            m_context.Refuse(node["category"], "category", category, where,
                             "the gateway firewall categories are Emergency, SystemRules, "
                             "SharedPreRules, LocalGatewayRules, AutoServiceRules and Default");
            continue;
        }
        if (m_context.Flag(node, "stateful", where) == std::optional<bool>(false))
        {
            m_context.Refuse(node["stateful"], "stateful", "false", where,
                             "a stateless policy lets no reply through that no rule allows, and "
                             "segproof's firewalls are stateful");
            ok = false;
        }
        auto policyScope = ReadScope(node, where, ok);
        auto sequence = m_context.Number(node, "sequence_number", 0, kMaxNsxSequence, where);
        if (!ok)
        {
            continue;
        }
        for (const auto& ruleNode : policy.children)
        {
            Draft draft;
            draft.rank = static_cast<int>(found - kGatewayCategories.begin());
            draft.policySequence = sequence.value_or(0);
            auto rule = m_rules.ReadGatewayRule(ruleNode, policy, category, draft.sequence);
            bool ruleOk = true;
            auto scope = ruleNode.IsMap() ? ReadScope(ruleNode, "rule " + policy.path, ruleOk)
                                          : std::vector<std::string>{};
            if (!rule || !ruleOk)
            {
                continue;
            }
            draft.rule = std::move(*rule);
            // The rule's own scope, else its policy's (NSX: a rule's scope narrows where it is
            // enforced; ANY leaves the policy's).
            draft.gateways = scope.empty() ? policyScope : scope;
            drafts.push_back(std::move(draft));
        }
    }
    std::stable_sort(drafts.begin(), drafts.end(),
                     [](const Draft& a, const Draft& b)
                     {
                         return std::tie(a.rank, a.policySequence, a.sequence) <
                                std::tie(b.rank, b.policySequence, b.sequence);
                     });
    return drafts;
}

core::AddressSet
NsxGatewayBuilder::ServedBy(const std::string& path)
{
    std::set<std::string> segmentPaths;
    for (const auto& segment : m_document.inventory.segments)
    {
        if (segment.IsMap() && segment["connectivity_path"] &&
            segment["connectivity_path"].IsScalar() &&
            segment["connectivity_path"].Scalar() == path)
        {
            if (segment["path"] && segment["path"].IsScalar())
            {
                segmentPaths.insert(segment["path"].Scalar());
            }
            else if (segment["id"] && segment["id"].IsScalar())
            {
                segmentPaths.insert("/infra/segments/" + segment["id"].Scalar());
            }
        }
    }
    core::AddressSet served;
    for (const auto& segment : m_estate.Segments())
    {
        const std::string nsxPath =
            segment.nsxPath.empty() ? "/infra/segments/" + segment.name : segment.nsxPath;
        if (segmentPaths.count(nsxPath))
        {
            served = served.Union(core::AddressSet::FromCidr(segment.cidr));
        }
    }
    return served;
}

core::Firewall
NsxGatewayBuilder::Build(core::FirewallKind kind)
{
    core::Firewall firewall;
    firewall.kind = kind;
    firewall.defaultIn = core::Action::Allow; // NSX's gateway default rule
    firewall.defaultOut = core::Action::Allow;
    const bool perimeter = kind == core::FirewallKind::Perimeter;
    const std::string tier = perimeter ? "tier-0" : "tier-1";

    std::vector<Draft> drafts = ReadDrafts();
    // The gateway of this tier that has rules: named in scopes, else the inventory's only one.
    std::vector<std::string> named;
    bool everyGateway = false;
    for (const auto& draft : drafts)
    {
        everyGateway = everyGateway || draft.gateways.empty();
        for (const auto& gateway : draft.gateways)
        {
            if (IsTier0(gateway) == perimeter &&
                std::find(named.begin(), named.end(), gateway) == named.end())
            {
                named.push_back(gateway);
            }
        }
    }
    const std::vector<std::string> inventory =
        perimeter ? InventoryGateways(m_document.inventory.tier0s, kTier0)
                  : InventoryGateways(m_document.inventory.tier1s, kTier1);
    if (named.empty() && everyGateway && inventory.size() == 1)
    {
        named = inventory;
    }
    if (named.size() > 1 || (named.empty() && everyGateway && inventory.size() > 1))
    {
        const auto& list = named.size() > 1 ? named : inventory;
        std::string names;
        for (const auto& path : list)
        {
            names += (names.empty() ? "" : ", ") + path;
        }
        m_context.Error(drafts.empty() ? YAML::Node() : m_document.gatewayPolicies.front().node,
                        "the gateway policies put rules on " + std::to_string(list.size()) + " " +
                            tier + " gateways (" + names + "); segproof's " +
                            core::FirewallKindName(kind) +
                            " is one device: model one of them, or each in a scenario of its own");
        return firewall;
    }
    const std::string gateway = named.empty() ? "" : named.front();

    // What the gateway serves: for the tier-0, the whole estate (segproof's perimeter sees
    // only traffic with one end outside it); for the tier-1, its segments.
    core::AddressSet estate;
    for (const auto& segment : m_estate.Segments())
    {
        estate = estate.Union(core::AddressSet::FromCidr(segment.cidr));
    }
    core::AddressSet inside = estate;
    if (!perimeter && !gateway.empty())
    {
        inside = ServedBy(gateway);
        if (inside.IsEmpty())
        {
            m_context.Warn(m_document.gatewayPolicies.empty()
                               ? YAML::Node()
                               : m_document.gatewayPolicies.front().node,
                           "no segment of the estate is known to be on " + gateway +
                               " (no segment's connectivity_path names it): its rules are taken "
                               "to stand between every segment and the outside");
            inside = estate;
        }
    }
    const core::AddressSet outside = inside.Complement();

    std::vector<core::Rule> rules;
    for (auto& draft : drafts)
    {
        bool here = draft.gateways.empty() ||
                    std::find(draft.gateways.begin(), draft.gateways.end(), gateway) !=
                        draft.gateways.end();
        if (!here)
        {
            continue;
        }
        core::Rule rule = std::move(draft.rule);
        if (rule.direction == core::Direction::In)
        {
            rule.from = Narrowed(rule.from, outside, "(entering " + tier + ")");
        }
        else if (rule.direction == core::Direction::Out)
        {
            rule.from = Narrowed(rule.from, inside, "(leaving " + tier + ")");
        }
        rule.direction = core::Direction::InOut; // the gateway and perimeter ignore it
        rules.push_back(std::move(rule));
    }
    if (!perimeter && !rules.empty())
    {
        // The tier-1's firewall is on its uplink: what does not cross it passes.
        const core::SourceLocation at = m_context.Location(m_document.gatewayPolicies.front().node);
        for (const auto& [id, set, written] :
             {std::make_tuple("not-through-tier-1-inside", inside, "the tier-1's segments"),
              std::make_tuple("not-through-tier-1-outside", outside, "outside the tier-1")})
        {
            core::Rule pass;
            pass.id = id;
            pass.action = core::Action::Allow;
            pass.from.written = {written};
            pass.from.addresses = set;
            pass.to = pass.from;
            pass.service.written = {"any"};
            pass.service.entries = {core::ServiceEntry::Any()};
            pass.location = at;
            firewall.rules.push_back(std::move(pass));
        }
    }
    for (auto& rule : rules)
    {
        firewall.rules.push_back(std::move(rule));
    }
    return firewall;
}

} // namespace formats
} // namespace segproof
