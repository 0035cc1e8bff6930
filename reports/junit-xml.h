// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#ifndef SEGPROOF_REPORTS_JUNIT_XML_H
#define SEGPROOF_REPORTS_JUNIT_XML_H

#include "core/intent-result.h"
#include "core/scenario.h"

#include <string>
#include <vector>

namespace segproof
{
namespace reports
{

/// `segproof verify --junit`: JUnit XML as CI test reports read it (GitLab's
/// artifacts:reports:junit, Jenkins, the test-reporter actions). It has one <testsuites>,
/// one <testsuite name="SCENARIO / POSTURE"> per posture and one <testcase> per intent
/// (classname "SCENARIO.POSTURE", time = solver seconds). A violated intent gets a <failure>
/// with its counterexample and path; an unknown one an <error> with the reason. The
/// counts (tests, failures, errors, skipped) are on every suite and on the whole. Text is
/// escaped for XML 1.0: a character XML cannot hold is written as U+FFFD.
std::string VerifyJunitXml(const core::Scenario& scenario,
                           const std::vector<core::PostureVerdicts>& verdicts);

} // namespace reports
} // namespace segproof

#endif
