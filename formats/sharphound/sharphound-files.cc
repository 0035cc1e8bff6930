// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#include "sharphound-files.h"

#include "core/input-error.h"
#include "core/limits.h"
#include "formats/input/input-file.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <memory>
#include <zip.h>

namespace segproof
{
namespace formats
{

namespace
{

bool
EndsWithJson(const std::string& name)
{
    if (name.size() < 5)
    {
        return false;
    }
    std::string tail = name.substr(name.size() - 5);
    std::transform(tail.begin(), tail.end(), tail.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return tail == ".json";
}

/// SharpHound wrote a UTF-8 byte order mark until late 2023.
std::string
WithoutBom(std::string text)
{
    if (text.size() >= 3 && text.compare(0, 3, "\xEF\xBB\xBF") == 0)
    {
        text.erase(0, 3);
    }
    return text;
}

core::InputError
Refused(const std::string& path, const std::string& why)
{
    return core::InputError(core::SourceLocation{path, 0, 0}, why);
}

std::vector<SharpHoundFile>
ReadZip(const std::string& path)
{
    int error = 0;
    std::unique_ptr<zip_t, int (*)(zip_t*)> archive(zip_open(path.c_str(), ZIP_RDONLY, &error),
                                                    zip_close);
    if (!archive)
    {
        zip_error_t reason;
        zip_error_init_with_code(&reason, error);
        std::string text = zip_error_strerror(&reason);
        zip_error_fini(&reason);
        throw Refused(path, "not a readable zip (" + text +
                                "): a SharpHound collection is its zip or a folder of its JSON "
                                "files");
    }
    std::vector<SharpHoundFile> files;
    const zip_int64_t entries = zip_get_num_entries(archive.get(), 0);
    for (zip_int64_t i = 0; i < entries; ++i)
    {
        zip_stat_t stat;
        if (zip_stat_index(archive.get(), static_cast<zip_uint64_t>(i), 0, &stat) != 0 ||
            !(stat.valid & ZIP_STAT_NAME) || !EndsWithJson(stat.name))
        {
            continue;
        }
        const std::string entry = stat.name;
        if (stat.size > core::Limits::kMaxFileBytes)
        {
            throw Refused(path + ":" + entry,
                          "is larger than " + std::to_string(core::Limits::kMaxFileBytes) +
                              " bytes uncompressed (the limit per file; see docs/limits.md)");
        }
        std::unique_ptr<zip_file_t, int (*)(zip_file_t*)> file(
            zip_fopen_index(archive.get(), static_cast<zip_uint64_t>(i), 0), zip_fclose);
        if (!file)
        {
            throw Refused(path + ":" + entry, std::string("cannot be read from the zip (") +
                                                  zip_strerror(archive.get()) + ")");
        }
        std::string text(static_cast<std::size_t>(stat.size), '\0');
        zip_int64_t read = zip_fread(file.get(), text.data(), stat.size);
        if (read < 0 || static_cast<zip_uint64_t>(read) != stat.size)
        {
            throw Refused(path + ":" + entry, "is damaged in the zip (read " +
                                                  std::to_string(read) + " of " +
                                                  std::to_string(stat.size) + " bytes)");
        }
        files.push_back({path + ":" + entry, WithoutBom(std::move(text))});
    }
    std::sort(files.begin(), files.end(),
              [](const SharpHoundFile& a, const SharpHoundFile& b) { return a.name < b.name; });
    return files;
}

} // namespace

std::vector<SharpHoundFile>
ReadSharpHoundFiles(const std::string& path)
{
    std::error_code ec;
    std::vector<SharpHoundFile> files;
    if (std::filesystem::is_directory(path, ec))
    {
        std::vector<std::string> names;
        for (const auto& entry : std::filesystem::directory_iterator(path, ec))
        {
            if (entry.is_regular_file(ec) && EndsWithJson(entry.path().filename().string()))
            {
                names.push_back(entry.path().string());
            }
        }
        std::sort(names.begin(), names.end());
        for (const auto& name : names)
        {
            files.push_back({name, WithoutBom(ReadInputFile(name, "a SharpHound JSON file"))});
        }
    }
    else if (std::filesystem::is_regular_file(path, ec))
    {
        files = EndsWithJson(path)
                    ? std::vector<SharpHoundFile>{{path, WithoutBom(ReadInputFile(
                                                             path, "a SharpHound JSON file"))}}
                    : ReadZip(path);
    }
    else
    {
        throw Refused(path, "no such file or folder (a SharpHound collection: its zip or a folder "
                            "of its JSON files)");
    }
    if (files.empty())
    {
        throw Refused(path, "holds no JSON file: a SharpHound collection has users.json, "
                            "groups.json, computers.json, ...");
    }
    return files;
}

} // namespace formats
} // namespace segproof
