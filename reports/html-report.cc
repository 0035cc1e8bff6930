// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#include "html-report.h"

#include "core/concrete-evaluator.h"
#include "core/connection-description.h"
#include "core/units.h"
#include "defence-outcome.h"
#include "estate-diagram.h"
#include "number-format.h"
#include "parameter-table.h"
#include "report-figures.h"
#include "svg-charts.h"
#include "svg-writer.h"
#include "verify-output.h"

#include <algorithm>
#include <array>
#include <sstream>
#include <stdexcept>

namespace segproof
{
namespace reports
{

namespace
{

/// `text` escaped for HTML text and attribute values (the same five entities as XML).
std::string
Html(const std::string& text)
{
    return XmlEscape(text);
}

std::string
Join(const std::vector<std::string>& parts, const std::string& separator)
{
    std::string text;
    for (const auto& part : parts)
    {
        text += (text.empty() ? "" : separator) + part;
    }
    return text;
}

const char* const kStyle = R"CSS(
@page { size: A4; margin: 14mm 12mm; }
* { box-sizing: border-box; }
body { font-family: FONTS; color: #1b1f24; background: #fff; max-width: 1120px;
  margin: 0 auto; padding: 24px; line-height: 1.45; font-size: 14px; }
h1 { font-size: 24px; margin: 0 0 4px; }
h2 { font-size: 18px; border-bottom: 2px solid #1b1f24; padding-bottom: 2px; margin: 28px 0 8px;
  break-after: avoid; }
h3 { font-size: 15px; margin: 18px 0 6px; break-after: avoid; }
p { margin: 6px 0; }
.meta, .note { color: #57606a; font-size: 13px; }
.headline { font-size: 15px; background: #f6f8fa; border-left: 4px solid #1b1f24;
  padding: 8px 12px; margin: 10px 0; }
nav ol { columns: 2; margin: 6px 0; padding-left: 20px; font-size: 13px; }
a { color: #0550ae; text-decoration: none; }
table { border-collapse: collapse; width: 100%; font-size: 13px; margin: 6px 0; }
th, td { border-bottom: 1px solid #d0d7de; padding: 4px 6px; text-align: left;
  vertical-align: top; }
th { background: #f3f5f7; font-weight: 600; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
td.num { white-space: nowrap; }
th.group { text-align: center; }
.nowrap { white-space: nowrap; }
td.claim { min-width: 10em; }
table.sweep-table { width: auto; min-width: 50%; }
#intents th, #intents td { padding: 4px 3px; }
#intents .badge { font-size: 10.5px; padding: 0 4px; }
td.false { color: #57606a; }
td.off { color: #8c959f; }
tr.bad td:first-child { border-left: 4px solid #b42318; }
tr.good td:first-child { border-left: 4px solid #1a7f37; }
tr.mixed td:first-child { border-left: 4px solid #bf8700; }
.badge { display: inline-block; padding: 0 6px; border-radius: 3px; font-weight: 600;
  font-size: 12px; white-space: nowrap; }
.proved { background: #dafbe1; color: #116329; }
.violated { background: #ffebe9; color: #a40e26; }
.unknown { background: #fff8c5; color: #7d4e00; }
.error { background: #ffebe9; color: #a40e26; }
.warning { background: #fff8c5; color: #7d4e00; }
.info { background: #ddf4ff; color: #0550ae; }
code, .mono { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace;
  font-size: 12px; }
ul.cx { padding-left: 18px; }
ul.cx li { margin: 4px 0; }
figure { margin: 12px 0; break-inside: avoid; }
figcaption { font-weight: 600; margin-bottom: 4px; }
figure.chart { max-width: 900px; }
figure.heatmap { max-width: none; }
.heatmaps { display: grid; grid-template-columns: repeat(auto-fill, minmax(440px, 1fr));
  gap: 12px; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 14px; font-size: 13px; }
dt { font-weight: 600; }
dd { margin: 0; overflow-wrap: anywhere; }
footer { margin-top: 32px; color: #57606a; font-size: 12px; border-top: 1px solid #d0d7de;
  padding-top: 6px; }
@media print {
  body { padding: 0; max-width: none; font-size: 10pt; }
  nav { display: none; }
  .heatmaps { grid-template-columns: 1fr 1fr; }
  figure, tr, .headline { break-inside: avoid; }
  #intents { font-size: 7.5pt; }
  #intents code { font-size: 7pt; }
  #intents .badge { font-size: 6.5pt; padding: 0 2px; }
  #reachability, #estate { break-before: page; }
  footer { break-before: avoid; }
  a { color: inherit; }
}
)CSS";

std::string
Badge(const ReportText& t, core::Verdict verdict)
{
    switch (verdict)
    {
    case core::Verdict::Proved:
        return "<span class=\"badge proved\">" + Html(t.proved) + "</span>";
    case core::Verdict::Violated:
        return "<span class=\"badge violated\">" + Html(t.violated) + "</span>";
    case core::Verdict::Unknown:
        break;
    }
    return "<span class=\"badge unknown\">" + Html(t.unknown) + "</span>";
}

std::string
ClaimText(const ReportText& t, const core::Intent& intent)
{
    std::string service = Join(intent.service.written, ", ");
    const std::string& pattern = intent.kind == core::IntentKind::Deny    ? t.claimDeny
                                 : intent.kind == core::IntentKind::Allow ? t.claimAllow
                                                                          : t.claimOnly;
    std::string claim = Fill(
        pattern,
        {{"from", intent.from.ToString()}, {"to", intent.to.ToString()}, {"service", service}});
    if (!intent.assumeCompromised.written.empty())
    {
        claim += Fill(t.assuming, {{"machines", intent.assumeCompromised.ToString()}});
    }
    return claim;
}

std::vector<std::string>
PostureOrder(const ReportInput& input)
{
    std::vector<std::string> order;
    for (const auto& p : input.postures)
    {
        order.push_back(p.posture.name);
    }
    return order;
}

std::string
Headline(const ReportText& t, const std::vector<PostureSummary>& s)
{
    auto worse = [](const PostureSummary& a, const PostureSummary& b)
    {
        if (a.infectedDesktops.median != b.infectedDesktops.median)
        {
            return a.infectedDesktops.median < b.infectedDesktops.median;
        }
        return a.crownJewelReached < b.crownJewelReached;
    };
    auto worst = std::max_element(s.begin(), s.end(), worse);
    auto best = std::min_element(s.begin(), s.end(), worse);
    auto slots = [](const PostureSummary& p)
    {
        return std::vector<std::pair<std::string, std::string>>{
            {"posture", "<b>" + Html(p.posture) + "</b>"},
            {"infected", FormatCount(p.infectedDesktops.median)},
            {"reached", FormatPercent(p.crownJewelReached)}};
    };
    if (worst == best || (!worse(*best, *worst) && !worse(*worst, *best)))
    {
        return Fill(Html(t.headlineSame),
                    {{"infected", FormatCount(worst->infectedDesktops.median)}});
    }
    std::string text =
        Fill(Html(t.headlineWorst), slots(*worst)) + " " + Fill(Html(t.headlineBest), slots(*best));
    // The data can leave through the one phished desktop's own, allowed access: say so when a
    // posture stopped the spread but not the theft.
    for (const auto& p : s)
    {
        if (p.infectedDesktops.median <= 1 && p.crownJewelReached > 0)
        {
            text += " " + Fill(Html(t.headlineOwnAccess),
                               {{"posture", "<b>" + Html(p.posture) + "</b>"},
                                {"reached", FormatPercent(p.crownJewelReached)}});
            break;
        }
    }
    return text;
}

/// `name` as HTML that may wrap after each "+" (microseg+<wbr>ids+<wbr>quarantine): ten
/// postures' names side by side in a table's header fit the page.
std::string
Breakable(const std::string& name)
{
    std::string html = Html(name);
    for (std::size_t at = html.find('+'); at != std::string::npos; at = html.find('+', at + 6))
    {
        html.insert(at + 1, "<wbr>");
    }
    return html;
}

/// " + IPS + pattern + quarantine" as HTML: what a posture adds to its firewalls, each word
/// kept on one line.
std::string
DetectorList(const ReportText& t, const core::Posture& posture)
{
    std::vector<std::string> added;
    if (posture.idfw)
    {
        added.push_back(t.postureIdfw);
    }
    if (posture.ids != core::IdsMode::Off)
    {
        added.push_back(posture.ids == core::IdsMode::Prevent ? t.postureIps : t.postureIds);
    }
    if (posture.pattern)
    {
        added.push_back(t.posturePattern);
    }
    if (posture.quarantine)
    {
        added.push_back(t.quarantine);
    }
    std::string list;
    for (const auto& word : added)
    {
        list += " + <span class=\"nowrap\">" + Html(word) + "</span>";
    }
    return list;
}

/// "a", "a and b", "a, b and c".
std::string
ListInWords(const ReportText& t, const std::vector<std::string>& items)
{
    std::string text;
    for (std::size_t i = 0; i < items.size(); ++i)
    {
        text += (i == 0 ? "" : i + 1 == items.size() ? t.listAnd : t.listComma) + items[i];
    }
    return text;
}

/// The defences of `posture` in words: "quarantine on IDS alerts", "the IPS and quarantine on
/// IDS alerts". A detector that only alerts is left out when it is what the quarantine acted on.
std::string
DefencesInWords(const ReportText& t, const core::Posture& posture, const DefenceOutcome& outcome)
{
    const bool quarantined = posture.quarantine && outcome.quarantineSource.has_value();
    const core::AlertSource source =
        quarantined ? *outcome.quarantineSource : core::AlertSource::Antivirus;
    std::vector<std::string> parts;
    if (posture.ids == core::IdsMode::Prevent)
    {
        parts.push_back(t.defenceIps);
    }
    else if (posture.ids == core::IdsMode::Detect &&
             !(quarantined && source == core::AlertSource::Ids))
    {
        parts.push_back(t.defenceIds);
    }
    if (posture.pattern && !(quarantined && source == core::AlertSource::Pattern))
    {
        parts.push_back(t.defencePattern);
    }
    if (posture.quarantine)
    {
        parts.push_back(quarantined
                            ? Fill(t.defenceQuarantineOn,
                                   {{"source", t.alertSources[static_cast<std::size_t>(source)]}})
                            : t.defenceQuarantine);
    }
    return ListInWords(t, parts);
}

/// Which detection or quarantine stopped the data leaving in most runs against its baseline
/// (BestDefence); "" when no posture has a baseline whose data left in some run.
std::string
DefenceHeadline(const ReportText& t, const ReportInput& input,
                const std::vector<DefenceOutcome>& outcomes)
{
    std::optional<std::size_t> best = BestDefence(outcomes);
    if (!best)
    {
        return "";
    }
    const DefenceOutcome* shown = &outcomes[*best];
    if (shown->stopped == 0)
    {
        // Nothing stopped it: name the baseline that leaked most.
        for (const auto& o : outcomes)
        {
            shown = o.baselineLeaked > shown->baselineLeaked ? &o : shown;
        }
        if (shown->baselineLeaked == 0)
        {
            return "";
        }
        return Fill(Html(t.headlineNotStopped),
                    {{"baseline", "<b>" + Html(shown->baseline) + "</b>"},
                     {"leaked", std::to_string(shown->baselineLeaked)},
                     {"runs", std::to_string(shown->runs)}});
    }
    const core::Posture* posture = nullptr;
    for (const auto& p : input.postures)
    {
        posture = p.posture.name == shown->posture ? &p.posture : posture;
    }
    return Fill(Html(t.headlineStopped), {{"baseline", "<b>" + Html(shown->baseline) + "</b>"},
                                          {"leaked", std::to_string(shown->baselineLeaked)},
                                          {"runs", std::to_string(shown->runs)},
                                          {"defences", Html(DefencesInWords(t, *posture, *shown))},
                                          {"stopped", std::to_string(shown->stopped)},
                                          {"posture", "<b>" + Html(shown->posture) + "</b>"}});
}

std::string
VerdictTable(const ReportText& t, const ReportInput& input,
             const std::vector<PostureSummary>& summaries)
{
    std::ostringstream out;
    out << "<table id=\"verdicts\"><thead><tr><th>" << Html(t.colPosture) << "</th><th>"
        << Html(t.colFirewalls) << "</th><th class=\"num\">" << Html(t.colDesktopsInfected)
        << "</th><th class=\"num\">" << Html(t.colJewelReached) << "</th><th class=\"num\">"
        << Html(t.colJewelTime) << "</th><th class=\"num\">" << Html(t.colExfiltrated)
        << "</th><th class=\"num\">" << Html(t.colAlerts) << "</th><th class=\"num\">"
        << Html(t.colIntents) << "</th></tr></thead><tbody>\n";
    for (std::size_t i = 0; i < summaries.size(); ++i)
    {
        const PostureSummary& s = summaries[i];
        const PostureResults& p = input.postures[i];
        std::size_t proved = 0;
        for (const auto& r : p.intents)
        {
            proved += r.verdict == core::Verdict::Proved ? 1 : 0;
        }
        std::string rowClass = s.crownJewelReached == 0 && proved == p.intents.size() ? "good"
                               : s.crownJewelReached >= 0.5                           ? "bad"
                                                                                      : "mixed";
        out << "<tr class=\"posture-row " << rowClass << "\"><td><b>" << Breakable(s.posture)
            << "</b></td><td>" << Html(p.posture.FirewallList()) << DetectorList(t, p.posture)
            << "</td><td class=\"num\">" << FormatCount(s.infectedDesktops.median) << " ("
            << FormatCount(s.infectedDesktops.p10) << "–" << FormatCount(s.infectedDesktops.p90)
            << ")</td><td class=\"num\">" << FormatPercent(s.crownJewelReached)
            << "</td><td class=\"num\">"
            << (s.timeToCrownJewel ? FormatHoursMinutes(s.timeToCrownJewel->median) : Html(t.never))
            << "</td><td class=\"num\">" << FormatBytes(s.exfiltratedBytes.median)
            << "</td><td class=\"num\">" << FormatCount(s.alerts) << "</td><td class=\"num\">"
            << proved << " / " << p.intents.size() << "</td></tr>\n";
    }
    out << "</tbody></table>\n";
    return out.str();
}

std::string
IntentTable(const ReportText& t, const ReportInput& input)
{
    const auto& intents = input.scenario->Intents();
    std::ostringstream out;
    out << "<table id=\"intents\"><thead><tr><th>" << Html(t.colIntent) << "</th><th>"
        << Html(t.colClaim) << "</th>";
    for (const auto& p : input.postures)
    {
        out << "<th>" << Breakable(p.posture.name) << "</th>";
    }
    out << "</tr></thead><tbody>\n";
    for (std::size_t i = 0; i < intents.size(); ++i)
    {
        out << "<tr><td><code>" << Html(intents[i].id) << "</code></td><td class=\"claim\">"
            << Html(ClaimText(t, intents[i])) << "</td>";
        for (const auto& p : input.postures)
        {
            out << "<td>"
                << (i < p.intents.size() ? Badge(t, p.intents[i].verdict) : std::string("-"))
                << "</td>";
        }
        out << "</tr>\n";
    }
    out << "</tbody></table>\n";
    return out.str();
}

std::string
PathText(const core::Estate& estate, const core::Evaluation& evaluation)
{
    if (evaluation.decisions.empty())
    {
        return "";
    }
    std::vector<std::string> steps;
    for (const auto& d : evaluation.decisions)
    {
        steps.push_back("<code>" + Html(core::PointLabel(d.point, estate)) + "</code> " +
                        Html(d.RuleId()) + " (" + Html(core::ActionName(d.action)) + ")");
    }
    return Join(steps, " → ");
}

std::string
Counterexamples(const ReportText& t, const ReportInput& input)
{
    const core::Estate& estate = input.scenario->GetEstate();
    std::ostringstream items;
    for (const auto& p : input.postures)
    {
        for (const auto& r : p.intents)
        {
            if (r.verdict == core::Verdict::Violated && r.counterexample)
            {
                const auto& cx = *r.counterexample;
                items << "<li><b>" << Html(p.posture.name) << "</b> · <code>" << Html(r.intentId)
                      << "</code>: <span class=\"mono\">"
                      << Html(core::DescribeConnection(estate, cx.connection)) << "</span> — "
                      << Html(cx.replay.delivered ? t.delivered : t.blockedAt) << "; ";
                std::string path = PathText(estate, cx.replay);
                items << (path.empty() ? Html(t.noPoint) : Html(t.decidedBy) + " " + path)
                      << "</li>\n";
            }
            else if (r.verdict == core::Verdict::Unknown)
            {
                items << "<li><b>" << Html(p.posture.name) << "</b> · <code>" << Html(r.intentId)
                      << "</code>: " << Html(t.unknownReason) << " " << Html(r.reason) << "</li>\n";
            }
        }
    }
    std::string list = items.str();
    if (list.empty())
    {
        return "";
    }
    return "<h3>" + Html(t.counterexamplesHeading) + "</h3>\n<p class=\"note\">" +
           Html(t.counterexampleIntro) + "</p>\n<ul class=\"cx\" id=\"counterexamples\">\n" + list +
           "</ul>\n";
}

/// A figure holding one chart (the chart draws its own title; `caption` labels the figure
/// for screen readers).
std::string
Figure(const std::string& id, const std::string& classes, const std::string& caption,
       const std::string& svg)
{
    return "<figure class=\"" + classes + "\" id=\"" + Html(id) + "\" aria-label=\"" +
           Html(caption) + "\">\n" + svg + "\n</figure>\n";
}

std::string
SpreadSection(const ReportText& t, const ReportInput& input)
{
    std::vector<std::string> order = PostureOrder(input);
    BandChart infection;
    infection.title = t.infectionChart;
    infection.xTitle = t.infectionX;
    infection.yTitle = t.infectionY;
    infection.xFormat = TickFormat::Hours;
    infection.series = InfectionBands(order, input.runs);
    StepChart cdf;
    cdf.title = t.cdfChart;
    cdf.xTitle = t.cdfX;
    cdf.yTitle = t.cdfY;
    cdf.xFormat = TickFormat::Hours;
    cdf.xMax = input.campaign.duration_s;
    cdf.emptyNote = t.cdfNever;
    cdf.series = TimeToCrownJewelCdf(order, input.runs);
    std::string section =
        "<section id=\"spread\"><h2>" + Html(t.spreadHeading) + "</h2>\n<p class=\"note\">" +
        Html(t.spreadIntro) + "</p>\n" +
        Figure("chart-infection", "chart", t.infectionChart, BandChartSvg(infection, t.noData)) +
        Figure("chart-cdf", "chart", t.cdfChart, StepChartSvg(cdf, t.noData));
    // The time to quarantine under the crown jewel's CDF, on the same axes (the same x range,
    // the same plot width), for the postures that quarantine, each in its colour above.
    std::vector<std::string> quarantining;
    for (const auto& p : input.postures)
    {
        if (p.posture.quarantine)
        {
            quarantining.push_back(p.posture.name);
        }
    }
    if (!quarantining.empty())
    {
        StepChart quarantine = cdf;
        quarantine.title = t.quarantineCdfChart;
        quarantine.emptyNote = t.quarantineCdfNever;
        quarantine.series = TimeToQuarantineCdf(order, quarantining, input.runs);
        section += Figure("chart-quarantine-cdf", "chart", t.quarantineCdfChart,
                          StepChartSvg(quarantine, t.noData)) +
                   "<p class=\"note\">" + Html(t.quarantineCdfNote) + "</p>\n";
    }
    return section + "</section>\n";
}

std::string
DetectionSection(const ReportText& t, const ReportInput& input,
                 const std::vector<PostureSummary>& summaries,
                 const std::vector<DefenceOutcome>& outcomes)
{
    std::ostringstream out;
    out << "<section id=\"detection\"><h2>" << Html(t.detectionHeading)
        << "</h2>\n<p class=\"note\">"
        << Html(Fill(t.detectionIntro, {{"runs", std::to_string(input.campaign.runs)}}))
        << "</p>\n<table id=\"detection-table\"><thead><tr><th rowspan=\"2\">" << Html(t.colPosture)
        << "</th>";
    for (const auto& source : t.sourceColumns)
    {
        out << "<th colspan=\"2\" class=\"group\">" << Html(source) << "</th>";
    }
    out << "<th rowspan=\"2\" class=\"num\">" << Html(t.colDesktopsTaken)
        << "</th><th rowspan=\"2\" class=\"num\">" << Html(t.colStopped) << "</th></tr>\n<tr>";
    for (std::size_t i = 0; i < t.sourceColumns.size(); ++i)
    {
        out << "<th class=\"num\">" << Html(t.colTrueAlerts) << "</th><th class=\"num false\">"
            << Html(t.colFalseAlarms) << "</th>";
    }
    out << "</tr></thead><tbody>\n";
    for (std::size_t i = 0; i < summaries.size(); ++i)
    {
        const PostureSummary& s = summaries[i];
        const core::Posture& posture = input.postures[i].posture;
        // AV / EDR and monitoring run under every posture; the vNIC's detectors only where
        // the posture asks for them.
        const std::array<bool, 4> running = {true, true, posture.ids != core::IdsMode::Off,
                                             posture.pattern};
        out << "<tr class=\"detection-row\"><td><b>" << Breakable(s.posture) << "</b></td>";
        for (std::size_t source = 0; source < running.size(); ++source)
        {
            if (!running[source])
            {
                out << "<td class=\"num off\">" << Html(t.notRunning)
                    << "</td><td class=\"num off false\">" << Html(t.notRunning) << "</td>";
                continue;
            }
            out << "<td class=\"num\">"
                << FormatCount(static_cast<double>(s.alertsBySource[source]))
                << "</td><td class=\"num false\">"
                << FormatCount(static_cast<double>(s.falseAlarmsBySource[source])) << "</td>";
        }
        if (posture.quarantine)
        {
            out << "<td class=\"num\">"
                << FormatCount(static_cast<double>(s.desktopsTakenFromUsersSum)) << "</td>";
        }
        else
        {
            out << "<td class=\"num off\">" << Html(t.notRunning) << "</td>";
        }
        auto outcome =
            std::find_if(outcomes.begin(), outcomes.end(),
                         [&](const DefenceOutcome& o) { return o.posture == s.posture; });
        if (outcome == outcomes.end())
        {
            out << "<td class=\"num off\">" << Html(t.notRunning) << "</td></tr>\n";
        }
        else
        {
            out << "<td class=\"num\">"
                << Html(Fill(t.stoppedCell, {{"stopped", std::to_string(outcome->stopped)},
                                             {"leaked", std::to_string(outcome->baselineLeaked)},
                                             {"baseline", outcome->baseline}}))
                << "</td></tr>\n";
        }
    }
    out << "</tbody></table>\n</section>\n";
    return out.str();
}

std::string
SweepSection(const ReportText& t, const ReportInput& input)
{
    if (input.sweeps.empty())
    {
        return "";
    }
    std::vector<std::string> order = PostureOrder(input);
    std::ostringstream out;
    out << "<section id=\"sweep\"><h2>" << Html(t.sweepHeading) << "</h2>\n<p class=\"note\">"
        << Html(t.sweepIntro) << "</p>\n";
    for (const ParameterSweep& sweep : input.sweeps)
    {
        BandChart chart;
        chart.title = Fill(t.sweepChart, {{"parameter", sweep.path}});
        chart.xTitle = sweep.path;
        chart.yTitle = t.sweepY;
        chart.yFormat = TickFormat::Percent;
        chart.yMax = 1;
        for (const SweepValue& value : sweep.values)
        {
            chart.xCategories.push_back(value.value);
        }
        chart.series = CrownJewelShareBySweep(order, sweep);
        out << Figure("chart-sweep-" + sweep.path, "chart sweep", chart.title,
                      BandChartSvg(chart, t.noData));
        // The figure's numbers, where lines that coincide hide each other.
        out << "<table class=\"sweep-table\" id=\"sweep-table-" << Html(sweep.path)
            << "\"><thead><tr><th>" << Html(t.colPosture) << "</th>";
        for (const SweepValue& value : sweep.values)
        {
            out << "<th class=\"num\">" << Html(value.value) << "</th>";
        }
        out << "</tr></thead><tbody>\n";
        for (std::size_t p = 0; p < order.size(); ++p)
        {
            out << "<tr><td>" << Breakable(order[p]) << "</td>";
            for (std::size_t v = 0; v < sweep.values.size(); ++v)
            {
                std::size_t runs = 0;
                std::size_t reached = 0;
                for (const core::RunResult& run : sweep.values[v].runs)
                {
                    if (run.posture == order[p])
                    {
                        ++runs;
                        reached += run.timeToCrownJewel_s ? 1 : 0;
                    }
                }
                out << "<td class=\"num\">" << reached << " / " << runs << "</td>";
            }
            out << "</tr>\n";
        }
        out << "</tbody></table>\n"
            << "<p class=\"note\">"
            << Html(Fill(t.sweepNote, {{"runs", std::to_string(input.campaign.runs)}}));
        out << " "
            << Html(Fill(sweep.reportValue.empty() ? t.sweepOwnScenario : t.sweepOwn,
                         {{"parameter", sweep.path}, {"value", sweep.reportValue}}));
        out << "</p>\n";
    }
    out << "</section>\n";
    return out.str();
}

std::string
BlockedSection(const ReportText& t, const std::vector<PostureSummary>& summaries)
{
    GroupedBarChart chart;
    chart.title = t.blockedChart;
    chart.yTitle = t.blockedY;
    chart.categories = {t.pointDfw, t.pointGateway, t.pointPerimeter, t.pointHost};
    chart.logScale = true;
    std::ostringstream rules;
    rules << "<table id=\"blocked-rules\"><thead><tr><th>" << Html(t.colPosture) << "</th><th>"
          << Html(t.colRule) << "</th><th class=\"num\">" << Html(t.colPackets)
          << "</th></tr></thead><tbody>\n";
    for (const auto& s : summaries)
    {
        chart.seriesLabels.push_back(s.posture);
        chart.values.emplace_back(s.blocked.begin(), s.blocked.end());
        std::vector<std::pair<std::string, double>> top(s.blockedByRule.begin(),
                                                        s.blockedByRule.end());
        std::stable_sort(top.begin(), top.end(),
                         [](const auto& a, const auto& b) { return a.second > b.second; });
        top.erase(std::remove_if(top.begin(), top.end(),
                                 [](const auto& entry) { return entry.second <= 0; }),
                  top.end());
        if (top.size() > 3)
        {
            top.resize(3);
        }
        if (top.empty())
        {
            rules << "<tr><td>" << Html(s.posture) << "</td><td>" << Html(t.noBlocks)
                  << "</td><td></td></tr>\n";
        }
        for (std::size_t i = 0; i < top.size(); ++i)
        {
            rules << "<tr><td>" << (i == 0 ? Html(s.posture) : "") << "</td><td><code>"
                  << Html(top[i].first) << "</code></td><td class=\"num\">"
                  << FormatCount(top[i].second) << "</td></tr>\n";
        }
    }
    rules << "</tbody></table>\n";
    return "<section id=\"blocked\"><h2>" + Html(t.blockedHeading) + "</h2>\n<p class=\"note\">" +
           Html(t.blockedIntro) + "</p>\n" +
           Figure("chart-blocked", "chart", t.blockedChart, GroupedBarChartSvg(chart, t.noData)) +
           "<h3>" + Html(t.topRules) + "</h3>\n" + rules.str() + "</section>\n";
}

std::string
ReachSection(const ReportText& t, const ReportInput& input)
{
    std::ostringstream out;
    out << "<section id=\"reachability\"><h2>" << Html(t.reachHeading)
        << "</h2>\n<p class=\"note\">" << Html(t.reachIntro) << "</p>\n<div class=\"heatmaps\">\n";
    for (const auto& p : input.postures)
    {
        MatrixGrid grid = ReachGrid(p.matrix);
        Heatmap map;
        map.title = Fill(t.reachChart, {{"posture", p.posture.name}});
        map.rows = grid.rows;
        map.columns = p.matrix.services;
        map.levels = grid.levels;
        map.levelLabels = {t.reachNone, t.reachPartial, t.reachFull, t.reachNa};
        map.levelColours = {"#eef3f8", "#f4a582", "#ca0020", "#ffffff"};
        map.levelMarks = {"", "P", "F", "·"};
        out << Figure("chart-matrix-" + p.posture.name, "chart heatmap", map.title,
                      HeatmapSvg(map, t.noData));
    }
    out << "</div></section>\n";
    return out.str();
}

std::string
LintSection(const ReportText& t, const ReportInput& input)
{
    const core::LintReport& lint = input.lint;
    std::ostringstream out;
    out << "<section id=\"lint\"><h2>" << Html(t.lintHeading) << "</h2>\n";
    if (lint.findings.empty())
    {
        out << "<p>" << Html(t.lintClean) << "</p>\n";
    }
    else
    {
        out << "<table id=\"lint-findings\"><thead><tr><th>" << Html(t.colSeverity) << "</th><th>"
            << Html(t.colFirewall) << "</th><th>" << Html(t.colRuleId) << "</th><th>"
            << Html(t.colFinding) << "</th><th>" << Html(t.colWhere)
            << "</th></tr></thead><tbody>\n";
        for (const auto& f : lint.findings)
        {
            auto kind = static_cast<std::size_t>(f.kind);
            auto severity = static_cast<std::size_t>(f.severity);
            std::string sentence = kind < t.lintKinds.size() ? t.lintKinds[kind] : f.message;
            if (kind < t.lintKinds.size() && !f.why.empty())
            {
                sentence += " (" + Fill(t.lintRelated, {{"rules", Join(f.why, ", ")}}) + ")";
            }
            std::string file = f.location.file;
            std::size_t slash = file.find_last_of('/');
            file = slash == std::string::npos ? file : file.substr(slash + 1);
            out << "<tr><td><span class=\"badge " << core::SeverityName(f.severity) << "\">"
                << Html(severity < t.severities.size() ? t.severities[severity]
                                                       : core::SeverityName(f.severity))
                << "</span></td><td>" << Html(core::FirewallKindName(f.firewall))
                << "</td><td><code>" << Html(f.rule) << "</code> <span class=\"note\">"
                << Html(core::LintKindName(f.kind)) << "</span></td><td>" << Html(sentence)
                << "</td><td class=\"mono\">" << Html(file) << ":" << f.location.line
                << "</td></tr>\n";
        }
        out << "</tbody></table>\n";
    }
    if (!lint.dfwLoad.busiestVnic.empty())
    {
        out << "<p class=\"note\">"
            << Html(Fill(t.dfwLoad, {{"vnic", std::to_string(lint.dfwLoad.maxPerVnic)},
                                     {"vnicName", lint.dfwLoad.busiestVnic},
                                     {"host", std::to_string(lint.dfwLoad.maxPerHost)},
                                     {"hostName", lint.dfwLoad.busiestHost}}))
            << "</p>\n";
    }
    out << "</section>\n";
    return out.str();
}

std::string
DiffCubes(const ReportText& t, const std::string& heading,
          const std::vector<core::DiffCubeView>& cubes, const core::Estate& estate)
{
    std::ostringstream out;
    out << "<h3>" << Html(heading) << " (" << cubes.size() << ")</h3>\n";
    if (cubes.empty())
    {
        out << "<p>" << Html(t.none) << "</p>\n";
        return out.str();
    }
    out << "<ul class=\"cx\">\n";
    for (const auto& c : cubes)
    {
        out << "<li><b>" << Html(c.sources) << " → " << Html(c.destinations) << "</b> · "
            << Html(c.services) << "<br><span class=\"note\">" << Html(t.example)
            << "</span> <span class=\"mono\">" << Html(core::DescribeConnection(estate, c.example))
            << "</span>";
        if (!c.brokenIntents.empty())
        {
            out << " <span class=\"badge violated\">" << Html(t.breaksIntents) << ": "
                << Html(Join(c.brokenIntents, ", ")) << "</span>";
        }
        out << "</li>\n";
    }
    out << "</ul>\n";
    return out.str();
}

std::string
DiffSection(const ReportText& t, const ReportInput& input)
{
    if (!input.diff)
    {
        return "";
    }
    const core::DiffView& view = input.diff->view;
    const core::Estate& estate = input.scenario->GetEstate();
    return "<section id=\"diff\"><h2>" + Html(t.diffHeading) + "</h2>\n<p>" +
           Html(Fill(t.diffIntro, {{"before", view.beforeFile},
                                   {"after", view.afterFile},
                                   {"posture", view.posture}})) +
           "</p>\n" + DiffCubes(t, t.newlyAllowed, view.newlyAllowed, estate) +
           DiffCubes(t, t.newlyBlocked, view.newlyBlocked, estate) + "</section>\n";
}

std::string
ParameterSection(const ReportText& t, const ReportInput& input)
{
    std::ostringstream out;
    out << "<section id=\"parameters\"><h2>" << Html(t.parametersHeading)
        << "</h2>\n<p class=\"note\">" << Html(t.parametersIntro)
        << "</p>\n<table id=\"parameter-table\"><thead><tr><th>" << Html(t.colParameter)
        << "</th><th>" << Html(t.colValue) << "</th><th>" << Html(t.colSource)
        << "</th></tr></thead><tbody>\n";
    for (const auto& row : ParameterRows(*input.scenario))
    {
        std::string source = row.source;
        if (row.assumption)
        {
            source += (source.empty() ? "" : "; ") + t.assumption;
        }
        out << "<tr><td><code>" << Html(row.key) << "</code></td><td>" << Html(row.value)
            << "</td><td>" << Html(source) << "</td></tr>\n";
    }
    out << "</tbody></table></section>\n";
    return out.str();
}

std::string
ProvenanceSection(const ReportText& t, const ReportInput& input)
{
    const CampaignInfo& c = input.campaign;
    std::vector<std::pair<std::string, std::string>> rows = {
        {t.command, "<code id=\"command\">" + Html(c.command) + "</code>"},
        {t.scenarioFile, Html(c.scenarioFile) + " <span class=\"note\">(" + Html(c.scenarioName) +
                             ", sha256 " + Html(c.scenarioSha256) + ")</span>"},
    };
    if (input.diff)
    {
        rows.emplace_back(t.againstFile, Html(input.diff->view.beforeFile) +
                                             " <span class=\"note\">(sha256 " +
                                             Html(input.diff->beforeSha256) + ")</span>");
    }
    rows.insert(rows.end(),
                {
                    {t.seed, std::to_string(c.seed)},
                    {t.runs, std::to_string(c.runs)},
                    {t.duration, Html(core::FormatDuration(c.duration_s))},
                    {t.versions, "segproof " + Html(c.segproofVersion) + " · ns-3 " +
                                     Html(c.ns3Version) + " · Z3 " + Html(input.z3Version)},
                    {t.files, Html(Join(input.files, ", "))},
                });
    if (!c.runVersions.empty())
    {
        std::vector<std::string> made;
        for (const auto& [version, runs] : c.runVersions)
        {
            made.push_back("segproof " + Html(version) + " (" + std::to_string(runs) + ")");
        }
        std::string value = Join(made, ", ");
        if (c.runVersions.size() > 1)
        {
            value += " <strong class=\"warning\">" + Html(t.mixedVersions) + "</strong>";
        }
        rows.insert(rows.end() - 1, std::make_pair(t.runVersions, value));
    }
    std::ostringstream out;
    out << "<section id=\"provenance\"><h2>" << Html(t.provenanceHeading) << "</h2>\n<dl>\n";
    for (const auto& [term, value] : rows)
    {
        out << "<dt>" << Html(term) << "</dt><dd>" << value << "</dd>\n";
    }
    out << "</dl>\n<p class=\"note\">" << Html(t.reproducible) << "</p></section>\n";
    return out.str();
}

std::string
Contents(const ReportText& t, bool withDiff, bool withSweep)
{
    std::vector<std::pair<std::string, std::string>> entries = {
        {"verdict", t.verdictHeading},
        {"spread", t.spreadHeading},
        {"detection", t.detectionHeading},
        {"sweep", t.sweepHeading},
        {"blocked", t.blockedHeading},
        {"reachability", t.reachHeading},
        {"estate", t.estateHeading},
        {"lint", t.lintHeading},
        {"diff", t.diffHeading},
        {"parameters", t.parametersHeading},
        {"provenance", t.provenanceHeading}};
    std::string list;
    for (const auto& [id, title] : entries)
    {
        if ((id != "diff" || withDiff) && (id != "sweep" || withSweep))
        {
            list += "<li><a href=\"#" + id + "\">" + Html(title) + "</a></li>";
        }
    }
    return "<nav aria-label=\"" + Html(t.contents) + "\"><ol>" + list + "</ol></nav>\n";
}

} // namespace

std::string
HtmlReport(const ReportInput& input)
{
    if (input.scenario == nullptr)
    {
        throw std::invalid_argument("HtmlReport: no scenario");
    }
    const ReportText& t = TextFor(input.language);
    std::vector<PostureSummary> summaries = SummarisePostures(PostureOrder(input), input.runs);
    std::vector<core::Posture> postures;
    for (const auto& p : input.postures)
    {
        postures.push_back(p.posture);
    }
    std::vector<DefenceOutcome> outcomes = DefenceOutcomes(postures, input.runs);
    std::string defenceHeadline = DefenceHeadline(t, input, outcomes);
    const CampaignInfo& c = input.campaign;
    std::string title = Fill(t.title, {{"scenario", input.scenario->Name()}});
    std::string style = kStyle;
    std::size_t at = style.find("FONTS");
    if (at != std::string::npos)
    {
        style.replace(at, 5, t.fontStack);
    }

    std::ostringstream page;
    page << "<!DOCTYPE html>\n<html lang=\"" << LanguageCode(input.language) << "\">\n<head>\n"
         << "<meta charset=\"utf-8\">\n"
         << "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
            "style-src 'unsafe-inline'; img-src data:\">\n"
         << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
         << "<meta name=\"generator\" content=\"segproof " << Html(c.segproofVersion) << "\">\n"
         << "<title>" << Html(title) << "</title>\n<style>" << style << "</style>\n</head>\n"
         << "<body>\n<header>\n<h1>" << Html(title) << "</h1>\n";
    if (!input.scenario->Description().empty())
    {
        page << "<p>" << Html(input.scenario->Description()) << "</p>\n";
    }
    page << "<p class=\"meta\">"
         << Html(Fill(t.madeWith, {{"runs", std::to_string(c.runs)},
                                   {"seed", std::to_string(c.seed)},
                                   {"duration", core::FormatDuration(c.duration_s)}}))
         << " · segproof " << Html(c.segproofVersion) << " · ns-3 " << Html(c.ns3Version)
         << " · Z3 " << Html(input.z3Version) << "</p>\n</header>\n"
         << Contents(t, input.diff.has_value(), !input.sweeps.empty());

    page << "<section id=\"verdict\"><h2>" << Html(t.verdictHeading) << "</h2>\n"
         << "<p class=\"headline\">" << Headline(t, summaries) << "</p>\n"
         << (defenceHeadline.empty()
                 ? std::string()
                 : "<p class=\"headline\" id=\"headline-defence\">" + defenceHeadline + "</p>\n")
         << VerdictTable(t, input, summaries) << "<p class=\"note\">" << Html(t.verdictNote)
         << "</p>\n<h3>" << Html(t.intentsHeading) << "</h3>\n"
         << IntentTable(t, input) << Counterexamples(t, input) << "</section>\n";
    page << SpreadSection(t, input) << DetectionSection(t, input, summaries, outcomes)
         << SweepSection(t, input) << BlockedSection(t, summaries) << ReachSection(t, input);
    page << "<section id=\"estate\"><h2>" << Html(t.estateHeading) << "</h2>\n"
         << Figure("diagram-estate", "chart diagram", t.diagram.title,
                   EstateDiagramSvg(*input.scenario, t.diagram))
         << "</section>\n";
    page << LintSection(t, input) << DiffSection(t, input) << ParameterSection(t, input)
         << ProvenanceSection(t, input);
    page << "<footer>" << Html(t.footer) << "</footer>\n</body>\n</html>\n";
    return page.str();
}

} // namespace reports
} // namespace segproof
