#include "input-file.h"

#include "input-error.h"
#include "limits.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>

namespace segproof
{
namespace core
{

std::string
ReadInputFile(const std::string& path, const std::string& what)
{
    // Say why a path cannot be read: a directory opens as an empty stream on Linux, and
    // "the file is empty" would send the user looking in the wrong place.
    std::error_code ec;
    auto status = std::filesystem::status(path, ec);
    if (status.type() == std::filesystem::file_type::not_found)
    {
        throw InputError(SourceLocation{path, 0, 0}, "no such file");
    }
    if (status.type() == std::filesystem::file_type::directory)
    {
        throw InputError(SourceLocation{path, 0, 0}, "is a directory, not " + what);
    }
    errno = 0;
    std::ifstream in(path, std::ios::binary);
    if (!in)
    {
        std::string reason = errno != 0 ? std::strerror(errno) : "";
        throw InputError(SourceLocation{path, 0, 0},
                         "cannot open the file" + (reason.empty() ? "" : " (" + reason + ")"));
    }
    std::string text;
    char chunk[65536];
    while (in.read(chunk, sizeof chunk) || in.gcount() > 0)
    {
        text.append(chunk, static_cast<std::size_t>(in.gcount()));
        if (text.size() > Limits::kMaxFileBytes)
        {
            throw InputError(SourceLocation{path, 0, 0},
                             "the file is larger than " + std::to_string(Limits::kMaxFileBytes) +
                                 " bytes (the limit; see docs/limits.md)");
        }
    }
    return text;
}

} // namespace core
} // namespace segproof
