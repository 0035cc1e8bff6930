// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#include "svg-writer.h"

#include "number-format.h"

#include <cmath>
#include <stdexcept>

namespace segproof
{
namespace reports
{

namespace
{

/// An XML name as this writer accepts it: ASCII letters, digits and "_:.-", not starting
/// with a digit, "." or "-" (enough for SVG's element and attribute names).
bool
IsName(const std::string& name)
{
    if (name.empty())
    {
        return false;
    }
    for (std::size_t i = 0; i < name.size(); ++i)
    {
        char c = name[i];
        bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':';
        bool other = (c >= '0' && c <= '9') || c == '.' || c == '-';
        if (!letter && !(i > 0 && other))
        {
            return false;
        }
    }
    return true;
}

} // namespace

std::size_t
Utf8SequenceLength(const std::string& text, std::size_t i)
{
    auto byte = [&text](std::size_t k) { return static_cast<unsigned char>(text[k]); };
    unsigned char c = byte(i);
    std::size_t length = c < 0x80                ? 1
                         : c >= 0xC2 && c < 0xE0 ? 2
                         : c >= 0xE0 && c < 0xF0 ? 3
                         : c >= 0xF0 && c < 0xF5 ? 4
                                                 : 0;
    if (length < 2)
    {
        return length;
    }
    if (i + length > text.size())
    {
        return 0;
    }
    for (std::size_t k = 1; k < length; ++k)
    {
        if ((byte(i + k) & 0xC0) != 0x80)
        {
            return 0;
        }
    }
    unsigned char second = byte(i + 1);
    bool overlongOrSurrogate = (c == 0xE0 && second < 0xA0) || (c == 0xED && second >= 0xA0) ||
                               (c == 0xF0 && second < 0x90) || (c == 0xF4 && second >= 0x90);
    return overlongOrSurrogate ? 0 : length;
}

std::string
XmlEscape(const std::string& text)
{
    const char* const kReplacement = "\xEF\xBF\xBD"; // U+FFFD
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();)
    {
        std::size_t length = Utf8SequenceLength(text, i);
        if (length == 0)
        {
            out += kReplacement;
            ++i;
            continue;
        }
        if (length > 1)
        {
            bool nonCharacter = length == 3 && text.compare(i, 2, "\xEF\xBF") == 0 &&
                                static_cast<unsigned char>(text[i + 2]) >= 0xBE; // U+FFFE, U+FFFF
            if (nonCharacter)
            {
                out += kReplacement;
            }
            else
            {
                out.append(text, i, length);
            }
            i += length;
            continue;
        }
        char c = text[i++];
        switch (c)
        {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '"':
            out += "&quot;";
            break;
        case '\'':
            out += "&apos;";
            break;
        default:
            if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' && c != '\r')
            {
                out += kReplacement; // XML 1.0 has no way to write these
            }
            else
            {
                out += c;
            }
        }
    }
    return out;
}

std::string
SvgNumber(double value)
{
    if (!std::isfinite(value))
    {
        throw std::invalid_argument("SvgNumber: not a finite number");
    }
    std::string text = FormatFixed(value, 2);
    while (text.back() == '0')
    {
        text.pop_back();
    }
    if (text.back() == '.')
    {
        text.pop_back();
    }
    return text == "-0" ? "0" : text;
}

double
EstimateTextWidth(const std::string& text, double fontSize, double em, WideCharacters wide)
{
    unsigned char wideFrom = wide == WideCharacters::ThreeBytes ? 0xE0 : 0xC0;
    double units = 0; // narrow characters count 1, wide ones 2
    for (char c : text)
    {
        auto byte = static_cast<unsigned char>(c);
        if ((byte & 0xC0) == 0x80)
        {
            continue; // a continuation byte: counted with its lead byte
        }
        units += byte >= wideFrom ? 2 : 1;
    }
    return units * fontSize * em;
}

void
SvgWriter::StartTag(const std::string& name, const SvgAttributes& attributes)
{
    if (!IsName(name))
    {
        throw std::logic_error("SvgWriter: bad element name '" + name + "'");
    }
    m_out += '<';
    m_out += name;
    for (const auto& [key, value] : attributes)
    {
        if (!IsName(key))
        {
            throw std::logic_error("SvgWriter: bad attribute name '" + key + "'");
        }
        m_out += ' ';
        m_out += key;
        m_out += "=\"";
        m_out += XmlEscape(value);
        m_out += '"';
    }
}

void
SvgWriter::Open(const std::string& name, const SvgAttributes& attributes)
{
    StartTag(name, attributes);
    m_out += ">\n";
    m_open.push_back(name);
}

void
SvgWriter::Close()
{
    if (m_open.empty())
    {
        throw std::logic_error("SvgWriter: Close without an open element");
    }
    m_out += "</" + m_open.back() + ">\n";
    m_open.pop_back();
}

void
SvgWriter::Empty(const std::string& name, const SvgAttributes& attributes)
{
    StartTag(name, attributes);
    m_out += "/>\n";
}

void
SvgWriter::Text(const std::string& name, const SvgAttributes& attributes, const std::string& text)
{
    StartTag(name, attributes);
    m_out += '>';
    m_out += XmlEscape(text);
    m_out += "</" + name + ">\n";
}

std::string
SvgWriter::Finish() const
{
    if (!m_open.empty())
    {
        throw std::logic_error("SvgWriter: <" + m_open.back() + "> not closed");
    }
    return m_out;
}

} // namespace reports
} // namespace segproof
