// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#ifndef SEGPROOF_SIM_ATTACKER_MESSAGE_HEADER_H
#define SEGPROOF_SIM_ATTACKER_MESSAGE_HEADER_H

#include "core/attack-model.h"

#include <cstdint>
#include <optional>

namespace segproof
{
namespace sim
{

/// What one session carries; the server answers every kind the same way.
enum class MessageKind : std::uint8_t
{
    Exploit = 1,    ///< lateral movement: exploit or credential logon plus tool transfer
    Collect = 2,    ///< SMB read of a crown-jewel share
    Beacon = 3,     ///< C2 check-in over HTTPS
    Exfiltrate = 4, ///< a chunk of the stolen data over HTTPS
    Benign = 5,     ///< the office's own work (sim/office/benign-traffic.h)
};

/// What a request is: `bodyBytes` of payload (zero-filled virtual bytes: ns-3 carries sizes,
/// not contents). The header itself travels beside the stream, keyed by the client's address
/// and port, as an application-layer header would be parsed from it.
struct MessageHeader
{
    MessageKind kind = MessageKind::Beacon;
    std::uint32_t bodyBytes = 0;     ///< request payload after the header
    std::uint32_t responseBytes = 0; ///< what the server sends back
    std::uint32_t upstream = 0;      ///< for a proxy: where to relay (IPv4), else 0
    std::uint16_t upstreamPort = 0;
    std::uint16_t tag = 0; ///< free for the caller
    /// What an IDS signature would recognise in the payload (none: nothing to recognise).
    std::optional<core::IdsSignature> signature;
    /// The session, the same for a request and its relayed copy (MessageClient numbers it).
    std::uint64_t session = 0;
};

} // namespace sim
} // namespace segproof

#endif
