#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# SPDX-FileCopyrightText: 2026 The segproof authors
# `make reproduce`: every row of docs/reproductions.md, regenerated into OUT (default
# out/reproduce), one folder and one transcript per row. About 40 minutes on 2 cores.
# RUNS (default 20) sets the runs per posture of the simulated rows.
set -uo pipefail
segproof=$1
out=${2:-out/reproduce}
runs=${RUNS:-20}
mkdir -p "$out"
status=0

row() { # row NAME ARGS...: run segproof ARGS, keep its output in OUT/NAME.txt
    local name=$1
    shift
    echo "== segproof $*"
    "$segproof" "$@" 2>&1 | tee "$out/$name.txt"
    local rc=${PIPESTATUS[0]}
    echo "(exit code $rc)"
    echo
    # 1 is a disagreement, which the table reports; anything else is a failure.
    if [[ $rc -ne 0 && $rc -ne 1 ]]; then status=$rc; fi
}

row staniford-2002 reproduce logistic scenarios/research/staniford-2002.yaml --runs "$runs" \
    --out "$out/staniford-2002"
row zou-2002 reproduce two-factor scenarios/research/zou-2002.yaml --runs "$runs" \
    --out "$out/zou-2002"
row jps-2015-calibrated simulate scenarios/research/jps-2015.yaml --posture flat,microseg \
    --duration 21d --runs "$runs" --out "$out/jps-2015-calibrated"
# The same attack at segproof's sourced default pace: the two calibrated lines removed.
sed '/# CALIBRATED/d' scenarios/research/jps-2015.yaml >"$out/jps-2015-defaults.yaml"
row jps-2015-defaults simulate "$out/jps-2015-defaults.yaml" --posture flat --duration 21d \
    --runs "$runs" --out "$out/jps-2015-defaults"
for scenario in seed jps-2015 enterprise-10k; do
    row "exposure-$scenario" reproduce exposure "scenarios/$scenario.yaml"
done
echo "transcripts and data: $out/ (docs/reproductions.md explains each row)"
exit $status
