// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#ifndef SEGPROOF_COLLECT_COLLECT_PROGRESS_H
#define SEGPROOF_COLLECT_COLLECT_PROGRESS_H

#include <cstddef>
#include <functional>
#include <string>

namespace segproof
{
namespace collect
{

/// Where a collection is, after each request: what the CLI's progress line shows.
struct CollectProgress
{
    /// HTTP requests made so far, retries included.
    std::size_t requests = 0;
    /// The API path of the request just made, without its query ("/api/v1/fabric/vifs").
    std::string endpoint;
    /// Objects gathered so far, over every list.
    std::size_t objects = 0;
};

/// Called after every request; must not throw.
using ProgressCallback = std::function<void(const CollectProgress&)>;

} // namespace collect
} // namespace segproof

#endif
