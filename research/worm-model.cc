// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#include "worm-model.h"

#include "core/listening-ports.h"

#include <stdexcept>

namespace segproof
{
namespace research
{

namespace
{
constexpr std::uint16_t kSmbPort = 445;
}

double
WormModel::Vulnerable() const
{
    return exploitSuccess * static_cast<double>(smbHosts);
}

double
WormModel::Beta() const
{
    return addressSpace == 0 ? 0 : scansPerSecond / static_cast<double>(addressSpace);
}

double
WormModel::K() const
{
    return Beta() * Vulnerable();
}

WormModel
ReadWormModel(const core::Scenario& scenario)
{
    const core::AttackParameters& attack = scenario.Attack();
    if (attack.profile != core::AttackProfile::Worm)
    {
        throw std::invalid_argument("the scenario's attack is not a worm (attack: profile: worm)");
    }
    if (attack.worm.targeting != core::WormTargeting::Random)
    {
        throw std::invalid_argument("the epidemic models assume uniformly random scanning; the "
                                    "scenario's worm sweeps its own subnet first (set attack: "
                                    "worm: scan: random)");
    }
    WormModel model;
    const core::Estate& estate = scenario.GetEstate();
    for (const core::Machine& m : estate.Machines())
    {
        if (core::ListeningPorts(m).count(kSmbPort) != 0)
        {
            ++model.smbHosts;
        }
    }
    if (model.smbHosts == 0 || attack.worm.exploitSuccess <= 0)
    {
        throw std::invalid_argument("no machine of the estate answers on SMB (tcp/445) with "
                                    "an exploit that works (worm: exploit_success above 0): "
                                    "the worm has nothing to infect");
    }
    for (const core::Segment& segment : estate.Segments())
    {
        model.addressSpace += segment.cidr.Size();
    }
    model.scansPerSecond = attack.worm.scansPerSecond;
    model.exploitSuccess = attack.worm.exploitSuccess;
    model.initial = static_cast<std::uint64_t>(attack.initialAccess.opened);
    const core::DefenceParameters& defence = scenario.Defence();
    if (defence.avRemoves)
    {
        double detect =
            attack.sample == core::SampleKind::New ? defence.avDetectNew : defence.avDetectKnown;
        model.removalRate_per_s = detect / defence.avDelay_s;
        if (detect < 1)
        {
            model.removalCaveat = "AV/EDR detects with probability " + std::to_string(detect) +
                                  ": the machines it misses are never removed, which a single "
                                  "removal rate does not describe";
        }
    }
    return model;
}

} // namespace research
} // namespace segproof
