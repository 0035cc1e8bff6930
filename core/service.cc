// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#include "service.h"

#include <cctype>

namespace segproof
{
namespace core
{

std::string
ProtocolName(std::uint8_t protocol)
{
    switch (protocol)
    {
    case static_cast<std::uint8_t>(Protocol::Icmp):
        return "icmp";
    case static_cast<std::uint8_t>(Protocol::Tcp):
        return "tcp";
    case static_cast<std::uint8_t>(Protocol::Udp):
        return "udp";
    default:
        return "proto-" + std::to_string(protocol);
    }
}

ServiceEntry
ServiceEntry::Any()
{
    ServiceEntry entry;
    entry.anyProtocol = true;
    return entry;
}

namespace
{
std::string
RangeText(const ValueRange& range)
{
    if (range.first == range.last)
    {
        return std::to_string(range.first);
    }
    return std::to_string(range.first) + "-" + std::to_string(range.last);
}

} // namespace

std::optional<ValueRange>
ParseValueRange(const std::string& text, std::uint32_t max, bool& backwards)
{
    backwards = false;
    auto parseNumber = [max](const std::string& s) -> std::optional<std::uint32_t>
    {
        if (s.empty() || s.size() > 5)
        {
            return std::nullopt;
        }
        std::uint32_t value = 0;
        for (char c : s)
        {
            if (!std::isdigit(static_cast<unsigned char>(c)))
            {
                return std::nullopt;
            }
            value = value * 10 + static_cast<std::uint32_t>(c - '0');
        }
        if (value > max)
        {
            return std::nullopt;
        }
        return value;
    };
    auto dash = text.find('-');
    if (dash == std::string::npos)
    {
        auto v = parseNumber(text);
        if (!v)
        {
            return std::nullopt;
        }
        return ValueRange{*v, *v};
    }
    auto lo = parseNumber(text.substr(0, dash));
    auto hi = parseNumber(text.substr(dash + 1));
    if (!lo || !hi || *lo > *hi)
    {
        backwards = lo && hi;
        return std::nullopt;
    }
    return ValueRange{*lo, *hi};
}

std::string
ServiceEntry::ToString() const
{
    if (anyProtocol)
    {
        return "any";
    }
    std::string name = ProtocolName(protocol);
    if (protocol == static_cast<std::uint8_t>(Protocol::Icmp))
    {
        return icmpTypes == ValueRange{0, 255} ? name : name + "/" + RangeText(icmpTypes);
    }
    std::string text = name;
    if (!(destinationPorts == ValueRange{0, 65535}))
    {
        text += "/" + RangeText(destinationPorts);
    }
    if (!(sourcePorts == ValueRange{0, 65535}))
    {
        text += " from port " + RangeText(sourcePorts);
    }
    return text;
}

ServiceEntryParse
ParseServiceEntry(const std::string& text)
{
    auto slash = text.find('/');
    std::string protocol = text.substr(0, slash);
    std::string rest = slash == std::string::npos ? "" : text.substr(slash + 1);
    ServiceEntry entry;
    if (protocol == "tcp" || protocol == "udp")
    {
        entry.protocol =
            static_cast<std::uint8_t>(protocol == "tcp" ? Protocol::Tcp : Protocol::Udp);
        if (slash != std::string::npos)
        {
            bool backwards = false;
            auto ports = ParseValueRange(rest, 65535, backwards);
            if (backwards)
            {
                return {std::nullopt, "'" + text + "': the port range runs backwards (write " +
                                          protocol + "/FIRST-LAST with FIRST <= LAST)"};
            }
            if (!ports)
            {
                return {std::nullopt, "'" + text + "': expected " + protocol + "/PORT or " +
                                          protocol + "/FIRST-LAST with ports 0-65535"};
            }
            entry.destinationPorts = *ports;
        }
        return {entry, ""};
    }
    if (protocol == "icmp")
    {
        entry.protocol = static_cast<std::uint8_t>(Protocol::Icmp);
        if (slash != std::string::npos)
        {
            bool backwards = false;
            auto types = ParseValueRange(rest, 255, backwards);
            if (backwards)
            {
                return {std::nullopt, "'" + text +
                                          "': the ICMP type range runs backwards "
                                          "(write icmp/FIRST-LAST with FIRST <= LAST)"};
            }
            if (!types)
            {
                return {std::nullopt, "'" + text + "': expected icmp/TYPE with an ICMP type 0-255"};
            }
            entry.icmpTypes = *types;
        }
        return {entry, ""};
    }
    return {std::nullopt, "'" + text +
                              "' is not a service: expected a service name or tcp/PORT, "
                              "udp/PORT, tcp/FIRST-LAST, icmp/TYPE, tcp, udp, icmp"};
}

bool
ServiceSet::IsAny() const
{
    for (const auto& e : entries)
    {
        if (e.anyProtocol)
        {
            return true;
        }
    }
    return false;
}

} // namespace core
} // namespace segproof
