// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#ifndef SEGPROOF_SIM_ATTACKER_MESSAGE_CLIENT_H
#define SEGPROOF_SIM_ATTACKER_MESSAGE_CLIENT_H

#include "message-header.h"

#include <cstdint>
#include <functional>
#include <ns3/node.h>
#include <ns3/nstime.h>
#include <ns3/ptr.h>

namespace segproof
{
namespace sim
{

/// One TCP request / response session from a node: connect, send header and body, read the
/// response, close. `done(true)` when the whole response arrived; `done(false)` when the
/// connection was refused, timed out, reset or did not finish within the deadline.
class MessageClient
{
public:
    using Done = std::function<void(bool ok)>;
    /// Called with the client socket's 4-tuple once bound (for flow bookkeeping).
    using Bound = std::function<void(std::uint32_t src, std::uint16_t sport)>;

    /// Starts a session now; the object deletes itself when done.
    static void Start(ns3::Ptr<ns3::Node> node, std::uint32_t dst, std::uint16_t port,
                      const MessageHeader& header, ns3::Time deadline, Done done,
                      Bound bound = nullptr);

    /// Deletes every session still open (call when the run is over, before
    /// Simulator::Destroy: their callbacks never run).
    static void DeleteAll();
};

} // namespace sim
} // namespace segproof

#endif
