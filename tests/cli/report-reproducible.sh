#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# SPDX-FileCopyrightText: 2026 The segproof authors
# `segproof report` is reproducible: run twice (different --jobs, --out, working directory and
# spelling of the same options), every file but run.json is the same byte for byte; and the
# command the outputs record, run as written, makes the same files again.
#   report-reproducible.sh SEGPROOF SCENARIO AGAINST
# SCENARIO and AGAINST are paths relative to the working directory (the source tree), so that
# the recorded command is relative and must work from another folder holding the same files.
set -eu
segproof="$1"
scenario="$2"
against="$3"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
fail() { echo "report-reproducible: $*" >&2; exit 1; }

# A folder elsewhere with the two scenarios at the same relative paths.
copy_inputs() {
    mkdir -p "$1/$(dirname "$scenario")" "$1/$(dirname "$against")"
    cp "$scenario" "$1/$scenario"
    cp "$against" "$1/$against"
}
# Every file of folder $1 but run.json is in folder $2, the same byte for byte, and no other.
same_files() {
    [[ "$(cd "$1" && ls)" == "$(cd "$2" && ls)" ]] || fail "$1 and $2 hold different files"
    for file in "$1"/*; do
        name="$(basename "$file")"
        [[ "$name" == run.json ]] && continue
        cmp "$file" "$2/$name" || fail "$name differs between $1 and $2"
    done
}

# 1. Here, one job, absolute --out.
"$segproof" report "$scenario" --runs 2 --duration 1h --against "$against" --jobs 1 \
    --out "$work/a" >/dev/null
# 2. Elsewhere, two jobs, relative --out, the same options spelled otherwise.
copy_inputs "$work/elsewhere"
(cd "$work/elsewhere" && "$segproof" report "$scenario" --posture each --runs 2 --seed 1 \
    --duration 60m --lang en --by segment --against "$against" --jobs 2 --out ../b >/dev/null)
[[ -s "$work/a/report.html" && -s "$work/a/diff.json" && -s "$work/a/run.json" ]] ||
    fail "report.html, diff.json or run.json missing"
same_files "$work/a" "$work/b"

# The command recorded in summary.json, on the page and in run.json: one and the same.
command="$(sed -n 's/^    "command": "\(.*\)",$/\1/p' "$work/a/summary.json")"
[[ "$command" == "segproof report $scenario --posture "*" --runs 2 --seed 1 --duration 1h --lang en --by segment --against $against" ]] ||
    fail "summary.json records '$command'"
page="$(sed -n 's/.*<code id="command">\(.*\)<\/code>.*/\1/p' "$work/a/report.html" |
    sed 's/&lt;/</g; s/&gt;/>/g; s/&quot;/"/g; s/&apos;/'"'"'/g; s/&amp;/\&/g')"
[[ "$page" == "$command" ]] || fail "the page records '$page', summary.json '$command'"
grep -qF "\"command\": \"$command\"" "$work/a/run.json" || fail "run.json records another command"

# 3. The recorded command as written (default --out and --jobs), from a third folder.
copy_inputs "$work/again"
segproof() { "$segproof" "$@"; }
(cd "$work/again" && eval "$command" >/dev/null)
same_files "$work/a" "$work/again/out/report"

# run.json holds what differs, and nothing else does: no date, no working folder, no --out.
for key in '"generated_at": "20' '"wall_s": ' '"jobs": 1,' '"host": ' \
    "\"working_directory\": \"$PWD\"" "\"out\": \"$work/a\"" '"solver_s": {'; do
    grep -qF -- "$key" "$work/a/run.json" || fail "run.json lacks $key"
done
grep -qF '"jobs": 2,' "$work/b/run.json" || fail "run.json of the second run lacks its jobs"
today="$(sed -n 's/^  "generated_at": "\([0-9-]*\)T.*/\1/p' "$work/a/run.json")"
for file in "$work/a"/*; do
    [[ "$(basename "$file")" == run.json ]] && continue
    for volatile in "$today" "$PWD" "$work"; do
        if grep -qF -- "$volatile" "$file"; then fail "$(basename "$file") holds '$volatile'"; fi
    done
done
if grep -qF '"seconds"' "$work/a/verify.jsonl"; then
    fail "verify.jsonl carries solver times (they belong in run.json)"
fi
echo "report is reproducible"
