#include "commands.h"
#include "core/scenario-reader.h"

#include <iostream>

namespace segproof
{
namespace cli
{

core::Scenario
ReadScenarioWithWarnings(const std::string& path)
{
    core::Scenario scenario = core::ReadScenarioFile(path);
    for (const auto& w : scenario.Warnings())
    {
        std::cerr << w.location.ToString() << ": warning: " << w.message << "\n";
    }
    return scenario;
}

} // namespace cli
} // namespace segproof
