// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#ifndef SEGPROOF_CORE_MACHINE_CONNECTIVITY_H
#define SEGPROOF_CORE_MACHINE_CONNECTIVITY_H

#include "address-set.h"
#include "scenario.h"
#include "service.h"

#include <cstdint>
#include <string>
#include <vector>

namespace segproof
{
namespace core
{

/// A row or column of the connectivity by machine: one machine, or a set of outside addresses
/// (an address class outside every segment: no rule, group or estate boundary tells its
/// addresses apart).
struct ConnectivityEnd
{
    std::string name; ///< the machine's or named external's name, else the ranges as text
    bool machine = false;
    AddressSet addresses;
};

/// The exact services delivered from one end to another: the union of the service cells whose
/// connections every enforcement point on the path allows.
struct ConnectivityPair
{
    std::size_t from = 0;
    std::size_t to = 0;
    /// Disjoint entries: per protocol its destination ports (and source ports where not all),
    /// ICMP types; `anyProtocol` for protocols no entry names.
    std::vector<ServiceEntry> delivered;
    bool everything = false; ///< every protocol, port and type
};

/// Who reaches whom with exactly which services, machine by machine and outside range by
/// outside range, under one posture (`segproof matrix --by machine`).
struct MachineConnectivity
{
    std::string scenario;
    std::string posture;
    std::string firewalls;
    std::vector<ConnectivityEnd> ends;   ///< machines by name, then outside ranges ascending
    std::vector<ConnectivityPair> pairs; ///< those with something delivered, by (from, to)
};

/// How many evaluations BuildMachineConnectivity makes (ends x ends x service cells), for a
/// limit check before it runs.
std::uint64_t MachineConnectivityCost(const Scenario& scenario);

/// Evaluates one connection per (end, end, service cell) through the concrete evaluator: exact,
/// since every connection of a cell between two ends is decided alike at every point.
MachineConnectivity BuildMachineConnectivity(const Scenario& scenario, const Posture& posture);

/// "tcp/80,443", "udp", "icmp/0,8", "tcp/53 from port 53", "proto-47", "other protocols".
std::string DescribeDelivered(const ConnectivityPair& pair);

} // namespace core
} // namespace segproof

#endif
