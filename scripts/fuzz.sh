#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# SPDX-FileCopyrightText: 2026 The segproof authors
# Fuzzes the scenario reader and the NSX importer with libFuzzer (docs/fuzzing.md).
# Usage: scripts/fuzz.sh [SECONDS]   (per target, default 60)
# Installs clang and libFuzzer's runtime when missing, builds the `fuzz` preset (build-fuzz/),
# then runs each target on a copy of its seed corpus. Exits non-zero on any finding and prints
# where the input that triggered it was saved.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
seconds=${1:-60}
case "$seconds" in '' | *[!0-9]*) echo "fuzz: SECONDS must be a whole number, got '$seconds'" >&2; exit 2 ;; esac

scripts/install-deps.sh clang libclang-rt-14-dev
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz -j "$(nproc)"

work=$(mktemp -d "${TMPDIR:-/tmp}/segproof-fuzz.XXXXXX")
echo "fuzz: working in $work, ${seconds}s per target"
status=0
for target in scenario nsx; do
  dir="$work/$target"
  mkdir -p "$dir/corpus" "$dir/artifacts" "$dir/run"
  cp fuzz/corpus/$target/* "$dir/corpus/"
  # The scenario target runs where nsx/ holds the shipped samples, so a scenario that says
  # `firewalls.dfw.nsx: nsx/...` (seed-nsx.yaml) reads them; the fuzzer can reach no other file
  # of ours by a relative path.
  if [ "$target" = scenario ]; then cp -r scenarios/nsx "$dir/run/nsx"; fi
  dict="$root/fuzz/$target.dict"
  log="$dir/fuzz.log"
  echo "fuzz: $target for ${seconds}s (log $log)"
  rc=0
  (cd "$dir/run" && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
    "$root/build-fuzz/fuzz/segproof_fuzz_$target" -max_total_time="$seconds" -timeout=10 \
    -rss_limit_mb=2048 -detect_leaks=1 -print_final_stats=1 -dict="$dict" \
    -artifact_prefix="$dir/artifacts/" "$dir/corpus") >"$log" 2>&1 || rc=$?
  grep -E '^#[0-9]+[[:space:]]+(DONE|INITED)' "$log" | tail -1 | sed "s/^/fuzz: $target: /" || true
  grep -E '^stat::(number_of_executed_units|average_exec_per_sec)' "$log" | sed "s/^/fuzz: $target: /" || true
  if [ "$rc" -ne 0 ] || [ -n "$(ls -A "$dir/artifacts")" ]; then
    status=1
    echo "fuzz: $target FOUND A PROBLEM (exit $rc); the report:" >&2
    grep -E -A40 '^==[0-9]+== ?ERROR|runtime error|^terminate called|uncaught exception|deadly signal|timeout after' "$log" | head -60 >&2 || tail -40 "$log" >&2
    for a in "$dir"/artifacts/*; do
      [ -e "$a" ] && echo "fuzz: input: $a (replay: build-fuzz/fuzz/segproof_fuzz_$target $a)" >&2
    done
  fi
done
if [ "$status" -eq 0 ]; then
  echo "fuzz: no findings"
  rm -rf "$work"
fi
exit "$status"
