// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#include "validate-summary.h"

#include "number-format.h"

#include <algorithm>
#include <iomanip>
#include <map>
#include <set>
#include <sstream>

namespace segproof
{
namespace reports
{

namespace
{

using core::Index;
using core::MachineKind;

constexpr std::size_t kMaxSegmentRows = 12;

std::string
Plural(std::size_t n, const std::string& word)
{
    bool sibilant = !word.empty() && word.back() == 's';
    return FormatThousands(n) + " " + word + (n == 1 ? "" : sibilant ? "es" : "s");
}

std::string
Bytes(std::uint64_t bytes)
{
    const char* units[] = {"B", "KB", "MB", "GB", "TB"};
    double value = static_cast<double>(bytes);
    int unit = 0;
    while (value >= 1000 && unit < 4)
    {
        value /= 1000;
        ++unit;
    }
    std::ostringstream out;
    out << std::setprecision(value < 10 ? 2 : 3) << value << " " << units[unit];
    return out.str();
}

/// Joins items into lines of at most kWidth columns, each after `indent`; after `maxLines`
/// lines the rest is counted as "... and N more".
std::string
WrapCut(const std::vector<std::string>& items, const std::string& indent, std::size_t maxLines)
{
    constexpr std::size_t kWidth = 100;
    std::vector<std::string> lines(1);
    std::size_t placed = 0;
    for (; placed < items.size(); ++placed)
    {
        std::string piece = items[placed] + (placed + 1 < items.size() ? "," : "");
        if (!lines.back().empty() &&
            indent.size() + lines.back().size() + 1 + piece.size() > kWidth)
        {
            if (lines.size() == maxLines)
            {
                break;
            }
            lines.emplace_back();
        }
        lines.back() += (lines.back().empty() ? "" : " ") + piece;
    }
    if (placed < items.size())
    {
        lines.back() += " ... and " + std::to_string(items.size() - placed) + " more";
    }
    std::string text;
    for (std::size_t i = 0; i < lines.size(); ++i)
    {
        text += (i == 0 ? "" : "\n" + indent) + lines[i];
    }
    return text;
}

using Counts = core::MachineCounts;

std::string
KindText(const Counts& c)
{
    std::vector<std::string> parts;
    if (c.desktops > 0)
    {
        parts.push_back(Plural(c.desktops, "desktop"));
    }
    if (c.servers > 0)
    {
        parts.push_back(Plural(c.servers, "server"));
    }
    return parts.empty()       ? "no machines"
           : parts.size() == 1 ? parts[0]
                               : parts[0] + ", " + parts[1];
}

void
WriteEstate(std::ostringstream& out, const core::Scenario& scenario)
{
    const core::Estate& estate = scenario.GetEstate();
    Counts all;
    std::vector<Counts> perSegment(estate.Segments().size());
    std::vector<Counts> perHost(estate.Hosts().size());
    Counts unhosted;
    for (const auto& m : estate.Machines())
    {
        all.Add(m.kind);
        perSegment[static_cast<std::size_t>(m.segment)].Add(m.kind);
        if (m.host == core::kNone)
        {
            unhosted.Add(m.kind);
        }
        else
        {
            perHost[static_cast<std::size_t>(m.host)].Add(m.kind);
        }
    }
    out << "estate      " << Plural(all.Total(), "machine") << " (" << KindText(all) << ") in "
        << Plural(estate.Segments().size(), "segment") << " on "
        << Plural(estate.Hosts().size(), "host") << "; "
        << Plural(estate.Externals().size(), "external address") << "\n";

    // Names longer than the column (an NSX segment's display name) widen it.
    std::size_t nameWidth = 20;
    for (std::size_t s = 0; s < estate.Segments().size() && s < kMaxSegmentRows; ++s)
    {
        nameWidth = std::max(nameWidth, estate.Segments()[s].name.size());
    }
    out << "  " << std::left << std::setw(static_cast<int>(nameWidth)) << "segment"
        << " vlan  cidr                desktops  servers  free\n";
    for (std::size_t s = 0; s < estate.Segments().size() && s < kMaxSegmentRows; ++s)
    {
        const core::Segment& segment = estate.Segments()[s];
        std::uint64_t usable = segment.cidr.Size() > 2 ? segment.cidr.Size() - 2 : 0;
        std::uint64_t used = perSegment[s].Total();
        out << "  " << std::left << std::setw(static_cast<int>(nameWidth)) << segment.name << " "
            << std::right << std::setw(4) << (segment.vlan > 0 ? std::to_string(segment.vlan) : "-")
            << "  " << std::left << std::setw(18) << segment.cidr.ToString() << std::right
            << std::setw(9) << perSegment[s].desktops << std::setw(9) << perSegment[s].servers
            << " " << std::setw(5) << (usable > used ? usable - used : 0) << "\n";
    }
    if (estate.Segments().size() > kMaxSegmentRows)
    {
        Counts rest;
        for (std::size_t seg = kMaxSegmentRows; seg < estate.Segments().size(); ++seg)
        {
            rest.desktops += perSegment[seg].desktops;
            rest.servers += perSegment[seg].servers;
        }
        out << "  ... and " << Plural(estate.Segments().size() - kMaxSegmentRows, "more segment")
            << " (" << KindText(rest) << ")\n";
    }
    // Hosts: list them when few; otherwise group hosts by what they carry.
    std::vector<std::string> hostItems;
    if (estate.Hosts().size() <= 8)
    {
        for (std::size_t h = 0; h < estate.Hosts().size(); ++h)
        {
            hostItems.push_back(estate.Hosts()[h].name + " " + KindText(perHost[h]));
        }
    }
    else
    {
        std::map<std::string, std::size_t> shapes;
        for (const auto& c : perHost)
        {
            shapes[KindText(c)]++;
        }
        std::vector<std::pair<std::size_t, std::string>> sorted;
        for (const auto& [shape, n] : shapes)
        {
            sorted.emplace_back(n, shape);
        }
        std::sort(sorted.rbegin(), sorted.rend());
        for (const auto& [n, shape] : sorted)
        {
            hostItems.push_back(Plural(n, "host") + " with " + shape);
        }
    }
    if (unhosted.Total() > 0)
    {
        hostItems.push_back("no host (no vNIC, no DFW): " + KindText(unhosted));
    }
    if (!hostItems.empty())
    {
        out << "  hosts     " << WrapCut(hostItems, std::string(12, ' '), 2) << "\n";
    }
    std::vector<std::string> externals;
    for (const auto& e : estate.Externals())
    {
        externals.push_back(e.name + " " + core::FormatIpv4(e.ip));
    }
    if (!externals.empty())
    {
        out << "  external  " << WrapCut(externals, std::string(12, ' '), 2) << "\n";
    }
    std::vector<std::string> jewels;
    for (const auto& m : estate.Machines())
    {
        if (m.holds)
        {
            jewels.push_back(m.name + " (" + core::FormatIpv4(m.ip) + ") " +
                             FormatThousands(m.holds->records) + " records, " +
                             Bytes(m.holds->bytes));
        }
    }
    if (!jewels.empty())
    {
        out << "  data      " << WrapCut(jewels, std::string(12, ' '), 2) << "\n";
    }
}

void
WriteGroups(std::ostringstream& out, const core::Scenario& scenario)
{
    const core::Estate& estate = scenario.GetEstate();
    std::vector<std::string> items;
    for (const auto& g : scenario.Groups())
    {
        std::size_t machines = 0;
        for (const auto& m : estate.Machines())
        {
            machines += g.addresses.Contains(m.ip) ? 1 : 0;
        }
        for (const auto& e : estate.Externals())
        {
            machines += g.addresses.Contains(e.ip) ? 1 : 0;
        }
        std::string text = g.name + " " + std::to_string(machines);
        if (g.addresses.Size() != machines)
        {
            text += " (" + FormatThousands(g.addresses.Size()) + " addresses)";
        }
        items.push_back(text);
    }
    std::string head = "groups (" + std::to_string(scenario.Groups().size()) + ")  ";
    out << head << WrapCut(items, std::string(head.size(), ' '), 4) << "\n";
}

void
WriteServices(std::ostringstream& out, const core::Scenario& scenario)
{
    std::vector<std::string> items;
    for (const auto& s : scenario.Services())
    {
        std::string entries;
        for (const auto& e : s.entries)
        {
            entries += (entries.empty() ? "" : " ") + e.ToString();
        }
        items.push_back(s.name + " " + (s.entries.size() > 1 ? "(" + entries + ")" : entries));
    }
    std::string head = "services (" + std::to_string(scenario.Services().size()) + ")  ";
    out << head << WrapCut(items, std::string(head.size(), ' '), 3) << "\n";
}

void
WriteFirewalls(std::ostringstream& out, const core::Scenario& scenario)
{
    out << "firewalls\n";
    for (auto kind : core::kAllFirewallKinds)
    {
        const core::Firewall* fw = scenario.FindFirewall(kind);
        if (fw == nullptr)
        {
            continue;
        }
        std::size_t appliedTo = 0;
        std::size_t disabled = 0;
        for (const auto& r : fw->rules)
        {
            appliedTo += r.AppliesEverywhere() ? 0 : 1;
            disabled += r.disabled ? 1 : 0;
        }
        out << "  " << std::left << std::setw(10) << core::FirewallKindName(kind) << std::right
            << std::setw(6) << fw->rules.size() << " rules";
        if (kind == core::FirewallKind::Host)
        {
            std::size_t runs = 0;
            for (const auto& m : scenario.GetEstate().Machines())
            {
                runs += fw->appliesTo.addresses.Contains(m.ip) ? 1 : 0;
            }
            out << ", default in " << core::ActionName(fw->defaultIn) << " / out "
                << core::ActionName(fw->defaultOut) << ", on " << Plural(runs, "machine") << " ("
                << fw->appliesTo.ToString() << ")";
        }
        else
        {
            out << ", default " << core::ActionName(fw->defaultIn);
        }
        if (appliedTo > 0)
        {
            out << ", " << appliedTo << " with applied_to";
        }
        if (disabled > 0)
        {
            out << ", " << disabled << " disabled";
        }
        out << "\n";
    }
}

void
WritePostures(std::ostringstream& out, const core::Scenario& scenario)
{
    out << "postures (" << scenario.Postures().size() << ")\n";
    for (const auto& p : scenario.Postures())
    {
        out << "  " << std::left << std::setw(22) << p.name << std::right << p.FirewallList()
            << (p.idfw ? " + identity firewall" : "") << (p.quarantine ? " + quarantine" : "")
            << "\n";
    }
}

void
WriteIdentity(std::ostringstream& out, const core::Scenario& scenario)
{
    const core::Identity& identity = scenario.GetIdentity();
    if (!identity.given)
    {
        return;
    }
    std::size_t enabled = 0;
    for (const auto& u : identity.users)
    {
        enabled += u.enabled ? 1 : 0;
    }
    std::set<core::Index> machinesWithRights;
    for (const auto& grant : identity.rights)
    {
        machinesWithRights.insert(grant.machines.begin(), grant.machines.end());
    }
    std::size_t desktops = 0;
    for (const auto& pool : identity.pools)
    {
        desktops += pool.desktops.size();
    }
    out << "identity\n"
        << "  users " << identity.users.size() << " (" << enabled << " enabled), AD groups "
        << identity.groups.size() << "\n"
        << "  pools " << identity.pools.size() << " (" << desktops << " desktops)\n"
        << "  rights " << identity.rights.size() << " grants on " << machinesWithRights.size()
        << " machines, standing sessions " << identity.sessions.size() << "\n";
}

void
WriteIntents(std::ostringstream& out, const core::Scenario& scenario)
{
    std::map<core::IntentKind, std::size_t> byKind;
    std::size_t compromised = 0;
    for (const auto& i : scenario.Intents())
    {
        byKind[i.kind]++;
        compromised += i.assumeCompromised.written.empty() ? 0 : 1;
    }
    out << "intents (" << scenario.Intents().size() << ")";
    std::string sep = "  ";
    for (const auto& [kind, n] : byKind)
    {
        out << sep << n << " " << core::IntentKindName(kind);
        sep = ", ";
    }
    if (compromised > 0)
    {
        out << "; " << compromised << " assume compromised machines";
    }
    out << "\n";
}

} // namespace

std::string
FormatValidateSummary(const core::Scenario& scenario)
{
    std::ostringstream out;
    out << scenario.Name() << "  (" << scenario.SourceFile() << ", " << scenario.Format() << ")\n";
    if (!scenario.Description().empty())
    {
        out << scenario.Description() << "\n";
    }
    out << "\n";
    WriteEstate(out, scenario);
    WriteGroups(out, scenario);
    WriteServices(out, scenario);
    WriteFirewalls(out, scenario);
    WritePostures(out, scenario);
    WriteIdentity(out, scenario);
    WriteIntents(out, scenario);
    if (scenario.Attack().given || scenario.Defence().given)
    {
        out << "simulation  " << (scenario.Attack().given ? "attack: given" : "attack: defaults")
            << ", " << (scenario.Defence().given ? "defence: given" : "defence: defaults") << "\n";
    }
    return out.str();
}

} // namespace reports
} // namespace segproof
