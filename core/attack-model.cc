// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#include "attack-model.h"

namespace segproof
{
namespace core
{

std::string
AttackProfileName(AttackProfile profile)
{
    switch (profile)
    {
    case AttackProfile::Targeted:
        return "targeted";
    case AttackProfile::Worm:
        return "worm";
    }
    return "targeted";
}

std::string
SampleKindName(SampleKind kind)
{
    switch (kind)
    {
    case SampleKind::New:
        return "new";
    case SampleKind::Known:
        return "known";
    }
    return "new";
}

std::string
WormTargetingName(WormTargeting targeting)
{
    switch (targeting)
    {
    case WormTargeting::SubnetFirst:
        return "subnet-first";
    case WormTargeting::Random:
        return "random";
    }
    return "subnet-first";
}

std::string
LateralTechniqueName(LateralTechnique technique)
{
    switch (technique)
    {
    case LateralTechnique::Smb:
        return "smb";
    case LateralTechnique::Rdp:
        return "rdp";
    case LateralTechnique::WinRm:
        return "winrm";
    }
    return "smb";
}

std::uint16_t
LateralTechniquePort(LateralTechnique technique)
{
    switch (technique)
    {
    case LateralTechnique::Smb:
        return 445;
    case LateralTechnique::Rdp:
        return 3389;
    case LateralTechnique::WinRm:
        return 5985; // WinRM over HTTP; 5986 (HTTPS) is left out, as ATT&CK's examples do
    }
    return 445;
}

std::string
IdsSignatureName(IdsSignature signature)
{
    switch (signature)
    {
    case IdsSignature::SmbExploit:
        return "smb_exploit";
    case IdsSignature::PassTheHash:
        return "pass_the_hash";
    case IdsSignature::RemoteExecution:
        return "remote_exec";
    case IdsSignature::Rdp:
        return "rdp";
    case IdsSignature::Beacon:
        return "beacon";
    case IdsSignature::Upload:
        return "upload";
    }
    return "smb_exploit";
}

std::string
AlertSourceName(AlertSource source)
{
    switch (source)
    {
    case AlertSource::Antivirus:
        return "av";
    case AlertSource::Monitoring:
        return "monitoring";
    case AlertSource::Ids:
        return "ids";
    case AlertSource::Pattern:
        return "pattern";
    }
    return "av";
}

} // namespace core
} // namespace segproof
