#ifndef SEGPROOF_CORE_SCENARIO_READER_H
#define SEGPROOF_CORE_SCENARIO_READER_H

#include "scenario.h"

#include <string>

namespace segproof
{
namespace core
{

/// Reads and checks a scenario file (format segproof/v1).
/// Throws InputError listing every problem found, each at its FILE:LINE:COL.
Scenario ReadScenarioFile(const std::string& path);

/// Reads a scenario from text; `fileName` is used in messages.
Scenario ReadScenarioText(const std::string& text, const std::string& fileName);

} // namespace core
} // namespace segproof

#endif
