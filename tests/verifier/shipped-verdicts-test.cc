// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
// The verifier's verdicts on the shipped scenarios: what each scenario's comments say.

#include "formats/scenario/scenario-reader.h"
#include "verifier/intent-verifier.h"
#include "verifier/policy-diff.h"

#include <gtest/gtest.h>
#include <set>

namespace
{

using namespace segproof;

const std::string kDir = SEGPROOF_SCENARIOS_DIR "/";

std::set<std::string>
Violated(const core::Scenario& s, const core::Posture& posture)
{
    verifier::IntentVerifier z3(s);
    std::set<std::string> ids;
    for (const auto& r : z3.VerifyAll(posture))
    {
        EXPECT_NE(r.verdict, core::Verdict::Unknown) << r.intentId;
        if (r.verdict == core::Verdict::Violated)
        {
            ids.insert(r.intentId);
        }
    }
    return ids;
}

TEST(ShippedVerdictsTest, SeedHoldsUnderMicrosegmentationAndNotInAFlatNetwork)
{
    core::Scenario seed = formats::ReadScenarioFile(kDir + "seed.yaml");
    EXPECT_TRUE(Violated(seed, *seed.FindPosture("microseg")).empty());
    EXPECT_TRUE(Violated(seed, seed.AllFirewallsPosture()).empty());
    EXPECT_EQ(Violated(seed, *seed.FindPosture("flat")),
              (std::set<std::string>{"no-desktop-lateral", "no-lateral-even-if-owned",
                                     "jewels-by-smb-only-from-desktops",
                                     "jewels-admin-only-from-admins"}));
}

TEST(ShippedVerdictsTest, TheNsxLabHoldsUnderItsDfwAndNotWithoutIt)
{
    // The estate and the DFW both read from scenarios/nsx/lab-bundle.json.
    core::Scenario lab = formats::ReadScenarioFile(kDir + "nsx-lab.yaml");
    EXPECT_EQ(lab.GetEstate().Machines().size(), 6u);
    EXPECT_TRUE(Violated(lab, *lab.FindPosture("microseg")).empty());
    EXPECT_EQ(Violated(lab, *lab.FindPosture("flat")),
              (std::set<std::string>{"no-lateral", "records-only"}));
}

TEST(ShippedVerdictsTest, SeedsNsxExportIsTheSamePolicyAsItsNativeRules)
{
    core::Scenario native = formats::ReadScenarioFile(kDir + "seed.yaml");
    core::Scenario nsx = formats::ReadScenarioFile(kDir + "seed-nsx.yaml");
    for (const auto& posture : native.Postures())
    {
        verifier::PolicyDiff diff = verifier::DiffScenarios(native, nsx, posture.name);
        EXPECT_TRUE(diff.newlyAllowed.empty()) << posture.name;
        EXPECT_TRUE(diff.newlyBlocked.empty()) << posture.name;
    }
}

TEST(ShippedVerdictsTest, EnterpriseViolatesExactlyItsFivePlantedGaps)
{
    core::Scenario e = formats::ReadScenarioFile(kDir + "enterprise-10k.yaml");
    EXPECT_EQ(Violated(e, e.AllFirewallsPosture()),
              (std::set<std::string>{"erp-db-only-from-app-tier", "admin-only-from-jump-hosts",
                                     "contractors-no-dept-shares", "no-desktop-internet-direct",
                                     "support-no-erp-web"}));
}

} // namespace
