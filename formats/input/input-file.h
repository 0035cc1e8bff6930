// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#ifndef SEGPROOF_FORMATS_INPUT_INPUT_FILE_H
#define SEGPROOF_FORMATS_INPUT_INPUT_FILE_H

#include <string>

namespace segproof
{
namespace formats
{

/// The bytes of an input file (a scenario, an NSX export), read with a bound: at most
/// Limits::kMaxFileBytes, so that a path such as /dev/zero or a runaway pipe ends in an error
/// instead of exhausting memory. Pipes and process substitutions (`<(...)`) are read like
/// files. Throws InputError at PATH:0:0: "no such file", "is a directory, not `what`",
/// "cannot open the file (reason)", or "the file is larger than N bytes".
std::string ReadInputFile(const std::string& path, const std::string& what);

/// Checks that the YAML (or JSON) `text` holds at most Limits::kMaxYamlValues values (scalars,
/// lists, maps, aliases), by a streaming parse that builds nothing and stops at the limit:
/// yaml-cpp's document tree takes some 500 bytes a value, so 64 MiB of `[1,1,1,...]` would
/// need 15 GB. Throws InputError at FILE:LINE:COL of the first value past the limit. A syntax
/// error is left to the caller's own parse, which explains it.
void CheckYamlValueCount(const std::string& text, const std::string& file);

} // namespace formats
} // namespace segproof

#endif
