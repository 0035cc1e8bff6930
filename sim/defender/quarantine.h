// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#ifndef SEGPROOF_SIM_DEFENDER_QUARANTINE_H
#define SEGPROOF_SIM_DEFENDER_QUARANTINE_H

#include "core/simulation-result.h"
#include "sim/estate/estate-helper.h"
#include "sim/run/infection-state.h"

#include <array>
#include <cstdint>
#include <ns3/object.h>
#include <optional>
#include <string>
#include <unordered_set>

namespace segproof
{
namespace sim
{

/// NSX's partner quarantine: "Reaction" seconds after the first alert on a machine (from the
/// sources the posture names, AlertChain), the machine gets the tag "Tag" and joins every group
/// selected by it, so the DFW rules naming those groups isolate it (connections already open stay,
/// as conntrack keeps them). A machine clean when isolated was quarantined wrongly (a desktop:
/// taken from its user).
class Quarantine : public ns3::Object
{
public:
    /// ns-3 type registration.
    static ns3::TypeId GetTypeId();

    /// The estate and the state must outlive the quarantine.
    Quarantine(EstateHelper& estate, const InfectionState& state);

    /// Acts on alerts of these sources only (indexed by core::AlertSource; default: all).
    void SetSources(const std::array<bool, 4>& sources) { m_sources = sources; }

    /// The "Alert" sink of AlertChain: tags the machine after the reaction time (once), when
    /// the source is one it acts on.
    void OnAlert(core::Index machine, std::uint8_t source);

    /// Adds the machines the tag isolated to `result`.
    void Collect(core::RunResult& result) const;

private:
    void Isolate(core::Index machine);

    EstateHelper& m_estate;
    const InfectionState& m_state;
    std::string m_tag;
    double m_reaction_s = 0;
    std::array<bool, 4> m_sources{true, true, true, true};
    std::unordered_set<core::Index> m_alerted; ///< machines tagged or about to be
    std::uint32_t m_quarantined = 0;
    std::uint32_t m_wrongly = 0;
    std::uint32_t m_desktopsTaken = 0;
    std::optional<double> m_firstInfected_s; ///< first isolation of an infected machine
};

} // namespace sim
} // namespace segproof

#endif
