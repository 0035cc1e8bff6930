// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#include "nsx-id-allocator.h"

#include <algorithm>
#include <cctype>

namespace segproof
{
namespace formats
{

namespace
{

std::string
Lower(std::string text)
{
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

} // namespace

std::string
SanitizeNsxId(const std::string& name)
{
    std::string id;
    for (unsigned char c : name)
    {
        const bool kept = (c < 0x80 && std::isalnum(c) != 0) || c == '-' || c == '_' || c == '.';
        id += kept ? static_cast<char>(c) : '_';
    }
    return id.empty() ? "_" : id;
}

std::string
NsxIdAllocator::Allocate(const std::string& name)
{
    const std::string base = SanitizeNsxId(name);
    std::string id = base;
    for (int n = 2; m_taken.count(Lower(id)) != 0; ++n)
    {
        id = base + "-" + std::to_string(n);
    }
    m_taken.insert(Lower(id));
    return id;
}

void
NsxIdAllocator::Reserve(const std::string& id)
{
    m_taken.insert(Lower(id));
}

} // namespace formats
} // namespace segproof
