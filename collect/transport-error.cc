// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#include "transport-error.h"

namespace segproof
{
namespace collect
{

TransportError::TransportError(TransportFailure failure, const std::string& message)
    : std::runtime_error(message), m_failure(failure)
{
}

bool
TransportError::IsTransient() const
{
    return m_failure == TransportFailure::Timeout || m_failure == TransportFailure::Connection;
}

} // namespace collect
} // namespace segproof
