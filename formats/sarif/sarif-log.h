// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#ifndef SEGPROOF_FORMATS_SARIF_SARIF_LOG_H
#define SEGPROOF_FORMATS_SARIF_SARIF_LOG_H

#include "core/source-location.h"

#include <string>
#include <utility>
#include <vector>

namespace segproof
{
namespace formats
{

/// A SARIF result's level (SARIF 2.1.0 section 3.27.10).
enum class SarifLevel
{
    Error,
    Warning,
    Note,
};

/// "error", "warning", "note".
std::string SarifLevelName(SarifLevel level);

/// A place in a file, with what is there in words (SARIF location, section 3.28).
struct SarifLocation
{
    core::SourceLocation where; ///< file as given; line and column 0 when unknown
    std::string message;        ///< empty: none
};

/// A kind of finding (SARIF reportingDescriptor, section 3.49): its id, a short name, one
/// sentence, and the level its results have unless they say otherwise.
struct SarifRule
{
    std::string id;
    std::string name;
    std::string description;
    SarifLevel defaultLevel = SarifLevel::Error;
};

/// One finding (SARIF result, section 3.27).
struct SarifResult
{
    std::string ruleId;
    SarifLevel level = SarifLevel::Error;
    std::string message;
    SarifLocation location;             ///< where the finding is (the rule, the intent)
    std::vector<SarifLocation> related; ///< relatedLocations: the rules that explain it
    /// A codeFlow with one threadFlow: the enforcement points a connection met, in order, each
    /// at the rule (or firewall default) that decided there. Empty: no codeFlow.
    std::vector<SarifLocation> flow;
    /// partialFingerprints["segproof/v1"]: what stays the same for the same finding when lines
    /// move (e.g. "lint/shadowed/dfw/r17"), so code-scanning views track it across commits.
    std::string fingerprint;
    /// properties: extra facts as text (posture, intent, verdict).
    std::vector<std::pair<std::string, std::string>> properties;
};

/// A SARIF 2.1.0 log of one segproof run (section 3.13): tool.driver segproof at `version`
/// with `rules`, the `results` in order, each file named as the user named it (a relative path
/// as a relative URI reference, an absolute one as a file: URI), and the invocation's command
/// line and whether it succeeded (`executionSuccessful`: the analysis ran, whatever it found).
/// Two-space indent and a trailing newline. Throws std::invalid_argument when a result names
/// a rule not in `rules`.
std::string SarifLogJson(const std::string& version, const std::vector<std::string>& commandLine,
                         const std::vector<SarifRule>& rules,
                         const std::vector<SarifResult>& results);

/// `path` as a SARIF artifactLocation uri: a relative URI reference for a relative path, a
/// file:// URI for an absolute one, with every byte outside RFC 3986's unreserved set and "/"
/// percent-encoded ("my rules.yaml" -> "my%20rules.yaml").
std::string FileUri(const std::string& path);

} // namespace formats
} // namespace segproof

#endif
