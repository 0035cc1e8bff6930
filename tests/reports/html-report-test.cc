// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#include "formats/scenario/scenario-reader.h"
#include "reports/html-report.h"
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
    for (const char* id :
         {"id=\"verdicts\"", "id=\"intents\"", "id=\"counterexamples\"", "id=\"chart-infection\"",
          "id=\"chart-cdf\"", "id=\"chart-blocked\"", "id=\"chart-matrix-flat\"",
          "id=\"chart-matrix-microseg\"", "id=\"diagram-estate\"", "id=\"lint\"",
          "id=\"parameters\"", "id=\"provenance\""})
    {
        EXPECT_NE(page.find(id), std::string::npos) << id;
    }
    EXPECT_EQ(Count(page, "<svg "), 6u); // 3 charts, 2 heatmaps, the estate
    EXPECT_EQ(Count(page, "class=\"posture-row"), 2u);
    EXPECT_EQ(page.find("id=\"diff\""), std::string::npos); // no --against
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

TEST_F(HtmlReportTest, SameInputSamePage)
{
    EXPECT_EQ(reports::HtmlReport(m_input), reports::HtmlReport(m_input));
}

} // namespace
