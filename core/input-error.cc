// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#include "input-error.h"

#include <utility>

namespace segproof
{
namespace core
{

std::string
SourceLocation::ToString() const
{
    if (line <= 0)
    {
        return file;
    }
    return file + ":" + std::to_string(line) + ":" + std::to_string(column);
}

std::string
Diagnostic::ToString() const
{
    return location.ToString() + ": " + message;
}

namespace
{
std::string
JoinDiagnostics(const std::vector<Diagnostic>& diagnostics)
{
    std::string text;
    for (const auto& d : diagnostics)
    {
        if (!text.empty())
        {
            text += "\n";
        }
        text += d.ToString();
    }
    return text;
}
} // namespace

InputError::InputError(std::vector<Diagnostic> diagnostics)
    : std::runtime_error(JoinDiagnostics(diagnostics)), m_diagnostics(std::move(diagnostics))
{
}

InputError::InputError(SourceLocation location, const std::string& message)
    : InputError(std::vector<Diagnostic>{Diagnostic{std::move(location), message}})
{
}

void
DiagnosticList::Add(SourceLocation location, std::string message)
{
    m_diagnostics.push_back(Diagnostic{std::move(location), std::move(message)});
}

void
DiagnosticList::ThrowIfAny() const
{
    if (HasErrors())
    {
        throw InputError(m_diagnostics);
    }
}

} // namespace core
} // namespace segproof
