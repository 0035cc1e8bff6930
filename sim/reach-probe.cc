#include "reach-probe.h"

#include "connection-probe.h"
#include "core/address-classes.h"
#include "core/reach-matrix-layout.h"
#include "core/service-classes.h"

#include <map>
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

} // namespace

core::ReachMatrix
ProbeReachMatrix(const core::Scenario& scenario, const core::Posture& posture)
{
    core::AddressClasses classes(scenario);
    const auto& all = classes.Classes();
    std::vector<core::ServiceClass> cells = core::ServiceClasses(scenario);
    core::ReachMatrixLayout layout =
        core::LayOutReachMatrix(scenario, posture, core::MatrixGrouping::Segment, classes, cells);

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
        core::Ipv4Address source = all[s].representative;
        core::Ipv4Address destination =
            s == d ? all[s].AnotherMember(source) : all[d].representative;
        for (std::size_t cell = 0; cell < cells.size(); ++cell)
        {
            if (!cellUsed[cell])
            {
                continue;
            }
            core::Connection connection;
            cells[cell].ApplyTo(connection);
            connection.source = source;
            connection.destination = destination;
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
