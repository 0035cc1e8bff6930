// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#include "message-stream.h"

#include <algorithm>
#include <ns3/packet.h>
#include <ns3/uinteger.h>

namespace segproof
{
namespace sim
{

std::unordered_map<std::uint64_t, MessageHeader>&
PendingHeaders()
{
    static std::unordered_map<std::uint64_t, MessageHeader> headers;
    return headers;
}

std::uint64_t
ClientKey(std::uint32_t address, std::uint16_t port)
{
    return (std::uint64_t{address} << 16) | port;
}

std::uint64_t
SegmentSize(ns3::Ptr<ns3::Socket> socket)
{
    ns3::UintegerValue size;
    socket->GetAttribute("SegmentSize", size);
    return std::max<std::uint64_t>(1, size.Get());
}

bool
OutgoingBytes::Pump(ns3::Ptr<ns3::Socket> socket)
{
    while (!Done())
    {
        std::uint32_t room = socket->GetTxAvailable();
        if (room == 0)
        {
            return false;
        }
        auto n = static_cast<std::uint32_t>(
            std::min<std::uint64_t>({room, virtualBytes - virtualSent, chunk}));
        int sent = socket->Send(ns3::Create<ns3::Packet>(n));
        if (sent <= 0)
        {
            return false;
        }
        virtualSent += static_cast<std::uint64_t>(sent);
    }
    return true;
}

} // namespace sim
} // namespace segproof
