// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#include "estate-diagram.h"

#include "number-format.h"
#include "svg-writer.h"

#include <algorithm>
#include <map>
#include <vector>

namespace segproof
{
namespace reports
{

namespace
{

using core::Index;
using core::kNone;
using core::MachineKind;

// Layout, in SVG user units (about CSS pixels before the page scales the drawing to its width).
constexpr double kMargin = 16;
constexpr double kMinWidth = 680;
constexpr double kMaxWidth = 1000; ///< 12-unit text still prints at 6 pt across A4 portrait
constexpr double kGap = 16;        ///< between segment boxes
constexpr double kTrunkInset = 18; ///< left of the segment grid when it has several rows
constexpr double kWallWidth = 160;
constexpr double kWallHeight = 16;
constexpr double kBand = 15; ///< the DFW band on top of a host box
constexpr double kMaxNameUnits = 32;
constexpr std::size_t kMaxSegmentBoxes = 8; ///< the "and N more" box included
constexpr std::size_t kMaxHostBoxes = 6;    ///< per segment, the "and N more" box included
constexpr std::size_t kMaxServerLines = 5;  ///< per host box, the "and N more" line included
constexpr std::size_t kMaxExternals = 8;

// Palette: firewalls in warm colours (brick walls, the orange DFW), the host firewall blue
// and the crown jewels reddish purple (Okabe & Ito hues, distinct in greyscale print).
const char* const kInk = "#1f2933";
const char* const kMuted = "#52606d";
const char* const kLink = "#5b7083";
const char* const kBrick = "#b5523b";
const char* const kBrickEdge = "#7a2e1f";
const char* const kMortar = "#f3d9cf";
const char* const kBrickText = "#8a3324";
const char* const kDfw = "#e69f00";
const char* const kDfwText = "#4d3300";
const char* const kHostFw = "#0072b2";
const char* const kJewel = "#a8457f";
const char* const kJewelFill = "#f7e1ee";
const char* const kUndefinedFill = "#eceff1";
const char* const kUndefined = "#9aa5b1";
const char* const kUndefinedText = "#7b8794";
const char* const kCloudFill = "#e8f1fa";
const char* const kCloudEdge = "#6a8caf";
const char* const kSegmentFill = "#f5f7fa";
const char* const kSegmentEdge = "#7b8794";
const char* const kHostFill = "#ffffff";
const char* const kHostEdge = "#9aa5b1";
const char* const kPhysicalFill = "#eeeeee";

/// A coordinate or length as SvgNumber writes it (short: a path is made of many).
std::string
Num(double value)
{
    return SvgNumber(value);
}

/// Estimated rendered width: a generous average advance for proportional system fonts, and
/// every non-ASCII character counted wide, since CJK characters are full width.
double
TextWidth(const std::string& text, double size, bool bold = false)
{
    return EstimateTextWidth(text, size, bold ? 0.64 : 0.6, WideCharacters::Multibyte);
}

/// A name cut to `maxUnits` with an ellipsis, so that one absurdly long name cannot stretch the
/// drawing; the cut never splits a UTF-8 sequence.
std::string
Shorten(const std::string& name, double maxUnits = kMaxNameUnits)
{
    // Widths in units of an ASCII character, as TextWidth counts them.
    if (EstimateTextWidth(name, 1, 1, WideCharacters::Multibyte) <= maxUnits)
    {
        return name;
    }
    std::string cut;
    double units = 0;
    for (std::size_t i = 0; i < name.size();)
    {
        std::size_t length = std::max<std::size_t>(1, Utf8SequenceLength(name, i));
        double w = length == 1 ? 1 : 2;
        if (units + w > maxUnits - 2)
        {
            break;
        }
        cut.append(name, i, length);
        units += w;
        i += length;
    }
    return cut + "\xE2\x80\xA6"; // U+2026 HORIZONTAL ELLIPSIS
}

/// Where `{n}` is in the label, the count; a label without `{n}` gets it appended.
std::string
AndMore(const EstateDiagramLabels& labels, std::size_t n)
{
    std::string text = labels.andMore;
    std::string count = FormatThousands(n);
    std::size_t at = text.find("{n}");
    if (at == std::string::npos)
    {
        return text + " " + count;
    }
    for (; at != std::string::npos; at = text.find("{n}", at + count.size()))
    {
        text.replace(at, 3, count);
    }
    return text;
}

using Counts = core::MachineCounts;

/// "50 desktops", "4 servers" or "50 desktops, 2 servers".
std::string
CountsText(const Counts& counts, const EstateDiagramLabels& labels)
{
    std::string text;
    if (counts.desktops > 0 || counts.servers == 0)
    {
        text = FormatThousands(counts.desktops) + " " + labels.desktops;
    }
    if (counts.servers > 0)
    {
        text += (text.empty() ? "" : ", ") + FormatThousands(counts.servers) + " " + labels.servers;
    }
    return text;
}

/// Which of `n` items to draw when at most `max` fit: the important ones first (crown-jewel
/// holders are never hidden behind "and N more" while there is room), then the others in
/// order; the result keeps the original order.
std::vector<std::size_t>
Pick(std::size_t n, std::size_t max, const std::vector<bool>& important)
{
    std::vector<bool> chosen(n, false);
    std::size_t taken = 0;
    for (int pass = 0; pass < 2; ++pass)
    {
        for (std::size_t i = 0; i < n && taken < max; ++i)
        {
            if (!chosen[i] && (pass == 1 || important[i]))
            {
                chosen[i] = true;
                ++taken;
            }
        }
    }
    std::vector<std::size_t> picked;
    for (std::size_t i = 0; i < n; ++i)
    {
        if (chosen[i])
        {
            picked.push_back(i);
        }
    }
    return picked;
}

// ---------------------------------------------------------------------------------------------
// What the estate holds, per segment and host.

/// The machines of one segment on one host, or on no host.
struct Cell
{
    Index host = kNone;
    Counts counts;
    std::size_t hostFirewall = 0;      ///< machines in the cell that run the host firewall
    std::vector<Index> serverMachines; ///< file order
    bool jewel = false;
};

struct SegmentCells
{
    std::vector<Cell> hosts; ///< by host index
    Cell physical;
    Counts counts;
    bool jewel = false;
};

std::vector<SegmentCells>
CollectCells(const core::Scenario& scenario)
{
    const core::Estate& estate = scenario.GetEstate();
    const core::Firewall* hostFw = scenario.FindFirewall(core::FirewallKind::Host);
    std::vector<SegmentCells> segments(estate.Segments().size());
    std::vector<std::map<Index, std::size_t>> cellOf(segments.size());
    const auto& machines = estate.Machines();
    for (std::size_t i = 0; i < machines.size(); ++i)
    {
        const core::Machine& m = machines[i];
        if (m.segment < 0 || static_cast<std::size_t>(m.segment) >= segments.size())
        {
            continue;
        }
        SegmentCells& segment = segments[static_cast<std::size_t>(m.segment)];
        Cell* cell = &segment.physical;
        if (m.host != kNone)
        {
            auto& index = cellOf[static_cast<std::size_t>(m.segment)];
            auto [it, added] = index.emplace(m.host, segment.hosts.size());
            if (added)
            {
                segment.hosts.emplace_back();
                segment.hosts.back().host = m.host;
            }
            cell = &segment.hosts[it->second];
        }
        cell->counts.Add(m.kind);
        segment.counts.Add(m.kind);
        if (hostFw != nullptr && hostFw->appliesTo.addresses.Contains(m.ip))
        {
            cell->hostFirewall++;
        }
        if (m.kind == MachineKind::Server)
        {
            cell->serverMachines.push_back(static_cast<Index>(i));
        }
        if (m.holds)
        {
            cell->jewel = true;
            segment.jewel = true;
        }
    }
    for (SegmentCells& segment : segments)
    {
        std::sort(segment.hosts.begin(), segment.hosts.end(),
                  [](const Cell& a, const Cell& b) { return a.host < b.host; });
    }
    return segments;
}

// ---------------------------------------------------------------------------------------------
// Drawing primitives.

/// A run of text with its own weight and colour inside one <text>.
struct Span
{
    std::string text;
    bool bold = false;
    std::string fill; ///< empty: the <text>'s colour
};

double
SpansWidth(const std::vector<Span>& spans, double size)
{
    double width = 0;
    for (const Span& span : spans)
    {
        width += TextWidth(span.text, size, span.bold);
    }
    return width;
}

class SvgOut
{
public:
    void Raw(const std::string& text) { m_out += text; }

    void Rect(double x, double y, double w, double h, double rx, const std::string& fill,
              const std::string& stroke, const std::string& extra = "")
    {
        m_out += "<rect x=\"" + Num(x) + "\" y=\"" + Num(y) + "\" width=\"" + Num(w) +
                 "\" height=\"" + Num(h) + "\"";
        if (rx > 0)
        {
            m_out += " rx=\"" + Num(rx) + "\"";
        }
        m_out += " fill=\"" + fill + "\" stroke=\"" + stroke + "\"" + extra + "/>\n";
    }

    void Path(const std::string& d, const std::string& fill, const std::string& stroke,
              const std::string& extra = "")
    {
        m_out += "<path d=\"" + d + "\" fill=\"" + fill + "\" stroke=\"" + stroke + "\"" + extra +
                 "/>\n";
    }

    void Text(double x, double y, double size, const std::vector<Span>& spans,
              const std::string& fill, const std::string& anchor = "")
    {
        m_out += "<text x=\"" + Num(x) + "\" y=\"" + Num(y) + "\" font-size=\"" + Num(size) +
                 "\" fill=\"" + fill + "\"";
        if (!anchor.empty())
        {
            m_out += " text-anchor=\"" + anchor + "\"";
        }
        m_out += ">";
        for (const Span& span : spans)
        {
            if (!span.bold && span.fill.empty())
            {
                m_out += XmlEscape(span.text);
                continue;
            }
            m_out += "<tspan";
            if (span.bold)
            {
                m_out += " font-weight=\"bold\"";
            }
            if (!span.fill.empty())
            {
                m_out += " fill=\"" + span.fill + "\"";
            }
            m_out += ">" + XmlEscape(span.text) + "</tspan>";
        }
        m_out += "</text>\n";
    }

    void Text(double x, double y, double size, const std::string& text, const std::string& fill,
              bool bold = false, const std::string& anchor = "")
    {
        Text(x, y, size, {Span{text, bold, ""}}, fill, anchor);
    }

    const std::string& Str() const { return m_out; }

private:
    std::string m_out;
};

/// A shield (the host firewall's and the DFW's symbol), `size` wide and high.
void
Shield(SvgOut& svg, double x, double y, double size, const std::string& fill,
       const std::string& stroke)
{
    double s = size;
    svg.Path("M" + Num(x) + " " + Num(y + 0.15 * s) + "L" + Num(x + s / 2) + " " + Num(y) + "L" +
                 Num(x + s) + " " + Num(y + 0.15 * s) + "L" + Num(x + s) + " " + Num(y + 0.5 * s) +
                 "Q" + Num(x + s) + " " + Num(y + 0.85 * s) + " " + Num(x + s / 2) + " " +
                 Num(y + s) + "Q" + Num(x) + " " + Num(y + 0.85 * s) + " " + Num(x) + " " +
                 Num(y + 0.5 * s) + "Z",
             fill, stroke);
}

/// A crown (the crown-jewel symbol), 12 wide and 9 high.
void
Crown(SvgOut& svg, double x, double y)
{
    svg.Path("M" + Num(x) + " " + Num(y + 9) + "V" + Num(y + 2) + "L" + Num(x + 3) + " " +
                 Num(y + 5) + "L" + Num(x + 6) + " " + Num(y) + "L" + Num(x + 9) + " " +
                 Num(y + 5) + "L" + Num(x + 12) + " " + Num(y + 2) + "V" + Num(y + 9) + "Z",
             kJewel, "none");
}

/// A brick wall across a link (a firewall), or a grey dashed outline where none is defined.
void
Wall(SvgOut& svg, double x, double y, double w, double h, bool defined)
{
    if (!defined)
    {
        svg.Rect(x, y, w, h, 2, kUndefinedFill, kUndefined, " stroke-dasharray=\"4 3\"");
        return;
    }
    svg.Rect(x, y, w, h, 0, kBrick, kBrickEdge);
    std::string d = "M" + Num(x) + " " + Num(y + h / 2) + "H" + Num(x + w);
    double brick = h * 1.25;
    for (int course = 0; course < 2; ++course)
    {
        double y0 = y + course * h / 2;
        for (double bx = x + brick / (course == 0 ? 1 : 2); bx < x + w - 1; bx += brick)
        {
            d += "M" + Num(bx) + " " + Num(y0) + "V" + Num(y0 + h / 2);
        }
    }
    svg.Path(d, "none", kMortar, " stroke-width=\"1\"");
}

/// A router: a circle with arrows out to the four sides.
void
Router(SvgOut& svg, double cx, double cy, double r)
{
    svg.Raw("<circle cx=\"" + Num(cx) + "\" cy=\"" + Num(cy) + "\" r=\"" + Num(r) + "\" fill=\"" +
            kLink + "\" stroke=\"" + kInk + "\"/>\n");
    double a = r * 0.62;
    double head = r * 0.25;
    std::string d = "M" + Num(cx - a) + " " + Num(cy) + "H" + Num(cx + a) + "M" + Num(cx) + " " +
                    Num(cy - a) + "V" + Num(cy + a);
    svg.Path(d, "none", "#ffffff", " stroke-width=\"2\"");
    std::string heads;
    heads += "M" + Num(cx + a + head) + " " + Num(cy) + "l" + Num(-head * 1.6) + " " + Num(-head) +
             "v" + Num(2 * head) + "Z";
    heads += "M" + Num(cx - a - head) + " " + Num(cy) + "l" + Num(head * 1.6) + " " + Num(-head) +
             "v" + Num(2 * head) + "Z";
    heads += "M" + Num(cx) + " " + Num(cy - a - head) + "l" + Num(-head) + " " + Num(head * 1.6) +
             "h" + Num(2 * head) + "Z";
    heads += "M" + Num(cx) + " " + Num(cy + a + head) + "l" + Num(-head) + " " + Num(-head * 1.6) +
             "h" + Num(2 * head) + "Z";
    svg.Path(heads, "#ffffff", "none");
}

/// A cloud around the box [x, x+w] x [y, y+h]: half circles at the sides, bumps on top and
/// smaller ones below (the bumps reach kCloudBump above y).
constexpr double kCloudBump = 10;

void
Cloud(SvgOut& svg, double x, double y, double w, double h)
{
    double r = h / 2;
    std::size_t bumps = std::max<std::size_t>(3, static_cast<std::size_t>(w / 70));
    double bw = w / static_cast<double>(bumps);
    std::string d = "M" + Num(x) + " " + Num(y + h) + "A" + Num(r) + " " + Num(r) + " 0 0 1 " +
                    Num(x) + " " + Num(y);
    for (std::size_t i = 0; i < bumps; ++i)
    {
        d += "a" + Num(bw / 2) + " " + Num(kCloudBump) + " 0 0 1 " + Num(bw) + " 0";
    }
    d += "A" + Num(r) + " " + Num(r) + " 0 0 1 " + Num(x + w) + " " + Num(y + h);
    for (std::size_t i = 0; i < bumps; ++i)
    {
        d += "a" + Num(bw / 2) + " 4 0 0 1 " + Num(-bw) + " 0";
    }
    d += "Z";
    svg.Path(d, kCloudFill, kCloudEdge, " stroke-width=\"1.5\"");
}

// ---------------------------------------------------------------------------------------------
// Boxes: measured first, then placed and drawn.

/// One server line in a host box.
struct ServerLine
{
    std::string name;
    bool jewel = false;
};

enum class HostBoxKind
{
    Host,      ///< a hypervisor host
    Physical,  ///< machines without a host
    MoreHosts, ///< the hosts cut by "and N more"
};

// Host box metrics.
constexpr double kHostPad = 8;
constexpr double kHostTitleSize = 12;
constexpr double kHostLineSize = 11;
constexpr double kTitleLine = 16;
constexpr double kLine = 15;
constexpr double kIndent = 15;

struct HostBox
{
    HostBoxKind kind = HostBoxKind::Host;
    std::vector<Span> title;
    bool dfw = false;
    std::string hostFirewall; ///< empty: no host firewall in the box
    std::vector<ServerLine> servers;
    std::string moreServers; ///< "and N more", or empty
    double width = 0;
    double height = 0;
};

void
MeasureHostBox(HostBox& box, const EstateDiagramLabels& labels)
{
    double w = SpansWidth(box.title, kHostTitleSize);
    double h = 5 + kTitleLine;
    if (box.dfw)
    {
        w = std::max(w, kIndent + TextWidth(labels.dfw, 10));
        h += kBand;
    }
    if (!box.hostFirewall.empty())
    {
        w = std::max(w, kIndent + TextWidth(box.hostFirewall, kHostLineSize));
        h += kLine;
    }
    for (const ServerLine& s : box.servers)
    {
        double line = kIndent + TextWidth(s.name, kHostLineSize, s.jewel);
        if (s.jewel)
        {
            line += TextWidth(" " + labels.crownJewel, kHostLineSize) + 4;
        }
        w = std::max(w, line);
        h += kLine;
    }
    if (!box.moreServers.empty())
    {
        w = std::max(w, kIndent + TextWidth(box.moreServers, kHostLineSize));
        h += kLine;
    }
    box.width = w + 2 * kHostPad;
    box.height = h + 5;
}

void
DrawHostBox(SvgOut& svg, const HostBox& box, double x, double y, double w,
            const EstateDiagramLabels& labels)
{
    const double h = box.height;
    if (box.kind == HostBoxKind::MoreHosts)
    {
        // Stacked cards: more hosts behind this one.
        svg.Rect(x + 4, y + 4, w, h, 3, kHostFill, kHostEdge);
        svg.Rect(x + 2, y + 2, w, h, 3, kHostFill, kHostEdge);
    }
    bool physical = box.kind == HostBoxKind::Physical;
    svg.Rect(x, y, w, h, 3, physical ? kPhysicalFill : kHostFill, "none");
    double cy = y;
    if (box.dfw)
    {
        // The DFW sits on the vNICs, where the VMs meet the host's virtual switch: a band
        // along the box's top edge.
        svg.Path("M" + Num(x) + " " + Num(y + kBand) + "V" + Num(y + 3) + "Q" + Num(x) + " " +
                     Num(y) + " " + Num(x + 3) + " " + Num(y) + "H" + Num(x + w - 3) + "Q" +
                     Num(x + w) + " " + Num(y) + " " + Num(x + w) + " " + Num(y + 3) + "V" +
                     Num(y + kBand) + "Z",
                 kDfw, "none");
        Shield(svg, x + kHostPad, y + 2.5, 10, "#ffffff", kDfwText);
        svg.Text(x + kHostPad + kIndent, y + 11.5, 10, labels.dfw, kDfwText);
        cy += kBand;
    }
    svg.Rect(x, y, w, h, 3, "none", physical ? kMuted : kHostEdge,
             physical ? " stroke-dasharray=\"4 3\"" : "");
    cy += 5;
    svg.Text(x + kHostPad, cy + 12, kHostTitleSize, box.title, kInk);
    cy += kTitleLine;
    if (!box.hostFirewall.empty())
    {
        Shield(svg, x + kHostPad, cy + 2, 10, kHostFw, "none");
        svg.Text(x + kHostPad + kIndent, cy + 11, kHostLineSize, box.hostFirewall, kHostFw);
        cy += kLine;
    }
    for (const ServerLine& s : box.servers)
    {
        if (s.jewel)
        {
            double lineW = kIndent + TextWidth(s.name, kHostLineSize, true) +
                           TextWidth(" " + labels.crownJewel, kHostLineSize) + 4;
            svg.Rect(x + kHostPad - 3, cy + 0.5, lineW + 6, kLine - 1, 2, kJewelFill, kJewel);
            Crown(svg, x + kHostPad - 0.5, cy + 3);
            svg.Text(x + kHostPad + kIndent, cy + 11, kHostLineSize,
                     {Span{s.name, true, kJewel}, Span{" " + labels.crownJewel, false, kJewel}},
                     kInk);
        }
        else
        {
            svg.Rect(x + kHostPad + 2, cy + 5, 5, 5, 0, kMuted, "none");
            svg.Text(x + kHostPad + kIndent, cy + 11, kHostLineSize, s.name, kInk);
        }
        cy += kLine;
    }
    if (!box.moreServers.empty())
    {
        svg.Text(x + kHostPad + kIndent, cy + 11, kHostLineSize, box.moreServers, kMuted);
    }
}

// Segment box metrics.
constexpr double kSegPad = 10;
constexpr double kSegHeader = 42;
constexpr double kHostGap = 7;
constexpr double kMinSegmentWidth = 170;

struct SegmentBox
{
    bool more = false; ///< the segments cut by "and N more"
    std::string name;
    std::string detail; ///< "VLAN 110 · 10.10.0.0/24", or the counts of the cut segments
    std::vector<HostBox> hosts;
    double width = 0;
    double height = 0;
};

void
MeasureSegmentBox(SegmentBox& box)
{
    double w = std::max(TextWidth(box.name, 13, true), TextWidth(box.detail, 11));
    double h = kSegHeader;
    for (const HostBox& host : box.hosts)
    {
        w = std::max(w, host.width + (host.kind == HostBoxKind::MoreHosts ? 4 : 0));
        h += host.height + kHostGap + (host.kind == HostBoxKind::MoreHosts ? 4 : 0);
    }
    box.width = std::max(kMinSegmentWidth, w + 2 * kSegPad);
    box.height = h + kSegPad - (box.hosts.empty() ? 2 : kHostGap);
}

void
DrawSegmentBox(SvgOut& svg, const SegmentBox& box, double x, double y, double w, double h,
               const EstateDiagramLabels& labels)
{
    if (box.more)
    {
        svg.Rect(x + 5, y + 5, w - 5, h - 5, 5, kSegmentFill, kSegmentEdge);
        svg.Rect(x, y, w - 5, h - 5, 5, kSegmentFill, kSegmentEdge, " stroke-width=\"1.5\"");
    }
    else
    {
        svg.Rect(x, y, w, h, 5, kSegmentFill, kSegmentEdge, " stroke-width=\"1.5\"");
    }
    svg.Text(x + kSegPad, y + 18, 13, box.name, kInk, true);
    svg.Text(x + kSegPad, y + 33, 11, box.detail, kMuted);
    double cy = y + kSegHeader;
    for (const HostBox& host : box.hosts)
    {
        double inset = host.kind == HostBoxKind::MoreHosts ? 4 : 0;
        DrawHostBox(svg, host, x + kSegPad, cy, w - 2 * kSegPad - inset, labels);
        cy += host.height + kHostGap + inset;
    }
}

std::vector<ServerLine>
ServerLines(const Cell& cell, const core::Estate& estate, std::string& more,
            const EstateDiagramLabels& labels)
{
    const auto& machines = estate.Machines();
    std::size_t n = cell.serverMachines.size();
    std::vector<bool> jewel(n);
    for (std::size_t i = 0; i < n; ++i)
    {
        jewel[i] = machines[static_cast<std::size_t>(cell.serverMachines[i])].holds.has_value();
    }
    std::size_t room = n > kMaxServerLines ? kMaxServerLines - 1 : n;
    std::vector<std::size_t> picked = Pick(n, room, jewel);
    // Crown jewels first: they are what the diagram is looked at for.
    std::stable_partition(picked.begin(), picked.end(),
                          [&jewel](std::size_t i) { return jewel[i]; });
    std::vector<ServerLine> lines;
    for (std::size_t i : picked)
    {
        lines.push_back(
            {Shorten(machines[static_cast<std::size_t>(cell.serverMachines[i])].name), jewel[i]});
    }
    more = n > room ? AndMore(labels, n - room) : "";
    return lines;
}

/// "esx01: 50 desktops": the name and the desktops as a count (the servers are listed by name
/// below it, so they are not counted again; that also avoids "1 servers").
std::vector<Span>
TitleSpans(const std::string& name, bool shorten, const Counts& counts,
           const EstateDiagramLabels& labels)
{
    std::vector<Span> spans{Span{shorten ? Shorten(name) : name, true, ""}};
    if (counts.desktops > 0)
    {
        spans.push_back(
            Span{": " + FormatThousands(counts.desktops) + " " + labels.desktops, false, ""});
    }
    return spans;
}

std::string
HostFirewallText(std::size_t running, std::size_t total, const EstateDiagramLabels& labels)
{
    if (running == 0)
    {
        return "";
    }
    if (running == total)
    {
        return labels.hostFirewall;
    }
    return labels.hostFirewall + ": " + FormatThousands(running) + "/" + FormatThousands(total);
}

SegmentBox
BuildSegmentBox(const core::Segment& segment, const SegmentCells& cells,
                const core::Scenario& scenario, const EstateDiagramLabels& labels)
{
    const core::Estate& estate = scenario.GetEstate();
    bool dfw = scenario.FindFirewall(core::FirewallKind::Dfw) != nullptr;
    SegmentBox box;
    box.name = Shorten(segment.name);
    box.detail = (segment.vlan > 0 ? "VLAN " + std::to_string(segment.vlan) + " \xC2\xB7 " : "") +
                 segment.cidr.ToString();

    std::size_t n = cells.hosts.size();
    std::size_t room = n > kMaxHostBoxes ? kMaxHostBoxes - 1 : n;
    std::vector<bool> jewel(n);
    for (std::size_t i = 0; i < n; ++i)
    {
        jewel[i] = cells.hosts[i].jewel;
    }
    std::vector<bool> shown(n, false);
    for (std::size_t i : Pick(n, room, jewel))
    {
        shown[i] = true;
        const Cell& cell = cells.hosts[i];
        HostBox host;
        host.title = TitleSpans(estate.Hosts()[static_cast<std::size_t>(cell.host)].name, true,
                                cell.counts, labels);
        host.dfw = dfw;
        host.hostFirewall = HostFirewallText(cell.hostFirewall, cell.counts.Total(), labels);
        host.servers = ServerLines(cell, estate, host.moreServers, labels);
        box.hosts.push_back(std::move(host));
    }
    if (room < n)
    {
        Counts rest;
        std::size_t restFirewall = 0;
        for (std::size_t i = 0; i < n; ++i)
        {
            if (!shown[i])
            {
                rest.Add(cells.hosts[i].counts);
                restFirewall += cells.hosts[i].hostFirewall;
            }
        }
        HostBox more;
        more.kind = HostBoxKind::MoreHosts;
        more.title = {Span{AndMore(labels, n - room), true, ""},
                      Span{": " + CountsText(rest, labels), false, ""}};
        more.dfw = dfw;
        more.hostFirewall = HostFirewallText(restFirewall, rest.Total(), labels);
        box.hosts.push_back(std::move(more));
    }
    if (cells.physical.counts.Total() > 0)
    {
        HostBox physical;
        physical.kind = HostBoxKind::Physical;
        physical.title = TitleSpans(labels.physical, false, cells.physical.counts, labels);
        physical.hostFirewall =
            HostFirewallText(cells.physical.hostFirewall, cells.physical.counts.Total(), labels);
        physical.servers = ServerLines(cells.physical, estate, physical.moreServers, labels);
        box.hosts.push_back(std::move(physical));
    }
    for (HostBox& host : box.hosts)
    {
        MeasureHostBox(host, labels);
    }
    MeasureSegmentBox(box);
    return box;
}

// ---------------------------------------------------------------------------------------------
// The legend.

enum class Swatch
{
    Segment,
    Host,
    Physical,
    Wall,
    Dfw,
    HostFirewall,
    CrownJewel,
    NotDefined,
};

struct LegendItem
{
    Swatch swatch;
    std::string text;
};

constexpr double kSwatchWidth = 22;
constexpr double kLegendSize = 11;
constexpr double kLegendLine = 20;

double
LegendItemWidth(const LegendItem& item)
{
    return kSwatchWidth + 6 + TextWidth(item.text, kLegendSize) + 18;
}

void
DrawSwatch(SvgOut& svg, Swatch swatch, double x, double y)
{
    switch (swatch)
    {
    case Swatch::Segment:
        svg.Rect(x, y, kSwatchWidth, 12, 3, kSegmentFill, kSegmentEdge, " stroke-width=\"1.5\"");
        break;
    case Swatch::Host:
        svg.Rect(x, y, kSwatchWidth, 12, 2, kHostFill, kHostEdge);
        break;
    case Swatch::Physical:
        svg.Rect(x, y, kSwatchWidth, 12, 2, kPhysicalFill, kMuted, " stroke-dasharray=\"4 3\"");
        break;
    case Swatch::Wall:
        Wall(svg, x, y, kSwatchWidth, 12, true);
        break;
    case Swatch::Dfw:
        svg.Rect(x, y, kSwatchWidth, 12, 2, kDfw, "none");
        Shield(svg, x + 6, y + 1.5, 9, "#ffffff", kDfwText);
        break;
    case Swatch::HostFirewall:
        Shield(svg, x + 5, y - 0.5, 12, kHostFw, "none");
        break;
    case Swatch::CrownJewel:
        svg.Rect(x, y, kSwatchWidth, 12, 2, kJewelFill, kJewel);
        Crown(svg, x + 5, y + 1.5);
        break;
    case Swatch::NotDefined:
        Wall(svg, x, y, kSwatchWidth, 12, false);
        break;
    }
}

} // namespace

std::string
EstateDiagramSvg(const core::Scenario& scenario, const EstateDiagramLabels& labels)
{
    const core::Estate& estate = scenario.GetEstate();
    const bool perimeter = scenario.FindFirewall(core::FirewallKind::Perimeter) != nullptr;
    const bool gateway = scenario.FindFirewall(core::FirewallKind::Gateway) != nullptr;
    const bool dfw = scenario.FindFirewall(core::FirewallKind::Dfw) != nullptr;
    const core::Firewall* hostFw = scenario.FindFirewall(core::FirewallKind::Host);

    // Segments: those holding crown jewels are never cut.
    std::vector<SegmentCells> cells = CollectCells(scenario);
    std::size_t segmentCount = cells.size();
    std::size_t room = segmentCount > kMaxSegmentBoxes ? kMaxSegmentBoxes - 1 : segmentCount;
    std::vector<bool> jewel(segmentCount);
    for (std::size_t s = 0; s < segmentCount; ++s)
    {
        jewel[s] = cells[s].jewel;
    }
    std::vector<SegmentBox> boxes;
    std::vector<bool> shown(segmentCount, false);
    for (std::size_t s : Pick(segmentCount, room, jewel))
    {
        shown[s] = true;
        boxes.push_back(BuildSegmentBox(estate.Segments()[s], cells[s], scenario, labels));
    }
    if (room < segmentCount)
    {
        Counts rest;
        for (std::size_t s = 0; s < segmentCount; ++s)
        {
            if (!shown[s])
            {
                rest.Add(cells[s].counts);
            }
        }
        SegmentBox more;
        more.more = true;
        more.name = AndMore(labels, segmentCount - room);
        more.detail = CountsText(rest, labels);
        MeasureSegmentBox(more);
        more.width += 5;
        more.height += 5;
        boxes.push_back(std::move(more));
    }

    // The segment grid: equal columns, as many per row as fit, rows balanced.
    double columnWidth = 0;
    for (const SegmentBox& box : boxes)
    {
        columnWidth = std::max(columnWidth, box.width);
    }
    std::size_t perRow = 1;
    double avail = kMaxWidth - 2 * kMargin;
    if (!boxes.empty())
    {
        auto fits = [&](std::size_t k, double inset)
        {
            return static_cast<double>(k) * columnWidth + static_cast<double>(k - 1) * kGap +
                       inset <=
                   avail;
        };
        if (fits(boxes.size(), 0))
        {
            perRow = boxes.size();
        }
        else
        {
            while (perRow + 1 < boxes.size() && fits(perRow + 1, kTrunkInset))
            {
                ++perRow;
            }
            std::size_t rows = (boxes.size() + perRow - 1) / perRow;
            perRow = (boxes.size() + rows - 1) / rows;
        }
    }
    std::size_t rowCount = boxes.empty() ? 0 : (boxes.size() + perRow - 1) / perRow;
    bool multiRow = rowCount > 1;
    double gridWidth = boxes.empty() ? 0
                                     : static_cast<double>(perRow) * columnWidth +
                                           static_cast<double>(perRow - 1) * kGap +
                                           (multiRow ? kTrunkInset : 0);

    // The internet: externals as chips inside a cloud.
    const double chipSize = 11;
    const double chipHeight = 20;
    std::vector<std::vector<Span>> chips;
    const auto& externals = estate.Externals();
    std::size_t externalRoom =
        externals.size() > kMaxExternals ? kMaxExternals - 1 : externals.size();
    for (std::size_t e = 0; e < externalRoom; ++e)
    {
        chips.push_back({Span{Shorten(externals[e].name), true, ""},
                         Span{" " + core::FormatIpv4(externals[e].ip), false, ""}});
    }
    if (externalRoom < externals.size())
    {
        chips.push_back({Span{AndMore(labels, externals.size() - externalRoom), false, kMuted}});
    }
    const double cloudMaxInner = 560;
    std::vector<std::vector<std::size_t>> chipRows;
    std::vector<double> chipRowWidths;
    for (std::size_t c = 0; c < chips.size(); ++c)
    {
        double w = SpansWidth(chips[c], chipSize) + 12;
        if (chipRows.empty() || chipRowWidths.back() + 8 + w > cloudMaxInner)
        {
            chipRows.emplace_back();
            chipRowWidths.push_back(-8);
        }
        chipRows.back().push_back(c);
        chipRowWidths.back() += 8 + w;
    }
    double cloudInner = TextWidth(labels.internet, 14, true);
    for (double w : chipRowWidths)
    {
        cloudInner = std::max(cloudInner, w);
    }
    double cloudHeight = 30 + static_cast<double>(chipRows.size()) * (chipHeight + 6);
    double cloudWidth = cloudInner + 24; // the half circles at the sides add cloudHeight

    // Canvas width: the grid, the cloud and the firewall labels beside the walls must fit.
    std::string perimeterText =
        perimeter ? labels.perimeter : labels.perimeter + " (" + labels.notDefined + ")";
    std::string gatewayText =
        gateway ? labels.gateway : labels.gateway + " (" + labels.notDefined + ")";
    double wallLabel =
        std::max(TextWidth(perimeterText, 12, true), TextWidth(gatewayText, 12, true));
    double width = kMinWidth;
    width = std::max(width, gridWidth + 2 * kMargin);
    width = std::max(width, cloudWidth + cloudHeight + 2 * kMargin);
    width = std::max(width, 2 * (kWallWidth / 2 + 10 + wallLabel + kMargin));
    const double cx = width / 2;

    // Legend items (only what the drawing uses).
    std::vector<LegendItem> legend;
    bool anyPhysical = false;
    bool anyJewel = false;
    for (const SegmentBox& box : boxes)
    {
        for (const HostBox& host : box.hosts)
        {
            anyPhysical = anyPhysical || host.kind == HostBoxKind::Physical;
            for (const ServerLine& s : host.servers)
            {
                anyJewel = anyJewel || s.jewel;
            }
        }
    }
    legend.push_back({Swatch::Segment, labels.segment});
    legend.push_back({Swatch::Host, labels.host});
    if (anyPhysical)
    {
        legend.push_back({Swatch::Physical, labels.physical});
    }
    if (perimeter || gateway)
    {
        legend.push_back({Swatch::Wall, perimeter && gateway
                                            ? labels.perimeter + ", " + labels.gateway
                                        : perimeter ? labels.perimeter
                                                    : labels.gateway});
    }
    if (dfw)
    {
        legend.push_back({Swatch::Dfw, labels.dfw});
    }
    if (hostFw != nullptr)
    {
        Counts running;
        for (const core::Machine& m : estate.Machines())
        {
            if (hostFw->appliesTo.addresses.Contains(m.ip))
            {
                running.Add(m.kind);
            }
        }
        if (running.Total() > 0)
        {
            legend.push_back(
                {Swatch::HostFirewall, labels.hostFirewall + ": " + CountsText(running, labels)});
        }
    }
    if (anyJewel)
    {
        legend.push_back({Swatch::CrownJewel, labels.crownJewel});
    }
    if (!perimeter || !gateway)
    {
        legend.push_back({Swatch::NotDefined, labels.notDefined});
    }
    for (const LegendItem& item : legend)
    {
        width = std::max(width, LegendItemWidth(item) + 2 * kMargin);
    }
    // The legend as a grid of equal columns, so that its entries line up.
    double legendColumn = 0;
    for (const LegendItem& item : legend)
    {
        legendColumn = std::max(legendColumn, LegendItemWidth(item));
    }
    std::size_t legendColumns =
        std::max<std::size_t>(1, static_cast<std::size_t>((width - 2 * kMargin) / legendColumn));
    std::vector<std::vector<std::size_t>> legendRows;
    for (std::size_t i = 0; i < legend.size(); ++i)
    {
        if (i % legendColumns == 0)
        {
            legendRows.emplace_back();
        }
        legendRows.back().push_back(i);
    }

    // Vertical positions, top to bottom.
    const double cloudTop = kMargin + kCloudBump;
    const double cloudBottom = cloudTop + cloudHeight;
    const double perimeterY = cloudBottom + 24;
    const double routerR = 14;
    const double routerY = perimeterY + kWallHeight + 20 + routerR;
    const double gatewayY = routerY + routerR + 14;
    const double busY = gatewayY + kWallHeight + 20;
    const double gridTop = busY + 16;
    std::vector<double> rowHeights(rowCount, 0);
    for (std::size_t b = 0; b < boxes.size(); ++b)
    {
        rowHeights[b / perRow] = std::max(rowHeights[b / perRow], boxes[b].height);
    }
    const double rowGap = 34;
    double gridBottom = gridTop;
    for (std::size_t r = 0; r < rowCount; ++r)
    {
        gridBottom += rowHeights[r] + (r + 1 < rowCount ? rowGap : 0);
    }
    const double legendTop = gridBottom + (boxes.empty() ? 0 : 24);
    const double height =
        legendTop + static_cast<double>(legendRows.size()) * kLegendLine + kMargin - 4;

    SvgOut svg;
    std::string title = labels.title + ": " + scenario.Name();
    svg.Raw("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + Num(width) + " " +
            Num(height) + "\" width=\"100%\" role=\"img\" aria-label=\"" + XmlEscape(title) +
            "\">\n");
    svg.Raw("<title>" + XmlEscape(title) + "</title>\n");
    svg.Rect(0, 0, width, height, 0, "#ffffff", "none");

    // Links first, so that walls, router and boxes sit on top of them.
    std::string links = "M" + Num(cx) + " " + Num(cloudBottom) + "V" +
                        Num(boxes.empty() ? gatewayY + kWallHeight : busY);
    double gridLeft = multiRow ? kMargin + kTrunkInset : (width - gridWidth) / 2;
    double trunkX = kMargin + 4;
    std::vector<double> rowTops(rowCount, gridTop);
    for (std::size_t r = 1; r < rowCount; ++r)
    {
        rowTops[r] = rowTops[r - 1] + rowHeights[r - 1] + rowGap;
    }
    for (std::size_t r = 0; r < rowCount; ++r)
    {
        std::size_t first = r * perRow;
        std::size_t last = std::min(boxes.size(), first + perRow) - 1;
        double firstCentre = gridLeft + columnWidth / 2;
        double lastCentre =
            gridLeft + static_cast<double>(last - first) * (columnWidth + kGap) + columnWidth / 2;
        double rowBus = rowTops[r] - 16;
        double from = multiRow ? trunkX : std::min(firstCentre, cx);
        double to = r == 0 ? std::max(lastCentre, cx) : lastCentre;
        links += "M" + Num(from) + " " + Num(rowBus) + "H" + Num(to);
        for (std::size_t b = first; b <= last; ++b)
        {
            double centre =
                gridLeft + static_cast<double>(b - first) * (columnWidth + kGap) + columnWidth / 2;
            links += "M" + Num(centre) + " " + Num(rowBus) + "V" + Num(rowTops[r]);
        }
    }
    if (multiRow)
    {
        links +=
            "M" + Num(trunkX) + " " + Num(rowTops[0] - 16) + "V" + Num(rowTops[rowCount - 1] - 16);
    }
    svg.Path(links, "none", kLink, " stroke-width=\"2\"");

    // The internet.
    Cloud(svg, cx - cloudWidth / 2, cloudTop, cloudWidth, cloudHeight);
    svg.Text(cx, cloudTop + 18, 14, labels.internet, kInk, true, "middle");
    for (std::size_t r = 0; r < chipRows.size(); ++r)
    {
        double x = cx - chipRowWidths[r] / 2;
        double y = cloudTop + 28 + static_cast<double>(r) * (chipHeight + 6);
        for (std::size_t c : chipRows[r])
        {
            double w = SpansWidth(chips[c], chipSize) + 12;
            svg.Rect(x, y, w, chipHeight, 3, "#ffffff", kCloudEdge);
            svg.Text(x + 6, y + 14, chipSize, chips[c], kInk);
            x += w + 8;
        }
    }

    // Perimeter, router, gateway.
    double labelX = cx + kWallWidth / 2 + 10;
    Wall(svg, cx - kWallWidth / 2, perimeterY, kWallWidth, kWallHeight, perimeter);
    svg.Text(labelX, perimeterY + 12.5, 12, perimeterText, perimeter ? kBrickText : kUndefinedText,
             true);
    Router(svg, cx, routerY, routerR);
    Wall(svg, cx - kWallWidth / 2, gatewayY, kWallWidth, kWallHeight, gateway);
    svg.Text(labelX, gatewayY + 12.5, 12, gatewayText, gateway ? kBrickText : kUndefinedText, true);

    // Segments.
    for (std::size_t b = 0; b < boxes.size(); ++b)
    {
        std::size_t r = b / perRow;
        double x = gridLeft + static_cast<double>(b % perRow) * (columnWidth + kGap);
        // Real segments share their row's height; the summary of the cut ones stays small.
        double h = boxes[b].more ? boxes[b].height : rowHeights[r];
        DrawSegmentBox(svg, boxes[b], x, rowTops[r], columnWidth, h, labels);
    }

    // Legend.
    for (std::size_t r = 0; r < legendRows.size(); ++r)
    {
        double x = kMargin;
        double y = legendTop + static_cast<double>(r) * kLegendLine;
        for (std::size_t i : legendRows[r])
        {
            DrawSwatch(svg, legend[i].swatch, x, y);
            svg.Text(x + kSwatchWidth + 6, y + 10.5, kLegendSize, legend[i].text, kInk);
            x += legendColumn;
        }
    }
    svg.Raw("</svg>\n");
    return svg.Str();
}

} // namespace reports
} // namespace segproof
