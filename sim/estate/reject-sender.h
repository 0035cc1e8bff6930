// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#ifndef SEGPROOF_SIM_REJECT_SENDER_H
#define SEGPROOF_SIM_REJECT_SENDER_H

#include "five-tuple.h"

#include <ns3/node.h>

namespace segproof
{
namespace sim
{

/// Answers a rejected packet from `node`: a bare TCP RST spoofed from the original destination
/// (ns-3.37 ignores RST|ACK in SYN_SENT), else ICMP destination unreachable, code 13
/// (communication administratively prohibited). Never answers a RST.
void SendReject(ns3::Ptr<ns3::Node> node, const ns3::Ipv4Header& ip, ns3::Ptr<const ns3::Packet> l4,
                const FiveTuple& tuple);

} // namespace sim
} // namespace segproof

#endif
