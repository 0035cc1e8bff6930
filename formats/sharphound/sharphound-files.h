// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#ifndef SEGPROOF_FORMATS_SHARPHOUND_SHARPHOUND_FILES_H
#define SEGPROOF_FORMATS_SHARPHOUND_SHARPHOUND_FILES_H

#include <string>
#include <vector>

namespace segproof
{
namespace formats
{

/// One JSON file of a SharpHound collection.
struct SharpHoundFile
{
    std::string name; ///< "PATH" for a file of a folder, "ZIP:ENTRY" for one inside a zip
    std::string text; ///< its bytes, a UTF-8 byte order mark removed
};

/// The JSON files of a collection as SharpHound writes it: its zip, or a folder of the files
/// (`*.json`, in name order; other files ignored). Throws core::InputError naming the path when
/// it cannot be read (absent, not a zip nor a folder, a damaged zip, no JSON file at all).
std::vector<SharpHoundFile> ReadSharpHoundFiles(const std::string& path);

} // namespace formats
} // namespace segproof

#endif
