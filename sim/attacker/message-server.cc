// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#include "message-server.h"

#include "message-client.h"
#include "message-stream.h"

#include <algorithm>
#include <ns3/inet-socket-address.h>
#include <ns3/packet.h>
#include <ns3/tcp-socket-factory.h>

namespace segproof
{
namespace sim
{

struct MessageServer::Session
{
    MessageHeader header;
    std::uint64_t received = 0;
    OutgoingBytes out;
    bool answered = false;
    bool relay = false;
    std::uint32_t peer = 0;
};

MessageServer::MessageServer(ns3::Ptr<ns3::Node> node, OnRequest onRequest)
    : m_node(node), m_onRequest(std::move(onRequest))
{
}

MessageServer::~MessageServer()
{
    for (auto& [port, socket] : m_listeners)
    {
        socket->SetAcceptCallback(
            ns3::MakeNullCallback<bool, ns3::Ptr<ns3::Socket>, const ns3::Address&>(),
            ns3::MakeNullCallback<void, ns3::Ptr<ns3::Socket>, const ns3::Address&>());
    }
}

void
MessageServer::Listen(std::uint16_t port, bool relay, OnRelay onRelay)
{
    if (m_listeners.count(port) != 0)
    {
        return;
    }
    if (onRelay)
    {
        m_onRelay = std::move(onRelay);
    }
    ns3::Ptr<ns3::Socket> listener =
        ns3::Socket::CreateSocket(m_node, ns3::TcpSocketFactory::GetTypeId());
    listener->Bind(ns3::InetSocketAddress(ns3::Ipv4Address::GetAny(), port));
    listener->Listen();
    listener->SetAcceptCallback(
        ns3::MakeNullCallback<bool, ns3::Ptr<ns3::Socket>, const ns3::Address&>(),
        ns3::MakeCallback(&MessageServer::Accept, this).Bind(relay));
    m_listeners[port] = listener;
}

void
MessageServer::Accept(bool relay, ns3::Ptr<ns3::Socket> socket, const ns3::Address& from)
{
    ns3::InetSocketAddress peer = ns3::InetSocketAddress::ConvertFrom(from);
    auto pending = PendingHeaders().find(ClientKey(peer.GetIpv4().Get(), peer.GetPort()));
    if (pending == PendingHeaders().end())
    {
        socket->Close(); // not an attack session: nothing to answer
        return;
    }
    Session& session = m_sessions[ns3::PeekPointer(socket)];
    session.header = pending->second;
    PendingHeaders().erase(pending);
    session.relay = relay;
    session.peer = peer.GetIpv4().Get();
    session.out.chunk = SegmentSize(socket);
    socket->SetRecvCallback(ns3::MakeCallback(&MessageServer::Receive, this));
    socket->SetCloseCallbacks(ns3::MakeCallback(&MessageServer::Finish, this),
                              ns3::MakeCallback(&MessageServer::Finish, this));
}

void
MessageServer::Receive(ns3::Ptr<ns3::Socket> socket)
{
    auto it = m_sessions.find(ns3::PeekPointer(socket));
    if (it == m_sessions.end())
    {
        while (socket->Recv())
        {
        }
        return;
    }
    Session& session = it->second;
    while (ns3::Ptr<ns3::Packet> p = socket->Recv(static_cast<std::uint32_t>(session.out.chunk), 0))
    {
        session.received += p->GetSize();
    }
    const MessageHeader header = session.header;
    if (session.answered || session.received < header.bodyBytes)
    {
        return;
    }
    session.answered = true;
    if (m_onRequest)
    {
        m_onRequest(header, session.peer);
    }
    if (!session.relay || header.upstream == 0)
    {
        Respond(socket, session);
        return;
    }
    // Proxy: the same request to the upstream server, its answer back to the client.
    MessageHeader upstream = header;
    upstream.upstream = 0;
    upstream.upstreamPort = 0;
    MessageServer* self = this;
    MessageClient::Bound bound = nullptr;
    if (m_onRelay)
    {
        OnRelay onRelay = m_onRelay;
        std::uint32_t dst = header.upstream;
        std::uint16_t dport = header.upstreamPort;
        bound = [onRelay, dst, dport](std::uint32_t src, std::uint16_t sport)
        { onRelay(src, sport, dst, dport); };
    }
    MessageClient::Start(
        m_node, header.upstream, header.upstreamPort, upstream, ns3::Minutes(10),
        [self, socket](bool ok)
        {
            auto found = self->m_sessions.find(ns3::PeekPointer(socket));
            if (found == self->m_sessions.end())
            {
                return;
            }
            if (ok)
            {
                self->Respond(socket, found->second);
            }
            else
            {
                socket->Close();
            }
        },
        bound);
}

void
MessageServer::Respond(ns3::Ptr<ns3::Socket> socket, Session& session)
{
    session.out.virtualBytes = std::max<std::uint32_t>(1, session.header.responseBytes);
    MessageServer* self = this;
    auto pump = [self](ns3::Ptr<ns3::Socket> s, std::uint32_t)
    {
        auto found = self->m_sessions.find(ns3::PeekPointer(s));
        if (found != self->m_sessions.end() && found->second.out.Pump(s))
        {
            s->SetSendCallback(ns3::MakeNullCallback<void, ns3::Ptr<ns3::Socket>, std::uint32_t>());
            s->Close(); // sends FIN once the buffered response is out
        }
    };
    socket->SetSendCallback(ns3::Callback<void, ns3::Ptr<ns3::Socket>, std::uint32_t>(pump));
    pump(socket, 0);
}

void
MessageServer::Finish(ns3::Ptr<ns3::Socket> socket)
{
    socket->SetRecvCallback(ns3::MakeNullCallback<void, ns3::Ptr<ns3::Socket>>());
    socket->SetSendCallback(ns3::MakeNullCallback<void, ns3::Ptr<ns3::Socket>, std::uint32_t>());
    m_sessions.erase(ns3::PeekPointer(socket));
}

} // namespace sim
} // namespace segproof
