// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
// The estate diagram: what it names, where the firewalls are drawn, how it cuts big estates,
// and that it is well-formed, escaped and deterministic SVG.

#include "formats/scenario/scenario-reader.h"
#include "reports/estate-diagram.h"

#include <algorithm>
#include <cctype>
#include <gtest/gtest.h>
#include <string>
#include <vector>

namespace
{

using namespace segproof;

const char* const kNoDfw = R"(format: segproof/v1
name: no-dfw
estate:
  segments:
    - {name: lan, vlan: 10, cidr: 10.0.0.0/24}
    - {name: dmz, cidr: 10.0.1.0/24}
  hosts:
    - {name: h1}
  machines:
    - {name: "pc[1-3]", kind: desktop, segment: lan, host: h1, tags: [role|desk]}
    - {name: web, kind: server, segment: dmz, ip: 10.0.1.10, holds: {records: 10, bytes: 1MB}}
  external:
    - {name: c2, ip: 203.0.113.10}
groups:
  desktops: {tag: role|desk}
firewalls:
  gateway: {default: allow, rules: []}
)";

/// True when every element opened is closed in order, attribute values are quoted, and every
/// '&' starts one of the five XML entities or a numeric reference. Enough for what we write.
bool
WellFormed(const std::string& xml, std::string& why)
{
    std::vector<std::string> open;
    std::size_t i = 0;
    auto entityOk = [&xml](std::size_t at)
    {
        for (const char* e : {"&amp;", "&lt;", "&gt;", "&quot;", "&apos;", "&#"})
        {
            if (xml.compare(at, std::string(e).size(), e) == 0)
            {
                return xml.find(';', at) != std::string::npos;
            }
        }
        return false;
    };
    while (i < xml.size())
    {
        if (xml[i] == '&' && !entityOk(i))
        {
            why = "bare & at " + std::to_string(i);
            return false;
        }
        if (xml[i] == '>')
        {
            why = "bare > at " + std::to_string(i);
            return false;
        }
        if (xml[i] != '<')
        {
            ++i;
            continue;
        }
        bool closing = i + 1 < xml.size() && xml[i + 1] == '/';
        std::size_t nameStart = i + (closing ? 2 : 1);
        std::size_t nameEnd = nameStart;
        while (nameEnd < xml.size() && (std::isalnum(static_cast<unsigned char>(xml[nameEnd])) ||
                                        xml[nameEnd] == '-' || xml[nameEnd] == ':'))
        {
            ++nameEnd;
        }
        std::string name = xml.substr(nameStart, nameEnd - nameStart);
        if (name.empty())
        {
            why = "bad tag at " + std::to_string(i);
            return false;
        }
        // Find the tag's end outside quoted attribute values.
        std::size_t j = nameEnd;
        char quote = 0;
        for (; j < xml.size(); ++j)
        {
            if (quote != 0)
            {
                if (xml[j] == '<')
                {
                    why = "< inside an attribute at " + std::to_string(j);
                    return false;
                }
                if (xml[j] == '&' && !entityOk(j))
                {
                    why = "bare & inside an attribute at " + std::to_string(j);
                    return false;
                }
                quote = xml[j] == quote ? 0 : quote;
            }
            else if (xml[j] == '"' || xml[j] == '\'')
            {
                quote = xml[j];
            }
            else if (xml[j] == '=' && j + 1 < xml.size() && xml[j + 1] != '"' && xml[j + 1] != '\'')
            {
                why = "unquoted attribute at " + std::to_string(j);
                return false;
            }
            else if (xml[j] == '<')
            {
                why = "< inside a tag at " + std::to_string(j);
                return false;
            }
            else if (xml[j] == '>')
            {
                break;
            }
        }
        if (j == xml.size())
        {
            why = "unterminated tag " + name;
            return false;
        }
        bool selfClosing = xml[j - 1] == '/';
        if (closing)
        {
            if (open.empty() || open.back() != name)
            {
                why = "</" + name + "> closes " +
                      (open.empty() ? "nothing" : "<" + open.back() + ">");
                return false;
            }
            open.pop_back();
        }
        else if (!selfClosing)
        {
            if (open.empty() && i != 0)
            {
                why = "content after the root element";
                return false;
            }
            open.push_back(name);
        }
        i = j + 1;
    }
    if (!open.empty())
    {
        why = "<" + open.back() + "> never closed";
        return false;
    }
    return true;
}

/// The character data of every <text> element (tspans flattened), entities left escaped.
std::vector<std::string>
Texts(const std::string& svg)
{
    std::vector<std::string> texts;
    for (std::size_t at = svg.find("<text"); at != std::string::npos;
         at = svg.find("<text", at + 1))
    {
        std::size_t start = svg.find('>', at) + 1;
        std::size_t end = svg.find("</text>", start);
        std::string text;
        bool inTag = false;
        for (std::size_t k = start; k < end; ++k)
        {
            inTag = svg[k] == '<' ? true : svg[k] == '>' ? false : inTag;
            if (!inTag && svg[k] != '>')
            {
                text += svg[k];
            }
        }
        texts.push_back(text);
    }
    return texts;
}

bool
HasText(const std::vector<std::string>& texts, const std::string& wanted)
{
    return std::find(texts.begin(), texts.end(), wanted) != texts.end();
}

bool
HasTextContaining(const std::vector<std::string>& texts, const std::string& part)
{
    return std::any_of(texts.begin(), texts.end(),
                       [&part](const std::string& t) { return t.find(part) != std::string::npos; });
}

/// The width of the viewBox.
double
ViewBoxWidth(const std::string& svg)
{
    std::size_t at = svg.find("viewBox=\"0 0 ");
    return std::stod(svg.substr(at + 13));
}

const core::Scenario&
Seed()
{
    static const core::Scenario seed =
        formats::ReadScenarioFile(SEGPROOF_SCENARIOS_DIR "/seed.yaml");
    return seed;
}

TEST(EstateDiagramTest, SeedNamesSegmentsHostsServersAndExternals)
{
    std::string svg = reports::EstateDiagramSvg(Seed(), {});
    auto texts = Texts(svg);
    EXPECT_TRUE(HasText(texts, "vdi"));
    EXPECT_TRUE(HasText(texts, "VLAN 110 \xC2\xB7 10.10.0.0/24"));
    EXPECT_TRUE(HasText(texts, "servers"));
    EXPECT_TRUE(HasText(texts, "VLAN 200 \xC2\xB7 10.20.0.0/27"));
    EXPECT_TRUE(HasText(texts, "esx01: 50 desktops"));
    EXPECT_TRUE(HasText(texts, "esx02: 50 desktops"));
    EXPECT_TRUE(HasText(texts, "esx-mgmt")); // servers by name, not counted
    for (const char* server : {"ad01", "mail01", "proxy01"})
    {
        EXPECT_TRUE(HasText(texts, server)) << server;
    }
    EXPECT_TRUE(HasText(texts, "Internet"));
    EXPECT_TRUE(HasText(texts, "c2 203.0.113.10"));
}

TEST(EstateDiagramTest, SeedMarksTheCrownJewel)
{
    auto texts = Texts(reports::EstateDiagramSvg(Seed(), {}));
    EXPECT_TRUE(HasText(texts, "fs01 crown jewel"));
    EXPECT_FALSE(HasText(texts, "fs01")); // not also listed as a plain server
    EXPECT_FALSE(HasText(texts, "ad01 crown jewel"));
}

TEST(EstateDiagramTest, SeedDrawsEveryFirewallItDefines)
{
    std::string svg = reports::EstateDiagramSvg(Seed(), {});
    auto texts = Texts(svg);
    EXPECT_TRUE(HasText(texts, "perimeter firewall"));
    EXPECT_TRUE(HasText(texts, "gateway firewall"));
    // One DFW band per host box (esx01, esx02, esx-mgmt), plus the legend.
    EXPECT_EQ(std::count(texts.begin(), texts.end(), "DFW at every vNIC"), 4);
    // The host firewall runs on the 100 desktops: both desktop hosts say so, esx-mgmt does not.
    EXPECT_EQ(std::count(texts.begin(), texts.end(), "host firewall"), 2);
    EXPECT_TRUE(HasText(texts, "host firewall: 100 desktops"));
    EXPECT_FALSE(HasTextContaining(texts, "not defined"));
}

TEST(EstateDiagramTest, WithoutDfwNoDfwMarkAndMissingFirewallsAreNotDefined)
{
    core::Scenario scenario = formats::ReadScenarioText(kNoDfw, "no-dfw.yaml");
    std::string svg = reports::EstateDiagramSvg(scenario, {});
    auto texts = Texts(svg);
    EXPECT_FALSE(HasTextContaining(texts, "DFW"));
    EXPECT_FALSE(HasTextContaining(texts, "host firewall"));
    EXPECT_TRUE(HasText(texts, "perimeter firewall (not defined)"));
    EXPECT_TRUE(HasText(texts, "gateway firewall"));
    EXPECT_FALSE(HasText(texts, "gateway firewall (not defined)"));
    EXPECT_TRUE(HasText(texts, "h1: 3 desktops"));
    // The server without a host: not virtualised, still marked as a crown jewel.
    EXPECT_TRUE(HasText(texts, "not virtualised"));
    EXPECT_TRUE(HasText(texts, "web crown jewel"));
    EXPECT_TRUE(HasText(texts, "10.0.1.0/24")); // no VLAN
    std::string why;
    EXPECT_TRUE(WellFormed(svg, why)) << why;
}

TEST(EstateDiagramTest, HostFirewallCountsTheMachinesItAppliesTo)
{
    std::string yaml = kNoDfw;
    yaml += R"(  host: {applies_to: some, default_in: drop, default_out: allow}
groups:
  some: {machines: [pc1, pc2]}
)";
    yaml.replace(yaml.find("groups:\n  desktops: {tag: role|desk}\n"),
                 std::string("groups:\n  desktops: {tag: role|desk}\n").size(), "");
    core::Scenario scenario = formats::ReadScenarioText(yaml, "partial.yaml");
    auto texts = Texts(reports::EstateDiagramSvg(scenario, {}));
    EXPECT_TRUE(HasText(texts, "host firewall: 2/3")) << yaml;
    EXPECT_TRUE(HasText(texts, "host firewall: 2 desktops"));
    EXPECT_EQ(std::count_if(texts.begin(), texts.end(),
                            [](const std::string& t) { return t.rfind("host firewall", 0) == 0; }),
              2);
}

TEST(EstateDiagramTest, LargeCountsGetThousandsSeparators)
{
    std::string yaml = kNoDfw;
    yaml.replace(yaml.find("pc[1-3]"), 7, "pc[1-1234]");
    yaml.replace(yaml.find("10.0.0.0/24"), 11, "10.1.0.0/20");
    core::Scenario scenario = formats::ReadScenarioText(yaml, "big.yaml");
    auto texts = Texts(reports::EstateDiagramSvg(scenario, {}));
    EXPECT_TRUE(HasText(texts, "h1: 1,234 desktops"));
}

TEST(EstateDiagramTest, LabelsAndNamesAreEscaped)
{
    reports::EstateDiagramLabels labels;
    labels.title = "a<&b\"'";
    labels.dfw = "D<&F>";
    labels.andMore = "<{n}>&";
    std::string svg = reports::EstateDiagramSvg(Seed(), labels);
    EXPECT_NE(svg.find("D&lt;&amp;F&gt;"), std::string::npos);
    EXPECT_EQ(svg.find("D<&F"), std::string::npos);
    EXPECT_NE(svg.find("aria-label=\"a&lt;&amp;b&quot;&apos;: seed-flat-vdi\""), std::string::npos);
    EXPECT_NE(svg.find("<title>a&lt;&amp;b&quot;&apos;: seed-flat-vdi</title>"), std::string::npos);
    std::string why;
    EXPECT_TRUE(WellFormed(svg, why)) << why;
}

TEST(EstateDiagramTest, InvalidUtf8AndControlCharactersStayWellFormed)
{
    reports::EstateDiagramLabels labels;
    labels.internet = std::string("net\x01\xFF\xC3", 6);
    std::string svg = reports::EstateDiagramSvg(Seed(), labels);
    // The control character and both bytes that are not UTF-8 each become U+FFFD.
    EXPECT_NE(svg.find("net\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"), std::string::npos);
    std::string why;
    EXPECT_TRUE(WellFormed(svg, why)) << why;
}

TEST(EstateDiagramTest, IsAStandaloneAccessibleSvg)
{
    std::string svg = reports::EstateDiagramSvg(Seed(), {});
    EXPECT_EQ(svg.rfind("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ", 0), 0u);
    EXPECT_NE(svg.find("width=\"100%\" role=\"img\" aria-label=\"The estate: seed-flat-vdi\""),
              std::string::npos);
    EXPECT_NE(svg.find("<title>The estate: seed-flat-vdi</title>"), std::string::npos);
    EXPECT_EQ(svg.find("<script"), std::string::npos);
    EXPECT_EQ(svg.find("url("), std::string::npos);
    EXPECT_EQ(svg.find("href"), std::string::npos);
    EXPECT_EQ(svg.find("font-family"), std::string::npos);
    // The only URL is the namespace.
    EXPECT_EQ(svg.find("http", svg.find("http") + 1), std::string::npos);
    std::string why;
    EXPECT_TRUE(WellFormed(svg, why)) << why;
}

TEST(EstateDiagramTest, IsDeterministic)
{
    core::Scenario again = formats::ReadScenarioFile(SEGPROOF_SCENARIOS_DIR "/seed.yaml");
    EXPECT_EQ(reports::EstateDiagramSvg(Seed(), {}), reports::EstateDiagramSvg(again, {}));
    EXPECT_EQ(reports::EstateDiagramSvg(Seed(), {}), reports::EstateDiagramSvg(Seed(), {}));
}

TEST(EstateDiagramTest, JapaneseLabelsAppearVerbatim)
{
    reports::EstateDiagramLabels ja;
    ja.title = "環境構成";
    ja.internet = "インターネット";
    ja.perimeter = "境界ファイアウォール";
    ja.gateway = "ゲートウェイファイアウォール";
    ja.segment = "セグメント";
    ja.host = "ホスト";
    ja.desktops = "台のデスクトップ";
    ja.servers = "台のサーバー";
    ja.physical = "物理マシン";
    ja.dfw = "全vNICに分散ファイアウォール";
    ja.hostFirewall = "ホストファイアウォール";
    ja.crownJewel = "最重要データ";
    ja.notDefined = "未定義";
    ja.andMore = "他{n}件";
    std::string svg = reports::EstateDiagramSvg(Seed(), ja);
    auto texts = Texts(svg);
    EXPECT_NE(svg.find("<title>環境構成: seed-flat-vdi</title>"), std::string::npos);
    EXPECT_TRUE(HasText(texts, "インターネット"));
    EXPECT_TRUE(HasText(texts, "境界ファイアウォール"));
    EXPECT_TRUE(HasText(texts, "ゲートウェイファイアウォール"));
    EXPECT_TRUE(HasText(texts, "esx01: 50 台のデスクトップ"));
    EXPECT_TRUE(HasText(texts, "esx-mgmt"));
    EXPECT_TRUE(HasText(texts, "全vNICに分散ファイアウォール"));
    EXPECT_TRUE(HasText(texts, "ホストファイアウォール"));
    EXPECT_TRUE(HasText(texts, "fs01 最重要データ"));
    EXPECT_TRUE(HasText(texts, "セグメント"));
    EXPECT_TRUE(HasText(texts, "ホスト"));

    core::Scenario scenario = formats::ReadScenarioText(kNoDfw, "no-dfw.yaml");
    auto noDfw = Texts(reports::EstateDiagramSvg(scenario, ja));
    EXPECT_TRUE(HasText(noDfw, "境界ファイアウォール (未定義)"));
    EXPECT_TRUE(HasText(noDfw, "物理マシン"));
}

TEST(EstateDiagramTest, WideCharactersWidenTheDrawing)
{
    // 30 ASCII letters fit the default width; 30 CJK characters, twice as wide, do not.
    reports::EstateDiagramLabels ascii;
    ascii.perimeter = std::string(30, 'p');
    reports::EstateDiagramLabels cjk;
    cjk.perimeter.clear();
    for (int i = 0; i < 30; ++i)
    {
        cjk.perimeter += "境";
    }
    double narrow = ViewBoxWidth(reports::EstateDiagramSvg(Seed(), ascii));
    double wide = ViewBoxWidth(reports::EstateDiagramSvg(Seed(), cjk));
    EXPECT_GT(wide, narrow + 300);
    // The label, right of the centred wall, ends inside the drawing: 30 wide characters are
    // 60 units at 12 user units, at least 0.6 of the size each.
    EXPECT_GE(wide, 2 * (80 + 10 + 60 * 12 * 0.6));
}

TEST(EstateDiagramTest, EnterpriseIsCutToAReadableSmallDrawing)
{
    core::Scenario enterprise =
        formats::ReadScenarioFile(SEGPROOF_SCENARIOS_DIR "/enterprise-10k.yaml");
    std::string svg = reports::EstateDiagramSvg(enterprise, {});
    EXPECT_LT(svg.size(), 200u * 1024u);
    auto texts = Texts(svg);
    // 25 segments: 7 drawn (the two holding crown jewels among them) and one for the rest.
    EXPECT_TRUE(HasText(texts, "and 18 more"));
    EXPECT_TRUE(HasText(texts, "servers"));
    EXPECT_TRUE(HasText(texts, "db"));
    EXPECT_TRUE(HasText(texts, "fs04 crown jewel"));
    EXPECT_TRUE(HasText(texts, "sql01 crown jewel"));
    // 500 desktops of a segment over 16 hosts: 5 hosts drawn, the other 11 summed up.
    EXPECT_TRUE(HasTextContaining(texts, "and 11 more: "));
    EXPECT_TRUE(HasText(texts, "esx-b1-01: 32 desktops"));
    EXPECT_FALSE(HasTextContaining(texts, "esx-b1-06"));
    // 13 externals: 7 chips and the rest.
    EXPECT_TRUE(HasText(texts, "and 6 more"));
    EXPECT_LE(ViewBoxWidth(svg), 1000);
    std::string why;
    EXPECT_TRUE(WellFormed(svg, why)) << why;
}

TEST(EstateDiagramTest, WellFormednessCheckerCatchesMistakes)
{
    std::string why;
    EXPECT_TRUE(WellFormed("<svg><g a=\"1\"/><text>a &amp; b</text></svg>", why)) << why;
    EXPECT_FALSE(WellFormed("<svg><g></svg>", why));
    EXPECT_FALSE(WellFormed("<svg><text>a & b</text></svg>", why));
    EXPECT_FALSE(WellFormed("<svg><text>a < b</text></svg>", why));
    EXPECT_FALSE(WellFormed("<svg a=1></svg>", why));
    EXPECT_FALSE(WellFormed("<svg>", why));
}

} // namespace
