// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#ifndef SEGPROOF_FORMATS_SCENARIO_PARAMETER_READER_H
#define SEGPROOF_FORMATS_SCENARIO_PARAMETER_READER_H

#include "core/limits.h"
#include "core/name-suggestion.h"
#include "core/units.h"
#include "formats/input/yaml-context.h"

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace segproof
{
namespace formats
{

/// Typed values of `attack:`, `defence:`, `benign:` and `identity:`: each key optional, each
/// mistake reported at its FILE:LINE:COL with an example of the expected form. A value that does
/// not read leaves the default in place (the error stops the scenario anyway).
class ParameterReader
{
public:
    explicit ParameterReader(YamlContext& context) : m_context(context) {}

    YamlContext& Context() { return m_context; }

    /// `map[key]` when it is present and a map (its unknown keys reported); else an undefined
    /// node (a wrong type is reported). Known keys of a map with an unknown one are still read,
    /// so that one pass reports every mistake.
    YAML::Node Section(const YAML::Node& map, const std::string& key,
                       const std::vector<std::string>& allowed)
    {
        YAML::Node node = map[key];
        if (!node)
        {
            return YAML::Node(YAML::NodeType::Undefined);
        }
        if (!m_context.CheckMap(node, "'" + key + "'", allowed) && !node.IsMap())
        {
            return YAML::Node(YAML::NodeType::Undefined);
        }
        return node;
    }

    /// A duration (core/units.h) from 0 to Limits::kMaxDuration_s; above 0 when `positive`.
    void Duration(const YAML::Node& map, const std::string& key, double& out, bool positive = false)
    {
        auto text = m_context.String(map, key);
        if (!text)
        {
            return;
        }
        auto seconds = core::ParseDuration(*text);
        if (!seconds)
        {
            m_context.Error(map[key], "'" + key +
                                          "' must be a duration such as 62m, 1h or 30s, got '" +
                                          *text + "'");
        }
        else if (*seconds > core::Limits::kMaxDuration_s)
        {
            m_context.Error(map[key], "'" + key + "' must be at most " +
                                          core::FormatDuration(core::Limits::kMaxDuration_s) +
                                          " (the limit; see docs/limits.md), got '" + *text + "'");
        }
        else if (positive && *seconds <= 0)
        {
            m_context.Error(map[key], "'" + key + "' must be longer than 0, got '" + *text + "'");
        }
        else
        {
            out = *seconds;
        }
    }

    /// A probability: a number from 0 to 1.
    void Probability(const YAML::Node& map, const std::string& key, double& out)
    {
        auto text = m_context.String(map, key);
        if (!text)
        {
            return;
        }
        auto value = core::ParseDecimal(*text);
        if (!value || *value > 1)
        {
            m_context.Error(map[key],
                            "'" + key + "' must be a probability from 0 to 1, got '" + *text + "'");
            return;
        }
        out = *value;
    }

    /// A number above 0 and at most `max`.
    void Positive(const YAML::Node& map, const std::string& key, double max, double& out)
    {
        auto text = m_context.String(map, key);
        if (!text)
        {
            return;
        }
        auto value = core::ParseDecimal(*text);
        if (!value || *value <= 0 || *value > max)
        {
            m_context.Error(map[key], "'" + key + "' must be a number above 0 and at most " +
                                          FormatNumber(max) +
                                          " (the limit; see docs/limits.md), got '" + *text + "'");
            return;
        }
        out = *value;
    }

    /// A size in bytes, as `holds: bytes` takes it.
    void Size(const YAML::Node& map, const std::string& key, std::uint64_t& out)
    {
        auto text = m_context.String(map, key);
        if (!text)
        {
            return;
        }
        auto bytes = core::ParseByteSize(*text);
        if (!bytes)
        {
            m_context.Error(map[key], "'" + key +
                                          "' must be a size such as 500KB, 2MiB or 4096, got '" +
                                          *text + "'");
            return;
        }
        out = *bytes;
    }

    /// A rate in bytes per second, above 0.
    void Rate(const YAML::Node& map, const std::string& key, double& out)
    {
        auto text = m_context.String(map, key);
        if (!text)
        {
            return;
        }
        auto rate = core::ParseRate(*text);
        if (!rate || *rate <= 0)
        {
            m_context.Error(map[key], "'" + key +
                                          "' must be a rate above 0 such as 1MB/s, 500KB/s or "
                                          "10Mbit/s, got '" +
                                          *text + "'");
            return;
        }
        out = *rate;
    }

    /// One word of `choices`, with a suggestion for a misspelt one.
    template <typename E>
    void Choice(const YAML::Node& map, const std::string& key,
                const std::vector<std::pair<std::string, E>>& choices, E& out)
    {
        auto text = m_context.String(map, key);
        if (!text)
        {
            return;
        }
        std::vector<std::string> words;
        for (const auto& [word, value] : choices)
        {
            if (word == *text)
            {
                out = value;
                return;
            }
            words.push_back(word);
        }
        m_context.Error(map[key], "'" + key + "' must be " + OneOf(words) + ", got '" + *text +
                                      "'" + core::DidYouMean(*text, words));
    }

    /// "a or b", "a, b or c".
    static std::string OneOf(const std::vector<std::string>& words)
    {
        std::string text;
        for (std::size_t i = 0; i < words.size(); ++i)
        {
            text += (i == 0 ? "" : i + 1 == words.size() ? " or " : ", ") + words[i];
        }
        return text;
    }

private:
    static std::string FormatNumber(double value)
    {
        std::string text = std::to_string(value);
        text.erase(text.find_last_not_of('0') + 1);
        if (!text.empty() && text.back() == '.')
        {
            text.pop_back();
        }
        return text;
    }

    YamlContext& m_context;
};

} // namespace formats
} // namespace segproof

#endif
