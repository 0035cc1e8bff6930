#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# SPDX-FileCopyrightText: 2026 The segproof authors
# One np-guard example against its expected connectivity: tests/peers/np-guard-compare.py with
# the known differences. Exit 77 (skipped) when the shared references are absent.
# usage: np-guard-peer-test.sh SEGPROOF SHARED_DIR NAME
set -euo pipefail
segproof="$1"
peer="$2/peers/np-guard-vmware-analyzer"
name="$3"
here="$(cd "$(dirname "$0")" && pwd)"
if [ ! -f "$peer/examples/$name.json" ] || [ ! -f "$peer/expected/$name.txt" ]; then
  echo "skipped: $peer/examples/$name.json or its expected output is absent"
  exit 77
fi
SEGPROOF="$segproof" /usr/bin/python3 "$here/np-guard-compare.py" \
  --known "$here/np-guard-known-differences.txt" \
  "$peer/examples/$name.json" "$peer/expected/$name.txt"
