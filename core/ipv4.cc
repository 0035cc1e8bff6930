// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#include "ipv4.h"

#include <cctype>

namespace segproof
{
namespace core
{

std::optional<Ipv4Address>
ParseIpv4(const std::string& text)
{
    Ipv4Address address = 0;
    std::size_t pos = 0;
    for (int octet = 0; octet < 4; ++octet)
    {
        if (octet > 0)
        {
            if (pos >= text.size() || text[pos] != '.')
            {
                return std::nullopt;
            }
            ++pos;
        }
        std::size_t start = pos;
        unsigned value = 0;
        while (pos < text.size() && std::isdigit(static_cast<unsigned char>(text[pos])) &&
               pos - start < 3)
        {
            value = value * 10 + static_cast<unsigned>(text[pos] - '0');
            ++pos;
        }
        if (pos == start || value > 255 || (pos - start > 1 && text[start] == '0'))
        {
            return std::nullopt;
        }
        address = (address << 8) | value;
    }
    if (pos != text.size())
    {
        return std::nullopt;
    }
    return address;
}

std::string
FormatIpv4(Ipv4Address address)
{
    return std::to_string(address >> 24) + "." + std::to_string((address >> 16) & 0xff) + "." +
           std::to_string((address >> 8) & 0xff) + "." + std::to_string(address & 0xff);
}

Ipv4Address
Cidr::Last() const
{
    // Shifting a 32-bit value by 32 is undefined (x86 shifts by 0): /0 and /32 are spelt out.
    if (prefixLength <= 0)
    {
        return 0xffffffffu;
    }
    if (prefixLength >= 32)
    {
        return network;
    }
    return network | (0xffffffffu >> prefixLength);
}

bool
Cidr::Overlaps(const Cidr& other) const
{
    return First() <= other.Last() && other.First() <= Last();
}

std::string
Cidr::ToString() const
{
    return FormatIpv4(network) + "/" + std::to_string(prefixLength);
}

CidrParse
ParseCidr(const std::string& text)
{
    auto slash = text.find('/');
    if (slash == std::string::npos)
    {
        return {std::nullopt, "'" + text + "' is not a CIDR (expected a.b.c.d/len)", std::nullopt};
    }
    auto address = ParseIpv4(text.substr(0, slash));
    std::string lengthText = text.substr(slash + 1);
    bool digits = !lengthText.empty() && lengthText.size() <= 2;
    for (char c : lengthText)
    {
        digits = digits && std::isdigit(static_cast<unsigned char>(c));
    }
    if (!address || !digits || std::stoi(lengthText) > 32)
    {
        return {std::nullopt, "'" + text + "' is not a CIDR (expected a.b.c.d/len, len 0-32)",
                std::nullopt};
    }
    Cidr cidr{*address, std::stoi(lengthText)};
    Ipv4Address mask = cidr.prefixLength == 0 ? 0 : 0xffffffffu << (32 - cidr.prefixLength);
    if ((cidr.network & ~mask) != 0)
    {
        Cidr suggestion{cidr.network & mask, cidr.prefixLength};
        return {std::nullopt,
                "'" + text + "' has host bits set; did you mean '" + suggestion.ToString() + "'?",
                suggestion};
    }
    return {cidr, "", std::nullopt};
}

} // namespace core
} // namespace segproof
