// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#include "connection-description.h"

#include "ipv4.h"

namespace segproof
{
namespace core
{

namespace
{
std::string
EndpointText(const Estate& estate, Ipv4Address ip)
{
    std::string name = estate.NameOf(ip);
    std::string address = FormatIpv4(ip);
    return name == address ? address : name + " (" + address + ")";
}
} // namespace

bool
HasPorts(std::uint8_t protocol)
{
    return protocol == static_cast<std::uint8_t>(Protocol::Tcp) ||
           protocol == static_cast<std::uint8_t>(Protocol::Udp);
}

std::string
DescribeConnection(const Estate& estate, const Connection& c)
{
    std::string text = EndpointText(estate, c.source) + " -> " +
                       EndpointText(estate, c.destination) + "  " + ProtocolName(c.protocol);
    if (HasPorts(c.protocol))
    {
        text += " " + std::to_string(c.sourcePort) + " -> " + std::to_string(c.destinationPort);
    }
    else if (c.protocol == static_cast<std::uint8_t>(Protocol::Icmp))
    {
        text += " type " + std::to_string(c.icmpType);
    }
    return text;
}

std::string
DescribeDecision(const Estate& estate, const Decision& d)
{
    return PointLabel(d.point, estate) + ": " + d.RuleId() + " " + ActionName(d.action);
}

} // namespace core
} // namespace segproof
