#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# SPDX-FileCopyrightText: 2026 The segproof authors
# check-licence-headers-test.sh SOURCE_DIR: every source file of the project carries its SPDX
# line, and the check names the one file of a small repository that does not (negative control).
set -uo pipefail
src=$1
check="$src/scripts/check-licence-headers.py"
fail=0

if ! python3 "$check" "$src"; then
    echo "FAIL: a file of the project has no licence line"
    fail=1
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
git -C "$tmp" init -q
printf '// SPDX-License-Identifier: GPL-2.0-or-later\nint a;\n' >"$tmp/with.cc"
printf 'int b;\n' >"$tmp/without.cc"
printf '#!/bin/sh\n# SPDX-License-Identifier: GPL-2.0-or-later\n' >"$tmp/run.sh"
git -C "$tmp" add with.cc without.cc run.sh
out=$(python3 "$check" "$tmp")
rc=$?
echo "$out"
if [[ $rc -ne 1 ]] || ! grep -q '^without.cc:1:1: error' <<<"$out" || grep -q '^with.cc\|^run.sh' <<<"$out"; then
    echo "FAIL: the negative control should name without.cc only and exit 1 (exit $rc)"
    fail=1
fi
exit $fail
