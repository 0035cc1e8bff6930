// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#ifndef SEGPROOF_CORE_SERVICE_CLASSES_H
#define SEGPROOF_CORE_SERVICE_CLASSES_H

#include "connection.h"
#include "scenario.h"

#include <cstdint>
#include <vector>

namespace segproof
{
namespace core
{

/// One cell of the partition of (protocol, source port, destination port, ICMP type) that no
/// service entry of a scenario tells apart, with a representative value of each field.
struct ServiceClass
{
    std::uint8_t protocol = 0;
    ValueRange sourcePorts{0, 0};      ///< TCP / UDP; {0,0} otherwise
    ValueRange destinationPorts{0, 0}; ///< TCP / UDP; {0,0} otherwise
    ValueRange icmpTypes{0, 0};        ///< ICMP; {0,0} otherwise

    /// Stamps the representative values (the lowest of each range) onto a connection.
    void ApplyTo(Connection& connection) const;
    /// "tcp/445", "tcp/1024-2047 from port 0-65535", "icmp type 8", "proto-0".
    std::string ToString() const;
};

/// The service partition of a scenario: every TCP / UDP port range, ICMP type range and
/// "any other protocol" cell that the entries of its services, rules and intents induce.
/// A protocol other than TCP, UDP and ICMP that an entry names (an NSX IPProtocolServiceEntry)
/// is a cell of its own; the protocols no entry names form one cell represented by the lowest
/// of them, 0 unless 0 is named (only `any` matches it). Ports and types of protocols without
/// them are 0.
/// `alsoSplitBy`: other scenarios whose entries split the cells too (for diff).
std::vector<ServiceClass> ServiceClasses(const Scenario& scenario,
                                         const std::vector<const Scenario*>& alsoSplitBy = {});

/// How many cells ServiceClasses(scenario) holds, counted without building them: the reader
/// refuses a scenario past Limits::kMaxServiceCells before any analysis builds them.
std::uint64_t ServiceClassCount(const Scenario& scenario);

} // namespace core
} // namespace segproof

#endif
