// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#include "enumeration-checker.h"

#include <chrono>

namespace segproof
{
namespace verifier
{

EnumerationChecker::EnumerationChecker(const core::Scenario& scenario)
    : m_scenario(scenario), m_classes(scenario), m_services(core::ServiceClasses(scenario)),
      m_evaluator(scenario)
{
}

core::IntentResult
EnumerationChecker::Check(const core::Intent& intent, const core::Posture& posture)
{
    auto start = std::chrono::steady_clock::now();
    core::IntentResult result;
    result.intentId = intent.id;
    result.posture = posture.name;
    result.verdict = core::Verdict::Proved;
    m_evaluations = 0;

    const auto& classes = m_classes.Classes();
    std::vector<const core::ServiceClass*> services;
    for (const auto& cell : m_services)
    {
        core::Connection probe;
        cell.ApplyTo(probe);
        if (core::ServiceMatches(intent.service, probe))
        {
            services.push_back(&cell);
        }
    }
    const bool onlyIntent = intent.kind == core::IntentKind::Only;
    const bool wantDelivered = intent.kind != core::IntentKind::Allow;
    for (std::size_t s = 0; s < classes.size(); ++s)
    {
        bool inFrom = intent.from.addresses.Contains(classes[s].representative);
        if (inFrom == onlyIntent)
        {
            continue;
        }
        for (std::size_t d = 0; d < classes.size(); ++d)
        {
            if (!intent.to.addresses.Contains(classes[d].representative))
            {
                continue;
            }
            core::Connection c;
            c.source = classes[s].representative;
            c.destination = s == d ? classes[d].AnotherMember(c.source) : classes[d].representative;
            if (c.source == c.destination || !m_evaluator.InModel(c.source, c.destination))
            {
                continue;
            }
            for (const core::ServiceClass* cell : services)
            {
                cell->ApplyTo(c);
                ++m_evaluations;
                core::Evaluation e =
                    m_evaluator.Evaluate(c, posture, intent.assumeCompromised.addresses);
                if (e.delivered == wantDelivered)
                {
                    result.verdict = core::Verdict::Violated;
                    result.counterexample = core::Counterexample{c, e, {}};
                    result.seconds =
                        std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
                            .count();
                    return result;
                }
            }
        }
    }
    result.seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return result;
}

} // namespace verifier
} // namespace segproof
