// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
// bench/verify: the verifier on a large scenario (default scenarios/enterprise-10k.yaml):
// every intent proved or refuted, lint, diff against a changed copy, matrix; and, in the same
// run, the baseline: brute-force enumeration with core's concrete evaluator over every
// (source class, destination class, service cell). Prints figures and ratios, never a
// pass/fail timer.

#include "core/address-classes.h"
#include "core/service-classes.h"
#include "formats/scenario/scenario-reader.h"
#include "verifier/enumeration-checker.h"
#include "verifier/intent-verifier.h"
#include "verifier/policy-diff.h"
#include "verifier/reach-matrix-builder.h"
#include "verifier/rule-linter.h"

#include <chrono>
#include <fstream>
#include <functional>
#include <iomanip>
#include <iostream>
#include <sstream>
#include <sys/resource.h>

namespace
{

using namespace segproof;
using Clock = std::chrono::steady_clock;

double
Seconds(const std::function<void()>& work)
{
    auto start = Clock::now();
    work();
    return std::chrono::duration<double>(Clock::now() - start).count();
}

double
PeakMegabytes()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return static_cast<double>(usage.ru_maxrss) / 1024.0;
}

/// The changed copy for diff, the kind of change a rule-change pull request makes: the
/// desktop isolation rule's action typed as allow (a mistake that opens desktop-to-desktop
/// traffic wherever the Windows firewall lets it in), and a disabled drop rule switched back on.
std::string
ChangedCopy(const std::string& text)
{
    std::string changed = text;
    auto replaceFirst = [&changed](const std::string& from, const std::string& to)
    {
        auto at = changed.find(from);
        if (at != std::string::npos)
        {
            changed.replace(at, from.size(), to);
        }
    };
    replaceFirst(
        "{id: env-vdi-isolation, from: desktops, to: desktops, service: any, action: drop,",
        "{id: env-vdi-isolation, from: desktops, to: desktops, service: any, action: allow,");
    replaceFirst("applied_to: [contractors, dept-file-servers], disabled: true,",
                 "applied_to: [contractors, dept-file-servers],");
    return changed;
}

/// Machines and named externals inside a set (what a script that loops over the inventory
/// would try).
double
InventoryIn(const core::Scenario& scenario, const core::AddressSet& set, bool complement)
{
    double n = 0;
    for (const auto& m : scenario.GetEstate().Machines())
    {
        n += set.Contains(m.ip) != complement ? 1 : 0;
    }
    for (const auto& e : scenario.GetEstate().Externals())
    {
        n += set.Contains(e.ip) != complement ? 1 : 0;
    }
    return n;
}

} // namespace

int
main(int argc, char** argv)
{
    std::string path = argc > 1 ? argv[1] : "scenarios/enterprise-10k.yaml";
    std::ifstream in(path);
    std::stringstream buffer;
    buffer << in.rdbuf();
    const std::string text = buffer.str();

    std::optional<core::Scenario> scenario;
    double readSeconds = Seconds([&] { scenario.emplace(formats::ReadScenarioText(text, path)); });
    const core::Posture posture = scenario->AllFirewallsPosture();

    std::vector<core::IntentResult> results;
    std::size_t classes = 0;
    double verifySeconds = Seconds(
        [&]
        {
            verifier::IntentVerifier z3(*scenario);
            classes = z3.AddressClassCount();
            results = z3.VerifyAll(posture);
        });
    std::size_t proved = 0;
    std::size_t violated = 0;
    for (const auto& r : results)
    {
        proved += r.verdict == core::Verdict::Proved ? 1 : 0;
        violated += r.verdict == core::Verdict::Violated ? 1 : 0;
    }

    verifier::LintReport lint;
    double lintSeconds = Seconds([&] { lint = verifier::LintScenario(*scenario); });

    core::Scenario changed = formats::ReadScenarioText(ChangedCopy(text), path + " (changed)");
    verifier::PolicyDiff diff;
    double diffSeconds =
        Seconds([&] { diff = verifier::DiffScenarios(*scenario, changed, "all"); });

    double matrixSeconds = Seconds(
        [&] { verifier::BuildReachMatrix(*scenario, posture, verifier::MatrixGrouping::Segment); });

    // Baselines, with core's concrete evaluator. (1) Enumeration over address classes and
    // service cells, every intent run in full. (2) An architect's script: every machine pair
    // of each intent's ends x every service cell, extrapolated from (1)'s measured rate.
    verifier::EnumerationChecker baseline(*scenario);
    std::size_t cells = baseline.Services().size();
    std::uint64_t evaluations = 0;
    double classSweepSeconds = 0;
    double scriptEvaluations = 0;
    for (const auto& intent : scenario->Intents())
    {
        classSweepSeconds += Seconds([&] { baseline.Check(intent, posture); });
        evaluations += baseline.Evaluations();
        double matched = 0;
        for (const auto& cell : baseline.Services())
        {
            core::Connection probe;
            cell.ApplyTo(probe);
            matched += core::ServiceMatches(intent.service, probe) ? 1 : 0;
        }
        scriptEvaluations +=
            InventoryIn(*scenario, intent.from.addresses, intent.kind == core::IntentKind::Only) *
            InventoryIn(*scenario, intent.to.addresses, false) * matched;
    }
    double rate = static_cast<double>(evaluations) / classSweepSeconds;
    double scriptSeconds = scriptEvaluations / rate;

    std::cout << std::fixed << std::setprecision(2);
    std::cout << "bench/verify  " << path << "\n"
              << "  estate: " << scenario->GetEstate().Machines().size() << " machines; " << classes
              << " address classes, " << cells << " service cells\n"
              << "  read + check scenario            " << std::setw(9) << readSeconds << " s\n"
              << "  verify " << results.size() << " intents (Z3)          " << std::setw(9)
              << verifySeconds << " s   (" << proved << " proved, " << violated
              << " violated with counterexamples; target 5 s)\n"
              << "  lint " << lint.rulesChecked << " rules                 " << std::setw(9)
              << lintSeconds << " s   (" << lint.findings.size() << " findings, "
              << lint.solverQueries << " solver queries; target 30 s)\n"
              << "  diff against a changed copy       " << std::setw(9) << diffSeconds << " s   ("
              << diff.newlyAllowed.size() << " cubes newly allowed, " << diff.newlyBlocked.size()
              << " newly blocked; target 5 s)\n"
              << "  matrix by segment                 " << std::setw(9) << matrixSeconds << " s\n"
              << "  baseline 1: class enumeration     " << std::setw(9) << classSweepSeconds
              << " s   (" << evaluations << " evaluations at " << std::setprecision(0) << rate
              << "/s; stops at the first counterexample)\n"
              << std::setprecision(1) << "  baseline 2: machine-pair script   " << std::setw(9)
              << scriptSeconds << " s   (" << std::setprecision(0) << scriptEvaluations
              << " evaluations, extrapolated at the same rate)\n"
              << std::setprecision(1) << "  ratio: baseline 1 / Z3            " << std::setw(9)
              << classSweepSeconds / verifySeconds << " x\n"
              << "  ratio: baseline 2 / Z3            " << std::setw(9)
              << scriptSeconds / verifySeconds << " x   (goal: at least 100x)\n"
              << "  peak memory                       " << std::setw(9) << PeakMegabytes()
              << " MB  (target: under 2048 MB)\n";
    return 0;
}
