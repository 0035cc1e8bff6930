// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#include "matrix-output.h"

#include "csv-text.h"
#include "output-format.h"
#include "segproof/version.h"

#include <algorithm>
#include <iomanip>
#include <nlohmann/json.hpp>
#include <sstream>

namespace segproof
{
namespace reports
{

std::string
FormatMatrixText(const core::ReachMatrix& m)
{
    std::ostringstream out;
    out << "matrix of " << m.scenario << " under posture " << m.posture << " (" << m.firewalls
        << "), by " << m.by << "\n"
        << "full: every connection is delivered; partial: some are; none: none is\n";
    std::size_t width = 9;
    for (const auto& name : m.rows)
    {
        width = std::max(width, name.size() + 2);
    }
    for (std::size_t v = 0; v < m.services.size(); ++v)
    {
        out << "\n" << m.services[v] << " (" << m.serviceEntries[v] << ")\n";
        out << "  " << std::left << std::setw(static_cast<int>(width)) << "from \\ to";
        for (const auto& column : m.columns)
        {
            out << std::setw(static_cast<int>(width)) << column;
        }
        out << "\n";
        for (std::size_t r = 0; r < m.rows.size(); ++r)
        {
            out << "  " << std::setw(static_cast<int>(width)) << m.rows[r];
            for (std::size_t c = 0; c < m.columns.size(); ++c)
            {
                out << std::setw(static_cast<int>(width)) << core::ReachName(m.reach[v][r][c]);
            }
            out << "\n";
        }
    }
    return out.str();
}

std::string
FormatMatrixCsv(const core::ReachMatrix& m)
{
    std::ostringstream out;
    out << "from,to,service,reach\n";
    for (std::size_t v = 0; v < m.services.size(); ++v)
    {
        for (std::size_t r = 0; r < m.rows.size(); ++r)
        {
            for (std::size_t c = 0; c < m.columns.size(); ++c)
            {
                out << CsvField(m.rows[r]) << "," << CsvField(m.columns[c]) << ","
                    << CsvField(m.services[v]) << "," << core::ReachName(m.reach[v][r][c]) << "\n";
            }
        }
    }
    return out.str();
}

namespace
{
nlohmann::json
MatrixDocument(const core::ReachMatrix& m)
{
    nlohmann::json services = nlohmann::json::array();
    for (std::size_t v = 0; v < m.services.size(); ++v)
    {
        nlohmann::json grid = nlohmann::json::array();
        for (const auto& row : m.reach[v])
        {
            nlohmann::json line = nlohmann::json::array();
            for (auto reach : row)
            {
                line.push_back(core::ReachName(reach));
            }
            grid.push_back(line);
        }
        services.push_back(
            {{"name", m.services[v]}, {"entries", m.serviceEntries[v]}, {"reach", grid}});
    }
    nlohmann::json doc = {{"format", kMatrixFormat},  {"segproof_version", SEGPROOF_VERSION},
                          {"scenario", m.scenario},   {"posture", m.posture},
                          {"firewalls", m.firewalls}, {"by", m.by},
                          {"rows", m.rows},           {"columns", m.columns},
                          {"services", services}};
    return doc;
}
} // namespace

std::string
FormatMatrixJson(const core::ReachMatrix& m)
{
    return MatrixDocument(m).dump(2) + "\n";
}

std::string
FormatMatrixJsonLine(const core::ReachMatrix& m)
{
    return MatrixDocument(m).dump() + "\n";
}

} // namespace reports
} // namespace segproof
