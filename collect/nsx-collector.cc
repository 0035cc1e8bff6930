// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#include "nsx-collector.h"

#include "collect-error.h"
#include "text-encoding.h"

#include <ctime>

namespace segproof
{
namespace collect
{

namespace
{
const char* const kServices = "/policy/api/v1/infra/services";
const char* const kVirtualMachines = "/api/v1/fabric/virtual-machines";
const char* const kVifs = "/api/v1/fabric/vifs";
const char* const kSegments = "/policy/api/v1/infra/segments";
const char* const kTier0s = "/policy/api/v1/infra/tier-0s";
const char* const kTier1s = "/policy/api/v1/infra/tier-1s";
const char* const kDomains = "/policy/api/v1/infra/domains";

std::string
UtcNow()
{
    const std::time_t now = std::time(nullptr);
    std::tm utc{};
    gmtime_r(&now, &utc);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return text;
}

// Closes the client's session however Collect leaves.
class SessionGuard
{
public:
    explicit SessionGuard(NsxApiClient& client) : m_client(client) {}
    ~SessionGuard() { m_client.Close(); }
    SessionGuard(const SessionGuard&) = delete;
    SessionGuard& operator=(const SessionGuard&) = delete;

private:
    NsxApiClient& m_client;
};
} // namespace

NsxCollector::NsxCollector(NsxApiClient& client, std::string toolVersion, ProgressCallback progress)
    : m_client(client), m_toolVersion(std::move(toolVersion)), m_progress(std::move(progress))
{
}

void
NsxCollector::Report(const std::string& endpoint)
{
    if (m_progress)
    {
        m_progress(CollectProgress{m_client.Requests(), endpoint, m_objects});
    }
}

nlohmann::ordered_json
NsxCollector::List(const std::string& path)
{
    nlohmann::ordered_json list = m_client.GetList(path);
    m_objects += list.size();
    Report(path);
    return list;
}

nlohmann::ordered_json
NsxCollector::OptionalList(const std::string& path, const std::string& what)
{
    std::optional<nlohmann::ordered_json> list = m_client.GetOptionalList(path);
    if (!list)
    {
        m_notes.push_back("GET " + m_client.UrlOf(path) + " answered 404 Not Found: " + what +
                          " taken as none");
        Report(path);
        return nlohmann::ordered_json::array();
    }
    m_objects += list->size();
    Report(path);
    return *list;
}

std::string
NsxCollector::IdOf(const nlohmann::ordered_json& item, std::size_t index,
                   const std::string& listPath) const
{
    if (!item.is_object() || !item.contains("id") || !item["id"].is_string() ||
        item["id"].get<std::string>().empty())
    {
        const std::string url = m_client.UrlOf(listPath);
        throw CollectError(CollectErrorKind::Response, url,
                           "GET " + url + ": result " + std::to_string(index) +
                               " has no string 'id' (at $.results[" + std::to_string(index) +
                               "].id, counting over every page), so its details cannot be "
                               "fetched");
    }
    return item["id"].get<std::string>();
}

nlohmann::ordered_json
NsxCollector::CollectPolicies(const std::string& domainPath, const std::string& kind)
{
    const std::string listPath = domainPath + "/" + kind;
    // A manager without gateway firewalling (or an old one) may not have gateway-policies.
    nlohmann::ordered_json policies = kind == "gateway-policies"
                                          ? OptionalList(listPath, "the domain's gateway policies")
                                          : List(listPath);
    for (std::size_t i = 0; i < policies.size(); ++i)
    {
        const std::string id = IdOf(policies[i], i, listPath);
        nlohmann::ordered_json rules = List(listPath + "/" + PercentEncode(id) + "/rules");
        m_counts.rules += rules.size();
        policies[i]["rules"] = std::move(rules);
    }
    m_counts.policies += policies.size();
    return policies;
}

nlohmann::ordered_json
NsxCollector::CollectDomain(nlohmann::ordered_json domain, std::size_t index)
{
    const std::string domainPath =
        std::string(kDomains) + "/" + PercentEncode(IdOf(domain, index, kDomains));
    nlohmann::ordered_json resources = nlohmann::ordered_json::object();
    resources["security_policies"] = CollectPolicies(domainPath, "security-policies");
    resources["gateway_policies"] = CollectPolicies(domainPath, "gateway-policies");

    const std::string groupsPath = domainPath + "/groups";
    nlohmann::ordered_json groups = List(groupsPath);
    for (std::size_t i = 0; i < groups.size(); ++i)
    {
        const std::string groupPath =
            groupsPath + "/" + PercentEncode(IdOf(groups[i], i, groupsPath));
        groups[i]["vm_members"] = List(groupPath + "/members/virtual-machines");
        // Some managers answer 404 for a group that cannot hold addresses.
        groups[i]["ips_members"] =
            OptionalList(groupPath + "/members/ip-addresses", "the group's IP-address members");
    }
    m_counts.groups += groups.size();
    resources["groups"] = std::move(groups);
    domain["resources"] = std::move(resources);
    return domain;
}

CollectResult
NsxCollector::Collect()
{
    m_counts = CollectCounts{};
    m_notes.clear();
    m_objects = 0;
    const std::string collectedAt = UtcNow();
    const std::size_t requestsBefore = m_client.Requests();

    CollectResult result;
    nlohmann::ordered_json& bundle = result.bundle;
    bundle = nlohmann::ordered_json::object();
    bundle["collector"] = nlohmann::ordered_json::object();
    {
        SessionGuard session(m_client);
        m_client.Open();
        if (m_client.Options().auth == AuthMode::Session)
        {
            Report("/api/session/create");
        }

        bundle["services"] = List(kServices);
        bundle["virtual_machines"] = List(kVirtualMachines);
        bundle["virtual_network_interface"] = List(kVifs);

        nlohmann::ordered_json segments = List(kSegments);
        for (std::size_t i = 0; i < segments.size(); ++i)
        {
            nlohmann::ordered_json ports =
                List(std::string(kSegments) + "/" + PercentEncode(IdOf(segments[i], i, kSegments)) +
                     "/ports");
            m_counts.segmentPorts += ports.size();
            segments[i]["segment_ports"] = std::move(ports);
        }
        bundle["segments"] = std::move(segments);
        // A Global Manager, or a manager without gateways, has neither tier.
        bundle["tier0"] = OptionalList(kTier0s, "tier-0 gateways");
        bundle["tier1"] = OptionalList(kTier1s, "tier-1 gateways");

        nlohmann::ordered_json domains = List(kDomains);
        for (std::size_t i = 0; i < domains.size(); ++i)
        {
            domains[i] = CollectDomain(std::move(domains[i]), i);
        }
        bundle["domains"] = std::move(domains);
        // Counted before the session's destruction, which is not part of the collection.
        result.requests = m_client.Requests() - requestsBefore;
    }

    m_counts.services = bundle["services"].size();
    m_counts.virtualMachines = bundle["virtual_machines"].size();
    m_counts.vifs = bundle["virtual_network_interface"].size();
    m_counts.segments = bundle["segments"].size();
    m_counts.tier0s = bundle["tier0"].size();
    m_counts.tier1s = bundle["tier1"].size();
    m_counts.domains = bundle["domains"].size();

    nlohmann::ordered_json& collector = bundle["collector"];
    collector["tool"] = "segproof collect";
    collector["segproof_version"] = m_toolVersion;
    collector["manager"] = m_client.Options().manager;
    collector["collected_at"] = collectedAt;
    collector["complete"] = true;
    collector["requests"] = result.requests;
    if (!m_notes.empty())
    {
        collector["notes"] = m_notes;
    }
    result.counts = m_counts;
    result.notes = m_notes;
    return result;
}

} // namespace collect
} // namespace segproof
