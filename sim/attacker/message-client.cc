// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#include "message-client.h"

#include "message-stream.h"
#include "session-log.h"

#include <algorithm>
#include <ns3/inet-socket-address.h>
#include <ns3/ipv4.h>
#include <ns3/simulator.h>
#include <ns3/socket.h>
#include <ns3/tcp-socket-factory.h>
#include <set>

namespace segproof
{
namespace sim
{

namespace
{
std::uint32_t
AddressOf(ns3::Ptr<ns3::Node> node)
{
    return node->GetObject<ns3::Ipv4>()->GetAddress(1, 0).GetLocal().Get();
}

class ClientSession;

/// Every session not deleted yet (so that the end of a run can delete those still open).
std::set<ClientSession*>&
LiveSessions()
{
    static std::set<ClientSession*> sessions;
    return sessions;
}

/// One outbound session; deletes itself when it finishes.
class ClientSession
{
public:
    ClientSession(ns3::Ptr<ns3::Node> node, MessageClient::Done done)
        : m_node(node), m_done(std::move(done))
    {
        LiveSessions().insert(this);
    }

    ~ClientSession()
    {
        LiveSessions().erase(this);
        m_deadline.Cancel();
        Detach();
    }

    void Start(std::uint32_t dst, std::uint16_t port, const MessageHeader& header,
               ns3::Time deadline, const MessageClient::Bound& bound)
    {
        m_expected = std::max<std::uint32_t>(1, header.responseBytes);
        MessageHeader sent = header;
        sent.bodyBytes = std::max<std::uint32_t>(1, header.bodyBytes);
        if (sent.session == 0)
        {
            sent.session = SessionLog::Get().NextSession();
        }
        m_out.virtualBytes = sent.bodyBytes;
        m_socket = ns3::Socket::CreateSocket(m_node, ns3::TcpSocketFactory::GetTypeId());
        m_out.chunk = SegmentSize(m_socket);
        if (m_socket->Bind() != 0)
        {
            Finish(false);
            return;
        }
        ns3::Address local;
        m_socket->GetSockName(local);
        std::uint16_t localPort = ns3::InetSocketAddress::ConvertFrom(local).GetPort();
        m_address = AddressOf(m_node);
        m_port = localPort;
        PendingHeaders()[ClientKey(m_address, localPort)] = sent;
        SessionLog::Get().Open(sent, m_address, localPort, dst, port,
                               ns3::Simulator::Now().GetSeconds());
        if (bound)
        {
            bound(AddressOf(m_node), localPort);
        }
        m_deadline = ns3::Simulator::Schedule(deadline, &ClientSession::Finish, this, false);
        m_socket->SetConnectCallback(ns3::MakeCallback(&ClientSession::Connected, this),
                                     ns3::MakeCallback(&ClientSession::Failed, this));
        m_socket->SetCloseCallbacks(ns3::MakeCallback(&ClientSession::Closed, this),
                                    ns3::MakeCallback(&ClientSession::Failed, this));
        m_socket->SetRecvCallback(ns3::MakeCallback(&ClientSession::Receive, this));
        m_socket->SetSendCallback(ns3::MakeCallback(&ClientSession::Room, this));
        m_socket->Connect(ns3::InetSocketAddress(ns3::Ipv4Address(dst), port));
    }

private:
    void Connected(ns3::Ptr<ns3::Socket> s)
    {
        m_connected = true;
        m_out.Pump(s);
    }

    void Room(ns3::Ptr<ns3::Socket> s, std::uint32_t)
    {
        if (m_connected)
        {
            m_out.Pump(s);
        }
    }

    void Failed(ns3::Ptr<ns3::Socket>) { Finish(false); }

    void Closed(ns3::Ptr<ns3::Socket>) { Finish(m_received >= m_expected); }

    void Receive(ns3::Ptr<ns3::Socket> s)
    {
        while (ns3::Ptr<ns3::Packet> p = s->Recv(static_cast<std::uint32_t>(m_out.chunk), 0))
        {
            m_received += p->GetSize();
        }
        if (m_received >= m_expected)
        {
            Finish(true);
        }
    }

    void Finish(bool ok)
    {
        if (m_finished)
        {
            return;
        }
        m_finished = true;
        m_deadline.Cancel();
        Detach();
        if (m_port != 0)
        {
            SessionLog::Get().Close(m_address, m_port, m_out.virtualSent, m_received, ok,
                                    ns3::Simulator::Now().GetSeconds());
        }
        MessageClient::Done done = std::move(m_done);
        // Runs from a socket or timer callback; nothing touches this object afterwards.
        ns3::Simulator::ScheduleNow([this]() { delete this; });
        if (done)
        {
            done(ok);
        }
    }

    /// Leaves the socket to the stack: no callback into this object any more.
    void Detach()
    {
        if (m_socket)
        {
            m_socket->SetConnectCallback(ns3::MakeNullCallback<void, ns3::Ptr<ns3::Socket>>(),
                                         ns3::MakeNullCallback<void, ns3::Ptr<ns3::Socket>>());
            m_socket->SetCloseCallbacks(ns3::MakeNullCallback<void, ns3::Ptr<ns3::Socket>>(),
                                        ns3::MakeNullCallback<void, ns3::Ptr<ns3::Socket>>());
            m_socket->SetRecvCallback(ns3::MakeNullCallback<void, ns3::Ptr<ns3::Socket>>());
            m_socket->SetSendCallback(
                ns3::MakeNullCallback<void, ns3::Ptr<ns3::Socket>, std::uint32_t>());
            m_socket->Close();
            m_socket = nullptr;
        }
    }

    ns3::Ptr<ns3::Node> m_node;
    MessageClient::Done m_done;
    ns3::Ptr<ns3::Socket> m_socket;
    OutgoingBytes m_out;
    std::uint64_t m_received = 0;
    std::uint32_t m_expected = 1;
    std::uint32_t m_address = 0; ///< the client socket's, once bound
    std::uint16_t m_port = 0;
    bool m_connected = false;
    bool m_finished = false;
    ns3::EventId m_deadline;
};
} // namespace

void
MessageClient::DeleteAll()
{
    std::set<ClientSession*> open = LiveSessions();
    for (ClientSession* session : open)
    {
        delete session;
    }
    PendingHeaders().clear(); // requests whose connection never reached a server
    SessionLog::Get().Clear();
}

void
MessageClient::Start(ns3::Ptr<ns3::Node> node, std::uint32_t dst, std::uint16_t port,
                     const MessageHeader& header, ns3::Time deadline, Done done, Bound bound)
{
    auto* session = new ClientSession(node, std::move(done));
    session->Start(dst, port, header, deadline, bound);
}

} // namespace sim
} // namespace segproof
