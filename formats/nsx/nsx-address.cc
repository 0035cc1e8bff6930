#include "nsx-address.h"

namespace segproof
{
namespace core
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
        CidrParse cidr = ParseCidr(text);
        if (!cidr.cidr)
        {
            parse.error = cidr.error;
            return parse;
        }
        parse.range = AddressRange{cidr.cidr->First(), cidr.cidr->Last()};
        return parse;
    }
    auto dash = text.find('-');
    if (dash != std::string::npos)
    {
        auto first = ParseIpv4(text.substr(0, dash));
        auto last = ParseIpv4(text.substr(dash + 1));
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
        parse.range = AddressRange{*first, *last};
        return parse;
    }
    auto address = ParseIpv4(text);
    if (!address)
    {
        parse.error = "'" + text + "' is not an IPv4 address, CIDR or range";
        return parse;
    }
    parse.range = AddressRange{*address, *address};
    return parse;
}

} // namespace core
} // namespace segproof
