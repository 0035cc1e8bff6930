#include "reach-probe.h"

#include "connection-probe.h"
#include "core/address-classes.h"
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

struct Side
{
    std::string name;
    core::AddressSet addresses;
};

/// The rows of `matrix --by segment`: each segment's machines, then the named externals.
std::vector<Side>
SegmentSides(const core::Estate& estate)
{
    std::vector<Side> sides;
    for (std::size_t s = 0; s < estate.Segments().size(); ++s)
    {
        Side side{estate.Segments()[s].name, {}};
        for (const auto& m : estate.Machines())
        {
            if (m.segment == static_cast<core::Index>(s))
            {
                side.addresses.Add(m.ip);
            }
        }
        sides.push_back(side);
    }
    if (!estate.Externals().empty())
    {
        Side external{"external", {}};
        for (const auto& e : estate.Externals())
        {
            external.addresses.Add(e.ip);
        }
        sides.push_back(external);
    }
    return sides;
}

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

/// Section 2's model boundary at class level (as verifier::ClassPolicy::InModel).
bool
InModel(const std::vector<core::AddressClass>& all, std::size_t s, std::size_t d)
{
    bool inside = all[s].attachment != core::AttachmentKind::External ||
                  all[d].attachment != core::AttachmentKind::External;
    return inside && (s != d || all[s].Size() > 1);
}
} // namespace

core::ReachMatrix
ProbeReachMatrix(const core::Scenario& scenario, const core::Posture& posture)
{
    core::AddressClasses classes(scenario);
    const auto& all = classes.Classes();
    std::vector<core::ServiceClass> cells = core::ServiceClasses(scenario);

    core::ReachMatrix matrix;
    matrix.scenario = scenario.Name();
    matrix.posture = posture.name;
    matrix.firewalls = posture.FirewallList();
    matrix.by = "segment";
    std::vector<Side> sides = SegmentSides(scenario.GetEstate());
    std::vector<std::vector<std::size_t>> sideClasses;
    for (const auto& side : sides)
    {
        matrix.rows.push_back(side.name);
        sideClasses.push_back(classes.ClassesIn(side.addresses));
    }
    matrix.columns = matrix.rows;

    // The cells of each named service, as the verifier's CellsIn defines them.
    std::vector<std::vector<std::size_t>> serviceCells;
    std::vector<bool> cellUsed(cells.size(), false);
    for (const auto& service : scenario.Services())
    {
        matrix.services.push_back(service.name);
        std::string entries;
        for (const auto& e : service.entries)
        {
            entries += (entries.empty() ? "" : " ") + e.ToString();
        }
        matrix.serviceEntries.push_back(entries);
        core::ServiceSet set;
        set.entries = service.entries;
        std::vector<std::size_t> ids;
        for (std::size_t i = 0; i < cells.size(); ++i)
        {
            core::Connection probe;
            cells[i].ApplyTo(probe);
            if (core::ServiceMatches(set, probe))
            {
                ids.push_back(i);
                cellUsed[i] = true;
            }
        }
        serviceCells.push_back(ids);
    }

    // One attempt per (class pair in the model, used cell).
    std::map<std::pair<std::size_t, std::size_t>, bool> pairs;
    for (std::size_t r = 0; r < sides.size(); ++r)
    {
        for (std::size_t c = 0; c < sides.size(); ++c)
        {
            for (std::size_t s : sideClasses[r])
            {
                for (std::size_t d : sideClasses[c])
                {
                    if (InModel(all, s, d))
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

    matrix.reach.assign(serviceCells.size(),
                        std::vector<std::vector<core::Reach>>(
                            sides.size(), std::vector<core::Reach>(sides.size())));
    for (std::size_t r = 0; r < sides.size(); ++r)
    {
        for (std::size_t c = 0; c < sides.size(); ++c)
        {
            std::vector<bool> any(serviceCells.size(), false);
            std::vector<bool> every(serviceCells.size(), true);
            bool inModel = false;
            for (std::size_t s : sideClasses[r])
            {
                for (std::size_t d : sideClasses[c])
                {
                    if (!InModel(all, s, d))
                    {
                        continue;
                    }
                    inModel = true;
                    for (std::size_t v = 0; v < serviceCells.size(); ++v)
                    {
                        for (std::size_t cell : serviceCells[v])
                        {
                            bool through = delivered[attemptOf.at({s, d, cell})];
                            any[v] = any[v] || through;
                            every[v] = every[v] && through;
                        }
                    }
                }
            }
            for (std::size_t v = 0; v < serviceCells.size(); ++v)
            {
                matrix.reach[v][r][c] = !inModel   ? core::Reach::NotApplicable
                                        : every[v] ? core::Reach::Full
                                        : any[v]   ? core::Reach::Partial
                                                   : core::Reach::None;
            }
        }
    }
    return matrix;
}

} // namespace sim
} // namespace segproof
