#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
# SPDX-FileCopyrightText: 2026 The segproof authors
"""Every JSON output segproof writes is valid against its JSON Schema in schemas/
(docs/schemas.md) and carries the schema's "format": verify, lint, diff, matrix and probe
--json on the shipped scenarios; report's summary.json, run.json, verify.jsonl, matrix.jsonl,
lint.json and diff.json; simulate's summary.json. Every campaign spec in the
repository is valid against schemas/campaign-spec.schema.json. A broken copy of each output
must be refused (negative control).
    schemas.py SEGPROOF SOURCE_DIR"""
import copy
import json
import os
import subprocess
import sys
import tempfile

import jsonschema
import yaml

segproof, src = sys.argv[1], sys.argv[2]
schemas_dir = os.path.join(src, "schemas")
failures = []
checked = {}


def fail(message):
    failures.append(message)
    print("FAIL: " + message)


def validator(name):
    schema = json.load(open(os.path.join(schemas_dir, name + ".schema.json")))
    jsonschema.Draft7Validator.check_schema(schema)
    return jsonschema.Draft7Validator(schema, format_checker=jsonschema.FormatChecker())


validators = {name: validator(name) for name in
              ["verify", "lint", "diff", "matrix", "matrix-by-machine", "summary", "run",
               "campaign-spec"]}


def check(name, what, doc):
    errors = list(validators[name].iter_errors(doc))
    for error in errors[:5]:
        fail(f"{what}: {error.message} at {list(error.absolute_path)}")
    checked[name] = checked.get(name, 0) + 1
    # Negative control: the same document with its format changed and a member it must not
    # have is refused.
    if isinstance(doc, dict) and not errors:
        broken = copy.deepcopy(doc)
        broken["format"] = "segproof-other/9"
        broken["no_such_member"] = 1
        if len(list(validators[name].iter_errors(broken))) < 2:
            fail(f"{what}: schema {name} accepts a wrong format and an unknown member")


def run(*args, codes=(0, 1)):
    p = subprocess.run([segproof, *args], capture_output=True, text=True)
    if p.returncode not in codes:
        fail(f"{' '.join(args)} exited {p.returncode}: {p.stderr[-400:]}")
    return p.stdout


def lines(path):
    return [json.loads(line) for line in open(path) if line.strip()]


with tempfile.TemporaryDirectory() as tmp:
    scenarios = os.path.join(src, "scenarios")
    for name in ["seed.yaml", "seed-nsx.yaml", "jps-2015.yaml"]:
        scenario = os.path.join(scenarios, name)
        run("verify", scenario, "--posture", "each", "--json", f"{tmp}/v.jsonl")
        for doc in lines(f"{tmp}/v.jsonl"):
            check("verify", f"verify {name} {doc.get('posture', {}).get('name')}", doc)
        check("lint", f"lint {name}", json.loads(run("lint", scenario, "--json")))
        check("matrix", f"matrix {name}", json.loads(run("matrix", scenario, "--json")))
        check("matrix", f"matrix --by group {name}",
              json.loads(run("matrix", scenario, "--by", "group", "--json")))
    for name in ["seed.yaml", "nsx-lab.yaml"]:
        check("matrix-by-machine", f"matrix --by machine {name}",
              json.loads(run("matrix", os.path.join(scenarios, name), "--by", "machine",
                             "--posture", "microseg", "--json")))
    seed = os.path.join(scenarios, "seed.yaml")
    check("matrix", "probe seed.yaml", json.loads(run("probe", seed, "--posture", "microseg", "--json")))
    check("diff", "diff seed seed-nsx",
          json.loads(run("diff", seed, os.path.join(scenarios, "seed-nsx.yaml"), "--json")))
    changed = os.path.join(tmp, "changed.yaml")
    text = open(seed, encoding="utf-8").read().replace(
        "{id: vdi-isolation, from: desktops, to: desktops, service: any, action: drop, logged: true}",
        "{id: vdi-isolation, from: desktops, to: desktops, service: any, action: allow, logged: true}")
    open(changed, "w", encoding="utf-8").write(text)
    diff = json.loads(run("diff", seed, changed, "--json"))
    if not diff["newly_allowed"]:
        fail("the changed copy of seed.yaml shows no difference: the diff check proves nothing")
    check("diff", "diff seed changed", diff)

    run("report", changed, "--against", seed, "--runs", "2", "--duration", "30m", "--out",
        f"{tmp}/report", codes=(0,))
    check("summary", "report summary.json", json.load(open(f"{tmp}/report/summary.json")))
    check("run", "report run.json", json.load(open(f"{tmp}/report/run.json")))
    check("lint", "report lint.json", json.load(open(f"{tmp}/report/lint.json")))
    check("diff", "report diff.json", json.load(open(f"{tmp}/report/diff.json")))
    for doc in lines(f"{tmp}/report/verify.jsonl"):
        check("verify", "report verify.jsonl", doc)
    for doc in lines(f"{tmp}/report/matrix.jsonl"):
        check("matrix", "report matrix.jsonl", doc)
    run("simulate", seed, "--posture", "flat,microseg", "--runs", "2", "--duration", "1h",
        "--out", f"{tmp}/sim", codes=(0,))
    summary = json.load(open(f"{tmp}/sim/summary.json"))
    check("summary", "simulate summary.json", summary)
    version = run("--version", codes=(0,)).split()[-1]
    if summary["provenance"]["segproof_version"] != version:
        fail(f"summary.json says version {summary['provenance']['segproof_version']}, "
             f"--version {version}")

    specs = subprocess.run(["git", "-C", src, "ls-files", "*.yaml"], capture_output=True,
                           text=True).stdout.split()
    for path in specs:
        text = open(os.path.join(src, path), encoding="utf-8", errors="replace").read()
        if "segproof-campaign/v1" not in text or "/invalid" in path:
            continue  # not a spec, or one of the readers' malformed inputs
        doc = yaml.safe_load(text)
        if isinstance(doc, dict) and doc.get("format") == "segproof-campaign/v1":
            check("campaign-spec", path, doc)
    if checked.get("campaign-spec", 0) < 3:
        fail(f"only {checked.get('campaign-spec', 0)} campaign specs found in the repository")

print("schemas: validated " + ", ".join(f"{n} {name}" for name, n in sorted(checked.items())) +
      f"; {len(failures)} failures")
sys.exit(1 if failures else 0)
