// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#include "commands.h"
#include "formats/scenario/scenario-reader.h"

#include <iostream>

namespace segproof
{
namespace cli
{

core::Scenario
ReadScenarioWithWarnings(const std::string& path)
{
    return ReadScenarioWithWarnings(path, formats::ParameterPoint{});
}

core::Scenario
ReadScenarioWithWarnings(const std::string& path, const formats::ParameterPoint& point)
{
    core::Scenario scenario = formats::ReadScenarioFile(path, point);
    for (const auto& w : scenario.Warnings())
    {
        std::cerr << w.location.ToString() << ": warning: " << w.message << "\n";
    }
    return scenario;
}

std::vector<core::Posture>
ResolvePostures(const core::Scenario& scenario, const std::string& text)
{
    if (text == "each")
    {
        std::vector<core::Posture> postures = scenario.Postures();
        if (postures.empty())
        {
            postures.push_back(scenario.AllFirewallsPosture());
        }
        return postures;
    }
    std::vector<core::Posture> postures;
    std::size_t start = 0;
    while (true)
    {
        std::size_t comma = text.find(',', start);
        postures.push_back(scenario.ResolvePosture(
            text.substr(start, comma == std::string::npos ? std::string::npos : comma - start),
            "--posture"));
        if (comma == std::string::npos)
        {
            return postures;
        }
        start = comma + 1;
    }
}

} // namespace cli
} // namespace segproof
