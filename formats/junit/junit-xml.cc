// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#include "junit-xml.h"

#include "core/connection-description.h"

#include <cstdio>
#include <sstream>

namespace segproof
{
namespace formats
{

namespace
{

/// Length of the well-formed UTF-8 sequence at text[i] (1 to 4), or 0 when it is not one.
std::size_t
Utf8SequenceLength(const std::string& text, std::size_t i)
{
    const auto lead = static_cast<unsigned char>(text[i]);
    std::size_t length = lead < 0x80                    ? 1
                         : lead >= 0xC2 && lead <= 0xDF ? 2
                         : lead >= 0xE0 && lead <= 0xEF ? 3
                         : lead >= 0xF0 && lead <= 0xF4 ? 4
                                                        : 0;
    if (length == 0 || i + length > text.size())
    {
        return 0;
    }
    for (std::size_t k = 1; k < length; ++k)
    {
        if ((static_cast<unsigned char>(text[i + k]) & 0xC0) != 0x80)
        {
            return 0;
        }
    }
    const auto second = static_cast<unsigned char>(text[i + 1 < text.size() ? i + 1 : i]);
    // Overlong forms, UTF-16 surrogates and code points past U+10FFFF are not UTF-8.
    if ((lead == 0xE0 && second < 0xA0) || (lead == 0xED && second > 0x9F) ||
        (lead == 0xF0 && second < 0x90) || (lead == 0xF4 && second > 0x8F))
    {
        return 0;
    }
    return length;
}

/// `text` escaped for an XML 1.0 attribute or element: & < > " ' as entities; what XML 1.0
/// cannot hold (control characters other than tab, newline and carriage return, bytes that
/// are not UTF-8) as U+FFFD.
std::string
Xml(const std::string& text)
{
    std::string out;
    for (std::size_t i = 0; i < text.size();)
    {
        const std::size_t length = Utf8SequenceLength(text, i);
        if (length != 1)
        {
            out += length == 0 ? std::string("\xEF\xBF\xBD") : text.substr(i, length);
            i += length == 0 ? 1 : length;
            continue;
        }
        const char c = text[i++];
        const auto byte = static_cast<unsigned char>(c);
        switch (c)
        {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '"':
            out += "&quot;";
            break;
        case '\'':
            out += "&apos;";
            break;
        default:
            if (byte < 0x20 && c != '\t' && c != '\n' && c != '\r')
            {
                out += "\xEF\xBF\xBD";
            }
            else
            {
                out += c;
            }
        }
    }
    return out;
}

std::string
Seconds(double seconds)
{
    char text[32];
    std::snprintf(text, sizeof text, "%.3f", seconds);
    return text;
}

/// The counterexample in words, one line per enforcement point, as `verify` prints it.
std::string
CounterexampleText(const core::Scenario& scenario, const core::Counterexample& cx)
{
    const core::Estate& estate = scenario.GetEstate();
    std::string text = core::DescribeConnection(estate, cx.connection) +
                       (cx.replay.delivered ? "  delivered\n" : "  blocked\n");
    if (cx.replay.decisions.empty())
    {
        text += "  no enforcement point on its path under this posture\n";
    }
    for (const auto& d : cx.replay.decisions)
    {
        text += "  " + core::PointLabel(d.point, estate) + ": " + d.RuleId() + " " +
                core::ActionName(d.action) +
                (d.rule ? "  (" + d.rule->location.ToString() + ")" : std::string()) + "\n";
    }
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
            cases << "    <testcase name=\"" << Xml(r.intentId) << "\" classname=\""
                  << Xml(scenario.Name() + "." + posture.name) << "\" time=\"" << Seconds(r.seconds)
                  << "\"";
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
                      << Xml("intent " + r.intentId + " is violated under posture " + posture.name)
                      << "\">"
                      << Xml(r.counterexample ? CounterexampleText(scenario, *r.counterexample)
                                              : std::string())
                      << "</failure>\n";
            }
            else
            {
                ++counts.errors;
                cases << "      <error type=\"unknown\" message=\"" << Xml(r.reason) << "\"/>\n";
            }
            cases << "    </testcase>\n";
        }
        suites << "  <testsuite name=\"" << Xml(scenario.Name() + " / " + posture.name) << "\""
               << CountAttributes(counts) << ">\n"
               << "    <properties>\n"
               << "      <property name=\"posture\" value=\"" << Xml(posture.name) << "\"/>\n"
               << "      <property name=\"firewalls\" value=\"" << Xml(posture.FirewallList())
               << "\"/>\n"
               << "      <property name=\"scenario\" value=\"" << Xml(scenario.SourceFile())
               << "\"/>\n"
               << "    </properties>\n"
               << cases.str() << "  </testsuite>\n";
        total.tests += counts.tests;
        total.failures += counts.failures;
        total.errors += counts.errors;
        total.seconds += counts.seconds;
    }
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"segproof verify " +
           Xml(scenario.Name()) + "\"" + CountAttributes(total) + ">\n" + suites.str() +
           "</testsuites>\n";
}

} // namespace formats
} // namespace segproof
