// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#ifndef SEGPROOF_COLLECT_NSX_COLLECTOR_H
#define SEGPROOF_COLLECT_NSX_COLLECTOR_H

#include "collect-progress.h"
#include "collect-result.h"
#include "nsx-api-client.h"

#include <cstddef>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace segproof
{
namespace collect
{

/// Walks the endpoints segproof's importer reads (services, VMs, VIFs, segments and their ports,
/// tier-0s, tier-1s, and each domain's security and gateway policies with their rules and its
/// groups with their members) and builds the bundle in np-guard vmware-analyzer's shape
/// (docs/collect.md). Either every request succeeds and Collect returns the whole bundle, or it
/// throws CollectError and nothing is returned.
class NsxCollector
{
public:
    /// `toolVersion` goes into the bundle's collector.segproof_version.
    NsxCollector(NsxApiClient& client, std::string toolVersion, ProgressCallback progress = {});

    /// Opens the client (a session), collects, closes it. Throws CollectError.
    CollectResult Collect();

private:
    nlohmann::ordered_json List(const std::string& path);
    /// A 404 is an empty list and a note.
    nlohmann::ordered_json OptionalList(const std::string& path, const std::string& what);
    /// `item`'s "id", for the next path; throws CollectError naming `listPath` when it has none.
    std::string IdOf(const nlohmann::ordered_json& item, std::size_t index,
                     const std::string& listPath) const;
    nlohmann::ordered_json CollectDomain(nlohmann::ordered_json domain, std::size_t index);
    nlohmann::ordered_json CollectPolicies(const std::string& domainPath, const std::string& kind);
    void Report(const std::string& endpoint);

    NsxApiClient& m_client;
    std::string m_toolVersion;
    ProgressCallback m_progress;
    CollectCounts m_counts;
    std::vector<std::string> m_notes;
    std::size_t m_objects = 0;
};

} // namespace collect
} // namespace segproof

#endif
