// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
// determinism.cc -- same-process repeat runs, fork() per run, and (unsafe) threads.
#include "seg-routing.h"
#include <ns3/point-to-point-module.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

using namespace ns3;

struct Res { uint64_t h = 1469598103934665603ull, hUid = 1469598103934665603ull; uint64_t events = 0; };
static Res* g_res;
static void Mix(uint64_t& h, uint64_t v) { for (int i = 0; i < 8; ++i) { h ^= (v >> (8 * i)) & 0xff; h *= 1099511628211ull; } }

static void UdpBurst(Ptr<Node> src, Ipv4Address dst, uint32_t n) {
    Ptr<Socket> s = Socket::CreateSocket(src, UdpSocketFactory::GetTypeId());
    s->Bind();
    for (uint32_t i = 0; i < n; ++i) s->SendTo(Create<Packet>(200 + i), 0, InetSocketAddress(dst, 9));
    s->Close();
}

// explicitStreams: every RandomVariableStream gets SetStream(k); otherwise ns-3 auto-assigns stream numbers
static Res RunOnce(uint32_t seed, uint32_t run, bool explicitStreams, uint32_t nVm = 200) {
    Res r;
    g_res = &r;
    RngSeedManager::SetSeed(seed);
    RngSeedManager::SetRun(run);
    NodeContainer vms, hosts, gw;
    vms.Create(nVm); hosts.Create(nVm / 20); gw.Create(1);
    InternetStackHelper st; st.SetIpv6StackInstall(false);
    SegRoutingHelper srh; st.SetRoutingHelper(srh);
    st.Install(NodeContainer(vms, hosts, gw));
    // single segment; hosts act as HOST, gw acts as SEG node (enough for determinism checks)
    auto fab = std::make_shared<Fabric>();
    fab->segHostIf.assign(1, std::vector<uint32_t>(hosts.GetN(), 0));
    PointToPointHelper p2p;
    auto rt = [](Ptr<Node> n) { return DynamicCast<SegRouting>(n->GetObject<Ipv4>()->GetRoutingProtocol()); };
    std::vector<Ipv4Address> addr(nVm);
    for (uint32_t v = 0; v < nVm; ++v) {
        uint32_t h = v / 20;
        auto d = p2p.Install(vms.Get(v), hosts.Get(h));
        addr[v] = Ipv4Address((10u << 24) | (h << 8) | (v % 20 + 1));
        AssignAddr(d.Get(0), addr[v], Ipv4Mask("255.255.255.0"));
        uint32_t hif = AssignAddr(d.Get(1), Ipv4Address((10u << 24) | (h << 8) | 254), Ipv4Mask("255.255.255.255"));
        rt(vms.Get(v))->role = SegRouting::VM;
        fab->ipToVm[addr[v].Get()] = VmLoc{h, 0, (uint16_t)hif};
    }
    for (uint32_t h = 0; h < hosts.GetN(); ++h) {
        auto d = p2p.Install(hosts.Get(h), gw.Get(0));
        auto hr = rt(hosts.Get(h));
        hr->role = SegRouting::HOST; hr->id = h;
        hr->upIf = AssignAddr(d.Get(0), Ipv4Address((172u << 24) | (4 * h + 1)), Ipv4Mask("255.255.255.252"));
        fab->segHostIf[0][h] = AssignAddr(d.Get(1), Ipv4Address((172u << 24) | (4 * h + 2)), Ipv4Mask("255.255.255.252"));
    }
    rt(gw.Get(0))->role = SegRouting::SEG;
    for (uint32_t i = 0; i < NodeContainer(vms, hosts, gw).GetN(); ++i) rt(NodeContainer(vms, hosts, gw).Get(i))->fab = fab;
    for (uint32_t i = 0; i < NodeContainer(vms, hosts, gw).GetN(); ++i)
        NodeContainer(vms, hosts, gw).Get(i)->GetObject<Ipv4L3Protocol>()->TraceConnectWithoutContext(
            "Tx", MakeCallback(+[](Ptr<const Packet> p, Ptr<Ipv4> ip, uint32_t i) {
                uint64_t v = Simulator::Now().GetNanoSeconds() ^ (uint64_t(ip->GetObject<Node>()->GetId()) << 48) ^ (uint64_t(p->GetSize()) << 32) ^ i;
                Mix(g_res->h, v);
                Mix(g_res->hUid, v ^ p->GetUid());
            }));
    Ptr<UniformRandomVariable> uv = CreateObject<UniformRandomVariable>();
    if (explicitStreams) uv->SetStream(7);
    for (uint32_t i = 0; i < 300; ++i) {
        uint32_t a = uv->GetInteger(0, nVm - 1), b = (a + 1 + uv->GetInteger(0, nVm - 2)) % nVm;
        Simulator::Schedule(Seconds(uv->GetValue(0, 1)), &UdpBurst, vms.Get(a), addr[b], 3);
    }
    Simulator::Stop(Seconds(2));
    Simulator::Run();
    r.events = Simulator::GetEventCount();
    Simulator::Destroy();
    return r;
}

static void Print(const char* what, const Res& r) { printf("%-52s hash=%016lx hashWithUid=%016lx events=%lu\n", what, r.h, r.hUid, r.events); }

int main(int argc, char** argv) {
    std::string test = "all";
    CommandLine cmd;
    cmd.AddValue("test", "all|threads", test);
    cmd.Parse(argc, argv);
    if (test == "threads") {
        // ns-3's Simulator, NodeList, Config, RNG seed manager are process-global singletons: NOT thread-safe.
        Res r1, r2;
        std::thread t1([&] { r1 = RunOnce(1, 1, true, 400); });
        std::thread t2([&] { r2 = RunOnce(1, 2, true, 400); });
        t1.join(); t2.join();
        Print("thread run=1", r1); Print("thread run=2", r2);
        return 0;
    }
    if (test == "fresh") { Print("fresh process seed=1 run=1 AUTO stream", RunOnce(1, 1, false)); return 0; }
    if (test == "forkfirst") {
        pid_t pid = fork();
        if (pid == 0) { Print("fork (from pristine parent) seed=1 run=1 AUTO", RunOnce(1, 1, false)); fflush(stdout); _exit(0); }
        waitpid(pid, nullptr, 0);
        Print("parent after child, seed=1 run=1 AUTO", RunOnce(1, 1, false));
        return 0;
    }
    Print("in-process #1 seed=1 run=1 explicit stream", RunOnce(1, 1, true));
    Print("in-process #2 seed=1 run=1 explicit stream", RunOnce(1, 1, true));
    Print("in-process #3 seed=1 run=1 AUTO stream", RunOnce(1, 1, false));
    Print("in-process #4 seed=1 run=1 AUTO stream", RunOnce(1, 1, false));
    Print("in-process #5 seed=1 run=2 explicit stream", RunOnce(1, 2, true));
    // fork: each child is a fresh copy of the (pristine) parent state -> identical to a fresh process
    for (uint32_t run : {1u, 2u}) {
        int fd[2];
        if (pipe(fd)) return 1;
        pid_t pid = fork();
        if (pid == 0) {
            Res r = RunOnce(1, run, false);
            if (write(fd[1], &r, sizeof r) != sizeof r) _exit(1);
            _exit(0);
        }
        Res r;
        if (read(fd[0], &r, sizeof r) != sizeof r) return 1;
        waitpid(pid, nullptr, 0);
        char buf[80];
        snprintf(buf, sizeof buf, "fork child seed=1 run=%u AUTO stream", run);
        Print(buf, r);
    }
    return 0;
}
