// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#ifndef SEGPROOF_CORE_LISTENING_PORTS_H
#define SEGPROOF_CORE_LISTENING_PORTS_H

#include "estate.h"

#include <cstdint>
#include <set>

namespace segproof
{
namespace core
{

/// True when the machine runs Windows; a machine whose `os` is not given counts as one [A].
bool IsWindows(const Machine& machine);

/// The TCP ports a machine answers on in the simulator: what it `listens:` on (the first port
/// of each TCP entry) and, on Windows, SMB, RDP and WinRM, which Windows runs by default [A].
std::set<std::uint16_t> ListeningPorts(const Machine& machine);

} // namespace core
} // namespace segproof

#endif
