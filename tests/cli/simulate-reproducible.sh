#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# SPDX-FileCopyrightText: 2026 The segproof authors
# `segproof simulate` twice with the same seed (once on 1 worker, once on 2): summary.json,
# timeseries.csv and the flow records (--flows) must be the same byte for byte, in the spec's
# shape (section 3); --no-benign leaves the benign sessions out.
#   simulate-reproducible.sh SEGPROOF SCENARIO
set -eu
segproof="$1"
scenario="$2"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
args=(simulate "$scenario" --posture flat,microseg --runs 2 --seed 11 --duration 2h)
"$segproof" "${args[@]}" --jobs 1 --out "$work/a" --flows "$work/a.csv" >"$work/a.txt"
"$segproof" "${args[@]}" --jobs 2 --out "$work/b" --flows "$work/b.csv" >"$work/b.txt"
cmp "$work/a/summary.json" "$work/b/summary.json"
cmp "$work/a/timeseries.csv" "$work/b/timeseries.csv"
cmp "$work/a.csv" "$work/b.csv"
head -1 "$work/a.csv" | grep -qx \
    'posture,run,src,src_name,dst,dst_name,proto,sport,dport,bytes_out,bytes_in,start_s,end_s,label,completed'
grep -q '^flat,0,.*,benign,' "$work/a.csv"
grep -q '^microseg,1,.*,attack,' "$work/a.csv"
ls "$work" | grep -q part && { echo "--flows left its parts behind" >&2; exit 1; }
"$segproof" "${args[@]}" --no-benign --out "$work/c" --flows "$work/c.csv" >/dev/null
grep -q ',benign,' "$work/c.csv" && { echo "--no-benign still played benign sessions" >&2; exit 1; }
grep -q '"benign_sessions": 0' "$work/c/summary.json"
head -1 "$work/a/timeseries.csv" | grep -qx 'posture,run,time_s,infected'
# 2 postures x 2 runs x (2 h / 15 s + 1) samples, plus the header.
[[ "$(wc -l <"$work/a/timeseries.csv")" -eq $((4 * 481 + 1)) ]]
for key in '"postures"' '"flat"' '"microseg"' '"runs": 2' '"infected"' '"median"' '"p10"' \
    '"p90"' '"crown_jewel_reached"' '"alerts_by_source"' '"false_alarms"' '"time_to_crown_jewel_s"' '"exfiltrated_bytes"' \
    '"blocked"' '"dfw"' '"gateway"' '"perimeter"' '"host"' '"alerts"' '"scenario_sha256"'; do
    grep -q -- "$key" "$work/a/summary.json" || { echo "summary.json lacks $key" >&2; exit 1; }
done
grep -q '^flat ' "$work/a.txt"
grep -q '^microseg ' "$work/a.txt"
echo "simulate is reproducible"
