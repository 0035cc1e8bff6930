// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
// The scenario's `identity:` section, identity firewall sources (`from: {ad_group: G}`) and
// `from_users` intents (formats/scenario/identity-reader.h, docs/scenario-format.md).

#include "core/identity.h"
#include "core/input-error.h"
#include "formats/scenario/scenario-reader.h"
#include "support/scenario-errors.h"

#include <gtest/gtest.h>
#include <string>
#include <vector>

namespace
{

using namespace segproof::core;
using namespace segproof::formats;

// Machines in file order: pc1..pc4 (0-3), hd1 (4), fs01 (5).
const std::string kEstate = R"(format: segproof/v1
name: identity-test
estate:
  segments:
    - {name: vdi, cidr: 10.10.0.0/24}
    - {name: servers, cidr: 10.20.0.0/24}
  machines:
    - {name: "pc[1-4]", kind: desktop, segment: vdi, host: esx1, tags: [role|desktop]}
    - {name: hd1, kind: desktop, segment: vdi, host: esx1}
    - {name: fs01, kind: server, segment: servers, host: esx1}
  hosts:
    - {name: esx1}
groups:
  desktops: {tag: role|desktop}
  file-servers: {machines: [fs01]}
)";

// Line of the first line appended after kEstate.
constexpr int kFirstLine = 16;

const std::string kIdentity = R"(identity:
  users: ["u[1-3]", Alice, {name: old, enabled: false}, hd-admin]
  groups:
    records: {users: [alice]}
    staff: {users: ["u[1-3]", old], groups: [records]}
    helpdesk: {users: [hd-admin]}
  pools:
    office: {kind: floating, desktops: ["pc[1-3]"], entitled: [staff]}
    own: {kind: dedicated, desktops: [pc4], entitled: [records], assign: {alice: pc4}}
    hd: {kind: dedicated, desktops: [hd1], entitled: [helpdesk], assign: in_order}
  rights:
    - {right: local_admin, on: [desktops, hd1], groups: [helpdesk]}
    - {right: remote_desktop, on: fs01, users: [alice]}
  sessions:
    - {user: hd-admin, on: fs01}
  logon: {logged_on_share: 0.8, logon_window: 20m, session_mean: 3h, break_mean: 30m}
  phishable: [staff]
  credential_harvest: 0.5
)";

Scenario
Read(const std::string& sections)
{
    return ReadScenarioText(kEstate + sections, "a.yaml");
}

/// Every diagnostic of a text that must fail, as "LINE:COL: message" (the file is a.yaml).
std::vector<std::string>
Errors(const std::string& sections)
{
    return segproof::test::ScenarioErrors(kEstate + sections, "a.yaml");
}

/// The first error of a text that must fail (the later ones follow from it).
std::string
FirstError(const std::string& sections)
{
    std::vector<std::string> errors = Errors(sections);
    return errors.empty() ? "" : errors.front();
}

std::string
Error(const std::string& sections)
{
    std::vector<std::string> errors = Errors(sections);
    EXPECT_EQ(errors.size(), 1u) << ::testing::PrintToString(errors) << "\nfor:\n" << sections;
    return errors.empty() ? "" : errors.front();
}

/// kIdentity with one line replaced.
std::string
Replace(const std::string& from, const std::string& to)
{
    std::string text = kIdentity;
    auto at = text.find(from);
    EXPECT_NE(at, std::string::npos) << from;
    return text.replace(at, from.size(), to);
}

TEST(IdentityReader, ReadsUsersGroupsPoolsRightsSessionsAndLogon)
{
    Scenario s = Read(kIdentity);
    const Identity& id = s.GetIdentity();
    ASSERT_TRUE(id.given);
    ASSERT_EQ(id.users.size(), 6u);
    EXPECT_EQ(id.users[0].name, "u1");
    EXPECT_EQ(id.users[3].name, "Alice");
    EXPECT_FALSE(id.users[4].enabled);
    EXPECT_EQ(id.users[4].location.line, kFirstLine + 1);
    ASSERT_EQ(id.groups.size(), 3u);
    EXPECT_EQ(id.groups[1].users, (std::vector<Index>{0, 1, 2, 4}));
    EXPECT_EQ(id.groups[1].groups, (std::vector<Index>{0}));
    ASSERT_EQ(id.pools.size(), 3u);
    EXPECT_EQ(id.pools[0].kind, PoolKind::Floating);
    EXPECT_EQ(id.pools[0].desktops, (std::vector<Index>{0, 1, 2}));
    EXPECT_EQ(id.pools[1].kind, PoolKind::Dedicated);
    ASSERT_EQ(id.pools[1].assignments.size(), 1u);
    EXPECT_EQ(id.pools[1].assignments[0].user, 3);
    EXPECT_EQ(id.pools[1].assignments[0].machine, 3);
    ASSERT_EQ(id.pools[2].assignments.size(), 1u); // in_order: hd-admin owns hd1
    EXPECT_EQ(id.pools[2].assignments[0].user, 5);
    EXPECT_EQ(id.pools[2].assignments[0].machine, 4);
    ASSERT_EQ(id.rights.size(), 2u);
    EXPECT_EQ(id.rights[0].right, Right::LocalAdmin);
    EXPECT_EQ(id.rights[0].machines, (std::vector<Index>{0, 1, 2, 3, 4}));
    EXPECT_EQ(id.rights[1].right, Right::RemoteDesktop);
    ASSERT_EQ(id.sessions.size(), 1u);
    EXPECT_EQ(id.sessions[0].user, 5);
    EXPECT_EQ(id.sessions[0].machine, 5);
    EXPECT_DOUBLE_EQ(id.logon.loggedOnShare, 0.8);
    EXPECT_DOUBLE_EQ(id.logon.logonWindow_s, 1200);
    EXPECT_DOUBLE_EQ(id.logon.sessionMean_s, 3 * 3600);
    EXPECT_DOUBLE_EQ(id.logon.breakMean_s, 1800);
    EXPECT_EQ(id.phishable, (std::vector<Index>{0, 1, 2, 3, 4})); // staff, nested records
    EXPECT_DOUBLE_EQ(id.credentialHarvest, 0.5);

    IdentityIndex index(id, s.GetEstate().Machines().size());
    EXPECT_EQ(index.DesktopsOf(3), (std::vector<Index>{0, 1, 2, 3})); // alice: office and own
    EXPECT_TRUE(index.HasRight(5, 2, Right::LocalAdmin));
    EXPECT_FALSE(index.HasRight(0, 2, Right::LocalAdmin));
}

TEST(IdentityReader, AbsentSectionIsEmpty)
{
    Scenario s = Read("");
    EXPECT_FALSE(s.GetIdentity().given);
    EXPECT_TRUE(s.GetIdentity().users.empty());
}

TEST(IdentityReader, NamesAreComparedWithoutCase)
{
    EXPECT_EQ(Error(Replace("[\"u[1-3]\", Alice,", "[\"u[1-3]\", Alice, ALICE,")),
              std::to_string(kFirstLine + 1) +
                  ":28: user 'ALICE' is defined twice (names are compared without case)");
}

TEST(IdentityReader, UnknownNamesSuggest)
{
    EXPECT_EQ(Error(Replace("groups: [records]}", "groups: [recrds]}")),
              std::to_string(kFirstLine + 4) +
                  ":46: unknown AD group 'recrds'; did you mean 'records'?");
    EXPECT_EQ(FirstError(Replace("users: [alice]}", "users: [alise]}")),
              std::to_string(kFirstLine + 3) + ":23: unknown user 'alise'; did you mean 'Alice'?");
    EXPECT_EQ(FirstError(Replace("desktops: [pc4]", "desktops: [pc5]")),
              std::to_string(kFirstLine + 8) +
                  ":39: 'desktops': no machine or group 'pc5'; did you mean 'pc1'?");
    EXPECT_EQ(Error(Replace("kind: floating", "kind: floatng")),
              std::to_string(kFirstLine + 7) +
                  ":20: 'kind' must be dedicated or floating, got 'floatng'; did you mean "
                  "'floating'?");
    EXPECT_EQ(Error(Replace("credential_harvest: 0.5", "credential_harvst: 0.5")),
              std::to_string(kFirstLine + 17) + ":3: unknown key 'credential_harvst' in "
                                                "'identity'; did you mean 'credential_harvest'?");
}

TEST(IdentityReader, PoolsAreChecked)
{
    EXPECT_EQ(FirstError(Replace("desktops: [pc4]", "desktops: [fs01]")),
              std::to_string(kFirstLine + 8) +
                  ":38: pool 'own': 'fs01' is a server, not a desktop");
    EXPECT_EQ(FirstError(Replace("desktops: [pc4]", "desktops: [pc3]")),
              std::to_string(kFirstLine + 8) +
                  ":38: pool 'own': desktop 'pc3' is already in pool 'office' (a desktop belongs "
                  "to one pool)");
    EXPECT_EQ(Error(Replace("assign: {alice: pc4}", "assign: {u1: pc4}")),
              std::to_string(kFirstLine + 8) +
                  ":75: 'assign': user 'u1' is not entitled to pool 'own'");
    EXPECT_EQ(Error(Replace("assign: {alice: pc4}", "")),
              std::to_string(kFirstLine + 8) +
                  ":10: pool 'own' is dedicated: 'assign' must give each user's desktop (a map "
                  "user: desktop, or in_order)");
}

TEST(IdentityReader, IdentityFirewallSourcesAndUserIntents)
{
    const std::string rules = R"(firewalls:
  dfw:
    default: drop
    rules:
      - {id: records-files, from: {ad_group: Records}, to: file-servers, service: tcp/445,
         action: allow}
      - {id: mixed, from: [desktops, {ad_group: [staff, helpdesk]}], to: file-servers, service: any,
         action: drop}
intents:
  - {id: records-only, only: {from_users: records, to: file-servers, service: tcp/445}}
)";
    Scenario s = Read(kIdentity + rules);
    const Firewall* dfw = s.FindFirewall(FirewallKind::Dfw);
    ASSERT_NE(dfw, nullptr);
    EXPECT_EQ(dfw->rules[0].from.adGroups, (std::vector<Index>{0}));
    EXPECT_TRUE(dfw->rules[0].from.addresses.IsEmpty());
    EXPECT_EQ(dfw->rules[0].from.ToString(), "ad_group:records");
    EXPECT_EQ(dfw->rules[1].from.adGroups, (std::vector<Index>{1, 2}));
    EXPECT_EQ(dfw->rules[1].from.addresses.Size(), 4u); // the desktops
    ASSERT_EQ(s.Intents().size(), 1u);
    EXPECT_EQ(s.Intents()[0].fromUsers, (std::vector<Index>{0}));
    EXPECT_EQ(s.Intents()[0].from.ToString(), "users of records");
}

TEST(IdentityReader, IdentityFirewallMistakes)
{
    const std::string head = R"(firewalls:
  dfw:
    default: drop
    rules:
)";
    const int rulesLine = kFirstLine + 18 + 4;
    EXPECT_EQ(Error(kIdentity + head +
                    "      - {id: r, from: {ad_group: recrds}, to: file-servers, service: any, "
                    "action: allow}\n"),
              std::to_string(rulesLine) +
                  ":34: unknown AD group 'recrds'; did you mean 'records'?");
    EXPECT_EQ(Error(kIdentity + head +
                    "      - {id: r, from: desktops, to: {ad_group: records}, service: any, "
                    "action: allow}\n"),
              std::to_string(rulesLine) +
                  ":37: 'to': 'ad_group' may only be a DFW rule's source (NSX's identity "
                  "firewall matches the source side only)");
    EXPECT_EQ(Error(head +
                    "      - {id: r, from: {ad_group: records}, to: file-servers, service: any, "
                    "action: allow}\n"),
              std::to_string(kFirstLine + 4) +
                  ":34: 'ad_group' names AD groups of the scenario's 'identity:' section, and "
                  "the scenario has none");
    EXPECT_EQ(
        Error(kIdentity +
              "intents:\n  - {id: i, deny: {from: desktops, from_users: staff, to: file-servers, "
              "service: any}}\n"),
        std::to_string(kFirstLine + 19) +
            ":19: intent 'i' needs exactly one of 'from' (addresses) and 'from_users' (AD "
            "groups: the desktops their members sit at)");
}

} // namespace
