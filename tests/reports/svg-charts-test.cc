// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#include "reports/svg-charts.h"
#include "reports/svg-writer.h"

#include <algorithm>
#include <cmath>
#include <gtest/gtest.h>
#include <limits>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace
{

using namespace segproof;
using namespace segproof::reports;

constexpr double kFontSizeForTests = 12; ///< the charts' label size

/// One element of a parsed document: its name, attributes, direct text and enclosing groups'
/// classes (so that a test can ask for "the rects of the cells group").
struct Element
{
    std::string name;
    std::map<std::string, std::string> attributes;
    std::string text;
    std::vector<std::string> groups;

    std::string Attr(const std::string& key) const
    {
        auto it = attributes.find(key);
        return it == attributes.end() ? "" : it->second;
    }
};

/// A strict little XML reader, enough for what the charts write: every element closed in
/// order, attributes double-quoted and unique, no raw '<' or stray '&' in text or values.
/// Returns an empty `error` and the elements in document order, or the first fault.
struct Parsed
{
    std::string error;
    std::vector<Element> elements;
};

bool
EntitiesValid(const std::string& text)
{
    static const std::regex kEntity("&(amp|lt|gt|quot|apos|#[0-9]+|#x[0-9a-fA-F]+);");
    for (std::size_t i = text.find('&'); i != std::string::npos; i = text.find('&', i + 1))
    {
        std::string rest = text.substr(i, 10);
        if (!std::regex_search(rest, kEntity, std::regex_constants::match_continuous))
        {
            return false;
        }
    }
    return true;
}

Parsed
Parse(const std::string& xml)
{
    Parsed p;
    std::vector<std::size_t> open; // indexes into p.elements
    std::size_t i = 0;
    auto fail = [&](const std::string& why)
    {
        p.error = why + " at byte " + std::to_string(i);
        return p;
    };
    while (i < xml.size())
    {
        std::size_t lt = xml.find('<', i);
        std::string text = xml.substr(i, lt == std::string::npos ? std::string::npos : lt - i);
        if (text.find('>') != std::string::npos || !EntitiesValid(text))
        {
            return fail("bad character data");
        }
        if (!open.empty())
        {
            p.elements[open.back()].text += text;
        }
        else if (text.find_first_not_of(" \n") != std::string::npos)
        {
            return fail("text outside the root");
        }
        if (lt == std::string::npos)
        {
            break;
        }
        i = lt;
        std::size_t gt = xml.find('>', i);
        if (gt == std::string::npos)
        {
            return fail("unterminated tag");
        }
        std::string tag = xml.substr(i + 1, gt - i - 1);
        if (tag.find('<') != std::string::npos)
        {
            return fail("'<' inside a tag");
        }
        if (!tag.empty() && tag[0] == '/')
        {
            if (open.empty() || p.elements[open.back()].name != tag.substr(1))
            {
                return fail("mismatched </" + tag.substr(1) + ">");
            }
            open.pop_back();
            i = gt + 1;
            continue;
        }
        bool selfClosing = !tag.empty() && tag.back() == '/';
        if (selfClosing)
        {
            tag.pop_back();
        }
        static const std::regex kName("^[A-Za-z_:][A-Za-z0-9_:.-]*");
        std::smatch name;
        if (!std::regex_search(tag, name, kName))
        {
            return fail("bad element name");
        }
        Element e;
        e.name = name.str();
        for (std::size_t g : open)
        {
            if (p.elements[g].name == "g")
            {
                e.groups.push_back(p.elements[g].Attr("class"));
            }
        }
        std::string rest = tag.substr(e.name.size());
        static const std::regex kAttribute("^\\s+([A-Za-z_:][A-Za-z0-9_:.-]*)=\"([^\"]*)\"");
        std::smatch attribute;
        while (std::regex_search(rest, attribute, kAttribute))
        {
            if (!EntitiesValid(attribute[2].str()) || e.attributes.count(attribute[1].str()))
            {
                return fail("bad or repeated attribute " + attribute[1].str());
            }
            e.attributes[attribute[1].str()] = attribute[2].str();
            rest = attribute.suffix().str();
        }
        if (rest.find_first_not_of(" \n") != std::string::npos)
        {
            return fail("junk in <" + e.name + ">: " + rest);
        }
        if (open.empty() && !p.elements.empty())
        {
            return fail("second root element");
        }
        p.elements.push_back(e);
        if (!selfClosing)
        {
            open.push_back(p.elements.size() - 1);
        }
        i = gt + 1;
    }
    if (!open.empty())
    {
        p.error = "<" + p.elements[open.back()].name + "> not closed";
    }
    return p;
}

/// The elements named `name`, inside a group of class `group` when one is given.
std::vector<Element>
Find(const std::string& svg, const std::string& name, const std::string& group = "")
{
    Parsed p = Parse(svg);
    EXPECT_EQ(p.error, "");
    std::vector<Element> found;
    for (const Element& e : p.elements)
    {
        bool inGroup =
            group.empty() || std::find(e.groups.begin(), e.groups.end(), group) != e.groups.end();
        if (e.name == name && inGroup)
        {
            found.push_back(e);
        }
    }
    return found;
}

/// `text` with the five predefined entities replaced.
std::string
Unescape(std::string text)
{
    static const std::vector<std::pair<std::string, std::string>> kEntities = {
        {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&apos;", "'"}, {"&amp;", "&"}};
    for (const auto& [entity, character] : kEntities)
    {
        for (std::size_t i = text.find(entity); i != std::string::npos;
             i = text.find(entity, i + 1))
        {
            text.replace(i, entity.size(), character);
        }
    }
    return text;
}

/// The texts of the <text> elements, in order, unescaped.
std::vector<std::string>
Texts(const std::string& svg, const std::string& group = "")
{
    std::vector<std::string> texts;
    for (const Element& e : Find(svg, "text", group))
    {
        texts.push_back(Unescape(e.text));
    }
    return texts;
}

/// The texts matching `pattern` (tick labels of one format), in order.
std::vector<std::string>
TextsMatching(const std::string& svg, const std::string& pattern)
{
    std::vector<std::string> matching;
    std::regex re(pattern);
    for (const std::string& t : Texts(svg))
    {
        if (std::regex_match(t, re))
        {
            matching.push_back(t);
        }
    }
    return matching;
}

bool
Contains(const std::vector<std::string>& texts, const std::string& text)
{
    return std::find(texts.begin(), texts.end(), text) != texts.end();
}

/// Width and height from the root's viewBox "0 0 W H".
std::pair<double, double>
ViewBox(const std::string& svg)
{
    std::istringstream in(Find(svg, "svg").at(0).Attr("viewBox"));
    double x0 = 0;
    double y0 = 0;
    double w = 0;
    double h = 0;
    in >> x0 >> y0 >> w >> h;
    return {w, h};
}

std::size_t
Occurrences(const std::string& haystack, const std::string& needle)
{
    std::size_t n = 0;
    for (std::size_t i = haystack.find(needle); i != std::string::npos;
         i = haystack.find(needle, i + 1))
    {
        ++n;
    }
    return n;
}

BandSeries
Band(const std::string& label, std::vector<double> x, double scale)
{
    BandSeries b;
    b.label = label;
    for (double t : x)
    {
        b.median.push_back(scale * t / 3600);
        b.low.push_back(scale * t / 3600 * 0.5);
        b.high.push_back(scale * t / 3600 * 1.5);
    }
    b.x = std::move(x);
    return b;
}

BandChart
InfectionChart()
{
    BandChart chart;
    chart.title = "Infected machines";
    chart.xTitle = "time";
    chart.yTitle = "machines";
    chart.xFormat = TickFormat::Hours;
    chart.series = {Band("flat", {0, 3600, 7200, 14400, 28800}, 5),
                    Band("microseg", {0, 7200, 28800}, 1)};
    return chart;
}

StepChart
CdfChart()
{
    StepChart chart;
    chart.title = "Time to crown jewel";
    chart.xTitle = "time";
    chart.yTitle = "runs";
    chart.xFormat = TickFormat::Hours;
    chart.xMax = 14400;
    chart.emptyNote = "(never reached)";
    chart.series = {{"flat", {3600, 7200}, {0.25, 0.5}}, {"microseg", {}, {}}};
    return chart;
}

GroupedBarChart
BlockedChart()
{
    GroupedBarChart chart;
    chart.title = "Blocked packets";
    chart.yTitle = "packets";
    chart.categories = {"dfw", "gateway", "perimeter"};
    chart.seriesLabels = {"flat", "microseg"};
    chart.values = {{0, 12345, 7}, {1234567, 40, 2.5}};
    return chart;
}

Heatmap
ReachHeatmap()
{
    Heatmap h;
    h.title = "Reachability";
    h.rows = {"desktops -> servers", "servers -> desktops", "desktops -> desktops"};
    h.columns = {"smb", "rdp", "ssh", "http"};
    h.levels = {{0, 1, 2, 3}, {2, 2, 0, 0}, {1, 0, 3, 2}};
    h.levelLabels = {"none", "partial", "full", "n/a"};
    h.levelColours = {"#f7f7f7", "#fdb863", "#b2182b", "#dddddd"};
    h.levelMarks = {"", "~", "\xE2\x97\x8F", "-"};
    return h;
}

/// Every chart, with data and without, for the checks all of them must pass.
std::vector<std::string>
AllCharts()
{
    BandChart emptyBand = InfectionChart();
    emptyBand.series.clear();
    StepChart emptySteps = CdfChart();
    emptySteps.series = {{"flat", {}, {}}};
    GroupedBarChart emptyBars = BlockedChart();
    emptyBars.categories.clear();
    emptyBars.values = {{}, {}};
    Heatmap emptyHeatmap = ReachHeatmap();
    emptyHeatmap.rows.clear();
    emptyHeatmap.levels.clear();
    GroupedBarChart logBars = BlockedChart();
    logBars.logScale = true;
    return {BandChartSvg(InfectionChart(), "no data"),
            StepChartSvg(CdfChart(), "no data"),
            GroupedBarChartSvg(BlockedChart(), "no data"),
            GroupedBarChartSvg(logBars, "no data"),
            HeatmapSvg(ReachHeatmap(), "no data"),
            BandChartSvg(emptyBand, "no data"),
            StepChartSvg(emptySteps, "no data"),
            GroupedBarChartSvg(emptyBars, "no data"),
            HeatmapSvg(emptyHeatmap, "no data")};
}

// --- the writer -------------------------------------------------------------------------------

TEST(SvgChartWriterTest, NumbersHaveAtMostTwoDecimalsAndNeverMinusZero)
{
    EXPECT_EQ(SvgNumber(12), "12");
    EXPECT_EQ(SvgNumber(3.5), "3.5");
    EXPECT_EQ(SvgNumber(0.25), "0.25");
    EXPECT_EQ(SvgNumber(1.239), "1.24");
    EXPECT_EQ(SvgNumber(-2.5), "-2.5");
    EXPECT_EQ(SvgNumber(-0.001), "0");
    EXPECT_EQ(SvgNumber(-0.0), "0");
    EXPECT_EQ(SvgNumber(1200), "1200");
    EXPECT_THROW(SvgNumber(std::nan("")), std::invalid_argument);
    EXPECT_THROW(SvgNumber(std::numeric_limits<double>::infinity()), std::invalid_argument);
}

TEST(SvgChartWriterTest, EscapesTextAndAttributes)
{
    EXPECT_EQ(XmlEscape("a<b & \"c\" 'd'>"), "a&lt;b &amp; &quot;c&quot; &apos;d&apos;&gt;");
    EXPECT_EQ(XmlEscape("\xE6\x97\xA5\xE6\x9C\xAC"), "\xE6\x97\xA5\xE6\x9C\xAC"); // 日本
    EXPECT_EQ(XmlEscape(std::string("a\x01z")), "a\xEF\xBF\xBDz");
    EXPECT_EQ(XmlEscape("a\tb\nc\rd"), "a\tb\nc\rd");
}

TEST(SvgChartWriterTest, EscapeReplacesWhatIsNotUtf8OrNotAnXmlCharacter)
{
    const std::string kReplacement = "\xEF\xBF\xBD"; // U+FFFD
    EXPECT_EQ(XmlEscape("caf\xC3\xA9 \xF0\x9F\x94\xA5"), "caf\xC3\xA9 \xF0\x9F\x94\xA5");
    EXPECT_EQ(XmlEscape("a\xFFz"), "a" + kReplacement + "z");
    EXPECT_EQ(XmlEscape("a\xC3"), "a" + kReplacement);                                // truncated
    EXPECT_EQ(XmlEscape("\xC3<"), kReplacement + "&lt;");                             // cut short
    EXPECT_EQ(XmlEscape("\xC0\xAF"), kReplacement + kReplacement);                    // overlong
    EXPECT_EQ(XmlEscape("\xED\xA0\x80"), kReplacement + kReplacement + kReplacement); // surrogate
    EXPECT_EQ(XmlEscape("\xEF\xBF\xBE\xEF\xBF\xBF"), kReplacement + kReplacement);    // U+FFFE/F
    EXPECT_EQ(XmlEscape(kReplacement), kReplacement);
    EXPECT_EQ(Utf8SequenceLength("\xE6\x97\xA5", 0), 3u);
    EXPECT_EQ(Utf8SequenceLength("\xE6\x97\xA5", 1), 0u);
    EXPECT_EQ(Utf8SequenceLength("\xF4\x90\x80\x80", 0), 0u); // past U+10FFFF
    SvgWriter w;
    w.Open("g", {{"class", "x\"y"}});
    w.Text("text", {{"x", "1"}}, "<&>");
    w.Close();
    EXPECT_EQ(w.Finish(), "<g class=\"x&quot;y\">\n<text x=\"1\">&lt;&amp;&gt;</text>\n</g>\n");
}

TEST(SvgChartWriterTest, RefusesUnbalancedElementsAndBadNames)
{
    SvgWriter w;
    w.Open("svg");
    EXPECT_THROW(w.Finish(), std::logic_error);
    w.Close();
    EXPECT_THROW(w.Close(), std::logic_error);
    EXPECT_THROW(w.Empty("a b", {}), std::logic_error);
    EXPECT_THROW(w.Empty("rect", {{"onload=x", "1"}}), std::logic_error);
}

TEST(SvgChartWriterTest, CjkCountsTwiceAsWideAsAscii)
{
    EXPECT_DOUBLE_EQ(EstimateTextWidth("ab", 10), 12);
    EXPECT_DOUBLE_EQ(EstimateTextWidth("\xE6\x97\xA5\xE6\x9C\xAC", 10), 24); // 日本
    EXPECT_DOUBLE_EQ(EstimateTextWidth("\xC3\xA9", 10), 6);                  // é
    // A wider em (bold) and every non-ASCII character counted wide (the estate diagram's).
    EXPECT_DOUBLE_EQ(EstimateTextWidth("ab", 10, 0.64), 12.8);
    EXPECT_DOUBLE_EQ(EstimateTextWidth("\xC3\xA9", 10, 0.6, WideCharacters::Multibyte), 12);
    EXPECT_DOUBLE_EQ(EstimateTextWidth("a\xE6\x97\xA5", 1, 1, WideCharacters::Multibyte), 3);
}

// --- properties of every chart ----------------------------------------------------------------

TEST(SvgChartTest, EveryChartIsWellFormedAndSelfContained)
{
    for (const std::string& svg : AllCharts())
    {
        Parsed p = Parse(svg);
        ASSERT_EQ(p.error, "") << svg;
        ASSERT_FALSE(p.elements.empty());
        const Element& root = p.elements[0];
        EXPECT_EQ(root.name, "svg");
        EXPECT_EQ(svg.rfind("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ", 0), 0u);
        EXPECT_EQ(root.Attr("width"), "100%");
        EXPECT_EQ(root.Attr("role"), "img");
        EXPECT_FALSE(root.Attr("aria-label").empty());
        EXPECT_EQ(p.elements[1].name, "title");
        EXPECT_EQ(p.elements[1].text, root.Attr("aria-label"));
        // Only the xmlns is a URL ("http" alone is a service the heatmap names).
        EXPECT_EQ(Occurrences(svg, "://"), 1u);
        EXPECT_EQ(Occurrences(svg, "http:"), 1u);
        EXPECT_EQ(Occurrences(svg, "www."), 1u);
        EXPECT_EQ(Occurrences(svg, "<script"), 0u);
        EXPECT_EQ(Occurrences(svg, "<image"), 0u);
        EXPECT_EQ(Occurrences(svg, "href"), 0u);
        EXPECT_EQ(Occurrences(svg, "url("), 0u);
        EXPECT_EQ(Occurrences(svg, "font-family"), 0u) << "the page's fonts decide";
        EXPECT_EQ(Occurrences(svg, "<?xml"), 0u);
        EXPECT_EQ(Occurrences(svg, "-0 "), 0u);
        EXPECT_EQ(Occurrences(svg, "\"-0\""), 0u);
        // No coordinate with more than two decimals.
        EXPECT_FALSE(std::regex_search(svg, std::regex("[0-9]\\.[0-9]{3}"))) << svg;
    }
}

TEST(SvgChartTest, SameInputGivesTheSameBytes)
{
    EXPECT_EQ(AllCharts(), AllCharts());
}

TEST(SvgChartTest, EscapesLabelsAndTitles)
{
    BandChart chart = InfectionChart();
    chart.title = "a <b> & \"c\"";
    chart.series[0].label = "<&\"";
    std::string svg = BandChartSvg(chart, "none");
    EXPECT_EQ(Parse(svg).error, "");
    EXPECT_EQ(Occurrences(svg, "<&"), 0u);
    EXPECT_EQ(Occurrences(svg, "<b>"), 0u);
    EXPECT_NE(svg.find("&lt;&amp;&quot;"), std::string::npos);
    EXPECT_NE(svg.find("aria-label=\"a &lt;b&gt; &amp; &quot;c&quot;\""), std::string::npos);

    Heatmap h = ReachHeatmap();
    h.rows[0] = "a<&\"b";
    h.columns[0] = "<&\">";
    std::string heat = HeatmapSvg(h, "<none>");
    EXPECT_EQ(Parse(heat).error, "");
    EXPECT_NE(heat.find("a&lt;&amp;&quot;b"), std::string::npos);
}

TEST(SvgChartTest, CjkLabelsWidenTheLegend)
{
    BandChart ascii = InfectionChart();
    ascii.series[0].label = "abcd";
    BandChart cjk = ascii;
    cjk.series[0].label = "\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E\xE3\x81\xA7"; // 日本語で
    auto secondSwatchX = [](const std::string& svg)
    { return std::stod(Find(svg, "line", "legend").at(1).Attr("x1")); };
    double asciiX = secondSwatchX(BandChartSvg(ascii, ""));
    double cjkX = secondSwatchX(BandChartSvg(cjk, ""));
    // Four CJK characters are four ASCII characters wider than four ASCII ones.
    EXPECT_NEAR(cjkX - asciiX, EstimateTextWidth("abcd", kFontSizeForTests), 0.01);
}

TEST(SvgChartTest, LongLegendsWrapBelowThePlotInsideTheCanvas)
{
    BandChart chart = InfectionChart();
    chart.series.clear();
    for (int s = 0; s < 8; ++s)
    {
        chart.series.push_back(
            Band("posture number " + std::to_string(s) + " with host firewall", {0, 3600}, s + 1));
    }
    std::string svg = BandChartSvg(chart, "");
    double width = ViewBox(svg).first;
    double height = ViewBox(svg).second;
    double plotBottom = 0;
    for (const Element& line : Find(svg, "line", "axes"))
    {
        plotBottom = std::max(plotBottom, std::stod(line.Attr("y1")));
    }
    std::set<std::string> rows;
    for (const Element& text : Find(svg, "text", "legend"))
    {
        double x = std::stod(text.Attr("x"));
        double y = std::stod(text.Attr("y"));
        EXPECT_LE(x + EstimateTextWidth(text.text, kFontSizeForTests), width) << text.text;
        EXPECT_GT(y, plotBottom + 30) << "below the x tick labels and title";
        EXPECT_LT(y, height);
        rows.insert(text.Attr("y"));
    }
    EXPECT_GE(rows.size(), 3u);
}

// --- axes -------------------------------------------------------------------------------------

TEST(SvgChartAxesTest, HoursTickAtWholeHoursOverEightHours)
{
    std::string svg = BandChartSvg(InfectionChart(), "");
    EXPECT_EQ(TextsMatching(svg, "[0-9]+[hms]"),
              (std::vector<std::string>{"0h", "2h", "4h", "6h", "8h"}));
}

TEST(SvgChartAxesTest, HoursTickInMinutesUnderTwoHours)
{
    BandChart chart = InfectionChart();
    chart.series = {Band("flat", {0, 600, 1200, 1800}, 5)};
    std::string svg = BandChartSvg(chart, "");
    EXPECT_EQ(TextsMatching(svg, "[0-9]+[hms]"),
              (std::vector<std::string>{"0m", "5m", "10m", "15m", "20m", "25m", "30m"}));
}

TEST(SvgChartAxesTest, PercentTicksInQuarters)
{
    std::string svg = StepChartSvg(CdfChart(), "");
    EXPECT_EQ(TextsMatching(svg, "[0-9]+%"),
              (std::vector<std::string>{"0%", "25%", "50%", "75%", "100%"}));
    EXPECT_EQ(TextsMatching(svg, "[0-9]+h"),
              (std::vector<std::string>{"0h", "1h", "2h", "3h", "4h"}));
}

TEST(SvgChartAxesTest, CountAxisStartsAtZeroAndEndsOnANiceTick)
{
    BandChart chart = InfectionChart();
    chart.xFormat = TickFormat::Number;
    chart.series = {{"flat", {0, 10, 20}, {5, 20, 30}, {5, 10, 20}, {5, 30, 45}}};
    std::string svg = BandChartSvg(chart, "");
    // x: 0..20 in steps of 5 (step 2 would give 11 ticks); y: 0..45 rounded up to 50.
    EXPECT_EQ(
        TextsMatching(svg, "[0-9,.]+"),
        (std::vector<std::string>{"0", "10", "20", "30", "40", "50", "0", "5", "10", "15", "20"}));
}

TEST(SvgChartAxesTest, SmallRangesKeepOneDecimalPlaceOnEveryTick)
{
    BandChart chart = InfectionChart();
    chart.xFormat = TickFormat::Number;
    chart.series = {{"flat", {0, 1}, {0.5, 0.9}, {0.5, 0.8}, {0.5, 1}}};
    std::string svg = BandChartSvg(chart, "");
    EXPECT_EQ(TextsMatching(svg, "[0-9,.]+"),
              (std::vector<std::string>{"0.0", "0.2", "0.4", "0.6", "0.8", "1.0", "0.0", "0.2",
                                        "0.4", "0.6", "0.8", "1.0"}));
}

TEST(SvgChartAxesTest, LargeCountsGetThousandsSeparators)
{
    BandChart chart = InfectionChart();
    chart.series = {{"flat", {0, 28800}, {0, 9000}, {0, 8000}, {0, 10000}}};
    std::string svg = BandChartSvg(chart, "");
    EXPECT_TRUE(Contains(Texts(svg), "10,000"));
}

TEST(SvgChartAxesTest, HugeAndTinyRangesStillGetAFewTicks)
{
    for (double top : {1e-7, 0.003, 7.0, 1e6, 3e12, 1e30})
    {
        BandChart chart = InfectionChart();
        chart.xFormat = TickFormat::Number;
        chart.series = {{"flat", {0, top}, {0, top}, {0, top}, {0, top}}};
        std::string svg = BandChartSvg(chart, "");
        std::size_t ticks = Find(svg, "line", "grid").size();
        EXPECT_GE(ticks, 2 * 3u) << top;
        EXPECT_LE(ticks, 2 * 8u) << top;
    }
}

// --- band chart -------------------------------------------------------------------------------

TEST(SvgChartBandTest, TwoSeriesGiveTwoBandsUnderTwoMedians)
{
    std::string svg = BandChartSvg(InfectionChart(), "");
    auto bands = Find(svg, "polygon");
    auto medians = Find(svg, "polyline");
    ASSERT_EQ(bands.size(), 2u);
    ASSERT_EQ(medians.size(), 2u);
    for (std::size_t s = 0; s < 2; ++s)
    {
        EXPECT_EQ(bands[s].Attr("fill"), SeriesColour(s));
        EXPECT_EQ(bands[s].Attr("fill-opacity"), "0.18");
        EXPECT_EQ(medians[s].Attr("stroke"), SeriesColour(s));
        EXPECT_EQ(medians[s].Attr("stroke-width"), "2");
        EXPECT_EQ(medians[s].Attr("fill"), "none");
    }
    // Each series keeps its own x: 5 and 3 median points, twice as many band corners.
    EXPECT_EQ(Occurrences(medians[0].Attr("points"), ","), 5u);
    EXPECT_EQ(Occurrences(medians[1].Attr("points"), ","), 3u);
    EXPECT_EQ(Occurrences(bands[0].Attr("points"), ","), 10u);
    EXPECT_EQ(Occurrences(bands[1].Attr("points"), ","), 6u);
    // Every band before the first median, so that no band covers a line.
    EXPECT_LT(svg.rfind("<polygon"), svg.find("<polyline"));
    auto legend = Texts(svg, "legend");
    EXPECT_EQ(legend, (std::vector<std::string>{"flat", "microseg"}));
}

TEST(SvgChartBandTest, MismatchedVectorsAndNonFiniteValuesThrow)
{
    BandChart chart = InfectionChart();
    chart.series[1].median.pop_back();
    EXPECT_THROW(BandChartSvg(chart, ""), std::invalid_argument);
    chart = InfectionChart();
    chart.series[0].low.push_back(1);
    EXPECT_THROW(BandChartSvg(chart, ""), std::invalid_argument);
    chart = InfectionChart();
    chart.series[0].high.clear();
    EXPECT_THROW(BandChartSvg(chart, ""), std::invalid_argument);
    chart = InfectionChart();
    chart.series[0].median[2] = std::nan("");
    EXPECT_THROW(BandChartSvg(chart, ""), std::invalid_argument);
    chart = InfectionChart();
    chart.series[0].x[4] = std::numeric_limits<double>::infinity();
    EXPECT_THROW(BandChartSvg(chart, ""), std::invalid_argument);
    chart = InfectionChart();
    std::swap(chart.series[0].x[0], chart.series[0].x[1]);
    EXPECT_THROW(BandChartSvg(chart, ""), std::invalid_argument);
}

TEST(SvgChartBandTest, NoSeriesOrOnlyEmptyOnesDrawNoData)
{
    BandChart chart = InfectionChart();
    chart.series.clear();
    std::string none = BandChartSvg(chart, "nothing yet");
    EXPECT_TRUE(Contains(Texts(none), "nothing yet"));
    EXPECT_TRUE(Find(none, "polyline").empty());
    chart.series = {{"flat", {}, {}, {}, {}}};
    std::string empty = BandChartSvg(chart, "nothing yet");
    EXPECT_TRUE(Contains(Texts(empty), "nothing yet"));
    EXPECT_TRUE(Contains(Texts(empty, "legend"), "flat"));
}

TEST(SvgChartBandTest, CategoriesLabelTheXAxisInOrderAndMarkEveryPoint)
{
    BandChart chart;
    chart.title = "by delay";
    chart.yFormat = TickFormat::Percent;
    chart.yMax = 1;
    chart.xCategories = {"30s", "5m", "1h"};
    chart.series = {{"microseg", {0, 1, 2}, {0.5, 0.25, 0}, {0.2, 0.1, 0}, {0.8, 0.6, 0.3}}};
    std::string svg = BandChartSvg(chart, "");
    std::vector<std::string> axes = Texts(svg, "axes");
    EXPECT_EQ(std::vector<std::string>(axes.end() - 3, axes.end()),
              (std::vector<std::string>{"30s", "5m", "1h"}));
    EXPECT_TRUE(Contains(axes, "100%")) << "yMax takes the axis to 100 % over shares of 80 %";
    EXPECT_EQ(Find(svg, "circle", "medians").size(), 3u);
    EXPECT_EQ(Find(svg, "polygon", "bands").size(), 1u);
    // The categories are evenly spaced, half a step in from each end of the plot.
    auto ticks = Find(svg, "line", "grid");
    ASSERT_GE(ticks.size(), 3u);
    std::vector<double> x;
    for (auto it = ticks.end() - 3; it != ticks.end(); ++it)
    {
        x.push_back(std::stod(it->Attr("x1")));
    }
    EXPECT_NEAR(x[1] - x[0], x[2] - x[1], 0.02);
    chart.series[0].x = {0, 1, 3};
    EXPECT_THROW(BandChartSvg(chart, ""), std::invalid_argument);
}

TEST(SvgChartBandTest, StyleKeepsASeriesColourOnChartsThatLeaveSomeOut)
{
    BandChart chart = InfectionChart();
    chart.series[1].style = 4;
    std::string svg = BandChartSvg(chart, "");
    auto medians = Find(svg, "polyline");
    ASSERT_EQ(medians.size(), 2u);
    EXPECT_EQ(medians[1].Attr("stroke"), SeriesColour(4));
    EXPECT_EQ(medians[1].Attr("stroke-dasharray"), SeriesDash(4));
    StepChart cdf = CdfChart();
    cdf.series[0].style = 6;
    EXPECT_EQ(Find(StepChartSvg(cdf, ""), "path", "steps").at(0).Attr("stroke"), SeriesColour(6));
}

TEST(SvgChartBandTest, ManyBandsArePalerSoThatTheirStackStaysReadable)
{
    BandChart chart = InfectionChart();
    while (chart.series.size() < 8)
    {
        chart.series.push_back(chart.series[0]);
    }
    for (const auto& band : Find(BandChartSvg(chart, ""), "polygon", "bands"))
    {
        EXPECT_EQ(band.Attr("fill-opacity"), "0.09"); // 0.18 x 4 / 8
    }
}

TEST(SvgChartTest, SeriesPastThePaletteDifferFromTheFirstOnes)
{
    // Ten postures: series 8 and 9 take the first two colours again, but neither their dash
    // (lines) nor their fill (bars: pale, in a rim of the colour) is that of series 0 and 1.
    for (std::size_t s = 8; s < 16; ++s)
    {
        EXPECT_EQ(SeriesColour(s), SeriesColour(s - 8));
        EXPECT_NE(SeriesDash(s), SeriesDash(s - 8)) << s;
    }
    GroupedBarChart chart = BlockedChart();
    chart.seriesLabels.clear();
    chart.values.clear();
    for (int s = 0; s < 9; ++s)
    {
        chart.seriesLabels.push_back("p" + std::to_string(s));
        chart.values.push_back({1, 2, 3});
    }
    std::string svg = GroupedBarChartSvg(chart, "");
    auto bars = Find(svg, "rect", "bars");
    ASSERT_EQ(bars.size(), 27u);
    EXPECT_EQ(bars[0].Attr("fill-opacity"), "");
    EXPECT_EQ(bars[8].Attr("fill"), bars[0].Attr("fill"));
    EXPECT_EQ(bars[8].Attr("fill-opacity"), "0.35");
    EXPECT_EQ(bars[8].Attr("stroke"), SeriesColour(8));
    auto swatches = Find(svg, "rect", "legend");
    ASSERT_EQ(swatches.size(), 9u);
    EXPECT_EQ(swatches[8].Attr("fill-opacity"), "0.35");
}

TEST(SvgChartTest, ATitleTooWideForTheCanvasIsSetSmaller)
{
    BandChart chart = InfectionChart();
    std::string normal = BandChartSvg(chart, "");
    EXPECT_NE(normal.find("font-size=\"15\" fill=\"#222222\" font-weight=\"bold\""),
              std::string::npos);
    chart.title = std::string(150, 'W');
    std::string wide = BandChartSvg(chart, "");
    EXPECT_EQ(wide.find("font-size=\"15\" fill=\"#222222\" font-weight=\"bold\""),
              std::string::npos);
    EXPECT_NE(wide.find("font-size=\"10\" fill=\"#222222\" font-weight=\"bold\""),
              std::string::npos);
}

// --- step chart -------------------------------------------------------------------------------

TEST(SvgChartStepTest, PathRisesAtEachStepAndHoldsToTheRightEdge)
{
    // Plot: x from 48.8 ("100%" is the widest y label: 12 + 28.8 + 8) to 692 over 0..4 h,
    // so 160.8 a hour; y from 316 (0%) up to 56 (100%), 2.6 a percent.
    std::string svg = StepChartSvg(CdfChart(), "");
    auto paths = Find(svg, "path", "steps");
    ASSERT_EQ(paths.size(), 1u);
    EXPECT_EQ(paths[0].Attr("d"), "M209.6 316 V251 H370.4 V186 H692");
    EXPECT_EQ(paths[0].Attr("stroke"), SeriesColour(0));
    EXPECT_EQ(paths[0].Attr("fill"), "none");
}

TEST(SvgChartStepTest, SeriesWithoutPointsIsALegendEntryWithTheNote)
{
    std::string svg = StepChartSvg(CdfChart(), "");
    EXPECT_EQ(Texts(svg, "legend"), (std::vector<std::string>{"flat", "microseg (never reached)"}));
    EXPECT_EQ(Find(svg, "line", "legend").at(1).Attr("stroke"), SeriesColour(1));
}

TEST(SvgChartStepTest, AllSeriesEmptyDrawsNoDataAndTheLegend)
{
    StepChart chart = CdfChart();
    chart.series[0] = {"flat", {}, {}};
    std::string svg = StepChartSvg(chart, "no run reached it");
    EXPECT_TRUE(Contains(Texts(svg), "no run reached it"));
    EXPECT_TRUE(Find(svg, "path").empty());
    EXPECT_EQ(Texts(svg, "legend"),
              (std::vector<std::string>{"flat (never reached)", "microseg (never reached)"}));
}

TEST(SvgChartStepTest, MismatchedVectorsAndNonFiniteValuesThrow)
{
    StepChart chart = CdfChart();
    chart.series[0].y.push_back(1);
    EXPECT_THROW(StepChartSvg(chart, ""), std::invalid_argument);
    chart = CdfChart();
    chart.series[0].y[0] = std::nan("");
    EXPECT_THROW(StepChartSvg(chart, ""), std::invalid_argument);
    chart = CdfChart();
    chart.xMax = std::numeric_limits<double>::infinity();
    EXPECT_THROW(StepChartSvg(chart, ""), std::invalid_argument);
}

// --- grouped bars -----------------------------------------------------------------------------

TEST(SvgChartBarsTest, BarsAreLabelledWithTheirValues)
{
    std::string svg = GroupedBarChartSvg(BlockedChart(), "");
    auto labels = Texts(svg, "bars");
    // Per category, one label per series, then the category's name.
    EXPECT_EQ(labels, (std::vector<std::string>{"0", "1.2M", "dfw", "12,345", "40", "gateway", "7",
                                                "2.5", "perimeter"}));
    auto bars = Find(svg, "rect", "bars");
    ASSERT_EQ(bars.size(), 6u);
    EXPECT_EQ(bars[0].Attr("height"), "1.5") << "a zero is a thin mark on the baseline";
    EXPECT_EQ(bars[0].Attr("fill"), SeriesColour(0));
    EXPECT_EQ(bars[1].Attr("fill"), SeriesColour(1));
    EXPECT_EQ(Texts(svg, "legend"), (std::vector<std::string>{"flat", "microseg"}));
}

TEST(SvgChartBarsTest, LargeValuesUseSuffixes)
{
    GroupedBarChart chart = BlockedChart();
    chart.categories = {"a", "b", "c"};
    chart.seriesLabels = {"x"};
    chart.values = {{99999, 123456, 999960}};
    auto labels = Texts(GroupedBarChartSvg(chart, ""), "bars");
    EXPECT_EQ(labels, (std::vector<std::string>{"99,999", "a", "123.5k", "b", "1M", "c"}));
}

TEST(SvgChartBarsTest, LogScaleTicksAtDecadesAndHeightsByLogOfOnePlusValue)
{
    GroupedBarChart chart = BlockedChart();
    chart.logScale = true;
    chart.values = {{9, 99, 0}, {999, 12345, 1}};
    std::string svg = GroupedBarChartSvg(chart, "");
    EXPECT_EQ(Texts(svg, "axes"), (std::vector<std::string>{"0", "1", "10", "100", "1,000",
                                                            "10,000", "100k", "packets"}));
    auto bars = Find(svg, "rect", "bars");
    ASSERT_EQ(bars.size(), 6u);
    // log10(1 + 9) = 1 and log10(1 + 99) = 2: the second bar is twice the first.
    double nine = std::stod(bars[0].Attr("height"));
    double ninetyNine = std::stod(bars[2].Attr("height"));
    EXPECT_NEAR(ninetyNine / nine, 2.0, 0.01);
}

TEST(SvgChartBarsTest, MismatchedOrInvalidValuesThrow)
{
    GroupedBarChart chart = BlockedChart();
    chart.values.pop_back();
    EXPECT_THROW(GroupedBarChartSvg(chart, ""), std::invalid_argument);
    chart = BlockedChart();
    chart.values[1].pop_back();
    EXPECT_THROW(GroupedBarChartSvg(chart, ""), std::invalid_argument);
    chart = BlockedChart();
    chart.values[0][1] = std::nan("");
    EXPECT_THROW(GroupedBarChartSvg(chart, ""), std::invalid_argument);
    chart = BlockedChart();
    chart.values[0][1] = -1;
    EXPECT_THROW(GroupedBarChartSvg(chart, ""), std::invalid_argument);
}

TEST(SvgChartBarsTest, NoCategoriesDrawsNoData)
{
    GroupedBarChart chart = BlockedChart();
    chart.categories.clear();
    chart.values = {{}, {}};
    std::string svg = GroupedBarChartSvg(chart, "nothing blocked");
    EXPECT_TRUE(Contains(Texts(svg), "nothing blocked"));
    EXPECT_TRUE(Find(svg, "rect", "bars").empty());
}

// --- heatmap ----------------------------------------------------------------------------------

TEST(SvgChartHeatmapTest, OneCellPerRowAndColumnFilledByLevel)
{
    Heatmap h = ReachHeatmap();
    std::string svg = HeatmapSvg(h, "");
    auto cells = Find(svg, "rect", "cells");
    ASSERT_EQ(cells.size(), h.rows.size() * h.columns.size());
    for (std::size_t r = 0; r < h.rows.size(); ++r)
    {
        for (std::size_t c = 0; c < h.columns.size(); ++c)
        {
            EXPECT_EQ(cells[r * h.columns.size() + c].Attr("fill"), h.levelColours[h.levels[r][c]]);
        }
    }
    // Marks only for levels that have one ("none" has none): 12 cells minus the 4 "none".
    auto marks = Find(svg, "text", "marks");
    EXPECT_EQ(marks.size(), 8u);
    EXPECT_EQ(marks[0].text, "~");
    EXPECT_EQ(marks[0].Attr("text-anchor"), "middle");
    // The legend: each level's swatch (with its mark, if any) and label.
    EXPECT_EQ(Texts(svg, "legend"), (std::vector<std::string>{"none", "~", "partial",
                                                              "\xE2\x97\x8F", "full", "-", "n/a"}));
    // Row labels right-aligned against the grid.
    auto labels = Find(svg, "text", "labels");
    EXPECT_EQ(labels.back().text, "desktops -&gt; desktops");
    EXPECT_EQ(labels.back().Attr("text-anchor"), "end");
}

TEST(SvgChartHeatmapTest, LongColumnLabelsAreSlantedShortOnesAreNot)
{
    Heatmap h = ReachHeatmap();
    h.columns = {"ab", "cd", "ef", "gh"};
    for (const Element& e : Find(HeatmapSvg(h, ""), "text", "labels"))
    {
        EXPECT_EQ(e.Attr("transform"), "");
    }
    h.columns[2] = "microsoft-ds";
    std::size_t slanted = 0;
    for (const Element& e : Find(HeatmapSvg(h, ""), "text", "labels"))
    {
        slanted += e.Attr("transform").find("rotate(-45 ") == 0 ? 1 : 0;
    }
    EXPECT_EQ(slanted, h.columns.size());
}

TEST(SvgChartHeatmapTest, CanvasGrowsWithColumnsAndRows)
{
    Heatmap h = ReachHeatmap();
    auto [width, height] = ViewBox(HeatmapSvg(h, ""));
    Heatmap tall = h;
    tall.rows.assign(30, "r");
    tall.levels.assign(30, {0, 1, 2, 3});
    EXPECT_EQ(ViewBox(HeatmapSvg(tall, "")).second - height, 27 * 22.0);
    Heatmap wide = h;
    wide.columns.assign(40, "http");
    wide.levels.assign(3, std::vector<std::size_t>(40, 2));
    double wideWidth = ViewBox(HeatmapSvg(wide, "")).first;
    EXPECT_GT(wideWidth, width);
    EXPECT_GE(wideWidth, 40 * 22.0);
}

TEST(SvgChartHeatmapTest, MismatchedLevelsAndUnknownLevelsThrow)
{
    Heatmap h = ReachHeatmap();
    h.levels.pop_back();
    EXPECT_THROW(HeatmapSvg(h, ""), std::invalid_argument);
    h = ReachHeatmap();
    h.levels[1].push_back(0);
    EXPECT_THROW(HeatmapSvg(h, ""), std::invalid_argument);
    h = ReachHeatmap();
    h.levels[2][1] = 4;
    EXPECT_THROW(HeatmapSvg(h, ""), std::invalid_argument);
    h = ReachHeatmap();
    h.levelLabels.pop_back();
    EXPECT_THROW(HeatmapSvg(h, ""), std::invalid_argument);
    h = ReachHeatmap();
    h.levelColours[0] = "url(http://example.com/x)";
    EXPECT_THROW(HeatmapSvg(h, ""), std::invalid_argument);
}

TEST(SvgChartHeatmapTest, NoRowsDrawsNoDataAndTheLevels)
{
    Heatmap h = ReachHeatmap();
    h.rows.clear();
    h.levels.clear();
    std::string svg = HeatmapSvg(h, "no pairs");
    EXPECT_TRUE(Contains(Texts(svg), "no pairs"));
    EXPECT_TRUE(Find(svg, "rect", "cells").empty());
    EXPECT_TRUE(Contains(Texts(svg, "legend"), "full"));
}

} // namespace
