#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# SPDX-FileCopyrightText: 2026 The segproof authors
# `segproof simulate` twice with the same seed (once on 1 worker, once on 2): summary.json and
# timeseries.csv must be the same byte for byte, in the spec's shape (section 3).
#   simulate-reproducible.sh SEGPROOF SCENARIO
set -eu
segproof="$1"
scenario="$2"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
args=(simulate "$scenario" --posture flat,microseg --runs 1 --seed 11 --duration 2h)
"$segproof" "${args[@]}" --jobs 1 --out "$work/a" >"$work/a.txt"
"$segproof" "${args[@]}" --jobs 2 --out "$work/b" >"$work/b.txt"
cmp "$work/a/summary.json" "$work/b/summary.json"
cmp "$work/a/timeseries.csv" "$work/b/timeseries.csv"
head -1 "$work/a/timeseries.csv" | grep -qx 'posture,run,time_s,infected'
# 2 postures x 1 run x (2 h / 15 s + 1) samples, plus the header.
[[ "$(wc -l <"$work/a/timeseries.csv")" -eq $((2 * 481 + 1)) ]]
for key in '"postures"' '"flat"' '"microseg"' '"runs": 1' '"infected"' '"median"' '"p10"' \
    '"p90"' '"crown_jewel_reached"' '"time_to_crown_jewel_s"' '"exfiltrated_bytes"' \
    '"blocked"' '"dfw"' '"gateway"' '"perimeter"' '"host"' '"alerts"' '"scenario_sha256"'; do
    grep -q -- "$key" "$work/a/summary.json" || { echo "summary.json lacks $key" >&2; exit 1; }
done
grep -q '^flat ' "$work/a.txt"
grep -q '^microseg ' "$work/a.txt"
echo "simulate is reproducible"
