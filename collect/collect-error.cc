// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#include "collect-error.h"

namespace segproof
{
namespace collect
{

CollectError::CollectError(CollectErrorKind kind, std::string url, const std::string& message)
    : std::runtime_error(message), m_kind(kind), m_url(std::move(url))
{
}

} // namespace collect
} // namespace segproof
