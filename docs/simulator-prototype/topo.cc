// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
// topo.cc -- topology cost prototype for segproof.
// modes: custom | static | global | csmahost | simpleseg
//   custom   : VM --p2p-- host vswitch --p2p-- segment node --p2p-- gateway ; SegRouting (hash lookup)
//   static   : same topology, Ipv4StaticRouting with hierarchical prefixes
//   global   : same topology, /30 per link, Ipv4GlobalRoutingHelper::PopulateRoutingTables
//   csmahost : one CSMA LAN per host (VMs + host router), ARP pre-filled (NeighborCacheHelper),
//              host --p2p-- segment node --p2p-- gateway, static routing
//   simpleseg: one SimpleChannel per segment (all VMs + gateway port), ARP pre-filled
#include "seg-routing.h"
#include "fw.h"
#include <ns3/applications-module.h>
#include <ns3/csma-module.h>
#include <ns3/point-to-point-module.h>
#include <ns3/traffic-control-module.h>
#include <chrono>

using namespace ns3;
using Clock = std::chrono::steady_clock;
static double Sec(Clock::time_point a) { return std::chrono::duration<double>(Clock::now() - a).count(); }

static uint64_t g_e2ePkts = 0, g_hopTx = 0, g_flowsDone = 0, g_bytesRx = 0;
static uint32_t g_bytes = 10000;

// ---------- on-demand short TCP flow: sockets created at start, closed at end ----------
struct Flow {
    Ptr<Node> src, dst;
    Ipv4Address dstAddr;
    uint16_t port;
    uint32_t sent = 0, rcvd = 0;
    Ptr<Socket> listen, srv, cli;
};
static void CliSend(Flow* f, Ptr<Socket> s, uint32_t) {
    while (f->sent < g_bytes) {
        uint32_t n = std::min<uint32_t>(g_bytes - f->sent, s->GetTxAvailable());
        if (n == 0) return;
        int r = s->Send(Create<Packet>(n));
        if (r <= 0) return;
        f->sent += r;
    }
    s->SetSendCallback(MakeNullCallback<void, Ptr<Socket>, uint32_t>());
    s->Close();
}
static void SrvRecv(Flow* f, Ptr<Socket> s) {
    Ptr<Packet> p;
    while ((p = s->Recv())) {
        f->rcvd += p->GetSize();
        g_bytesRx += p->GetSize();
    }
    if (f->rcvd >= g_bytes && f->rcvd - p->GetSize() < g_bytes) {}
}
static void StartFlow(Flow* f) {
    // server: listen socket created on demand
    f->listen = Socket::CreateSocket(f->dst, TcpSocketFactory::GetTypeId());
    f->listen->Bind(InetSocketAddress(Ipv4Address::GetAny(), f->port));
    f->listen->Listen();
    f->listen->SetAcceptCallback(MakeNullCallback<bool, Ptr<Socket>, const Address&>(),
                                 MakeCallback(+[](Flow* f, Ptr<Socket> s, const Address&) {
                                     f->srv = s;
                                     s->SetRecvCallback(MakeBoundCallback(&SrvRecv, f));
                                     s->SetCloseCallbacks(MakeCallback(+[](Flow* f, Ptr<Socket> s) {
                                                              if (f->rcvd >= g_bytes) g_flowsDone++;
                                                              s->Close();
                                                              f->srv = nullptr;
                                                          }).Bind(f),
                                                          MakeNullCallback<void, Ptr<Socket>>());
                                     f->listen->Close();
                                     f->listen = nullptr;
                                 }).Bind(f));
    f->cli = Socket::CreateSocket(f->src, TcpSocketFactory::GetTypeId());
    f->cli->Bind();
    f->cli->SetConnectCallback(MakeCallback(+[](Flow* f, Ptr<Socket> s) {
                                   s->SetSendCallback(MakeBoundCallback(&CliSend, f));
                                   CliSend(f, s, 0);
                               }).Bind(f),
                               MakeNullCallback<void, Ptr<Socket>>());
    f->cli->SetCloseCallbacks(MakeCallback(+[](Flow* f, Ptr<Socket>) { f->cli = nullptr; }).Bind(f),
                              MakeCallback(+[](Flow* f, Ptr<Socket>) { f->cli = nullptr; }).Bind(f));
    f->cli->Connect(InetSocketAddress(f->dstAddr, f->port));
}

static Ipv4InterfaceContainer V4(const NetDeviceContainer& d) {
    Ipv4InterfaceContainer c;
    for (uint32_t i = 0; i < d.GetN(); ++i) {
        auto ip = d.Get(i)->GetNode()->GetObject<Ipv4>();
        c.Add(ip, ip->GetInterfaceForDevice(d.Get(i)));
    }
    return c;
}
static Ipv4Address A(uint32_t a) { return Ipv4Address(a); }

int main(int argc, char** argv) {
    std::string mode = "custom";
    uint32_t nVm = 1000, perHost = 50, nSeg = 10, nFlows = 1000, seed = 1, run = 1;
    bool ipv6 = false, qdisc = false, fw = false;
    double stop = 60;
    CommandLine cmd;
    cmd.AddValue("mode", "custom|static|global|csmahost|simpleseg", mode);
    cmd.AddValue("vms", "number of VMs", nVm);
    cmd.AddValue("perHost", "VMs per host", perHost);
    cmd.AddValue("segs", "segments", nSeg);
    cmd.AddValue("flows", "TCP flows", nFlows);
    cmd.AddValue("bytes", "bytes per flow", g_bytes);
    cmd.AddValue("ipv6", "install IPv6 stack too", ipv6);
    cmd.AddValue("fw", "custom mode: vNIC filter on every host (wrapper) + guest fw (INPUT wrapper + egress down-target) on every VM + gw filter", fw);
    cmd.AddValue("qdisc", "install default pfifo_fast root queue disc on every device (what Ipv4AddressHelper does)", qdisc);
    cmd.AddValue("seed", "seed", seed);
    cmd.AddValue("run", "run", run);
    cmd.Parse(argc, argv);
    RngSeedManager::SetSeed(seed);
    RngSeedManager::SetRun(run);
    Config::SetDefault("ns3::TcpSocket::SegmentSize", UintegerValue(1448));

    auto t0 = Clock::now();
    long rss0 = RssKb();
    uint32_t nHost = (nVm + perHost - 1) / perHost;
    NodeContainer vms, hosts, segs, gw;
    vms.Create(nVm);
    hosts.Create(nHost);
    segs.Create(nSeg);
    gw.Create(1);
    NodeContainer all(vms, hosts, segs, gw);

    InternetStackHelper stack;
    stack.SetIpv6StackInstall(ipv6);
    SegRoutingHelper segRt;
    Ipv4StaticRoutingHelper staticRt;
    if (mode == "custom") stack.SetRoutingHelper(segRt);
    else if (mode != "global") stack.SetRoutingHelper(staticRt); // global: default list (static+global)
    stack.Install(all);
    long rssStack = RssKb();
    double tStack = Sec(t0);

    auto hostSeg = [&](uint32_t h) { return h % nSeg; };
    auto hostLocal = [&](uint32_t h) { return h / nSeg; };
    auto vmAddrH = [&](uint32_t v) { // hierarchical 10.s.hl.(vl+1)
        uint32_t h = v / perHost;
        return (10u << 24) | (hostSeg(h) << 16) | (hostLocal(h) << 8) | ((v % perHost) + 1);
    };
    std::vector<Ipv4Address> vmAddr(nVm);
    uint32_t infraLink = 0;
    auto infra = [&](uint32_t k, int side) { return A((172u << 24) | (16u << 16) | (k * 4 + side)); };
    Ipv4Mask m30("255.255.255.252"), m24("255.255.255.0"), m32("255.255.255.255"), m16("255.255.0.0");

    PointToPointHelper p2p;
    p2p.SetDeviceAttribute("DataRate", StringValue("10Gbps"));
    p2p.SetChannelAttribute("Delay", StringValue("5us"));
    auto fab = std::make_shared<Fabric>();
    fab->segHostIf.assign(nSeg, std::vector<uint32_t>(nHost, 0));
    fab->gwSegIf.assign(nSeg, 0);
    auto rt = [](Ptr<Node> n) { return DynamicCast<SegRouting>(n->GetObject<Ipv4>()->GetRoutingProtocol()); };
    auto srt = [](Ptr<Node> n) { return Ipv4StaticRoutingHelper().GetStaticRouting(n->GetObject<Ipv4>()); };

    // ---------- VM attachment ----------
    if (mode == "custom" || mode == "static" || mode == "global") {
        for (uint32_t v = 0; v < nVm; ++v) {
            uint32_t h = v / perHost;
            NetDeviceContainer d = p2p.Install(vms.Get(v), hosts.Get(h));
            if (mode == "global") {
                uint32_t base = (10u << 24) + 4 * v;
                AssignAddr(d.Get(0), A(base + 1), m30);
                AssignAddr(d.Get(1), A(base + 2), m30);
                vmAddr[v] = A(base + 1);
            } else {
                vmAddr[v] = A(vmAddrH(v));
                AssignAddr(d.Get(0), vmAddr[v], m24);
                uint32_t hif = AssignAddr(d.Get(1), A((vmAddrH(v) & 0xffffff00u) | 254), m32);
                if (mode == "custom") {
                    auto r = rt(vms.Get(v));
                    r->role = SegRouting::VM;
                    r->upIf = 1;
                    fab->ipToVm[vmAddr[v].Get()] = VmLoc{h, (uint16_t)hostSeg(h), (uint16_t)hif};
                    auto hr = rt(hosts.Get(h));
                    if (hr->ifSeg.size() <= hif) hr->ifSeg.resize(hif + 1, hostSeg(h));
                } else {
                    srt(vms.Get(v))->SetDefaultRoute(A((vmAddrH(v) & 0xffffff00u) | 254), 1);
                    srt(hosts.Get(h))->AddHostRouteTo(vmAddr[v], hif);
                }
            }
        }
    } else if (mode == "csmahost") {
        CsmaHelper csma;
        csma.SetChannelAttribute("DataRate", StringValue("10Gbps"));
        csma.SetChannelAttribute("Delay", StringValue("1us"));
        NeighborCacheHelper nch;
        for (uint32_t h = 0; h < nHost; ++h) {
            NodeContainer lan;
            for (uint32_t v = h * perHost; v < std::min(nVm, (h + 1) * perHost); ++v) lan.Add(vms.Get(v));
            lan.Add(hosts.Get(h));
            NetDeviceContainer d = csma.Install(lan);
            for (uint32_t i = 0; i + 1 < d.GetN(); ++i) {
                uint32_t v = h * perHost + i;
                vmAddr[v] = A(vmAddrH(v));
                AssignAddr(d.Get(i), vmAddr[v], m24);
                srt(vms.Get(v))->SetDefaultRoute(A((vmAddrH(v) & 0xffffff00u) | 254), 1);
            }
            AssignAddr(d.Get(d.GetN() - 1), A((vmAddrH(h * perHost) & 0xffffff00u) | 254), m24);
            nch.PopulateNeighborCache(V4(d)); // NetDeviceContainer overload segfaults without IPv6
        }
    } else if (mode == "simpleseg") {
        // one L2 channel per segment; VMs of all hosts of that segment + a gateway port
        NeighborCacheHelper nch;
        std::vector<NodeContainer> segNodes(nSeg);
        for (uint32_t v = 0; v < nVm; ++v) segNodes[hostSeg(v / perHost)].Add(vms.Get(v));
        for (uint32_t s = 0; s < nSeg; ++s) {
            segNodes[s].Add(gw.Get(0));
            SimpleNetDeviceHelper sh;
            sh.SetChannelAttribute("Delay", TimeValue(MicroSeconds(5)));
            sh.SetDeviceAttribute("DataRate", DataRateValue(DataRate("10Gbps")));
            NetDeviceContainer d = sh.Install(segNodes[s]);
            for (uint32_t i = 0; i + 1 < d.GetN(); ++i) {
                uint32_t v = segNodes[s].Get(i)->GetId() - vms.Get(0)->GetId();
                vmAddr[v] = A(vmAddrH(v));
                AssignAddr(d.Get(i), vmAddr[v], m16);
                srt(vms.Get(v))->SetDefaultRoute(A((10u << 24) | (s << 16) | 0xfffe), 1);
            }
            AssignAddr(d.Get(d.GetN() - 1), A((10u << 24) | (s << 16) | 0xfffe), m16);
            nch.PopulateNeighborCache(V4(d));
        }
    }
    double tVm = Sec(t0);
    long rssVm = RssKb();

    // ---------- fabric: host -> segment node -> gateway ----------
    if (mode != "simpleseg") {
        p2p.SetDeviceAttribute("DataRate", StringValue("40Gbps"));
        for (uint32_t h = 0; h < nHost; ++h) {
            uint32_t s = hostSeg(h);
            NetDeviceContainer d = p2p.Install(hosts.Get(h), segs.Get(s));
            uint32_t k = infraLink++;
            uint32_t hup = AssignAddr(d.Get(0), infra(k, 1), m30);
            uint32_t sif = AssignAddr(d.Get(1), infra(k, 2), m30);
            if (mode == "custom") {
                auto hr = rt(hosts.Get(h));
                hr->role = SegRouting::HOST;
                hr->id = h;
                hr->upIf = hup;
                if (hr->ifSeg.size() <= hup) hr->ifSeg.resize(hup + 1, s);
                fab->segHostIf[s][h] = sif;
            } else if (mode != "global") {
                srt(hosts.Get(h))->SetDefaultRoute(infra(k, 2), hup);
                srt(segs.Get(s))->AddNetworkRouteTo(A((10u << 24) | (s << 16) | (hostLocal(h) << 8)), m24, infra(k, 1), sif);
            }
        }
        for (uint32_t s = 0; s < nSeg; ++s) {
            NetDeviceContainer d = p2p.Install(segs.Get(s), gw.Get(0));
            uint32_t k = infraLink++;
            uint32_t sup = AssignAddr(d.Get(0), infra(k, 1), m30);
            uint32_t gif = AssignAddr(d.Get(1), infra(k, 2), m30);
            if (mode == "custom") {
                auto sr = rt(segs.Get(s));
                sr->role = SegRouting::SEG;
                sr->id = s;
                sr->upIf = sup;
                fab->gwSegIf[s] = gif;
            } else if (mode != "global") {
                srt(segs.Get(s))->SetDefaultRoute(infra(k, 2), sup);
                srt(gw.Get(0))->AddNetworkRouteTo(A((10u << 24) | (s << 16)), m16, infra(k, 1), gif);
            }
        }
        if (mode == "custom") {
            rt(gw.Get(0))->role = SegRouting::GW;
            for (uint32_t n = 0; n < all.GetN(); ++n) rt(all.Get(n))->fab = fab;
        }
    }
    double tFabric = Sec(t0);
    long rssFabric = RssKb();
    if (mode == "global") Ipv4GlobalRoutingHelper::PopulateRoutingTables();
    double tRouting = Sec(t0);
    long rssRouting = RssKb();

    if (qdisc) {
        TrafficControlHelper tch = TrafficControlHelper::Default();
        for (uint32_t n = 0; n < all.GetN(); ++n)
            for (uint32_t i = 1; i < all.Get(n)->GetNDevices(); ++i) tch.Install(all.Get(n)->GetDevice(i));
    }
    long rssQd = RssKb();
    if (qdisc) printf("qdisc install: +%.1f MB\n", (rssQd - rssRouting) / 1024.0);
    std::vector<Firewall> vnicFw, guestIn, guestOut;
    Firewall gwFw("gw");
    if (fw && mode == "custom") {
        long r = RssKb();
        vnicFw.resize(nVm); guestIn.resize(nVm); guestOut.resize(nVm);
        Rule deny445; deny445.proto = 6; deny445.dLo = deny445.dHi = 445; deny445.act = Verdict::DROP;
        for (uint32_t v = 0; v < nVm; ++v) {
            vnicFw[v].rules.push_back(deny445); guestIn[v].rules.push_back(deny445); guestOut[v].rules.push_back(deny445);
            Firewall* gi = &guestIn[v];
            FilterRouting::Wrap(vms.Get(v), [gi](Chain ch, uint32_t, uint32_t, Ptr<const Packet>, const Ipv4Header&, const FiveTuple& t) {
                return ch == Chain::INPUT ? gi->Check(t) : Verdict::ALLOW; });
            HookEgress(vms.Get(v), &guestOut[v]);
        }
        auto vmIdx = std::make_shared<std::unordered_map<uint32_t, uint32_t>>();
        for (uint32_t v = 0; v < nVm; ++v) (*vmIdx)[vmAddr[v].Get()] = v;
        for (uint32_t h = 0; h < nHost; ++h) {
            FilterRouting::Wrap(hosts.Get(h), [&vnicFw, vmIdx, h, perHost](Chain ch, uint32_t iif, uint32_t oif, Ptr<const Packet>, const Ipv4Header&, const FiveTuple& t) {
                if (ch != Chain::FORWARD) return Verdict::ALLOW;
                // VM ports are interfaces 1..perHost on the host (attached first)
                if (iif >= 1 && iif <= perHost) { Verdict v = vnicFw[vmIdx->at(t.src)].Check(t); if (v != Verdict::ALLOW) return v; }
                if (oif >= 1 && oif <= perHost) return vnicFw[vmIdx->at(t.dst)].Check(t);
                return Verdict::ALLOW; });
        }
        FilterRouting::Wrap(gw.Get(0), [&gwFw](Chain ch, uint32_t, uint32_t, Ptr<const Packet>, const Ipv4Header&, const FiveTuple& t) {
            return ch == Chain::FORWARD ? gwFw.Check(t) : Verdict::ALLOW; });
        printf("firewall install: +%.1f MB (%.2f KB/VM, empty conntrack)\n", (RssKb() - r) / 1024.0, double(RssKb() - r) / nVm);
    }
    // queue discs present?
    uint32_t qd = 0;
    for (uint32_t n = 0; n < all.GetN(); ++n) {
        auto tc = all.Get(n)->GetObject<TrafficControlLayer>();
        for (uint32_t i = 0; tc && i < all.Get(n)->GetNDevices(); ++i)
            if (tc->GetRootQueueDiscOnDevice(all.Get(n)->GetDevice(i))) qd++;
    }

    // ---------- traffic ----------
    for (uint32_t n = 0; n < all.GetN(); ++n) {
        auto l3 = all.Get(n)->GetObject<Ipv4L3Protocol>();
        l3->TraceConnectWithoutContext("SendOutgoing", MakeCallback(+[](const Ipv4Header&, Ptr<const Packet>, uint32_t) { g_e2ePkts++; }));
        l3->TraceConnectWithoutContext("Tx", MakeCallback(+[](Ptr<const Packet>, Ptr<Ipv4>, uint32_t) { g_hopTx++; }));
    }
    auto uv = CreateObject<UniformRandomVariable>();
    uv->SetStream(1);
    std::vector<Flow> flows(nFlows);
    for (uint32_t i = 0; i < nFlows; ++i) {
        uint32_t a = uv->GetInteger(0, nVm - 1), b;
        do b = uv->GetInteger(0, nVm - 1); while (b == a);
        flows[i].src = vms.Get(a);
        flows[i].dst = vms.Get(b);
        flows[i].dstAddr = vmAddr[b];
        flows[i].port = 1000 + (i % 60000);
        Simulator::ScheduleWithContext(vms.Get(a)->GetId(), Seconds(uv->GetValue(0, 10)), &StartFlow, &flows[i]);
    }
    Simulator::Stop(Seconds(stop));
    double tSetup = Sec(t0);
    auto tr = Clock::now();
    Simulator::Run();
    double tRun = Sec(tr);
    long rssRun = RssKb();
    uint64_t liveSock = 0;
    for (uint32_t n = 0; n < all.GetN(); ++n) {
        ObjectVectorValue v;
        all.Get(n)->GetObject<TcpL4Protocol>()->GetAttribute("SocketList", v);
        liveSock += v.GetN();
    }
    printf("live TCP sockets in TcpL4Protocol lists after run: %lu\n", liveSock);
    {
        uint64_t onSrc = 0, onDst = 0;
        for (auto& f : flows) {
            ObjectVectorValue v;
            f.src->GetObject<TcpL4Protocol>()->GetAttribute("SocketList", v); onSrc += v.GetN();
            f.dst->GetObject<TcpL4Protocol>()->GetAttribute("SocketList", v); onDst += v.GetN();
        }
        printf("  (summed over flows) on src nodes=%lu on dst nodes=%lu; flow ptrs still held: cli=%d srv=%d listen=%d\n", onSrc, onDst,
               (int)std::count_if(flows.begin(), flows.end(), [](Flow& f){return bool(f.cli);}),
               (int)std::count_if(flows.begin(), flows.end(), [](Flow& f){return bool(f.srv);}),
               (int)std::count_if(flows.begin(), flows.end(), [](Flow& f){return bool(f.listen);}));
    }
    uint64_t ev = Simulator::GetEventCount();
    uint32_t nNodes = all.GetN();
    if (fw) {
        uint64_t al = 0, dr = 0;
        for (auto& f : vnicFw) { al += f.allowed; dr += f.dropped; }
        printf("vnic checks allowed=%lu dropped=%lu; gw allowed=%lu\n", al, dr, gwFw.allowed);
    }
    Simulator::Destroy();
    printf("mode=%s vms=%u nodes=%u ipv6=%d queueDiscs=%u\n", mode.c_str(), nVm, nNodes, ipv6, qd);
    printf("time[s]: stack=%.2f vmAttach=%.2f fabric=%.2f routing=%.2f setupTotal=%.2f run=%.2f\n",
           tStack, tVm - tStack, tFabric - tVm, tRouting - tFabric, tSetup, tRun);
    printf("rss[MB]: base=%.1f +stack=%.1f +vmAttach=%.1f +fabric=%.1f +routing=%.1f afterRun=%.1f  perNode(after routing)=%.1f KB\n",
           rss0 / 1024.0, rssStack / 1024.0, rssVm / 1024.0, rssFabric / 1024.0, rssRouting / 1024.0, rssRun / 1024.0,
           double(rssRouting - rss0) / nNodes);
    printf("flowsDone=%lu/%u bytesRx=%lu events=%lu e2ePkts=%lu hopTx=%lu events/e2ePkt=%.2f events/hop=%.2f\n",
           g_flowsDone, nFlows, g_bytesRx, ev, g_e2ePkts, g_hopTx, double(ev) / g_e2ePkts, double(ev) / g_hopTx);
    return 0;
}
