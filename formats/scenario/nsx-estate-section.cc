// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#include "nsx-estate-section.h"

#include "core/ipv4.h"
#include "estate-reader.h"
#include "formats/nsx/nsx-estate-reader.h"

#include <set>

namespace segproof
{
namespace formats
{

bool
IsNsxEstate(const YAML::Node& estate)
{
    return estate && estate.IsMap() && estate["nsx"];
}

namespace
{

/// `external: [{name, ip}]` beside an NSX estate: addresses outside every segment.
std::vector<core::External>
ReadExternals(const YAML::Node& node, const std::vector<core::Segment>& segments,
              const std::vector<core::Machine>& machines, YamlContext& context)
{
    std::vector<core::External> externals;
    if (!node)
    {
        return externals;
    }
    if (!node.IsSequence())
    {
        context.Error(node, "'external' must be a list of {name, ip}");
        return externals;
    }
    std::set<std::string> names;
    for (const auto& m : machines)
    {
        names.insert(m.name);
    }
    for (const auto& item : node)
    {
        if (!context.CheckMap(item, "an external address", {"name", "ip"}) ||
            !context.Require(item, "an external address", {"name", "ip"}))
        {
            continue;
        }
        core::External external;
        external.name = context.String(item, "name").value_or("");
        external.location = context.Location(item);
        auto ip = core::ParseIpv4(context.String(item, "ip").value_or(""));
        if (!ip)
        {
            context.Error(item["ip"], "'ip' must be an IPv4 address");
            continue;
        }
        external.ip = *ip;
        bool inside = false;
        for (const auto& segment : segments)
        {
            if (segment.cidr.Contains(*ip))
            {
                context.Error(item["ip"], "external address " + core::FormatIpv4(*ip) +
                                              " lies inside segment " + segment.name + " (" +
                                              segment.cidr.ToString() + ")");
                inside = true;
            }
        }
        if (!names.insert(external.name).second)
        {
            context.Error(item["name"], "the name '" + external.name +
                                            "' is already a machine's or an external's");
            continue;
        }
        if (!inside)
        {
            externals.push_back(external);
        }
    }
    return externals;
}

} // namespace

NsxEstateSection
ReadNsxEstateSection(const YAML::Node& node, YamlContext& context, const NsxFileLoader& load)
{
    NsxEstateSection section;
    if (!context.CheckMap(node, "'estate'", {"nsx", "unaddressed", "external"}))
    {
        return section;
    }
    NsxEstateOptions options;
    if (auto unaddressed = context.String(node, "unaddressed"))
    {
        if (*unaddressed == "placeholder")
        {
            options.placeholderAddresses = true;
        }
        else if (*unaddressed != "skip")
        {
            context.Error(node["unaddressed"],
                          "'unaddressed' must be skip or placeholder, got '" + *unaddressed + "'");
        }
    }
    std::shared_ptr<const NsxFile> file = load(node["nsx"]);
    if (!file)
    {
        return section;
    }
    try
    {
        NsxEstateImport imported = ReadNsxEstate(*file, options);
        for (const auto& segment : imported.segments)
        {
            std::string reserved = ReservedBlockOverlapping(segment.cidr);
            if (!reserved.empty())
            {
                context.Error(segment.location, "segment " + segment.name + " (" +
                                                    segment.cidr.ToString() + ") overlaps " +
                                                    reserved +
                                                    ", where no machine can have an "
                                                    "address");
            }
        }
        std::vector<core::External> externals =
            ReadExternals(node["external"], imported.segments, imported.machines, context);
        for (auto& m : imported.machines)
        {
            m.listens =
                m.kind == core::MachineKind::Desktop ? DefaultDesktopListens() : core::ServiceSet{};
        }
        section.estate = core::Estate(std::move(imported.segments), std::move(imported.hosts),
                                      std::move(imported.machines), std::move(externals));
        section.warnings = std::move(imported.warnings);
        NsxGroupsImport groups = ReadNsxGroups(*file, section.estate);
        section.groups = std::move(groups.groups);
        section.warnings.insert(section.warnings.end(), groups.warnings.begin(),
                                groups.warnings.end());
    }
    catch (const core::InputError& e)
    {
        for (const auto& d : e.Diagnostics())
        {
            context.Error(d.location, d.message);
        }
    }
    return section;
}

} // namespace formats
} // namespace segproof
