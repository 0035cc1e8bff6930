// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#ifndef SEGPROOF_SIM_ATTACKER_MESSAGE_SERVER_H
#define SEGPROOF_SIM_ATTACKER_MESSAGE_SERVER_H

#include "message-header.h"

#include <cstdint>
#include <functional>
#include <map>
#include <ns3/node.h>
#include <ns3/ptr.h>
#include <ns3/socket.h>

namespace segproof
{
namespace sim
{

/// Answers sessions on one node: a listener per port; `onRequest` is told of each complete
/// request (kind, body bytes, tag, peer address) before the response is sent. A port in relay
/// mode forwards each request to the header's upstream address and the response back (an
/// HTTP proxy), calling `onRelay` with the upstream socket's address for flow bookkeeping.
class MessageServer
{
public:
    using OnRequest = std::function<void(const MessageHeader&, std::uint32_t peer)>;
    using OnRelay = std::function<void(std::uint32_t src, std::uint16_t sport, std::uint32_t dst,
                                       std::uint16_t dport)>;

    MessageServer(ns3::Ptr<ns3::Node> node, OnRequest onRequest);
    ~MessageServer();
    MessageServer(const MessageServer&) = delete;
    MessageServer& operator=(const MessageServer&) = delete;

    /// Listens on a TCP port; `relay` makes it a proxy port.
    void Listen(std::uint16_t port, bool relay = false, OnRelay onRelay = nullptr);

private:
    struct Session;
    void Accept(bool relay, ns3::Ptr<ns3::Socket> socket, const ns3::Address& from);
    void Receive(ns3::Ptr<ns3::Socket> socket);
    void Respond(ns3::Ptr<ns3::Socket> socket, Session& session);
    void Finish(ns3::Ptr<ns3::Socket> socket);

    ns3::Ptr<ns3::Node> m_node;
    OnRequest m_onRequest;
    OnRelay m_onRelay;
    std::map<std::uint16_t, ns3::Ptr<ns3::Socket>> m_listeners;
    std::map<ns3::Socket*, Session> m_sessions;
};

} // namespace sim
} // namespace segproof

#endif
