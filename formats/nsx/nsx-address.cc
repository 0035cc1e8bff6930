// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#include "nsx-address.h"

namespace segproof
{
namespace formats
{

NsxAddressParse
ParseNsxAddress(const std::string& text)
{
    NsxAddressParse parse;
    if (text.find(':') != std::string::npos)
    {
        parse.ipv6 = true;
        return parse;
    }
    if (text.find('/') != std::string::npos)
    {
        core::CidrParse cidr = core::ParseCidr(text);
        if (!cidr.cidr)
        {
            parse.error = cidr.error;
            return parse;
        }
        parse.range = core::AddressRange{cidr.cidr->First(), cidr.cidr->Last()};
        return parse;
    }
    auto dash = text.find('-');
    if (dash != std::string::npos)
    {
        auto first = core::ParseIpv4(text.substr(0, dash));
        auto last = core::ParseIpv4(text.substr(dash + 1));
        if (!first || !last)
        {
            parse.error = "'" + text + "' is not an address range (expected a.b.c.d-e.f.g.h)";
            return parse;
        }
        if (*first > *last)
        {
            parse.error = "'" + text + "': the address range runs backwards";
            return parse;
        }
        parse.range = core::AddressRange{*first, *last};
        return parse;
    }
    auto address = core::ParseIpv4(text);
    if (!address)
    {
        parse.error = "'" + text + "' is not an IPv4 address, CIDR or range";
        return parse;
    }
    parse.range = core::AddressRange{*address, *address};
    return parse;
}

} // namespace formats
} // namespace segproof
