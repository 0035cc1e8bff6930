// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#ifndef SEGPROOF_CORE_IPV4_H
#define SEGPROOF_CORE_IPV4_H

#include <cstdint>
#include <optional>
#include <string>

namespace segproof
{
namespace core
{

/// An IPv4 address in host byte order.
using Ipv4Address = std::uint32_t;

/// Parses dotted-quad "a.b.c.d"; nullopt when the text is not exactly that.
std::optional<Ipv4Address> ParseIpv4(const std::string& text);

/// Formats an address as dotted quad.
std::string FormatIpv4(Ipv4Address address);

/// An IPv4 prefix such as 10.10.0.0/24.
struct Cidr
{
    Ipv4Address network = 0;
    int prefixLength = 0;

    /// The lowest address of the prefix (the network address).
    Ipv4Address First() const { return network; }
    /// The highest address of the prefix (the broadcast address).
    Ipv4Address Last() const;
    /// Number of addresses in the prefix (2^(32-len)).
    std::uint64_t Size() const { return std::uint64_t{1} << (32 - prefixLength); }
    /// True when the address lies inside the prefix.
    bool Contains(Ipv4Address address) const { return address >= First() && address <= Last(); }
    /// True when the two prefixes share at least one address.
    bool Overlaps(const Cidr& other) const;
    /// "a.b.c.d/len".
    std::string ToString() const;
};

/// Why a CIDR did not parse, or the parsed prefix.
struct CidrParse
{
    std::optional<Cidr> cidr;
    std::string error;
    /// With host bits set: the prefix with them cleared, which the error suggests (readers
    /// carry on with it so that one typo is reported once).
    std::optional<Cidr> suggestion;
};

/// Parses "a.b.c.d/len"; host bits must be zero (10.10.0.5/24 is an error, as in NSX).
CidrParse ParseCidr(const std::string& text);

} // namespace core
} // namespace segproof

#endif
