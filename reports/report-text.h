// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#ifndef SEGPROOF_REPORTS_REPORT_TEXT_H
#define SEGPROOF_REPORTS_REPORT_TEXT_H

#include "estate-diagram.h"

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace segproof
{
namespace reports
{

/// The languages the report is written in.
enum class Language
{
    English,
    Japanese,
};

/// "en" or "ja".
std::string LanguageCode(Language language);

/// The language of a code ("en", "ja"); nullopt for any other.
std::optional<Language> ParseLanguage(const std::string& code);

/// Every word the HTML report writes, in one language. A "{name}" in a text is a slot that
/// Fill() replaces. Names of things from the scenario (postures, rules, machines) and the
/// parameters' sources are never translated.
struct ReportText
{
    std::string fontStack; ///< CSS font-family: fonts a reader's machine has for the language
    std::string title;     ///< "Segmentation report: {scenario}"
    std::string madeWith;  ///< "{runs} runs per posture, seed {seed}, {duration} simulated"
    std::string contents;
    // Verdict.
    std::string verdictHeading;
    std::string headlineWorst; ///< "{posture}: ..." sentence for the posture that fared worst
    std::string headlineBest;
    std::string headlineSame; ///< every posture fared alike
    /// A posture that stopped the spread (one desktop) but not the theft.
    std::string headlineOwnAccess;
    /// "Under {baseline} the data left in {leaked} of {runs} runs; {defences} stopped it in
    /// {stopped} of those {leaked} ({posture})."
    std::string headlineStopped;
    /// No posture with detection or quarantine stopped it in a run where {baseline} leaked.
    std::string headlineNotStopped;
    std::string defenceIds;          ///< the IDS (detect) as a defence in the headline
    std::string defenceIps;          ///< the IPS (prevent)
    std::string defencePattern;      ///< the blocked-attempt pattern
    std::string defenceQuarantine;   ///< quarantine, no run quarantined
    std::string defenceQuarantineOn; ///< "quarantine on {source} alerts"
    /// Per core::AlertSource, as the headline names them ("IDS", "network monitoring").
    std::vector<std::string> alertSources;
    std::string listComma;      ///< between items of a list but the last two
    std::string listAnd;        ///< between the last two
    std::string postureIds;     ///< after the firewalls of a posture with the IDS (detect)
    std::string postureIps;     ///< ... with the IPS (prevent)
    std::string posturePattern; ///< ... with the blocked-attempt pattern
    std::string postureIdfw;    ///< ... with the identity firewall on
    std::string colPosture;
    std::string colFirewalls;
    std::string quarantine; ///< after the firewalls of a posture that quarantines
    std::string colDesktopsInfected;
    std::string colJewelReached;
    std::string colJewelTime;
    std::string colExfiltrated;
    std::string colAlerts;
    std::string colIntents;
    std::string verdictNote; ///< how to read the table (medians, bands)
    std::string never;       ///< no run reached it
    std::string none;
    std::string intentsHeading;
    std::string colIntent;
    std::string colClaim;
    std::string proved;
    std::string violated;
    std::string unknown;
    std::string claimDeny;  ///< "no connection from {from} to {to} on {service}"
    std::string claimAllow; ///< "{from} can reach {to} on {service}"
    std::string claimOnly;  ///< "only {from} reach {to} on {service}"
    std::string assuming;   ///< ", even with the host firewall off on {machines}"
    std::string counterexamplesHeading;
    std::string counterexampleIntro;
    std::string delivered;
    std::string blockedAt;
    std::string decidedBy; ///< "decided at each point:"
    std::string noPoint;   ///< the path crosses no enforcement point in force
    std::string unknownReason;
    // Simulation.
    std::string spreadHeading;
    std::string spreadIntro;
    std::string infectionChart;
    std::string infectionX;
    std::string infectionY;
    std::string cdfChart;
    std::string cdfX;
    std::string cdfY;
    std::string cdfNever;
    std::string quarantineCdfChart;
    std::string quarantineCdfNever;
    std::string quarantineCdfNote; ///< how to read it beside the crown jewel's CDF
    std::string noData;
    // Detection.
    std::string detectionHeading;
    std::string detectionIntro; ///< "... summed over the {runs} runs of each posture ..."
    /// Column headers per core::AlertSource.
    std::vector<std::string> sourceColumns;
    std::string colTrueAlerts;
    std::string colFalseAlarms;
    std::string colDesktopsTaken;
    std::string colStopped;
    std::string stoppedCell; ///< "{stopped} of {leaked} ({baseline})"
    std::string notRunning;  ///< a detector not in force under the posture
    // Sweep (report --db).
    std::string sweepHeading;
    std::string sweepIntro;
    std::string sweepChart; ///< "Runs reaching the crown jewel by {parameter} ..."
    std::string sweepY;
    std::string sweepNote;        ///< "{runs} runs per posture at each value."
    std::string sweepOwn;         ///< "The rest of this report is at {parameter} = {value}."
    std::string sweepOwnScenario; ///< ... at the scenario's own value (the point sets none)
    std::string blockedHeading;
    std::string blockedIntro;
    std::string blockedChart;
    std::string blockedY;
    std::string pointDfw;
    std::string pointGateway;
    std::string pointPerimeter;
    std::string pointHost;
    std::string topRules;
    std::string colRule;
    std::string colPackets;
    std::string noBlocks;
    // Reachability.
    std::string reachHeading;
    std::string reachIntro;
    std::string reachChart; ///< "Reachability under {posture}"
    std::string reachNone;
    std::string reachPartial;
    std::string reachFull;
    std::string reachNa;
    // Estate.
    std::string estateHeading;
    EstateDiagramLabels diagram;
    // Lint and diff.
    std::string lintHeading;
    std::string lintClean;
    std::string colSeverity;
    std::string colRuleId;
    std::string colFirewall;
    std::string colWhere;
    std::string colFinding;
    /// Per core::LintKind (empty: write the verifier's own English sentence instead).
    std::vector<std::string> lintKinds;
    std::string lintRelated;             ///< "related rules: {rules}"
    std::vector<std::string> severities; ///< per core::Severity
    std::string dfwLoad; ///< "DFW load: at most {vnic} rules on one vNIC ({vnicName}), ..."
    std::string diffHeading;
    std::string diffIntro; ///< "From {before} to {after}, posture {posture}"
    std::string newlyAllowed;
    std::string newlyBlocked;
    std::string breaksIntents;
    std::string example;
    // Parameters and provenance.
    std::string parametersHeading;
    std::string parametersIntro;
    std::string colParameter;
    std::string colValue;
    std::string colSource;
    std::string assumption;
    std::string provenanceHeading;
    std::string command;
    std::string scenarioFile;
    std::string againstFile; ///< the --against scenario
    std::string seed;
    std::string runs;
    std::string duration;
    std::string versions;
    std::string runVersions;   ///< report --db: the versions that made the runs
    std::string mixedVersions; ///< said when they are more than one
    std::string files;
    /// That the command remakes every file byte for byte, but run.json (when, where, how fast).
    std::string reproducible;
    std::string footer;
};

/// The report's words in `language`.
const ReportText& TextFor(Language language);

/// `text` with each "{key}" replaced by its value (a slot without a value stays as written).
std::string Fill(std::string text, const std::vector<std::pair<std::string, std::string>>& values);

} // namespace reports
} // namespace segproof

#endif
