// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#ifndef SEGPROOF_COLLECT_TRANSPORT_ERROR_H
#define SEGPROOF_COLLECT_TRANSPORT_ERROR_H

#include <stdexcept>
#include <string>

namespace segproof
{
namespace collect
{

/// What went wrong below HTTP; the API client retries the first two kinds only.
enum class TransportFailure
{
    /// No whole response within the timeout (connecting or transferring).
    Timeout,
    /// The connection was refused, reset or closed before a response began.
    Connection,
    /// The body stopped short of its Content-Length, or the connection closed mid-body.
    Truncated,
    /// The server's TLS certificate was not accepted (unknown CA, wrong host name, expired).
    Certificate,
    /// The --ca-file could not be read as a CA bundle.
    CaFile,
    /// Anything else (a host name that does not resolve, a TLS handshake failure).
    Other,
};

/// A request that got no whole HTTP response; what() is the transport's own explanation.
class TransportError : public std::runtime_error
{
public:
    TransportError(TransportFailure failure, const std::string& message);

    TransportFailure Failure() const { return m_failure; }
    /// True for a timeout or a connection refused or reset before a response began.
    bool IsTransient() const;

private:
    TransportFailure m_failure;
};

} // namespace collect
} // namespace segproof

#endif
