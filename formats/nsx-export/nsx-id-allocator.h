// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#ifndef SEGPROOF_FORMATS_NSX_EXPORT_NSX_ID_ALLOCATOR_H
#define SEGPROOF_FORMATS_NSX_EXPORT_NSX_ID_ALLOCATOR_H

#include <set>
#include <string>

namespace segproof
{
namespace formats
{

/// `name` as an NSX id: letters, digits, '-', '_' and '.' kept, every other byte '_'; an empty
/// name becomes "_".
std::string SanitizeNsxId(const std::string& name);

/// Hands out NSX ids for names, deterministically: the sanitised name, or with "-2", "-3", ...
/// appended when an id given before is the same but for case (NSX Manager compares some ids
/// case-insensitively, so two such ids could be one object).
class NsxIdAllocator
{
public:
    /// A new id for `name`, unique among those allocated or reserved so far.
    std::string Allocate(const std::string& name);
    /// Takes `id` as is (a fixed NSX id, such as default-layer3-rule).
    void Reserve(const std::string& id);

private:
    std::set<std::string> m_taken; ///< lower-cased
};

} // namespace formats
} // namespace segproof

#endif
