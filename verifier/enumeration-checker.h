// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#ifndef SEGPROOF_VERIFIER_ENUMERATION_CHECKER_H
#define SEGPROOF_VERIFIER_ENUMERATION_CHECKER_H

#include "core/address-classes.h"
#include "core/concrete-evaluator.h"
#include "core/intent-result.h"
#include "core/service-classes.h"

#include <cstdint>
#include <vector>

namespace segproof
{
namespace verifier
{

/// The baseline an architect's script would be: checks an intent by enumerating every
/// (source class, destination class, service class) with core's concrete evaluator. Exact,
/// since no decision can tell two members of a class apart; slow, since it tries them all.
/// Used by the differential tests (against Z3) and by bench/verify (as the baseline).
class EnumerationChecker
{
public:
    /// The scenario must outlive the checker.
    explicit EnumerationChecker(const core::Scenario& scenario);

    /// Proved or Violated (with the first counterexample found); never Unknown.
    core::IntentResult Check(const core::Intent& intent, const core::Posture& posture);
    /// Connections evaluated by the last Check.
    std::uint64_t Evaluations() const { return m_evaluations; }
    /// The address partition used.
    const core::AddressClasses& Classes() const { return m_classes; }
    /// The service partition used.
    const std::vector<core::ServiceClass>& Services() const { return m_services; }

private:
    const core::Scenario& m_scenario;
    core::AddressClasses m_classes;
    std::vector<core::ServiceClass> m_services;
    core::ConcreteEvaluator m_evaluator;
    std::uint64_t m_evaluations = 0;
};

} // namespace verifier
} // namespace segproof

#endif
