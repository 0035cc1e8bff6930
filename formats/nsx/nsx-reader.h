// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#ifndef SEGPROOF_FORMATS_NSX_NSX_READER_H
#define SEGPROOF_FORMATS_NSX_NSX_READER_H

#include "core/estate.h"
#include "core/input-error.h"
#include "core/policy.h"

#include <string>
#include <vector>

namespace segproof
{
namespace formats
{

/// What an NSX import produced.
struct NsxImport
{
    core::Firewall firewall;                ///< kind Dfw
    std::vector<core::Diagnostic> warnings; ///< what was skipped or is worth a look, in file order
};

/// Reads an NSX Policy API export (hierarchical Infra document or a {groups,services,
/// security_policies} bundle whose lists may be {"results":[...]}) into the DFW, resolving
/// groups against the estate's machines. Throws InputError with every problem (FILE:LINE:COL)
/// in one pass. docs/nsx-import.md says what is honoured, refused and ignored.
NsxImport ReadNsxDfw(const std::string& path, const core::Estate& estate);

/// Reads an export from text; `fileName` is used in messages.
NsxImport ReadNsxDfwText(const std::string& text, const std::string& fileName,
                         const core::Estate& estate);

} // namespace formats
} // namespace segproof

#endif
