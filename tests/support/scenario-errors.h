// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#ifndef SEGPROOF_TESTS_SUPPORT_SCENARIO_ERRORS_H
#define SEGPROOF_TESTS_SUPPORT_SCENARIO_ERRORS_H

#include "core/input-error.h"
#include "formats/scenario/scenario-reader.h"

#include <gtest/gtest.h>
#include <string>
#include <vector>

namespace segproof
{
namespace test
{

/// Every diagnostic of a scenario text that must fail, as "LINE:COL: message"; each must name
/// `file`. A text that reads is a test failure (and no diagnostics).
inline std::vector<std::string>
ScenarioErrors(const std::string& text, const std::string& file)
{
    try
    {
        formats::ReadScenarioText(text, file);
    }
    catch (const core::InputError& e)
    {
        std::vector<std::string> lines;
        for (const auto& d : e.Diagnostics())
        {
            EXPECT_EQ(d.location.file, file);
            lines.push_back(std::to_string(d.location.line) + ":" +
                            std::to_string(d.location.column) + ": " + d.message);
        }
        return lines;
    }
    ADD_FAILURE() << "no InputError for:\n" << text;
    return {};
}

} // namespace test
} // namespace segproof

#endif
