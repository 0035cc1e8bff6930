// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
// A SharpHound collection as the scenario's identity (formats/sharphound/, `identity:
// {sharphound: PATH}`): the project's own small collection in both computer shapes, as a
// folder and as a zip, its errors, and BloodHound's own fixtures from ../shared/peers (skipped
// when absent) against the edges BloodHound derives from them.

#include "core/identity.h"
#include "core/input-error.h"
#include "formats/scenario/scenario-reader.h"
#include "formats/sharphound/sharphound-collection.h"
#include "formats/sharphound/sharphound-files.h"
#include "formats/sharphound/sharphound-identity.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <iostream>
#include <iterator>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>

namespace
{

using namespace segproof;
namespace fs = std::filesystem;

const std::string kDomain = "S-1-5-21-1-2-3";

/// A collection: ALICE (records, primary group Domain Users), BOB, a disabled OLD; group
/// RECORDS nested in STAFF; WS1 (format 6, LocalGroups: STAFF are local admins, BOB may RDP,
/// ALICE's session) and WS2 (format 4 shape: LocalAdmins, a session of BOB), and NOWHERE,
/// which no machine matches.
void
WriteCollection(const fs::path& dir)
{
    fs::create_directories(dir);
    std::ofstream(dir / "20260101_users.json")
        << "\xEF\xBB\xBF" // a BOM, as SharpHound wrote until 2023
        << R"({"meta": {"type": "users", "count": 0, "version": 6}, "data": [
  {"ObjectIdentifier": ")"
        << kDomain << R"(-1101", "PrimaryGroupSID": ")" << kDomain
        << R"(-513", "Properties": {"name": "ALICE@CORP.LOCAL", "enabled": true}},
  {"ObjectIdentifier": ")"
        << kDomain << R"(-1102", "properties": {"NAME": "BOB@CORP.LOCAL"}},
  {"ObjectIdentifier": ")"
        << kDomain << R"(-1103", "Properties": {"name": "OLD@CORP.LOCAL",
   "enabled": false}}]})";
    std::ofstream(dir / "20260101_groups.json")
        << R"({"meta": {"type": "groups", "version": 6}, "data": [
  {"ObjectIdentifier": ")"
        << kDomain << R"(-513", "Properties": {"name": "DOMAIN USERS@CORP.LOCAL"},
   "Members": []},
  {"ObjectIdentifier": ")"
        << kDomain << R"(-2001", "Properties": {"name": "RECORDS@CORP.LOCAL"},
   "Members": [{"ObjectIdentifier": ")"
        << kDomain << R"(-1101", "ObjectType": "User"}]},
  {"ObjectIdentifier": ")"
        << kDomain << R"(-2002", "Properties": {"name": "STAFF@CORP.LOCAL"},
   "Members": [{"ObjectIdentifier": ")"
        << kDomain << R"(-2001", "ObjectType": "Group"},
               {"ObjectIdentifier": ")"
        << kDomain << R"(-1102", "ObjectType": "User"},
               {"ObjectIdentifier": "S-1-5-21-9-9-9-1500", "ObjectType": "User"}]}]})";
    std::ofstream(dir / "20260101_computers.json")
        << R"({"meta": {"type": "computers", "version": 6}, "data": [
  {"ObjectIdentifier": ")"
        << kDomain << R"(-3001", "Properties": {"name": "WS1.CORP.LOCAL"},
   "Sessions": {"Collected": true, "Results": [{"UserSID": ")"
        << kDomain << R"(-1101", "ComputerSID": ")" << kDomain << R"(-3001"}]},
   "PrivilegedSessions": {"Collected": false, "Results": []},
   "LocalGroups": [
     {"ObjectIdentifier": ")"
        << kDomain << R"(-3001-544", "Name": "ADMINISTRATORS@WS1.CORP.LOCAL",
      "Collected": true, "Results": [{"ObjectIdentifier": ")"
        << kDomain << R"(-2002", "ObjectType": "Group"},
      {"ObjectIdentifier": ")"
        << kDomain << R"(-3001-500", "ObjectType": "LocalUser"}]},
     {"ObjectIdentifier": ")"
        << kDomain << R"(-3001-555", "Name": "IGNOREME", "Collected": true,
      "Results": [{"ObjectIdentifier": ")"
        << kDomain << R"(-1102", "ObjectType": "User"}]},
     {"ObjectIdentifier": ")"
        << kDomain << R"(-3001-562", "Collected": true,
      "Results": [{"ObjectIdentifier": ")"
        << kDomain << R"(-1102", "ObjectType": "User"}]}]},
  {"ObjectIdentifier": ")"
        << kDomain << R"(-3002", "Properties": {"name": "WS2.CORP.LOCAL"},
   "localadmins": {"Collected": true, "Results": [{"ObjectIdentifier": ")"
        << kDomain << R"(-1102", "ObjectType": "User"}]},
   "RemoteDesktopUsers": {"Collected": false, "Results": []}},
  {"ObjectIdentifier": ")"
        << kDomain << R"(-3003", "Properties": {"name": "NOWHERE.CORP.LOCAL"}}]})";
    std::ofstream(dir / "20260101_sessions.json")
        << R"({"meta": {"type": "sessions", "version": 6}, "data": [
  {"ComputerSID": ")"
        << kDomain << R"(-3002", "UserSID": ")" << kDomain << R"(-1102"}]})";
    std::ofstream(dir / "20260101_gpos.json") << R"({"meta": {"type": "gpos"}, "data": []})";
}

std::string
Scenario(const std::string& collection)
{
    return R"(format: segproof/v1
name: sharphound-test
estate:
  segments:
    - {name: lan, cidr: 10.0.0.0/24}
  machines:
    - {name: ws1, kind: desktop, segment: lan}
    - {name: WS2, kind: desktop, segment: lan}
    - {name: fs01, kind: server, segment: lan}
identity:
  sharphound: )" +
           collection +
           R"(
  pools:
    desks: {kind: dedicated, desktops: [ws1, WS2], entitled: [STAFF@CORP.LOCAL],
            assign: {alice@corp.local: ws1, BOB@CORP.LOCAL: WS2}}
)";
}

class SharpHoundTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        m_dir = fs::temp_directory_path() /
                ("segproof-sharphound-" +
                 std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "-" +
                 ::testing::UnitTest::GetInstance()->current_test_info()->name());
        fs::remove_all(m_dir);
        WriteCollection(m_dir / "collection");
    }
    void TearDown() override { fs::remove_all(m_dir); }

    core::Scenario Read(const std::string& collection)
    {
        const fs::path file = m_dir / "scenario.yaml";
        std::ofstream(file) << Scenario(collection);
        return formats::ReadScenarioFile(file.string());
    }

    fs::path m_dir;
};

void
ExpectTheCollection(const core::Scenario& s)
{
    const core::Identity& id = s.GetIdentity();
    ASSERT_EQ(id.users.size(), 4u);                // and the foreign member, kept by its SID
    EXPECT_EQ(id.users[1].name, "BOB@CORP.LOCAL"); // keys matched without case
    EXPECT_FALSE(id.users[2].enabled);
    ASSERT_EQ(id.groups.size(), 3u);
    core::IdentityIndex index(id, s.GetEstate().Machines().size());
    const core::Index alice = id.FindUser("alice@corp.local");
    const core::Index bob = id.FindUser("bob@corp.local");
    EXPECT_TRUE(index.IsMember(alice, id.FindGroup("DOMAIN USERS@CORP.LOCAL"))); // primary group
    EXPECT_TRUE(index.IsMember(alice, id.FindGroup("STAFF@CORP.LOCAL")));        // nested
    EXPECT_FALSE(index.IsMember(bob, id.FindGroup("RECORDS@CORP.LOCAL")));
    const core::Index ws1 = s.GetEstate().FindMachine("ws1");
    const core::Index ws2 = s.GetEstate().FindMachine("WS2");
    EXPECT_TRUE(index.HasRight(alice, ws1, core::Right::LocalAdmin)); // through STAFF
    EXPECT_TRUE(index.HasRight(bob, ws1, core::Right::RemoteDesktop));
    EXPECT_FALSE(index.HasRight(bob, ws1, core::Right::RemoteManagement)); // 562 is DCOM
    EXPECT_TRUE(index.HasRight(bob, ws2, core::Right::LocalAdmin));        // format 4 shape
    EXPECT_FALSE(index.HasRight(alice, ws2, core::Right::LocalAdmin));
    ASSERT_EQ(id.sessions.size(), 2u);
    EXPECT_EQ(id.pools.size(), 1u);
    std::string warnings;
    for (const auto& w : s.Warnings())
    {
        warnings += w.message + "\n";
    }
    EXPECT_NE(warnings.find("1 of 3 SharpHound computers match no machine of the estate by name "
                            "(NOWHERE.CORP.LOCAL)"),
              std::string::npos)
        << warnings;
    EXPECT_NE(warnings.find("1 users and groups are referenced but in no users or groups file "
                            "(foreign or uncollected SIDs, such as S-1-5-21-9-9-9-1500): kept"),
              std::string::npos)
        << warnings;
    EXPECT_NE(warnings.find("1 local group members are no user or group"), std::string::npos)
        << warnings;
}

TEST_F(SharpHoundTest, AFolderOfTheCollectorsFiles)
{
    ExpectTheCollection(Read("collection"));
}

TEST_F(SharpHoundTest, TheCollectorsZip)
{
    const std::string command =
        "cd '" + (m_dir / "collection").string() + "' && zip -q ../collection.zip *.json";
    if (std::system(command.c_str()) != 0)
    {
        GTEST_SKIP() << "no zip command (scripts/install-deps.sh installs it)";
    }
    ExpectTheCollection(Read("collection.zip"));
}

std::vector<std::string>
ErrorsOf(const fs::path& path)
{
    try
    {
        formats::ParseSharpHound(formats::ReadSharpHoundFiles(path.string()));
    }
    catch (const core::InputError& e)
    {
        std::vector<std::string> lines;
        for (const auto& d : e.Diagnostics())
        {
            lines.push_back(d.ToString());
        }
        return lines;
    }
    ADD_FAILURE() << "no InputError for " << path;
    return {};
}

TEST_F(SharpHoundTest, BadInputIsNamedByFileLineColumnOrJsonPath)
{
    const fs::path bad = m_dir / "bad";
    fs::create_directories(bad);
    std::ofstream(bad / "users.json") << "{\"meta\": {\"type\": \"users\"},\n \"data\": [1,]}";
    std::ofstream(bad / "groups.json")
        << R"({"meta": {"type": "groups"}, "data": [{"ObjectIdentifier": "S-1", "Members": 7}]})";
    std::ofstream(bad / "computers.json") << R"({"data": []})";
    std::vector<std::string> errors = ErrorsOf(bad);
    ASSERT_EQ(errors.size(), 3u) << ::testing::PrintToString(errors);
    EXPECT_EQ(errors[0], (bad / "computers.json").string() +
                             ": $: a SharpHound file is an object with 'meta' (an object) and "
                             "'data' (an array)");
    EXPECT_EQ(errors[1],
              (bad / "groups.json").string() + ": data[0].Members: expected an array, got number");
    EXPECT_EQ(
        errors[2].rfind((bad / "users.json").string() + ":2:13: not valid JSON: syntax error", 0),
        0u)
        << errors[2];
    EXPECT_EQ(ErrorsOf(m_dir / "absent").at(0),
              (m_dir / "absent").string() +
                  ": no such file or folder (a SharpHound collection: its zip or a folder of its "
                  "JSON files)");
    std::ofstream(m_dir / "not-a.zip") << "PK? no";
    EXPECT_NE(ErrorsOf(m_dir / "not-a.zip").at(0).find("not a readable zip"), std::string::npos);
}

TEST_F(SharpHoundTest, AScenarioReportsTheCollectionsErrorsAndNamesStillResolve)
{
    const fs::path file = m_dir / "scenario.yaml";
    std::ofstream(file) << Scenario("nothing-here") << "  phishable: [STAF@CORP.LOCAL]\n";
    try
    {
        formats::ReadScenarioFile(file.string());
        ADD_FAILURE() << "read";
    }
    catch (const core::InputError& e)
    {
        ASSERT_EQ(e.Diagnostics().size(), 1u); // and no unknown names after it
        EXPECT_NE(e.Diagnostics()[0].message.find("'sharphound': "), std::string::npos);
        EXPECT_NE(e.Diagnostics()[0].message.find("no such file or folder"), std::string::npos);
        EXPECT_EQ(e.Diagnostics()[0].location.line, 11);
    }
    std::ofstream(file) << Scenario("collection") << "  phishable: [STAF@CORP.LOCAL]\n";
    try
    {
        formats::ReadScenarioFile(file.string());
        ADD_FAILURE() << "read";
    }
    catch (const core::InputError& e)
    {
        ASSERT_EQ(e.Diagnostics().size(), 1u);
        EXPECT_EQ(e.Diagnostics()[0].message,
                  "'phishable': no user or AD group 'STAF@CORP.LOCAL'; did you mean "
                  "'STAFF@CORP.LOCAL'?");
        EXPECT_EQ(e.Diagnostics()[0].location.line, 15);
    }
}

// ---- BloodHound's own fixtures (../shared/peers/sharphound) ---------------------------------

const fs::path kPeers = fs::path(SEGPROOF_SHARED_DIR) / "peers/sharphound/SpecterOps-BloodHound";

/// Edges (kind, start SID, end SID) of BloodHound's analysed graph.
std::set<std::tuple<std::string, std::string, std::string>>
ExpectedEdges(const std::string& set, const std::set<std::string>& kinds)
{
    std::ifstream in(kPeers / "graphify-expected" / set / "analysis/analyzed.json");
    nlohmann::json doc = nlohmann::json::parse(in);
    std::set<std::tuple<std::string, std::string, std::string>> edges;
    for (const auto& e : doc["graph"]["edges"])
    {
        const std::string kind = e["kind"];
        if (kinds.count(kind))
        {
            edges.emplace(kind, e["start"]["value"].get<std::string>(),
                          e["end"]["value"].get<std::string>());
        }
    }
    return edges;
}

/// The same edges from segproof's import, every computer given a machine of its host name.
std::set<std::tuple<std::string, std::string, std::string>>
ImportedEdges(const fs::path& folder, formats::SharpHoundImport& imported)
{
    formats::SharpHoundCollection collection =
        formats::ParseSharpHound(formats::ReadSharpHoundFiles(folder.string()));
    std::vector<core::Machine> machines;
    std::vector<std::string> computerSid;
    for (const auto& c : collection.computers)
    {
        core::Machine m;
        m.name = c.name.substr(0, c.name.find('.'));
        m.segment = 0;
        m.ip = 0x0A000000u + static_cast<core::Ipv4Address>(machines.size() + 10);
        machines.push_back(m);
        computerSid.push_back(c.sid);
    }
    core::Segment lan;
    lan.name = "lan";
    lan.cidr = *core::ParseCidr("10.0.0.0/16").cidr;
    core::Estate estate({lan}, {}, machines, {});
    imported = formats::ImportSharpHound(collection, estate, core::SourceLocation{});
    const core::Identity& id = imported.identity;
    std::set<std::tuple<std::string, std::string, std::string>> edges;
    const std::map<core::Right, std::string> kind = {
        {core::Right::LocalAdmin, "AdminTo"},
        {core::Right::RemoteDesktop, "CanRDP"},
        {core::Right::RemoteManagement, "CanPSRemote"}};
    for (const auto& grant : id.rights)
    {
        for (core::Index m : grant.machines)
        {
            for (core::Index u : grant.users)
            {
                edges.emplace(kind.at(grant.right), id.users[u].sid, computerSid[m]);
            }
            for (core::Index g : grant.groups)
            {
                edges.emplace(kind.at(grant.right), id.groups[g].sid, computerSid[m]);
            }
        }
    }
    for (const auto& s : id.sessions)
    {
        edges.emplace("HasSession", computerSid[s.machine], id.users[s.user].sid);
    }
    for (const auto& g : id.groups)
    {
        for (core::Index u : g.users)
        {
            edges.emplace("MemberOf", id.users[u].sid, g.sid);
        }
        for (core::Index n : g.groups)
        {
            edges.emplace("MemberOf", id.groups[n].sid, g.sid);
        }
    }
    return edges;
}

/// The principals GPOs make local administrators (GPOChanges.LocalAdmins of OUs and domains).
std::set<std::string>
GpoLocalAdmins(const fs::path& folder)
{
    std::set<std::string> sids;
    for (const auto& entry : fs::directory_iterator(folder))
    {
        if (entry.path().extension() != ".json")
        {
            continue;
        }
        std::ifstream in(entry.path());
        std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        if (text.rfind("\xEF\xBB\xBF", 0) == 0)
        {
            text.erase(0, 3);
        }
        nlohmann::json doc = nlohmann::json::parse(text, nullptr, false);
        if (!doc.is_object() || !doc.contains("data") || !doc["data"].is_array())
        {
            continue;
        }
        for (const auto& item : doc["data"])
        {
            if (item.is_object() && item.contains("GPOChanges") &&
                item["GPOChanges"].contains("LocalAdmins"))
            {
                for (const auto& p : item["GPOChanges"]["LocalAdmins"])
                {
                    sids.insert(p["ObjectIdentifier"].get<std::string>());
                }
            }
        }
    }
    return sids;
}

TEST(SharpHoundPeers, BloodHoundsFixturesGiveBloodHoundsEdges)
{
    if (!fs::exists(kPeers))
    {
        GTEST_SKIP() << kPeers << " is absent";
    }
    const std::set<std::string> kinds = {"AdminTo", "CanRDP", "CanPSRemote", "HasSession",
                                         "MemberOf"};
    for (const auto& [folder, set] :
         std::vector<std::pair<std::string, std::string>>{{"v5/ingest", "Version5JSON"},
                                                          {"v6/ingest", "Version6JSON"},
                                                          {"v6/all", "Version6AllJSON"}})
    {
        formats::SharpHoundImport imported;
        auto ours = ImportedEdges(kPeers / folder, imported);
        auto theirs = ExpectedEdges(set, kinds);
        // Every edge segproof derives is one BloodHound derives (its MemberOf edges of users
        // and groups; computers' own memberships segproof leaves out).
        for (const auto& e : ours)
        {
            EXPECT_TRUE(theirs.count(e)) << folder << ": " << std::get<0>(e) << " "
                                         << std::get<1>(e) << " -> " << std::get<2>(e);
        }
        // And every access and session edge of BloodHound's but the AdminTo it takes from
        // GPOs (GPOChanges, which segproof does not read yet).
        const std::set<std::string> fromGpos = GpoLocalAdmins(kPeers / folder);
        std::size_t missing = 0;
        for (const auto& e : theirs)
        {
            if (std::get<0>(e) != "MemberOf" && !ours.count(e))
            {
                ++missing;
                EXPECT_TRUE(std::get<0>(e) == "AdminTo" && fromGpos.count(std::get<1>(e)))
                    << folder << ": " << std::get<0>(e) << " " << std::get<1>(e) << " -> "
                    << std::get<2>(e);
            }
        }
        std::cout << folder << ": " << ours.size() << " edges, " << missing
                  << " of BloodHound's from GPOs missing; " << imported.identity.users.size()
                  << " users, " << imported.identity.groups.size() << " groups, "
                  << imported.identity.rights.size() << " grants, "
                  << imported.identity.sessions.size() << " sessions, " << imported.warnings.size()
                  << " warnings\n";
        for (const auto& w : imported.warnings)
        {
            std::cout << "  warning: " << w.message << "\n";
        }
        EXPECT_EQ(imported.matchedComputers, imported.computers) << folder;
    }
}

} // namespace
