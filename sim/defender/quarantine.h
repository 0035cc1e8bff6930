// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#ifndef SEGPROOF_SIM_DEFENDER_QUARANTINE_H
#define SEGPROOF_SIM_DEFENDER_QUARANTINE_H

#include "core/simulation-result.h"
#include "sim/estate/estate-helper.h"

#include <cstdint>
#include <ns3/object.h>
#include <string>

namespace segproof
{
namespace sim
{

/// NSX's partner quarantine: "Reaction" seconds after a detection, the machine gets the tag
/// "Tag" and joins every group selected by it, so the DFW rules naming those groups isolate it
/// (connections already open stay, as conntrack keeps them).
class Quarantine : public ns3::Object
{
public:
    /// ns-3 type registration.
    static ns3::TypeId GetTypeId();

    /// The estate must outlive the quarantine.
    explicit Quarantine(EstateHelper& estate);

    /// The "Detection" sink of Antivirus: tags the machine after the reaction time.
    void OnDetection(core::Index machine);

    /// Adds the machines the tag isolated to `result`.
    void Collect(core::RunResult& result) const;

private:
    EstateHelper& m_estate;
    std::string m_tag;
    double m_reaction_s = 0;
    std::uint32_t m_quarantined = 0;
};

} // namespace sim
} // namespace segproof

#endif
