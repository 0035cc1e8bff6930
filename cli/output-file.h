// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#ifndef SEGPROOF_CLI_OUTPUT_FILE_H
#define SEGPROOF_CLI_OUTPUT_FILE_H

#include <string>

namespace segproof
{
namespace cli
{

/// Writes `text` to `path` whole or not at all: into a temporary file beside it, then renamed
/// over it, so a reader (a CI step uploading SARIF) never sees half a file. Throws InputError
/// at `option` ("--sarif") when the file cannot be written.
void WriteWholeFile(const std::string& path, const std::string& text, const std::string& option);

} // namespace cli
} // namespace segproof

#endif
