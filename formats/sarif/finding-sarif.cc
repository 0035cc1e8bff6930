// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#include "finding-sarif.h"

#include "core/connection-description.h"
#include "sarif-log.h"

namespace segproof
{
namespace formats
{

namespace
{

SarifLevel
LevelOf(core::Severity severity)
{
    switch (severity)
    {
    case core::Severity::Error:
        return SarifLevel::Error;
    case core::Severity::Warning:
        return SarifLevel::Warning;
    case core::Severity::Info:
        return SarifLevel::Note;
    }
    return SarifLevel::Error;
}

/// Where `firewall` is written (its section, where its default is); the scenario file when it
/// has none.
core::SourceLocation
FirewallLocation(const core::Scenario& scenario, core::FirewallKind firewall)
{
    const core::Firewall* fw = scenario.FindFirewall(firewall);
    return fw ? fw->location : core::SourceLocation{scenario.SourceFile(), 0, 0};
}

/// Where rule `id` of `firewall` is written; the firewall's own place when it has no such rule.
core::SourceLocation
RuleLocation(const core::Scenario& scenario, core::FirewallKind firewall, const std::string& id)
{
    if (const core::Firewall* fw = scenario.FindFirewall(firewall))
    {
        for (const auto& rule : fw->rules)
        {
            if (rule.id == id)
            {
                return rule.location;
            }
        }
    }
    return FirewallLocation(scenario, firewall);
}

/// One enforcement point a connection met, at the rule (or the firewall's default) that
/// decided there.
SarifLocation
DecisionStep(const core::Scenario& scenario, const core::Decision& d)
{
    return {d.rule ? d.rule->location : FirewallLocation(scenario, d.point.Firewall()),
            core::DescribeDecision(scenario.GetEstate(), d)};
}

std::vector<SarifRule>
LintRules()
{
    using K = core::LintKind;
    const std::vector<std::pair<K, std::string>> kinds = {
        {K::Shadowed,
         "earlier rules with another action take all of its traffic: it never decides"},
        {K::Redundant, "removing it changes nothing: another rule does the same"},
        {K::Generalization, "a superset of an earlier rule with another action"},
        {K::Correlation,
         "overlaps an earlier rule with another action; neither contains the other"},
        {K::NeverMatches, "matches no connection this firewall can ever see"},
        {K::OverPermissive, "allows from any to any"},
        {K::ScaleLimit, "more rules on one vNIC or host than NSX allows"},
    };
    std::vector<SarifRule> rules;
    for (const auto& [kind, description] : kinds)
    {
        std::string name = core::LintKindName(kind);
        rules.push_back({"segproof/lint/" + name, name, description,
                         kind == K::Generalization || kind == K::Correlation ? SarifLevel::Warning
                                                                             : SarifLevel::Error});
    }
    return rules;
}

} // namespace

std::string
LintSarif(const SarifRun& run, const core::Scenario& scenario, const core::LintReport& report)
{
    std::vector<SarifResult> results;
    for (const auto& f : report.findings)
    {
        const std::string firewall = core::FirewallKindName(f.firewall);
        const std::string kind = core::LintKindName(f.kind);
        SarifResult result;
        result.ruleId = "segproof/lint/" + kind;
        result.level = LevelOf(f.severity);
        result.message =
            firewall + (f.rule.empty() ? "" : " rule " + f.rule) + " " + kind + ": " + f.message;
        result.location = {f.location, ""};
        for (const auto& id : f.why)
        {
            result.related.push_back(
                {RuleLocation(scenario, f.firewall, id), firewall + " rule " + id});
        }
        result.fingerprint = "lint/" + kind + "/" + firewall + "/" + f.rule;
        results.push_back(result);
    }
    return SarifLogJson(run.version, run.commandLine, LintRules(), results);
}

std::string
VerifySarif(const SarifRun& run, const core::Scenario& scenario,
            const std::vector<core::PostureVerdicts>& verdicts)
{
    const std::vector<SarifRule> rules = {
        {"segproof/intent/violated", "intent-violated",
         "a connection the intent forbids gets through (or one it requires is blocked)",
         SarifLevel::Error},
        {"segproof/intent/unknown", "intent-unknown",
         "the solver could not decide the intent (time out or too large)", SarifLevel::Warning},
    };
    std::vector<SarifResult> results;
    for (const auto& [posture, intents] : verdicts)
    {
        for (const auto& r : intents)
        {
            if (r.verdict == core::Verdict::Proved)
            {
                continue;
            }
            const core::Intent* intent = nullptr;
            for (const auto& i : scenario.Intents())
            {
                if (i.id == r.intentId)
                {
                    intent = &i;
                }
            }
            SarifResult result;
            result.location = {
                intent ? intent->location : core::SourceLocation{scenario.SourceFile(), 0, 0}, ""};
            result.properties = {{"intent", r.intentId},
                                 {"posture", posture.name},
                                 {"verdict", core::VerdictName(r.verdict)}};
            result.fingerprint = "intent/" + r.intentId + "/" + posture.name;
            if (r.verdict == core::Verdict::Unknown)
            {
                result.ruleId = "segproof/intent/unknown";
                result.level = SarifLevel::Warning;
                result.message = "intent " + r.intentId + " under posture " + posture.name +
                                 " is unknown: " + r.reason;
                results.push_back(result);
                continue;
            }
            result.ruleId = "segproof/intent/violated";
            result.level = SarifLevel::Error;
            result.message = "intent " + r.intentId + " is violated under posture " + posture.name;
            if (r.counterexample)
            {
                const auto& cx = *r.counterexample;
                result.message += ": " +
                                  core::DescribeConnection(scenario.GetEstate(), cx.connection) +
                                  (cx.replay.delivered ? " is delivered" : " is blocked");
                if (cx.replay.decisions.empty())
                {
                    result.message += " (no enforcement point on its path under this posture)";
                }
                for (const auto& d : cx.replay.decisions)
                {
                    SarifLocation step = DecisionStep(scenario, d);
                    result.flow.push_back(step);
                    result.related.push_back(step);
                }
            }
            results.push_back(result);
        }
    }
    return SarifLogJson(run.version, run.commandLine, rules, results);
}

std::string
DiffSarif(const SarifRun& run, const core::Scenario& before, const core::Scenario& after,
          const core::DiffView& diff)
{
    const std::vector<SarifRule> rules = {
        {"segproof/diff/breaks-intent", "breaks-intent",
         "the change newly allows connections that an intent forbids", SarifLevel::Error},
        {"segproof/diff/newly-allowed", "newly-allowed",
         "the change newly allows these connections", SarifLevel::Warning},
        {"segproof/diff/newly-blocked", "newly-blocked",
         "the change newly blocks these connections", SarifLevel::Note},
    };
    std::vector<SarifResult> results;
    auto add = [&](const core::DiffCubeView& cube, bool allowed)
    {
        SarifResult result;
        const bool breaks = allowed && !cube.brokenIntents.empty();
        result.ruleId = breaks    ? "segproof/diff/breaks-intent"
                        : allowed ? "segproof/diff/newly-allowed"
                                  : "segproof/diff/newly-blocked";
        result.level = breaks    ? SarifLevel::Error
                       : allowed ? SarifLevel::Warning
                                 : SarifLevel::Note;
        result.message = std::string(allowed ? "newly allowed" : "newly blocked") +
                         " under posture " + diff.posture + ": " + cube.sources + " -> " +
                         cube.destinations + " on " + cube.services + ", e.g. " +
                         core::DescribeConnection(after.GetEstate(), cube.example);
        if (breaks)
        {
            std::string intents;
            for (const auto& id : cube.brokenIntents)
            {
                intents += (intents.empty() ? "" : ", ") + id;
            }
            result.message += "; breaks " + intents;
        }
        // The first point where the new policy decides otherwise than the old one: the change.
        std::size_t changed = 0;
        while (changed < cube.after.decisions.size() && changed < cube.before.decisions.size() &&
               cube.after.decisions[changed].RuleId() == cube.before.decisions[changed].RuleId() &&
               cube.after.decisions[changed].action == cube.before.decisions[changed].action)
        {
            ++changed;
        }
        if (changed < cube.after.decisions.size())
        {
            result.location = DecisionStep(after, cube.after.decisions[changed]);
        }
        else
        {
            result.location = {core::SourceLocation{after.SourceFile(), 0, 0}, ""};
        }
        for (const auto& d : cube.before.decisions)
        {
            SarifLocation step = DecisionStep(before, d);
            step.message = "before: " + step.message;
            result.related.push_back(step);
        }
        for (const auto& d : cube.after.decisions)
        {
            SarifLocation step = DecisionStep(after, d);
            step.message = "after: " + step.message;
            result.related.push_back(step);
        }
        result.fingerprint = std::string("diff/") + (allowed ? "allowed/" : "blocked/") +
                             diff.posture + "/" + cube.sources + "/" + cube.destinations + "/" +
                             cube.services;
        result.properties = {{"posture", diff.posture}};
        results.push_back(result);
    };
    for (const auto& cube : diff.newlyAllowed)
    {
        add(cube, true);
    }
    for (const auto& cube : diff.newlyBlocked)
    {
        add(cube, false);
    }
    return SarifLogJson(run.version, run.commandLine, rules, results);
}

} // namespace formats
} // namespace segproof
