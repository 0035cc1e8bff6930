#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# SPDX-FileCopyrightText: 2026 The segproof authors
# `segproof campaign` without mpirun (docs/campaign.md):
#  1. a sweep runs every (point, posture, run) once, and a second call runs nothing;
#  2. --max-runs stops early and the next call does only the rest (no key twice);
#  3. a campaign killed mid-way reports its runs lost in flight and resumes;
#  4. `report --db` gives the same files, byte for byte, as `report` simulating them;
#  5. `report --set PATH=VALUE --db` gives a swept point's report, the same as simulating it
#     but for the sweep's figure (and --db in the recorded command);
#  6. `export` writes the runs and series as CSV; bad input exits 2 with FILE:LINE:COL.
#   campaign-local.sh SEGPROOF   (run from the source tree)
set -eu
segproof="$1"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
fail() { echo "campaign-local: $*" >&2; exit 1; }
count() { sqlite3 "$1" "$2"; }

sweep=tests/data/campaign/seed-sweep.yaml # 2 points x 2 postures x 2 runs = 8 runs
# 1. Everything once; then nothing again.
"$segproof" campaign "$sweep" --db "$work/a.sqlite" --jobs 2 >"$work/out1" ||
    fail "first campaign exited $?"
[[ "$(count "$work/a.sqlite" "select count(*) from runs where status='done'")" == 8 ]] ||
    fail "8 runs expected in a.sqlite"
[[ "$(count "$work/a.sqlite" "select count(distinct point||posture||run) from runs")" == 8 ]] ||
    fail "a key recorded twice"
[[ "$(count "$work/a.sqlite" "select count(distinct value) from parameters where path='attack.breakout'")" == 2 ]] ||
    fail "the parameters table lacks the sweep's two breakout values"
grep -q "ran 8 of 8" "$work/out1" || fail "first campaign: $(cat "$work/out1")"
"$segproof" campaign "$sweep" --db "$work/a.sqlite" >"$work/out2"
grep -q "already in $work/a.sqlite: 8 of 8; ran 0 of 0" "$work/out2" ||
    fail "second campaign: $(cat "$work/out2")"
[[ "$(count "$work/a.sqlite" "select count(*) from run_parameters where path='attack.breakout'")" == 8 ]] ||
    fail "run_parameters view"

# 2. --max-runs 3, then the rest.
"$segproof" campaign "$sweep" --db "$work/b.sqlite" --jobs 1 --max-runs 3 >/dev/null
[[ "$(count "$work/b.sqlite" "select count(*) from runs")" == 3 ]] || fail "--max-runs 3"
"$segproof" campaign "$sweep" --db "$work/b.sqlite" --jobs 2 >"$work/out3"
grep -q "already in $work/b.sqlite: 3 of 8; ran 5 of 5" "$work/out3" ||
    fail "resumed campaign: $(cat "$work/out3")"
# Same keys, same metrics as the campaign run in one go, whatever the order and the jobs.
query="select point, posture, run, ever_infected, exfiltrated_bytes, time_to_crown_jewel_s,
       events from runs order by point, posture, run"
[[ "$(count "$work/a.sqlite" "$query")" == "$(count "$work/b.sqlite" "$query")" ]] ||
    fail "a campaign in two parts gives other results than in one"

# 3. Killed mid-way (SIGKILL: nothing is cleaned up), then resumed.
long="$work/long.yaml"
sed -e 's/^runs: 2/runs: 6/' -e 's/^duration: 2h/duration: 8h/' \
    -e "s|^scenario: .*|scenario: $PWD/scenarios/seed.yaml|" "$sweep" >"$long"
"$segproof" campaign "$long" --db "$work/c.sqlite" --jobs 2 >/dev/null 2>&1 &
pid=$!
for _ in $(seq 1 200); do
    sleep 0.1
    done_runs="$(count "$work/c.sqlite" "select count(*) from runs" 2>/dev/null || echo 0)"
    [[ "$done_runs" -ge 2 ]] && break
done
kill -9 "$pid"
wait "$pid" 2>/dev/null || true
lost="$(count "$work/c.sqlite" "select count(*) from in_flight")"
[[ "$lost" -ge 1 ]] || fail "a killed campaign left no run marked in flight"
before="$(count "$work/c.sqlite" "select count(*) from runs")"
"$segproof" campaign "$long" --db "$work/c.sqlite" --jobs 2 >"$work/out4" 2>"$work/err4"
grep -q "lost in flight when an earlier campaign stopped" "$work/err4" ||
    fail "the resumed campaign does not report the lost runs: $(cat "$work/err4")"
[[ "$(grep -c "lost in flight" "$work/err4")" == "$lost" ]] || fail "lost runs miscounted"
grep -q "already in $work/c.sqlite: $before of 24" "$work/out4" || fail "$(cat "$work/out4")"
[[ "$(count "$work/c.sqlite" "select count(*) from runs where status='done'")" == 24 ]] ||
    fail "the resumed campaign did not finish"
[[ "$(count "$work/c.sqlite" "select count(*) from in_flight")" == 0 ]] || fail "in_flight left"

# 4. report --db: the same report as simulating.
"$segproof" campaign tests/data/campaign/seed-report.yaml --db "$work/r.sqlite" >/dev/null
"$segproof" report scenarios/seed.yaml --runs 2 --duration 1h --out "$work/sim" >/dev/null
"$segproof" report scenarios/seed.yaml --runs 2 --duration 1h --db "$work/r.sqlite" \
    --out "$work/db" >/dev/null
for file in "$work/sim"/*; do
    name="$(basename "$file")"
    [[ "$name" == run.json ]] && continue
    cmp "$file" "$work/db/$name" || fail "report --db: $name differs from the simulated one"
done
# A report needing runs the database lacks: exit 2, saying how many it holds.
set +e
"$segproof" report scenarios/seed.yaml --runs 3 --duration 1h --db "$work/r.sqlite" \
    --out "$work/db3" >/dev/null 2>"$work/err5"
code=$?
set -e
[[ $code == 2 ]] || fail "report --db with runs missing exited $code"
grep -q "^--db: '$work/r.sqlite' holds 20 of the 30 runs needed (the first missing: run 2 under flat" \
    "$work/err5" || fail "report --db message: $(cat "$work/err5")"

# A swept point: `report --set` from the database, the same as simulating it with --set, but
# for the sweep's figure on the page and --db in the recorded command (report-sweep.sh).
point=(--posture flat,microseg --runs 2 --seed 7 --duration 2h --set attack.breakout=10m)
"$segproof" report scenarios/seed.yaml "${point[@]}" --out "$work/psim" >/dev/null
"$segproof" report scenarios/seed.yaml "${point[@]}" --db "$work/a.sqlite" --out "$work/pdb" \
    >/dev/null
for file in "$work/psim"/*; do
    name="$(basename "$file")"
    [[ "$name" == run.json || "$name" == report.html || "$name" == summary.json ]] && continue
    cmp "$file" "$work/pdb/$name" || fail "report --set --db: $name differs from the simulated one"
done
cmp <(grep -v '"command": ' "$work/psim/summary.json") \
    <(grep -v '"command": ' "$work/pdb/summary.json") ||
    fail "report --set --db: summary.json differs from the simulated one beyond its command"
grep -q "\"command\": \"segproof report .* --db $work/a.sqlite --set attack.breakout=10m\"" \
    "$work/pdb/summary.json" || fail "report --set --db on a sweep does not record --db"
grep -q 'id="chart-sweep-attack.breakout"' "$work/pdb/report.html" ||
    fail "report --set --db on a sweep of attack.breakout draws no sweep figure"
grep -q '"command": "segproof report scenarios/seed.yaml .* --set attack.breakout=10m"' \
    "$work/psim/summary.json" || fail "summary.json does not record --set"
# The point's runs differ from the scenario as written (breakout 62 min, not 10) ...
cmp -s "$work/psim/timeseries.csv" <("$segproof" simulate scenarios/seed.yaml \
    --posture flat,microseg --runs 2 --seed 7 --duration 2h --out "$work/plain" >/dev/null &&
    cat "$work/plain/timeseries.csv") && fail "--set attack.breakout=10m changed nothing"
# ... and a bad --set is refused at "--set".
set +e
"$segproof" simulate scenarios/seed.yaml --set attack.breakout=soon --out "$work/x" \
    >/dev/null 2>"$work/err7"
code=$?
set -e
[[ $code == 2 ]] || fail "--set attack.breakout=soon exited $code"
grep -q "^--set: 'breakout' must be a duration" "$work/err7" || fail "--set: $(cat "$work/err7")"

# 5. export
"$segproof" export "$work/a.sqlite" --out "$work/csv" >/dev/null
[[ "$(wc -l <"$work/csv/runs.csv")" == 9 ]] || fail "runs.csv: a header and 8 rows expected"
head -1 "$work/csv/runs.csv" | grep -q "param:attack.breakout" || fail "runs.csv lacks the parameter"
[[ "$(wc -l <"$work/csv/series.csv")" -gt 8 ]] || fail "series.csv is empty"

# Bad input: a spec with a bad value, at the spec's FILE:LINE:COL.
bad="$work/bad.yaml"
sed -e "s|^scenario: .*|scenario: $PWD/scenarios/seed.yaml|" \
    -e 's/attack.breakout: \[10m, 1h\]/attack.breakout: [10m, soon]/' "$sweep" >"$bad"
set +e
"$segproof" campaign "$bad" --db "$work/bad.sqlite" >/dev/null 2>"$work/err6"
code=$?
set -e
[[ $code == 2 ]] || fail "a bad sweep value exited $code"
grep -q "^$bad:10:26: " "$work/err6" || fail "bad sweep value: $(cat "$work/err6")"
[[ ! -e "$work/bad.sqlite" ]] || fail "a campaign with bad input created its database"
echo "campaign-local: ok"
