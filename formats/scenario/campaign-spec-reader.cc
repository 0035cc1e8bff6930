// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#include "campaign-spec-reader.h"

#include "core/input-error.h"
#include "core/limits.h"
#include "core/units.h"
#include "formats/input/input-file.h"
#include "formats/input/yaml-context.h"
#include "formats/input/yaml-document.h"

#include <algorithm>
#include <charconv>
#include <filesystem>
#include <limits>
#include <optional>
#include <utility>
#include <yaml-cpp/yaml.h>

namespace segproof
{
namespace formats
{

namespace
{

const char* const kFormat = "segproof-campaign/v1";

/// "1 scenario", "3 scenarios".
std::string
Count(std::uint64_t n, const std::string& noun)
{
    return std::to_string(n) + " " + noun + (n == 1 ? "" : "s");
}

/// a x b, held at the largest uint64 instead of wrapping.
std::uint64_t
SaturatingProduct(std::uint64_t a, std::uint64_t b)
{
    if (a != 0 && b > std::numeric_limits<std::uint64_t>::max() / a)
    {
        return std::numeric_limits<std::uint64_t>::max();
    }
    return a * b;
}

class SpecReader
{
public:
    SpecReader(const std::string& fileName, YamlContext& context, CampaignSpec& spec)
        : m_fileName(fileName), m_context(context), m_spec(spec)
    {
    }

    void Read(const YAML::Node& root)
    {
        m_context.Require(root, "the campaign spec", {"format", "name"});
        std::string format = m_context.String(root, "format").value_or("");
        if (root["format"] && format != kFormat)
        {
            m_context.Error(root["format"], "'format' must be '" + std::string(kFormat) +
                                                "', got '" + format + "'");
        }
        if (auto name = m_context.String(root, "name"))
        {
            if (name->empty())
            {
                m_context.Error(root["name"], "'name' must not be empty");
            }
            m_spec.name = *name;
        }
        ReadScenarios(root);
        ReadPostures(root);
        m_spec.runs = static_cast<std::uint64_t>(
            m_context.Integer(root, "runs", 1, static_cast<std::int64_t>(core::Limits::kMaxRuns))
                .value_or(static_cast<std::int64_t>(m_spec.runs)));
        ReadSeed(root);
        ReadDuration(root);
        ReadSweep(root);
        if (m_context.Clean())
        {
            CheckRunCount(root);
        }
    }

private:
    void ReadScenarios(const YAML::Node& root)
    {
        YAML::Node one = root["scenario"];
        YAML::Node many = root["scenarios"];
        if (one && many)
        {
            m_context.Error(many, "give either 'scenario' or 'scenarios', not both ('scenario' "
                                  "at " +
                                      m_context.Location(one).ToString() + ")");
            return;
        }
        if (!one && !many)
        {
            m_context.Error(root, "the campaign spec lacks required key 'scenario' (or "
                                  "'scenarios', a list of scenario files)");
            return;
        }
        if (one)
        {
            AddScenario(one, "'scenario'");
            return;
        }
        if (many.IsSequence() && many.size() == 0)
        {
            m_context.Error(many, "'scenarios' must list at least one scenario file");
            return;
        }
        if (many.IsScalar())
        {
            AddScenario(many, "'scenarios'");
            return;
        }
        if (!many.IsSequence())
        {
            m_context.Error(many, "'scenarios' must be a list of scenario files, got " +
                                      YamlKindName(many));
            return;
        }
        m_context.Count(many.size(), many);
        for (const auto& item : many)
        {
            AddScenario(item, "'scenarios'");
        }
    }

    /// One scenario path; a relative one is read from the spec's folder.
    void AddScenario(const YAML::Node& node, const std::string& what)
    {
        if (!node.IsScalar() || node.Scalar().empty())
        {
            m_context.Error(node, what + " must name scenario files, got " + YamlKindName(node));
            return;
        }
        std::filesystem::path path(node.Scalar());
        if (path.is_relative())
        {
            path = std::filesystem::path(m_fileName).parent_path() / path;
        }
        std::string normal = path.lexically_normal().string();
        auto previous = std::find(m_spec.scenarios.begin(), m_spec.scenarios.end(), normal);
        if (previous != m_spec.scenarios.end())
        {
            std::size_t first = static_cast<std::size_t>(previous - m_spec.scenarios.begin());
            m_context.Error(node, "scenario file '" + node.Scalar() +
                                      "' is named twice (first at " +
                                      m_spec.scenarioLocations[first].ToString() + ")");
            return;
        }
        m_spec.scenarios.push_back(normal);
        m_spec.scenarioLocations.push_back(m_context.Location(node));
    }

    void ReadPostures(const YAML::Node& root)
    {
        YAML::Node node = root["postures"];
        if (!node)
        {
            return;
        }
        if (node.IsSequence() && node.size() == 0)
        {
            m_context.Error(node, "'postures' must name at least one posture (leave it out to "
                                  "run every posture)");
            return;
        }
        for (const auto& item : m_context.ScalarOrList(node, "'postures'"))
        {
            const std::string& name = item.Scalar();
            auto previous = std::find(m_spec.postures.begin(), m_spec.postures.end(), name);
            if (previous != m_spec.postures.end())
            {
                std::size_t first = static_cast<std::size_t>(previous - m_spec.postures.begin());
                m_context.Error(item, "posture '" + name + "' is named twice (first at " +
                                          m_spec.postureLocations[first].ToString() + ")");
                continue;
            }
            m_spec.postures.push_back(name);
            m_spec.postureLocations.push_back(m_context.Location(item));
        }
    }

    /// 0 .. 2^63-1: nineteen digits, one more than YamlContext::Integer reads.
    void ReadSeed(const YAML::Node& root)
    {
        auto text = m_context.String(root, "seed");
        if (!text)
        {
            return;
        }
        std::uint64_t value = 0;
        const char* end = text->data() + text->size();
        auto [last, status] = std::from_chars(text->data(), end, value);
        bool digits = !text->empty() && std::all_of(text->begin(), text->end(),
                                                    [](char c) { return c >= '0' && c <= '9'; });
        constexpr auto kMax = static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max());
        if (!digits || status != std::errc() || last != end || value > kMax)
        {
            m_context.Error(root["seed"], "'seed' must be a whole number from 0 to " +
                                              std::to_string(kMax) + ", got '" + *text + "'");
            return;
        }
        m_spec.seed = value;
    }

    void ReadDuration(const YAML::Node& root)
    {
        auto text = m_context.String(root, "duration");
        if (!text)
        {
            return;
        }
        auto seconds = core::ParseDuration(*text);
        if (!seconds)
        {
            m_context.Error(root["duration"],
                            "'duration' must be a duration such as 8h, 90m or 3600, got '" + *text +
                                "'");
        }
        else if (*seconds > core::Limits::kMaxDuration_s)
        {
            m_context.Error(root["duration"],
                            "'duration' must be at most " +
                                core::FormatDuration(core::Limits::kMaxDuration_s) +
                                " (the limit; see docs/limits.md), got '" + *text + "'");
        }
        else if (*seconds <= 0)
        {
            m_context.Error(root["duration"],
                            "'duration' must be longer than 0, got '" + *text + "'");
        }
        else
        {
            m_spec.duration_s = *seconds;
        }
    }

    void ReadSweep(const YAML::Node& root)
    {
        YAML::Node sweep = root["sweep"];
        if (!sweep)
        {
            return;
        }
        // Scalar keys, none twice (a path named twice is reported there).
        if (!m_context.CheckNameMap(sweep, "'sweep'") && !sweep.IsMap())
        {
            return;
        }
        std::vector<std::string> seen;
        for (const auto& entry : sweep)
        {
            if (!entry.first.IsScalar())
            {
                continue;
            }
            const std::string& path = entry.first.Scalar();
            if (std::find(seen.begin(), seen.end(), path) != seen.end())
            {
                continue;
            }
            seen.push_back(path);
            std::string problem = ParameterPathError(path);
            if (!problem.empty())
            {
                m_context.Error(entry.first, problem);
                continue;
            }
            SweepAxis axis{path, {}};
            ReadAxisValues(entry.second, axis);
            if (!axis.values.empty())
            {
                m_spec.sweep.push_back(std::move(axis));
            }
        }
    }

    /// A scalar (the one value) or a list of values, each a scalar or a list of scalars.
    void ReadAxisValues(const YAML::Node& node, SweepAxis& axis)
    {
        if (node.IsScalar())
        {
            AddValue(node, axis);
            return;
        }
        if (!node.IsSequence())
        {
            m_context.Error(node, "'" + axis.path + "' must be a value or a list of values, got " +
                                      YamlKindName(node));
            return;
        }
        if (node.size() == 0)
        {
            m_context.Error(node, "'" + axis.path + "' must list at least one value");
            return;
        }
        m_context.Count(node.size(), node);
        for (const auto& item : node)
        {
            AddValue(item, axis);
        }
    }

    void AddValue(const YAML::Node& node, SweepAxis& axis)
    {
        bool scalars = node.IsSequence() &&
                       std::all_of(node.begin(), node.end(),
                                   [](const YAML::Node& element) { return element.IsScalar(); });
        if (!node.IsScalar() && !scalars)
        {
            std::string got = node.IsSequence() ? "a list holding something other than single "
                                                  "values"
                                                : YamlKindName(node);
            m_context.Error(node, "the values of '" + axis.path +
                                      "' must be single values or lists of them, got " + got);
            return;
        }
        if (node.IsSequence())
        {
            m_context.Count(node.size(), node);
        }
        // Written back as YAML that reads as the same value: quoted where a plain scalar would
        // read otherwise, a list in flow style so the point fits one line (PointText).
        YAML::Emitter out;
        if (node.IsScalar())
        {
            out << node.Scalar();
        }
        else
        {
            out << YAML::Flow << YAML::BeginSeq;
            for (const auto& element : node)
            {
                out << element.Scalar();
            }
            out << YAML::EndSeq;
        }
        if (!out.good())
        {
            m_context.Error(node, "the value cannot be written back as YAML (" +
                                      out.GetLastError() + ")");
            return;
        }
        std::string text = out.c_str();
        core::SourceLocation location = m_context.Location(node);
        auto previous = std::find_if(axis.values.begin(), axis.values.end(),
                                     [&text](const ParameterSetting& setting)
                                     { return setting.value == text; });
        if (previous != axis.values.end())
        {
            m_context.Error(node, "value " + text + " of '" + axis.path +
                                      "' is listed twice (first at " +
                                      previous->location.ToString() + ")");
            return;
        }
        axis.values.push_back(ParameterSetting{axis.path, text, location});
    }

    /// Scenarios x points x postures x runs against Limits::kMaxCampaignRuns.
    void CheckRunCount(const YAML::Node& root)
    {
        std::uint64_t points = 1;
        for (const auto& axis : m_spec.sweep)
        {
            points = SaturatingProduct(points, axis.values.size());
        }
        // Left out, the postures are every posture of each scenario, unknown until it is read.
        std::uint64_t postures = m_spec.postures.empty() ? 1 : m_spec.postures.size();
        std::uint64_t total = SaturatingProduct(
            SaturatingProduct(SaturatingProduct(m_spec.scenarios.size(), points), postures),
            m_spec.runs);
        if (total <= core::Limits::kMaxCampaignRuns)
        {
            return;
        }
        YAML::Node at = root["sweep"]       ? root["sweep"]
                        : root["runs"]      ? root["runs"]
                        : root["scenarios"] ? root["scenarios"]
                                            : root;
        std::string product = Count(m_spec.scenarios.size(), "scenario") + " x " +
                              Count(points, "point") + " x " +
                              (m_spec.postures.empty() ? "every posture (counted as 1 here)"
                                                       : Count(postures, "posture")) +
                              " x " + Count(m_spec.runs, "run");
        m_context.Error(at, "the campaign would make " + product +
                                (total == std::numeric_limits<std::uint64_t>::max()
                                     ? ""
                                     : " = " + std::to_string(total) + " runs") +
                                ", more than " + std::to_string(core::Limits::kMaxCampaignRuns) +
                                " (the limit; see docs/limits.md)");
    }

    const std::string& m_fileName;
    YamlContext& m_context;
    CampaignSpec& m_spec;
};

} // namespace

CampaignSpec
ReadCampaignSpecText(const std::string& text, const std::string& fileName)
{
    YAML::Node root = LoadYamlDocument(text, fileName);
    core::DiagnosticList diagnostics;
    YamlContext context(fileName, diagnostics);
    context.SetDocument(root);
    CampaignSpec spec;
    spec.file = fileName;
    std::optional<core::Diagnostic> stopNote;
    try
    {
        if (!context.CheckMap(root, "the campaign spec",
                              {"format", "name", "scenario", "scenarios", "postures", "runs",
                               "seed", "duration", "sweep"}) &&
            !root.IsMap())
        {
            diagnostics.ThrowIfAny();
        }
        SpecReader(fileName, context, spec).Read(root);
    }
    catch (const ReadingStopped& stopped)
    {
        stopNote = stopped.note;
    }
    if (diagnostics.HasErrors())
    {
        // Read key by key; reported top to bottom.
        std::vector<core::Diagnostic> sorted = diagnostics.Items();
        std::stable_sort(sorted.begin(), sorted.end(),
                         [](const core::Diagnostic& a, const core::Diagnostic& b)
                         {
                             return std::make_pair(a.location.line, a.location.column) <
                                    std::make_pair(b.location.line, b.location.column);
                         });
        if (stopNote)
        {
            sorted.push_back(*stopNote);
        }
        throw core::InputError(std::move(sorted));
    }
    return spec;
}

CampaignSpec
ReadCampaignSpecFile(const std::string& path)
{
    std::string text = ReadInputFile(path, "a campaign spec");
    return ReadCampaignSpecText(text, path);
}

} // namespace formats
} // namespace segproof
