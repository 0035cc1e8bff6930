// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
// fw.h -- stateful 5-tuple packet filter + the ns-3 hook adapters used by segproof prototypes.
#pragma once
#include <ns3/core-module.h>
#include <ns3/internet-module.h>
#include <ns3/network-module.h>
#include <ns3/point-to-point-module.h>
#include <functional>
#include <unordered_set>

namespace ns3 {

// ---------------- 5-tuple parsing ----------------
struct FiveTuple {
    uint32_t src = 0, dst = 0;
    uint16_t sport = 0, dport = 0;
    uint8_t proto = 0, tcpFlags = 0;
    bool hasPorts = false;
    FiveTuple Reverse() const { FiveTuple r = *this; std::swap(r.src, r.dst); std::swap(r.sport, r.dport); return r; }
    bool operator==(const FiveTuple& o) const { return src == o.src && dst == o.dst && sport == o.sport && dport == o.dport && proto == o.proto; }
};
struct FiveTupleHash {
    size_t operator()(const FiveTuple& t) const {
        uint64_t a = (uint64_t(t.src) << 32) | t.dst, b = (uint64_t(t.sport) << 24) | (uint64_t(t.dport) << 8) | t.proto;
        return std::hash<uint64_t>()(a * 0x9E3779B97F4A7C15ull ^ b);
    }
};

// l4 = packet starting at the L4 header (what RouteInput and IpL4Protocol down-targets see).
// PeekHeader works on a const Packet: no copy, only deserialises the header bytes.
inline FiveTuple ParseL4(Ptr<const Packet> l4, const Ipv4Header& ip) {
    FiveTuple t;
    t.src = ip.GetSource().Get();
    t.dst = ip.GetDestination().Get();
    t.proto = ip.GetProtocol();
    if (!l4 || ip.GetFragmentOffset() != 0) return t; // non-first fragment: no L4 header
    if (t.proto == 6 && l4->GetSize() >= 20) {
        TcpHeader th;
        l4->PeekHeader(th);
        t.sport = th.GetSourcePort();
        t.dport = th.GetDestinationPort();
        t.tcpFlags = th.GetFlags();
        t.hasPorts = true;
    } else if (t.proto == 17 && l4->GetSize() >= 8) {
        UdpHeader uh;
        l4->PeekHeader(uh);
        t.sport = uh.GetSourcePort();
        t.dport = uh.GetDestinationPort();
        t.hasPorts = true;
    } else if (t.proto == 1 && l4->GetSize() >= 4) {
        Icmpv4Header ih;
        l4->PeekHeader(ih);
        t.sport = ih.GetType(); // ICMP: type/code in the port slots
        t.dport = ih.GetCode();
    }
    return t;
}
// At the NetDevice level (PPP header + IPv4 header in front): copy (COW, cheap) and strip.
inline FiveTuple ParseFrame(Ptr<const Packet> frame, bool hasPpp, Ipv4Header* ipOut = nullptr) {
    Ptr<Packet> c = frame->Copy();
    if (hasPpp) { PppHeader ppp; c->RemoveHeader(ppp); if (ppp.GetProtocol() != 0x0021) return {}; }
    Ipv4Header ip;
    c->RemoveHeader(ip);
    if (ipOut) *ipOut = ip;
    return ParseL4(c, ip);
}

// ---------------- the filter ----------------
enum class Verdict { ALLOW, DROP, REJECT };
struct Rule {
    uint8_t proto = 0; // 0 = any
    Ipv4Address src = Ipv4Address::GetAny(); Ipv4Mask srcMask = Ipv4Mask::GetZero();
    Ipv4Address dst = Ipv4Address::GetAny(); Ipv4Mask dstMask = Ipv4Mask::GetZero();
    uint16_t dLo = 0, dHi = 65535;
    Verdict act = Verdict::ALLOW;
    bool Match(const FiveTuple& t) const {
        if (proto && proto != t.proto) return false;
        if (!srcMask.IsMatch(src, Ipv4Address(t.src))) return false;
        if (!dstMask.IsMatch(dst, Ipv4Address(t.dst))) return false;
        if (t.hasPorts && (t.dport < dLo || t.dport > dHi)) return false;
        return true;
    }
};
struct Firewall {
    std::string name;
    bool enabled = true; // guest firewall can be switched off at run time
    Verdict deflt = Verdict::ALLOW;
    std::vector<Rule> rules;
    std::unordered_set<FiveTuple, FiveTupleHash> ct; // conntrack (no expiry in the prototype)
    uint64_t allowed = 0, dropped = 0, rejected = 0;
    explicit Firewall(std::string n = "") : name(std::move(n)) {}
    Verdict Check(const FiveTuple& t) {
        if (!enabled) return Verdict::ALLOW;
        if (ct.count(t) || ct.count(t.Reverse())) { allowed++; return Verdict::ALLOW; } // established / reply
        Verdict v = deflt;
        for (auto& r : rules) if (r.Match(t)) { v = r.act; break; }
        if (v == Verdict::ALLOW) {
            allowed++;
            // a new connection is only created by a TCP SYN (not by stray ACKs), or any UDP/ICMP
            if (t.proto != 6 || (t.tcpFlags & TcpHeader::SYN)) ct.insert(t);
        } else if (v == Verdict::DROP) dropped++;
        else rejected++;
        if (v != Verdict::ALLOW)
            std::cout << Simulator::Now().As(Time::MS) << " [" << name << "] " << (v == Verdict::DROP ? "DROP " : "REJECT ")
                      << int(t.proto) << " " << Ipv4Address(t.src) << ":" << t.sport << " -> " << Ipv4Address(t.dst) << ":" << t.dport << "\n";
        return v;
    }
};

// ---------------- reject: TCP RST (spoofed from the original destination) or ICMP unreachable ----------------
inline void SendReject(Ptr<Node> node, const Ipv4Header& ip, Ptr<const Packet> l4, const FiveTuple& t, uint8_t icmpCode = 13) {
    Ptr<Ipv4L3Protocol> l3 = node->GetObject<Ipv4L3Protocol>();
    if (t.proto == 6 && t.hasPorts) {
        if (t.tcpFlags & TcpHeader::RST) return;
        TcpHeader orig;
        l4->PeekHeader(orig);
        TcpHeader rst;
        rst.SetSourcePort(t.dport);
        rst.SetDestinationPort(t.sport);
        // NB ns-3.37 TCP in SYN_SENT ignores RST|ACK (keeps retrying SYN); a bare RST aborts the connect.
        rst.SetFlags(getenv("RST_ACK") ? (TcpHeader::RST | TcpHeader::ACK) : TcpHeader::RST);
        rst.SetSequenceNumber(SequenceNumber32(0));
        uint32_t len = l4->GetSize() - orig.GetSerializedSize();
        rst.SetAckNumber(orig.GetSequenceNumber() + len + ((t.tcpFlags & TcpHeader::SYN) ? 1 : 0));
        Ptr<Packet> p = Create<Packet>();
        p->AddHeader(rst);
        // like iptables REJECT --reject-with tcp-reset: source = the address the client tried to reach
        l3->Send(p, ip.GetDestination(), ip.GetSource(), 6, nullptr);
    } else {
        // ICMP dest unreachable, code 13 = communication administratively prohibited
        // (Icmpv4L4Protocol::SendDestUnreachPort is public but fixed to code 3; SendDestUnreach is private)
        Ptr<Packet> p = Create<Packet>();
        Icmpv4DestinationUnreachable du;
        du.SetHeader(ip);
        du.SetData(l4);
        p->AddHeader(du);
        Icmpv4Header ih;
        ih.SetType(Icmpv4Header::ICMPV4_DEST_UNREACH);
        ih.SetCode(icmpCode);
        p->AddHeader(ih);
        Ipv4Header h;
        h.SetDestination(ip.GetSource());
        h.SetProtocol(1);
        Socket::SocketErrno e;
        Ptr<Ipv4Route> r = l3->GetRoutingProtocol()->RouteOutput(p, h, nullptr, e);
        if (r) l3->Send(p, r->GetSource(), ip.GetSource(), 1, r);
    }
}

// ---------------- hook 1: routing-protocol wrapper (guest INPUT, router FORWARD, host vNIC) ----------------
enum class Chain { INPUT, FORWARD, OUTPUT };
class FilterRouting : public Ipv4RoutingProtocol {
  public:
    static TypeId GetTypeId() {
        static TypeId tid = TypeId("ns3::FilterRouting").SetParent<Ipv4RoutingProtocol>().SetGroupName("Internet");
        return tid;
    }
    // hook returns the verdict; iif/oif = interface indices (UINT32_MAX = none)
    using Hook = std::function<Verdict(Chain, uint32_t iif, uint32_t oif, Ptr<const Packet> l4, const Ipv4Header&, const FiveTuple&)>;
    Hook hook;
    Ptr<Ipv4RoutingProtocol> inner;
    uint64_t swallowed = 0;

    // Replace the node's routing protocol with a filtering wrapper around it.
    static Ptr<FilterRouting> Wrap(Ptr<Node> n, Hook h) {
        Ptr<Ipv4> ipv4 = n->GetObject<Ipv4>();
        Ptr<FilterRouting> f = CreateObject<FilterRouting>();
        f->inner = ipv4->GetRoutingProtocol();
        f->hook = std::move(h);
        ipv4->SetRoutingProtocol(f); // calls f->SetIpv4(); the inner keeps its own m_ipv4
        return f;
    }
    bool Handle(Verdict v, const Ipv4Header& h, Ptr<const Packet> p, const FiveTuple& t) {
        if (v == Verdict::ALLOW) return true;
        swallowed++;
        if (v == Verdict::REJECT) SendReject(m_node, h, p, t);
        return false;
    }
    Ptr<Ipv4Route> RouteOutput(Ptr<Packet> p, const Ipv4Header& h, Ptr<NetDevice> oif, Socket::SocketErrno& err) override {
        // NB: TCP calls this once with p == nullptr at connect(); UDP calls it with the payload only
        // (UDP header not yet added) -> ports are only visible here for TCP. Use the DownTarget hook for egress.
        if (p && hook && h.GetProtocol() == 6) {
            FiveTuple t = ParseL4(p, h);
            if (hook(Chain::OUTPUT, UINT32_MAX, UINT32_MAX, p, h, t) != Verdict::ALLOW) {
                swallowed++;
                err = Socket::ERROR_NOROUTETOHOST; // the app sees an error, like EPERM on Linux OUTPUT DROP
                return nullptr;
            }
        }
        return inner->RouteOutput(p, h, oif, err);
    }
    bool RouteInput(Ptr<const Packet> p, const Ipv4Header& h, Ptr<const NetDevice> idev, UnicastForwardCallback ucb,
                    MulticastForwardCallback mcb, LocalDeliverCallback lcb, ErrorCallback ecb) override {
        uint32_t iif = m_ipv4->GetInterfaceForDevice(idev);
        if (hook && m_ipv4->IsDestinationAddress(h.GetDestination(), iif)) {
            FiveTuple t = ParseL4(p, h);
            if (!Handle(hook(Chain::INPUT, iif, UINT32_MAX, p, h, t), h, p, t)) return true; // swallowed
            return inner->RouteInput(p, h, idev, ucb, mcb, lcb, ecb);
        }
        if (!hook) return inner->RouteInput(p, h, idev, ucb, mcb, lcb, ecb);
        // forwarding: let the inner protocol choose the route, filter with (iif, oif) known
        return inner->RouteInput(p, h, idev, MakeCallback(&FilterRouting::Fwd, this).Bind(ucb, iif), mcb, lcb, ecb);
    }
    void Fwd(UnicastForwardCallback ucb, uint32_t iif, Ptr<Ipv4Route> r, Ptr<const Packet> p, const Ipv4Header& h) {
        uint32_t oif = m_ipv4->GetInterfaceForDevice(r->GetOutputDevice());
        FiveTuple t = ParseL4(p, h);
        if (Handle(hook(Chain::FORWARD, iif, oif, p, h, t), h, p, t)) ucb(r, p, h);
    }
    void NotifyInterfaceUp(uint32_t i) override { inner->NotifyInterfaceUp(i); }
    void NotifyInterfaceDown(uint32_t i) override { inner->NotifyInterfaceDown(i); }
    void NotifyAddAddress(uint32_t i, Ipv4InterfaceAddress a) override { inner->NotifyAddAddress(i, a); }
    void NotifyRemoveAddress(uint32_t i, Ipv4InterfaceAddress a) override { inner->NotifyRemoveAddress(i, a); }
    void SetIpv4(Ptr<Ipv4> ipv4) override { m_ipv4 = ipv4; m_node = ipv4->GetObject<Node>(); }
    void PrintRoutingTable(Ptr<OutputStreamWrapper> s, Time::Unit u) const override { inner->PrintRoutingTable(s, u); }

  protected:
    void DoDispose() override { inner = nullptr; m_ipv4 = nullptr; m_node = nullptr; hook = nullptr; Ipv4RoutingProtocol::DoDispose(); }
    Ptr<Ipv4> m_ipv4;
    Ptr<Node> m_node;
};

// ---------------- hook 2: L4 down-target (guest egress, full L4 header, silent drop) ----------------
// IpL4Protocol::SetDownTarget is the callback TCP/UDP/ICMP use to hand a finished segment to IPv4.
inline void HookEgress(Ptr<Node> n, Firewall* fw) {
    for (auto tid : {TcpL4Protocol::GetTypeId(), UdpL4Protocol::GetTypeId(), Icmpv4L4Protocol::GetTypeId()}) {
        Ptr<IpL4Protocol> l4 = DynamicCast<IpL4Protocol>(n->GetObject<Object>(tid));
        if (!l4) continue;
        IpL4Protocol::DownTargetCallback orig = l4->GetDownTarget();
        l4->SetDownTarget(MakeCallback(+[](IpL4Protocol::DownTargetCallback orig, Firewall* fw, Ptr<Packet> p, Ipv4Address s,
                                           Ipv4Address d, uint8_t proto, Ptr<Ipv4Route> r) {
                                           Ipv4Header h;
                                           h.SetSource(s); h.SetDestination(d); h.SetProtocol(proto);
                                           if (fw->Check(ParseL4(p, h)) == Verdict::ALLOW) orig(p, s, d, proto, r);
                                       }).Bind(orig, fw));
    }
}

// ---------------- hook 3: NetDevice receive error model (device-level, invisible to IP) ----------------
class FilterErrorModel : public ErrorModel {
  public:
    static TypeId GetTypeId() {
        static TypeId tid = TypeId("ns3::FilterErrorModel").SetParent<ErrorModel>().SetGroupName("Network");
        return tid;
    }
    Firewall* fw = nullptr;
    bool DoCorrupt(Ptr<Packet> p) override { return fw->Check(ParseFrame(p, true)) != Verdict::ALLOW; } // true = drop
    void DoReset() override {}
};

} // namespace ns3
