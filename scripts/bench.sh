#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# SPDX-FileCopyrightText: 2026 The segproof authors
# Runs every benchmark in bench/ on the shipped scenarios and prints their figures.
set -euo pipefail
build=${1:-build}
cd "$(dirname "$0")/.."
"$build/bench/bench_validate" scenarios/enterprise-10k.yaml 5
"$build/bench/bench_verify" scenarios/enterprise-10k.yaml
/usr/bin/env time -f "  segproof validate, whole process: %e s wall, %M KB max RSS" \
  "$build/cli/segproof" validate scenarios/enterprise-10k.yaml >/dev/null
# An NSX collector's bundle at NSX scale: 25,000 VMs, 2,000 groups, 20,000 rules
# (docs/benchmarks.md, "validate of an NSX bundle"); the baseline is yaml-cpp parsing the bundle.
mkdir -p out/bench
/usr/bin/python3 bench/generate-nsx-bundle.py out/bench/nsx-25k --vms 25000 --groups 2000 \
  --rules 20000
"$build/bench/bench_validate" out/bench/nsx-25k/scenario.yaml 3 out/bench/nsx-25k/bundle.json
/usr/bin/env time -f "  segproof validate, whole process: %e s wall, %M KB max RSS" \
  "$build/cli/segproof" validate out/bench/nsx-25k/scenario.yaml >/dev/null 2>&1
# The same objects as a folder of API responses (482 files); the baseline is still the bundle.
"$build/bench/bench_validate" out/bench/nsx-25k/scenario-api.yaml 3 out/bench/nsx-25k/bundle.json
/usr/bin/env time -f "  segproof validate (folder), whole process: %e s wall, %M KB max RSS" \
  "$build/cli/segproof" validate out/bench/nsx-25k/scenario-api.yaml >/dev/null 2>&1
# Simulator: per-packet cost against a bare ns-3 model and a naive bridged LAN, seed attack
# runs and the 5 x 30 campaign (docs/benchmarks.md). Add --enterprise for enterprise-10k.
"$build/bench/bench_sim"
# Campaigns: runs per hour as one process, then on 1, 2 and 3 MPI ranks (docs/benchmarks.md).
bench/campaign.sh "$build/cli/segproof"
