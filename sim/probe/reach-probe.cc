// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#include "reach-probe.h"

#include "connection-probe.h"
#include "core/address-classes.h"
#include "core/reach-matrix-layout.h"
#include "core/service-classes.h"

#include <map>
#include <optional>
#include <stdexcept>
#include <tuple>

namespace segproof
{
namespace sim
{

namespace
{
/// ns-3's ephemeral ports; a cell covering them all is probed from an ephemeral port.
constexpr std::uint16_t kEphemeralFirst = 49152;

/// A port of the range the probe can use: ephemeral (0) when the range holds them all.
std::uint16_t
ProbePort(const core::ValueRange& range, bool source)
{
    if (source && range.first <= kEphemeralFirst && range.last >= 65535)
    {
        return 0;
    }
    return static_cast<std::uint16_t>(range.first == 0 && range.last >= 1 ? 1U : range.first);
}

/// True for an address a node can hold: not 0.0.0.0/8, loopback, multicast, the reserved
/// 240.0.0.0/4 (the estate's infrastructure links) or broadcast.
bool
Usable(core::Ipv4Address a)
{
    std::uint32_t first = a >> 24;
    return first != 0 && first != 127 && first < 224;
}

/// A usable member of the class other than `other` (the representative when it is usable):
/// every member is treated alike by every set, so any member stands for the class.
std::optional<core::Ipv4Address>
UsableMember(const core::AddressClass& c, std::optional<core::Ipv4Address> other)
{
    if (Usable(c.representative) && c.representative != other)
    {
        return c.representative;
    }
    for (const auto& range : c.addresses.Ranges())
    {
        for (std::uint64_t a = range.first; a <= range.last; ++a)
        {
            auto address = static_cast<core::Ipv4Address>(a);
            if (!Usable(address))
            {
                // Jump to the next usable block (1.0.0.0, 128.0.0.0) or give up on this range.
                std::uint32_t first = address >> 24;
                std::uint64_t next = first == 0     ? 0x01000000ULL
                                     : first == 127 ? 0x80000000ULL
                                                    : 0x100000000ULL;
                if (next <= a)
                {
                    break;
                }
                a = next - 1;
                continue;
            }
            if (address != other)
            {
                return address;
            }
        }
    }
    return std::nullopt;
}
} // namespace

core::ReachMatrix
ProbeReachMatrix(const core::Scenario& scenario, const core::Posture& posture,
                 core::MatrixGrouping grouping)
{
    core::AddressClasses classes(scenario);
    const auto& all = classes.Classes();
    std::vector<core::ServiceClass> cells = core::ServiceClasses(scenario);
    core::ReachMatrixLayout layout =
        core::LayOutReachMatrix(scenario, posture, grouping, classes, cells);

    // One attempt per (class pair in the model, cell of a named service).
    std::vector<bool> cellUsed(cells.size(), false);
    for (const auto& ids : layout.serviceCells)
    {
        for (std::size_t cell : ids)
        {
            cellUsed[cell] = true;
        }
    }
    std::map<std::pair<std::size_t, std::size_t>, bool> pairs;
    for (const auto& rowFrom : layout.rowClasses)
    {
        for (const auto& rowTo : layout.rowClasses)
        {
            for (std::size_t s : rowFrom)
            {
                for (std::size_t d : rowTo)
                {
                    if (core::ClassPairInModel(classes, s, d))
                    {
                        pairs[{s, d}] = true;
                    }
                }
            }
        }
    }
    std::vector<core::Connection> attempts;
    std::map<std::tuple<std::size_t, std::size_t, std::size_t>, std::size_t> attemptOf;
    for (const auto& entry : pairs)
    {
        std::size_t s = entry.first.first;
        std::size_t d = entry.first.second;
        std::optional<core::Ipv4Address> source = UsableMember(all[s], std::nullopt);
        std::optional<core::Ipv4Address> destination =
            source ? UsableMember(all[d], s == d ? source : std::nullopt) : std::nullopt;
        if (!destination)
        {
            // No address a node can hold: the pair cannot be observed (never the case for
            // classes of machines, externals or segment addresses).
            throw std::logic_error("probe: no usable address in an address class");
        }
        for (std::size_t cell = 0; cell < cells.size(); ++cell)
        {
            if (!cellUsed[cell])
            {
                continue;
            }
            core::Connection connection;
            cells[cell].ApplyTo(connection);
            connection.source = *source;
            connection.destination = *destination;
            connection.sourcePort = ProbePort(cells[cell].sourcePorts, true);
            connection.destinationPort = ProbePort(cells[cell].destinationPorts, false);
            if (connection.protocol != 6 && connection.protocol != 17)
            {
                connection.sourcePort = 0;
                connection.destinationPort = 0;
            }
            attemptOf[{s, d, cell}] = attempts.size();
            attempts.push_back(connection);
        }
    }
    ConnectionProbe probe(scenario, posture);
    std::vector<bool> delivered = probe.Run(attempts);
    core::FillReach(layout, classes,
                    [&](std::size_t s, std::size_t d, std::size_t cell) {
                        return static_cast<bool>(delivered[attemptOf.at({s, d, cell})]);
                    });
    return layout.matrix;
}

} // namespace sim
} // namespace segproof
