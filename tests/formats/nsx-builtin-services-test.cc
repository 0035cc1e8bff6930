// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
// segproof's table of NSX's built-in services against a real NSX 4.x Manager's list
// (../shared/peers/np-guard-vmware-analyzer/nsx-builtin-services.json; skipped when absent):
// the same ids and names, and each service imports to the same connections from the table as
// from the Manager's own definition.
#include "core/estate.h"
#include "core/input-error.h"
#include "formats/nsx/nsx-builtin-services.h"
#include "formats/nsx/nsx-reader.h"

#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

namespace
{

using namespace segproof;

const std::string kManagerList =
    std::string(SEGPROOF_SHARED_DIR) + "/peers/np-guard-vmware-analyzer/nsx-builtin-services.json";

nlohmann::json
ManagerServices()
{
    std::ifstream in(kManagerList);
    return nlohmann::json::parse(in)["services"];
}

/// A bundle with one rule per service, and the services' definitions when `withDefinitions`.
std::string
Bundle(const nlohmann::json& services, bool withDefinitions)
{
    nlohmann::json rules = nlohmann::json::array();
    for (const auto& service : services)
    {
        rules.push_back({{"id", service["id"]},
                         {"action", "ALLOW"},
                         {"services", {"/infra/services/" + service["id"].get<std::string>()}}});
    }
    nlohmann::json bundle = {
        {"security_policies", {{{"id", "p"}, {"category", "Application"}, {"rules", rules}}}}};
    if (withDefinitions)
    {
        nlohmann::json definitions = nlohmann::json::array();
        for (const auto& service : services)
        {
            nlohmann::json entries = nlohmann::json::array();
            for (auto entry : service["service_entries"])
            {
                for (auto it = entry.begin(); it != entry.end();)
                {
                    // Keep what decides traffic; the rest is each entry's bookkeeping.
                    const std::string key = it.key();
                    bool keep = key == "resource_type" || key == "l4_protocol" ||
                                key == "destination_ports" || key == "source_ports" ||
                                key == "protocol" || key == "icmp_type" || key == "icmp_code" ||
                                key == "alg";
                    it = keep ? std::next(it) : entry.erase(it);
                }
                entries.push_back(entry);
            }
            definitions.push_back({{"id", service["id"]}, {"service_entries", entries}});
        }
        bundle["services"] = definitions;
    }
    return bundle.dump();
}

std::map<std::string, std::vector<std::string>>
EntriesByRule(const formats::NsxImport& imported)
{
    std::map<std::string, std::vector<std::string>> entries;
    for (const auto& rule : imported.firewall.rules)
    {
        auto& list = entries[rule.id];
        for (const auto& e : rule.service.entries)
        {
            list.push_back(e.ToString());
        }
    }
    return entries;
}

TEST(NsxBuiltinServicesTest, TheTableIsSortedAndFindsEveryId)
{
    const auto& table = formats::NsxBuiltinServices();
    ASSERT_GT(table.size(), 400u);
    for (std::size_t i = 0; i < table.size(); ++i)
    {
        if (i > 0)
        {
            EXPECT_LT(std::string(table[i - 1].id), std::string(table[i].id));
        }
        EXPECT_EQ(formats::FindNsxBuiltinService(table[i].id), &table[i]);
    }
    EXPECT_EQ(formats::FindNsxBuiltinService("NO-SUCH-SERVICE"), nullptr);
    EXPECT_EQ(formats::FindNsxBuiltinService("https"), nullptr); // paths are case-sensitive
    ASSERT_NE(formats::FindNsxBuiltinService("HTTPS"), nullptr);
    EXPECT_STREQ(formats::FindNsxBuiltinService("HTTPS")->entries, "TCP 443");
}

TEST(NsxBuiltinServicesTest, TheTableMatchesARealManagersList)
{
    if (!std::filesystem::exists(kManagerList))
    {
        GTEST_SKIP() << kManagerList << " is absent";
    }
    nlohmann::json services = ManagerServices();
    std::set<std::string> managerIds;
    for (const auto& service : services)
    {
        const std::string id = service["id"];
        managerIds.insert(id);
        const formats::NsxBuiltinService* ours = formats::FindNsxBuiltinService(id);
        ASSERT_NE(ours, nullptr) << id << " is missing from the table";
        EXPECT_EQ(*ours->displayName ? std::string(ours->displayName) : id,
                  service["display_name"].get<std::string>())
            << id;
    }
    for (const auto& ours : formats::NsxBuiltinServices())
    {
        EXPECT_EQ(managerIds.count(ours.id), 1u) << ours.id << " is not in the Manager's list";
    }

    // Every service, imported from the table and from the Manager's own definition, gives the
    // same entries, or is refused both ways (an ICMP code segproof cannot model).
    core::Estate estate;
    std::size_t refused = 0;
    for (const auto& service : services)
    {
        nlohmann::json one = nlohmann::json::array({service});
        std::string fromTable;
        std::string fromManager;
        try
        {
            auto table = EntriesByRule(formats::ReadNsxDfwText(Bundle(one, false), "t", estate));
            fromTable = ::testing::PrintToString(table);
        }
        catch (const core::InputError&)
        {
            fromTable = "refused";
        }
        try
        {
            auto manager = EntriesByRule(formats::ReadNsxDfwText(Bundle(one, true), "m", estate));
            fromManager = ::testing::PrintToString(manager);
        }
        catch (const core::InputError&)
        {
            fromManager = "refused";
        }
        EXPECT_EQ(fromTable, fromManager) << service["id"];
        refused += fromTable == "refused" ? 1 : 0;
    }
    // ICMP_Router_Advertisement (type 9, code 0 of two codes) alone.
    EXPECT_EQ(refused, 1u);
}

} // namespace
