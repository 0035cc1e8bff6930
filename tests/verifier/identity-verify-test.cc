// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
// Intents under the identity firewall and `from_users` intents (verifier/session-states.h,
// IntentVerifier::VerifyUnderEverySession): every state of the sessions the pools allow, the
// user in the counterexample, and a brute force over every placement of one session through
// core's concrete evaluator.

#include "core/concrete-evaluator.h"
#include "core/identity-firewall.h"
#include "core/input-error.h"
#include "formats/scenario/scenario-reader.h"
#include "verifier/intent-verifier.h"

#include <gtest/gtest.h>
#include <string>

namespace
{

using namespace segproof;
using core::Verdict;

// pc1-pc3: floating pool of staff (u1, u2 and alice, who is in records); pc4: alice's own;
// hd1: the helpdesk's; fs01 holds a standing session of hd-admin.
const std::string kScenario = R"(format: segproof/v1
name: idfw-test
estate:
  segments:
    - {name: vdi, cidr: 10.10.0.0/24}
    - {name: servers, cidr: 10.20.0.0/24}
  hosts:
    - {name: esx1}
  machines:
    - {name: "pc[1-4]", kind: desktop, segment: vdi, host: esx1, tags: [role|desktop]}
    - {name: hd1, kind: desktop, segment: vdi, host: esx1, tags: [role|desktop]}
    - {name: fs01, kind: server, segment: servers, host: esx1, listens: [tcp/445]}
groups:
  desktops: {tag: role|desktop}
  file-servers: {machines: [fs01]}
identity:
  users: [u1, u2, alice, hd-admin, {name: gone, enabled: false}]
  groups:
    records: {users: [alice, gone]}
    staff: {users: [u1, u2], groups: [records]}
    helpdesk: {users: [hd-admin]}
  pools:
    office: {kind: floating, desktops: ["pc[1-3]"], entitled: [staff]}
    own: {kind: dedicated, desktops: [pc4], entitled: [records], assign: {alice: pc4}}
    hd: {kind: dedicated, desktops: [hd1], entitled: [helpdesk], assign: {hd-admin: hd1}}
  sessions:
    - {user: hd-admin, on: fs01}
firewalls:
  dfw:
    default: drop
    rules:
      - {id: records-files, from: {ad_group: records}, to: file-servers, service: tcp/445,
         action: allow}
      - {id: others-no-files, from: desktops, to: file-servers, service: tcp/445, action: drop}
postures:
  idfw: {firewalls: [dfw], idfw: true}
  dfw-only: [dfw]
  none: []
intents:
  - {id: records-only, only: {from_users: records, to: file-servers, service: tcp/445}}
  - {id: staff-denied, deny: {from_users: staff, to: file-servers, service: tcp/445}}
  - {id: records-reach, allow: {from_users: records, to: file-servers, service: tcp/445}}
  - {id: desktops-denied, deny: {from: desktops, to: file-servers, service: tcp/445}}
  - {id: helpdesk-denied, deny: {from_users: helpdesk, to: file-servers, service: tcp/445}}
  - {id: only-desktops-smb, only: {from: desktops, to: file-servers, service: tcp/445}}
)";

core::Scenario
Read(const std::string& text = kScenario)
{
    return formats::ReadScenarioText(text, "idfw.yaml");
}

core::IntentResult
VerifyOne(const core::Scenario& s, const std::string& id, const std::string& posture = "idfw")
{
    verifier::IntentVerifier v(s);
    for (const auto& intent : s.Intents())
    {
        if (intent.id == id)
        {
            return v.Verify(intent, *s.FindPosture(posture));
        }
    }
    ADD_FAILURE() << "no intent " << id;
    return {};
}

TEST(IdentityVerify, OnlyTheGroupsSessionsReach)
{
    core::Scenario s = Read();
    EXPECT_EQ(VerifyOne(s, "records-only").verdict, Verdict::Proved);
    EXPECT_EQ(VerifyOne(s, "records-reach").verdict, Verdict::Proved);
    EXPECT_EQ(VerifyOne(s, "helpdesk-denied").verdict, Verdict::Proved);
}

TEST(IdentityVerify, ViolationNamesTheUserTheDesktopAndTheRule)
{
    core::Scenario s = Read();
    for (const char* id : {"staff-denied", "desktops-denied"})
    {
        core::IntentResult r = VerifyOne(s, id);
        ASSERT_EQ(r.verdict, Verdict::Violated) << id;
        ASSERT_TRUE(r.counterexample);
        // Only alice (records, nested in staff) gets through, from a desktop she may sit at.
        EXPECT_EQ(r.counterexample->user, "alice") << id;
        const std::string source = s.GetEstate().NameOf(r.counterexample->connection.source);
        EXPECT_TRUE(source == "pc1" || source == "pc2" || source == "pc3" || source == "pc4")
            << source;
        bool decidedByRecordsRule = false;
        for (const auto& d : r.counterexample->replay.decisions)
        {
            decidedByRecordsRule = decidedByRecordsRule || d.RuleId() == "records-files";
        }
        EXPECT_TRUE(decidedByRecordsRule) << id;
    }
}

TEST(IdentityVerify, WithoutTheDfwNoSessionMatters)
{
    core::Scenario s = Read();
    // Nothing is in force: every desktop reaches fs01, whoever sits there.
    EXPECT_EQ(VerifyOne(s, "records-only", "none").verdict, Verdict::Violated);
    EXPECT_EQ(VerifyOne(s, "helpdesk-denied", "none").verdict, Verdict::Violated);
    EXPECT_EQ(VerifyOne(s, "records-reach", "none").verdict, Verdict::Proved);
}

TEST(IdentityVerify, WithTheIdentityFirewallOffAdGroupsMatchNoMachine)
{
    core::Scenario s = Read();
    // NSX's master switch off: records-files matches nobody, others-no-files drops every
    // desktop, the default the rest.
    EXPECT_EQ(VerifyOne(s, "records-reach", "dfw-only").verdict, Verdict::Violated);
    EXPECT_EQ(VerifyOne(s, "records-only", "dfw-only").verdict, Verdict::Proved);
    EXPECT_EQ(VerifyOne(s, "desktops-denied", "dfw-only").verdict, Verdict::Proved);
    EXPECT_NO_THROW(
        core::RequireNoIdentityFirewall(s, *s.FindPosture("dfw-only"), "the simulator"));
}

TEST(IdentityVerify, ADisabledUsersMembershipOpensNothing)
{
    // gone is in records but disabled: logs on nowhere. Make gone the only records member
    // with a desktop: the records rule then matches no session.
    std::string text = kScenario;
    auto at = text.find("records: {users: [alice, gone]}");
    ASSERT_NE(at, std::string::npos);
    text.replace(at, std::string("records: {users: [alice, gone]}").size(),
                 "records: {users: [gone]}\n    others: {users: [alice]}");
    at = text.find("entitled: [records], assign");
    text.replace(at, std::string("entitled: [records]").size(), "entitled: [others]");
    at = text.find("groups: [records]}");
    text.replace(at, std::string("groups: [records]").size(), "groups: [records, others]");
    core::Scenario s = Read(text);
    EXPECT_EQ(VerifyOne(s, "desktops-denied").verdict, Verdict::Proved);
    EXPECT_EQ(VerifyOne(s, "staff-denied").verdict, Verdict::Proved);
}

/// Brute force: one session at a time (or none) on each machine, the identity firewall
/// resolved for it, every desktop's SMB to fs01 through the concrete evaluator; the verifier's
/// verdict on "desktops-denied" must be "violated" iff some placement gets through, and
/// "records-only" proved iff no non-member's placement does.
TEST(IdentityVerify, AgreesWithEveryPlacementThroughTheEvaluator)
{
    core::Scenario s = Read();
    const core::Identity& identity = s.GetIdentity();
    core::IdentityIndex index(identity, s.GetEstate().Machines().size());
    const core::Firewall& dfw = *s.FindFirewall(core::FirewallKind::Dfw);
    const core::Posture& posture = *s.FindPosture("idfw");
    const core::Index fs01 = s.GetEstate().FindMachine("fs01");
    const core::Index records = identity.FindGroup("records");
    bool anyReaches = false;
    bool nonMemberReaches = false;
    for (core::Index m = 0; m < fs01; ++m)
    {
        std::vector<core::Index> candidates = index.UsersOn(m);
        candidates.push_back(core::kNone); // nobody logged on
        for (core::Index u : candidates)
        {
            std::vector<core::AddressSet> matchedBy(identity.groups.size());
            if (u != core::kNone && identity.users[u].enabled)
            {
                for (core::Index g : index.GroupsOf(u))
                {
                    matchedBy[g].Add(s.GetEstate().Machines()[m].ip);
                }
            }
            core::Scenario placed = s.WithFirewall(core::ResolveIdentitySources(dfw, matchedBy));
            core::ConcreteEvaluator evaluator(placed);
            core::Connection c;
            c.source = s.GetEstate().Machines()[m].ip;
            c.destination = s.GetEstate().Machines()[fs01].ip;
            c.sourcePort = 49152;
            c.destinationPort = 445;
            bool delivered = evaluator.Evaluate(c, posture).delivered;
            anyReaches = anyReaches || delivered;
            bool member = u != core::kNone && index.IsMember(u, records);
            nonMemberReaches = nonMemberReaches || (delivered && !member);
        }
    }
    EXPECT_TRUE(anyReaches);
    EXPECT_FALSE(nonMemberReaches);
    EXPECT_EQ(VerifyOne(s, "desktops-denied").verdict,
              anyReaches ? Verdict::Violated : Verdict::Proved);
    EXPECT_EQ(VerifyOne(s, "records-only").verdict,
              nonMemberReaches ? Verdict::Violated : Verdict::Proved);
    EXPECT_EQ(VerifyOne(s, "only-desktops-smb").verdict, Verdict::Proved);
}

TEST(IdentityVerify, AnIdfwRuleIsInForceOnlyWithTheIdentityFirewallOn)
{
    // The seed's design: the identity policy (records' sessions allowed, every other desktop
    // dropped) before the machine rule that lets every desktop reach the share.
    std::string text = kScenario;
    const std::string old =
        "      - {id: others-no-files, from: desktops, to: file-servers, service: tcp/445, "
        "action: drop}\n";
    auto at = text.find(old);
    ASSERT_NE(at, std::string::npos);
    text.replace(
        at, old.size(),
        "      - {id: others-no-files, from: desktops, to: file-servers, service: tcp/445,\n"
        "         action: drop, idfw: true}\n"
        "      - {id: desktops-files, from: desktops, to: file-servers, service: tcp/445,\n"
        "         action: allow}\n");
    core::Scenario s = Read(text);
    EXPECT_EQ(VerifyOne(s, "records-only", "idfw").verdict, Verdict::Proved);
    EXPECT_EQ(VerifyOne(s, "records-reach", "idfw").verdict, Verdict::Proved);
    core::IntentResult off = VerifyOne(s, "records-only", "dfw-only");
    ASSERT_EQ(off.verdict, Verdict::Violated);
    EXPECT_EQ(off.counterexample->user, ""); // no session matters with the switch off
    bool machineRule = false;
    for (const auto& d : off.counterexample->replay.decisions)
    {
        machineRule = machineRule || d.RuleId() == "desktops-files";
    }
    EXPECT_TRUE(machineRule);
}

TEST(IdentityVerify, AnalysesThatDoNotModelSessionsRefuse)
{
    core::Scenario s = Read();
    EXPECT_THROW(core::RequireNoIdentityFirewall(s, *s.FindPosture("idfw"), "the simulator"),
                 core::InputError);
    EXPECT_NO_THROW(core::RequireNoIdentityFirewall(s, *s.FindPosture("none"), "the simulator"));
}

} // namespace
