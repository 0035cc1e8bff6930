// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#include "seg-routing-helper.h"

#include "seg-routing.h"

namespace segproof
{
namespace sim
{

SegRoutingHelper*
SegRoutingHelper::Copy() const
{
    return new SegRoutingHelper(*this);
}

ns3::Ptr<ns3::Ipv4RoutingProtocol>
SegRoutingHelper::Create(ns3::Ptr<ns3::Node> /*node*/) const
{
    return ns3::CreateObject<SegRouting>();
}

} // namespace sim
} // namespace segproof
