#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# SPDX-FileCopyrightText: 2026 The segproof authors
# `segproof report --db` on a campaign that sweeps one parameter (docs/report.md, "Sweeps"):
#  1. the page draws the share of runs reaching the crown jewel at each swept value, values in
#     order of magnitude (the spec lists them 10m, 30s, 5m), with a table of its numbers;
#  2. the recorded command names --db, and run as written it makes the same page again;
#  3. a point lacking runs is left out with a warning, and with one value left no figure and
#     no error;
#  4. without --set, the database holding only the sweep's points: exit 2, naming one.
#   report-sweep.sh SEGPROOF   (run from the source tree)
set -eu
segproof="$1"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
fail() { echo "report-sweep: $*" >&2; exit 1; }

spec=tests/data/campaign/seed-quarantine-sweep.yaml # 3 values x 3 postures x 2 runs of 3h
"$segproof" campaign "$spec" --db "$work/q.sqlite" --jobs 2 >/dev/null ||
    fail "the campaign exited $?"
point=(--posture segment-fw,microseg,microseg+quarantine --runs 2 --seed 1 --duration 3h)

# 1. The figure, its values in order, its table; the headline of what stopped the data.
"$segproof" report scenarios/seed.yaml "${point[@]}" --set defence.quarantine.reaction_delay=5m \
    --db "$work/q.sqlite" --out "$work/a" >/dev/null 2>"$work/a.err" || fail "report exited $?"
[[ ! -s "$work/a.err" ]] || fail "warnings with every run there: $(cat "$work/a.err")"
page="$work/a/report.html"
grep -q 'id="chart-sweep-defence.quarantine.reaction_delay"' "$page" || fail "no sweep figure"
grep -q '<li><a href="#sweep">' "$page" || fail "no sweep entry in the contents"
figure="$(sed -n '/id="chart-sweep-defence.quarantine.reaction_delay"/,/<\/figure>/p' "$page")"
grep -q 'Runs reaching the crown jewel by defence.quarantine.reaction_delay' <<<"$figure" ||
    fail "the figure's title does not name the parameter"
ticks="$(grep -o '>\(30s\|5m\|10m\)<' <<<"$figure" | tr -d '<>' | paste -sd' ')"
[[ "$ticks" == "30s 5m 10m" ]] || fail "values drawn as '$ticks', not '30s 5m 10m'"
[[ "$(grep -c '<polygon ' <<<"$figure")" == 3 ]] || fail "not one band per posture"
[[ "$(grep -c '<circle ' <<<"$figure")" == 9 ]] || fail "not one dot per posture and value"
grep -q '<td>segment-fw</td><td class="num">2 / 2</td><td class="num">2 / 2</td><td class="num">2 / 2</td>' \
    "$page" || fail "the sweep's table lacks segment-fw reaching the jewel in 2 of 2 runs"
grep -q 'The rest of this report is at defence.quarantine.reaction_delay = 5m.' "$page" ||
    fail "the page does not say which value the rest of it shows"
grep -q 'id="headline-defence">Under <b>microseg</b> the data left in 2 of 2 runs; ' "$page" ||
    fail "no headline of what stopped the data"

# 2. The recorded command names the database and makes the same page again.
command="$(sed -n 's/^    "command": "\(.*\)",$/\1/p' "$work/a/summary.json")"
[[ "$command" == "segproof report scenarios/seed.yaml --posture segment-fw,microseg,microseg+quarantine --runs 2 --seed 1 --duration 3h --lang en --by segment --db $work/q.sqlite --set defence.quarantine.reaction_delay=5m" ]] ||
    fail "summary.json records '$command'"
mkdir -p "$work/again/scenarios"
cp scenarios/seed.yaml "$work/again/scenarios/"
segproof() { "$segproof" "$@"; }
(cd "$work/again" && eval "$command" >/dev/null)
for file in "$work/a"/*; do
    name="$(basename "$file")"
    [[ "$name" == run.json ]] && continue
    cmp "$file" "$work/again/out/report/$name" || fail "the recorded command makes another $name"
done

# 3. A point with a run missing is left out, with a warning; one value left: no figure.
cp "$work/q.sqlite" "$work/gap.sqlite"
sqlite3 "$work/gap.sqlite" "pragma foreign_keys = on; delete from runs where run = 1 and
    posture = 'microseg' and point = 'defence.quarantine.reaction_delay=10m'"
"$segproof" report scenarios/seed.yaml "${point[@]}" --set defence.quarantine.reaction_delay=5m \
    --db "$work/gap.sqlite" --out "$work/gap" >/dev/null 2>"$work/gap.err" ||
    fail "report with a gap exited $?"
grep -q "^segproof: warning: --db: the sweep of defence.quarantine.reaction_delay leaves out defence.quarantine.reaction_delay=10m: '$work/gap.sqlite' holds 5 of its 6 runs$" \
    "$work/gap.err" || fail "warning: $(cat "$work/gap.err")"
ticks="$(sed -n '/id="chart-sweep-/,/<\/figure>/p' "$work/gap/report.html" |
    grep -o '>\(30s\|5m\|10m\)<' | tr -d '<>' | paste -sd' ')"
[[ "$ticks" == "30s 5m" ]] || fail "with 10m incomplete the values drawn are '$ticks'"
sqlite3 "$work/gap.sqlite" "pragma foreign_keys = on;
    delete from runs where point = 'defence.quarantine.reaction_delay=30s'"
"$segproof" report scenarios/seed.yaml "${point[@]}" --set defence.quarantine.reaction_delay=5m \
    --db "$work/gap.sqlite" --out "$work/one" >/dev/null 2>/dev/null ||
    fail "report with one complete value exited $?"
if grep -q 'chart-sweep-\|href="#sweep"' "$work/one/report.html"; then
    fail "a sweep figure with one value"
fi
if grep -q -- '--db' "$work/one/summary.json"; then
    fail "--db recorded without a sweep figure"
fi

# 4. The sweep's database has no run of the scenario as written: say how to name a point.
set +e
"$segproof" report scenarios/seed.yaml "${point[@]}" --db "$work/q.sqlite" --out "$work/none" \
    >/dev/null 2>"$work/none.err"
code=$?
set -e
[[ $code == 2 ]] || fail "report --db without --set on a sweep exited $code"
grep -q "holds 0 of the 6 runs needed .*, or name a point it holds, such as --set defence.quarantine.reaction_delay=10m$" \
    "$work/none.err" || fail "message: $(cat "$work/none.err")"
echo "report-sweep: ok"
