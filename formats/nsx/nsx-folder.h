// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#ifndef SEGPROOF_FORMATS_NSX_NSX_FOLDER_H
#define SEGPROOF_FORMATS_NSX_NSX_FOLDER_H

#include "core/input-error.h"
#include "formats/input/yaml-context.h"

#include <string>
#include <vector>
#include <yaml-cpp/yaml.h>

namespace segproof
{
namespace formats
{

/// A folder of NSX API responses, assembled as a collector's bundle.
struct NsxFolder
{
    std::string name;            ///< the folder, as messages name it
    YAML::Node root;             ///< a collector's bundle (nsx-document.h) of the files' objects
    std::vector<TextPart> parts; ///< which file each line of the nodes' marks is of
    std::vector<core::Diagnostic> warnings; ///< what was skipped, each at its file
};

/// Reads every .json file of `directory` and below (sorted by path; hidden files and other files
/// are not read), each the JSON one GET of the NSX Manager's API answered: a list result
/// {"results": [...], "result_count", "cursor"} (one page of it; a listing's pages may be in
/// several files) or one object. The objects are told apart by their `resource_type`
/// (VirtualMachine, VirtualNetworkInterface, Segment, SegmentPort, Tier0, Tier1, Service and
/// its entries, Domain, Group, SecurityPolicy, GatewayPolicy, Rule) and joined by `parent_path`
/// (a rule to its policy, a port to its segment). Throws InputError with every problem, each at
/// the file and line:col it is at: a file that is not JSON, an object without resource_type, a
/// rule whose policy the folder lacks, a listing whose pages do not add up to its
/// result_count, an error answer of the Manager.
NsxFolder ReadNsxFolder(const std::string& directory);

} // namespace formats
} // namespace segproof

#endif
