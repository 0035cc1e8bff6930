// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#ifndef SEGPROOF_CORE_INPUT_ERROR_H
#define SEGPROOF_CORE_INPUT_ERROR_H

#include "source-location.h"

#include <stdexcept>
#include <string>
#include <vector>

namespace segproof
{
namespace core
{

/// One problem found in user input, at the place it was written.
struct Diagnostic
{
    SourceLocation location;
    std::string message;

    /// "FILE:LINE:COL: message".
    std::string ToString() const;
};

/// Bad user input: every problem found in one pass, each with its location.
/// The CLI catches it once, prints each diagnostic on its own line and exits with code 2.
class InputError : public std::runtime_error
{
public:
    explicit InputError(std::vector<Diagnostic> diagnostics);
    InputError(SourceLocation location, const std::string& message);

    /// The problems, in the order they were found.
    const std::vector<Diagnostic>& Diagnostics() const { return m_diagnostics; }

private:
    std::vector<Diagnostic> m_diagnostics;
};

/// Collects diagnostics while a reader goes on past the first problem.
class DiagnosticList
{
public:
    /// Records a problem at a location.
    void Add(SourceLocation location, std::string message);
    /// True when at least one problem was recorded.
    bool HasErrors() const { return !m_diagnostics.empty(); }
    /// Throws InputError with every recorded problem, if there is any.
    void ThrowIfAny() const;
    /// The problems recorded so far.
    const std::vector<Diagnostic>& Items() const { return m_diagnostics; }

private:
    std::vector<Diagnostic> m_diagnostics;
};

} // namespace core
} // namespace segproof

#endif
