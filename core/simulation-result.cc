// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#include "simulation-result.h"

namespace segproof
{
namespace core
{

std::string
BlockedAtName(BlockedAt where)
{
    switch (where)
    {
    case BlockedAt::Dfw:
        return "dfw";
    case BlockedAt::Gateway:
        return "gateway";
    case BlockedAt::Perimeter:
        return "perimeter";
    case BlockedAt::Host:
        return "host";
    }
    return "dfw";
}

} // namespace core
} // namespace segproof
