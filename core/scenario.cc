#include "scenario.h"

namespace segproof
{
namespace core
{

Scenario::Scenario(Parts parts)
    : m_parts(std::move(parts))
{
}

const Firewall*
Scenario::FindFirewall(FirewallKind kind) const
{
    const auto& slot = m_parts.firewalls[static_cast<std::size_t>(kind)];
    return slot ? &*slot : nullptr;
}

const Group*
Scenario::FindGroup(const std::string& name) const
{
    for (const auto& g : m_parts.groups)
    {
        if (g.name == name)
        {
            return &g;
        }
    }
    return nullptr;
}

const Posture*
Scenario::FindPosture(const std::string& name) const
{
    for (const auto& p : m_parts.postures)
    {
        if (p.name == name)
        {
            return &p;
        }
    }
    return nullptr;
}

Posture
Scenario::AllFirewallsPosture() const
{
    Posture posture;
    posture.name = "all";
    for (auto kind : kAllFirewallKinds)
    {
        posture.inForce[static_cast<std::size_t>(kind)] = FindFirewall(kind) != nullptr;
    }
    return posture;
}

} // namespace core
} // namespace segproof
