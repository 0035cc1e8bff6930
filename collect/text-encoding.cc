// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#include "text-encoding.h"

#include <cstdint>

namespace segproof
{
namespace collect
{

namespace
{
bool
IsUnreserved(unsigned char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '.' || c == '_' || c == '~';
}

void
AppendPercent(std::string& out, unsigned char c)
{
    static const char kHex[] = "0123456789ABCDEF";
    out += '%';
    out += kHex[c >> 4];
    out += kHex[c & 0x0F];
}
} // namespace

std::string
PercentEncode(const std::string& text)
{
    std::string out;
    out.reserve(text.size());
    for (char ch : text)
    {
        auto c = static_cast<unsigned char>(ch);
        if (IsUnreserved(c))
        {
            out += ch;
        }
        else
        {
            AppendPercent(out, c);
        }
    }
    return out;
}

std::string
FormEncode(const std::string& text)
{
    std::string out;
    out.reserve(text.size());
    for (char ch : text)
    {
        auto c = static_cast<unsigned char>(ch);
        if (IsUnreserved(c))
        {
            out += ch;
        }
        else if (c == ' ')
        {
            out += '+';
        }
        else
        {
            AppendPercent(out, c);
        }
    }
    return out;
}

std::string
Base64Encode(const std::string& bytes)
{
    static const char kAlphabet[] =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    out.reserve((bytes.size() + 2) / 3 * 4);
    std::size_t i = 0;
    for (; i + 2 < bytes.size(); i += 3)
    {
        std::uint32_t n = (std::uint32_t{static_cast<unsigned char>(bytes[i])} << 16) |
                          (std::uint32_t{static_cast<unsigned char>(bytes[i + 1])} << 8) |
                          std::uint32_t{static_cast<unsigned char>(bytes[i + 2])};
        out += kAlphabet[(n >> 18) & 63];
        out += kAlphabet[(n >> 12) & 63];
        out += kAlphabet[(n >> 6) & 63];
        out += kAlphabet[n & 63];
    }
    std::size_t rest = bytes.size() - i;
    if (rest > 0)
    {
        std::uint32_t n = std::uint32_t{static_cast<unsigned char>(bytes[i])} << 16;
        if (rest == 2)
        {
            n |= std::uint32_t{static_cast<unsigned char>(bytes[i + 1])} << 8;
        }
        out += kAlphabet[(n >> 18) & 63];
        out += kAlphabet[(n >> 12) & 63];
        out += rest == 2 ? kAlphabet[(n >> 6) & 63] : '=';
        out += '=';
    }
    return out;
}

} // namespace collect
} // namespace segproof
