// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#ifndef SEGPROOF_FORMATS_SHARPHOUND_SHARPHOUND_IDENTITY_H
#define SEGPROOF_FORMATS_SHARPHOUND_SHARPHOUND_IDENTITY_H

#include "core/estate.h"
#include "core/identity.h"
#include "core/input-error.h"
#include "sharphound-collection.h"

#include <string>
#include <vector>

namespace segproof
{
namespace formats
{

/// What a collection imported to, for a summary and the warnings.
struct SharpHoundImport
{
    core::Identity identity;          ///< users, groups, rights and standing sessions (no pools)
    std::size_t computers = 0;        ///< computers in the collection
    std::size_t matchedComputers = 0; ///< of them, mapped onto a machine of the estate
    std::vector<core::Diagnostic> warnings;
};

/// The collection as segproof's identity (docs/identity.md, "SharpHound"): users by
/// Properties.name, enabled or not; groups with their members, nested, and every user's primary
/// group; each computer mapped onto the estate's machine of the same name (compared without
/// case and without the domain: "WIN10.TESTLAB.LOCAL" is machine win10); the members of its
/// Administrators (RID 544), Remote Desktop Users (555) and Remote Management Users (580) as
/// rights on that machine; its collected sessions as standing sessions there. What matches
/// nothing (computers without a machine, members and sessions of unknown SIDs) is a warning at
/// `location`, with counts and the first names.
SharpHoundImport ImportSharpHound(const SharpHoundCollection& collection,
                                  const core::Estate& estate, const core::SourceLocation& location);

} // namespace formats
} // namespace segproof

#endif
