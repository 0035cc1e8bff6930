// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#ifndef SEGPROOF_VERIFIER_INTENT_VERIFIER_H
#define SEGPROOF_VERIFIER_INTENT_VERIFIER_H

#include "core/intent-result.h"
#include "core/scenario.h"

#include <memory>
#include <vector>

namespace segproof
{
namespace verifier
{

/// Options of a verification job.
struct VerifyOptions
{
    /// Solver time per intent, in milliseconds; past it the verdict is Unknown.
    unsigned timeoutMs = 600000;
    /// Address sets the verifier's address classes may not straddle besides the scenario's
    /// own: the states of the sessions, for the verifiers of a scenario's identity firewall
    /// variants (set by the verifier itself).
    std::vector<core::AddressSet> splitBy;
};

/// Proves or refutes a scenario's intents with Z3 (one context per verifier). Every
/// counterexample is replayed through core's concrete evaluator before it is returned; a
/// disagreement throws std::logic_error, since it is a bug in one of the two.
class IntentVerifier
{
public:
    /// The scenario must outlive the verifier.
    IntentVerifier(const core::Scenario& scenario, VerifyOptions options = {});
    ~IntentVerifier();
    IntentVerifier(const IntentVerifier&) = delete;
    IntentVerifier& operator=(const IntentVerifier&) = delete;

    /// The verdict on one intent under a posture.
    core::IntentResult Verify(const core::Intent& intent, const core::Posture& posture);
    /// Every intent of the scenario under a posture, in file order.
    std::vector<core::IntentResult> VerifyAll(const core::Posture& posture);
    /// Number of address classes the scenario's addresses fall into.
    std::size_t AddressClassCount() const;

    /// At most this many orders of tied NSX policies are checked; past it, Unknown.
    static constexpr std::size_t kMaxPolicyOrders = 24;

private:
    class Impl;
    struct OrderVariants;

    /// When the DFW's order is partly undefined (core::Firewall::orderTies): Proved or Violated
    /// only when the verdict is the same under every order the ties allow, else Unknown naming
    /// the ties.
    core::IntentResult VerifyUnderEveryOrder(const core::Intent& intent,
                                             const core::Posture& posture,
                                             const core::Firewall& dfw);

    /// When the verdict depends on who is logged on where (identity firewall rules in the DFW
    /// in force, or a `from_users` intent): Proved only when the intent holds under every
    /// state of the sessions the pools allow (verifier/session-states.h), Violated with the
    /// user and the desktop otherwise.
    core::IntentResult VerifyUnderEverySession(const core::Intent& intent,
                                               const core::Posture& posture);

    struct SessionVariants;

    std::unique_ptr<Impl> m_impl;
    VerifyOptions m_options;
    std::unique_ptr<SessionVariants> m_sessions;  ///< built on first use
    std::unique_ptr<OrderVariants> m_variants[2]; ///< permissive, restrictive; built on first use
};

} // namespace verifier
} // namespace segproof

#endif
