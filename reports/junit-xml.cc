// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#include "junit-xml.h"

#include "svg-writer.h"
#include "verify-output.h"

#include <cstdio>
#include <sstream>

namespace segproof
{
namespace reports
{

namespace
{

std::string
Seconds(double seconds)
{
    char text[32];
    std::snprintf(text, sizeof text, "%.3f", seconds);
    return text;
}

struct Counts
{
    std::size_t tests = 0;
    std::size_t failures = 0;
    std::size_t errors = 0;
    double seconds = 0;
};

std::string
CountAttributes(const Counts& c)
{
    return " tests=\"" + std::to_string(c.tests) + "\" failures=\"" + std::to_string(c.failures) +
           "\" errors=\"" + std::to_string(c.errors) + "\" skipped=\"0\" time=\"" +
           Seconds(c.seconds) + "\"";
}

} // namespace

std::string
VerifyJunitXml(const core::Scenario& scenario, const std::vector<core::PostureVerdicts>& verdicts)
{
    Counts total;
    std::ostringstream suites;
    for (const auto& [posture, results] : verdicts)
    {
        Counts counts;
        std::ostringstream cases;
        for (const auto& r : results)
        {
            ++counts.tests;
            counts.seconds += r.seconds;
            cases << "    <testcase name=\"" << XmlEscape(r.intentId) << "\" classname=\""
                  << XmlEscape(scenario.Name() + "." + posture.name) << "\" time=\""
                  << Seconds(r.seconds) << "\"";
            if (r.verdict == core::Verdict::Proved)
            {
                cases << "/>\n";
                continue;
            }
            cases << ">\n";
            if (r.verdict == core::Verdict::Violated)
            {
                ++counts.failures;
                cases << "      <failure type=\"violated\" message=\""
                      << XmlEscape("intent " + r.intentId + " is violated under posture " +
                                   posture.name)
                      << "\">"
                      << XmlEscape(r.counterexample ? FormatCounterexampleText(
                                                          scenario.GetEstate(), *r.counterexample,
                                                          RuleLocations::Append)
                                                    : std::string())
                      << "</failure>\n";
            }
            else
            {
                ++counts.errors;
                cases << "      <error type=\"unknown\" message=\"" << XmlEscape(r.reason)
                      << "\"/>\n";
            }
            cases << "    </testcase>\n";
        }
        suites << "  <testsuite name=\"" << XmlEscape(scenario.Name() + " / " + posture.name)
               << "\"" << CountAttributes(counts) << ">\n"
               << "    <properties>\n"
               << "      <property name=\"posture\" value=\"" << XmlEscape(posture.name) << "\"/>\n"
               << "      <property name=\"firewalls\" value=\"" << XmlEscape(posture.FirewallList())
               << "\"/>\n"
               << "      <property name=\"scenario\" value=\"" << XmlEscape(scenario.SourceFile())
               << "\"/>\n"
               << "    </properties>\n"
               << cases.str() << "  </testsuite>\n";
        total.tests += counts.tests;
        total.failures += counts.failures;
        total.errors += counts.errors;
        total.seconds += counts.seconds;
    }
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"segproof verify " +
           XmlEscape(scenario.Name()) + "\"" + CountAttributes(total) + ">\n" + suites.str() +
           "</testsuites>\n";
}

} // namespace reports
} // namespace segproof
