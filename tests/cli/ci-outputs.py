#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
# SPDX-FileCopyrightText: 2026 The segproof authors
"""`--sarif` on lint, verify and diff and `--junit` on verify (docs/ci.md), checked by structure:
each SARIF log against the SARIF 2.1.0 shape (tests/data/ci-outputs/sarif-2.1.0-subset.schema.json)
and each JUnit file against the JUnit XML shape CI servers read, and both against what the same
command says in --json: one SARIF result per finding, one test case per intent and posture,
every location inside the file it names. Run on every shipped scenario, and on a copy of
seed.yaml with a space in its file name, an intent id that needs escaping and a rule change.
    ci-outputs.py SEGPROOF SOURCE_DIR"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import urllib.parse
import xml.etree.ElementTree as ET

import jsonschema

segproof, src = sys.argv[1], sys.argv[2]
schema = json.load(open(os.path.join(src, "tests/data/ci-outputs/sarif-2.1.0-subset.schema.json")))
validator = jsonschema.Draft7Validator(schema, format_checker=jsonschema.FormatChecker())
failures = []


def fail(message):
    failures.append(message)
    print("FAIL: " + message)


def run(*args, codes=(0, 1)):
    p = subprocess.run([segproof, *args], capture_output=True, text=True)
    if p.returncode not in codes:
        fail(f"{' '.join(args)} exited {p.returncode}: {p.stderr[-500:]}")
    return p


def check_location(what, location):
    physical = location["physicalLocation"]
    uri = physical["artifactLocation"]["uri"]
    path = urllib.parse.unquote(uri[len("file://"):] if uri.startswith("file://") else uri)
    if not os.path.isfile(path):
        fail(f"{what}: {uri} is not a file")
        return
    line = physical.get("region", {}).get("startLine")
    if line is not None and line > sum(1 for _ in open(path, encoding="utf-8", errors="replace")):
        fail(f"{what}: line {line} is past the end of {path}")


def check_sarif(what, path):
    log = json.load(open(path, encoding="utf-8"))
    for error in validator.iter_errors(log):
        fail(f"{what}: not SARIF 2.1.0: {error.message} at {list(error.absolute_path)}")
    run_ = log["runs"][0]
    rules = run_["tool"]["driver"]["rules"]
    for i, result in enumerate(run_["results"]):
        if rules[result["ruleIndex"]]["id"] != result["ruleId"]:
            fail(f"{what}: result {i}: ruleIndex does not point at {result['ruleId']}")
        for location in result["locations"] + result.get("relatedLocations", []):
            check_location(f"{what}: result {i}", location)
        for flow in result.get("codeFlows", []):
            for step in flow["threadFlows"][0]["locations"]:
                check_location(f"{what}: result {i} code flow", step["location"])
    return run_["results"]


def check_junit(what, path, verify_json):
    root = ET.parse(path).getroot()
    if root.tag != "testsuites":
        fail(f"{what}: root <{root.tag}>, not <testsuites>")
    expected = [json.loads(line) for line in verify_json.splitlines() if line.strip()]
    suites = root.findall("testsuite")
    if len(suites) != len(expected):
        fail(f"{what}: {len(suites)} suites for {len(expected)} postures")
    totals = {"tests": 0, "failures": 0, "errors": 0}
    for suite, posture in zip(suites, expected):
        cases = suite.findall("testcase")
        verdicts = [i["verdict"] for i in posture["intents"]]
        counts = {"tests": len(cases), "failures": len(suite.findall("testcase/failure")),
                  "errors": len(suite.findall("testcase/error"))}
        want = {"tests": len(verdicts), "failures": verdicts.count("violated"),
                "errors": verdicts.count("unknown")}
        if counts != want:
            fail(f"{what}: posture {posture['posture']['name']}: {counts}, --json says {want}")
        for key in totals:
            totals[key] += counts[key]
            if suite.get(key) != str(counts[key]):
                fail(f"{what}: suite says {key}={suite.get(key)}, holds {counts[key]}")
        names = [c.get("name") for c in cases]
        if names != [i["id"] for i in posture["intents"]]:
            fail(f"{what}: test case names {names[:3]}... are not the intents in order")
        for case in cases:
            if not case.get("classname") or not re.fullmatch(r"[0-9]+\.[0-9]{3}", case.get("time", "")):
                fail(f"{what}: test case {case.get('name')} without classname or time")
    for key, value in totals.items():
        if root.get(key) != str(value):
            fail(f"{what}: <testsuites {key}={root.get(key)}>, the suites hold {value}")
    return totals


def check_scenario(scenario, tmp, label):
    lint = run("lint", scenario, "--sarif", f"{tmp}/lint.sarif")
    lint_json = json.loads(run("lint", scenario, "--json").stdout)
    results = check_sarif(f"{label} lint", f"{tmp}/lint.sarif")
    if len(results) != len(lint_json["findings"]):
        fail(f"{label} lint: {len(results)} SARIF results, {len(lint_json['findings'])} findings")
    run("verify", scenario, "--posture", "each", "--sarif", f"{tmp}/verify.sarif", "--junit",
        f"{tmp}/verify.xml", "--json", f"{tmp}/verify.jsonl")
    verify_json = open(f"{tmp}/verify.jsonl").read()
    not_proved = sum(i["verdict"] != "proved" for line in verify_json.splitlines()
                     for i in json.loads(line)["intents"])
    results = check_sarif(f"{label} verify", f"{tmp}/verify.sarif")
    if len(results) != not_proved:
        fail(f"{label} verify: {len(results)} SARIF results, {not_proved} intents not proved")
    for r in results:
        if r["ruleId"] == "segproof/intent/violated" and "codeFlows" not in r and \
                "no enforcement point" not in r["message"]["text"]:
            fail(f"{label} verify: a violation without its path: {r['message']['text']}")
    totals = check_junit(f"{label} junit", f"{tmp}/verify.xml", verify_json)
    print(f"{label}: lint {len(lint_json['findings'])} results; verify {not_proved} of "
          f"{totals['tests']} not proved; junit {totals}")


with tempfile.TemporaryDirectory() as tmp:
    scenarios = os.path.join(src, "scenarios")
    for name in ["seed.yaml", "seed-nsx.yaml", "jps-2015.yaml"]:
        check_scenario(os.path.join(scenarios, name), tmp, name)

    # Odd names: a space in the file name, an intent id that XML and JSON must escape, and a
    # changed rule for diff.
    odd = os.path.join(tmp, "my rules.yaml")
    text = open(os.path.join(scenarios, "seed.yaml"), encoding="utf-8").read()
    text = text.replace("{id: no-desktop-lateral,", "{id: 'no-<desktop>&\"lateral\"-デスクトップ',")
    open(odd, "w", encoding="utf-8").write(text)
    check_scenario(odd, tmp, "odd names")
    if "my%20rules.yaml" not in open(f"{tmp}/verify.sarif").read():
        fail("the file name with a space is not percent-encoded in the SARIF uri")
    root = ET.parse(f"{tmp}/verify.xml").getroot()
    if "no-<desktop>&\"lateral\"-デスクトップ" not in [c.get("name") for c in root.iter("testcase")]:
        fail("the escaped intent id does not come back from the JUnit XML")

    changed = os.path.join(tmp, "changed.yaml")
    text = open(os.path.join(scenarios, "seed.yaml"), encoding="utf-8").read()
    # Desktop isolation dropped (newly allowed, breaking an intent) and file access closed
    # (newly blocked).
    for old_rule, new_rule in [
            ("{id: vdi-isolation, from: desktops, to: desktops, service: any, action: drop, logged: true}",
             "{id: vdi-isolation, from: desktops, to: desktops, service: any, action: allow, logged: true}"),
            ("service: smb, action: allow}", "service: smb, action: drop}")]:
        if old_rule not in text:
            fail(f"seed.yaml no longer holds {old_rule}")
        text = text.replace(old_rule, new_rule, 1)
    open(changed, "w", encoding="utf-8").write(text)
    run("diff", os.path.join(scenarios, "seed.yaml"), changed, "--sarif", f"{tmp}/diff.sarif")
    diff_json = json.loads(run("diff", os.path.join(scenarios, "seed.yaml"), changed, "--json").stdout)
    results = check_sarif("diff", f"{tmp}/diff.sarif")
    cubes = diff_json["newly_allowed"] + diff_json["newly_blocked"]
    if len(results) != len(cubes) or not results:
        fail(f"diff: {len(results)} SARIF results for {len(cubes)} changed blocks")
    for r, cube in zip(results, cubes):
        breaks = bool(cube.get("breaks_intents"))
        if (r["level"] == "error") != breaks:
            fail(f"diff: level {r['level']} for a block that breaks {cube.get('breaks_intents')}")
        uri = r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        if not uri.endswith("changed.yaml") and cube in diff_json["newly_allowed"]:
            fail(f"diff: a newly allowed block placed in {uri}, not the new scenario")
    print(f"diff: {len(results)} results, levels {sorted(set(r['level'] for r in results))}")

    # Negative control: the shape check refuses a log that breaks SARIF 2.1.0.
    log = json.load(open(f"{tmp}/diff.sarif"))
    log["runs"][0]["results"][0]["level"] = "fatal"
    del log["runs"][0]["results"][0]["message"]
    log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"] = {"startLine": 0}
    if len(list(validator.iter_errors(log))) < 3:
        fail("the SARIF shape check accepts a bad level, a missing message and line 0")

    # Nothing is written when the input is bad: no half file.
    bad = os.path.join(tmp, "bad.yaml")
    open(bad, "w").write("format: segproof/v1\nname: [\n")
    p = run("lint", bad, "--sarif", f"{tmp}/bad.sarif", codes=(2,))
    if os.path.exists(f"{tmp}/bad.sarif"):
        fail("lint of a bad scenario left a SARIF file")
    p = run("verify", os.path.join(scenarios, "seed.yaml"), "--sarif", f"{tmp}/no/such/dir/x.sarif",
            codes=(2,))
    if not p.stderr.startswith("--sarif: cannot write"):
        fail(f"an unwritable --sarif: {p.stderr!r}")

print(f"ci-outputs: {len(failures)} failures")
sys.exit(1 if failures else 0)
