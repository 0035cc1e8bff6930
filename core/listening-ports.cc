// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#include "listening-ports.h"

#include "attack-model.h"

#include <algorithm>
#include <cctype>
#include <string>

namespace segproof
{
namespace core
{

bool
IsWindows(const Machine& machine)
{
    if (machine.os.empty())
    {
        return true;
    }
    std::string os = machine.os;
    std::transform(os.begin(), os.end(), os.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return os.find("windows") != std::string::npos;
}

std::set<std::uint16_t>
ListeningPorts(const Machine& machine)
{
    std::set<std::uint16_t> ports;
    for (const auto& e : machine.listens.entries)
    {
        if (!e.anyProtocol && e.protocol == 6 && e.destinationPorts.first != 0)
        {
            ports.insert(static_cast<std::uint16_t>(e.destinationPorts.first));
        }
    }
    if (IsWindows(machine))
    {
        for (auto t : {LateralTechnique::Smb, LateralTechnique::Rdp, LateralTechnique::WinRm})
        {
            ports.insert(LateralTechniquePort(t));
        }
    }
    return ports;
}

} // namespace core
} // namespace segproof
