#!/usr/bin/env bash
# `make demo`: segproof's main job on the default scenario, and where its output is.
# Until the report exists: validate, verify under every posture, lint, matrix, the same matrix
# observed in ns-3 (probe), and the attack replayed in ns-3 under every posture (simulate).
set -uo pipefail
segproof=$1
scenario=$2
out=$3
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
run verify.txt verify "$scenario" --posture each --json "$out/verify.jsonl"
run lint.txt lint "$scenario"
run matrix.txt matrix "$scenario" --posture microseg
run probe.txt probe "$scenario" --posture microseg
run simulate.txt simulate "$scenario" --runs "${DEMO_RUNS:-20}" --seed 1 --out "$out/simulate"

echo "In short:"
grep -E '^[0-9]+ intents under posture' "$out/verify.txt" | sed 's/^/  /'
echo
if diff -q "$out/matrix.txt" "$out/probe.txt" >/dev/null; then
    echo "  matrix (proved from the policy) and probe (observed in ns-3) agree under microseg"
else
    echo "  matrix and probe DISAGREE under microseg: see $out/matrix.txt and $out/probe.txt"
fi
echo
echo "  the attack replayed in ns-3 (median over the runs, p10-p90):"
sed -n '2,$p' "$out/simulate.txt" | grep -v '^wrote' | sed 's/^/  /'
echo
echo "Output: $out/ (validate.txt, verify.txt, verify.jsonl, lint.txt, matrix.txt, probe.txt,"
echo "        simulate.txt, simulate/summary.json, simulate/timeseries.csv)"
