// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#ifndef SEGPROOF_REPORTS_SVG_WRITER_H
#define SEGPROOF_REPORTS_SVG_WRITER_H

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

namespace segproof
{
namespace reports
{

/// Length of the UTF-8 sequence that starts at byte `i` of `text` (1 to 4), or 0 when the
/// bytes there are not valid UTF-8 (a stray continuation byte, a truncated or overlong
/// sequence, a surrogate, past U+10FFFF).
std::size_t Utf8SequenceLength(const std::string& text, std::size_t i);

/// `text` safe as XML character data and as a double-quoted attribute value: & < > " ' as
/// entities; every byte that is not valid UTF-8, and every character XML 1.0 forbids (controls
/// below U+0020 but tab, LF and CR; U+FFFE, U+FFFF), becomes U+FFFD. Valid UTF-8 otherwise
/// passes through unchanged.
std::string XmlEscape(const std::string& text);

/// `value` for a coordinate or length: at most two decimals, trailing zeros trimmed, never
/// "-0" ("12", "3.5", "0.25"); locale-independent. Throws std::invalid_argument on NaN or
/// infinity, so that no malformed number reaches the markup.
std::string SvgNumber(double value);

/// Which characters EstimateTextWidth counts as wide.
enum class WideCharacters
{
    ThreeBytes, ///< those of three or four UTF-8 bytes: CJK, kana, full-width forms
    Multibyte,  ///< every non-ASCII character: accented Latin too, an overestimate for boxes
};

/// Rough width in user units of `text` drawn at `fontSize`, for layout without a font: a
/// narrow character counts `em` (0.6 suits regular system fonts; more for bold), a wide one
/// twice that. Errs on the wide side so that text does not overlap. A byte that is not valid
/// UTF-8 counts as a character unless it is a continuation byte.
double EstimateTextWidth(const std::string& text, double fontSize, double em = 0.6,
                         WideCharacters wide = WideCharacters::ThreeBytes);

/// Attributes of an element, written in this order; values are escaped by the writer.
using SvgAttributes = std::vector<std::pair<std::string, std::string>>;

/// Builds SVG (or any XML) markup that is well-formed by construction: names are checked,
/// attribute values and text escaped, and every opened element closed in order. One element
/// per line, no indentation.
class SvgWriter
{
public:
    /// Starts <name attributes...>; children follow until Close().
    void Open(const std::string& name, const SvgAttributes& attributes = {});
    /// Ends the innermost open element; throws std::logic_error when none is open.
    void Close();
    /// Writes <name attributes.../>.
    void Empty(const std::string& name, const SvgAttributes& attributes);
    /// Writes <name attributes...>text</name> with `text` escaped.
    void Text(const std::string& name, const SvgAttributes& attributes, const std::string& text);
    /// The markup written; throws std::logic_error while an element is still open.
    std::string Finish() const;

private:
    void StartTag(const std::string& name, const SvgAttributes& attributes);

    std::string m_out;
    std::vector<std::string> m_open; ///< names of the open elements, innermost last
};

} // namespace reports
} // namespace segproof

#endif
