// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
// filters.cc -- enforcement-point prototype.
// VM a,b on host0 (seg0) | VM c on host1 (seg0) | VM d on host2 (seg1) | gw | perimeter | c2 (internet)
#include "seg-routing.h"
#include "fw.h"
#include <ns3/applications-module.h>

using namespace ns3;

static Ipv4Address A(const char* s) { return Ipv4Address(s); }
static Ipv4Mask M(const char* s) { return Ipv4Mask(s); }

static void TcpTry(Ptr<Node> n, Ipv4Address dst, uint16_t port, std::string label) {
    Ptr<Socket> s = Socket::CreateSocket(n, TcpSocketFactory::GetTypeId());
    s->Bind();
    Time t0 = Simulator::Now();
    s->SetAttribute("IcmpCallback", CallbackValue(MakeCallback(+[](std::string l, Ipv4Address from, uint8_t, uint8_t type, uint8_t code, uint32_t) {
        std::cout << Simulator::Now().As(Time::MS) << " " << l << ": TCP socket got ICMP type=" << int(type) << " code=" << int(code) << " from " << from << "\n";
    }).Bind(label)));
    s->SetConnectCallback(MakeCallback(+[](std::string l, Time t0, Ptr<Socket> s) {
                              std::cout << Simulator::Now().As(Time::MS) << " " << l << ": CONNECTED after " << (Simulator::Now() - t0).As(Time::MS) << "\n";
                              s->Close();
                          }).Bind(label, t0),
                          MakeCallback(+[](std::string l, Time t0, Ptr<Socket> s) {
                              std::cout << Simulator::Now().As(Time::MS) << " " << l << ": FAILED (errno " << s->GetErrno() << ") after "
                                        << (Simulator::Now() - t0).As(Time::MS) << "\n";
                          }).Bind(label, t0));
    s->SetCloseCallbacks(MakeCallback(+[](std::string l, Ptr<Socket> s) { if (l.find("REJECT") != std::string::npos) std::cout << Simulator::Now().As(Time::MS) << " " << l << ": NormalClose callback (errno " << s->GetErrno() << ")\n"; }).Bind(label),
                         MakeCallback(+[](std::string l, Ptr<Socket> s) { std::cout << Simulator::Now().As(Time::MS) << " " << l << ": ErrorClose callback (errno " << s->GetErrno() << ")\n"; }).Bind(label));
    int r = s->Connect(InetSocketAddress(dst, port));
    if (r < 0) std::cout << Simulator::Now().As(Time::MS) << " " << label << ": connect() returned " << r << " errno " << s->GetErrno() << "\n";
}
static void UdpTry(Ptr<Node> n, Ipv4Address dst, uint16_t port, std::string label) {
    Ptr<Socket> s = Socket::CreateSocket(n, UdpSocketFactory::GetTypeId());
    s->Bind();
    s->SetAttribute("IcmpCallback", CallbackValue(MakeCallback(+[](std::string l, Ipv4Address from, uint8_t, uint8_t type, uint8_t code, uint32_t) {
        std::cout << Simulator::Now().As(Time::MS) << " " << l << ": UDP socket got ICMP type=" << int(type) << " code=" << int(code) << " from " << from << "\n";
    }).Bind(label)));
    s->SendTo(Create<Packet>(100), 0, InetSocketAddress(dst, port));
}
static void Listen(Ptr<Node> n, uint16_t port) {
    Ptr<Socket> s = Socket::CreateSocket(n, TcpSocketFactory::GetTypeId());
    s->Bind(InetSocketAddress(Ipv4Address::GetAny(), port));
    s->Listen();
    s->SetAcceptCallback(MakeNullCallback<bool, Ptr<Socket>, const Address&>(), MakeCallback(+[](Ptr<Socket> c, const Address&) {
                             c->SetCloseCallbacks(MakeCallback(+[](Ptr<Socket> c) { c->Close(); }), MakeNullCallback<void, Ptr<Socket>>());
                         }));
}
static void UdpSink(Ptr<Node> n, uint16_t port, std::string label) {
    Ptr<Socket> s = Socket::CreateSocket(n, UdpSocketFactory::GetTypeId());
    s->Bind(InetSocketAddress(Ipv4Address::GetAny(), port));
    s->SetRecvCallback(MakeCallback(+[](std::string l, Ptr<Socket> s) {
        while (Ptr<Packet> p = s->Recv()) std::cout << Simulator::Now().As(Time::MS) << " " << l << ": UDP received " << p->GetSize() << " B\n";
    }).Bind(label));
}

int main(int argc, char** argv) {
    CommandLine cmd;
    cmd.Parse(argc, argv);
    Config::SetDefault("ns3::TcpSocket::ConnTimeout", TimeValue(Seconds(1)));
    Config::SetDefault("ns3::TcpSocket::ConnCount", UintegerValue(2)); // SYN retries -> fail fast

    NodeContainer vm, host, seg, gwc, edge; // edge: perimeter, c2
    vm.Create(4); host.Create(3); seg.Create(2); gwc.Create(1); edge.Create(2);
    Ptr<Node> a = vm.Get(0), b = vm.Get(1), c = vm.Get(2), d = vm.Get(3), gw = gwc.Get(0), perim = edge.Get(0), c2 = edge.Get(1);
    InternetStackHelper st; st.SetIpv6StackInstall(false);
    SegRoutingHelper srh; st.SetRoutingHelper(srh);
    st.Install(NodeContainer(vm, host, seg, gwc));
    InternetStackHelper st2; st2.SetIpv6StackInstall(false);
    Ipv4StaticRoutingHelper sth; st2.SetRoutingHelper(sth);
    st2.Install(edge);

    PointToPointHelper p2p;
    p2p.SetDeviceAttribute("DataRate", StringValue("10Gbps"));
    p2p.SetChannelAttribute("Delay", StringValue("10us"));
    auto fab = std::make_shared<Fabric>();
    fab->segHostIf.assign(2, std::vector<uint32_t>(3, 0));
    fab->gwSegIf.assign(2, 0);
    auto rt = [](Ptr<Node> n) { return DynamicCast<SegRouting>(n->GetObject<Ipv4>()->GetRoutingProtocol()); };
    struct VmDef { Ptr<Node> n; uint32_t host, seg; const char* ip; };
    std::vector<VmDef> defs = {{a, 0, 0, "10.0.0.1"}, {b, 0, 0, "10.0.0.2"}, {c, 1, 0, "10.0.1.1"}, {d, 2, 1, "10.1.0.1"}};
    std::map<uint32_t, Ptr<Node>> hostPortVm[3];
    NetDeviceContainer cDevs;
    for (auto& v : defs) {
        NetDeviceContainer dv = p2p.Install(v.n, host.Get(v.host));
        if (v.n == c) cDevs = dv;
        AssignAddr(dv.Get(0), A(v.ip), M("255.255.255.0"));
        uint32_t hif = AssignAddr(dv.Get(1), Ipv4Address((A(v.ip).Get() & 0xffffff00) | 254), M("255.255.255.255"));
        rt(v.n)->role = SegRouting::VM;
        fab->ipToVm[A(v.ip).Get()] = VmLoc{v.host, (uint16_t)v.seg, (uint16_t)hif};
        auto hr = rt(host.Get(v.host));
        if (hr->ifSeg.size() <= hif) hr->ifSeg.resize(hif + 1, v.seg);
        hostPortVm[v.host][hif] = v.n;
    }
    uint32_t hostSegOf[3] = {0, 0, 1};
    uint32_t k = 0;
    auto infra = [&](uint32_t k, int side) { return Ipv4Address((172u << 24) | (16u << 16) | (k * 4 + side)); };
    for (uint32_t h = 0; h < 3; ++h) {
        NetDeviceContainer dv = p2p.Install(host.Get(h), seg.Get(hostSegOf[h]));
        uint32_t up = AssignAddr(dv.Get(0), infra(k, 1), M("255.255.255.252"));
        uint32_t sif = AssignAddr(dv.Get(1), infra(k, 2), M("255.255.255.252"));
        k++;
        auto hr = rt(host.Get(h)); hr->role = SegRouting::HOST; hr->id = h; hr->upIf = up;
        if (hr->ifSeg.size() <= up) hr->ifSeg.resize(up + 1, hostSegOf[h]);
        fab->segHostIf[hostSegOf[h]][h] = sif;
    }
    for (uint32_t s = 0; s < 2; ++s) {
        NetDeviceContainer dv = p2p.Install(seg.Get(s), gw);
        uint32_t up = AssignAddr(dv.Get(0), infra(k, 1), M("255.255.255.252"));
        fab->gwSegIf[s] = AssignAddr(dv.Get(1), infra(k, 2), M("255.255.255.252"));
        k++;
        auto sr = rt(seg.Get(s)); sr->role = SegRouting::SEG; sr->id = s; sr->upIf = up;
    }
    rt(gw)->role = SegRouting::GW;
    { // gw <-> perimeter <-> c2
        NetDeviceContainer dv = p2p.Install(gw, perim);
        fab->gwDefaultIf = AssignAddr(dv.Get(0), A("192.168.0.1"), M("255.255.255.252"));
        uint32_t pin = AssignAddr(dv.Get(1), A("192.168.0.2"), M("255.255.255.252"));
        NetDeviceContainer dv2 = p2p.Install(perim, c2);
        uint32_t pout = AssignAddr(dv2.Get(0), A("203.0.113.1"), M("255.255.255.0"));
        AssignAddr(dv2.Get(1), A("203.0.113.10"), M("255.255.255.0"));
        Ipv4StaticRoutingHelper h;
        h.GetStaticRouting(perim->GetObject<Ipv4>())->AddNetworkRouteTo(A("10.0.0.0"), M("255.0.0.0"), A("192.168.0.1"), pin);
        h.GetStaticRouting(perim->GetObject<Ipv4>())->SetDefaultRoute(A("203.0.113.254"), pout);
        h.GetStaticRouting(c2->GetObject<Ipv4>())->SetDefaultRoute(A("203.0.113.1"), 1);
    }
    for (uint32_t i = 0; i < NodeContainer(vm, host, seg, gwc).GetN(); ++i) rt(NodeContainer(vm, host, seg, gwc).Get(i))->fab = fab;

    // ================= enforcement points =================
    // (1) vNIC / distributed firewall: wrapper on every HOST node; iif = VM port => VM egress, oif = VM port => VM ingress
    std::map<Ptr<Node>, Firewall> vnic;
    for (auto& v : defs) vnic.emplace(v.n, Firewall(std::string("vnic:") + v.ip));
    vnic[b].rules.push_back({6, A("0.0.0.0"), M("0.0.0.0"), A("10.0.0.2"), M("255.255.255.255"), 22, 22, Verdict::REJECT}); // b: inbound ssh rejected
    vnic[a].rules.push_back({17, A("10.0.0.1"), M("255.255.255.255"), A("0.0.0.0"), M("0.0.0.0"), 5353, 5353, Verdict::DROP}); // a: outbound udp/5353 dropped
    for (uint32_t h = 0; h < 3; ++h) {
        FilterRouting::Wrap(host.Get(h), [&, h](Chain ch, uint32_t iif, uint32_t oif, Ptr<const Packet>, const Ipv4Header&, const FiveTuple& t) {
            if (ch != Chain::FORWARD) return Verdict::ALLOW;
            auto in = hostPortVm[h].find(iif);
            if (in != hostPortVm[h].end()) { Verdict v = vnic[in->second].Check(t); if (v != Verdict::ALLOW) return v; } // leaving VM
            auto out = hostPortVm[h].find(oif);
            if (out != hostPortVm[h].end()) return vnic[out->second].Check(t); // entering VM
            return Verdict::ALLOW;
        });
    }
    // (2) guest firewall on c: inbound via routing wrapper (INPUT chain), outbound via L4 down-target hook
    Firewall guestIn("guest-in:c"), guestOut("guest-out:c");
    guestIn.rules.push_back({6, A("0.0.0.0"), M("0.0.0.0"), A("0.0.0.0"), M("0.0.0.0"), 3389, 3389, Verdict::DROP});
    guestOut.rules.push_back({17, A("0.0.0.0"), M("0.0.0.0"), A("0.0.0.0"), M("0.0.0.0"), 53, 53, Verdict::DROP});
    FilterRouting::Wrap(c, [&](Chain ch, uint32_t, uint32_t, Ptr<const Packet>, const Ipv4Header&, const FiveTuple& t) {
        return ch == Chain::INPUT ? guestIn.Check(t) : Verdict::ALLOW;
    });
    HookEgress(c, &guestOut);
    // (3) gateway router: segment 0 -> segment 1 only tcp/80; everything else between segments dropped
    Firewall gwFw("gateway");
    gwFw.rules.push_back({6, A("10.0.0.0"), M("255.255.0.0"), A("10.1.0.0"), M("255.255.0.0"), 80, 80, Verdict::ALLOW});
    gwFw.rules.push_back({0, A("10.0.0.0"), M("255.0.0.0"), A("10.0.0.0"), M("255.0.0.0"), 0, 65535, Verdict::DROP});
    FilterRouting::Wrap(gw, [&](Chain ch, uint32_t, uint32_t, Ptr<const Packet>, const Ipv4Header&, const FiveTuple& t) {
        return ch == Chain::FORWARD ? gwFw.Check(t) : Verdict::ALLOW;
    });
    // (4) perimeter: outbound tcp/443 allowed, udp/53 to the internet rejected (ICMP code 13), everything else dropped
    Firewall perimFw("perimeter");
    perimFw.deflt = Verdict::DROP;
    perimFw.rules.push_back({6, A("10.0.0.0"), M("255.0.0.0"), A("0.0.0.0"), M("0.0.0.0"), 443, 443, Verdict::ALLOW});
    perimFw.rules.push_back({17, A("10.0.0.0"), M("255.0.0.0"), A("0.0.0.0"), M("0.0.0.0"), 53, 53, Verdict::REJECT});
    FilterRouting::Wrap(perim, [&](Chain ch, uint32_t, uint32_t, Ptr<const Packet>, const Ipv4Header&, const FiveTuple& t) {
        return ch == Chain::FORWARD ? perimFw.Check(t) : Verdict::ALLOW;
    });
    // (1') alternative vNIC hook: receive ErrorModel on both ends of c's link (device level)
    Firewall vnicDev("vnic-errmodel:c");
    vnicDev.rules.push_back({17, A("0.0.0.0"), M("0.0.0.0"), A("0.0.0.0"), M("0.0.0.0"), 7777, 7777, Verdict::DROP});
    auto em = CreateObject<FilterErrorModel>();
    em->fw = &vnicDev;
    DynamicCast<PointToPointNetDevice>(cDevs.Get(1))->SetReceiveErrorModel(em); // leaving c (host side)
    DynamicCast<PointToPointNetDevice>(cDevs.Get(0))->SetReceiveErrorModel(em); // entering c (VM side)

    // ================= servers =================
    for (auto n : {a, b, c, d}) for (uint16_t p : {22, 80, 445, 3389}) Listen(n, p);
    Listen(c2, 443); Listen(c2, 8080);
    UdpSink(c2, 53, "c2"); UdpSink(c, 7777, "c"); UdpSink(b, 5353, "b"); UdpSink(a, 5353, "a");

    // ================= scenarios =================
    auto at = [](double s, auto f) { Simulator::Schedule(Seconds(s), f); };
    at(1.0, [=] { TcpTry(a, A("10.0.0.2"), 80, "T1 a->b:80 same host, allowed"); });
    at(1.1, [=] { TcpTry(a, A("10.0.0.2"), 22, "T2 a->b:22 vNIC(b) REJECT -> RST"); });
    at(1.2, [=] { TcpTry(a, A("10.0.1.1"), 3389, "T3 a->c:3389 guest fw(c) DROP"); });
    at(6.0, [&] { guestIn.enabled = false; std::cout << "6 s: guest firewall on c switched OFF\n"; });
    at(6.1, [=] { TcpTry(a, A("10.0.1.1"), 3389, "T4 a->c:3389 guest fw off"); });
    at(7.0, [=] { TcpTry(a, A("10.1.0.1"), 80, "T5 a->d:80 cross-segment, gw allows"); });
    at(7.1, [=] { TcpTry(a, A("10.1.0.1"), 445, "T6 a->d:445 cross-segment, gw DROP"); });
    at(7.2, [=] { TcpTry(d, A("10.0.0.1"), 80, "T7 d->a:80 reverse, gw DROP (stateful: only replies pass)"); });
    at(10.0, [=] { TcpTry(c, A("203.0.113.10"), 443, "T8 c->C2:443 perimeter allows"); });
    at(10.1, [=] { TcpTry(c, A("203.0.113.10"), 8080, "T9 c->C2:8080 perimeter DROP"); });
    at(10.2, [=] { UdpTry(a, A("203.0.113.10"), 53, "T10 a->C2 udp/53 perimeter REJECT icmp"); });
    at(10.3, [=] { UdpTry(c, A("203.0.113.10"), 53, "T11 c->C2 udp/53 guest egress DROP"); });
    at(10.4, [=] { UdpTry(a, A("10.0.0.2"), 5353, "T12 a->b udp/5353 vNIC(a) egress DROP"); });
    at(10.5, [=] { UdpTry(a, A("10.0.1.1"), 7777, "T13 a->c udp/7777 device ErrorModel DROP"); });
    at(10.6, [=] { TcpTry(a, A("203.0.113.10"), 8080, "T14 a->C2:8080 perimeter DROP"); });
    a->GetObject<Ipv4L3Protocol>()->TraceConnectWithoutContext("LocalDeliver", MakeCallback(+[](const Ipv4Header& h, Ptr<const Packet> p, uint32_t) {
        if (h.GetProtocol() == 6) { TcpHeader t; p->PeekHeader(t); if (t.GetFlags() & TcpHeader::RST) std::cout << Simulator::Now().As(Time::MS) << " a: RST delivered " << t << "\n"; }
    }));
    Simulator::Stop(Seconds(20));
    Simulator::Run();
    for (auto* f : {&vnic[a], &vnic[b], &vnic[c], &vnic[d], &guestIn, &guestOut, &gwFw, &perimFw, &vnicDev})
        std::cout << "counter " << f->name << ": allowed=" << f->allowed << " dropped=" << f->dropped << " rejected=" << f->rejected << "\n";
    Simulator::Destroy();
}
