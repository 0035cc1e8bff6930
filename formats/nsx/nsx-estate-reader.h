// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#ifndef SEGPROOF_FORMATS_NSX_NSX_ESTATE_READER_H
#define SEGPROOF_FORMATS_NSX_NSX_ESTATE_READER_H

#include "core/estate.h"
#include "core/input-error.h"
#include "core/policy.h"
#include "nsx-reader.h"

#include <string>
#include <vector>

namespace segproof
{
namespace formats
{

/// How to read an estate from NSX.
struct NsxEstateOptions
{
    /// A VM without an IPv4 address in the inventory (no VIF reports one) is left out (false,
    /// with a warning), or given a placeholder address in the segment `unaddressed`,
    /// 198.18.0.0/15 (RFC 2544's benchmarking range), so that rules written over groups can be
    /// analysed for it (true). Rules written over addresses never match a placeholder.
    bool placeholderAddresses = false;
};

/// The estate an NSX Manager's inventory describes.
struct NsxEstateImport
{
    std::vector<core::Segment> segments;
    std::vector<core::Host> hosts;
    std::vector<core::Machine> machines; ///< every one a VM (it has a host)
    /// What could not be placed (a VM without an address, a VIF on no known segment), and
    /// what was read with a guess, as FILE:LINE:COL warnings.
    std::vector<core::Diagnostic> warnings;
};

/// Reads the estate of a collector's bundle (virtual_machines, virtual_network_interface,
/// segments with their segment_ports): segments from their IPv4 subnets, VMs with the address
/// and segment of their VIFs, names, external ids, tags, guest OS and host. Throws InputError
/// with every problem; docs/nsx-import.md says what is read and guessed.
NsxEstateImport ReadNsxEstate(const NsxFile& file, const NsxEstateOptions& options);

/// The NSX file's groups as scenario groups (named by display_name, else path), resolved
/// against the estate: what intents and native rules may name. A group whose criteria segproof
/// does not model is left out with a warning (it is an error only where a rule uses it).
struct NsxGroupsImport
{
    std::vector<core::Group> groups;
    std::vector<core::Diagnostic> warnings;
};
NsxGroupsImport ReadNsxGroups(const NsxFile& file, const core::Estate& estate);

} // namespace formats
} // namespace segproof

#endif
