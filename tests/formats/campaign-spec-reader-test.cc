// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
// Campaign specs (formats/scenario/campaign-spec-reader.h) and their parameter points
// (formats/scenario/campaign-spec.h).

#include "core/input-error.h"
#include "core/limits.h"
#include "formats/scenario/campaign-spec-reader.h"

#include <gtest/gtest.h>
#include <string>
#include <vector>

namespace
{

using namespace segproof::core;
using namespace segproof::formats;

const std::string kSpec = R"(format: segproof-campaign/v1
name: jps-pace
scenario: ../scenarios/jps-2015.yaml
postures: [flat, microseg]
runs: 5
seed: 9223372036854775807
duration: 21d
sweep:
  attack.breakout: [62m, 12d]
  attack.lateral.attempt_interval: [10m, 3d, "1h"]
  attack.lateral.techniques: [[smb], [smb, rdp]]
  defence.av.delay: 2h
)";

CampaignSpec
Read(const std::string& text, const std::string& file = "specs/c.yaml")
{
    return ReadCampaignSpecText(text, file);
}

/// Every diagnostic of a spec that must fail, as "FILE:LINE:COL: message".
std::vector<std::string>
Errors(const std::string& text)
{
    try
    {
        Read(text, "c.yaml");
    }
    catch (const InputError& e)
    {
        std::vector<std::string> lines;
        for (const auto& d : e.Diagnostics())
        {
            lines.push_back(d.ToString());
        }
        return lines;
    }
    ADD_FAILURE() << "no InputError for:\n" << text;
    return {};
}

/// The single error of a spec that must fail.
std::string
Error(const std::string& text)
{
    std::vector<std::string> errors = Errors(text);
    EXPECT_EQ(errors.size(), 1u) << ::testing::PrintToString(errors);
    return errors.empty() ? "" : errors[0];
}

const std::string kHead = "format: segproof-campaign/v1\nname: t\nscenario: s.yaml\n";

TEST(CampaignSpecReaderTest, ReadsEveryKey)
{
    CampaignSpec spec = Read(kSpec);
    EXPECT_EQ(spec.file, "specs/c.yaml");
    EXPECT_EQ(spec.name, "jps-pace");
    EXPECT_EQ(spec.scenarios, std::vector<std::string>{"scenarios/jps-2015.yaml"});
    ASSERT_EQ(spec.scenarioLocations.size(), 1u);
    EXPECT_EQ(spec.scenarioLocations[0].ToString(), "specs/c.yaml:3:11");
    EXPECT_EQ(spec.postures, (std::vector<std::string>{"flat", "microseg"}));
    ASSERT_EQ(spec.postureLocations.size(), 2u);
    EXPECT_EQ(spec.postureLocations[1].ToString(), "specs/c.yaml:4:18");
    EXPECT_EQ(spec.runs, 5u);
    EXPECT_EQ(spec.seed, 9223372036854775807u);
    EXPECT_DOUBLE_EQ(spec.duration_s, 21 * 86400.0);
    ASSERT_EQ(spec.sweep.size(), 4u);
    EXPECT_EQ(spec.sweep[0].path, "attack.breakout");
    ASSERT_EQ(spec.sweep[0].values.size(), 2u);
    EXPECT_EQ(spec.sweep[0].values[1].path, "attack.breakout");
    EXPECT_EQ(spec.sweep[0].values[1].value, "12d");
    EXPECT_EQ(spec.sweep[0].values[1].location.ToString(), "specs/c.yaml:9:26");
    EXPECT_EQ(spec.sweep[1].values[2].value, "1h");
    EXPECT_EQ(spec.sweep[2].values[1].value, "[smb, rdp]");
    EXPECT_EQ(spec.sweep[2].values[1].location.ToString(), "specs/c.yaml:11:38");
    ASSERT_EQ(spec.sweep[3].values.size(), 1u);
    EXPECT_EQ(spec.sweep[3].values[0].value, "2h");
    EXPECT_EQ(spec.sweep[3].values[0].location.ToString(), "specs/c.yaml:12:21");
}

TEST(CampaignSpecReaderTest, Defaults)
{
    CampaignSpec spec = Read(kHead, "c.yaml");
    EXPECT_EQ(spec.scenarios, std::vector<std::string>{"s.yaml"});
    EXPECT_TRUE(spec.postures.empty());
    EXPECT_EQ(spec.runs, 20u);
    EXPECT_EQ(spec.seed, 1u);
    EXPECT_DOUBLE_EQ(spec.duration_s, 8 * 3600.0);
    EXPECT_TRUE(spec.sweep.empty());
    std::vector<ParameterPoint> points = spec.Points();
    ASSERT_EQ(points.size(), 1u);
    EXPECT_TRUE(points[0].empty());
}

TEST(CampaignSpecReaderTest, ScenarioPathsAreReadFromTheSpecFolder)
{
    const std::string text = "format: segproof-campaign/v1\nname: t\n"
                             "scenarios: [small.yaml, ./presets/../large.yaml, /abs/x.yaml]\n";
    EXPECT_EQ(Read(text, "specs/c.yaml").scenarios,
              (std::vector<std::string>{"specs/small.yaml", "specs/large.yaml", "/abs/x.yaml"}));
    EXPECT_EQ(Read(text, "c.yaml").scenarios,
              (std::vector<std::string>{"small.yaml", "large.yaml", "/abs/x.yaml"}));
    EXPECT_EQ(Read(kHead + "postures: flat\n").postures, std::vector<std::string>{"flat"});
}

TEST(CampaignSpecReaderTest, PointsFirstAxisSlowest)
{
    std::vector<ParameterPoint> points = Read(kSpec).Points();
    ASSERT_EQ(points.size(), 2u * 3u * 2u * 1u);
    std::vector<std::string> texts;
    for (const auto& point : points)
    {
        texts.push_back(PointText(point));
    }
    EXPECT_EQ(texts[0], "attack.breakout=62m attack.lateral.attempt_interval=10m "
                        "attack.lateral.techniques=[smb] defence.av.delay=2h");
    EXPECT_EQ(texts[1], "attack.breakout=62m attack.lateral.attempt_interval=10m "
                        "attack.lateral.techniques=[smb, rdp] defence.av.delay=2h");
    EXPECT_EQ(texts[2], "attack.breakout=62m attack.lateral.attempt_interval=3d "
                        "attack.lateral.techniques=[smb] defence.av.delay=2h");
    EXPECT_EQ(texts[6], "attack.breakout=12d attack.lateral.attempt_interval=10m "
                        "attack.lateral.techniques=[smb] defence.av.delay=2h");
    EXPECT_EQ(texts[11], "attack.breakout=12d attack.lateral.attempt_interval=1h "
                         "attack.lateral.techniques=[smb, rdp] defence.av.delay=2h");
    EXPECT_EQ(points[11][1].location.ToString(), "specs/c.yaml:10:46");
}

TEST(CampaignSpecReaderTest, DetectorAndBenignPathsCanBeSwept)
{
    CampaignSpec spec = Read(kHead + "sweep:\n  defence.pattern.threshold: [3, 10]\n"
                                     "  defence.ids.known.rdp: 0.5\n  benign.web: [5m, 1h]\n",
                             "c.yaml");
    ASSERT_EQ(spec.sweep.size(), 3u);
    std::vector<ParameterPoint> points = spec.Points();
    ASSERT_EQ(points.size(), 4u);
    EXPECT_EQ(PointText(points[1]),
              "defence.pattern.threshold=3 defence.ids.known.rdp=0.5 benign.web=1h");
    EXPECT_EQ(points[3][2].location.ToString(), "c.yaml:7:20");
}

TEST(CampaignSpecReaderTest, ScalarsAreWrittenBackSoTheyReadTheSame)
{
    CampaignSpec spec =
        Read(kHead + "sweep:\n  defence.quarantine.tag: ['a: b', 'null', '#x', x y]\n");
    ASSERT_EQ(spec.sweep.size(), 1u);
    std::vector<std::string> values;
    for (const auto& setting : spec.sweep[0].values)
    {
        values.push_back(setting.value);
    }
    EXPECT_EQ(values, (std::vector<std::string>{"\"a: b\"", "\"null\"", "\"#x\"", "x y"}));
}

TEST(CampaignSpecReaderTest, TopLevelErrors)
{
    EXPECT_EQ(Error(kHead + "rusn: 5\n"), "c.yaml:4:1: unknown key 'rusn' in the campaign spec; "
                                          "did you mean 'runs'?");
    EXPECT_EQ(Error("format: segproof-campaign/v2\nname: t\nscenario: s.yaml\n"),
              "c.yaml:1:9: 'format' must be 'segproof-campaign/v1', got 'segproof-campaign/v2'");
    EXPECT_EQ(Error("name: t\nscenario: s.yaml\n"),
              "c.yaml:1:1: the campaign spec lacks required key 'format'");
    EXPECT_EQ(Error("format: segproof-campaign/v1\nname: ''\nscenario: s.yaml\n"),
              "c.yaml:2:7: 'name' must not be empty");
    EXPECT_EQ(Error("- a\n- b\n"), "c.yaml:1:1: the campaign spec must be a map, got a list");
    EXPECT_EQ(Error(""), "c.yaml:1:1: the file is empty");
    EXPECT_EQ(Error(kHead + "runs: [1\n"),
              "c.yaml:5:1: YAML syntax error: end of sequence flow not found (a '[' above is "
              "not closed with ']')");
    EXPECT_EQ(Error(kHead + "sweep:\n\tattack.breakout: 1h\n"),
              "c.yaml:5:1: YAML syntax error: a tab in the indentation (YAML indents with "
              "spaces only)");
}

TEST(CampaignSpecReaderTest, ScenarioErrors)
{
    const std::string head = "format: segproof-campaign/v1\nname: t\n";
    EXPECT_EQ(Error(head), "c.yaml:1:1: the campaign spec lacks required key 'scenario' (or "
                           "'scenarios', a list of scenario files)");
    EXPECT_EQ(Error(head + "scenario: a.yaml\nscenarios: [b.yaml]\n"),
              "c.yaml:4:12: give either 'scenario' or 'scenarios', not both ('scenario' at "
              "c.yaml:3:11)");
    EXPECT_EQ(Error(head + "scenarios: []\n"),
              "c.yaml:3:12: 'scenarios' must list at least one scenario file");
    EXPECT_EQ(Error(head + "scenarios: [a.yaml, ./a.yaml]\n"),
              "c.yaml:3:21: scenario file './a.yaml' is named twice (first at c.yaml:3:13)");
    EXPECT_EQ(Error(head + "scenario: {a: 1}\n"),
              "c.yaml:3:11: 'scenario' must name scenario files, got a map");
}

TEST(CampaignSpecReaderTest, ValueErrors)
{
    EXPECT_EQ(Error(kHead + "postures: []\n"),
              "c.yaml:4:11: 'postures' must name at least one posture (leave it out to run "
              "every posture)");
    EXPECT_EQ(Error(kHead + "postures: [flat, flat]\n"),
              "c.yaml:4:18: posture 'flat' is named twice (first at c.yaml:4:12)");
    EXPECT_EQ(Error(kHead + "runs: 0\n"),
              "c.yaml:4:7: 'runs' must be a whole number from 1 to 100000, got '0'");
    EXPECT_EQ(Error(kHead + "seed: 9223372036854775808\n"),
              "c.yaml:4:7: 'seed' must be a whole number from 0 to 9223372036854775807, got "
              "'9223372036854775808'");
    EXPECT_EQ(Error(kHead + "seed: -1\n"),
              "c.yaml:4:7: 'seed' must be a whole number from 0 to 9223372036854775807, got "
              "'-1'");
    EXPECT_EQ(Error(kHead + "duration: soon\n"),
              "c.yaml:4:11: 'duration' must be a duration such as 8h, 90m or 3600, got 'soon'");
    EXPECT_EQ(Error(kHead + "duration: 366d\n"),
              "c.yaml:4:11: 'duration' must be at most 365d (the limit; see docs/limits.md), got "
              "'366d'");
    EXPECT_EQ(Error(kHead + "duration: 0s\n"),
              "c.yaml:4:11: 'duration' must be longer than 0, got '0s'");
}

TEST(CampaignSpecReaderTest, SweepErrors)
{
    EXPECT_EQ(Error(kHead + "sweep:\n  attack.breakout: [1h]\n  attack.breakout: [2h]\n"),
              "c.yaml:6:3: duplicate key 'attack.breakout' in 'sweep' (first at c.yaml:5:3)");
    EXPECT_EQ(Error(kHead + "sweep:\n  estate.segments: [1]\n"),
              "c.yaml:5:3: 'estate.segments': only attack.*, defence.* and benign.* parameters can "
              "be set "
              "(docs/campaign.md)");
    EXPECT_EQ(Error(kHead + "sweep:\n  attack: [1]\n"),
              "c.yaml:5:3: 'attack': only attack.*, defence.* and benign.* parameters can be set "
              "(docs/campaign.md)");
    EXPECT_EQ(Error(kHead + "sweep:\n  attack.breakout: []\n"),
              "c.yaml:5:20: 'attack.breakout' must list at least one value");
    EXPECT_EQ(Error(kHead + "sweep:\n  attack.breakout:\n"),
              "c.yaml:5:3: 'attack.breakout' must be a value or a list of values, got nothing");
    EXPECT_EQ(Error(kHead + "sweep:\n  attack.breakout: {a: 1}\n"),
              "c.yaml:5:20: 'attack.breakout' must be a value or a list of values, got a map");
    EXPECT_EQ(Error(kHead + "sweep:\n  attack.breakout: [1h, {a: 1}]\n"),
              "c.yaml:5:25: the values of 'attack.breakout' must be single values or lists of "
              "them, got a map");
    EXPECT_EQ(Error(kHead + "sweep:\n  attack.lateral.techniques: [[smb, [rdp]]]\n"),
              "c.yaml:5:31: the values of 'attack.lateral.techniques' must be single values or "
              "lists of them, got a list holding something other than single values");
    EXPECT_EQ(Error(kHead + "sweep:\n  attack.breakout: [1h, 2h, '1h']\n"),
              "c.yaml:5:29: value 1h of 'attack.breakout' is listed twice (first at c.yaml:5:21)");
    EXPECT_EQ(Error(kHead + "sweep: [attack.breakout]\n"),
              "c.yaml:4:8: 'sweep' must be a map, got a list");
}

TEST(CampaignSpecReaderTest, EveryErrorInFileOrder)
{
    EXPECT_EQ(
        Errors(kHead + "runs: 0\nsweep:\n  estate.x: 1\n  attack.breakout: []\nseed: x\n"),
        (std::vector<std::string>{
            "c.yaml:4:7: 'runs' must be a whole number from 1 to 100000, got '0'",
            "c.yaml:6:3: 'estate.x': only attack.*, defence.* and benign.* parameters can be set "
            "(docs/campaign.md)",
            "c.yaml:7:20: 'attack.breakout' must list at least one value",
            "c.yaml:8:7: 'seed' must be a whole number from 0 to 9223372036854775807, got "
            "'x'"}));
}

TEST(CampaignSpecReaderTest, RunCountLimit)
{
    static_assert(Limits::kMaxCampaignRuns == 1000000);
    // 2 x 1 x 1 (every posture) x 100000 = 200000: within.
    EXPECT_NO_THROW(Read("format: segproof-campaign/v1\nname: t\nscenarios: [a.yaml, b.yaml]\n"
                         "runs: 100000\n"));
    // 2 scenarios x 2 points x 3 postures x 100000 runs.
    EXPECT_EQ(Error("format: segproof-campaign/v1\nname: t\nscenarios: [a.yaml, b.yaml]\n"
                    "postures: [a, b, c]\nruns: 100000\nsweep:\n  attack.breakout: [1h, 2h]\n"),
              "c.yaml:7:3: the campaign would make 2 scenarios x 2 points x 3 postures x 100000 "
              "runs = 1200000 runs, more than 1000000 (the limit; see docs/limits.md)");
    // Without a sweep, at 'runs'; postures left out count as one.
    EXPECT_EQ(Error("format: segproof-campaign/v1\nname: t\nscenarios: [a.yaml, b.yaml, c.yaml, "
                    "d.yaml, e.yaml, f.yaml, g.yaml, h.yaml, i.yaml, j.yaml, k.yaml]\n"
                    "runs: 100000\n"),
              "c.yaml:4:7: the campaign would make 11 scenarios x 1 point x every posture "
              "(counted as 1 here) x 100000 runs = 1100000 runs, more than 1000000 (the limit; "
              "see docs/limits.md)");
}

} // namespace
