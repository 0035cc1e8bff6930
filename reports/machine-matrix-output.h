// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#ifndef SEGPROOF_REPORTS_MACHINE_MATRIX_OUTPUT_H
#define SEGPROOF_REPORTS_MACHINE_MATRIX_OUTPUT_H

#include "core/machine-connectivity.h"

#include <string>

namespace segproof
{
namespace reports
{

/// `matrix --by machine` as text: a header, then one line per pair with something delivered,
/// "SOURCE  DESTINATION  SERVICES" in columns.
std::string FormatMachineMatrixText(const core::MachineConnectivity& connectivity);

/// {"format","segproof_version","scenario","posture","firewalls","by":"machine",
///  "ends":[{"name","kind":"machine"|"outside","addresses":["a.b.c.d/n" | "a-b"]}],
///  "pairs":[{"from","to","services":"tcp/445","delivered":[{"protocol":"tcp",
///  "destination_ports":[[first,last]],"source_ports":[[first,last]]} | {"protocol":"icmp",
///  "icmp_types":[[first,last]]} | {"protocol":47} | {"protocol":"other"}],"everything":bool}]}
/// (schemas/matrix-by-machine.schema.json).
std::string FormatMachineMatrixJson(const core::MachineConnectivity& connectivity);

} // namespace reports
} // namespace segproof

#endif
