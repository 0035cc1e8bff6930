#!/usr/bin/env bash
# `make demo`: run segproof's main job on the default scenario and say where the output is.
set -euo pipefail
segproof=$1
scenario=$2
out=$3
mkdir -p "$out"
echo "== segproof validate $scenario"
"$segproof" validate "$scenario" | tee "$out/validate.txt"
echo
echo "Output: $out/validate.txt"
