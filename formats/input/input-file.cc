// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#include "input-file.h"

#include "core/input-error.h"
#include "core/limits.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/yaml.h>

namespace segproof
{
namespace formats
{

std::string
ReadInputFile(const std::string& path, const std::string& what)
{
    // Say why a path cannot be read: a directory opens as an empty stream on Linux, and
    // "the file is empty" would send the user looking in the wrong place.
    std::error_code ec;
    auto status = std::filesystem::status(path, ec);
    if (status.type() == std::filesystem::file_type::not_found)
    {
        throw core::InputError(core::SourceLocation{path, 0, 0}, "no such file");
    }
    if (status.type() == std::filesystem::file_type::directory)
    {
        throw core::InputError(core::SourceLocation{path, 0, 0}, "is a directory, not " + what);
    }
    errno = 0;
    std::ifstream in(path, std::ios::binary);
    if (!in)
    {
        std::string reason = errno != 0 ? std::strerror(errno) : "";
        throw core::InputError(core::SourceLocation{path, 0, 0},
                               "cannot open the file" +
                                   (reason.empty() ? "" : " (" + reason + ")"));
    }
    std::string text;
    char chunk[65536];
    while (in.read(chunk, sizeof chunk) || in.gcount() > 0)
    {
        text.append(chunk, static_cast<std::size_t>(in.gcount()));
        if (text.size() > core::Limits::kMaxFileBytes)
        {
            throw core::InputError(core::SourceLocation{path, 0, 0},
                                   "the file is larger than " +
                                       std::to_string(core::Limits::kMaxFileBytes) +
                                       " bytes (the limit; see docs/limits.md)");
        }
    }
    return text;
}

namespace
{

/// Counts the values of a YAML stream and stops it past the limit.
class ValueCounter : public YAML::EventHandler
{
public:
    /// Thrown when the limit is passed, with where.
    struct TooMany
    {
        YAML::Mark mark;
    };
    /// Thrown when the parser keeps emitting values without reading on, with where.
    struct Stuck
    {
        YAML::Mark mark;
    };

    void OnDocumentStart(const YAML::Mark&) override {}
    void OnDocumentEnd() override {}
    void OnNull(const YAML::Mark& mark, YAML::anchor_t) override { Count(mark); }
    void OnAlias(const YAML::Mark& mark, YAML::anchor_t) override { Count(mark); }
    void OnScalar(const YAML::Mark& mark, const std::string&, YAML::anchor_t,
                  const std::string&) override
    {
        Count(mark);
    }
    void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t,
                         YAML::EmitterStyle::value) override
    {
        Count(mark);
    }
    void OnSequenceEnd() override {}
    void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t,
                    YAML::EmitterStyle::value) override
    {
        Count(mark);
    }
    void OnMapEnd() override {}

private:
    void Count(const YAML::Mark& mark)
    {
        if (++m_values > core::Limits::kMaxYamlValues)
        {
            throw TooMany{mark};
        }
        // Malformed input can leave yaml-cpp's event parser emitting values without reading on
        // (849 bytes gave 5 M events): a thousand values at one place is such a loop.
        m_samePlace = mark.pos == m_lastPos ? m_samePlace + 1 : 0;
        m_lastPos = mark.pos;
        if (m_samePlace > kMaxValuesAtOnePlace)
        {
            throw Stuck{mark};
        }
    }

    static constexpr std::size_t kMaxValuesAtOnePlace = 1000;
    std::size_t m_values = 0;
    int m_lastPos = -1;
    std::size_t m_samePlace = 0;
};

} // namespace

void
CheckYamlValueCount(const std::string& text, const std::string& file)
{
    std::istringstream in(text);
    YAML::Parser parser(in);
    ValueCounter counter;
    try
    {
        while (parser.HandleNextDocument(counter))
        {
        }
    }
    catch (const ValueCounter::TooMany& tooMany)
    {
        throw core::InputError(
            core::SourceLocation{file, tooMany.mark.line + 1, tooMany.mark.column + 1},
            "the file holds more than " + std::to_string(core::Limits::kMaxYamlValues) +
                " values (scalars, lists and maps; the limit; see "
                "docs/limits.md)");
    }
    catch (const ValueCounter::Stuck& stuck)
    {
        throw core::InputError(
            core::SourceLocation{file, stuck.mark.line + 1, stuck.mark.column + 1},
            "YAML syntax error: the parser reads no further here (malformed input)");
    }
    catch (const YAML::Exception&)
    {
        // A syntax error: the caller's own parse reports it, with its explanations.
    }
}

} // namespace formats
} // namespace segproof
