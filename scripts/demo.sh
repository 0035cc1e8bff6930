#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# SPDX-FileCopyrightText: 2026 The segproof authors
# `make demo`: segproof's main job on the default scenario, and where its output is.
# validate, verify under every posture, matrix vs the same matrix observed in ns-3 (probe), then
# `segproof report`: verify, lint, matrix and the attack replayed in ns-3 under every posture,
# written up as one HTML page.
set -uo pipefail
segproof=$1
scenario=$2
out=$3
runs=${DEMO_RUNS:-30}
lang=${DEMO_LANG:-en}
mkdir -p "$out"

run() { # run FILE ARGS...: print the command and its output, keep the output in $out/FILE
    local file=$1
    shift
    echo "== segproof $*"
    "$segproof" "$@" >"$out/$file" 2>&1
    local rc=$?
    cat "$out/$file"
    echo "(exit code $rc)"
    echo
}

run validate.txt validate "$scenario"
run verify.txt verify "$scenario" --posture each
run matrix.txt matrix "$scenario" --posture microseg
run probe.txt probe "$scenario" --posture microseg
echo "== segproof report $scenario --runs $runs --seed 1 --lang $lang --out $out/report"
"$segproof" report "$scenario" --runs "$runs" --seed 1 --lang "$lang" --out "$out/report" \
    >"$out/report.txt"
rc=$?
cat "$out/report.txt"
echo "(exit code $rc)"
echo

echo "In short:"
grep -E '^[0-9]+ intents under posture' "$out/verify.txt" | sed 's/^/  /'
if diff -q "$out/matrix.txt" "$out/probe.txt" >/dev/null; then
    echo "  matrix (proved from the policy) and probe (observed in ns-3) agree under microseg"
else
    echo "  matrix and probe DISAGREE under microseg: see $out/matrix.txt and $out/probe.txt"
fi
echo "  the attack replayed in ns-3, $runs runs per posture (median, p10-p90):"
sed -n '2,/^intents proved/p' "$out/report.txt" | grep -v '^intents proved' | sed 's/^/  /'
echo
if [[ $rc -eq 0 ]]; then
    echo "The report: $out/report/report.html"
    echo "  open it in any browser (it needs no network); the JSON and CSV it was made from are"
    echo "  beside it. In Japanese: DEMO_LANG=ja make demo"
fi
exit $rc
