// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#include "csv-text.h"

#include <charconv>
#include <stdexcept>
#include <system_error>

namespace segproof
{
namespace reports
{

std::string
CsvField(const std::string& text)
{
    if (text.find_first_of(",\"\r\n") == std::string::npos)
    {
        return text;
    }
    std::string quoted = "\"";
    for (char c : text)
    {
        quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
    }
    return quoted + "\"";
}

std::string
ExactDouble(double value)
{
    char buffer[64];
    auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    if (result.ec != std::errc())
    {
        throw std::logic_error("to_chars failed");
    }
    return std::string(buffer, result.ptr);
}

} // namespace reports
} // namespace segproof
