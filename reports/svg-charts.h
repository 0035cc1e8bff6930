// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#ifndef SEGPROOF_REPORTS_SVG_CHARTS_H
#define SEGPROOF_REPORTS_SVG_CHARTS_H

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace segproof
{
namespace reports
{

/// How an axis writes its tick labels.
enum class TickFormat
{
    Number,  ///< 0, 20, 40 (or 0.5, 1.0 for small ranges)
    Hours,   ///< the values are seconds; ticks at whole hours or minutes: "0h", "2h", "30m"
    Percent, ///< the values are fractions in [0, 1]: "0%", "50%", "100%"
};

/// Colour of series `index` (Okabe & Ito's palette, readable by colour-blind readers and in
/// greyscale print), as "#rrggbb"; wraps around after eight.
std::string SeriesColour(std::size_t index);

/// Dash pattern of line series `index` ("" for solid): one of eight, shifted by one on each
/// round of the palette, so that series 8 (the first colour again) is not drawn as series 0.
std::string SeriesDash(std::size_t index);

/// One line with a shaded band: the median over runs, and the p10-p90 band around it.
struct BandSeries
{
    std::string label;
    std::vector<double> x;      ///< ascending
    std::vector<double> median; ///< one per x
    std::vector<double> low;    ///< p10, one per x
    std::vector<double> high;   ///< p90, one per x
    /// Colour and dash (SeriesColour, SeriesDash) by this index instead of the series'
    /// position, so that one posture keeps its style on charts that leave some out.
    std::optional<std::size_t> style = std::nullopt;
};

/// Lines with bands on one chart (infection curves, one per posture).
struct BandChart
{
    std::string title; ///< the SVG's <title> and aria-label
    std::string xTitle;
    std::string yTitle;
    TickFormat xFormat = TickFormat::Number;
    TickFormat yFormat = TickFormat::Number;
    double yMax = 0; ///< the y axis reaches at least this high
    /// When not empty, x is categorical: series' x values are indices into these labels,
    /// drawn evenly spaced in this order, each labelled, each point marked with a dot (a
    /// swept parameter's values).
    std::vector<std::string> xCategories;
    std::vector<BandSeries> series;
};

/// One step function (an empirical CDF): y[i] holds from x[i] up to x[i+1], and y.back() holds
/// to the chart's right edge.
struct StepSeries
{
    std::string label;
    std::vector<double> x;                           ///< ascending
    std::vector<double> y;                           ///< one per x
    std::optional<std::size_t> style = std::nullopt; ///< as BandSeries::style
};

/// Step functions on one chart (time to crown jewel, a CDF per posture). A series with no
/// points is drawn as a legend entry only (its legend says so: `emptyNote`).
struct StepChart
{
    std::string title;
    std::string xTitle;
    std::string yTitle;
    TickFormat xFormat = TickFormat::Number;
    TickFormat yFormat = TickFormat::Percent;
    double xMax = 0;       ///< right edge of the x axis (at least the largest x)
    double yMax = 1;       ///< top of the y axis
    std::string emptyNote; ///< appended to the legend label of a series with no points
    std::vector<StepSeries> series;
};

/// Bars grouped by category (blocked packets per enforcement point, one bar per posture).
struct GroupedBarChart
{
    std::string title;
    std::string yTitle;
    std::vector<std::string> categories;   ///< the groups along x (enforcement points)
    std::vector<std::string> seriesLabels; ///< the bars in each group (postures), legend order
    /// values[series][category], >= 0; each bar is labelled with its value
    std::vector<std::vector<double>> values;
    bool logScale = false; ///< log10(1 + value) heights, for counts spanning decades
};

/// A grid of cells, each one of a few levels (reachability: none / partial / full / n/a).
struct Heatmap
{
    std::string title;
    std::vector<std::string> rows;    ///< left labels
    std::vector<std::string> columns; ///< top labels (drawn rotated when long)
    /// levels[row][column], an index into `levelLabels` / `levelColours`
    std::vector<std::vector<std::size_t>> levels;
    std::vector<std::string> levelLabels;  ///< legend text per level
    std::vector<std::string> levelColours; ///< fill per level, "#rrggbb"
    std::vector<std::string> levelMarks;   ///< short text inside a cell per level ("" for none)
};

/// Each function returns one standalone <svg> element (no XML prolog, no script, no external
/// reference): a viewBox and width="100%" so it scales to the page, <title> and aria-label for
/// screen readers, system fonts only, text escaped. Byte-for-byte deterministic (numbers at
/// fixed precision). Every chart draws its axes, ticks, titles and a legend; a chart without
/// data draws its frame and the text `noData`. Throws std::invalid_argument when vectors that
/// must be parallel are not.
std::string BandChartSvg(const BandChart& chart, const std::string& noData);
std::string StepChartSvg(const StepChart& chart, const std::string& noData);
std::string GroupedBarChartSvg(const GroupedBarChart& chart, const std::string& noData);
std::string HeatmapSvg(const Heatmap& heatmap, const std::string& noData);

} // namespace reports
} // namespace segproof

#endif
