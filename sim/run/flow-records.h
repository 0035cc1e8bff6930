// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#ifndef SEGPROOF_SIM_RUN_FLOW_RECORDS_H
#define SEGPROOF_SIM_RUN_FLOW_RECORDS_H

#include "core/estate.h"
#include "sim/attacker/session-log.h"

#include <string>
#include <vector>

namespace segproof
{
namespace sim
{

/// The CSV header of `simulate --flows` (docs/simulator.md, "Flow records").
extern const char* const kFlowRecordsHeader;

/// Writes one run's sessions as CSV rows (without the header) to `path`: posture, run,
/// source and destination (address and machine name), protocol, ports, bytes each way, start
/// and end (simulated seconds), benign or attack, completed. Throws std::runtime_error when
/// the file cannot be written.
void WriteFlowRecords(const std::string& path, const std::vector<FlowRecord>& flows,
                      const core::Estate& estate, const std::string& posture, std::uint64_t run);

} // namespace sim
} // namespace segproof

#endif
