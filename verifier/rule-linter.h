#ifndef SEGPROOF_VERIFIER_RULE_LINTER_H
#define SEGPROOF_VERIFIER_RULE_LINTER_H

#include "core/lint-finding.h"
#include "core/scenario.h"

#include <cstddef>
#include <vector>

namespace segproof
{
namespace verifier
{

/// Limits and budgets of a lint run.
struct LintOptions
{
    /// NSX: rules that may land on one vNIC (Broadcom KB 371437).
    std::size_t maxRulesPerVnic = 4000;
    /// NSX: rules that may land on one host, summed over its vNICs.
    std::size_t maxRulesPerHost = 120000;
    /// Solver time per query, in milliseconds.
    unsigned timeoutMs = 60000;
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
    std::vector<core::LintFinding> findings;
    DfwLoad dfwLoad;
    std::size_t rulesChecked = 0;
    std::size_t solverQueries = 0;
};

/// Lints every firewall of a scenario: Al-Shaer & Hamed's anomalies (shadowing, redundancy,
/// generalization, correlation), rules that can never match what their firewall sees, any-to-
/// any allows and NSX scale limits. Shadowing and redundancy are exact (Z3 over address
/// classes, with the minimal set of earlier rules that explains each, as Batfish's
/// filterLineReachability reports it); pairwise relations compare the rules' fields.
LintReport LintScenario(const core::Scenario& scenario, const LintOptions& options = {});

} // namespace verifier
} // namespace segproof

#endif
