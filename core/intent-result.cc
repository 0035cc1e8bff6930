// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#include "intent-result.h"

#include "lint-finding.h"
#include "reach-matrix.h"

namespace segproof
{
namespace core
{

std::string
VerdictName(Verdict verdict)
{
    switch (verdict)
    {
    case Verdict::Proved:
        return "proved";
    case Verdict::Violated:
        return "violated";
    case Verdict::Unknown:
        return "unknown";
    }
    return "?";
}

std::string
ReachName(Reach reach)
{
    switch (reach)
    {
    case Reach::Full:
        return "full";
    case Reach::Partial:
        return "partial";
    case Reach::None:
        return "none";
    case Reach::NotApplicable:
        return "n/a";
    }
    return "?";
}

std::string
LintKindName(LintKind kind)
{
    switch (kind)
    {
    case LintKind::Shadowed:
        return "shadowed";
    case LintKind::Redundant:
        return "redundant";
    case LintKind::Generalization:
        return "generalization";
    case LintKind::Correlation:
        return "correlation";
    case LintKind::NeverMatches:
        return "never-matches";
    case LintKind::OverPermissive:
        return "over-permissive";
    case LintKind::ScaleLimit:
        return "scale-limit";
    }
    return "?";
}

std::string
SeverityName(Severity severity)
{
    switch (severity)
    {
    case Severity::Error:
        return "error";
    case Severity::Warning:
        return "warning";
    case Severity::Info:
        return "info";
    }
    return "?";
}

} // namespace core
} // namespace segproof
