// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#include "policy.h"

namespace segproof
{
namespace core
{

std::string
AddressRef::ToString() const
{
    std::string text;
    for (const auto& w : written)
    {
        text += (text.empty() ? "" : ", ") + w;
    }
    return text;
}

std::string
ActionName(Action action)
{
    switch (action)
    {
    case Action::Allow:
        return "allow";
    case Action::Drop:
        return "drop";
    case Action::Reject:
        return "reject";
    case Action::JumpToApplication:
        return "jump_to_application";
    }
    return "?";
}

std::string
DirectionName(Direction direction)
{
    switch (direction)
    {
    case Direction::In:
        return "in";
    case Direction::Out:
        return "out";
    case Direction::InOut:
        return "in_out";
    }
    return "?";
}

std::string
FirewallKindName(FirewallKind kind)
{
    switch (kind)
    {
    case FirewallKind::Dfw:
        return "dfw";
    case FirewallKind::Gateway:
        return "gateway";
    case FirewallKind::Perimeter:
        return "perimeter";
    case FirewallKind::Host:
        return "host";
    }
    return "?";
}

std::string
Posture::FirewallList() const
{
    std::string text;
    for (auto kind : kAllFirewallKinds)
    {
        if (Has(kind))
        {
            text += (text.empty() ? "" : ", ") + FirewallKindName(kind);
        }
    }
    return text.empty() ? "(none)" : text;
}

std::string
IdsModeName(IdsMode mode)
{
    switch (mode)
    {
    case IdsMode::Off:
        return "off";
    case IdsMode::Detect:
        return "detect";
    case IdsMode::Prevent:
        return "prevent";
    }
    return "off";
}

std::string
IntentKindName(IntentKind kind)
{
    switch (kind)
    {
    case IntentKind::Deny:
        return "deny";
    case IntentKind::Allow:
        return "allow";
    case IntentKind::Only:
        return "only";
    }
    return "?";
}

} // namespace core
} // namespace segproof
