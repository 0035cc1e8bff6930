#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# SPDX-FileCopyrightText: 2026 The segproof authors
# check-boundaries-test.sh SOURCE_DIR: scripts/check-boundaries.py passes on the project, and
# fails, naming each breach, on a small tree and graph that break the rules (negative control).
set -uo pipefail
src=$1
check="$src/scripts/check-boundaries.py"
fail=0

out=$(python3 "$check" "$src")
rc=$?
echo "$out"
if [[ $rc -ne 0 ]]; then
    echo "FAIL: the project breaks its own boundaries (exit $rc)"
    fail=1
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/core" "$tmp/formats/nsx" "$tmp/formats/input" "$tmp/campaign" "$tmp/cli" \
    "$tmp/sim/probe"
printf '#include "estate.h"\n#include <yaml-cpp/yaml.h>\n' >"$tmp/core/estate-reader.h"
printf '#include "formats/input/input-file.h"\n#include <ns3/node.h>\n#include "sim/run/run-pool.h"\n' \
    >"$tmp/formats/nsx/nsx-reader.cc"
printf '#include "formats/scenario/scenario-reader.h"\n' >"$tmp/formats/input/input-file.cc"
printf '#include <mpi.h>\n' >"$tmp/campaign/campaign-runner.cc"
printf '#include <mpi.h>\n' >"$tmp/campaign/mpi-rank-link.cc"
printf '#include "sim/probe/reach-probe.h"\n' >"$tmp/cli/probe-command.cc"
printf '#include <string>\n#include <ns3/ptr.h>\n' >"$tmp/sim/probe/reach-probe.h"
cat >"$tmp/deps.dot" <<'DOT'
digraph "segproof" {
    "node0" [ label = "segproof_core\n(segproof::core)", shape = octagon ];
    "node1" [ label = "segproof_format_input\n(segproof::format::input)", shape = octagon ];
    "node2" [ label = "yaml-cpp", shape = doubleoctagon ];
    "node3" [ label = "segproof_format_nsx\n(segproof::format::nsx)", shape = octagon ];
    "node4" [ label = "ns3::libcore", shape = doubleoctagon ];
    "node0" -> "node1" [ style = dotted ] // segproof_core -> segproof_format_input
    "node1" -> "node2" [ style = dotted ] // segproof_format_input -> yaml-cpp
    "node3" -> "node4" [ style = dotted ] // segproof_format_nsx -> ns3::libcore
}
DOT
out=$(python3 "$check" "$tmp" --graphviz "$tmp/deps.dot")
rc=$?
echo "$out"
expected=(
    "campaign/campaign-runner.cc:1: includes mpi.h, and only campaign/mpi-rank-link.cc calls MPI (docs/development.md)"
    "core/estate-reader.h:2: includes yaml-cpp/yaml.h, and core/ never uses it (docs/development.md)"
    "formats/input/input-file.cc:1: includes formats/scenario/scenario-reader.h, and formats/ never uses it (docs/development.md)"
    "formats/nsx/nsx-reader.cc:2: includes ns3/node.h, and formats/ never uses it (docs/development.md)"
    "formats/nsx/nsx-reader.cc:3: includes sim/run/run-pool.h, and formats/ never uses it (docs/development.md)"
    "sim/probe/reach-probe.h:2: includes ns3/ptr.h, an ns-3 header, and cli/probe-command.cc includes it (no ns-3 type in the headers cli/ uses)"
    "link: segproof_core links segproof_format_input (segproof_core -> segproof_format_input)"
    "link: segproof_core links yaml-cpp (segproof_core -> segproof_format_input -> yaml-cpp)"
    "link: segproof_format_nsx links ns3::libcore (segproof_format_nsx -> ns3::libcore)"
    "check-boundaries: 3 library targets and 7 source files checked: 9 breaches"
)
if [[ $rc -ne 1 ]]; then
    echo "FAIL: the broken tree gave exit $rc, not 1"
    fail=1
fi
if [[ "$out" != "$(printf '%s\n' "${expected[@]}")" ]]; then
    echo "FAIL: the broken tree's report differs from the expected one:"
    diff <(printf '%s\n' "${expected[@]}") <(echo "$out")
    fail=1
fi
if [[ $fail -eq 0 ]]; then
    echo "1 passed, 0 failed"
fi
exit $fail
