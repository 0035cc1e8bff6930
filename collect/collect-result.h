// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#ifndef SEGPROOF_COLLECT_COLLECT_RESULT_H
#define SEGPROOF_COLLECT_COLLECT_RESULT_H

#include <cstddef>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace segproof
{
namespace collect
{

/// How many objects of each kind a bundle holds: the CLI's one-line summary.
struct CollectCounts
{
    std::size_t services = 0;
    std::size_t virtualMachines = 0;
    std::size_t vifs = 0;
    std::size_t segments = 0;
    std::size_t segmentPorts = 0;
    std::size_t tier0s = 0;
    std::size_t tier1s = 0;
    std::size_t domains = 0;
    std::size_t groups = 0;
    /// Security and gateway policies together.
    std::size_t policies = 0;
    /// The rules of every security and gateway policy.
    std::size_t rules = 0;
};

/// A whole collection: only ever made when every request succeeded.
struct CollectResult
{
    /// The bundle (docs/collect.md, "The bundle"), the manager's objects in its key order.
    nlohmann::ordered_json bundle;
    CollectCounts counts;
    /// HTTP requests made, retries and the session's creation included.
    std::size_t requests = 0;
    /// What was absent and taken as empty (an optional endpoint's 404), one sentence each.
    std::vector<std::string> notes;
};

} // namespace collect
} // namespace segproof

#endif
