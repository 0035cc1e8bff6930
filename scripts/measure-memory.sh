#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# SPDX-FileCopyrightText: 2026 The segproof authors
# Peak memory and wall time of one short simulated run per scenario: what one estate costs to
# build in ns-3, and the marginal cost per desktop (docs/scaling.md).
#
#   scripts/measure-memory.sh BINARY [SCENARIO...]
#
# BINARY is an existing segproof binary (this script builds nothing), e.g. build/cli/segproof.
# SCENARIO defaults to scenarios/seed.yaml, scenarios/jps-2015.yaml and
# scenarios/enterprise-10k.yaml. Environment:
#   POSTURES   postures to measure, space-separated (default "flat microseg"); a scenario
#              without the posture is skipped for it
#   DURATION   simulated time per run (default 10m: short, so the estate's build dominates)
#   TIMEOUT    wall-clock limit per run in seconds (default 900)
#   ENTERPRISE_BLOCKS  e.g. "10 20": also measure larger variants of enterprise-10k with that
#              many blocks of 2,000 desktops (20k, 40k), generated into a temporary folder by
#              scenarios/generate-enterprise.py with BLOCKS changed (blocks 6 and up repeat the
#              layouts of blocks 2-5; desktop segments move to 10.(100+b).0.0/21 so that they
#              do not collide with the servers' 10.20.0.0/16). Measurement only, not presets.
#
# Runs are sequential: `simulate --runs 1 --jobs 1`, under `/usr/bin/time -f '%M %e'`. The run
# itself is in a forked child; %M is the largest max RSS of the process and the children it
# waited for, so it is the child's peak. `validate` (the parsed scenario, no ns-3) is measured
# the same way. The marginal KB per desktop is taken between the scenario with the fewest and
# the one with the most desktops, per posture.
set -euo pipefail

if [[ $# -lt 1 || "$1" == "-h" || "$1" == "--help" ]]; then
    sed -n '2,24p' "$0" | sed 's/^# \{0,1\}//'
    exit 2
fi
BIN=$1
shift
ROOT=$(cd "$(dirname "$0")/.." && pwd)
if [[ $# -gt 0 ]]; then
    SCENARIOS=("$@")
else
    SCENARIOS=("$ROOT/scenarios/seed.yaml" "$ROOT/scenarios/jps-2015.yaml"
               "$ROOT/scenarios/enterprise-10k.yaml")
fi
POSTURES=${POSTURES:-flat microseg}
DURATION=${DURATION:-10m}
TIMEOUT=${TIMEOUT:-900}

[[ -x "$BIN" ]] || { echo "measure-memory: $BIN is not an executable" >&2; exit 2; }
"$BIN" simulate --help >/dev/null || { echo "measure-memory: $BIN has no 'simulate'" >&2; exit 2; }
[[ -x /usr/bin/time ]] || { echo "measure-memory: needs /usr/bin/time (apt-get install time)" >&2; exit 2; }

WORK=$(mktemp -d "${TMPDIR:-/tmp}/measure-memory.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

# timed OUTFILE CMD...: runs CMD under /usr/bin/time; prints "KB SECONDS", or "- -" on failure.
timed() {
    local out=$1
    shift
    if /usr/bin/time -o "$WORK/time" -f '%M %e' timeout "$TIMEOUT" "$@" >"$out" 2>&1; then
        cat "$WORK/time"
    else
        echo "measure-memory: failed or timed out: $* (see below)" >&2
        tail -n 5 "$out" >&2
        echo "- -"
    fi
}

echo "# $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo),"\
     "load $(cut -d' ' -f1-3 /proc/loadavg), binary $BIN"
echo "# simulate SCENARIO --runs 1 --jobs 1 --posture P --duration $DURATION"
printf '%-22s %-9s %9s %9s %14s %13s %8s\n' scenario posture desktops machines "validate MB" "peak RSS MB" "wall s"

# make_variant BLOCKS OUT: a larger enterprise estate (see ENTERPRISE_BLOCKS above).
make_variant() {
    python3 - "$ROOT/scenarios/generate-enterprise.py" "$1" "$2" <<'PY'
import re, sys
script, blocks, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
src = open(script, encoding="utf-8").read()
for pattern, replacement in [
        (r"^BLOCKS = 5 ", "BLOCKS = %d " % blocks),
        (r"assert n_desktops == 10000", "assert n_desktops == %d" % (blocks * 2000)),
        (r'"10\.%d\.%d\.0/23" % \(10 \+ block', '"10.%d.%d.0/23" % (100 + block'),
        (r'"10\.%d\.0\.0/21" % \(10 \+ b\)', '"10.%d.0.0/21" % (100 + b)'),
        (r'"name: enterprise-10k"', '"name: enterprise-%dk"' % (blocks * 2))]:
    src, n = re.subn(pattern, replacement, src, flags=re.M)
    assert n >= 1, "generate-enterprise.py changed: " + pattern
src = src.replace("\ndef seg_name(", "\nLAYOUT = LAYOUT + [LAYOUT[1 + i % 4] for i in range(BLOCKS - 5)]\n\ndef seg_name(", 1)
g = {"__name__": "variant", "__file__": script}
exec(compile(src, script, "exec"), g)
text, _ = g["build"]()
open(out, "w", encoding="utf-8").write(text)
PY
}
for blocks in ${ENTERPRISE_BLOCKS:-}; do
    variant="$WORK/enterprise-$((blocks * 2))k.yaml"
    make_variant "$blocks" "$variant"
    SCENARIOS+=("$variant")
done

declare -A KB DESK
names=()
for scenario in "${SCENARIOS[@]}"; do
    name=$(basename "$scenario" .yaml)
    names+=("$name")
    summary=$(timed "$WORK/validate.out" "$BIN" validate "$scenario")
    estate=$(grep -m1 '^estate ' "$WORK/validate.out" || true)
    # "estate      10,043 machines (10,000 desktops, 43 servers) in 25 segments on 98 hosts"
    machines=$(sed -E 's/^estate +([0-9,]+) machines.*/\1/' <<<"$estate" | tr -d ,)
    desktops=$(sed -E 's/.*\(([0-9,]+) desktops.*/\1/' <<<"$estate" | tr -d ,)
    vmb=$(awk '{ if ($1 == "-") print "-"; else printf "%.1f", $1/1024 }' <<<"$summary")
    desktops=${desktops:-0} machines=${machines:-?}   # validate failed: see its message above
    DESK[$name]=$desktops
    for posture in $POSTURES; do
        read -r kb secs < <(timed "$WORK/run.out" "$BIN" simulate "$scenario" --runs 1 --jobs 1 \
            --posture "$posture" --duration "$DURATION" --out "$WORK/out")
        if [[ "$kb" == "-" ]] && grep -q "unknown posture" "$WORK/run.out"; then
            kb=skip; secs=-
        fi
        KB[$name,$posture]=$kb
        mb=$(awk -v k="$kb" 'BEGIN { if (k ~ /^[0-9]+$/) printf "%.1f", k/1024; else print k }')
        printf '%-22s %-9s %9s %9s %14s %13s %8s\n' "$name" "$posture" "$desktops" "$machines" \
            "$vmb" "$mb" "$secs"
    done
done

# Marginal cost per desktop, smallest against largest estate.
small="" large=""
for n in "${names[@]}"; do
    [[ -z "$small" || ${DESK[$n]} -lt ${DESK[$small]} ]] && small=$n
    [[ -z "$large" || ${DESK[$n]} -gt ${DESK[$large]} ]] && large=$n
done
if [[ "$small" != "$large" ]]; then
    for posture in $POSTURES; do
        a=${KB[$small,$posture]:-} b=${KB[$large,$posture]:-}
        if [[ "$a" =~ ^[0-9]+$ && "$b" =~ ^[0-9]+$ ]]; then
            awk -v a="$a" -v b="$b" -v da="${DESK[$small]}" -v db="${DESK[$large]}" \
                -v p="$posture" -v s="$small" -v l="$large" 'BEGIN {
                printf "marginal, %s: (%s - %s) / (%d - %d desktops) = %.1f KB per desktop\n",
                       p, l, s, db, da, (b - a) / (db - da) }'
        fi
    done
fi
