// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#include "output-file.h"

#include "core/input-error.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <unistd.h>

namespace segproof
{
namespace cli
{

void
WriteWholeFile(const std::string& path, const std::string& text, const std::string& option)
{
    const std::string temporary = path + ".tmp-" + std::to_string(getpid());
    {
        std::ofstream out(temporary, std::ios::binary);
        out << text;
        out.close();
        if (!out)
        {
            std::remove(temporary.c_str());
            throw core::InputError(core::SourceLocation{option, 0, 0},
                                   "cannot write '" + path + "'");
        }
    }
    if (std::rename(temporary.c_str(), path.c_str()) != 0)
    {
        const std::string reason = std::strerror(errno);
        std::remove(temporary.c_str());
        throw core::InputError(core::SourceLocation{option, 0, 0},
                               "cannot write '" + path + "': " + reason);
    }
}

} // namespace cli
} // namespace segproof
