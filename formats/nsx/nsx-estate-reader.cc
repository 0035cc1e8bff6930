// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#include "nsx-estate-reader.h"

#include "formats/input/yaml-context.h"
#include "nsx-address.h"
#include "nsx-context.h"
#include "nsx-document.h"
#include "nsx-group-resolver.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <unordered_map>

namespace segproof
{
namespace formats
{

namespace
{

const std::string kUnknownHost = "unknown-host";
const std::string kPlaceholderSegment = "unaddressed";
/// RFC 2544's benchmarking range: no production address plan uses it.
const char* const kPlaceholderCidr = "198.18.0.0/15";

std::string
Lower(std::string text)
{
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

/// A desktop when the guest OS is a client Windows (VDI's desktops); every other VM a server.
core::MachineKind
KindOf(const std::string& os)
{
    const std::string lower = Lower(os);
    return lower.find("windows") != std::string::npos && lower.find("server") == std::string::npos
               ? core::MachineKind::Desktop
               : core::MachineKind::Server;
}

std::string
Some(const std::vector<std::string>& names)
{
    std::string text;
    for (std::size_t i = 0; i < names.size() && i < 3; ++i)
    {
        text += (i == 0 ? "" : ", ") + names[i];
    }
    return text + (names.size() > 3 ? ", ..." : "");
}

class EstateReader
{
public:
    EstateReader(const NsxDocument& document, NsxContext& context, const NsxEstateOptions& options)
        : m_inventory(document.inventory), m_context(context), m_options(options)
    {
    }

    NsxEstateImport Read(const YAML::Node& root)
    {
        if (!m_inventory.present)
        {
            m_context.Error(root, "not a collector's bundle: an estate needs the inventory "
                                  "(virtual_machines, virtual_network_interface, segments), "
                                  "as segproof collect or np-guard's collector write it");
            return {};
        }
        ReadSegments();
        ReadVifs();
        ReadVms();
        PlaceUnplaced();
        m_result.segments = m_segments;
        return std::move(m_result);
    }

private:
    /// "subnets": [{"network": "10.0.0.0/24"} or {"gateway_address": "10.0.0.1/24"}]: the
    /// first IPv4 subnet.
    std::optional<core::Cidr> SubnetOf(const YAML::Node& segment, const std::string& where)
    {
        std::optional<core::Cidr> first;
        std::size_t ipv4 = 0;
        for (const auto& subnet : m_context.List(segment, "subnets", where))
        {
            if (!subnet.IsMap())
            {
                continue;
            }
            std::string text;
            bool gateway = false;
            if (auto network = m_context.Text(subnet, "network", where))
            {
                text = *network;
            }
            else if (auto address = m_context.Text(subnet, "gateway_address", where))
            {
                text = *address;
                gateway = true;
            }
            auto slash = text.find('/');
            if (slash == std::string::npos || text.find(':') != std::string::npos)
            {
                continue; // IPv6, or not a prefix
            }
            auto ip = core::ParseIpv4(text.substr(0, slash));
            int length = -1;
            try
            {
                length = std::stoi(text.substr(slash + 1));
            }
            catch (const std::exception&)
            {
            }
            if (!ip || length < 0 || length > 32)
            {
                m_context.Error(subnet, "'" + text + "' is not an IPv4 prefix" + InWhere(where));
                continue;
            }
            core::Cidr cidr;
            cidr.prefixLength = length;
            std::uint32_t mask = length == 0 ? 0 : ~std::uint32_t{0} << (32 - length);
            cidr.network = *ip & mask;
            if (!gateway && cidr.network != *ip)
            {
                m_context.Error(subnet, "the subnet '" + text +
                                            "' has host bits set (did you mean " + cidr.ToString() +
                                            "?)" + InWhere(where));
                continue;
            }
            if (!first)
            {
                first = cidr;
            }
            ++ipv4;
        }
        if (ipv4 > 1)
        {
            m_context.Warn(segment["subnets"], "segment " + where.substr(8) + " has " +
                                                   std::to_string(ipv4) +
                                                   " IPv4 subnets; segproof models one segment "
                                                   "per subnet and reads the first, " +
                                                   first->ToString());
        }
        return first;
    }

    void ReadSegments()
    {
        std::set<std::string> names;
        for (const auto& node : m_inventory.segments)
        {
            if (!node.IsMap())
            {
                m_context.Error(node, "a segment must be a JSON object, got " +
                                          NsxContext::JsonKind(node));
                continue;
            }
            auto id = m_context.Text(node, "id", "");
            auto path = m_context.Text(node, "path", "");
            auto display = m_context.Text(node, "display_name", "");
            std::string name = display && !display->empty() ? *display : id.value_or("");
            std::string nsxPath = path && !path->empty() ? *path
                                  : id && !id->empty()   ? "/infra/segments/" + *id
                                  : !name.empty()        ? "/infra/segments/" + name
                                                         : std::string();
            if (name.empty())
            {
                m_context.Error(node, "a segment lacks 'id' and 'display_name'");
                continue;
            }
            const std::string where = "segment " + nsxPath;
            auto cidr = SubnetOf(node, where);
            // The ports' attachments tie VIFs to the segment, with or without a subnet.
            std::optional<std::size_t> index;
            if (cidr)
            {
                for (const auto& other : m_segments)
                {
                    if (other.cidr.Overlaps(*cidr))
                    {
                        m_context.Warn(node, "segment " + name + " (" + cidr->ToString() +
                                                 ") overlaps segment " + other.name + " (" +
                                                 other.cidr.ToString() +
                                                 "): segproof's segments may not overlap, so "
                                                 "it is left out and its VMs are placed by "
                                                 "address");
                        cidr.reset();
                        break;
                    }
                }
            }
            if (cidr)
            {
                if (!names.insert(name).second)
                {
                    name += " (" + nsxPath + ")";
                }
                core::Segment segment;
                segment.name = name;
                segment.cidr = *cidr;
                segment.nsxPath = nsxPath;
                segment.location = m_context.Location(node);
                for (const auto& vlan : m_context.List(node, "vlan_ids", where))
                {
                    if (vlan.IsScalar())
                    {
                        try
                        {
                            int number = std::stoi(vlan.Scalar());
                            if (number >= 1 && number <= 4094 && segment.vlan == 0)
                            {
                                segment.vlan = number;
                            }
                        }
                        catch (const std::exception&)
                        {
                        }
                    }
                }
                index = m_segments.size();
                m_segments.push_back(segment);
            }
            else if (!node["subnets"] || m_context.List(node, "subnets", where).empty())
            {
                m_context.Warn(node, "segment " + name +
                                         " has no IPv4 subnet: its VMs are placed by address");
            }
            for (const auto& port : m_context.List(node, "segment_ports", where))
            {
                if (!port.IsMap() || !port["attachment"] || !port["attachment"].IsMap())
                {
                    continue;
                }
                auto attachment = m_context.Text(port["attachment"], "id", where);
                if (attachment && index)
                {
                    m_segmentOfAttachment[*attachment] = *index;
                }
            }
        }
    }

    void ReadVifs()
    {
        for (const auto& vif : m_inventory.vifs)
        {
            if (!vif.IsMap())
            {
                m_context.Error(vif,
                                "a VIF must be a JSON object, got " + NsxContext::JsonKind(vif));
                continue;
            }
            auto owner = m_context.Text(vif, "owner_vm_id", "a VIF");
            if (!owner || owner->empty())
            {
                m_context.Warn(vif, "a VIF without 'owner_vm_id' belongs to no VM: left out");
                continue;
            }
            m_vifsOf[*owner].push_back(vif);
        }
    }

    /// The first IPv4 address of a VM's VIFs, the VIF that has it, and how many there are.
    struct Address
    {
        std::optional<core::Ipv4Address> ip;
        YAML::Node vif;
        std::size_t count = 0;
    };

    Address AddressOf(const std::string& externalId)
    {
        Address address;
        auto found = m_vifsOf.find(externalId);
        if (found == m_vifsOf.end())
        {
            return address;
        }
        for (const auto& vif : found->second)
        {
            for (const auto& info : m_context.List(vif, "ip_address_info", "a VIF"))
            {
                if (!info.IsMap())
                {
                    continue;
                }
                for (const auto& text : m_context.List(info, "ip_addresses", "a VIF"))
                {
                    if (!text.IsScalar() || text.Scalar().find(':') != std::string::npos)
                    {
                        continue; // IPv6
                    }
                    auto ip = core::ParseIpv4(text.Scalar());
                    if (!ip)
                    {
                        m_context.Error(text, "'" + text.Scalar() +
                                                  "' is not an IPv4 address (in a VIF of " +
                                                  externalId + ")");
                        continue;
                    }
                    if (*ip == 0 || (*ip >> 16) == 0xA9FE)
                    {
                        continue; // unset, or link-local (169.254/16): not a VM's address
                    }
                    if (!address.ip)
                    {
                        address.ip = *ip;
                        address.vif = vif;
                    }
                    ++address.count;
                }
            }
        }
        return address;
    }

    core::Index HostFor(const YAML::Node& vm)
    {
        std::string name;
        if (vm["source"] && vm["source"].IsMap())
        {
            auto type = m_context.Text(vm["source"], "target_type", "a VM").value_or("");
            if (type == "HostNode")
            {
                name = m_context.Text(vm["source"], "target_display_name", "a VM").value_or("");
            }
        }
        if (name.empty())
        {
            name = m_context.Text(vm, "host_id", "a VM").value_or("");
        }
        if (name.empty())
        {
            name = kUnknownHost;
        }
        auto [it, inserted] = m_hostIndex.emplace(name, m_result.hosts.size());
        if (inserted)
        {
            core::Host host;
            host.name = name;
            host.location = m_context.Location(vm);
            m_result.hosts.push_back(host);
        }
        return static_cast<core::Index>(it->second);
    }

    void ReadVms()
    {
        std::set<std::string> names;
        std::map<core::Ipv4Address, std::string> holders;
        std::vector<std::string> unaddressed;
        YAML::Node firstUnaddressed;
        bool anyUnaddressed = false;
        std::size_t position = 0;
        for (const auto& vm : m_inventory.virtualMachines)
        {
            const std::string at = "virtual_machines[" + std::to_string(position++) + "]";
            if (!vm.IsMap())
            {
                m_context.Error(vm, "a virtual machine must be a JSON object, got " +
                                        NsxContext::JsonKind(vm));
                continue;
            }
            auto type = m_context.Text(vm, "type", "a VM").value_or("REGULAR");
            if (type == "TEMPLATE")
            {
                continue; // a template never runs: it has no vNIC in use
            }
            auto externalId = m_context.Text(vm, "external_id", "a VM").value_or("");
            auto name = m_context.Text(vm, "display_name", "a VM").value_or("");
            if (externalId.empty() && name.empty())
            {
                m_context.Error(vm, "a virtual machine lacks 'external_id' and 'display_name'");
                continue;
            }
            if (name.empty())
            {
                name = externalId;
            }
            core::Machine machine;
            machine.name = name;
            machine.externalId = externalId.empty() ? name : externalId;
            machine.location = m_context.Location(vm);
            if (vm["guest_info"] && vm["guest_info"].IsMap())
            {
                machine.os = m_context.Text(vm["guest_info"], "os_name", "a VM").value_or("");
            }
            machine.kind = KindOf(machine.os);
            for (const auto& tag : m_context.List(vm, "tags", "a VM"))
            {
                if (tag.IsMap())
                {
                    machine.tags.push_back(m_context.Text(tag, "scope", "a VM").value_or("") + "|" +
                                           m_context.Text(tag, "tag", "a VM").value_or(""));
                }
            }
            machine.host = HostFor(vm);
            Address address = AddressOf(machine.externalId);
            if (!address.ip)
            {
                if (!m_options.placeholderAddresses)
                {
                    unaddressed.push_back(name + " at " + at);
                    if (!anyUnaddressed)
                    {
                        firstUnaddressed.reset(vm);
                        anyUnaddressed = true;
                    }
                    continue;
                }
                m_placeholders.push_back(m_result.machines.size());
            }
            else
            {
                auto [holder, fresh] = holders.emplace(*address.ip, name);
                if (!fresh)
                {
                    m_context.Warn(address.vif, "VM " + name + " has address " +
                                                    core::FormatIpv4(*address.ip) + ", which VM " +
                                                    holder->second + " already holds: left out");
                    continue;
                }
                if (address.count > 1)
                {
                    m_context.Warn(address.vif, "VM " + name + " has " +
                                                    std::to_string(address.count) +
                                                    " IPv4 addresses; segproof models one per "
                                                    "machine and takes " +
                                                    core::FormatIpv4(*address.ip));
                }
                machine.ip = *address.ip;
                machine.segment = SegmentFor(address, name);
                if (machine.segment == core::kNone)
                {
                    m_unplaced.push_back(m_result.machines.size());
                }
            }
            if (!names.insert(machine.name).second)
            {
                m_context.Warn(vm, "two VMs are named " + machine.name + ": this one is " +
                                       machine.name + " (" + machine.externalId + ")");
                machine.name += " (" + machine.externalId + ")";
            }
            m_result.machines.push_back(std::move(machine));
            m_vmNodes.push_back(vm);
        }
        if (!unaddressed.empty())
        {
            m_context.Warn(firstUnaddressed,
                           std::to_string(unaddressed.size()) + " VM" +
                               (unaddressed.size() == 1 ? " has" : "s have") +
                               " no IPv4 address in the inventory (" + Some(unaddressed) +
                               "): left out of the estate; `unaddressed: placeholder` in the "
                               "scenario's estate gives them placeholder addresses instead");
        }
    }

    /// The segment of a VM's address: its VIF's segment port, else the segment whose subnet
    /// holds it; kNone when neither.
    core::Index SegmentFor(const Address& address, const std::string& vm)
    {
        auto attachment = m_context.Text(address.vif, "lport_attachment_id", "a VIF");
        if (attachment)
        {
            auto found = m_segmentOfAttachment.find(*attachment);
            if (found != m_segmentOfAttachment.end())
            {
                const core::Segment& segment = m_segments[found->second];
                if (segment.cidr.Contains(*address.ip))
                {
                    return static_cast<core::Index>(found->second);
                }
                m_context.Warn(address.vif,
                               "VM " + vm + "'s address " + core::FormatIpv4(*address.ip) +
                                   " lies outside its segment " + segment.name + " (" +
                                   segment.cidr.ToString() + "): placed by address instead");
            }
        }
        for (std::size_t i = 0; i < m_segments.size(); ++i)
        {
            if (m_segments[i].cidr.Contains(*address.ip))
            {
                return static_cast<core::Index>(i);
            }
        }
        return core::kNone;
    }

    bool Free(const core::Cidr& cidr) const
    {
        for (const auto& segment : m_segments)
        {
            if (segment.cidr.Overlaps(cidr))
            {
                return false;
            }
        }
        return true;
    }

    /// VMs whose address lies on no segment of the bundle: a segment per /24 (narrower where a
    /// known segment is near), inferred from the addresses; and the placeholder segment.
    void PlaceUnplaced()
    {
        std::map<std::size_t, std::vector<std::string>> placedIn; // segment -> VMs
        for (std::size_t index : m_unplaced)
        {
            core::Machine& machine = m_result.machines[index];
            for (std::size_t i = 0; i < m_segments.size(); ++i)
            {
                if (m_segments[i].cidr.Contains(machine.ip))
                {
                    machine.segment = static_cast<core::Index>(i);
                }
            }
            for (int length = 24; machine.segment == core::kNone && length <= 30; ++length)
            {
                core::Cidr cidr;
                cidr.prefixLength = length;
                cidr.network = machine.ip & (~std::uint32_t{0} << (32 - length));
                if (!Free(cidr) || machine.ip == cidr.First() || machine.ip == cidr.Last())
                {
                    continue;
                }
                core::Segment segment;
                segment.name = "inferred-" + cidr.ToString();
                std::replace(segment.name.begin(), segment.name.end(), '/', '-');
                segment.cidr = cidr;
                segment.location = machine.location;
                machine.segment = static_cast<core::Index>(m_segments.size());
                m_inferredAt[m_segments.size()] = m_vmNodes[index];
                m_segments.push_back(segment);
            }
            if (machine.segment == core::kNone)
            {
                m_context.Error(m_vmNodes[index], "VM " + machine.name + "'s address " +
                                                      core::FormatIpv4(machine.ip) +
                                                      " lies on no segment, and no segment can "
                                                      "be inferred around it");
                continue;
            }
            placedIn[static_cast<std::size_t>(machine.segment)].push_back(machine.name);
        }
        for (const auto& [segment, vms] : placedIn)
        {
            const core::Segment& s = m_segments[segment];
            if (s.name.rfind("inferred-", 0) != 0)
            {
                continue;
            }
            m_context.Warn(m_inferredAt[segment],
                           std::to_string(vms.size()) + " VM" +
                               (vms.size() == 1 ? "'s VIF is" : "s' VIFs are") +
                               " on no segment of the bundle (" + Some(vms) +
                               "): placed in segment " + s.name + " (" + s.cidr.ToString() +
                               "), inferred from the addresses; the gateway and "
                               "perimeter between it and the rest are a guess");
        }
        if (m_placeholders.empty())
        {
            return;
        }
        core::Segment placeholder;
        placeholder.name = kPlaceholderSegment;
        placeholder.cidr = *core::ParseCidr(kPlaceholderCidr).cidr;
        if (!Free(placeholder.cidr))
        {
            m_context.Error(m_vmNodes[m_placeholders.front()],
                            std::string("the placeholder range ") + kPlaceholderCidr +
                                " overlaps a segment of the bundle");
            return;
        }
        const core::Index index = static_cast<core::Index>(m_segments.size());
        m_segments.push_back(placeholder);
        std::vector<std::string> names;
        core::Ipv4Address next = placeholder.cidr.First() + 10;
        for (std::size_t i : m_placeholders)
        {
            m_result.machines[i].ip = next++;
            m_result.machines[i].segment = index;
            names.push_back(m_result.machines[i].name);
        }
        m_context.Warn(m_vmNodes[m_placeholders.front()],
                       std::to_string(names.size()) + " VM" + (names.size() == 1 ? "" : "s") +
                           " without an IPv4 address (" + Some(names) +
                           ") got placeholder addresses in segment " + kPlaceholderSegment + " (" +
                           kPlaceholderCidr +
                           "): rules over groups apply to them, rules over addresses never do");
    }

    const NsxInventory& m_inventory;
    NsxContext& m_context;
    NsxEstateOptions m_options;
    NsxEstateImport m_result;
    std::vector<core::Segment> m_segments;
    std::unordered_map<std::string, std::size_t> m_segmentOfAttachment;
    std::unordered_map<std::string, std::vector<YAML::Node>> m_vifsOf; ///< by owner_vm_id
    std::map<std::string, std::size_t> m_hostIndex;
    std::vector<std::size_t> m_unplaced;     ///< machines with an address on no known segment
    std::vector<std::size_t> m_placeholders; ///< machines without an address
    std::vector<YAML::Node> m_vmNodes;       ///< where each machine was read
    std::map<std::size_t, YAML::Node> m_inferredAt; ///< inferred segment -> its first VM
};

} // namespace

NsxEstateImport
ReadNsxEstate(const NsxFile& file, const NsxEstateOptions& options)
{
    core::DiagnosticList diagnostics;
    YamlContext yaml(file.FileName(), diagnostics);
    file.Attach(yaml);
    NsxContext context(yaml);
    NsxEstateImport result;
    std::optional<core::Diagnostic> stopNote;
    try
    {
        NsxDocument document = ReadNsxDocument(file.Root(), context);
        result = EstateReader(document, context, options).Read(file.Root());
    }
    catch (const ReadingStopped& stopped)
    {
        stopNote = stopped.note;
    }
    ThrowIfErrors(diagnostics, stopNote);
    result.warnings = file.Warnings();
    result.warnings.insert(result.warnings.end(), context.Warnings().begin(),
                           context.Warnings().end());
    result.warnings = WarningsInFileOrder(std::move(result.warnings));
    return result;
}

NsxGroupsImport
ReadNsxGroups(const NsxFile& file, const core::Estate& estate)
{
    core::DiagnosticList diagnostics;
    YamlContext yaml(file.FileName(), diagnostics);
    file.Attach(yaml);
    NsxContext context(yaml);
    NsxDocument document = ReadNsxDocument(file.Root(), context);
    NsxGroupsImport result;
    // Each group is tried on its own: one whose criteria are not modelled is left out with a
    // warning, and an error only where a rule uses it (the DFW import reports that). One
    // resolver for all (it builds the VMs' fields once and memoises nested groups), its errors
    // collected apart: those a group adds are its own.
    core::DiagnosticList trial;
    YamlContext trialYaml(file.FileName(), trial);
    file.Attach(trialYaml);
    NsxContext trialContext(trialYaml);
    NsxGroupResolver resolver(document, estate, trialContext);
    std::set<std::string> names;
    for (const auto& [path, object] : document.groups)
    {
        const std::size_t before = trial.Items().size();
        const NsxGroupMembers* members = resolver.Resolve(path, object.node, "a group", "");
        if (!members || trial.Items().size() > before)
        {
            std::string why = trial.Items().size() > before
                                  ? trial.Items()[before].message
                                  : "it is built on a group that is not (above)";
            context.Warn(object.node,
                         "group " + path + " is not available to intents and native rules: " + why);
            continue;
        }
        core::Group group;
        group.name = object.Name();
        if (!names.insert(group.name).second)
        {
            group.name = path;
            names.insert(path);
        }
        group.addresses = members->addresses;
        group.definition = "NSX group " + path;
        group.location = context.Location(object.node);
        result.groups.push_back(std::move(group));
    }
    for (const auto& warning : trialContext.Warnings())
    {
        result.warnings.push_back(warning);
    }
    ThrowIfErrors(diagnostics, std::nullopt);
    for (const auto& warning : context.Warnings())
    {
        result.warnings.push_back(warning);
    }
    result.warnings = WarningsInFileOrder(std::move(result.warnings));
    return result;
}

} // namespace formats
} // namespace segproof
