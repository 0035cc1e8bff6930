#ifndef SEGPROOF_SIM_MESSAGE_SESSION_H
#define SEGPROOF_SIM_MESSAGE_SESSION_H

#include <cstdint>
#include <functional>
#include <map>
#include <ns3/node.h>
#include <ns3/nstime.h>
#include <ns3/ptr.h>
#include <ns3/socket.h>

namespace segproof
{
namespace sim
{

/// What one attack session carries; the server answers every kind the same way.
enum class MessageKind : std::uint8_t
{
    Exploit = 1,    ///< lateral movement: exploit or credential logon plus tool transfer
    Collect = 2,    ///< SMB read of a crown-jewel share
    Beacon = 3,     ///< C2 check-in over HTTPS
    Exfiltrate = 4, ///< a chunk of the stolen data over HTTPS
};

/// What a request is: `bodyBytes` of payload (zero-filled virtual bytes: ns-3 carries sizes,
/// not contents). The header itself travels beside the stream, keyed by the client's address
/// and port, as an application-layer header would be parsed from it.
struct MessageHeader
{
    MessageKind kind = MessageKind::Beacon;
    std::uint32_t bodyBytes = 0;     ///< request payload after the header
    std::uint32_t responseBytes = 0; ///< what the server sends back
    std::uint32_t upstream = 0;      ///< for a proxy: where to relay (IPv4), else 0
    std::uint16_t upstreamPort = 0;
    std::uint16_t tag = 0; ///< free for the caller
};

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
