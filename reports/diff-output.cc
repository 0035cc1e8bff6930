// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#include "diff-output.h"

#include "core/connection-description.h"
#include "output-format.h"
#include "segproof/version.h"
#include "verify-output.h"

#include <nlohmann/json.hpp>
#include <sstream>

namespace segproof
{
namespace reports
{

namespace
{

std::string
PathText(const core::Evaluation& e, const core::Estate& estate)
{
    if (e.decisions.empty())
    {
        return std::string(e.delivered ? "delivered" : "blocked") +
               " (no enforcement point on its path)";
    }
    std::string text;
    for (const auto& d : e.decisions)
    {
        text += (text.empty() ? "" : ", ") + core::DescribeDecision(estate, d);
    }
    return text;
}

void
WriteCubes(std::ostringstream& out, const std::string& title, const char* mark,
           const std::vector<core::DiffCubeView>& cubes, const core::Estate& beforeEstate,
           const core::Estate& afterEstate)
{
    out << title << ": "
        << (cubes.empty() ? "none"
                          : std::to_string(cubes.size()) + (cubes.size() == 1 ? " cube" : " cubes"))
        << "\n";
    for (const auto& c : cubes)
    {
        out << "  " << mark << " " << c.sources << " -> " << c.destinations << "  on " << c.services
            << "\n";
        out << "      e.g. " << core::DescribeConnection(afterEstate, c.example) << "\n";
        out << "        before: " << PathText(c.before, beforeEstate) << "\n";
        out << "        after:  " << PathText(c.after, afterEstate) << "\n";
        for (const auto& intent : c.brokenIntents)
        {
            out << "      breaks intent " << intent << "\n";
        }
    }
}

nlohmann::json
PathJson(const core::Evaluation& e, const core::Estate& estate)
{
    nlohmann::json path = nlohmann::json::array();
    for (const auto& d : e.decisions)
    {
        path.push_back({{"point", core::PointLabel(d.point, estate)},
                        {"rule", d.RuleId()},
                        {"action", core::ActionName(d.action)}});
    }
    return path;
}

nlohmann::json
CubesJson(const std::vector<core::DiffCubeView>& cubes, const core::Estate& beforeEstate,
          const core::Estate& afterEstate)
{
    nlohmann::json list = nlohmann::json::array();
    for (const auto& c : cubes)
    {
        list.push_back({{"sources", c.sources},
                        {"destinations", c.destinations},
                        {"services", c.services},
                        {"example", core::DescribeConnection(afterEstate, c.example)},
                        {"before", PathJson(c.before, beforeEstate)},
                        {"after", PathJson(c.after, afterEstate)},
                        {"breaks_intents", c.brokenIntents}});
    }
    return list;
}

} // namespace

std::string
FormatDiffText(const core::DiffView& diff, const core::Estate& beforeEstate,
               const core::Estate& afterEstate)
{
    std::ostringstream out;
    out << "diff " << diff.beforeFile << " -> " << diff.afterFile << " under posture "
        << diff.posture << "\n";
    WriteCubes(out, "newly allowed", "+", diff.newlyAllowed, beforeEstate, afterEstate);
    WriteCubes(out, "newly blocked", "-", diff.newlyBlocked, beforeEstate, afterEstate);
    return out.str();
}

std::string
FormatDiffJson(const core::DiffView& diff, const core::Estate& beforeEstate,
               const core::Estate& afterEstate)
{
    nlohmann::json doc = {
        {"format", kDiffFormat},
        {"segproof_version", SEGPROOF_VERSION},
        {"before", diff.beforeFile},
        {"after", diff.afterFile},
        {"posture", diff.posture},
        {"newly_allowed", CubesJson(diff.newlyAllowed, beforeEstate, afterEstate)},
        {"newly_blocked", CubesJson(diff.newlyBlocked, beforeEstate, afterEstate)}};
    return doc.dump(2) + "\n";
}

} // namespace reports
} // namespace segproof
