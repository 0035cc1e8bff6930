#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# SPDX-FileCopyrightText: 2026 The segproof authors
# `segproof report` opened in headless Chromium: the page must keep its DOM contract, make no
# network request, paint every chart and print on A4 (check-report.py). Then negative
# controls, so that the checks provably can fail: spoiled copies of the same page must fail
# the check each one targets.
#
#   report-in-browser.sh SEGPROOF SCENARIO LANG WORKDIR
#
# WORKDIR keeps everything for a person to look at: out/report.html, check/ (page.png,
# figures/*.png, report.pdf, pdf-page-*.png, dom.html, net logs) and control-*/.
set -euo pipefail

if [[ $# -ne 4 ]]; then
    echo "usage: $0 SEGPROOF SCENARIO LANG WORKDIR" >&2
    exit 2
fi
segproof="$1"
scenario="$2"
lang="$3"
work="$4"
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
python=/usr/bin/python3 # Debian's, with python3-pil (the PATH one may lack PIL)
started=$SECONDS

# Chromium, the Japanese font, PIL and poppler-utils: installed when missing.
"$root/scripts/install-browser.sh"

mkdir -p "$work"
rm -rf "$work/out" "$work/check" "$work"/control-*

# 1. The report, small: 3 runs per posture.
args=(report "$scenario" --runs 3 --seed 1 --lang "$lang" --out "$work/out")
if ! help="$("$segproof" report --help 2>&1)"; then
    echo "FAIL: '$segproof report --help' failed: is there a report command?" >&2
    echo "$help" >&2
    exit 1
fi
if grep -q -- "--duration" <<<"$help"; then
    args+=(--duration 2h)
fi
echo "== $segproof ${args[*]}"
if ! "$segproof" "${args[@]}" >"$work/report.log" 2>&1; then
    echo "FAIL: segproof report exited non-zero:" >&2
    cat "$work/report.log" >&2
    exit 1
fi
if [[ ! -s "$work/out/report.html" ]]; then
    echo "FAIL: segproof report wrote no $work/out/report.html" >&2
    cat "$work/report.log" >&2
    exit 1
fi
echo "report written in $((SECONDS - started)) s"

# 2. The real page: every check must pass.
echo "== check-report.py $work/out/report.html ($lang)"
if ! "$python" "$here/check-report.py" "$work/out/report.html" "$work/check" --lang "$lang"; then
    echo "FAIL: the report does not pass its browser checks (screenshots in $work/check)" >&2
    exit 1
fi

# 3. Negative controls: each spoiled copy must fail, and fail the checks it targets.
failed=0
control() { # NAME FIGURES EXPECTED-FAIL-PATTERNS (one a line) UNEXPECTED-PATTERN (or "")
    local name="$1" figures="$2" expect="$3" unexpected="$4"
    local dir="$work/control-$name"
    local rc=0
    "$python" "$here/check-report.py" "$dir/report.html" "$dir/check" --lang "$lang" \
        --figures "$figures" >"$dir/check.log" 2>&1 || rc=$?
    local problem=""
    if [[ $rc -eq 0 ]]; then
        problem="the checks passed"
    elif [[ $rc -ne 1 ]]; then
        problem="check-report.py exited $rc (expected 1)"
    else
        local pattern
        while IFS= read -r pattern; do
            grep -Eq -- "$pattern" "$dir/check.log" || problem+="no line /$pattern/; "
        done <<<"$expect"
        if [[ -n "$unexpected" ]] && grep -Eq -- "$unexpected" "$dir/check.log"; then
            problem+="a line matches /$unexpected/; "
        fi
    fi
    if [[ -n "$problem" ]]; then
        echo "FAIL: control $name: $problem (log: $dir/check.log)" >&2
        sed 's/^/    /' "$dir/check.log" >&2
        failed=1
    else
        echo "ok: control $name failed as it must:"
        grep -E -- "$(paste -sd'|' <<<"$expect")" "$dir/check.log" | cut -c1-220 | sed 's/^/    /'
    fi
}
spoil() { # DIR MAKE-CONTROL-ARGUMENTS... (the last one the page to write)
    mkdir -p "$1"
    shift
    "$python" "$here/make-control.py" "$@"
}

# An image from the network, without the CSP that would block it: the net log must show it.
spoil "$work/control-network" network "$work/out/report.html" "$work/control-network/report.html"
control network none '^FAIL network: .*
198\.51\.100\.1' ''

# Two spoiled charts in one copy. chart-infection's <svg> emptied: the DOM check and its
# pixels must fail. chart-blocked's elements all kept but none drawn (display:none): only its
# pixels can tell, so the DOM check must not complain about it.
spoil "$work/control-charts" blank chart-infection "$work/out/report.html" \
    "$work/control-charts/blanked.html"
spoil "$work/control-charts" hide chart-blocked "$work/control-charts/blanked.html" \
    "$work/control-charts/report.html"
control charts chart-infection,chart-blocked '^FAIL dom: figure chart-infection: its <svg> is empty
^FAIL pixels: chart-infection: 
^FAIL pixels: chart-blocked: ' '^FAIL dom: figure chart-blocked'

if [[ $failed -ne 0 ]]; then
    echo "FAIL: a negative control did not fail: the checks cannot be trusted" >&2
    exit 1
fi
echo "browser test ($lang) passed in $((SECONDS - started)) s"
