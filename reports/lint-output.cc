// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#include "lint-output.h"

#include "output-format.h"
#include "segproof/version.h"

#include <nlohmann/json.hpp>
#include <sstream>

namespace segproof
{
namespace reports
{

std::string
FormatLintText(const core::LintReport& report)
{
    const auto& findings = report.findings;
    const core::DfwLoad& load = report.dfwLoad;
    std::ostringstream out;
    std::size_t counts[3] = {0, 0, 0};
    for (const auto& f : findings)
    {
        ++counts[static_cast<int>(f.severity)];
        out << f.location.ToString() << ": " << core::SeverityName(f.severity) << ": "
            << core::FirewallKindName(f.firewall);
        if (!f.rule.empty())
        {
            out << " rule " << f.rule;
        }
        out << " " << core::LintKindName(f.kind) << ": " << f.message << "\n";
    }
    out << "lint: " << counts[0] << " errors, " << counts[1] << " warnings, " << counts[2]
        << " notes in " << report.rulesChecked << " enabled rules\n";
    if (!load.busiestVnic.empty())
    {
        out << "dfw load: at most " << load.maxPerVnic << " rules on one vNIC (" << load.busiestVnic
            << "), " << load.maxPerHost << " on one host (" << load.busiestHost
            << "); NSX limits 4000 per vNIC, 120000 per host; " << load.rulesEverywhere
            << " rules without applied_to land on every vNIC\n";
    }
    return out.str();
}

std::string
FormatLintJson(const core::LintReport& report)
{
    const auto& findings = report.findings;
    const core::DfwLoad& load = report.dfwLoad;
    nlohmann::json items = nlohmann::json::array();
    for (const auto& f : findings)
    {
        items.push_back(
            {{"firewall", core::FirewallKindName(f.firewall)},
             {"rule", f.rule.empty() ? nlohmann::json(nullptr) : nlohmann::json(f.rule)},
             {"kind", core::LintKindName(f.kind)},
             {"severity", core::SeverityName(f.severity)},
             {"file", f.location.file},
             {"line", f.location.line},
             {"column", f.location.column},
             {"message", f.message},
             {"why", f.why}});
    }
    nlohmann::json doc = {{"format", kLintFormat},
                          {"segproof_version", SEGPROOF_VERSION},
                          {"findings", items},
                          {"rules_checked", report.rulesChecked},
                          {"dfw_load",
                           {{"max_rules_per_vnic", load.maxPerVnic},
                            {"busiest_vnic", load.busiestVnic},
                            {"max_rules_per_host", load.maxPerHost},
                            {"busiest_host", load.busiestHost},
                            {"rules_without_applied_to", load.rulesEverywhere}}}};
    return doc.dump(2) + "\n";
}

} // namespace reports
} // namespace segproof
