// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#ifndef SEGPROOF_SIM_SEG_ROUTING_HELPER_H
#define SEGPROOF_SIM_SEG_ROUTING_HELPER_H

#include <ns3/ipv4-routing-helper.h>

namespace segproof
{
namespace sim
{

/// Gives every node a SegRouting instance (for InternetStackHelper::SetRoutingHelper).
class SegRoutingHelper : public ns3::Ipv4RoutingHelper
{
public:
    /// A copy of this helper (ns-3's helper protocol).
    SegRoutingHelper* Copy() const override;
    /// A fresh SegRouting for the node.
    ns3::Ptr<ns3::Ipv4RoutingProtocol> Create(ns3::Ptr<ns3::Node> node) const override;
};

} // namespace sim
} // namespace segproof

#endif
