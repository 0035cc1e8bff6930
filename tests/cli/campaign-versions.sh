#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# SPDX-FileCopyrightText: 2026 The segproof authors
# Versions in the results database (docs/versions.md):
#  1. `segproof --version` is the release number and, in a checkout, git's commit; summary.json's
#     provenance and the database's runs carry the same version;
#  2. `campaign` refuses (exit 2, naming the versions) to add runs to a database holding runs
#     of another version, and adds them with --allow-mixed-versions;
#  3. `report --db` on such runs warns, and its summary.json and report.html say which
#     versions made how many runs.
#   campaign-versions.sh SEGPROOF   (run from the source tree)
set -eu
segproof="$1"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
fail() { echo "campaign-versions: $*" >&2; exit 1; }
count() { sqlite3 "$1" "$2"; }

# 1. The version, everywhere the same.
version="$("$segproof" --version)"
[[ "$version" =~ ^segproof\ [0-9]+\.[0-9]+\.[0-9]+(-[0-9]+)?(-g[0-9a-f]{7,})?(-dirty)?$ ]] ||
    fail "--version says '$version'"
version="${version#segproof }"
[[ "$version" == "$(head -1 VERSION)"* ]] || fail "version $version does not start with VERSION's"
cat >"$work/spec.yaml" <<SPEC
format: segproof-campaign/v1
name: versions
scenario: $PWD/scenarios/seed.yaml
postures: [flat, microseg]
runs: 2
seed: 1
duration: 30m
SPEC
"$segproof" campaign "$work/spec.yaml" --db "$work/v.sqlite" --jobs 2 >/dev/null ||
    fail "first campaign exited $?"
[[ "$(count "$work/v.sqlite" "select group_concat(distinct segproof_version) from runs")" == "$version" ]] ||
    fail "the runs do not carry version $version"
"$segproof" simulate scenarios/seed.yaml --posture flat --runs 1 --duration 30m \
    --out "$work/sim" >/dev/null
grep -q "\"segproof_version\": \"$version\"" "$work/sim/summary.json" ||
    fail "summary.json does not carry version $version"

# 2. Runs of another version: refused, then taken with --allow-mixed-versions.
count "$work/v.sqlite" "update runs set segproof_version='0.0.1' where run=0"
sed -i 's/^runs: 2$/runs: 3/' "$work/spec.yaml"
set +e
"$segproof" campaign "$work/spec.yaml" --db "$work/v.sqlite" >/dev/null 2>"$work/err"
code=$?
set -e
[[ $code == 2 ]] || fail "a database of another version: exit $code, not 2"
grep -q "^--db: '$work/v.sqlite' holds runs made by another segproof version (2 by segproof 0.0.1); this is segproof $version" \
    "$work/err" || fail "refusal message: $(cat "$work/err")"
[[ "$(count "$work/v.sqlite" "select count(*) from runs")" == 4 ]] || fail "refused, yet wrote"
"$segproof" campaign "$work/spec.yaml" --db "$work/v.sqlite" --allow-mixed-versions \
    >"$work/out" || fail "--allow-mixed-versions exited $?"
grep -q "ran 2 of 2" "$work/out" || fail "mixed campaign: $(cat "$work/out")"

# 3. report --db over both versions: a warning, and the counts in summary.json and the page.
"$segproof" report scenarios/seed.yaml --posture flat,microseg --runs 3 --duration 30m \
    --db "$work/v.sqlite" --out "$work/report" >/dev/null 2>"$work/err"
grep -q "warning: the report mixes runs of more than one segproof version (2 by segproof 0.0.1, 4 by segproof $version)" \
    "$work/err" || fail "report --db warning: $(cat "$work/err")"
python3 - "$work/report/summary.json" "$version" <<'PY' || fail "summary.json run_segproof_versions"
import json, sys
versions = json.load(open(sys.argv[1]))["provenance"]["run_segproof_versions"]
assert versions == {"0.0.1": 2, sys.argv[2]: 4}, versions
PY
grep -q "mixed versions" "$work/report/report.html" || fail "report.html does not say so"
echo "campaign-versions: ok ($version)"
