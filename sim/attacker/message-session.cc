#include "message-session.h"

#include <algorithm>
#include <cstring>
#include <ns3/inet-socket-address.h>
#include <ns3/ipv4.h>
#include <ns3/packet.h>
#include <ns3/simulator.h>
#include <ns3/tcp-socket-factory.h>
#include <ns3/uinteger.h>
#include <set>
#include <unordered_map>
#include <vector>

namespace segproof
{
namespace sim
{

namespace
{
/// Largest single Send: keeps packets (and their virtual zero bytes) small in memory.
constexpr std::uint32_t kMaxSend = 1U << 20;

/// Request headers travel beside the stream, keyed by the client's address and port: the
/// stream itself is then only zero-filled virtual bytes, which ns-3 never materialises as
/// long as no packet joins real bytes to them (a 250 MB transfer stays cheap).
std::unordered_map<std::uint64_t, MessageHeader>&
PendingHeaders()
{
    static std::unordered_map<std::uint64_t, MessageHeader> headers;
    return headers;
}

std::uint64_t
ClientKey(std::uint32_t address, std::uint16_t port)
{
    return (std::uint64_t{address} << 16) | port;
}

/// Bytes still to send on a socket (zero-filled virtual ones).
struct Outgoing
{
    std::uint64_t virtualBytes = 0;
    std::uint64_t virtualSent = 0;
    std::uint64_t chunk = kMaxSend; ///< one Send each: the TCP segment size keeps them whole

    bool Done() const { return virtualSent == virtualBytes; }

    /// Sends what the socket's buffer takes now; true when everything has been handed over.
    bool Pump(ns3::Ptr<ns3::Socket> socket)
    {
        while (!Done())
        {
            std::uint32_t room = socket->GetTxAvailable();
            if (room == 0)
            {
                return false;
            }
            auto n = static_cast<std::uint32_t>(
                std::min<std::uint64_t>({room, virtualBytes - virtualSent, chunk}));
            int sent = socket->Send(ns3::Create<ns3::Packet>(n));
            if (sent <= 0)
            {
                return false;
            }
            virtualSent += static_cast<std::uint64_t>(sent);
        }
        return true;
    }
};

std::uint64_t
SegmentSize(ns3::Ptr<ns3::Socket> socket)
{
    ns3::UintegerValue size;
    socket->GetAttribute("SegmentSize", size);
    return std::max<std::uint64_t>(1, size.Get());
}

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
        PendingHeaders()[ClientKey(AddressOf(m_node), localPort)] = sent;
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
    Outgoing m_out;
    std::uint64_t m_received = 0;
    std::uint32_t m_expected = 1;
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
}

void
MessageClient::Start(ns3::Ptr<ns3::Node> node, std::uint32_t dst, std::uint16_t port,
                     const MessageHeader& header, ns3::Time deadline, Done done, Bound bound)
{
    auto* session = new ClientSession(node, std::move(done));
    session->Start(dst, port, header, deadline, bound);
}

struct MessageServer::Session
{
    MessageHeader header;
    std::uint64_t received = 0;
    Outgoing out;
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
