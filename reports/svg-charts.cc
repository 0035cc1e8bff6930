// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#include "svg-charts.h"

#include "number-format.h"
#include "svg-writer.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <limits>
#include <stdexcept>

namespace segproof
{
namespace reports
{

namespace
{

// Layout in user units. 720 wide at width="100%" is about 1.3 units per CSS pixel on an A4
// page's text column, so the 12-unit labels print at the size of body text.
constexpr double kWidth = 720;
constexpr double kPad = 12;
constexpr double kTitleSize = 15;
constexpr double kFontSize = 12;
constexpr double kSmallSize = 10;
constexpr double kTitleBaseline = 22;
constexpr double kPlotHeight = 260;
constexpr double kLegendRow = 20;
constexpr double kLegendGap = 18;  ///< between two entries on a row
constexpr double kLineSwatch = 24; ///< length of a legend's line sample
constexpr double kBoxSwatch = 12;  ///< side of a legend's box sample
constexpr double kCell = 22;       ///< side of a heatmap cell
constexpr double kSin45 = 0.7072;  ///< rounded up: rotated text must fit, not nearly fit
constexpr std::size_t kMaxTicks = 8;
constexpr double kBandOpacity = 0.18;
constexpr double kTintOpacity = 0.35; ///< bars of the palette's second round: pale, rimmed

const char* const kTextColour = "#222222";
const char* const kMutedColour = "#666666";
const char* const kAxisColour = "#555555";
const char* const kGridColour = "#e2e2e2";

/// Okabe & Ito's palette, reordered so that the first series get the darker, more distinct
/// colours; yellow, faint on white, comes last.
constexpr std::array<const char*, 8> kPalette = {"#0072b2", "#d55e00", "#009e73", "#cc79a7",
                                                 "#e69f00", "#56b4e9", "#000000", "#f0e442"};

/// A dash pattern per series, so that lines stay apart in greyscale print.
constexpr std::array<const char*, 8> kDashes = {"",    "8 4", "2 3",      "10 3 2 3",
                                                "5 5", "1 3", "12 4 2 4", "6 2"};

// --- validation -------------------------------------------------------------------------------

void
RequireFinite(const std::vector<double>& values, const std::string& what)
{
    for (double v : values)
    {
        if (!std::isfinite(v))
        {
            throw std::invalid_argument(what + ": NaN or infinite value");
        }
    }
}

void
RequireFinite(double value, const std::string& what)
{
    if (!std::isfinite(value))
    {
        throw std::invalid_argument(what + ": NaN or infinite value");
    }
}

void
RequireSize(std::size_t size, std::size_t expected, const std::string& what)
{
    if (size != expected)
    {
        throw std::invalid_argument(what + ": " + std::to_string(size) + " values where " +
                                    std::to_string(expected) + " expected");
    }
}

void
RequireAscending(const std::vector<double>& x, const std::string& what)
{
    if (!std::is_sorted(x.begin(), x.end()))
    {
        throw std::invalid_argument(what + ": x not ascending");
    }
}

/// "#rgb" or "#rrggbb": anything else (a url(), a name) could reach outside the chart.
void
RequireColour(const std::string& colour, const std::string& what)
{
    bool ok = (colour.size() == 7 || colour.size() == 4) && colour[0] == '#';
    for (std::size_t i = 1; ok && i < colour.size(); ++i)
    {
        ok = std::isxdigit(static_cast<unsigned char>(colour[i])) != 0;
    }
    if (!ok)
    {
        throw std::invalid_argument(what + ": colour '" + colour + "' is not #rrggbb");
    }
}

// --- numbers as text --------------------------------------------------------------------------

/// Locale-independent fixed-point text, never "-0".
std::string
Fixed(double value, int decimals)
{
    std::string text = FormatFixed(value, decimals);
    if (text[0] == '-' && text.find_first_not_of("-0.") == std::string::npos)
    {
        text.erase(0, 1);
    }
    return text;
}

/// Fixed() with trailing zeros (and a bare point) removed.
std::string
FixedTrimmed(double value, int decimals)
{
    std::string text = Fixed(value, decimals);
    if (text.find('.') != std::string::npos)
    {
        while (text.back() == '0')
        {
            text.pop_back();
        }
        if (text.back() == '.')
        {
            text.pop_back();
        }
    }
    return text;
}

/// Thousands separators in the integer part: "12345.5" -> "12,345.5".
std::string
Grouped(const std::string& number)
{
    std::size_t begin = number[0] == '-' ? 1 : 0;
    std::size_t end = std::min(number.find('.'), number.size());
    std::string out = number.substr(0, begin);
    for (std::size_t i = begin; i < end; ++i)
    {
        if (i > begin && (end - i) % 3 == 0)
        {
            out += ',';
        }
        out += number[i];
    }
    return out + number.substr(end);
}

/// A bar's value: "0", "37", "2.5", "12,345" below 100,000, then "123.5k", "1.2M", "3.4G".
std::string
CountLabel(double value)
{
    if (std::fabs(value) < 1e5)
    {
        return Grouped(FixedTrimmed(value, 2));
    }
    static const std::array<std::pair<double, const char*>, 3> kUnits = {
        {{1e3, "k"}, {1e6, "M"}, {1e9, "G"}}};
    std::size_t unit = 0;
    while (unit + 1 < kUnits.size() && std::fabs(value) >= kUnits[unit + 1].first)
    {
        ++unit;
    }
    std::string text = FixedTrimmed(value / kUnits[unit].first, 1);
    if (unit + 1 < kUnits.size() && (text == "1000" || text == "-1000"))
    {
        ++unit; // 999,960 is "1M", not "1000k"
        text = FixedTrimmed(value / kUnits[unit].first, 1);
    }
    return Grouped(text) + kUnits[unit].second;
}

// --- axes -------------------------------------------------------------------------------------

/// An axis: its domain, and where its ticks go (in the domain's units) with their labels.
struct Axis
{
    double lo = 0;
    double hi = 1;
    std::vector<double> ticks;
    std::vector<std::string> labels;
};

/// Steps m x 10^k for m in `mantissas` and k in [lowExp, highExp], ascending.
std::vector<double>
Decades(std::initializer_list<double> mantissas, int lowExp, int highExp)
{
    std::vector<double> steps;
    for (int k = lowExp; k <= highExp; ++k)
    {
        for (double m : mantissas)
        {
            steps.push_back(m * std::pow(10.0, k));
        }
    }
    return steps;
}

/// How a tick format counts: the size of its display unit in data units, the label's suffix,
/// and the tick steps it allows (in display units, ascending).
struct TickUnit
{
    double size;
    const char* suffix;
    std::vector<double> steps;
};

TickUnit
UnitFor(TickFormat format, double range)
{
    switch (format)
    {
    case TickFormat::Hours:
        if (range >= 2 * 3600.0)
        {
            // Whole hours, in the divisions of a day, then whole days.
            std::vector<double> steps = {1, 2, 3, 4, 6, 12};
            for (double d : Decades({1, 2, 5}, 0, 8))
            {
                steps.push_back(24 * d);
            }
            return {3600, "h", steps};
        }
        if (range >= 2 * 60.0)
        {
            return {60, "m", {1, 2, 5, 10, 15, 20, 30, 60}};
        }
        {
            std::vector<double> steps = Decades({1, 2, 5}, -2, 0);
            steps.insert(steps.end(), {10, 15, 20, 30, 60});
            return {1, "s", steps};
        }
    case TickFormat::Percent:
    {
        std::vector<double> steps = Decades({1, 2, 5}, -2, -1);
        steps.insert(steps.end(), {1, 2, 5, 10, 25, 50});
        for (double d : Decades({1, 2, 5}, 2, 8))
        {
            steps.push_back(d);
        }
        return {0.01, "%", steps};
    }
    case TickFormat::Number:
        break;
    }
    int exponent = static_cast<int>(std::floor(std::log10(range)));
    return {1, "", Decades({1, 2, 5}, exponent - 2, exponent + 1)};
}

/// Decimals needed to print multiples of `step` exactly (0.25 -> 2, 5 -> 0).
int
DecimalsOf(double step)
{
    for (int d = 0; d < 8; ++d)
    {
        double scaled = step * std::pow(10.0, d);
        if (std::fabs(scaled - std::round(scaled)) < 1e-6 * std::max(1.0, scaled))
        {
            return d;
        }
    }
    return 8;
}

/// A linear axis over [lo, hi] with the smallest "nice" step that gives at most eight ticks.
/// `extend` widens the domain to whole steps (a count axis ending on a labelled tick);
/// otherwise the domain is kept and only the ticks inside it are drawn.
Axis
LinearAxis(double lo, double hi, TickFormat format, bool extend)
{
    if (!(hi > lo))
    {
        hi = lo + (format == TickFormat::Percent ? 1.0 : format == TickFormat::Hours ? 3600 : 1);
    }
    if (!std::isfinite(hi - lo))
    {
        throw std::invalid_argument("chart: data range too large to draw");
    }
    TickUnit unit = UnitFor(format, hi - lo);
    constexpr double kEps = 1e-9;
    double step = unit.steps.back();
    double first = 0;
    double last = 0;
    for (double candidate : unit.steps)
    {
        double base = candidate * unit.size;
        first = extend ? std::floor(lo / base + kEps) : std::ceil(lo / base - kEps);
        last = extend ? std::ceil(hi / base - kEps) : std::floor(hi / base + kEps);
        step = candidate;
        if (last - first + 1 <= static_cast<double>(kMaxTicks))
        {
            break;
        }
    }
    if (last - first + 1 > static_cast<double>(kMaxTicks))
    {
        // Past the unit's steps (centuries in hours): a power of ten that surely fits.
        step = std::pow(10.0, std::ceil(std::log10((hi - lo) / unit.size / 4)));
        double base = step * unit.size;
        first = extend ? std::floor(lo / base + kEps) : std::ceil(lo / base - kEps);
        last = extend ? std::ceil(hi / base - kEps) : std::floor(hi / base + kEps);
    }
    Axis axis;
    double base = step * unit.size;
    axis.lo = extend ? first * base : lo;
    axis.hi = extend ? last * base : hi;
    int decimals = DecimalsOf(step);
    for (double i = first; i <= last; ++i)
    {
        axis.ticks.push_back(i * base);
        axis.labels.push_back(Grouped(Fixed(i * step, decimals)) + unit.suffix);
    }
    return axis;
}

/// A log axis for counts >= 0 spanning decades: the domain is log10(1 + value), from 0 to the
/// decade at or above `maxValue`, ticked at 1, 10, 100... (every other decade past eight).
Axis
LogAxis(double maxValue)
{
    int decades = 1;
    while (std::pow(10.0, decades) < maxValue)
    {
        ++decades;
    }
    int stride = (decades + static_cast<int>(kMaxTicks) - 1) / static_cast<int>(kMaxTicks);
    Axis axis;
    axis.lo = 0;
    axis.hi = std::log10(1 + std::pow(10.0, decades));
    // The baseline's "0" only when it stands clear of the "1" just above it (0.3 decade).
    if (std::log10(2.0) / axis.hi * kPlotHeight >= kFontSize * 1.2)
    {
        axis.ticks.push_back(0);
        axis.labels.push_back("0");
    }
    for (int k = 0; k <= decades; k += stride)
    {
        axis.ticks.push_back(std::log10(1 + std::pow(10.0, k)));
        axis.labels.push_back(CountLabel(std::pow(10.0, k)));
    }
    return axis;
}

/// Maps an axis domain onto a span of the drawing (reversed for y: the top is `to`).
struct Scale
{
    double lo;
    double hi;
    double from;
    double to;

    double operator()(double v) const { return from + (v - lo) / (hi - lo) * (to - from); }
};

double
MaxWidth(const std::vector<std::string>& texts, double fontSize)
{
    double width = 0;
    for (const std::string& t : texts)
    {
        width = std::max(width, EstimateTextWidth(t, fontSize));
    }
    return width;
}

// --- drawing helpers --------------------------------------------------------------------------

std::string
N(double value)
{
    return SvgNumber(value);
}

/// Text at (x, y) in the house colour; `anchor` is "start", "middle" or "end".
void
Label(SvgWriter& w, double x, double y, const std::string& text, double size = kFontSize,
      const char* anchor = "start", SvgAttributes extra = {})
{
    SvgAttributes a = {{"x", N(x)}, {"y", N(y)}, {"font-size", N(size)}, {"fill", kTextColour}};
    if (std::string(anchor) != "start")
    {
        a.emplace_back("text-anchor", anchor);
    }
    for (const auto& attribute : extra)
    {
        auto same = std::find_if(a.begin(), a.end(),
                                 [&](const auto& kv) { return kv.first == attribute.first; });
        if (same != a.end())
        {
            same->second = attribute.second; // an override (a fill), not a second attribute
        }
        else
        {
            a.push_back(attribute);
        }
    }
    w.Text("text", a, text);
}

/// Text rotated by -45 degrees about its anchor point (x, y), reading up and to the right when
/// `anchor` is "start", ending at the point when "end".
void
SlantedLabel(SvgWriter& w, double x, double y, const std::string& text, const char* anchor)
{
    Label(w, x, y, text, kFontSize, anchor,
          {{"transform", "rotate(-45 " + N(x) + " " + N(y) + ")"}});
}

void
Line(SvgWriter& w, double x1, double y1, double x2, double y2, const char* colour, double width = 1)
{
    w.Empty("line", {{"x1", N(x1)},
                     {"y1", N(y1)},
                     {"x2", N(x2)},
                     {"y2", N(y2)},
                     {"stroke", colour},
                     {"stroke-width", N(width)}});
}

/// Opens the root <svg> and writes its <title> and the visible title.
void
OpenSvg(SvgWriter& w, double width, double height, const std::string& title)
{
    w.Open("svg", {{"xmlns", "http://www.w3.org/2000/svg"},
                   {"viewBox", "0 0 " + N(width) + " " + N(height)},
                   {"width", "100%"},
                   {"role", "img"},
                   {"aria-label", title}});
    w.Text("title", {}, title);
    if (!title.empty())
    {
        // A title wider than the canvas is set smaller rather than cut off at its edge.
        double fits = (width - 2 * kPad) / EstimateTextWidth(title, kTitleSize) * kTitleSize;
        double size = std::clamp(fits, kSmallSize, kTitleSize);
        Label(w, kPad, kTitleBaseline, title, size, "start", {{"font-weight", "bold"}});
    }
}

/// The grey frame of an empty plot area and `noData` in its middle.
void
NoDataFrame(SvgWriter& w, double x, double y, double width, double height,
            const std::string& noData)
{
    w.Empty("rect", {{"x", N(x)},
                     {"y", N(y)},
                     {"width", N(width)},
                     {"height", N(height)},
                     {"fill", "none"},
                     {"stroke", "#bbbbbb"},
                     {"stroke-width", "1"}});
    Label(w, x + width / 2, y + height / 2 + kFontSize * 0.35, noData, 13, "middle",
          {{"fill", kMutedColour}});
}

// --- legend -----------------------------------------------------------------------------------

enum class Swatch
{
    Line, ///< a short line in the series' colour and dash (line charts)
    Box,  ///< a filled square (bars, heatmap levels)
};

struct LegendEntry
{
    std::string label;
    std::string colour;
    Swatch swatch = Swatch::Box;
    std::string dash;       ///< Line only
    std::string mark;       ///< Box only: text inside the square (heatmap)
    std::string markColour; ///< of `mark`
    bool tinted = false;    ///< Box only: a pale fill in a rim of the colour (BarFill)
};

/// Where each entry goes: left to right, wrapping to a new row when the next entry would pass
/// `right`. Entry widths come from the label's estimated width, so long or CJK labels wrap.
struct LegendLayout
{
    std::vector<std::pair<double, double>> at; ///< entry's top-left, relative to the legend top
    double height = 0;
};

double
SwatchWidth(const LegendEntry& e)
{
    return e.swatch == Swatch::Line ? kLineSwatch : (e.mark.empty() ? kBoxSwatch : 16);
}

LegendLayout
PlaceLegend(const std::vector<LegendEntry>& entries, double left, double right)
{
    LegendLayout layout;
    double x = left;
    double y = 0;
    for (const LegendEntry& e : entries)
    {
        double width = SwatchWidth(e) + 6 + EstimateTextWidth(e.label, kFontSize);
        if (x > left && x + width > right)
        {
            x = left;
            y += kLegendRow;
        }
        layout.at.emplace_back(x, y);
        x += width + kLegendGap;
    }
    layout.height = entries.empty() ? 0 : y + kLegendRow;
    return layout;
}

void
DrawLegend(SvgWriter& w, const std::vector<LegendEntry>& entries, const LegendLayout& layout,
           double top)
{
    if (entries.empty())
    {
        return;
    }
    w.Open("g", {{"class", "legend"}});
    for (std::size_t i = 0; i < entries.size(); ++i)
    {
        const LegendEntry& e = entries[i];
        double x = layout.at[i].first;
        double y = top + layout.at[i].second;
        double middle = y + kLegendRow / 2 - 2;
        if (e.swatch == Swatch::Line)
        {
            SvgAttributes a = {{"x1", N(x)},      {"y1", N(middle)},    {"x2", N(x + kLineSwatch)},
                               {"y2", N(middle)}, {"stroke", e.colour}, {"stroke-width", "2"}};
            if (!e.dash.empty())
            {
                a.emplace_back("stroke-dasharray", e.dash);
            }
            w.Empty("line", a);
        }
        else
        {
            double side = SwatchWidth(e);
            SvgAttributes a = {{"x", N(x)},
                               {"y", N(middle - side / 2)},
                               {"width", N(side)},
                               {"height", N(side)},
                               {"fill", e.colour},
                               {"stroke", kAxisColour},
                               {"stroke-width", "0.5"}};
            if (e.tinted)
            {
                a = {{"x", N(x + 0.75)},       {"y", N(middle - side / 2 + 0.75)},
                     {"width", N(side - 1.5)}, {"height", N(side - 1.5)},
                     {"fill", e.colour},       {"fill-opacity", N(kTintOpacity)},
                     {"stroke", e.colour},     {"stroke-width", "1.5"}};
            }
            w.Empty("rect", a);
            if (!e.mark.empty())
            {
                Label(w, x + side / 2, middle + kSmallSize * 0.35, e.mark, kSmallSize, "middle",
                      {{"fill", e.markColour}});
            }
        }
        Label(w, x + SwatchWidth(e) + 6, middle + kFontSize * 0.35, e.label);
    }
    w.Close();
}

// --- shared x-y frame -------------------------------------------------------------------------

/// The plot area of a chart with x and y axes, and the rows below it.
struct Frame
{
    double left = 0;
    double right = 0;
    double top = 0;
    double bottom = 0;
    double yTitleBaseline = 0;
    double legendTop = 0;
    double height = 0; ///< of the whole SVG
};

/// Left edge of the plot: room for the widest y tick label.
double
PlotLeft(const std::vector<std::string>& yLabels)
{
    return std::max(kPad + MaxWidth(yLabels, kFontSize) + 8, 48.0);
}

/// Lays out a titled chart: the y title above the plot (horizontal: it reads in any script,
/// and needs no margin), y tick labels left of the plot, x tick labels and x title below it,
/// then the legend. `left` is the plot's left edge (PlotLeft), `headroom` is extra space above the
/// plot (below the y title) for bar labels, `footer` the height of the x tick label row.
Frame
LayOut(double left, bool yTitle, bool xTitle, double headroom, double footer,
       const std::vector<LegendEntry>& legend, LegendLayout* legendLayout)
{
    Frame f;
    f.left = left;
    f.right = kWidth - 28;
    f.yTitleBaseline = kTitleBaseline + 22;
    f.top = (yTitle ? f.yTitleBaseline + 12 : kTitleBaseline + 18) + headroom;
    f.bottom = f.top + kPlotHeight;
    f.legendTop = f.bottom + footer + (xTitle ? 22 : 0) + 8;
    *legendLayout = PlaceLegend(legend, f.left, kWidth - kPad);
    f.height = f.legendTop + legendLayout->height + kPad;
    return f;
}

/// Grid, axis lines, tick labels and axis titles of an x-y chart.
void
DrawAxes(SvgWriter& w, const Frame& f, const Axis& x, const Scale& sx, const Axis& y,
         const Scale& sy, const std::string& xTitle, const std::string& yTitle)
{
    w.Open("g", {{"class", "grid"}});
    for (double t : y.ticks)
    {
        Line(w, f.left, sy(t), f.right, sy(t), kGridColour);
    }
    for (double t : x.ticks)
    {
        Line(w, sx(t), f.top, sx(t), f.bottom, kGridColour);
    }
    w.Close();
    w.Open("g", {{"class", "axes"}});
    Line(w, f.left, f.top, f.left, f.bottom, kAxisColour);
    Line(w, f.left, f.bottom, f.right, f.bottom, kAxisColour);
    for (std::size_t i = 0; i < y.ticks.size(); ++i)
    {
        double ty = sy(y.ticks[i]);
        Line(w, f.left - 4, ty, f.left, ty, kAxisColour);
        Label(w, f.left - 7, ty + kFontSize * 0.35, y.labels[i], kFontSize, "end");
    }
    for (std::size_t i = 0; i < x.ticks.size(); ++i)
    {
        double tx = sx(x.ticks[i]);
        Line(w, tx, f.bottom, tx, f.bottom + 4, kAxisColour);
        Label(w, tx, f.bottom + 17, x.labels[i], kFontSize, "middle");
    }
    if (!yTitle.empty())
    {
        Label(w, kPad, f.yTitleBaseline, yTitle);
    }
    if (!xTitle.empty())
    {
        Label(w, (f.left + f.right) / 2, f.bottom + 38, xTitle, kFontSize, "middle");
    }
    w.Close();
}

/// A frame with no data: the chart's title, axis titles, an empty plot with `noData`, and the
/// legend (which still says what would have been drawn).
std::string
EmptyChart(const std::string& title, const std::string& xTitle, const std::string& yTitle,
           const std::vector<LegendEntry>& legend, const std::string& noData)
{
    LegendLayout legendLayout;
    Frame f = LayOut(PlotLeft({}), !yTitle.empty(), !xTitle.empty(), 0, 20, legend, &legendLayout);
    SvgWriter w;
    OpenSvg(w, kWidth, f.height, title);
    NoDataFrame(w, f.left, f.top, f.right - f.left, f.bottom - f.top, noData);
    if (!yTitle.empty())
    {
        Label(w, kPad, f.yTitleBaseline, yTitle);
    }
    if (!xTitle.empty())
    {
        Label(w, (f.left + f.right) / 2, f.bottom + 38, xTitle, kFontSize, "middle");
    }
    DrawLegend(w, legend, legendLayout, f.legendTop);
    w.Close();
    return w.Finish();
}

/// The data's extent on an x-y chart, in data units.
struct Extent
{
    double xLo;
    double xHi;
    double yLo;
    double yHi;
};

/// An x-y chart (a BandChart or a StepChart: its title, axis titles and tick formats) with
/// linear axes over `extent` (y widened to whole steps when `extendY`), its legend, and
/// `drawData(w, xAxis, sx, sy)` writing the data between axes and legend; without data
/// (`hasData` false) the empty frame saying `noData`. `xAxis`, when given, replaces the linear
/// x axis (categories).
template <typename Chart, typename DrawData>
std::string
XyChartSvg(const Chart& chart, const std::vector<LegendEntry>& legend, bool hasData,
           const Extent& extent, bool extendY, const std::string& noData, DrawData drawData,
           const std::optional<Axis>& xAxis = std::nullopt)
{
    if (!hasData)
    {
        return EmptyChart(chart.title, chart.xTitle, chart.yTitle, legend, noData);
    }
    Axis x = xAxis ? *xAxis : LinearAxis(extent.xLo, extent.xHi, chart.xFormat, false);
    Axis y = LinearAxis(extent.yLo, extent.yHi, chart.yFormat, extendY);
    LegendLayout legendLayout;
    Frame f = LayOut(PlotLeft(y.labels), !chart.yTitle.empty(), !chart.xTitle.empty(), 0, 20,
                     legend, &legendLayout);
    Scale sx{x.lo, x.hi, f.left, f.right};
    Scale sy{y.lo, y.hi, f.bottom, f.top};

    SvgWriter w;
    OpenSvg(w, kWidth, f.height, chart.title);
    DrawAxes(w, f, x, sx, y, sy, chart.xTitle, chart.yTitle);
    drawData(w, x, sx, sy);
    DrawLegend(w, legend, legendLayout, f.legendTop);
    w.Close();
    return w.Finish();
}

std::string
Points(const std::vector<double>& x, const std::vector<double>& y, const Scale& sx, const Scale& sy)
{
    std::string points;
    for (std::size_t i = 0; i < x.size(); ++i)
    {
        points += (i ? " " : "") + N(sx(x[i])) + "," + N(sy(y[i]));
    }
    return points;
}

/// Relative luminance of "#rrggbb" or "#rgb" in [0, 1], to pick dark or light text on it.
double
Luminance(const std::string& colour)
{
    auto channel = [&](std::size_t i)
    {
        std::string hex =
            colour.size() == 4 ? std::string(2, colour[1 + i]) : colour.substr(1 + 2 * i, 2);
        double c = std::stoi(hex, nullptr, 16) / 255.0;
        return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
}

} // namespace

std::string
SeriesColour(std::size_t index)
{
    return kPalette[index % kPalette.size()];
}

std::string
SeriesDash(std::size_t index)
{
    return kDashes[(index + index / kPalette.size()) % kDashes.size()];
}

std::string
BandChartSvg(const BandChart& chart, const std::string& noData)
{
    bool hasData = false;
    double xLo = std::numeric_limits<double>::infinity();
    double xHi = -xLo;
    double yLo = 0;
    double yHi = 0;
    std::vector<LegendEntry> legend;
    for (std::size_t s = 0; s < chart.series.size(); ++s)
    {
        const BandSeries& b = chart.series[s];
        std::string what = "BandChartSvg: series '" + b.label + "'";
        RequireSize(b.median.size(), b.x.size(), what + " median");
        RequireSize(b.low.size(), b.x.size(), what + " low");
        RequireSize(b.high.size(), b.x.size(), what + " high");
        for (const auto* v : {&b.x, &b.median, &b.low, &b.high})
        {
            RequireFinite(*v, what);
        }
        RequireAscending(b.x, what);
        std::size_t style = b.style.value_or(s);
        legend.push_back({b.label, SeriesColour(style), Swatch::Line, SeriesDash(style), "", ""});
        if (b.x.empty())
        {
            continue;
        }
        hasData = true;
        xLo = std::min(xLo, b.x.front());
        xHi = std::max(xHi, b.x.back());
        for (const auto* v : {&b.median, &b.low, &b.high})
        {
            yLo = std::min(yLo, *std::min_element(v->begin(), v->end()));
            yHi = std::max(yHi, *std::max_element(v->begin(), v->end()));
        }
    }
    const bool categorical = !chart.xCategories.empty();
    if (categorical)
    {
        double last = static_cast<double>(chart.xCategories.size() - 1);
        if (hasData && (xLo < 0 || xHi > last))
        {
            throw std::invalid_argument("BandChartSvg: an x outside the " +
                                        std::to_string(chart.xCategories.size()) + " categories");
        }
        // Half a step of room beside the first and the last value.
        xLo = -0.5;
        xHi = last + 0.5;
    }
    yHi = std::max(yHi, chart.yMax);
    // Bands laid over each other darken to mud: past four, each is paler, so that where they
    // all overlap the stack stays about as dark as four.
    std::size_t drawn =
        static_cast<std::size_t>(std::count_if(chart.series.begin(), chart.series.end(),
                                               [](const BandSeries& b) { return !b.x.empty(); }));
    const double bandOpacity =
        kBandOpacity * std::min(1.0, 4.0 / static_cast<double>(std::max<std::size_t>(drawn, 1)));
    auto drawData = [&chart, categorical, bandOpacity](SvgWriter& w, const Axis&, const Scale& sx,
                                                       const Scale& sy)
    {
        w.Open("g", {{"class", "bands"}});
        for (std::size_t s = 0; s < chart.series.size(); ++s)
        {
            const BandSeries& b = chart.series[s];
            if (b.x.empty())
            {
                continue;
            }
            // Along the top edge (p90) left to right, back along the bottom (p10).
            std::vector<double> px(b.x);
            std::vector<double> py(b.high);
            px.insert(px.end(), b.x.rbegin(), b.x.rend());
            py.insert(py.end(), b.low.rbegin(), b.low.rend());
            w.Empty("polygon", {{"points", Points(px, py, sx, sy)},
                                {"fill", SeriesColour(b.style.value_or(s))},
                                {"fill-opacity", N(bandOpacity)},
                                {"stroke", "none"}});
        }
        w.Close();
        // Every median above every band, so that no band veils another series' line.
        w.Open("g", {{"class", "medians"}});
        for (std::size_t s = 0; s < chart.series.size(); ++s)
        {
            const BandSeries& b = chart.series[s];
            if (b.x.empty())
            {
                continue;
            }
            std::size_t style = b.style.value_or(s);
            SvgAttributes a = {{"points", Points(b.x, b.median, sx, sy)},
                               {"fill", "none"},
                               {"stroke", SeriesColour(style)},
                               {"stroke-width", "2"},
                               {"stroke-linejoin", "round"}};
            if (!SeriesDash(style).empty())
            {
                a.emplace_back("stroke-dasharray", SeriesDash(style));
            }
            w.Empty("polyline", a);
            for (std::size_t i = 0; i < b.x.size() && (categorical || b.x.size() == 1); ++i)
            {
                w.Empty("circle", {{"cx", N(sx(b.x[i]))},
                                   {"cy", N(sy(b.median[i]))},
                                   {"r", "3"},
                                   {"fill", SeriesColour(style)}});
            }
        }
        w.Close();
    };
    std::optional<Axis> xAxis;
    if (categorical)
    {
        xAxis = Axis{xLo, xHi, {}, {}};
        for (std::size_t i = 0; i < chart.xCategories.size(); ++i)
        {
            xAxis->ticks.push_back(static_cast<double>(i));
            xAxis->labels.push_back(chart.xCategories[i]);
        }
    }
    return XyChartSvg(chart, legend, hasData, {xLo, xHi, yLo, yHi}, true, noData, drawData, xAxis);
}

std::string
StepChartSvg(const StepChart& chart, const std::string& noData)
{
    RequireFinite(chart.xMax, "StepChartSvg: xMax");
    RequireFinite(chart.yMax, "StepChartSvg: yMax");
    bool hasData = false;
    double xLo = 0;
    double xHi = chart.xMax;
    double yLo = 0;
    double yHi = chart.yMax;
    std::vector<LegendEntry> legend;
    for (std::size_t s = 0; s < chart.series.size(); ++s)
    {
        const StepSeries& c = chart.series[s];
        std::string what = "StepChartSvg: series '" + c.label + "'";
        RequireSize(c.y.size(), c.x.size(), what + " y");
        RequireFinite(c.x, what);
        RequireFinite(c.y, what);
        RequireAscending(c.x, what);
        std::string label = c.label;
        if (c.x.empty() && !chart.emptyNote.empty())
        {
            label += " " + chart.emptyNote;
        }
        std::size_t style = c.style.value_or(s);
        legend.push_back({label, SeriesColour(style), Swatch::Line, SeriesDash(style), "", ""});
        if (c.x.empty())
        {
            continue;
        }
        hasData = true;
        xLo = std::min(xLo, c.x.front());
        xHi = std::max(xHi, c.x.back());
        yLo = std::min(yLo, *std::min_element(c.y.begin(), c.y.end()));
        yHi = std::max(yHi, *std::max_element(c.y.begin(), c.y.end()));
    }
    auto drawData = [&chart](SvgWriter& w, const Axis& x, const Scale& sx, const Scale& sy)
    {
        w.Open("g", {{"class", "steps"}});
        for (std::size_t s = 0; s < chart.series.size(); ++s)
        {
            const StepSeries& c = chart.series[s];
            if (c.x.empty())
            {
                continue;
            }
            // A CDF is 0 before its first step: rise from the baseline at x[0], then along each
            // step and up (or down) at the next x, and hold the last value to the right edge.
            std::string d = "M" + N(sx(c.x[0])) + " " + N(sy(0));
            std::string atX = N(sx(c.x[0]));
            std::string atY = N(sy(0));
            for (std::size_t i = 0; i <= c.x.size(); ++i)
            {
                std::string nextX = N(sx(i < c.x.size() ? c.x[i] : x.hi));
                if (nextX != atX)
                {
                    d += " H" + nextX;
                    atX = nextX;
                }
                if (i == c.x.size())
                {
                    break;
                }
                std::string nextY = N(sy(c.y[i]));
                if (nextY != atY)
                {
                    d += " V" + nextY;
                    atY = nextY;
                }
            }
            std::size_t style = c.style.value_or(s);
            SvgAttributes a = {
                {"d", d}, {"fill", "none"}, {"stroke", SeriesColour(style)}, {"stroke-width", "2"}};
            if (!SeriesDash(style).empty())
            {
                a.emplace_back("stroke-dasharray", SeriesDash(style));
            }
            w.Empty("path", a);
        }
        w.Close();
    };
    return XyChartSvg(chart, legend, hasData, {xLo, xHi, yLo, yHi}, false, noData, drawData);
}

std::string
GroupedBarChartSvg(const GroupedBarChart& chart, const std::string& noData)
{
    RequireSize(chart.values.size(), chart.seriesLabels.size(),
                "GroupedBarChartSvg: values (series)");
    double maxValue = 0;
    std::vector<LegendEntry> legend;
    std::vector<std::string> valueLabels;
    for (std::size_t s = 0; s < chart.values.size(); ++s)
    {
        std::string what = "GroupedBarChartSvg: values of '" + chart.seriesLabels[s] + "'";
        RequireSize(chart.values[s].size(), chart.categories.size(), what);
        RequireFinite(chart.values[s], what);
        for (double v : chart.values[s])
        {
            if (v < 0)
            {
                throw std::invalid_argument(what + ": negative value");
            }
            maxValue = std::max(maxValue, v);
            valueLabels.push_back(CountLabel(v));
        }
        // Past the palette's eight colours a bar is a pale fill in a rim of the colour, so that
        // series 8 does not look like series 0.
        legend.push_back({chart.seriesLabels[s], SeriesColour(s), Swatch::Box, "", "", "",
                          s >= kPalette.size()});
    }
    if (chart.categories.empty() || chart.seriesLabels.empty())
    {
        return EmptyChart(chart.title, "", chart.yTitle, legend, noData);
    }

    Axis y = chart.logScale ? LogAxis(maxValue) : LinearAxis(0, maxValue, TickFormat::Number, true);
    // Bars fill 80% of their group, two units apart, at most 32 wide.
    double left = PlotLeft(y.labels);
    constexpr double kRight = kWidth - 28;
    double groups = static_cast<double>(chart.categories.size());
    double groupWidth = (kRight - left) / groups;
    // Category names slant when one is wider than its group; the plot then moves right as far
    // as the first name, slanting down-left from its group's middle, needs.
    double categoryWidth = MaxWidth(chart.categories, kFontSize);
    bool slanted = categoryWidth > groupWidth - 6;
    if (slanted)
    {
        double reach = EstimateTextWidth(chart.categories[0], kFontSize) * kSin45 - 4;
        left = std::max(left, (kPad + reach - kRight / (2 * groups)) / (1 - 1 / (2 * groups)));
        groupWidth = (kRight - left) / groups;
    }
    double footer = slanted ? categoryWidth * kSin45 + 16 : 20;
    double seriesCount = static_cast<double>(chart.seriesLabels.size());
    constexpr double kGap = 2;
    double barWidth =
        std::clamp((groupWidth * 0.8 - kGap * (seriesCount - 1)) / seriesCount, 1.0, 32.0);
    // Value labels go sideways when they are wider than a bar, so that neighbours never touch,
    // and smaller when even sideways they would be thicker than a bar.
    bool uprightValues = MaxWidth(valueLabels, kSmallSize) > barWidth + kGap;
    double valueSize =
        uprightValues ? std::clamp(barWidth + kGap - 1, 4.0, kSmallSize) : kSmallSize;
    // Room above the plot for the labels of bars that leave too little room under its top.
    auto height = [&](double v) { return chart.logScale ? std::log10(1 + v) : v; };
    double headroom = 0;
    for (std::size_t s = 0; s < chart.values.size(); ++s)
    {
        for (double v : chart.values[s])
        {
            double label = uprightValues ? EstimateTextWidth(CountLabel(v), valueSize) : valueSize;
            double above = (y.hi - height(v)) / (y.hi - y.lo) * kPlotHeight;
            headroom = std::max(headroom, label + 4 - above);
        }
    }
    LegendLayout legendLayout;
    Frame f = LayOut(left, !chart.yTitle.empty(), false, headroom, footer, legend, &legendLayout);
    Scale sy{y.lo, y.hi, f.bottom, f.top};
    Axis x; // no x ticks: the categories label the groups
    Scale sx{0, 1, f.left, f.right};

    SvgWriter w;
    OpenSvg(w, kWidth, f.height, chart.title);
    DrawAxes(w, f, x, sx, y, sy, "", chart.yTitle);
    w.Open("g", {{"class", "bars"}});
    for (std::size_t c = 0; c < chart.categories.size(); ++c)
    {
        double groupLeft = f.left + groupWidth * static_cast<double>(c);
        double barsWidth = barWidth * seriesCount + kGap * (seriesCount - 1);
        for (std::size_t s = 0; s < chart.seriesLabels.size(); ++s)
        {
            double v = chart.values[s][c];
            double barLeft = groupLeft + (groupWidth - barsWidth) / 2 +
                             (barWidth + kGap) * static_cast<double>(s);
            double top = sy(height(v));
            // A zero is a thin mark on the baseline, so that "zero" differs from "missing";
            // any other value at least a visible sliver.
            double barHeight = v == 0 ? 1.5 : std::max(f.bottom - top, 2.0);
            top = f.bottom - barHeight;
            SvgAttributes bar = {{"x", N(barLeft)},
                                 {"y", N(top)},
                                 {"width", N(barWidth)},
                                 {"height", N(barHeight)},
                                 {"fill", SeriesColour(s)}};
            if (s >= kPalette.size())
            {
                bar.insert(bar.end(), {{"fill-opacity", N(kTintOpacity)},
                                       {"stroke", SeriesColour(s)},
                                       {"stroke-width", "1.5"}});
            }
            w.Empty("rect", bar);
            double centre = barLeft + barWidth / 2;
            if (uprightValues)
            {
                double baseline = centre + valueSize * 0.35;
                Label(w, baseline, top - 3, CountLabel(v), valueSize, "start",
                      {{"transform", "rotate(-90 " + N(baseline) + " " + N(top - 3) + ")"}});
            }
            else
            {
                Label(w, centre, top - 3, CountLabel(v), valueSize, "middle");
            }
        }
        double centre = groupLeft + groupWidth / 2;
        if (slanted)
        {
            SlantedLabel(w, centre + 4, f.bottom + 14, chart.categories[c], "end");
        }
        else
        {
            Label(w, centre, f.bottom + 17, chart.categories[c], kFontSize, "middle");
        }
    }
    w.Close();
    DrawLegend(w, legend, legendLayout, f.legendTop);
    w.Close();
    return w.Finish();
}

std::string
HeatmapSvg(const Heatmap& heatmap, const std::string& noData)
{
    std::size_t levelCount = heatmap.levelColours.size();
    RequireSize(heatmap.levelLabels.size(), levelCount, "HeatmapSvg: levelLabels");
    if (!heatmap.levelMarks.empty())
    {
        RequireSize(heatmap.levelMarks.size(), levelCount, "HeatmapSvg: levelMarks");
    }
    for (const std::string& colour : heatmap.levelColours)
    {
        RequireColour(colour, "HeatmapSvg: levelColours");
    }
    RequireSize(heatmap.levels.size(), heatmap.rows.size(), "HeatmapSvg: levels (rows)");
    for (std::size_t r = 0; r < heatmap.levels.size(); ++r)
    {
        std::string what = "HeatmapSvg: levels of row '" + heatmap.rows[r] + "'";
        RequireSize(heatmap.levels[r].size(), heatmap.columns.size(), what);
        for (std::size_t level : heatmap.levels[r])
        {
            if (level >= levelCount)
            {
                throw std::invalid_argument(what + ": level " + std::to_string(level) +
                                            " has no colour");
            }
        }
    }
    auto mark = [&](std::size_t level)
    { return heatmap.levelMarks.empty() ? std::string() : heatmap.levelMarks[level]; };
    auto markColour = [&](std::size_t level)
    { return Luminance(heatmap.levelColours[level]) < 0.3 ? "#ffffff" : kTextColour; };
    std::vector<LegendEntry> legend;
    for (std::size_t l = 0; l < levelCount; ++l)
    {
        legend.push_back({heatmap.levelLabels[l], heatmap.levelColours[l], Swatch::Box, "", mark(l),
                          markColour(l)});
    }

    if (heatmap.rows.empty() || heatmap.columns.empty())
    {
        LegendLayout legendLayout = PlaceLegend(legend, kPad, kWidth - kPad);
        double frameTop = kTitleBaseline + 18;
        double legendTop = frameTop + 120 + 12;
        SvgWriter w;
        OpenSvg(w, kWidth, legendTop + legendLayout.height + kPad, heatmap.title);
        NoDataFrame(w, kPad, frameTop, kWidth - 2 * kPad, 120, noData);
        DrawLegend(w, legend, legendLayout, legendTop);
        w.Close();
        return w.Finish();
    }

    double columns = static_cast<double>(heatmap.columns.size());
    double rows = static_cast<double>(heatmap.rows.size());
    double left = kPad + MaxWidth(heatmap.rows, kFontSize) + 8;
    bool slanted = MaxWidth(heatmap.columns, kFontSize) > kCell - 4;
    double header = slanted ? MaxWidth(heatmap.columns, kFontSize) * kSin45 + 14 : 20;
    double top = kTitleBaseline + 12 + header;
    double bottom = top + kCell * rows;
    // The canvas is as wide as the grid (and the slanted labels sticking out past its last
    // column), the title, and the legend on one row up to the width of the other charts: a
    // small map stays small, at the scale of its neighbours in a grid of maps.
    double legendRow = kPad;
    for (const LegendEntry& e : legend)
    {
        legendRow += SwatchWidth(e) + 6 + EstimateTextWidth(e.label, kFontSize) + kLegendGap;
    }
    double width = std::max(std::min(legendRow, kWidth), left + kCell * columns + kPad);
    if (slanted)
    {
        for (std::size_t c = 0; c < heatmap.columns.size(); ++c)
        {
            double anchor = left + kCell * (static_cast<double>(c) + 0.5);
            width = std::max(
                width, anchor + EstimateTextWidth(heatmap.columns[c], kFontSize) * kSin45 + kPad);
        }
    }
    width = std::max(width, kPad + EstimateTextWidth(heatmap.title, kTitleSize) + kPad);
    LegendLayout legendLayout = PlaceLegend(legend, kPad, width - kPad);
    double legendTop = bottom + 14;
    double height = legendTop + legendLayout.height + kPad;

    SvgWriter w;
    OpenSvg(w, width, height, heatmap.title);
    w.Open("g", {{"class", "labels"}});
    for (std::size_t c = 0; c < heatmap.columns.size(); ++c)
    {
        double centre = left + kCell * (static_cast<double>(c) + 0.5);
        if (slanted)
        {
            SlantedLabel(w, centre - 2, top - 6, heatmap.columns[c], "start");
        }
        else
        {
            Label(w, centre, top - 6, heatmap.columns[c], kFontSize, "middle");
        }
    }
    for (std::size_t r = 0; r < heatmap.rows.size(); ++r)
    {
        double middle = top + kCell * (static_cast<double>(r) + 0.5);
        Label(w, left - 6, middle + kFontSize * 0.35, heatmap.rows[r], kFontSize, "end");
    }
    w.Close();
    // A grey outline, so that a pale level (none) still shows as a cell on white paper.
    w.Open("g", {{"class", "cells"}, {"stroke", "#c8c8c8"}, {"stroke-width", "0.75"}});
    for (std::size_t r = 0; r < heatmap.rows.size(); ++r)
    {
        for (std::size_t c = 0; c < heatmap.columns.size(); ++c)
        {
            std::size_t level = heatmap.levels[r][c];
            double x = left + kCell * static_cast<double>(c);
            double y = top + kCell * static_cast<double>(r);
            w.Empty("rect", {{"x", N(x)},
                             {"y", N(y)},
                             {"width", N(kCell)},
                             {"height", N(kCell)},
                             {"fill", heatmap.levelColours[level]}});
        }
    }
    w.Close();
    // The marks after the cells (and outside their outlined group), so that print in
    // greyscale still tells the levels apart.
    w.Open("g", {{"class", "marks"}});
    for (std::size_t r = 0; r < heatmap.rows.size(); ++r)
    {
        for (std::size_t c = 0; c < heatmap.columns.size(); ++c)
        {
            std::size_t level = heatmap.levels[r][c];
            if (mark(level).empty())
            {
                continue;
            }
            double x = left + kCell * (static_cast<double>(c) + 0.5);
            double y = top + kCell * (static_cast<double>(r) + 0.5);
            Label(w, x, y + 11 * 0.35, mark(level), 11, "middle", {{"fill", markColour(level)}});
        }
    }
    w.Close();
    DrawLegend(w, legend, legendLayout, legendTop);
    w.Close();
    return w.Finish();
}

} // namespace reports
} // namespace segproof
