// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#ifndef SEGPROOF_COLLECT_TEXT_ENCODING_H
#define SEGPROOF_COLLECT_TEXT_ENCODING_H

#include <string>

namespace segproof
{
namespace collect
{

/// `text` as one URL path segment or query value (RFC 3986): every byte but the unreserved
/// A-Z a-z 0-9 - . _ ~ becomes %XX, so an NSX id with '/', ' ', '?' or '%' stays one segment.
std::string PercentEncode(const std::string& text);

/// `text` as an application/x-www-form-urlencoded value (a space is "+").
std::string FormEncode(const std::string& text);

/// `bytes` in base64 with padding (RFC 4648), for the basic Authorization header.
std::string Base64Encode(const std::string& bytes);

} // namespace collect
} // namespace segproof

#endif
