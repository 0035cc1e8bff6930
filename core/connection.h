// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#ifndef SEGPROOF_CORE_CONNECTION_H
#define SEGPROOF_CORE_CONNECTION_H

#include "ipv4.h"
#include "service.h"

#include <cstdint>
#include <string>

namespace segproof
{
namespace core
{

/// A connection attempt: the 5-tuple, with the ICMP type for ICMP.
struct Connection
{
    Ipv4Address source = 0;
    Ipv4Address destination = 0;
    std::uint8_t protocol = static_cast<std::uint8_t>(Protocol::Tcp);
    std::uint16_t sourcePort = 0;
    std::uint16_t destinationPort = 0;
    std::uint8_t icmpType = 0;

    /// "10.10.0.10:49152 -> 10.20.0.10:445 tcp" or "... icmp type 8".
    std::string ToString() const;
};

/// True when the entry matches the connection's protocol, ports or ICMP type.
bool EntryMatches(const ServiceEntry& entry, const Connection& connection);

/// True when any entry of the set matches.
bool ServiceMatches(const ServiceSet& service, const Connection& connection);

} // namespace core
} // namespace segproof

#endif
