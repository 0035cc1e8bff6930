// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#include "connection.h"

namespace segproof
{
namespace core
{

std::string
Connection::ToString() const
{
    bool hasPorts = protocol == static_cast<std::uint8_t>(Protocol::Tcp) ||
                    protocol == static_cast<std::uint8_t>(Protocol::Udp);
    if (hasPorts)
    {
        return FormatIpv4(source) + ":" + std::to_string(sourcePort) + " -> " +
               FormatIpv4(destination) + ":" + std::to_string(destinationPort) + " " +
               ProtocolName(protocol);
    }
    std::string text =
        FormatIpv4(source) + " -> " + FormatIpv4(destination) + " " + ProtocolName(protocol);
    if (protocol == static_cast<std::uint8_t>(Protocol::Icmp))
    {
        text += " type " + std::to_string(icmpType);
    }
    return text;
}

bool
EntryMatches(const ServiceEntry& entry, const Connection& connection)
{
    if (entry.anyProtocol)
    {
        return true;
    }
    if (entry.protocol != connection.protocol)
    {
        return false;
    }
    if (entry.protocol == static_cast<std::uint8_t>(Protocol::Icmp))
    {
        return entry.icmpTypes.Contains(connection.icmpType);
    }
    if (entry.protocol == static_cast<std::uint8_t>(Protocol::Tcp) ||
        entry.protocol == static_cast<std::uint8_t>(Protocol::Udp))
    {
        return entry.destinationPorts.Contains(connection.destinationPort) &&
               entry.sourcePorts.Contains(connection.sourcePort);
    }
    return true;
}

bool
ServiceMatches(const ServiceSet& service, const Connection& connection)
{
    for (const auto& entry : service.entries)
    {
        if (EntryMatches(entry, connection))
        {
            return true;
        }
    }
    return false;
}

} // namespace core
} // namespace segproof
