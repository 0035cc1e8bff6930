// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#ifndef SEGPROOF_CORE_SOURCE_LOCATION_H
#define SEGPROOF_CORE_SOURCE_LOCATION_H

#include <string>

namespace segproof
{
namespace core
{

/// Where something was written: file, 1-based line and column (0 when unknown).
struct SourceLocation
{
    std::string file;
    int line = 0;
    int column = 0;

    /// "FILE:LINE:COL", or just "FILE" when the position is unknown.
    std::string ToString() const;
};

} // namespace core
} // namespace segproof

#endif
