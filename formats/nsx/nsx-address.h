// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#ifndef SEGPROOF_FORMATS_NSX_NSX_ADDRESS_H
#define SEGPROOF_FORMATS_NSX_NSX_ADDRESS_H

#include "core/address-set.h"

#include <optional>
#include <string>

namespace segproof
{
namespace formats
{

/// An address literal as NSX writes it in source_groups, destination_groups and
/// IPAddressExpression: the range it covers, or why it is not one.
struct NsxAddressParse
{
    std::optional<core::AddressRange> range;
    bool ipv6 = false; ///< an IPv6 literal: well-formed for NSX, outside segproof's model
    std::string error; ///< why the text is no IPv4 address, CIDR or range
};

/// Parses "10.0.0.1", "10.0.0.0/24" or "10.0.0.1-10.0.0.9" (first <= last).
NsxAddressParse ParseNsxAddress(const std::string& text);

} // namespace formats
} // namespace segproof

#endif
