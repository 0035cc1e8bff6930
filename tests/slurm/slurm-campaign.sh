#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# SPDX-FileCopyrightText: 2026 The segproof authors
# docs/slurm/segproof-campaign.sbatch on a real Slurm cluster of one node, which this script
# starts (munged, slurmctld, slurmd: private key, ports, state and logs in a temporary folder,
# 127.0.0.1 only) and stops on any exit:
#  A. the template, submitted with sbatch for this node, runs tests/slurm/small-campaign.yaml
#     under mpirun on the job's tasks; the job ends COMPLETED and its database holds the same
#     results as the same campaign run without Slurm; the same again with STAGE_DB=1;
#  B. a larger campaign's job is cancelled with scancel midway; its database is intact, holds
#     some of the runs, and the same sbatch command run again reports the runs lost in flight
#     and finishes the campaign: every run exactly once, the same results as a local campaign.
# Prints the time each stage took. Needs root, munge and slurm-wlm (scripts/install-deps.sh);
# without them it exits 77 (skipped).
#   slurm-campaign.sh SEGPROOF SOURCE_DIR
set -euo pipefail
segproof="$(realpath "$1")"
source_dir="$(realpath "$2")"
template="$source_dir/docs/slurm/segproof-campaign.sbatch"
spec_a="$source_dir/tests/slurm/small-campaign.yaml"
PATH="$PATH:/usr/sbin:/sbin"

skip() {
    echo "slurm-campaign: skipped: $*"
    exit 77
}
[[ "$(id -u)" == 0 ]] ||
    skip "needs root: it starts its own munged, slurmctld and slurmd, whose jobs run as root"
for tool in munged munge unmunge slurmctld slurmd sbatch squeue scancel scontrol sinfo \
    mpirun sqlite3 python3; do
    command -v "$tool" >/dev/null ||
        skip "$tool is not installed (scripts/install-deps.sh installs munge, slurm-wlm)"
done
[[ "$(nproc)" -ge 2 ]] || skip "needs 2 cores, for a job of 2 MPI ranks on one node"

work="$(mktemp -d)"
# munged refuses a socket in a folder that not everyone may traverse: 711, so others may pass
# through it but neither list nor write it.
chmod 711 "$work"
# Every process this script starts, the daemons, their job steps and the jobs, carries this
# variable; the cleanup ends those still alive, and only those.
marker="SEGPROOF_SLURM_TEST=$work"
# Run inside a Slurm job, the client commands and mpirun would take that job's settings.
for variable in $(compgen -e | grep -E '^(SLURM|SBATCH|SALLOC|SRUN|SQUEUE|SINFO|SCANCEL)_' ||
    true); do
    unset "$variable"
done
export SLURM_CONF="$work/slurm.conf"
started=() # pids of the daemons, in the order they started
t0=$EPOCHREALTIME

elapsed() { awk -v a="$1" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1f", b - a }'; }
timing() { echo "slurm-campaign: timing: $1: $(elapsed "$2") s"; }

# The pids of the live processes carrying the marker.
marked_processes() {
    local entry pid
    for entry in /proc/[0-9]*; do
        pid="${entry#/proc/}"
        [[ "$pid" == "$$" || "$pid" == "$BASHPID" ]] && continue
        tr '\0' '\n' 2>/dev/null <"$entry/environ" | grep -qxF "$marker" && echo "$pid"
    done
    return 0
}
# The marked processes that are neither a daemon nor a daemon's child (slurmctld's
# slurmscriptd): what is left of jobs, slurmstepd included (it is not slurmd's child).
job_processes() {
    local pid parent
    for pid in $(marked_processes); do
        parent="$(awk '/^PPid:/ { print $2 }' "/proc/$pid/status" 2>/dev/null)"
        [[ " ${started[*]} " == *" $pid "* || " ${started[*]} " == *" $parent "* ]] || echo "$pid"
    done
    return 0
}
show_logs() {
    local file
    for file in "$work"/*.log "$work"/*.out; do
        [[ -e "$file" ]] || continue
        echo "---- $file (last 40 lines)"
        tail -n 40 "$file"
    done
}
cleanup() {
    local status=$? pid left
    trap - EXIT INT TERM HUP
    local t_clean=$EPOCHREALTIME
    set +e
    if [[ $status != 0 && $status != 77 ]]; then
        show_logs >&2
    fi
    # Jobs first, while slurmctld and slurmd can still end them; then the daemons.
    if [[ ${#started[@]} -ge 3 ]]; then
        for pid in $(squeue -h -o %i 2>/dev/null); do
            scancel "$pid" 2>/dev/null
        done
        for _ in $(seq 1 40); do
            [[ -z "$(squeue -h -o %i 2>/dev/null)" ]] && break
            sleep 0.5
        done
        # A job's slurmstepd outlives the job by a moment (and slurmd, by design).
        for _ in $(seq 1 40); do
            [[ -z "$(job_processes)" ]] && break
            sleep 0.25
        done
    fi
    for ((i = ${#started[@]} - 1; i >= 0; i--)); do
        kill -TERM "${started[i]}" 2>/dev/null
        for _ in $(seq 1 40); do
            kill -0 "${started[i]}" 2>/dev/null || break
            sleep 0.25
        done
        kill -KILL "${started[i]}" 2>/dev/null
        wait "${started[i]}" 2>/dev/null
    done
    # Anything left of a job or a step: slurmstepd outlives slurmd by design.
    left="$(marked_processes)"
    if [[ -n "$left" ]]; then
        echo "slurm-campaign: ending processes left behind: $(echo $left)" >&2
        kill -KILL $left 2>/dev/null
        sleep 1
    fi
    left="$(marked_processes)"
    if [[ -n "$left" ]]; then
        echo "slurm-campaign: processes still running: $(echo $left)" >&2
        [[ $status == 0 ]] && status=1
    fi
    [[ ${#started[@]} -gt 0 ]] && timing "cleanup: jobs, daemons and their processes stopped" "$t_clean"
    if [[ -n "${SEGPROOF_SLURM_KEEP:-}" ]]; then
        echo "slurm-campaign: kept $work (SEGPROOF_SLURM_KEEP)"
    else
        rm -rf "$work"
    fi
    exit $status
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP

fail() {
    echo "slurm-campaign: FAIL: $*" >&2
    exit 1
}
# The whole script must end well inside ctest's TIMEOUT, so that this trap, not ctest, stops
# the daemons.
deadline=$((SECONDS + 420))
# wait_until SECONDS WHAT COMMAND...: runs COMMAND every 0.25 s until it succeeds.
wait_until() {
    local limit=$((SECONDS + $1)) what="$2"
    shift 2
    ((limit > deadline)) && limit=$deadline
    until "$@"; do
        ((SECONDS < limit)) || fail "gave up waiting for $what"
        sleep 0.25
    done
}
sql() { sqlite3 -batch -noheader "$@"; }

# ---- The cluster -----------------------------------------------------------------------------
t_daemons=$EPOCHREALTIME
echo "slurm-campaign: $(slurmctld -V), $(munged --version 2>&1 | head -n 1), $(mpirun --version 2>&1 | head -n 1)"
head -c 1024 /dev/urandom >"$work/munge.key"
chmod 400 "$work/munge.key"
env "$marker" munged --foreground --key-file="$work/munge.key" --socket="$work/munge.socket" \
    --pid-file="$work/munged.pid" --log-file="$work/munged.log" --seed-file="$work/munged.seed" \
    >"$work/munged.stdout.log" 2>&1 &
started+=($!)
munge_works() { munge -n -S "$work/munge.socket" 2>/dev/null | unmunge -S "$work/munge.socket" >/dev/null 2>&1; }
wait_until 20 "munged" munge_works

# Two free ports for slurmctld and slurmd (the kernel's choice, so no clash with anything).
read -r ctld_port slurmd_port < <(python3 -c '
import socket
sockets = [socket.socket() for _ in range(2)]
for s in sockets:
    s.bind(("127.0.0.1", 0))
print(*[s.getsockname()[1] for s in sockets])')
cpus="$(nproc)"
memory_mb=$(($(awk '/^MemTotal:/ { print $2 }' /proc/meminfo) / 1024 * 8 / 10))
mkdir "$work/state" "$work/spool"
: >"$work/plugstack.conf"
cat >"$SLURM_CONF" <<EOF
ClusterName=segproof-test
SlurmctldHost=localhost(127.0.0.1)
SlurmctldPort=$ctld_port
SlurmdPort=$slurmd_port
CommunicationParameters=NoInAddrAny
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$work/munge.socket
StateSaveLocation=$work/state
SlurmdSpoolDir=$work/spool
SlurmctldPidFile=$work/slurmctld.pid
SlurmdPidFile=$work/slurmd.pid
SlurmctldLogFile=$work/slurmctld.log
SlurmdLogFile=$work/slurmd.log
SlurmctldDebug=info
SlurmdDebug=info
PlugStackConfig=$work/plugstack.conf
MailProg=/bin/true
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
SwitchType=switch/none
MpiDefault=none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
ReturnToService=2
JobRequeue=0
KillWait=5
MinJobAge=600
NodeName=localhost NodeAddr=127.0.0.1 NodeHostname=localhost CPUs=$cpus RealMemory=$memory_mb State=UNKNOWN
PartitionName=debug Nodes=localhost Default=YES MaxTime=INFINITE State=UP
EOF
env "$marker" slurmctld -D -f "$SLURM_CONF" >"$work/slurmctld.stdout.log" 2>&1 &
started+=($!)
env "$marker" slurmd -D -f "$SLURM_CONF" -N localhost >"$work/slurmd.stdout.log" 2>&1 &
started+=($!)
node_idle() { [[ "$(sinfo -h -n localhost -o %T 2>/dev/null)" == idle ]]; }
wait_until 60 "the node to be idle in sinfo" node_idle
timing "munged, slurmctld and slurmd up, node idle" "$t_daemons"

# ---- Jobs ------------------------------------------------------------------------------------
# One rank per core, at most 4: the template's #SBATCH lines are for a site's nodes, so the
# resources are given for this one on the command line (they override the #SBATCH lines).
tasks=$((cpus < 4 ? cpus : 4))
# Open MPI refuses to start ranks as root unless told; the jobs here run as root.
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1
export OMPI_MCA_btl_base_warn_component_unused=0
# submit NAME SPEC DB [VARIABLE=VALUE,...]: submits the template; prints the job id.
submit() {
    sbatch --parsable --job-name="$1" --nodes=1 --ntasks="$tasks" --mem-per-cpu=256M \
        --time=00:10:00 --chdir="$work" --output="$work/$1-%j.out" \
        --export="ALL,$marker,SPEC=$2,DB=$3,SEGPROOF=$segproof${4:+,$4}" "$template"
}
job_state() { scontrol show job -o "$1" | grep -o 'JobState=[A-Z_]*' | cut -d= -f2; }
job_ended() {
    case "$(job_state "$1")" in
    PENDING | CONFIGURING | RUNNING | COMPLETING | SUSPENDED | REQUEUED | RESIZING | "") return 1 ;;
    *) return 0 ;;
    esac
}
job_gone() { [[ -z "$(squeue -h -j "$1" -o %i 2>/dev/null)" ]]; }
# no_campaign_left DB: no process of any job still runs a campaign on DB.
no_campaign_left() {
    local pid
    for pid in $(marked_processes); do
        tr '\0' ' ' 2>/dev/null <"/proc/$pid/cmdline" | grep -qF -- "--db $1" && return 1
    done
    return 0
}
# expect_completed JOB NAME: the job ended COMPLETED with exit code 0 and said so.
expect_completed() {
    local info
    info="$(scontrol show job -o "$1")"
    [[ "$info" == *"JobState=COMPLETED "* && "$info" == *" ExitCode=0:0 "* ]] ||
        fail "job $1 ($2) did not complete: $(grep -o 'JobState=[^ ]* Reason=[^ ]*.*ExitCode=[^ ]*' <<<"$info")"
    grep -q "^segproof campaign ended with status 0$" "$work/$2-$1.out" ||
        fail "job $1 ($2): no clean end in its output"
    grep -q "^on $tasks MPI ranks, one run at a time each$" "$work/$2-$1.out" ||
        fail "job $1 ($2) did not run on $tasks MPI ranks"
}
# The columns of a run that its key fixes: the key, the outcome and every metric; not where,
# when or how fast it ran (rank, host, finished_at, wall_s) nor the spec's path.
columns="scenario_sha256, point, posture, seed, run, duration_s, status, error, campaign,
    scenario_name, sample_interval_s, segproof_version, ever_infected, ever_infected_desktops,
    phished, time_to_crown_jewel_s, exfiltrated_bytes, blocked_dfw, blocked_gateway,
    blocked_perimeter, blocked_host, blocked_by_rule, logged_hits, alerts, alerts_av,
    alerts_monitoring, alerts_ids, alerts_pattern, false_alarms_av, false_alarms_monitoring,
    false_alarms_ids, false_alarms_pattern, time_to_first_alert_s, first_alert_source,
    time_to_quarantine_s, time_to_exfiltration_s, detected, quarantined, wrongly_quarantined,
    desktops_taken_from_users, ids_prevented, benign_sessions, benign_failed,
    connections_attempted, packets, events, infected_machines, phished_machines"
key="r.scenario_sha256, r.point, r.posture, r.seed, r.run, r.duration_s"
# same_results DB1 DB2: the same runs (each once), the same series and parameters, value for
# value (EXCEPT compares the stored values exactly, doubles included).
same_results() {
    local a="$1" b="$2" query
    query="attach '$b' as b;
        select (select count(*) from main.runs) = (select count(*) from b.runs)
          and (select count(*) from main.series) = (select count(*) from b.series)
          and (select count(*) from main.parameters) = (select count(*) from b.parameters)
          and not exists (select $columns from main.runs except select $columns from b.runs)
          and not exists (select $columns from b.runs except select $columns from main.runs)
          and not exists (
            select $key, s.t_s, s.infected from main.series s join main.runs r on r.id = s.run_id
            except select $key, s.t_s, s.infected from b.series s join b.runs r on r.id = s.run_id)
          and not exists (
            select $key, p.path, p.value from main.parameters p join main.runs r on r.id = p.run_id
            except select $key, p.path, p.value from b.parameters p join b.runs r on r.id = p.run_id);"
    [[ "$(sql "$a" "$query")" == 1 ]]
}
# every_run_once DB N: N runs, all done, N distinct keys, nothing in flight.
every_run_once() {
    local counts
    counts="$(sql "$1" "select count(*), sum(status = 'done'),
        (select count(*) from (select distinct $key from runs r)),
        (select count(*) from in_flight) from runs")"
    [[ "$counts" == "$2|$2|$2|0" ]] ||
        fail "$1: expected $2 runs, all done, each once, none in flight; got runs|done|keys|in flight = $counts"
}
runs_in() { [[ -e "$1" ]] && sql "$1" "select count(*) from runs" 2>/dev/null || echo 0; }

# ---- A: one job, the same results as without Slurm -------------------------------------------
t=$EPOCHREALTIME
"$segproof" campaign "$spec_a" --db "$work/a-local.sqlite" --jobs "$tasks" >"$work/a-local.log" 2>&1 ||
    fail "the local campaign exited $?: $(cat "$work/a-local.log")"
timing "A: local campaign, 8 runs on $tasks processes" "$t"
every_run_once "$work/a-local.sqlite" 8

t=$EPOCHREALTIME
job_a="$(submit a "$spec_a" "$work/a.sqlite")"
wait_until 180 "job $job_a (A) to end" job_ended "$job_a"
timing "A: sbatch to job end, 8 runs on $tasks MPI ranks (job $job_a)" "$t"
expect_completed "$job_a" a
every_run_once "$work/a.sqlite" 8
same_results "$work/a.sqlite" "$work/a-local.sqlite" ||
    fail "job A's results differ from the local campaign's"
[[ "$(sql "$work/a.sqlite" "select count(distinct rank) from runs")" == "$tasks" ]] ||
    fail "not every rank ran a run: $(sql "$work/a.sqlite" "select rank, count(*) from runs group by rank")"
echo "slurm-campaign: A: job $job_a COMPLETED; 8 runs, the same results as the local campaign"

# The same with STAGE_DB=1: the campaign works on a copy in the node's TMPDIR, copied back.
mkdir "$work/node-tmp"
t=$EPOCHREALTIME
job_s="$(submit staged "$spec_a" "$work/staged.sqlite" "STAGE_DB=1,TMPDIR=$work/node-tmp")"
wait_until 180 "job $job_s (STAGE_DB=1) to end" job_ended "$job_s"
timing "A, STAGE_DB=1: sbatch to job end (job $job_s)" "$t"
expect_completed "$job_s" staged
grep -q "^database copied back to $work/staged.sqlite$" "$work/staged-$job_s.out" ||
    fail "job $job_s (STAGE_DB=1) did not copy the database back"
[[ -z "$(ls -A "$work/node-tmp")" ]] || fail "job $job_s left its staged copy: $(ls "$work/node-tmp")"
every_run_once "$work/staged.sqlite" 8
same_results "$work/staged.sqlite" "$work/a-local.sqlite" ||
    fail "the STAGE_DB=1 job's results differ from the local campaign's"

# ---- B: cancelled midway, resubmitted ---------------------------------------------------------
total=40
spec_b="$work/larger-campaign.yaml"
sed -e 's/^name: .*/name: slurm-cancelled/' -e "s/^runs: .*/runs: $((total / 2))/" \
    -e "s|^scenario: .*|scenario: $source_dir/scenarios/seed.yaml|" "$spec_a" >"$spec_b"
t=$EPOCHREALTIME
"$segproof" campaign "$spec_b" --db "$work/b-local.sqlite" --jobs "$tasks" >"$work/b-local.log" 2>&1 ||
    fail "the local campaign B exited $?: $(cat "$work/b-local.log")"
timing "B: local campaign, $total runs on $tasks processes" "$t"
every_run_once "$work/b-local.sqlite" "$total"

db="$work/b.sqlite"
t=$EPOCHREALTIME
job_b1="$(submit b1 "$spec_b" "$db")"
some_runs_done() { [[ "$(runs_in "$db")" -ge $((total / 5)) ]]; }
wait_until 120 "job $job_b1 (B) to record $((total / 5)) runs" some_runs_done
t_cancel=$EPOCHREALTIME
at_cancel="$(runs_in "$db")"
scancel "$job_b1"
wait_until 60 "job $job_b1 (B) to be gone after scancel" job_gone "$job_b1"
wait_until 30 "job $job_b1's processes to end" no_campaign_left "$db"
timing "B: scancel to job gone (job $job_b1, KillWait=5)" "$t_cancel"
state="$(job_state "$job_b1")"
[[ "$state" == CANCELLED ]] || fail "job $job_b1 ended $state, not CANCELLED"
[[ "$(sql "$db" "pragma integrity_check")" == ok ]] || fail "$db is damaged after scancel"
done_after="$(sql "$db" "select count(*) from runs where status = 'done'")"
lost="$(sql "$db" "select count(*) from in_flight")"
[[ "$done_after" -ge "$at_cancel" && "$done_after" -lt "$total" ]] ||
    fail "after scancel $db holds $done_after runs: expected some but not all $total"
[[ "$lost" -ge 1 ]] || fail "no run marked in flight after scancel"
[[ "$(sql "$db" "select count(*) from in_flight where host = ''")" == 0 ]] ||
    fail "a run in flight without the host of its rank: $(sql "$db" "select * from in_flight")"
[[ "$(sql "$db" "select count(*) from (select distinct $key from runs r)")" == "$done_after" ]] ||
    fail "a run recorded twice before the cancel"
echo "slurm-campaign: B: cancelled job $job_b1 at $at_cancel of $total runs;" \
    "after it ended: $done_after runs done, $lost in flight"

t=$EPOCHREALTIME
job_b2="$(submit b2 "$spec_b" "$db")"
wait_until 180 "job $job_b2 (B resumed) to end" job_ended "$job_b2"
timing "B: resubmitted to job end, $((total - done_after)) runs left (job $job_b2)" "$t"
expect_completed "$job_b2" b2
grep -q "already in $db: $done_after of $total; ran $((total - done_after)) of $((total - done_after))" \
    "$work/b2-$job_b2.out" || fail "the resumed job did not go on where the first stopped"
[[ "$(grep -c "lost in flight when an earlier campaign stopped" "$work/b2-$job_b2.out")" == "$lost" ]] ||
    fail "the resumed job does not report the $lost runs lost in flight"
every_run_once "$db" "$total"
same_results "$db" "$work/b-local.sqlite" ||
    fail "the cancelled and resumed campaign's results differ from the local campaign's"
echo "slurm-campaign: B: job $job_b2 COMPLETED; $total runs, each once, the same results as the local campaign"
timing "total" "$t0"
echo "slurm-campaign: ok"
