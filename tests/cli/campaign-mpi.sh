#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# SPDX-FileCopyrightText: 2026 The segproof authors
# `segproof campaign` under mpirun (docs/campaign.md), 3 ranks on loopback:
#  1. the results equal those of the same campaign without mpirun, and every rank ran some;
#  2. with --enable-recovery, a rank killed mid-run loses only its run in flight: rank 0 reports
#     it, hands it to another rank, and the campaign finishes with every run once;
#  3. without it, Open MPI ends the job; the next call reports the runs lost in flight and
#     finishes them.
#   campaign-mpi.sh SEGPROOF MPIEXEC   (run from the source tree)
set -eu
segproof="$1"
mpiexec="$2"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
fail() { echo "campaign-mpi: $*" >&2; exit 1; }
count() { sqlite3 "$1" "$2"; }
mpi=("$mpiexec" --oversubscribe -np 3)
[[ "$(id -u)" == 0 ]] && mpi+=(--allow-run-as-root)
export OMPI_MCA_btl_base_warn_component_unused=0

# Kills MPI rank $2 of the processes running campaign spec $1 (the rank, not its run's child).
kill_rank() {
    local process parent
    for process in $(pgrep -f "segproof campaign $1"); do
        tr '\0' '\n' <"/proc/$process/environ" 2>/dev/null | grep -qx "OMPI_COMM_WORLD_RANK=$2" ||
            continue
        parent="$(ps -o ppid= -p "$process" | tr -d ' ')"
        tr '\0' '\n' <"/proc/$parent/environ" 2>/dev/null | grep -qx "OMPI_COMM_WORLD_RANK=$2" &&
            continue
        kill -9 "$process" && return 0
    done
    return 1
}
# Waits until database $1 holds at least $2 runs.
# wait_or_explain PID OUT: waits for the campaign; if it is still going after 200 s (it takes
# about 10), prints where every segproof process is (gdb backtraces) before failing, so that a
# rare hang in CI can be read off the test's output (seen once in CI, never in 9 local tries).
wait_or_explain() {
    local i
    for i in $(seq 1 2000); do
        kill -0 "$1" 2>/dev/null || break
        sleep 0.1
    done
    if kill -0 "$1" 2>/dev/null; then
        echo "campaign-mpi: still running after 200 s; its processes:" >&2
        ps -eo pid,ppid,stat,etime,args | grep -E "[s]egproof|[m]pirun|[p]rte|[o]rted" >&2
        local process
        for process in $(pgrep -f "segproof campaign"); do
            echo "--- backtrace of $process" >&2
            timeout 30 gdb -q -batch -p "$process" -ex "thread apply all bt 12" 2>&1 |
                grep -E "^#|^Thread" >&2 || true
        done
        echo "--- its output so far:" >&2
        cat "$2" >&2
    fi
    wait "$1"
}
wait_runs() {
    for _ in $(seq 1 300); do
        [[ "$(count "$1" "select count(*) from runs" 2>/dev/null || echo 0)" -ge "$2" ]] && return 0
        sleep 0.1
    done
    fail "$1 never reached $2 runs"
}

sweep=tests/data/campaign/seed-sweep.yaml
# 1. Same results as without mpirun.
timeout 300 "${mpi[@]}" "$segproof" campaign "$sweep" --db "$work/m.sqlite" >"$work/out1" 2>&1 ||
    fail "mpirun campaign: $(cat "$work/out1")"
"$segproof" campaign "$sweep" --db "$work/l.sqlite" --jobs 2 >/dev/null
query="select point, posture, run, ever_infected, exfiltrated_bytes, time_to_crown_jewel_s,
       events from runs order by point, posture, run"
[[ "$(count "$work/m.sqlite" "$query")" == "$(count "$work/l.sqlite" "$query")" ]] ||
    fail "the MPI campaign's results differ from the local one's"
[[ "$(count "$work/m.sqlite" "select count(distinct rank) from runs")" == 3 ]] ||
    fail "not every rank ran a run: $(count "$work/m.sqlite" "select rank, count(*) from runs group by rank")"

# 2. A rank killed with --enable-recovery: the campaign goes on without it.
long="$work/long.yaml"
sed -e 's/^runs: 2/runs: 5/' -e 's/^duration: 2h/duration: 8h/' \
    -e "s|^scenario: .*|scenario: $PWD/scenarios/seed.yaml|" "$sweep" >"$long"
timeout 300 "${mpi[@]}" --enable-recovery "$segproof" campaign "$long" --db "$work/k.sqlite" \
    --rank-timeout 5 >"$work/out2" 2>&1 &
pid=$!
wait_runs "$work/k.sqlite" 2
kill_rank "$long" 2 || fail "no rank 2 to kill"
wait_or_explain "$pid" "$work/out2" ||
    fail "the campaign with a killed rank exited $?: $(cat "$work/out2")"
grep -q "rank 2 stopped answering (nothing for 5 s) during run .*; the run goes back in the queue" \
    "$work/out2" || fail "the lost rank is not reported: $(cat "$work/out2")"
[[ "$(count "$work/k.sqlite" "select count(*) from runs where status='done'")" == 20 ]] ||
    fail "20 runs expected after losing a rank"
[[ "$(count "$work/k.sqlite" "select count(distinct point||posture||run) from runs")" == 20 ]] ||
    fail "a run recorded twice"

# 3. A rank killed without --enable-recovery: the job ends; the next call finishes it.
timeout 300 "${mpi[@]}" "$segproof" campaign "$long" --db "$work/j.sqlite" >"$work/out3" 2>&1 &
pid=$!
wait_runs "$work/j.sqlite" 2
kill_rank "$long" 2 || fail "no rank 2 to kill"
wait "$pid" && fail "Open MPI went on without --enable-recovery"
before="$(count "$work/j.sqlite" "select count(*) from runs")"
lost="$(count "$work/j.sqlite" "select count(*) from in_flight")"
[[ "$lost" -ge 1 ]] || fail "no run marked in flight after the job was ended"
timeout 300 "${mpi[@]}" "$segproof" campaign "$long" --db "$work/j.sqlite" >"$work/out4" 2>&1 ||
    fail "the resumed campaign: $(cat "$work/out4")"
[[ "$(grep -c "lost in flight when an earlier campaign stopped" "$work/out4")" == "$lost" ]] ||
    fail "the resumed campaign does not report the $lost lost runs: $(cat "$work/out4")"
grep -q "already in $work/j.sqlite: $before of 20" "$work/out4" || fail "$(cat "$work/out4")"
[[ "$(count "$work/j.sqlite" "select count(*) from runs where status='done'")" == 20 ]] ||
    fail "the resumed campaign did not finish"
echo "campaign-mpi: ok"
