// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#ifndef SEGPROOF_SIM_ATTACKER_PHISHING_H
#define SEGPROOF_SIM_ATTACKER_PHISHING_H

#include "core/estate.h"
#include "sim/run/infection-state.h"
#include "sim/run/random-streams.h"

#include <ns3/object.h>
#include <vector>

namespace segproof
{
namespace sim
{

/// Initial access (T1566): "Opened" distinct targets, drawn at random, open the phishing mail
/// over [0, "Window"] seconds (the first at 0), and their machines start running the malware.
class Phishing : public ns3::Object
{
public:
    /// ns-3 type registration.
    static ns3::TypeId GetTypeId();

    /// The estate and the state must outlive the phishing.
    Phishing(const core::Estate& estate, InfectionState& state, const RandomStreams& streams);

    /// The machines that receive the mail; empty (the default): every desktop, or every
    /// machine of an estate without desktops.
    void SetTargets(std::vector<core::Index> targets) { m_targets = std::move(targets); }

    /// Draws who opens the mail and when, and schedules the infections.
    void Start();

private:
    const core::Estate& m_estate;
    InfectionState& m_state;
    RandomStreams m_streams;
    std::vector<core::Index> m_targets;
    std::uint32_t m_opened = 1;
    double m_window_s = 0;
};

} // namespace sim
} // namespace segproof

#endif
