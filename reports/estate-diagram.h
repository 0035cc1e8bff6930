// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#ifndef SEGPROOF_REPORTS_ESTATE_DIAGRAM_H
#define SEGPROOF_REPORTS_ESTATE_DIAGRAM_H

#include "core/scenario.h"

#include <string>

namespace segproof
{
namespace reports
{

/// The words the estate diagram writes (so that the page can be in English or Japanese).
struct EstateDiagramLabels
{
    std::string title = "The estate";
    std::string internet = "Internet";
    std::string perimeter = "perimeter firewall";
    std::string gateway = "gateway firewall";
    std::string segment = "segment";
    std::string host = "host";
    std::string desktops = "desktops"; ///< after a count: "50 desktops"
    std::string servers = "servers";
    std::string physical = "not virtualised"; ///< machines without a host (no vNIC, no DFW)
    std::string dfw = "DFW at every vNIC";
    std::string hostFirewall = "host firewall";
    std::string crownJewel = "crown jewel";
    std::string notDefined = "not defined"; ///< a firewall the scenario does not define
    std::string andMore = "and {n} more";   ///< "{n}" is replaced by a count
};

/// The estate as one standalone <svg> (same conventions as svg-charts.h): the internet and its
/// named externals at the top; the perimeter firewall; the gateway firewall; one box per
/// segment (name, VLAN, CIDR) holding one box per hypervisor host with its desktops as a count
/// and its servers by name (crown-jewel holders marked), plus machines without a host. Where
/// each firewall the scenario defines sits is drawn: perimeter and gateway as walls on the
/// links, the DFW as a mark on every vNIC (on each host box), the host firewall inside the
/// desktops it applies to. Scales to 10,000 machines and hundreds of segments: long lists are
/// cut with `andMore` so that the drawing stays readable.
std::string EstateDiagramSvg(const core::Scenario& scenario, const EstateDiagramLabels& labels);

} // namespace reports
} // namespace segproof

#endif
