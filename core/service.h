// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#ifndef SEGPROOF_CORE_SERVICE_H
#define SEGPROOF_CORE_SERVICE_H

#include "source-location.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace segproof
{
namespace core
{

/// IP protocol numbers segproof names.
enum class Protocol : std::uint8_t
{
    Icmp = 1,
    Tcp = 6,
    Udp = 17,
};

/// "tcp", "udp", "icmp", or the number for any other protocol.
std::string ProtocolName(std::uint8_t protocol);

/// A closed range of 16-bit values (ports) or 8-bit values (ICMP types).
struct ValueRange
{
    std::uint32_t first = 0;
    std::uint32_t last = 0;

    bool Contains(std::uint32_t v) const { return v >= first && v <= last; }
    bool operator==(const ValueRange& o) const { return first == o.first && last == o.last; }
};

/// One protocol with its ports (TCP/UDP) or ICMP types; `anyProtocol` matches every packet.
struct ServiceEntry
{
    bool anyProtocol = false;
    std::uint8_t protocol = 0;
    ValueRange destinationPorts{0, 65535};
    ValueRange sourcePorts{0, 65535};
    ValueRange icmpTypes{0, 255};

    /// The entry that matches every protocol and port.
    static ServiceEntry Any();
    /// "tcp/445", "tcp/49152-65535", "icmp/8", "udp", "any".
    std::string ToString() const;
};

/// Parses "N" or "N-M" with both within [0, max]; nullopt otherwise. `backwards` is set when
/// the text is a well-formed range whose first value exceeds its last.
std::optional<ValueRange> ParseValueRange(const std::string& text, std::uint32_t max,
                                          bool& backwards);

/// Parses the inline form: tcp/445, udp/53, tcp/1000-2000, icmp/8, tcp, udp, icmp.
/// Returns the entry, or an error message that says what was expected.
struct ServiceEntryParse
{
    std::optional<ServiceEntry> entry;
    std::string error;
};
ServiceEntryParse ParseServiceEntry(const std::string& text);

/// A named service: a list of entries, any of which matches.
struct Service
{
    std::string name;
    std::vector<ServiceEntry> entries;
    SourceLocation location;
};

/// A set of entries as written in a rule or intent, with the names it was written with.
struct ServiceSet
{
    /// Names and inline entries as written ("smb", "tcp/8080", "any").
    std::vector<std::string> written;
    std::vector<ServiceEntry> entries;

    /// True when some entry matches every protocol.
    bool IsAny() const;
};

} // namespace core
} // namespace segproof

#endif
