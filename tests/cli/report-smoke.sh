#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# SPDX-FileCopyrightText: 2026 The segproof authors
# `segproof report` end to end on a small campaign: exit 0, report.html and the data it was made
# from beside it, the diff section with --against, no progress bar when stderr is no terminal,
# and a progress bar when it is one (under script(1)'s pseudo-terminal).
#   report-smoke.sh SEGPROOF SCENARIO AGAINST
set -eu
segproof="$1"
scenario="$2"
against="$3"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
fail() { echo "report-smoke: $*" >&2; exit 1; }

args=(report "$scenario" --posture flat,microseg --runs 2 --seed 3 --duration 3h)
"$segproof" "${args[@]}" --out "$work/a" --against "$against" >"$work/a.txt" 2>"$work/a.err" ||
    fail "exit code $? (stderr: $(cat "$work/a.err"))"
for file in report.html summary.json timeseries.csv verify.jsonl matrix.jsonl lint.json diff.json; do
    [[ -s "$work/a/$file" ]] || fail "$file missing or empty"
done
grep -q '"runs": 2' "$work/a/summary.json" || fail "summary.json: not 2 runs"
[[ "$(wc -l <"$work/a/verify.jsonl")" -eq 2 ]] || fail "verify.jsonl: not one line per posture"
grep -q 'id="diff"' "$work/a/report.html" || fail "no diff section with --against"
grep -q 'id="chart-matrix-microseg"' "$work/a/report.html" || fail "no microseg heatmap"
grep -q "^wrote $work/a/report.html" "$work/a.txt" || fail "the path of the page is not printed"
grep -q '^intents proved: flat [0-9]/9, microseg 9/9$' "$work/a.txt" || fail "no intent tally"
[[ ! -s "$work/a.err" ]] || fail "stderr not empty without a terminal: $(cat -A "$work/a.err")"

# A terminal: the bar is drawn on stderr (script(1) gives the command a pseudo-terminal).
command -v script >/dev/null || { echo "report-smoke: no script(1), terminal check skipped"; exit 0; }
script -qec "$(printf '%q ' "$segproof" report "$scenario" --posture flat --runs 3 --seed 3 \
    --duration 3h --out "$work/b")" "$work/tty.log" >/dev/null || fail "under a terminal: exit $?"
grep -q '\] 3/3 runs  done in' "$work/tty.log" || fail "no progress bar on a terminal"
grep -q 'runs/s' "$work/tty.log" || fail "progress bar without a rate"
echo "report works"
