// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#ifndef SEGPROOF_VERIFIER_Z3_VERSION_H
#define SEGPROOF_VERIFIER_Z3_VERSION_H

#include <string>

namespace segproof
{
namespace verifier
{

/// The version of the Z3 library linked in, "4.8.12" (for provenance records).
std::string Z3Version();

} // namespace verifier
} // namespace segproof

#endif
