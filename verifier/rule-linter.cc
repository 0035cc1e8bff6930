// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#include "rule-linter.h"

#include "class-policy.h"
#include "policy-encoding.h"

#include <algorithm>
#include <map>

namespace segproof
{
namespace verifier
{

using core::FirewallKind;
using core::LintFinding;
using core::LintKind;
using core::Severity;

namespace
{

bool
OnMachines(FirewallKind kind)
{
    return kind == FirewallKind::Dfw || kind == FirewallKind::Host;
}

std::string
RuleWithAction(const core::Rule& rule)
{
    return rule.id + " (" + core::ActionName(rule.action) + ")";
}

/// Names the rules, the first few in full ("r1 (drop), r2 (allow) and 38 more"); the
/// finding's `why` keeps them all.
std::string
JoinRules(const std::vector<const core::Rule*>& rules)
{
    constexpr std::size_t kNamed = 6;
    std::string text;
    for (std::size_t i = 0; i < rules.size() && i < kNamed; ++i)
    {
        text += (text.empty() ? "" : ", ") + RuleWithAction(*rules[i]);
    }
    if (rules.size() > kNamed)
    {
        text += " and " + std::to_string(rules.size() - kNamed) + " more";
    }
    return text;
}

class RuleLinter
{
public:
    RuleLinter(const core::Scenario& scenario, const LintOptions& options)
        : m_scenario(scenario), m_options(options), m_classes(scenario),
          m_cells(core::ServiceClasses(scenario)), m_policy(scenario, m_classes, m_cells),
          m_encoding(m_context, scenario, m_classes, scenario.AllFirewallsPosture()),
          m_packet(m_encoding.MakePacket("l_")), m_out(m_context.bool_const("l_out")),
          m_evaluator(m_context.bv_const("l_eval", m_packet.source.get_sort().bv_size())),
          m_solver(m_context)
    {
        z3::params params(m_context);
        params.set("timeout", m_options.timeoutMs);
        m_solver.set(params);
        m_solver.add(m_encoding.WellFormed(m_packet));
    }

    LintReport Run()
    {
        for (auto kind : core::kAllFirewallKinds)
        {
            if (m_scenario.FindFirewall(kind) != nullptr)
            {
                LintFirewall(kind);
            }
        }
        m_report.dfwLoad = MeasureDfwLoad();
        return m_report;
    }

private:
    /// The connections (with side and evaluating machine) the firewall can see at all.
    z3::expr Visible(FirewallKind kind)
    {
        const auto& p = m_packet;
        switch (kind)
        {
        case FirewallKind::Dfw:
            return (m_out && m_evaluator == p.source && m_encoding.HasVnic(p.source)) ||
                   (!m_out && m_evaluator == p.destination && m_encoding.HasVnic(p.destination));
        case FirewallKind::Host:
        {
            const auto& applies = m_scenario.FindFirewall(kind)->appliesTo.addresses;
            auto runs = [&](const z3::expr& c)
            { return m_encoding.IsMachine(c) && m_encoding.InSet(c, applies); };
            return (m_out && m_evaluator == p.source && runs(p.source)) ||
                   (!m_out && m_evaluator == p.destination && runs(p.destination));
        }
        case FirewallKind::Gateway:
            return !m_encoding.SameSegment(p);
        case FirewallKind::Perimeter:
            return m_encoding.InSegment(p.source) != m_encoding.InSegment(p.destination);
        }
        return m_context.bool_val(false);
    }

    /// The rule matches the symbolic connection on the symbolic side.
    z3::expr Matches(FirewallKind kind, const core::Rule& rule)
    {
        z3::expr match = m_encoding.RuleMatches(rule, m_packet, &m_evaluator);
        if (OnMachines(kind))
        {
            if (rule.direction == core::Direction::In)
            {
                match = match && !m_out;
            }
            else if (rule.direction == core::Direction::Out)
            {
                match = match && m_out;
            }
        }
        return match;
    }

    /// A necessary condition for two rules to share traffic, from their fields alone.
    static bool BoxesIntersect(const ClassRule& a, const ClassRule& b, bool onMachines)
    {
        bool sides = !onMachines || (a.out && b.out) || (a.in && b.in);
        return sides && a.from.Intersects(b.from) && a.to.Intersects(b.to) &&
               a.cells.Intersects(b.cells) && a.appliedTo.Intersects(b.appliedTo);
    }

    /// `inner`'s fields lie within `outer`'s.
    static bool BoxWithin(const ClassRule& inner, const ClassRule& outer, bool onMachines)
    {
        bool sides = !onMachines || ((!inner.out || outer.out) && (!inner.in || outer.in));
        return sides && inner.from.IsSubsetOf(outer.from) && inner.to.IsSubsetOf(outer.to) &&
               inner.cells.IsSubsetOf(outer.cells) && inner.appliedTo.IsSubsetOf(outer.appliedTo);
    }

    void Add(FirewallKind kind, const core::Rule& rule, LintKind what, Severity severity,
             std::string message, std::vector<const core::Rule*> why = {})
    {
        LintFinding f;
        f.firewall = kind;
        f.kind = what;
        f.severity = severity;
        f.rule = rule.id;
        f.location = rule.location;
        f.message = std::move(message);
        for (const auto* r : why)
        {
            f.why.push_back(r->id);
        }
        m_report.findings.push_back(std::move(f));
    }

    z3::check_result Check(const z3::expr_vector& assumptions)
    {
        ++m_report.solverQueries;
        return m_solver.check(assumptions);
    }

    /// True when the rule matches nothing only because a tag-selected group of its from, to
    /// or applied_to has no member yet.
    bool EmptyOnlyThroughTagGroups(const core::Rule& rule) const
    {
        auto dynamicEmpty = [this](const core::AddressRef& ref)
        {
            if (!ref.addresses.IsEmpty())
            {
                return false;
            }
            for (const auto& name : ref.written)
            {
                const core::Group* g = m_scenario.FindGroup(name);
                if (g == nullptr || g->definition.rfind("tag ", 0) != 0)
                {
                    return false;
                }
            }
            return !ref.written.empty();
        };
        return dynamicEmpty(rule.from) || dynamicEmpty(rule.to) ||
               (!rule.AppliesEverywhere() && dynamicEmpty(rule.appliedTo));
    }

    std::string NeverMatchReason(FirewallKind kind, const ClassRule& r)
    {
        const core::Rule& rule = *r.rule;
        if (rule.from.addresses.IsEmpty())
        {
            return "'from' (" + rule.from.ToString() + ") holds no address";
        }
        if (rule.to.addresses.IsEmpty())
        {
            return "'to' (" + rule.to.ToString() + ") holds no address";
        }
        if (rule.service.entries.empty())
        {
            return "its service matches nothing";
        }
        if (!rule.AppliesEverywhere() && rule.appliedTo.addresses.IsEmpty())
        {
            return "'applied_to' (" + rule.appliedTo.ToString() + ") holds no machine";
        }
        switch (kind)
        {
        case FirewallKind::Gateway:
            return "the gateway never sees it: every connection it names stays inside one "
                   "segment";
        case FirewallKind::Perimeter:
            return "the perimeter never sees it: it names no connection with exactly one end "
                   "outside every segment";
        case FirewallKind::Dfw:
            return "no vNIC ever evaluates it: no virtual machine on the side its direction "
                   "and applied_to name";
        case FirewallKind::Host:
            return "no host firewall ever evaluates it: no machine of applies_to on the side "
                   "its direction and applied_to name";
        }
        return "it matches no connection";
    }

    void LintFirewall(FirewallKind kind)
    {
        const core::Firewall& fw = *m_scenario.FindFirewall(kind);
        const std::vector<ClassRule>& rules = m_policy.Rules(kind);
        const bool onMachines = OnMachines(kind);
        m_solver.push();
        m_solver.add(Visible(kind));
        std::vector<bool> reachable(rules.size(), false);
        for (std::size_t i = 0; i < rules.size(); ++i)
        {
            const core::Rule& rule = *rules[i].rule;
            if (rule.disabled)
            {
                continue;
            }
            ++m_report.rulesChecked;
            if (rule.action == core::Action::Allow && rule.from.addresses.IsAll() &&
                rule.to.addresses.IsAll())
            {
                bool anyService = rule.service.IsAny();
                Add(kind, rule, LintKind::OverPermissive,
                    anyService ? Severity::Error : Severity::Warning,
                    std::string("allows from any to any") +
                        (anyService ? " on any service: it switches this firewall off for "
                                      "everything below it"
                                    : " on " + JoinWritten(rule.service.written)));
            }
            z3::expr match = Matches(kind, rule);
            z3::expr_vector none(m_context);
            m_solver.push();
            m_solver.add(match);
            if (Check(none) == z3::unsat)
            {
                m_solver.pop();
                // A group filled by tag at run time (quarantine) is empty by design today.
                bool dynamic = EmptyOnlyThroughTagGroups(rule);
                Add(kind, rule, LintKind::NeverMatches, dynamic ? Severity::Info : Severity::Error,
                    NeverMatchReason(kind, rules[i]) +
                        (dynamic ? " today; its group is filled by tag at run time (e.g. a "
                                   "quarantine group), so this may be intended"
                                 : ""));
                continue;
            }
            // Does traffic reach this rule at all? Earlier rules (and jumps past it) that
            // could share its traffic are tracked, so that Z3's core names the ones that
            // take it all.
            z3::expr_vector assumptions(m_context);
            std::vector<const core::Rule*> tracked;
            for (std::size_t j = 0; j < i; ++j)
            {
                const core::Rule& earlier = *rules[j].rule;
                if (earlier.disabled || !BoxesIntersect(rules[j], rules[i], onMachines))
                {
                    continue;
                }
                if (earlier.action == core::Action::JumpToApplication && i >= fw.applicationStart)
                {
                    continue; // a jump lands at the Application category, before this rule
                }
                z3::expr literal = m_context.bool_const(("l_r" + std::to_string(j)).c_str());
                m_solver.add(z3::implies(literal, !Matches(kind, earlier)));
                assumptions.push_back(literal);
                tracked.push_back(&earlier);
            }
            z3::check_result covered = assumptions.empty() ? z3::sat : Check(assumptions);
            if (covered == z3::unsat)
            {
                std::vector<const core::Rule*> why = MinimalCore(assumptions, tracked);
                bool sameAction = true;
                for (const auto* r : why)
                {
                    sameAction = sameAction && r->action == rule.action;
                }
                m_solver.pop();
                if (sameAction)
                {
                    Add(kind, rule, LintKind::Redundant, Severity::Warning,
                        "everything it matches is already decided the same way by " +
                            JoinRules(why),
                        why);
                }
                else
                {
                    Add(kind, rule, LintKind::Shadowed, Severity::Error,
                        "it never decides anything; all its traffic is taken first by " +
                            JoinRules(why),
                        why);
                }
                continue;
            }
            m_solver.pop();
            reachable[i] = true;
            PairwiseRelations(kind, rules, i, reachable);
        }
        EarlierRedundancies(kind, rules, reachable);
        m_solver.pop();
    }

    /// Deletion-based minimisation of an unsatisfiable core: every rule left is needed.
    std::vector<const core::Rule*> MinimalCore(const z3::expr_vector& assumptions,
                                               const std::vector<const core::Rule*>& tracked)
    {
        z3::expr_vector core = m_solver.unsat_core();
        std::vector<std::size_t> kept;
        for (unsigned c = 0; c < core.size(); ++c)
        {
            for (unsigned a = 0; a < assumptions.size(); ++a)
            {
                if (z3::eq(core[c], assumptions[a]))
                {
                    kept.push_back(a);
                }
            }
        }
        for (std::size_t k = 0; k < kept.size() && kept.size() > 1;)
        {
            z3::expr_vector trial(m_context);
            for (std::size_t other = 0; other < kept.size(); ++other)
            {
                if (other != k)
                {
                    trial.push_back(assumptions[static_cast<unsigned>(kept[other])]);
                }
            }
            if (Check(trial) == z3::unsat)
            {
                kept.erase(kept.begin() + static_cast<std::ptrdiff_t>(k));
            }
            else
            {
                ++k;
            }
        }
        std::vector<const core::Rule*> why;
        std::sort(kept.begin(), kept.end());
        for (std::size_t a : kept)
        {
            why.push_back(tracked[a]);
        }
        return why;
    }

    /// Generalization and correlation of rule i with earlier rules of another action.
    void PairwiseRelations(FirewallKind kind, const std::vector<ClassRule>& rules, std::size_t i,
                           const std::vector<bool>& reachable)
    {
        const bool onMachines = OnMachines(kind);
        const core::Rule& rule = *rules[i].rule;
        std::vector<const core::Rule*> generalizes;
        std::vector<const core::Rule*> correlates;
        for (std::size_t j = 0; j < i; ++j)
        {
            const core::Rule& earlier = *rules[j].rule;
            if (!reachable[j] || earlier.action == rule.action ||
                earlier.action == core::Action::JumpToApplication ||
                rule.action == core::Action::JumpToApplication ||
                !BoxesIntersect(rules[j], rules[i], onMachines))
            {
                continue;
            }
            if (BoxWithin(rules[j], rules[i], onMachines))
            {
                generalizes.push_back(&earlier);
                continue;
            }
            // Confirm that they share traffic this firewall can see.
            m_solver.push();
            m_solver.add(Matches(kind, rule) && Matches(kind, earlier));
            z3::expr_vector none(m_context);
            bool overlap = Check(none) == z3::sat;
            m_solver.pop();
            if (overlap)
            {
                correlates.push_back(&earlier);
            }
        }
        if (!generalizes.empty())
        {
            Add(kind, rule, LintKind::Generalization, Severity::Info,
                "generalizes earlier exceptions with another action: " + JoinRules(generalizes),
                generalizes);
        }
        if (!correlates.empty())
        {
            Add(kind, rule, LintKind::Correlation, Severity::Warning,
                "correlates with earlier rules of another action (they overlap, neither "
                "contains the other; order decides): " +
                    JoinRules(correlates),
                correlates);
        }
    }

    /// Al-Shaer & Hamed's other redundancy: an earlier rule inside a later one with the same
    /// action, and nothing in between with another action that could take its traffic.
    void EarlierRedundancies(FirewallKind kind, const std::vector<ClassRule>& rules,
                             const std::vector<bool>& reachable)
    {
        const bool onMachines = OnMachines(kind);
        for (std::size_t j = 0; j < rules.size(); ++j)
        {
            const core::Rule& earlier = *rules[j].rule;
            if (!reachable[j] || earlier.action == core::Action::JumpToApplication)
            {
                continue;
            }
            for (std::size_t i = j + 1; i < rules.size(); ++i)
            {
                const core::Rule& later = *rules[i].rule;
                if (later.disabled || !BoxesIntersect(rules[j], rules[i], onMachines))
                {
                    continue;
                }
                if (later.action != earlier.action)
                {
                    // Another action in between could take the rule's traffic once it is
                    // gone, even a rule that the earlier one shadows today.
                    break;
                }
                if (reachable[i] && BoxWithin(rules[j], rules[i], onMachines))
                {
                    Add(kind, earlier, LintKind::Redundant, Severity::Warning,
                        "the later rule " + RuleWithAction(later) +
                            " decides all its traffic the same way",
                        {&later});
                    break;
                }
            }
        }
    }

    static std::string JoinWritten(const std::vector<std::string>& written)
    {
        std::string text;
        for (const auto& w : written)
        {
            text += (text.empty() ? "" : ", ") + w;
        }
        return text;
    }

    DfwLoad MeasureDfwLoad() const
    {
        DfwLoad load;
        const core::Firewall* dfw = m_scenario.FindFirewall(FirewallKind::Dfw);
        if (dfw == nullptr)
        {
            return load;
        }
        const core::Estate& estate = m_scenario.GetEstate();
        std::vector<const core::Rule*> scoped;
        for (const auto& r : dfw->rules)
        {
            if (r.disabled)
            {
                continue;
            }
            if (r.AppliesEverywhere())
            {
                ++load.rulesEverywhere;
            }
            else
            {
                scoped.push_back(&r);
            }
        }
        std::vector<std::size_t> perHost(estate.Hosts().size(), 0);
        for (const auto& m : estate.Machines())
        {
            if (m.host == core::kNone)
            {
                continue;
            }
            std::size_t n = load.rulesEverywhere;
            for (const auto* r : scoped)
            {
                n += r->appliedTo.addresses.Contains(m.ip) ? 1 : 0;
            }
            perHost[static_cast<std::size_t>(m.host)] += n;
            if (n > load.maxPerVnic)
            {
                load.maxPerVnic = n;
                load.busiestVnic = m.name;
            }
        }
        for (std::size_t h = 0; h < perHost.size(); ++h)
        {
            if (perHost[h] > load.maxPerHost)
            {
                load.maxPerHost = perHost[h];
                load.busiestHost = estate.Hosts()[h].name;
            }
        }
        return load;
    }

    const core::Scenario& m_scenario;
    LintOptions m_options;
    core::AddressClasses m_classes;
    std::vector<core::ServiceClass> m_cells;
    ClassPolicy m_policy;
    z3::context m_context;
    PolicyEncoding m_encoding;
    SymbolicPacket m_packet;
    z3::expr m_out;
    z3::expr m_evaluator;
    z3::solver m_solver;
    LintReport m_report;
};

} // namespace

LintReport
LintScenario(const core::Scenario& scenario, const LintOptions& options)
{
    LintReport report = RuleLinter(scenario, options).Run();
    // Firewall by firewall, in the order the rules are written.
    std::stable_sort(report.findings.begin(), report.findings.end(),
                     [](const LintFinding& a, const LintFinding& b)
                     {
                         if (a.firewall != b.firewall)
                         {
                             return a.firewall < b.firewall;
                         }
                         return a.location.line < b.location.line;
                     });
    const DfwLoad& load = report.dfwLoad;
    const core::Firewall* dfw = scenario.FindFirewall(FirewallKind::Dfw);
    auto addLimit = [&](const std::string& message)
    {
        LintFinding f;
        f.firewall = FirewallKind::Dfw;
        f.kind = LintKind::ScaleLimit;
        f.severity = Severity::Error;
        f.location = dfw->location;
        f.message = message;
        report.findings.push_back(f);
    };
    if (dfw != nullptr && load.maxPerVnic > options.maxRulesPerVnic)
    {
        addLimit(std::to_string(load.maxPerVnic) + " rules land on the vNIC of " +
                 load.busiestVnic + ", more than NSX's " + std::to_string(options.maxRulesPerVnic) +
                 " per vNIC; " + std::to_string(load.rulesEverywhere) +
                 " rules have no applied_to and land on every vNIC");
    }
    if (dfw != nullptr && load.maxPerHost > options.maxRulesPerHost)
    {
        addLimit(std::to_string(load.maxPerHost) + " rules land on host " + load.busiestHost +
                 ", more than NSX's " + std::to_string(options.maxRulesPerHost) +
                 " per host; applied_to is the lever");
    }
    return report;
}

} // namespace verifier
} // namespace segproof
