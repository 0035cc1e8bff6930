// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
// seg-routing.h -- "L2-semantics" routing for a VDI estate built from point-to-point links.
// One Ipv4RoutingProtocol class used on every node; decisions come from a shared,
// immutable fabric table (O(1) per node memory, O(1) hash lookup per packet, zero setup time).
// Also the hook point for enforcement: RouteInput/RouteOutput can drop (see filters.cc).
#pragma once
#include <ns3/core-module.h>
#include <ns3/internet-module.h>
#include <ns3/network-module.h>
#include <memory>
#include <unordered_map>
#include <vector>

namespace ns3 {

struct VmLoc {
    uint32_t host;   // host index
    uint16_t seg;    // segment index
    uint16_t hostIf; // interface index on the host (vswitch) node leading to this VM
};

struct Fabric {
    std::unordered_map<uint32_t, VmLoc> ipToVm; // key: Ipv4Address::Get()
    std::vector<std::vector<uint32_t>> segHostIf; // [seg][host] -> ifIndex on segment node (0=none)
    std::vector<uint32_t> gwSegIf;                // [seg] -> ifIndex on gateway
    uint32_t gwDefaultIf = 0;                     // gateway -> perimeter (0 = none)
    const VmLoc* Find(Ipv4Address a) const {
        auto it = ipToVm.find(a.Get());
        return it == ipToVm.end() ? nullptr : &it->second;
    }
};

class SegRouting : public Ipv4RoutingProtocol {
  public:
    enum Role { VM, HOST, SEG, GW, OTHER };
    static TypeId GetTypeId() {
        static TypeId tid = TypeId("ns3::SegRouting").SetParent<Ipv4RoutingProtocol>().SetGroupName("Internet").AddConstructor<SegRouting>();
        return tid;
    }
    Role role = OTHER;
    uint32_t id = 0;                  // host index / segment index
    uint32_t upIf = 1;                // VM: 1; host: uplink; seg: link to gw
    std::vector<uint16_t> ifSeg;      // host: segment of each interface (ingress segment)
    std::shared_ptr<const Fabric> fab;

    // Returns out interface, 0 = no route.
    uint32_t OutIf(Ipv4Address dst, uint32_t iif) const {
        const VmLoc* l = fab ? fab->Find(dst) : nullptr;
        switch (role) {
        case VM: return upIf;
        case HOST:
            if (l && l->host == id && (iif == UINT32_MAX || iif >= ifSeg.size() || l->seg == ifSeg[iif]))
                return l->hostIf;
            return upIf; // same-segment remote host or other segment: go to segment node
        case SEG:
            if (l && l->seg == id) return fab->segHostIf[id][l->host];
            return upIf;
        case GW:
            if (l) return fab->gwSegIf[l->seg];
            return fab->gwDefaultIf;
        default: return upIf;
        }
    }
    Ptr<Ipv4Route> RouteVia(uint32_t oif) {
        if (oif >= m_cache.size()) m_cache.resize(m_ipv4->GetNInterfaces());
        Ptr<Ipv4Route>& r = m_cache[oif];
        if (!r) {
            r = Create<Ipv4Route>();
            r->SetOutputDevice(m_ipv4->GetNetDevice(oif));
            r->SetGateway(Ipv4Address::GetZero()); // p2p: no ARP, no next hop needed
            if (m_ipv4->GetNAddresses(oif)) r->SetSource(m_ipv4->GetAddress(oif, 0).GetLocal());
        }
        return r;
    }
    // ---- Ipv4RoutingProtocol ----
    Ptr<Ipv4Route> RouteOutput(Ptr<Packet> p, const Ipv4Header& h, Ptr<NetDevice> oif, Socket::SocketErrno& err) override {
        uint32_t o = OutIf(h.GetDestination(), UINT32_MAX);
        if (!o) { err = Socket::ERROR_NOROUTETOHOST; return nullptr; }
        err = Socket::ERROR_NOTERROR;
        Ptr<Ipv4Route> r = RouteVia(o);
        r->SetDestination(h.GetDestination());
        return r;
    }
    bool RouteInput(Ptr<const Packet> p, const Ipv4Header& h, Ptr<const NetDevice> idev,
                    UnicastForwardCallback ucb, MulticastForwardCallback, LocalDeliverCallback lcb,
                    ErrorCallback ecb) override {
        uint32_t iif = m_ipv4->GetInterfaceForDevice(idev);
        Ipv4Address dst = h.GetDestination();
        bool isVmAddr = fab && fab->Find(dst);
        if ((role == VM || role == OTHER || !isVmAddr) && m_ipv4->IsDestinationAddress(dst, iif)) {
            if (!lcb.IsNull()) { lcb(p, h, iif); return true; }
            return false;
        }
        if (role == VM || role == OTHER) return false; // end hosts do not forward
        uint32_t o = OutIf(dst, iif);
        if (!o || o == iif) { ecb(p, h, Socket::ERROR_NOROUTETOHOST); return true; }
        ucb(RouteVia(o), p, h);
        return true;
    }
    void NotifyInterfaceUp(uint32_t) override {}
    void NotifyInterfaceDown(uint32_t) override {}
    void NotifyAddAddress(uint32_t, Ipv4InterfaceAddress) override {}
    void NotifyRemoveAddress(uint32_t, Ipv4InterfaceAddress) override {}
    void SetIpv4(Ptr<Ipv4> ipv4) override { m_ipv4 = ipv4; }
    void PrintRoutingTable(Ptr<OutputStreamWrapper> s, Time::Unit) const override { *s->GetStream() << "SegRouting role=" << role << "\n"; }

  protected:
    void DoDispose() override { m_cache.clear(); m_ipv4 = nullptr; Ipv4RoutingProtocol::DoDispose(); }
    Ptr<Ipv4> m_ipv4;
    std::vector<Ptr<Ipv4Route>> m_cache;
};

class SegRoutingHelper : public Ipv4RoutingHelper {
  public:
    SegRoutingHelper* Copy() const override { return new SegRoutingHelper(*this); }
    Ptr<Ipv4RoutingProtocol> Create(Ptr<Node>) const override { return CreateObject<SegRouting>(); }
};

// Assign an address WITHOUT Ipv4AddressHelper (which installs a default pfifo_fast
// root queue disc on every device => ~340 KB/node). Returns interface index.
inline uint32_t AssignAddr(Ptr<NetDevice> dev, Ipv4Address a, Ipv4Mask m) {
    Ptr<Ipv4> ipv4 = dev->GetNode()->GetObject<Ipv4>();
    int32_t i = ipv4->GetInterfaceForDevice(dev);
    if (i < 0) i = ipv4->AddInterface(dev);
    ipv4->AddAddress(i, Ipv4InterfaceAddress(a, m));
    ipv4->SetMetric(i, 1);
    ipv4->SetUp(i);
    return i;
}

inline long RssKb() {
    FILE* f = fopen("/proc/self/status", "r");
    char line[256];
    long kb = -1;
    while (f && fgets(line, sizeof line, f))
        if (!strncmp(line, "VmRSS:", 6)) kb = atol(line + 6);
    if (f) fclose(f);
    return kb;
}

} // namespace ns3
