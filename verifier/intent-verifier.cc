// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#include "intent-verifier.h"

#include "core/address-classes.h"
#include "core/concrete-evaluator.h"
#include "core/identity-firewall.h"
#include "core/rule-order.h"
#include "core/service-classes.h"
#include "policy-encoding.h"
#include "session-states.h"

#include <algorithm>
#include <chrono>
#include <map>
#include <stdexcept>

namespace segproof
{
namespace verifier
{

using core::Counterexample;
using core::IntentResult;
using core::Verdict;

class IntentVerifier::Impl
{
public:
    Impl(const core::Scenario& scenario, VerifyOptions options)
        : m_scenario(scenario), m_options(options), m_classes(scenario, {}, options.splitBy),
          m_services(core::ServiceClasses(scenario)), m_lifted(scenario, m_classes, m_services),
          m_evaluator(scenario)
    {
    }

    IntentResult Verify(const core::Intent& intent, const core::Posture& posture)
    {
        auto start = std::chrono::steady_clock::now();
        Job& job = JobFor(posture);
        const SymbolicPacket& p = job.packet;
        PolicyEncoding& enc = *job.encoding;

        z3::expr fromSide = enc.InSet(p.source, intent.from.addresses);
        z3::expr claim = enc.WellFormed(p) && enc.InSet(p.destination, intent.to.addresses) &&
                         enc.MatchesService(intent.service, p);
        QuerySlice slice{&m_lifted, m_lifted.ClassesIn(intent.from.addresses),
                         m_lifted.ClassesIn(intent.to.addresses), m_lifted.CellsIn(intent.service)};
        if (intent.kind == core::IntentKind::Only)
        {
            slice.sources = CellSet(m_lifted.ClassCount(), true).Without(slice.sources);
        }
        z3::expr delivered = enc.Delivered(p, intent.assumeCompromised.addresses, slice);
        switch (intent.kind)
        {
        case core::IntentKind::Deny:
            claim = claim && fromSide && delivered;
            break;
        case core::IntentKind::Allow:
            claim = claim && fromSide && !delivered;
            break;
        case core::IntentKind::Only:
            claim = claim && !fromSide && delivered;
            break;
        }

        IntentResult result;
        result.intentId = intent.id;
        result.posture = posture.name;
        job.solver.push();
        job.solver.add(claim);
        z3::check_result outcome = job.solver.check();
        if (outcome == z3::unsat)
        {
            result.verdict = Verdict::Proved;
        }
        else if (outcome == z3::sat)
        {
            result.verdict = Verdict::Violated;
            result.counterexample = Extract(PreferredModel(job, p), p, intent, posture);
        }
        else
        {
            result.verdict = Verdict::Unknown;
            result.reason = job.solver.reason_unknown();
            if (result.reason == "timeout" || result.reason == "canceled")
            {
                result.reason = "solver timeout after " + std::to_string(m_options.timeoutMs) +
                                " ms (--timeout)";
            }
        }
        job.solver.pop();
        result.seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        return result;
    }

    std::size_t ClassCount() const { return m_classes.Classes().size(); }
    const core::Scenario& GetScenario() const { return m_scenario; }

private:
    struct Job
    {
        Job(z3::context& context, const core::Scenario& scenario,
            const core::AddressClasses& classes, const core::Posture& posture)
            : encoding(std::make_unique<PolicyEncoding>(context, scenario, classes, posture)),
              packet(encoding->MakePacket("c_")), solver(context)
        {
        }

        std::unique_ptr<PolicyEncoding> encoding;
        SymbolicPacket packet;
        z3::solver solver;
    };

    Job& JobFor(const core::Posture& posture)
    {
        std::string key = posture.name + "|" + posture.FirewallList();
        auto it = m_jobs.find(key);
        if (it == m_jobs.end())
        {
            it = m_jobs
                     .emplace(key, std::make_unique<Job>(m_context, m_scenario, m_classes, posture))
                     .first;
            z3::params params(m_context);
            params.set("timeout", m_options.timeoutMs);
            it->second->solver.set(params);
        }
        return *it->second;
    }

    /// Any model is a counterexample; an architect reads one on a port that lateral movement
    /// uses, between named machines, more easily than on ICMP type 0 from a free address.
    /// Tries, in order: machines on a well-known TCP port (SMB, RDP, WinRM, RPC, SSH,
    /// HTTP(S), SQL), machines on TCP, machines, a well-known TCP port, TCP, UDP; keeps the
    /// first that is still a counterexample, else Z3's own.
    z3::model PreferredModel(Job& job, const SymbolicPacket& p)
    {
        z3::model fallback = job.solver.get_model();
        z3::context& c = m_context;
        z3::expr tcp = p.protocol == c.bv_val(6, 8);
        z3::expr udp = p.protocol == c.bv_val(17, 8);
        z3::expr_vector wellKnown(c);
        for (unsigned port : {445u, 3389u, 5985u, 5986u, 135u, 139u, 22u, 443u, 80u, 1433u})
        {
            wellKnown.push_back(p.destinationPort == c.bv_val(port, 16));
        }
        z3::expr machines =
            job.encoding->IsMachine(p.source) &&
            (job.encoding->IsMachine(p.destination) || !job.encoding->InSegment(p.destination));
        z3::expr wellKnownTcp = tcp && z3::mk_or(wellKnown);
        for (const z3::expr& preference :
             {machines && wellKnownTcp, machines && tcp, machines, wellKnownTcp, tcp, udp})
        {
            z3::expr_vector assumption(c);
            z3::expr literal = c.bool_const("prefer");
            job.solver.push();
            job.solver.add(z3::implies(literal, preference));
            assumption.push_back(literal);
            bool found = job.solver.check(assumption) == z3::sat;
            z3::model model = found ? job.solver.get_model() : fallback;
            job.solver.pop();
            if (found)
            {
                return model;
            }
        }
        return fallback;
    }

    /// Z3 picks any port of the cell the policy cannot tell apart (often 0); choose the one a
    /// person expects instead: an ephemeral source port, the lowest non-zero destination port.
    /// Every value of the cell gets the same decisions, and the replay checks it.
    void Polish(core::Connection& c) const
    {
        for (const auto& cell : m_services)
        {
            if (cell.protocol != c.protocol || !cell.sourcePorts.Contains(c.sourcePort) ||
                !cell.destinationPorts.Contains(c.destinationPort) ||
                !cell.icmpTypes.Contains(c.icmpType))
            {
                continue;
            }
            const std::uint32_t ephemeral = 49152;
            c.sourcePort = static_cast<std::uint16_t>(
                cell.sourcePorts.Contains(ephemeral) ? ephemeral : cell.sourcePorts.first);
            if (c.destinationPort == 0 && cell.destinationPorts.last > 0)
            {
                c.destinationPort = static_cast<std::uint16_t>(
                    std::max<std::uint32_t>(1, cell.destinationPorts.first));
            }
            return;
        }
    }

    /// Turns a model into a concrete connection between representative addresses, and
    /// replays it through the concrete evaluator.
    Counterexample Extract(const z3::model& model, const SymbolicPacket& p,
                           const core::Intent& intent, const core::Posture& posture)
    {
        auto value = [&model](const z3::expr& e)
        { return model.eval(e, true).get_numeral_uint64(); };
        const auto& classes = m_classes.Classes();
        const core::AddressClass& src = classes.at(value(p.source));
        const core::AddressClass& dst = classes.at(value(p.destination));
        Counterexample cx;
        cx.connection.source = src.representative;
        cx.connection.destination =
            &src == &dst ? dst.AnotherMember(src.representative) : dst.representative;
        cx.connection.protocol = static_cast<std::uint8_t>(value(p.protocol));
        cx.connection.sourcePort = static_cast<std::uint16_t>(value(p.sourcePort));
        cx.connection.destinationPort = static_cast<std::uint16_t>(value(p.destinationPort));
        cx.connection.icmpType = static_cast<std::uint8_t>(value(p.icmpType));
        Polish(cx.connection);
        cx.replay =
            m_evaluator.Evaluate(cx.connection, posture, intent.assumeCompromised.addresses);
        bool expectDelivered = intent.kind != core::IntentKind::Allow;
        if (!cx.replay.inModel || cx.replay.delivered != expectDelivered)
        {
            throw std::logic_error(
                "verifier and concrete evaluator disagree on intent '" + intent.id +
                "' under posture '" + posture.name + "': Z3 says " + cx.connection.ToString() +
                (expectDelivered ? " is delivered" : " is blocked") + ", the evaluator says " +
                (!cx.replay.inModel ? "it is outside the model"
                                    : (cx.replay.delivered ? "delivered" : "blocked")));
        }
        return cx;
    }

    const core::Scenario& m_scenario;
    VerifyOptions m_options;
    core::AddressClasses m_classes;
    std::vector<core::ServiceClass> m_services;
    ClassPolicy m_lifted;
    core::ConcreteEvaluator m_evaluator;
    z3::context m_context;
    std::map<std::string, std::unique_ptr<Job>> m_jobs;
};

/// The scenario in each order its DFW's ties allow, settled one way (core/rule-order.h), each
/// with its own verifier.
struct IntentVerifier::OrderVariants
{
    std::vector<std::unique_ptr<core::Scenario>> scenarios;
    std::vector<std::unique_ptr<Impl>> verifiers;
};

/// The scenario's DFW resolved for each signature of the sessions (the identity firewall
/// groups matched at a source), each with its own verifier, and the identity's relations.
struct IntentVerifier::SessionVariants
{
    explicit SessionVariants(const core::Scenario& scenario)
        : index(scenario.GetIdentity(), scenario.GetEstate().Machines().size())
    {
        if (const core::Firewall* dfw = scenario.FindFirewall(core::FirewallKind::Dfw))
        {
            idfwGroups = core::IdentityFirewallGroups(*dfw);
        }
        // Every state's sources of every intent split the variants' address classes, so
        // that a slice of the sources is a union of classes (core/address-classes.h).
        auto collect = [this](const std::vector<SessionState>& states)
        {
            for (const auto& state : states)
            {
                splitBy.push_back(state.sources);
            }
        };
        for (const auto& groups : {idfwGroups, std::vector<core::Index>{}})
        {
            collect(SessionStates(scenario, index, groups, SessionFilter::Every));
            for (const auto& intent : scenario.Intents())
            {
                if (!intent.fromUsers.empty())
                {
                    collect(SessionStates(scenario, index, groups, SessionFilter::Members,
                                          intent.fromUsers));
                    collect(SessionStates(scenario, index, groups, SessionFilter::NonMembers,
                                          intent.fromUsers));
                }
            }
        }
    }

    /// States of the sessions; the intents' slices are taken from these.
    std::vector<core::AddressSet> splitBy;

    core::IdentityIndex index;
    std::vector<core::Index> idfwGroups;
    struct Variant
    {
        std::unique_ptr<core::Scenario> scenario;
        std::unique_ptr<IntentVerifier> verifier;
    };
    std::map<std::vector<core::Index>, Variant> bySignature; ///< identity firewall on
    Variant identityOff; ///< the scenario itself, its address classes split by the states
    /// Each intent's slice for each state, by intent id, DFW in force and signature.
    std::map<std::string, std::unique_ptr<core::Intent>> slices;
};

IntentVerifier::IntentVerifier(const core::Scenario& scenario, VerifyOptions options)
    : m_impl(std::make_unique<Impl>(scenario, options)), m_options(options)
{
}

IntentVerifier::~IntentVerifier() = default;

IntentResult
IntentVerifier::Verify(const core::Intent& intent, const core::Posture& posture)
{
    const core::Firewall* dfw = m_impl->GetScenario().FindFirewall(core::FirewallKind::Dfw);
    const bool identityFirewall =
        posture.Has(core::FirewallKind::Dfw) && posture.idfw && dfw && core::HasIdentityRules(*dfw);
    if (!intent.fromUsers.empty() || identityFirewall)
    {
        return VerifyUnderEverySession(intent, posture);
    }
    if (!posture.Has(core::FirewallKind::Dfw) || !dfw || dfw->orderTies.empty())
    {
        return m_impl->Verify(intent, posture);
    }
    return VerifyUnderEveryOrder(intent, posture, *dfw);
}

namespace
{

/// "rules a and b share ... ; policies ..." for the first few ties.
std::string
DescribeTies(const core::Firewall& dfw)
{
    std::string text;
    std::size_t shown = 0;
    for (const auto& tie : dfw.orderTies)
    {
        if (shown == 3)
        {
            text += "; and " + std::to_string(dfw.orderTies.size() - shown) + " more";
            break;
        }
        text += (text.empty() ? "" : "; ") + tie.description;
        ++shown;
    }
    return text;
}

} // namespace

IntentResult
IntentVerifier::VerifyUnderEveryOrder(const core::Intent& intent, const core::Posture& posture,
                                      const core::Firewall& dfw)
{
    auto start = std::chrono::steady_clock::now();
    IntentResult result;
    result.intentId = intent.id;
    result.posture = posture.name;
    const std::string ties = DescribeTies(dfw);
    for (core::TieBias bias : {core::TieBias::Permissive, core::TieBias::Restrictive})
    {
        auto& variants = m_variants[bias == core::TieBias::Permissive ? 0 : 1];
        if (!variants)
        {
            variants = std::make_unique<OrderVariants>();
            auto firewalls = core::OrderVariants(dfw, bias, kMaxPolicyOrders);
            if (!firewalls)
            {
                result.verdict = Verdict::Unknown;
                result.reason = "NSX leaves the order of tied policies undefined, and they allow "
                                "more than " +
                                std::to_string(kMaxPolicyOrders) +
                                " orders, more than segproof checks: give them distinct "
                                "sequence_numbers (" +
                                ties + ")";
                variants.reset();
                return result;
            }
            for (auto& firewall : *firewalls)
            {
                variants->scenarios.push_back(std::make_unique<core::Scenario>(
                    m_impl->GetScenario().WithFirewall(std::move(firewall))));
                variants->verifiers.push_back(
                    std::make_unique<Impl>(*variants->scenarios.back(), m_options));
            }
        }
    }
    // Permissive: the most connections any order delivers; restrictive: the fewest. A deny or
    // only intent holds under every order iff it holds under the permissive one, and fails
    // under every order iff it fails under the restrictive one; an allow intent the other way.
    const bool allowIntent = intent.kind == core::IntentKind::Allow;
    auto& mostDelivered = *m_variants[0];
    auto& fewestDelivered = *m_variants[1];
    auto& provingSide = allowIntent ? fewestDelivered : mostDelivered;
    auto& refutingSide = allowIntent ? mostDelivered : fewestDelivered;
    bool provedEverywhere = true;
    for (auto& verifier : provingSide.verifiers)
    {
        IntentResult one = verifier->Verify(intent, posture);
        if (one.verdict == Verdict::Unknown)
        {
            one.seconds =
                std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
            return one;
        }
        provedEverywhere = provedEverywhere && one.verdict == Verdict::Proved;
        if (!provedEverywhere)
        {
            break;
        }
    }
    if (provedEverywhere)
    {
        result.verdict = Verdict::Proved;
    }
    else
    {
        std::optional<core::Counterexample> example;
        bool violatedEverywhere = true;
        for (auto& verifier : refutingSide.verifiers)
        {
            IntentResult one = verifier->Verify(intent, posture);
            if (one.verdict != Verdict::Violated)
            {
                violatedEverywhere = false;
                break;
            }
            if (!example)
            {
                example = one.counterexample;
            }
        }
        if (violatedEverywhere)
        {
            result.verdict = Verdict::Violated;
            result.counterexample = example;
        }
        else
        {
            result.verdict = Verdict::Unknown;
            result.reason = "the verdict depends on an order NSX leaves undefined: the intent "
                            "holds under some orders of the tied rules and fails under others "
                            "(" +
                            ties + ")";
        }
    }
    result.seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return result;
}

namespace
{

/// The replay's rules point into a variant of the scenario that the verifier owns: point them
/// at the same rules of the scenario itself (a variant keeps every firewall's rule order), so
/// that the result outlives the verifier.
void
RepointRules(core::Counterexample& example, const core::Scenario& variant,
             const core::Scenario& scenario)
{
    for (auto& decision : example.replay.decisions)
    {
        for (auto kind : core::kAllFirewallKinds)
        {
            const core::Firewall* from = variant.FindFirewall(kind);
            const core::Firewall* to = scenario.FindFirewall(kind);
            if (!decision.rule || !from || !to || from->rules.empty() ||
                decision.rule < &from->rules.front() || decision.rule > &from->rules.back())
            {
                continue;
            }
            decision.rule =
                &to->rules[static_cast<std::size_t>(decision.rule - &from->rules.front())];
            break;
        }
    }
}

} // namespace

IntentResult
IntentVerifier::VerifyUnderEverySession(const core::Intent& intent, const core::Posture& posture)
{
    auto start = std::chrono::steady_clock::now();
    const core::Scenario& scenario = m_impl->GetScenario();
    if (!m_sessions)
    {
        m_sessions = std::make_unique<SessionVariants>(scenario);
    }
    const bool byUsers = !intent.fromUsers.empty();
    const bool only = intent.kind == core::IntentKind::Only;
    const SessionFilter filter = !byUsers ? SessionFilter::Every
                                 : only   ? SessionFilter::NonMembers
                                          : SessionFilter::Members;
    // Under a posture without the DFW, or with the identity firewall off, AD groups match no
    // machine: every state then has the empty signature.
    const bool dfwInForce = posture.Has(core::FirewallKind::Dfw) && posture.idfw;
    const std::vector<core::Index> none;
    std::vector<SessionState> states =
        SessionStates(scenario, m_sessions->index, dfwInForce ? m_sessions->idfwGroups : none,
                      filter, intent.fromUsers);
    IntentResult result;
    result.intentId = intent.id;
    result.posture = posture.name;
    result.verdict = Verdict::Proved;
    for (const SessionState& state : states)
    {
        // The encoding caches a set's expression by its address: each slice keeps its own.
        std::string key = intent.id + (dfwInForce ? "|dfw|" : "|-|");
        for (core::Index g : state.signature)
        {
            key += std::to_string(g) + ",";
        }
        std::unique_ptr<core::Intent>& kept = m_sessions->slices[key];
        if (!kept)
        {
            kept = std::make_unique<core::Intent>(intent); // never replaced: its address stays
        }
        core::Intent& slice = *kept;
        slice.fromUsers.clear();
        if (byUsers)
        {
            // Only from_users: no session outside the groups reaches `to`, a deny from theirs.
            slice.kind = only ? core::IntentKind::Deny : intent.kind;
            slice.from.addresses = state.sources;
        }
        else if (only)
        {
            slice.from.addresses = intent.from.addresses.Union(state.sources.Complement());
        }
        else
        {
            slice.from.addresses = intent.from.addresses.Intersect(state.sources);
        }
        if (slice.kind != core::IntentKind::Only && slice.from.addresses.IsEmpty())
        {
            continue;
        }
        // With the identity firewall off (or the DFW not in force) the DFW is the scenario's
        // own: AD groups match no machine, `idfw: true` rules are not in force.
        SessionVariants::Variant& variant =
            dfwInForce ? m_sessions->bySignature[state.signature] : m_sessions->identityOff;
        if (!variant.verifier && !dfwInForce)
        {
            VerifyOptions options = m_options;
            options.splitBy = m_sessions->splitBy;
            variant.verifier = std::make_unique<IntentVerifier>(scenario, options);
        }
        if (!variant.verifier)
        {
            std::vector<core::AddressSet> matchedBy(scenario.GetIdentity().groups.size());
            for (core::Index g : state.signature)
            {
                // The slice's sources are all in this state: "every address" is exact for them.
                matchedBy[g] = core::AddressSet::All();
            }
            const core::Firewall* dfw = scenario.FindFirewall(core::FirewallKind::Dfw);
            variant.scenario = std::make_unique<core::Scenario>(
                dfw ? scenario.WithFirewall(core::ResolveIdentitySources(*dfw, matchedBy))
                    : scenario.WithFirewall(core::Firewall{}));
            VerifyOptions options = m_options;
            options.splitBy = m_sessions->splitBy;
            variant.verifier = std::make_unique<IntentVerifier>(*variant.scenario, options);
        }
        IntentResult one = variant.verifier->Verify(slice, posture);
        if (one.verdict == Verdict::Violated)
        {
            result.verdict = Verdict::Violated;
            result.counterexample = one.counterexample;
            if (variant.scenario)
            {
                RepointRules(*result.counterexample, *variant.scenario, scenario);
            }
            core::Index machine =
                scenario.GetEstate().MachineAt(result.counterexample->connection.source);
            auto witness = state.witness.find(machine);
            if (witness != state.witness.end() && witness->second != core::kNone)
            {
                result.counterexample->user = scenario.GetIdentity().users[witness->second].name;
            }
            break;
        }
        if (one.verdict == Verdict::Unknown && result.verdict == Verdict::Proved)
        {
            result.verdict = Verdict::Unknown;
            result.reason = one.reason;
        }
    }
    result.seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return result;
}

std::vector<IntentResult>
IntentVerifier::VerifyAll(const core::Posture& posture)
{
    std::vector<IntentResult> results;
    for (const auto& intent : m_impl->GetScenario().Intents())
    {
        results.push_back(Verify(intent, posture));
    }
    return results;
}

std::size_t
IntentVerifier::AddressClassCount() const
{
    return m_impl->ClassCount();
}

} // namespace verifier
} // namespace segproof
