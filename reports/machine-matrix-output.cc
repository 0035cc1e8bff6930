// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#include "machine-matrix-output.h"

#include "core/ipv4.h"
#include "output-format.h"
#include "segproof/version.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <sstream>

namespace segproof
{
namespace reports
{

namespace
{

nlohmann::json
Range(const core::ValueRange& r)
{
    return nlohmann::json::array({r.first, r.last});
}

nlohmann::json
Delivered(const core::ServiceEntry& e)
{
    if (e.anyProtocol)
    {
        return {{"protocol", "other"}};
    }
    if (e.protocol == static_cast<std::uint8_t>(core::Protocol::Tcp) ||
        e.protocol == static_cast<std::uint8_t>(core::Protocol::Udp))
    {
        return {{"protocol", core::ProtocolName(e.protocol)},
                {"destination_ports", nlohmann::json::array({Range(e.destinationPorts)})},
                {"source_ports", nlohmann::json::array({Range(e.sourcePorts)})}};
    }
    if (e.protocol == static_cast<std::uint8_t>(core::Protocol::Icmp))
    {
        return {{"protocol", "icmp"}, {"icmp_types", nlohmann::json::array({Range(e.icmpTypes)})}};
    }
    return {{"protocol", e.protocol}};
}

} // namespace

std::string
FormatMachineMatrixText(const core::MachineConnectivity& c)
{
    std::ostringstream out;
    out << "matrix by machine: " << c.scenario << ", posture " << c.posture << " ("
        << (c.firewalls.empty() ? "no firewall" : c.firewalls) << ")\n";
    std::size_t fromWidth = std::string("source").size();
    std::size_t toWidth = std::string("destination").size();
    for (const auto& pair : c.pairs)
    {
        fromWidth = std::max(fromWidth, c.ends[pair.from].name.size());
        toWidth = std::max(toWidth, c.ends[pair.to].name.size());
    }
    auto pad = [](const std::string& text, std::size_t width)
    { return text + std::string(width - text.size(), ' '); };
    out << pad("source", fromWidth) << "  " << pad("destination", toWidth) << "  services\n";
    for (const auto& pair : c.pairs)
    {
        out << pad(c.ends[pair.from].name, fromWidth) << "  " << pad(c.ends[pair.to].name, toWidth)
            << "  " << core::DescribeDelivered(pair) << "\n";
    }
    out << c.pairs.size() << " pair" << (c.pairs.size() == 1 ? "" : "s")
        << " with a delivered service, among " << c.ends.size() << " machines and outside "
        << "ranges\n";
    return out.str();
}

std::string
FormatMachineMatrixJson(const core::MachineConnectivity& c)
{
    nlohmann::json ends = nlohmann::json::array();
    for (const auto& end : c.ends)
    {
        nlohmann::json addresses = nlohmann::json::array();
        for (const auto& r : end.addresses.Ranges())
        {
            addresses.push_back(r.first == r.last
                                    ? core::FormatIpv4(r.first)
                                    : core::FormatIpv4(r.first) + "-" + core::FormatIpv4(r.last));
        }
        ends.push_back({{"name", end.name},
                        {"kind", end.machine ? "machine" : "outside"},
                        {"addresses", addresses}});
    }
    nlohmann::json pairs = nlohmann::json::array();
    for (const auto& pair : c.pairs)
    {
        nlohmann::json delivered = nlohmann::json::array();
        for (const auto& e : pair.delivered)
        {
            delivered.push_back(Delivered(e));
        }
        pairs.push_back({{"from", c.ends[pair.from].name},
                         {"to", c.ends[pair.to].name},
                         {"services", core::DescribeDelivered(pair)},
                         {"everything", pair.everything},
                         {"delivered", delivered}});
    }
    nlohmann::json doc = {{"format", kMachineMatrixFormat},
                          {"segproof_version", SEGPROOF_VERSION},
                          {"scenario", c.scenario},
                          {"posture", c.posture},
                          {"firewalls", c.firewalls},
                          {"by", "machine"},
                          {"ends", ends},
                          {"pairs", pairs}};
    return doc.dump(2) + "\n";
}

} // namespace reports
} // namespace segproof
