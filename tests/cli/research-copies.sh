#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# SPDX-FileCopyrightText: 2026 The segproof authors
# scenarios/research/jps-2015.yaml carries scenarios/jps-2015.yaml unchanged below its attack
# section: this fails as soon as the two drift apart.
set -eu
root="$1"
copy="$root/scenarios/research/jps-2015.yaml"
original="$root/scenarios/jps-2015.yaml"
marker='# ---- below: scenarios/jps-2015.yaml, unchanged ----'
if ! grep -qxF -- "$marker" "$copy"; then
    echo "FAIL: $copy lacks the line '$marker'" >&2
    exit 1
fi
line=$(grep -nxF -- "$marker" "$copy" | head -n 1 | cut -d: -f1)
if ! tail -n +"$((line + 1))" "$copy" | cmp -s - "$original"; then
    echo "FAIL: $copy no longer carries $original unchanged below '$marker'" >&2
    echo "      (copy it again: the research scenario must describe the same estate)" >&2
    exit 1
fi
echo "research copy of jps-2015 is current"
