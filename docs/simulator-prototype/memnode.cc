// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
// memnode.cc -- per-node / per-socket memory of ns-3 3.37 building blocks (RSS deltas, N objects).
#include "seg-routing.h"
#include <ns3/applications-module.h>
#include <ns3/point-to-point-module.h>
#include <ns3/traffic-control-module.h>

using namespace ns3;

int main(int argc, char** argv) {
    uint32_t n = 5000;
    std::string what = "stack4";
    CommandLine cmd;
    cmd.AddValue("n", "count", n);
    cmd.AddValue("what", "bare|stack4|stack46|stack4seg|p2p|p2p-assign-helper|tcpsock|listen|sinkapp", what);
    cmd.Parse(argc, argv);
    NodeContainer nodes;
    long r0 = RssKb();
    // pairs of nodes so that p2p variants have something to link
    nodes.Create(what == "p2p" || what == "p2p-assign-helper" ? 2 * n : n);
    long r1 = RssKb();
    InternetStackHelper st;
    st.SetIpv6StackInstall(what == "stack46");
    SegRoutingHelper srh;
    Ipv4StaticRoutingHelper sth;
    if (what == "stack4seg" || what == "p2p" || what == "tcpsock" || what == "listen" || what == "sinkapp") st.SetRoutingHelper(srh);
    else st.SetRoutingHelper(sth);
    if (what != "bare") st.Install(nodes);
    long r2 = RssKb();
    PointToPointHelper p2p;
    if (what == "p2p" || what == "p2p-assign-helper") {
        Ipv4AddressHelper ah("10.0.0.0", "255.255.255.252");
        for (uint32_t i = 0; i < n; ++i) {
            NetDeviceContainer d = p2p.Install(nodes.Get(2 * i), nodes.Get(2 * i + 1));
            if (what == "p2p") {
                AssignAddr(d.Get(0), Ipv4Address((10u << 24) + 4 * i + 1), Ipv4Mask("255.255.255.252"));
                AssignAddr(d.Get(1), Ipv4Address((10u << 24) + 4 * i + 2), Ipv4Mask("255.255.255.252"));
            } else {
                ah.Assign(d);
                ah.NewNetwork();
            }
        }
        uint32_t qd = 0;
        for (uint32_t i = 0; i < nodes.GetN(); ++i)
            if (nodes.Get(i)->GetObject<TrafficControlLayer>()->GetRootQueueDiscOnDevice(nodes.Get(i)->GetDevice(1))) qd++;
        printf("root queue discs installed: %u of %u devices\n", qd, nodes.GetN());
    }
    long r3 = RssKb();
    std::vector<Ptr<Socket>> socks;
    ApplicationContainer apps;
    if (what == "tcpsock" || what == "listen") {
        for (uint32_t i = 0; i < n; ++i) {
            Ptr<Socket> s = Socket::CreateSocket(nodes.Get(i), TcpSocketFactory::GetTypeId());
            if (what == "listen") { s->Bind(InetSocketAddress(Ipv4Address::GetAny(), 80)); s->Listen(); }
            socks.push_back(s);
        }
    }
    if (what == "sinkapp") {
        PacketSinkHelper sink("ns3::TcpSocketFactory", InetSocketAddress(Ipv4Address::GetAny(), 80));
        apps = sink.Install(nodes);
        apps.Start(Seconds(0));
        Simulator::Stop(Seconds(0.001));
        Simulator::Run(); // StartApplication creates the listening socket
    }
    long r4 = RssKb();
    printf("what=%s n=%u : nodes %.2f KB/node, stack %.2f KB/node, devices+addr %.2f KB/link-pair, sockets/apps %.2f KB each\n", what.c_str(), n,
           double(r1 - r0) / nodes.GetN(), double(r2 - r1) / nodes.GetN(), double(r3 - r2) / std::max<uint32_t>(1, n),
           double(r4 - r3) / std::max<uint32_t>(1, n));
    Simulator::Destroy();
}
