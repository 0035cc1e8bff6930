// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#ifndef SEGPROOF_CORE_LINT_FINDING_H
#define SEGPROOF_CORE_LINT_FINDING_H

#include "policy.h"
#include "source-location.h"

#include <cstddef>
#include <string>
#include <vector>

namespace segproof
{
namespace core
{

/// Kinds of lint finding: Al-Shaer & Hamed's anomaly taxonomy, plus rules that can never
/// match, over-permissive rules and NSX scale limits.
enum class LintKind
{
    Shadowed,       ///< never decides: earlier rules with another action take all its traffic
    Redundant,      ///< removing it changes nothing: earlier (or a later) rule does the same
    Generalization, ///< a superset of an earlier rule with another action (often intended)
    Correlation,    ///< overlaps an earlier rule with another action; neither contains the other
    NeverMatches,   ///< matches no connection this firewall can ever see
    OverPermissive, ///< allows from any to any
    ScaleLimit,     ///< NSX limit: rules per vNIC or per host
};

/// "shadowed", "redundant", "generalization", "correlation", "never-matches",
/// "over-permissive", "scale-limit".
std::string LintKindName(LintKind kind);

/// How serious a finding is; any error makes `segproof lint` exit 1.
enum class Severity
{
    Error,
    Warning,
    Info,
};

/// "error", "warning", "info".
std::string SeverityName(Severity severity);

/// One lint finding about one rule (or about the firewall as a whole, rule empty).
struct LintFinding
{
    FirewallKind firewall = FirewallKind::Dfw;
    LintKind kind = LintKind::Shadowed;
    Severity severity = Severity::Error;
    std::string rule;             ///< the rule's id ("" for a whole-firewall finding)
    SourceLocation location;      ///< where the rule is written
    std::string message;          ///< a sentence for the user
    std::vector<std::string> why; ///< the minimal set of rules that explains it
};

/// The NSX load of a DFW: how many rules land on the busiest vNIC and host.
struct DfwLoad
{
    std::size_t maxPerVnic = 0;
    std::string busiestVnic;
    std::size_t maxPerHost = 0;
    std::string busiestHost;
    std::size_t rulesEverywhere = 0; ///< enabled rules without applied_to
};

/// What `segproof lint` found, firewall by firewall in rule order.
struct LintReport
{
    std::vector<LintFinding> findings;
    DfwLoad dfwLoad;
    std::size_t rulesChecked = 0;
    std::size_t solverQueries = 0;
};

} // namespace core
} // namespace segproof

#endif
