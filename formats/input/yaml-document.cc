// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#include "yaml-document.h"

#include "core/input-error.h"
#include "input-file.h"

#include <map>
#include <optional>
#include <utility>

namespace segproof
{
namespace formats
{

namespace
{

/// A tab in the indentation of lines `firstLine` to `lastLine` (1-based), as line and column:
/// YAML indents with spaces only, and yaml-cpp's own message for a tab says nothing of it.
std::optional<std::pair<int, int>>
FindIndentationTab(const std::string& text, int firstLine, int lastLine)
{
    int line = 1;
    std::size_t start = 0;
    while (start <= text.size() && line <= lastLine)
    {
        std::size_t end = text.find('\n', start);
        if (end == std::string::npos)
        {
            end = text.size();
        }
        for (std::size_t i = start; line >= firstLine && i < end; ++i)
        {
            if (text[i] == '\t')
            {
                return std::make_pair(line, static_cast<int>(i - start) + 1);
            }
            if (text[i] != ' ')
            {
                break;
            }
        }
        start = end + 1;
        ++line;
    }
    return std::nullopt;
}

} // namespace

std::string
ExplainYamlError(const std::string& message)
{
    static const std::map<std::string, std::string> hints = {
        {"illegal map value", "a ':' where no value can start; quote a value that contains "
                              "': ', or check the indentation"},
        {"illegal block entry", "a '- ' list item where no list can start; check the "
                                "indentation, or a '{' or '[' left open above"},
        {"end of map not found", "check the indentation of this line against the lines above"},
        {"end of sequence not found", "check the indentation of this line against the lines "
                                      "above"},
        {"end of map flow not found", "a '{' above is not closed with '}'"},
        {"end of sequence flow not found", "a '[' above is not closed with ']'"},
    };
    auto hint = hints.find(message);
    return "YAML syntax error: " + message + (hint == hints.end() ? "" : " (" + hint->second + ")");
}

YAML::Node
LoadYamlDocument(const std::string& text, const std::string& fileName)
{
    CheckYamlValueCount(text, fileName);
    YAML::Node root;
    try
    {
        root = YAML::Load(text);
    }
    catch (const YAML::ParserException& e)
    {
        int line = e.mark.is_null() ? 0 : e.mark.line + 1;
        int column = e.mark.is_null() ? 0 : e.mark.column + 1;
        if (e.msg == "bad file")
        {
            // yaml-cpp's answer (its DeepRecursion, whose type it does not export) when lists
            // and maps nest 500 levels deep: it parses recursively and stops there rather
            // than overflow its stack.
            throw core::InputError(
                core::SourceLocation{fileName, line, column},
                "YAML syntax error: lists and maps nest 500 levels deep here, more "
                "than the YAML parser reads (the limit; see docs/limits.md)");
        }
        // yaml-cpp stumbles on the tab's own line or on the one after it.
        if (auto tab = FindIndentationTab(text, line - 1, line))
        {
            throw core::InputError(core::SourceLocation{fileName, tab->first, tab->second},
                                   "YAML syntax error: a tab in the indentation (YAML indents with "
                                   "spaces only)");
        }
        throw core::InputError(core::SourceLocation{fileName, line, column},
                               ExplainYamlError(e.msg));
    }
    if (!root || root.IsNull())
    {
        throw core::InputError(core::SourceLocation{fileName, 1, 1}, "the file is empty");
    }
    return root;
}

} // namespace formats
} // namespace segproof
