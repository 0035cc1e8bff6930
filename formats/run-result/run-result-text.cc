#include "run-result-text.h"

#include <cstdio>
#include <sstream>
#include <stdexcept>

namespace segproof
{
namespace formats
{

namespace
{
std::string
Exact(double v)
{
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.17g", v);
    return buffer;
}

} // namespace

std::string
EncodeRunResult(const core::RunResult& r)
{
    std::ostringstream out;
    out << "posture " << r.posture << "\n";
    out << "run " << r.run << "\n";
    out << "ever " << r.everInfected << " " << r.everInfectedDesktops << " " << r.phished << "\n";
    out << "jewel " << (r.timeToCrownJewel_s ? Exact(*r.timeToCrownJewel_s) : "-") << "\n";
    out << "exfiltrated " << r.exfiltratedBytes << "\n";
    out << "blocked " << r.blocked[0] << " " << r.blocked[1] << " " << r.blocked[2] << " "
        << r.blocked[3] << "\n";
    out << "rules " << r.blockedByRule.size() << "\n";
    for (const auto& [rule, count] : r.blockedByRule)
    {
        out << count << " " << rule << "\n";
    }
    out << "defence " << r.alerts << " " << r.detected << " " << r.quarantined << "\n";
    out << "cost " << r.connectionsAttempted << " " << r.packets << " " << r.events << " "
        << Exact(r.wall_s) << "\n";
    for (const auto* list : {&r.infectedMachines, &r.phishedMachines})
    {
        out << "machines " << list->size();
        for (std::int32_t m : *list)
        {
            out << " " << m;
        }
        out << "\n";
    }
    out << "series " << r.infectedSeries.size() << "\n";
    for (const auto& [t, n] : r.infectedSeries)
    {
        out << Exact(t) << " " << n << "\n";
    }
    out << "end\n";
    return out.str();
}

core::RunResult
DecodeRunResult(const std::string& text)
{
    std::istringstream in(text);
    core::RunResult r;
    std::string key;
    std::string jewel;
    std::size_t samples = 0;
    in >> key;
    std::getline(in >> std::ws, r.posture);
    in >> key >> r.run;
    in >> key >> r.everInfected >> r.everInfectedDesktops >> r.phished;
    in >> key >> jewel;
    if (jewel != "-")
    {
        r.timeToCrownJewel_s = std::stod(jewel);
    }
    in >> key >> r.exfiltratedBytes;
    in >> key >> r.blocked[0] >> r.blocked[1] >> r.blocked[2] >> r.blocked[3];
    std::size_t rules = 0;
    in >> key >> rules;
    for (std::size_t i = 0; i < rules && in; ++i)
    {
        std::uint64_t count = 0;
        std::string rule;
        in >> count;
        std::getline(in >> std::ws, rule);
        r.blockedByRule[rule] = count;
    }
    in >> key >> r.alerts >> r.detected >> r.quarantined;
    in >> key >> r.connectionsAttempted >> r.packets >> r.events >> r.wall_s;
    for (auto* list : {&r.infectedMachines, &r.phishedMachines})
    {
        std::size_t count = 0;
        in >> key >> count;
        for (std::size_t i = 0; i < count && in; ++i)
        {
            std::int32_t m = 0;
            in >> m;
            list->push_back(m);
        }
    }
    in >> key >> samples;
    for (std::size_t i = 0; i < samples && in; ++i)
    {
        double t = 0;
        std::uint32_t n = 0;
        in >> t >> n;
        r.infectedSeries.emplace_back(t, n);
    }
    in >> key;
    if (!in || key != "end")
    {
        throw std::runtime_error("a simulation run sent back a truncated result");
    }
    return r;
}

} // namespace formats
} // namespace segproof
