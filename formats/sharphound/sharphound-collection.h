// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#ifndef SEGPROOF_FORMATS_SHARPHOUND_SHARPHOUND_COLLECTION_H
#define SEGPROOF_FORMATS_SHARPHOUND_SHARPHOUND_COLLECTION_H

#include "core/identity.h"
#include "core/input-error.h"
#include "sharphound-files.h"

#include <string>
#include <vector>

namespace segproof
{
namespace formats
{

/// A reference to another object ("typed principal"): its SID and its ObjectType.
struct SharpHoundPrincipal
{
    std::string sid;  ///< upper case, as IDs are compared without case
    std::string type; ///< "User", "Group", "Computer", "LocalGroup", "Base", ...
};

struct SharpHoundUser
{
    std::string sid;
    std::string name; ///< Properties.name, "ALICE@TESTLAB.LOCAL"
    bool enabled = true;
    std::string primaryGroup; ///< PrimaryGroupSID (its membership is in no group's Members)
};

struct SharpHoundGroup
{
    std::string sid;
    std::string name;
    std::vector<SharpHoundPrincipal> members;
};

/// The members of one of a computer's local groups that segproof models.
struct SharpHoundLocalRight
{
    core::Right right = core::Right::LocalAdmin;
    std::vector<SharpHoundPrincipal> members;
};

struct SharpHoundComputer
{
    std::string sid;
    std::string name;           ///< Properties.name, the FQDN ("WIN10.TESTLAB.LOCAL")
    std::string samAccountName; ///< "WIN10$", when collected
    bool enabled = true;
    std::vector<std::string> sessionUsers; ///< user SIDs of its collected sessions
    std::vector<SharpHoundLocalRight> rights;
};

/// What segproof reads of a collection: users, groups, computers with their sessions and local
/// groups, and the `sessions` file's rows; other object types are skipped.
struct SharpHoundCollection
{
    std::vector<SharpHoundUser> users;
    std::vector<SharpHoundGroup> groups;
    std::vector<SharpHoundComputer> computers;
    std::vector<std::pair<std::string, std::string>> sessions; ///< (computer SID, user SID)
    std::vector<int> versions;        ///< meta.version of each file read (0: none given)
    std::vector<std::string> skipped; ///< meta.type of each file skipped (domains, gpos, ...)
};

/// Parses the files (docs/identity.md, "SharpHound"): format versions 4 to 6, keys matched
/// without case, BOM already stripped. Throws core::InputError with every problem found, each
/// at FILE:LINE:COL (JSON syntax) or FILE and the JSON path (a field of the wrong type).
SharpHoundCollection ParseSharpHound(const std::vector<SharpHoundFile>& files);

} // namespace formats
} // namespace segproof

#endif
