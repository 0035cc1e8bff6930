// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#ifndef SEGPROOF_SIM_FIVE_TUPLE_H
#define SEGPROOF_SIM_FIVE_TUPLE_H

#include "core/connection.h"

#include <cstddef>
#include <cstdint>
#include <ns3/ipv4-header.h>
#include <ns3/packet.h>

namespace segproof
{
namespace sim
{

/// The 5-tuple of one packet as the enforcement points see it; for ICMP the port slots hold
/// the echo identifier (echo request / reply) so that conntrack can pair them.
struct FiveTuple
{
    std::uint32_t src = 0;
    std::uint32_t dst = 0;
    std::uint16_t sport = 0;
    std::uint16_t dport = 0;
    std::uint8_t proto = 0;
    std::uint8_t tcpFlags = 0;
    std::uint8_t icmpType = 0;
    bool hasPorts = false;          ///< TCP / UDP header present
    std::uint32_t payloadBytes = 0; ///< TCP: bytes after the TCP header (not in ==, hash)

    /// The same flow seen from the other end.
    FiveTuple Reverse() const;
    /// True for the same addresses, ports and protocol (flags and ICMP type ignored).
    bool operator==(const FiveTuple& other) const;
    /// The connection core's rule semantics judge.
    core::Connection ToConnection() const;
};

/// Hash of a FiveTuple for conntrack tables.
struct FiveTupleHash
{
    /// Mixes addresses, ports and protocol.
    std::size_t operator()(const FiveTuple& t) const;
};

/// Parses a packet that starts at its L4 header (what routing hooks and L4 down-targets see).
FiveTuple ParseL4(ns3::Ptr<const ns3::Packet> l4, const ns3::Ipv4Header& ip);

} // namespace sim
} // namespace segproof

#endif
