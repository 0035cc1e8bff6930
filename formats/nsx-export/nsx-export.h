// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#ifndef SEGPROOF_FORMATS_NSX_EXPORT_NSX_EXPORT_H
#define SEGPROOF_FORMATS_NSX_EXPORT_NSX_EXPORT_H

#include "core/input-error.h"
#include "core/scenario.h"

#include <cstddef>
#include <string>
#include <vector>

namespace segproof
{
namespace formats
{

/// Where an export comes from, for the provenance it carries (a policy's `description`).
struct NsxExportOptions
{
    std::string segproofVersion; ///< "0.2.0"
    std::string scenarioFile;    ///< the scenario's file name as the user knows it
};

/// A DFW written as an NSX Policy API body.
struct NsxExport
{
    std::string json; ///< pretty-printed (2-space indent), ending in a newline
    std::vector<core::Diagnostic> warnings; ///< what is written other than as the scenario says
    std::size_t groups = 0;
    std::size_t services = 0;
    std::size_t rules = 0; ///< NSX rules, the default rule(s) included
};

/// Writes the scenario's DFW (its groups, services, policies and rules) as the hierarchical
/// body of `PATCH /policy/api/v1/infra`, which formats/nsx's import reads back to the same
/// decisions (docs/nsx-export.md). The same scenario gives the same bytes. Throws InputError,
/// with every problem, when the scenario has no DFW or the DFW cannot be said exactly in NSX.
NsxExport ExportNsxDfw(const core::Scenario& scenario, const NsxExportOptions& options);

} // namespace formats
} // namespace segproof

#endif
