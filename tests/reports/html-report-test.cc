// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#include "formats/scenario/scenario-reader.h"
#include "reports/html-report.h"
#include "reports/svg-charts.h"
#include "verifier/intent-verifier.h"
#include "verifier/reach-matrix-builder.h"
#include "verifier/rule-linter.h"

#include <gtest/gtest.h>
#include <regex>
#include <stdexcept>

namespace
{

using namespace segproof;

/// A run of `posture` whose infection grows to `infected` machines over three samples.
core::RunResult
MakeRun(const std::string& posture, std::uint64_t index, std::uint32_t infected, bool jewel)
{
    core::RunResult r;
    r.posture = posture;
    r.run = index;
    r.infectedSeries = {{0, 1}, {3600, std::max(1U, infected / 2)}, {7200, infected}};
    r.everInfected = infected;
    r.everInfectedDesktops = infected;
    r.phished = 1;
    if (jewel)
    {
        r.timeToCrownJewel_s = 4000.0 + 100.0 * static_cast<double>(index);
        r.exfiltratedBytes = 250000000;
    }
    r.blocked = {0, 5 * index, 0, 0};
    r.blockedByRule = {{"gateway/default", 5 * index}};
    r.alerts = 2;
    return r;
}

/// The seed scenario under flat and microseg, verified, linted and "simulated" (made-up runs).
class HtmlReportTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        verifier::IntentVerifier z3(m_seed);
        for (const char* name : {"flat", "microseg"})
        {
            reports::PostureResults p;
            p.posture = *m_seed.FindPosture(name);
            p.intents = z3.VerifyAll(p.posture);
            p.matrix = verifier::BuildReachMatrix(m_seed, p.posture, core::MatrixGrouping::Segment);
            m_input.postures.push_back(p);
        }
        m_input.scenario = &m_seed;
        m_input.lint = verifier::LintScenario(m_seed);
        for (std::uint64_t i = 0; i < 3; ++i)
        {
            m_input.runs.push_back(MakeRun("flat", i, 100, true));
            m_input.runs.push_back(MakeRun("microseg", i, 1, false));
        }
        m_input.campaign.scenarioFile = "scenarios/seed.yaml";
        m_input.campaign.scenarioName = m_seed.Name();
        m_input.campaign.seed = 7;
        m_input.campaign.runs = 3;
        m_input.campaign.duration_s = 7200;
        m_input.campaign.segproofVersion = "9.9.9";
        m_input.campaign.ns3Version = "3.37";
        m_input.campaign.command = "segproof report scenarios/seed.yaml --runs 3";
        m_input.z3Version = "4.8.12";
        m_input.campaign.scenarioSha256 = std::string(64, 'a');
        m_input.files = {"summary.json", "run.json"};
    }

    /// Adds the seed's posture `name` (not verified: no intents, an empty matrix) with `runs`.
    void AddPosture(const std::string& name, const std::vector<core::RunResult>& runs)
    {
        reports::PostureResults p;
        p.posture = *m_seed.FindPosture(name);
        m_input.postures.push_back(p);
        m_input.runs.insert(m_input.runs.end(), runs.begin(), runs.end());
    }

    /// microseg leaks in its 3 runs; microseg+quarantine stops it in run 0 (quarantined on an
    /// AV alert), microseg+ids+quarantine in runs 0 and 1 (on IDS alerts, then AV, then IDS).
    void AddDefences()
    {
        for (auto& run : m_input.runs)
        {
            if (run.posture == "microseg")
            {
                run.exfiltratedBytes = 1000;
                run.timeToCrownJewel_s = 5000;
            }
        }
        std::vector<core::RunResult> runs;
        auto quarantined = [](core::RunResult r, core::AlertSource source, double at)
        {
            r.timeToQuarantine_s = at;
            r.firstAlertSource = static_cast<std::uint8_t>(source);
            return r;
        };
        runs.push_back(quarantined(MakeRun("microseg+quarantine", 0, 1, false),
                                   core::AlertSource::Antivirus, 1800));
        runs.push_back(MakeRun("microseg+quarantine", 1, 1, true));
        runs.push_back(MakeRun("microseg+quarantine", 2, 1, true));
        AddPosture("microseg+quarantine", runs);
        runs.clear();
        runs.push_back(quarantined(MakeRun("microseg+ids+quarantine", 0, 1, false),
                                   core::AlertSource::Ids, 600));
        runs.push_back(quarantined(MakeRun("microseg+ids+quarantine", 1, 1, false),
                                   core::AlertSource::Antivirus, 900));
        runs.push_back(quarantined(MakeRun("microseg+ids+quarantine", 2, 1, true),
                                   core::AlertSource::Ids, 6000));
        for (auto& run : runs)
        {
            run.alertsBySource = {1, 2, 3, 0};
            run.falseAlarmsBySource = {0, 1, 2, 0};
            run.desktopsTakenFromUsers = 1;
        }
        AddPosture("microseg+ids+quarantine", runs);
    }

    core::Scenario m_seed = formats::ReadScenarioFile(SEGPROOF_SCENARIOS_DIR "/seed.yaml");
    reports::ReportInput m_input;
};

std::size_t
Count(const std::string& text, const std::string& what)
{
    std::size_t n = 0;
    for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1))
    {
        ++n;
    }
    return n;
}

TEST_F(HtmlReportTest, IsOneSelfContainedPage)
{
    std::string page = reports::HtmlReport(m_input);
    EXPECT_EQ(page.rfind("<!DOCTYPE html>\n<html lang=\"en\">", 0), 0u);
    EXPECT_NE(page.find("Content-Security-Policy\" content=\"default-src 'none'"),
              std::string::npos);
    EXPECT_EQ(page.find("<script"), std::string::npos);
    EXPECT_EQ(page.find("<link"), std::string::npos);
    EXPECT_EQ(page.find("@import"), std::string::npos);
    EXPECT_EQ(page.find("url("), std::string::npos);
    // The only URL is the SVG namespace (a name, never fetched).
    std::string withoutNamespace =
        std::regex_replace(page, std::regex("xmlns=\"http://www\\.w3\\.org/2000/svg\""), "");
    EXPECT_EQ(withoutNamespace.find("http:"), std::string::npos);
    EXPECT_EQ(withoutNamespace.find("https:"), std::string::npos);
    EXPECT_EQ(withoutNamespace.find("src="), std::string::npos);
    EXPECT_NE(page.find("@page { size: A4"), std::string::npos);
    EXPECT_EQ(page.substr(page.size() - 8), "</html>\n");
}

TEST_F(HtmlReportTest, HasEveryFigureAndSection)
{
    std::string page = reports::HtmlReport(m_input);
    for (const char* id : {"id=\"verdicts\"", "id=\"intents\"", "id=\"counterexamples\"",
                           "id=\"chart-infection\"", "id=\"chart-cdf\"", "id=\"chart-blocked\"",
                           "id=\"chart-matrix-flat\"", "id=\"chart-matrix-microseg\"",
                           "id=\"diagram-estate\"", "id=\"lint\"", "id=\"detection-table\"",
                           "href=\"#detection\"", "id=\"parameters\"", "id=\"provenance\""})
    {
        EXPECT_NE(page.find(id), std::string::npos) << id;
    }
    EXPECT_EQ(Count(page, "<svg "), 6u); // 3 charts, 2 heatmaps, the estate
    EXPECT_EQ(Count(page, "class=\"posture-row"), 2u);
    EXPECT_EQ(page.find("id=\"diff\""), std::string::npos); // no --against
    // Neither a posture that quarantines nor a sweep: no such figure, no defence headline.
    EXPECT_EQ(page.find("id=\"chart-quarantine-cdf\""), std::string::npos);
    EXPECT_EQ(page.find("id=\"sweep\""), std::string::npos);
    EXPECT_EQ(page.find("href=\"#sweep\""), std::string::npos);
    EXPECT_EQ(page.find("id=\"headline-defence\""), std::string::npos);
}

TEST_F(HtmlReportTest, VerdictRowsCarryTheSimulatedFigures)
{
    std::string page = reports::HtmlReport(m_input);
    std::size_t flat = page.find("<tr class=\"posture-row");
    std::string row = page.substr(flat, page.find("</tr>", flat) - flat);
    EXPECT_NE(row.find("<b>flat</b>"), std::string::npos);
    EXPECT_NE(row.find(">100 (100–100)<"), std::string::npos);
    EXPECT_NE(row.find(">100 %<"), std::string::npos);
    EXPECT_NE(row.find(">1:08<"), std::string::npos); // median of 4000, 4100, 4200 s
    EXPECT_NE(row.find(">250.0 MB<"), std::string::npos);
    std::size_t micro = page.find("<tr class=\"posture-row", flat + 1);
    row = page.substr(micro, page.find("</tr>", micro) - micro);
    EXPECT_NE(row.find(">1 (1–1)<"), std::string::npos);
    EXPECT_NE(row.find(">never<"), std::string::npos);
    EXPECT_NE(row.find(">9 / 9<"), std::string::npos);
}

TEST_F(HtmlReportTest, HeadlineNamesTheWorstAndTheBestPosture)
{
    std::string page = reports::HtmlReport(m_input);
    std::size_t at = page.find("<p class=\"headline\">");
    std::string headline = page.substr(at, page.find("</p>", at) - at);
    EXPECT_NE(headline.find("Under <b>flat</b> the attack infected a median of 100 desktops"),
              std::string::npos);
    EXPECT_NE(headline.find("Under <b>microseg</b> it infected 1"), std::string::npos);
}

TEST_F(HtmlReportTest, RefutedIntentsShowTheirCounterexampleInWords)
{
    std::string page = reports::HtmlReport(m_input);
    std::size_t at = page.find("id=\"counterexamples\"");
    std::string list = page.substr(at, page.find("</ul>", at) - at);
    EXPECT_NE(list.find("<b>flat</b> · <code>no-desktop-lateral</code>"), std::string::npos);
    EXPECT_TRUE(std::regex_search(list, std::regex("vdi[0-9]+ \\(10\\.10\\.0\\.[0-9]+\\) -&gt; "
                                                   "vdi[0-9]+")));
    EXPECT_EQ(list.find("<b>microseg</b>"), std::string::npos); // microseg proves every intent
}

TEST_F(HtmlReportTest, JapanesePageHasNoEnglishHeadings)
{
    m_input.language = reports::Language::Japanese;
    std::string page = reports::HtmlReport(m_input);
    EXPECT_EQ(page.rfind("<!DOCTYPE html>\n<html lang=\"ja\">", 0), 0u);
    EXPECT_NE(page.find("評価結果"), std::string::npos);
    EXPECT_NE(page.find("Hiragino"), std::string::npos);
    for (const char* english : {">Verdict<", "How far the attack got", "Reachability matrix",
                                "Parameters and their sources", "How this report was made",
                                ">never<", "desktops infected"})
    {
        EXPECT_EQ(page.find(english), std::string::npos) << english;
    }
}

TEST_F(HtmlReportTest, ScenarioTextIsEscaped)
{
    m_input.campaign.command = "segproof report <x> & \"y\"";
    std::string page = reports::HtmlReport(m_input);
    EXPECT_NE(page.find("segproof report &lt;x&gt; &amp; &quot;y&quot;"), std::string::npos);
    EXPECT_EQ(page.find("<x>"), std::string::npos);
}

/// The part of the page between `<section id="provenance">` and its end.
std::string
ProvenanceOf(const std::string& page)
{
    std::size_t at = page.find("<section id=\"provenance\">");
    return at == std::string::npos ? "" : page.substr(at, page.find("</section>", at) - at);
}

TEST_F(HtmlReportTest, ProvenanceSaysHowToMakeThePageAgain)
{
    std::string provenance = ProvenanceOf(reports::HtmlReport(m_input));
    EXPECT_NE(provenance.find("<code id=\"command\">segproof report scenarios/seed.yaml --runs "
                              "3</code>"),
              std::string::npos);
    EXPECT_NE(provenance.find("sha256 " + std::string(64, 'a')), std::string::npos);
    EXPECT_NE(provenance.find("segproof 9.9.9 · ns-3 3.37 · Z3 4.8.12"), std::string::npos);
    EXPECT_NE(provenance.find("byte for byte, but for run.json"), std::string::npos);
    // When and how fast it ran change from run to run: run.json's, never the page's.
    EXPECT_EQ(provenance.find("Wall time"), std::string::npos);
    EXPECT_EQ(provenance.find("Generated"), std::string::npos);
    EXPECT_EQ(provenance.find("Compared with"), std::string::npos); // no --against
}

TEST_F(HtmlReportTest, ProvenanceNamesTheAgainstScenarioAndItsHash)
{
    core::DiffView view;
    view.beforeFile = "old.yaml";
    view.afterFile = "scenarios/seed.yaml";
    view.posture = "all";
    m_input.diff = reports::ReportDiff{view, &m_seed, std::string(64, 'b')};
    std::string provenance = ProvenanceOf(reports::HtmlReport(m_input));
    EXPECT_NE(provenance.find("<dt>Compared with</dt><dd>old.yaml <span class=\"note\">(sha256 " +
                              std::string(64, 'b') + ")</span>"),
              std::string::npos);
}

TEST_F(HtmlReportTest, JapaneseProvenanceSaysTheSame)
{
    m_input.language = reports::Language::Japanese;
    m_input.diff = reports::ReportDiff{core::DiffView{"old.yaml", "new.yaml", "all", {}, {}},
                                       &m_seed, std::string(64, 'b')};
    std::string provenance = ProvenanceOf(reports::HtmlReport(m_input));
    EXPECT_NE(provenance.find("<dt>比較対象</dt>"), std::string::npos);
    EXPECT_NE(provenance.find("バイト単位で同一"), std::string::npos);
    EXPECT_NE(provenance.find("run.json"), std::string::npos);
}

TEST_F(HtmlReportTest, RejectsAPostureWithoutRuns)
{
    m_input.runs.erase(std::remove_if(m_input.runs.begin(), m_input.runs.end(),
                                      [](const core::RunResult& r)
                                      { return r.posture == "microseg"; }),
                       m_input.runs.end());
    EXPECT_THROW(reports::HtmlReport(m_input), std::invalid_argument);
}

/// The text of the element that starts at `marker` up to its first `</p>` / `</tr>` / ...
std::string
Part(const std::string& page, const std::string& marker, const std::string& end)
{
    std::size_t at = page.find(marker);
    return at == std::string::npos ? "" : page.substr(at, page.find(end, at) - at);
}

TEST_F(HtmlReportTest, DefenceHeadlineSaysWhichDefenceStoppedTheDataInHowManyRuns)
{
    AddDefences();
    std::string headline = Part(reports::HtmlReport(m_input),
                                "<p class=\"headline\" id=\"headline-defence\">", "</p>");
    EXPECT_NE(headline.find("Under <b>microseg</b> the data left in 3 of 3 runs; quarantine on "
                            "IDS alerts stopped it in 2 of those 3 "
                            "(<b>microseg+ids+quarantine</b>)."),
              std::string::npos)
        << headline;
    m_input.language = reports::Language::Japanese;
    headline = Part(reports::HtmlReport(m_input), "<p class=\"headline\" id=\"headline-defence\">",
                    "</p>");
    EXPECT_NE(headline.find("<b>microseg</b> では試行 3 回のうち 3 回でデータが持ち出されました。"
                            "IDS のアラートによる隔離により、そのうち 2 回で持ち出しを防ぎました"
                            "（<b>microseg+ids+quarantine</b>）。"),
              std::string::npos)
        << headline;
}

TEST_F(HtmlReportTest, DefenceHeadlineSaysSoWhenNoDefenceStoppedIt)
{
    for (auto& run : m_input.runs)
    {
        run.exfiltratedBytes = 1000;
    }
    std::vector<core::RunResult> runs;
    for (std::uint64_t i = 0; i < 3; ++i)
    {
        runs.push_back(MakeRun("microseg+ips", i, 1, true));
    }
    AddPosture("microseg+ips", runs);
    std::string headline = Part(reports::HtmlReport(m_input),
                                "<p class=\"headline\" id=\"headline-defence\">", "</p>");
    EXPECT_NE(headline.find("Under <b>microseg</b> the data left in 3 of 3 runs; no posture with "
                            "detection or quarantine stopped it in any of them."),
              std::string::npos)
        << headline;
}

TEST_F(HtmlReportTest, DetectionTableHasAlertsAndFalseAlarmsBySourceAndDesktopsTaken)
{
    AddDefences();
    std::string page = reports::HtmlReport(m_input);
    std::string table = Part(page, "<table id=\"detection-table\">", "</table>");
    for (const char* header : {">AV / EDR<", ">Monitoring<", ">IDS / IPS<", ">Pattern<",
                               ">Desktops taken from users<", ">Data leaving stopped<"})
    {
        EXPECT_NE(table.find(header), std::string::npos) << header;
    }
    std::string ids = Part(table, "<b>microseg+<wbr>ids+<wbr>quarantine</b>", "</tr>");
    // Summed over 3 runs: alerts 3, 6, 9 (and false alarms 0, 3, 6); no pattern; 3 desktops.
    EXPECT_NE(ids.find("<td class=\"num\">3</td><td class=\"num false\">0</td>"
                       "<td class=\"num\">6</td><td class=\"num false\">3</td>"
                       "<td class=\"num\">9</td><td class=\"num false\">6</td>"
                       "<td class=\"num off\">–</td><td class=\"num off false\">–</td>"
                       "<td class=\"num\">3</td><td class=\"num\">2 of 3 (microseg)</td>"),
              std::string::npos)
        << ids;
    std::string microseg = Part(table, "<b>microseg</b>", "</tr>");
    EXPECT_NE(microseg.find("<td class=\"num off false\">–</td><td class=\"num off\">–</td>"
                            "<td class=\"num off\">–</td>"),
              std::string::npos)
        << "no quarantine, no baseline: " << microseg;
    // The verdict table names what a posture adds to its firewalls.
    EXPECT_NE(page.find("dfw, gateway, perimeter + <span class=\"nowrap\">IDS</span> + "
                        "<span class=\"nowrap\">quarantine</span>"),
              std::string::npos);
}

TEST_F(HtmlReportTest, TimeToQuarantineIsDrawnUnderTheCrownJewelsOnTheSameAxis)
{
    AddDefences();
    std::string page = reports::HtmlReport(m_input);
    std::string jewel = Part(page, "id=\"chart-cdf\"", "</figure>");
    std::string quarantine = Part(page, "id=\"chart-quarantine-cdf\"", "</figure>");
    ASSERT_FALSE(quarantine.empty());
    EXPECT_LT(page.find("id=\"chart-cdf\""), page.find("id=\"chart-quarantine-cdf\""));
    // The same canvas width and x ticks: times line up one above the other.
    std::regex viewBox("viewBox=\"0 0 ([0-9.]+) ");
    std::smatch a;
    std::smatch b;
    ASSERT_TRUE(std::regex_search(jewel, a, viewBox));
    ASSERT_TRUE(std::regex_search(quarantine, b, viewBox));
    EXPECT_EQ(a[1], b[1]);
    for (const char* tick : {">0h<", ">1h<", ">2h<"})
    {
        EXPECT_NE(quarantine.find(tick), std::string::npos) << tick;
    }
    // Only the postures that quarantine, each in its colour on the crown jewel's chart (the
    // third and fourth posture of the page).
    EXPECT_EQ(quarantine.find(">flat<"), std::string::npos);
    EXPECT_NE(quarantine.find(">microseg+quarantine<"), std::string::npos);
    EXPECT_NE(quarantine.find("stroke=\"" + reports::SeriesColour(3) + "\""), std::string::npos);
    EXPECT_EQ(quarantine.find("stroke=\"" + reports::SeriesColour(0) + "\""), std::string::npos);
}

TEST_F(HtmlReportTest, SweepFigureDrawsEveryPostureOverTheSweptValues)
{
    reports::ParameterSweep sweep;
    sweep.path = "defence.quarantine.reaction_delay";
    sweep.reportValue = "5m";
    for (const char* value : {"30s", "5m", "1h"})
    {
        reports::SweepValue v{value, {}};
        for (std::uint64_t i = 0; i < 3; ++i)
        {
            v.runs.push_back(MakeRun("flat", i, 100, true));
            v.runs.push_back(MakeRun("microseg", i, 1, std::string(value) == "1h" && i == 0));
        }
        sweep.values.push_back(v);
    }
    m_input.sweeps.push_back(sweep);
    std::string page = reports::HtmlReport(m_input);
    EXPECT_NE(page.find("<li><a href=\"#sweep\">"), std::string::npos);
    std::string figure =
        Part(page, "id=\"chart-sweep-defence.quarantine.reaction_delay\"", "</figure>");
    ASSERT_FALSE(figure.empty());
    EXPECT_NE(figure.find("Runs reaching the crown jewel by defence.quarantine.reaction_delay"),
              std::string::npos);
    EXPECT_LT(figure.find(">30s<"), figure.find(">5m<"));
    EXPECT_LT(figure.find(">5m<"), figure.find(">1h<"));
    EXPECT_EQ(Count(figure, "<polygon "), 2u); // a Wilson band per posture
    EXPECT_EQ(Count(figure, "<circle "), 6u);  // a dot per posture and value
    std::string table =
        Part(page, "<table class=\"sweep-table\" id=\"sweep-table-defence.quarantine", "</table>");
    EXPECT_NE(table.find("<td>microseg</td><td class=\"num\">0 / 3</td><td class=\"num\">0 / "
                         "3</td><td class=\"num\">1 / 3</td>"),
              std::string::npos)
        << table;
    EXPECT_NE(page.find("The rest of this report is at defence.quarantine.reaction_delay = 5m."),
              std::string::npos);
    EXPECT_EQ(Count(page, "<svg "), 7u);
}

TEST_F(HtmlReportTest, SameInputSamePage)
{
    EXPECT_EQ(reports::HtmlReport(m_input), reports::HtmlReport(m_input));
}

} // namespace
