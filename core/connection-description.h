// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#ifndef SEGPROOF_CORE_CONNECTION_DESCRIPTION_H
#define SEGPROOF_CORE_CONNECTION_DESCRIPTION_H

#include "concrete-evaluator.h"
#include "connection.h"
#include "estate.h"

#include <cstdint>
#include <string>

namespace segproof
{
namespace core
{

/// True for the protocols whose connections have ports (TCP, UDP).
bool HasPorts(std::uint8_t protocol);

/// A connection in words, with the estate's names: "vdi001 (10.10.0.10) -> fs01 (10.20.0.11)
/// tcp 49152 -> 445". Every output that names a counterexample or an example says it so.
std::string DescribeConnection(const Estate& estate, const Connection& connection);

/// What decided at one enforcement point, in words: "dfw-out@vdi001: vdi-isolation drop" (the
/// rule id, or "default"). Every output that lists a connection's path says it so.
std::string DescribeDecision(const Estate& estate, const Decision& decision);

} // namespace core
} // namespace segproof

#endif
