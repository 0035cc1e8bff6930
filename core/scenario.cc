// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#include "scenario.h"

#include "input-error.h"
#include "name-suggestion.h"

namespace segproof
{
namespace core
{

Scenario::Scenario(Parts parts) : m_parts(std::move(parts))
{
}

const Firewall*
Scenario::FindFirewall(FirewallKind kind) const
{
    const auto& slot = m_parts.firewalls[static_cast<std::size_t>(kind)];
    return slot ? &*slot : nullptr;
}

Scenario
Scenario::WithFirewall(Firewall firewall) const
{
    Parts parts = m_parts;
    parts.firewalls[static_cast<std::size_t>(firewall.kind)] = std::move(firewall);
    return Scenario(std::move(parts));
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

Posture
Scenario::ResolvePosture(const std::string& name, const std::string& option) const
{
    if (const Posture* posture = FindPosture(name))
    {
        return *posture;
    }
    if (name == "all")
    {
        return AllFirewallsPosture();
    }
    std::vector<std::string> names = {"all"};
    std::string list = "all";
    for (const auto& p : m_parts.postures)
    {
        names.push_back(p.name);
        list += ", " + p.name;
    }
    throw InputError(SourceLocation{option, 0, 0},
                     "unknown posture '" + name + "' in " + m_parts.sourceFile +
                         DidYouMean(name, names) + " (postures: " + list + ")");
}

} // namespace core
} // namespace segproof
