#ifndef SEGPROOF_REPORTS_LINT_OUTPUT_H
#define SEGPROOF_REPORTS_LINT_OUTPUT_H

#include "core/lint-finding.h"

#include <cstddef>
#include <string>
#include <vector>

namespace segproof
{
namespace reports
{

/// The NSX load figures printed after the findings.
struct LintTotals
{
    std::size_t rulesChecked = 0;
    std::size_t maxRulesPerVnic = 0;
    std::string busiestVnic;
    std::size_t maxRulesPerHost = 0;
    std::string busiestHost;
    std::size_t rulesEverywhere = 0;
};

/// One line per finding, compiler style ("FILE:LINE:COL: error: dfw rule r12 shadowed: ..."),
/// then a tally and the DFW's load against NSX's limits.
std::string FormatLintText(const std::vector<core::LintFinding>& findings,
                           const LintTotals& totals);

/// {"findings":[{"firewall","rule","kind","severity","file","line","column","message","why"}],
/// "rules_checked", "dfw_load":{...}}.
std::string FormatLintJson(const std::vector<core::LintFinding>& findings,
                           const LintTotals& totals);

} // namespace reports
} // namespace segproof

#endif
