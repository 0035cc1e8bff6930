// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#include "flow-records.h"

#include "core/ipv4.h"

#include <cstdio>
#include <fstream>
#include <stdexcept>

namespace segproof
{
namespace sim
{

const char* const kFlowRecordsHeader =
    "posture,run,src,src_name,dst,dst_name,proto,sport,dport,bytes_out,bytes_in,start_s,end_s,"
    "label,completed";

namespace
{
std::string
NameAt(const core::Estate& estate, std::uint32_t address)
{
    core::Index m = estate.MachineAt(address);
    if (m != core::kNone)
    {
        return estate.Machines()[static_cast<std::size_t>(m)].name;
    }
    for (const core::External& x : estate.Externals())
    {
        if (x.ip == address)
        {
            return x.name;
        }
    }
    return "";
}

/// A CSV field (RFC 4180): quoted when it holds a comma, a quote or a line break.
std::string
Field(const std::string& text)
{
    if (text.find_first_of(",\"\r\n") == std::string::npos)
    {
        return text;
    }
    std::string out = "\"";
    for (char c : text)
    {
        out += c == '"' ? std::string("\"\"") : std::string(1, c);
    }
    return out + "\"";
}

std::string
Seconds(double s)
{
    char text[32];
    std::snprintf(text, sizeof text, "%.6f", s);
    return text;
}
} // namespace

void
WriteFlowRecords(const std::string& path, const std::vector<FlowRecord>& flows,
                 const core::Estate& estate, const std::string& posture, std::uint64_t run)
{
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    for (const FlowRecord& f : flows)
    {
        out << Field(posture) << ',' << run << ',' << core::FormatIpv4(f.src) << ','
            << Field(NameAt(estate, f.src)) << ',' << core::FormatIpv4(f.dst) << ','
            << Field(NameAt(estate, f.dst)) << ",tcp," << f.sport << ',' << f.dport << ','
            << f.bytesOut << ',' << f.bytesIn << ',' << Seconds(f.start_s) << ','
            << Seconds(f.end_s) << ',' << (f.benign ? "benign" : "attack") << ','
            << (f.completed ? "true" : "false") << '\n';
    }
    out.flush();
    if (!out)
    {
        throw std::runtime_error("cannot write the flow records to " + path);
    }
}

} // namespace sim
} // namespace segproof
