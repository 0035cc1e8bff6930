// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#ifndef SEGPROOF_SIM_ATTACKER_MESSAGE_STREAM_H
#define SEGPROOF_SIM_ATTACKER_MESSAGE_STREAM_H

#include "message-header.h"

#include <cstdint>
#include <ns3/ptr.h>
#include <ns3/socket.h>
#include <unordered_map>

namespace segproof
{
namespace sim
{

/// Largest single Send: keeps packets (and their virtual zero bytes) small in memory.
constexpr std::uint32_t kMaxSend = 1U << 20;

/// Request headers travel beside the stream, keyed by the client's address and port
/// (ClientKey): the stream itself is then only zero-filled virtual bytes, which ns-3 never
/// materialises as long as no packet joins real bytes to them (a 250 MB transfer stays cheap).
/// MessageClient puts a request's header here; the MessageServer that accepts the connection
/// takes it.
std::unordered_map<std::uint64_t, MessageHeader>& PendingHeaders();

/// The key of a client's socket in PendingHeaders.
std::uint64_t ClientKey(std::uint32_t address, std::uint16_t port);

/// The TCP segment size of a socket (at least 1).
std::uint64_t SegmentSize(ns3::Ptr<ns3::Socket> socket);

/// Bytes still to send on a socket (zero-filled virtual ones), by either end.
struct OutgoingBytes
{
    std::uint64_t virtualBytes = 0;
    std::uint64_t virtualSent = 0;
    std::uint64_t chunk = kMaxSend; ///< one Send each: the TCP segment size keeps them whole

    bool Done() const { return virtualSent == virtualBytes; }

    /// Sends what the socket's buffer takes now; true when everything has been handed over.
    bool Pump(ns3::Ptr<ns3::Socket> socket);
};

} // namespace sim
} // namespace segproof

#endif
