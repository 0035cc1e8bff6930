#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# SPDX-FileCopyrightText: 2026 The segproof authors
# Campaign throughput (docs/benchmarks.md, "Campaigns"): one campaign (bench/campaign-bench.yaml)
# as one local process, the baseline; then under mpirun on 1, 2 and 3 ranks, and on --jobs 2
# local processes. Prints runs per hour, the speed-up against the baseline measured in this
# script, and rank 0's own work (handing out, receiving, recording) as a share of the wall
# time. Every configuration must record the same results: checked.
#   bench/campaign.sh SEGPROOF [SPEC]
set -euo pipefail
segproof="$(realpath "$1")"
spec="$(realpath "${2:-$(dirname "$0")/campaign-bench.yaml}")"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mpirun=(mpirun --oversubscribe)
[[ "$(id -u)" == 0 ]] && mpirun+=(--allow-run-as-root)
export OMPI_MCA_btl_base_warn_component_unused=0
query="select point, posture, run, ever_infected, exfiltrated_bytes, events from runs
       order by point, posture, run"

# measure NAME SLOTS LAUNCHER... -- OPTIONS...: the campaign into $work/NAME.sqlite (SLOTS runs
# at once), one table row. "run s" is the mean wall time of one run: above the baseline's, the
# runs slowed each other down (the machine); "busy" is the share of SLOTS x wall time spent in
# runs: below 100 %, slots sat idle (start-up, the plan, the last runs: the distribution).
baseline_rate=""
measure() {
    local name="$1" slots="$2"
    shift 2
    local launcher=() options=()
    while [[ "$1" != "--" ]]; do launcher+=("$1"); shift; done
    shift
    options=("$@")
    local start end
    start=$(date +%s.%N)
    "${launcher[@]}" "$segproof" campaign "$spec" --db "$work/$name.sqlite" "${options[@]}" \
        >"$work/$name.out" 2>&1 || { cat "$work/$name.out" >&2; exit 1; }
    end=$(date +%s.%N)
    local runs wall rate share mean busy
    runs=$(sqlite3 "$work/$name.sqlite" "select count(*) from runs where status='done'")
    mean=$(sqlite3 "$work/$name.sqlite" "select avg(wall_s) from runs where status='done'")
    wall=$(awk -v a="$start" -v b="$end" 'BEGIN { print b - a }')
    rate=$(awk -v n="$runs" -v w="$wall" 'BEGIN { print n * 3600 / w }')
    share=$(sed -n 's/.*(\([0-9.]*\)% of the wall time).*/\1/p' "$work/$name.out")
    busy=$(awk -v m="$mean" -v n="$runs" -v w="$wall" -v s="$slots" 'BEGIN { print 100 * m * n / (w * s) }')
    [[ -z "$baseline_rate" ]] && baseline_rate=$rate
    printf "%-24s %5d %8.1f %9.0f %8.2fx %7.2f %6.1f%% %10s%%\n" "$name" "$runs" "$wall" "$rate" \
        "$(awk -v r="$rate" -v b="$baseline_rate" 'BEGIN { print r / b }')" "$mean" "$busy" "$share"
    if [[ -f "$work/baseline.sqlite" && "$name" != baseline ]]; then
        [[ "$(sqlite3 "$work/$name.sqlite" "$query")" == "$(sqlite3 "$work/baseline.sqlite" "$query")" ]] ||
            { echo "campaign bench: $name recorded other results than the baseline" >&2; exit 1; }
    fi
}

echo "campaign: $spec on $(nproc) cores (wall time includes mpirun's start-up)"
printf "%-24s %5s %8s %9s %9s %7s %7s %11s\n" configuration runs "wall s" "runs/h" speed-up \
    "run s" busy "rank 0"
measure baseline 1 -- --jobs 1
measure "mpirun -np 1" 1 "${mpirun[@]}" -np 1 --
measure "mpirun -np 2" 2 "${mpirun[@]}" -np 2 --
measure "mpirun -np 3" 3 "${mpirun[@]}" -np 3 --
measure "--jobs 2 (no mpirun)" 2 -- --jobs 2
