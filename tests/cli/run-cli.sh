#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# SPDX-FileCopyrightText: 2026 The segproof authors
# Runs one segproof command and checks its exit code and output.
#
#   run-cli.sh [--exit N] [--stdout-matches RE] [--stderr-matches RE] [--stderr-empty]
#              [--stderr-line TEXT] [--stderr-expect-from FILE] -- COMMAND [ARGS...]
#
# --stderr-line TEXT         stderr has a line exactly equal to TEXT (repeatable)
# --stderr-expect-from FILE  stderr has, in order, "FILE:LINE:COL: message" for every
#                            "# expect: LINE:COL: message" line at the top of FILE (the
#                            malformed-input corpus's own expectations; `{file}` in a message
#                            stands for FILE)
set -u

expectedExit=0
stdoutPatterns=()
stderrPatterns=()
stderrLines=()
stderrEmpty=0
while [[ $# -gt 0 && "$1" != "--" ]]; do
    case "$1" in
    --exit) expectedExit="$2"; shift 2 ;;
    --stdout-matches) stdoutPatterns+=("$2"); shift 2 ;;
    --stderr-matches) stderrPatterns+=("$2"); shift 2 ;;
    --stderr-empty) stderrEmpty=1; shift ;;
    --stderr-line) stderrLines+=("$2"); shift 2 ;;
    --stderr-expect-from)
        while IFS= read -r line; do
            [[ "$line" == "# expect: "* ]] || break
            expectation="${line#\# expect: }"
            stderrLines+=("$2:${expectation//\{file\}/"$2"}")
        done <"$2"
        if [[ ${#stderrLines[@]} -eq 0 ]]; then
            echo "FAIL: $2 has no '# expect:' lines" >&2
            exit 1
        fi
        shift 2
        ;;
    *) echo "run-cli.sh: unknown option $1" >&2; exit 1 ;;
    esac
done
if [[ $# -lt 2 ]]; then
    echo "run-cli.sh: missing '-- COMMAND'" >&2
    exit 1
fi
shift

outDir=$(mktemp -d)
trap 'rm -rf "$outDir"' EXIT
"$@" >"$outDir/stdout" 2>"$outDir/stderr"
actualExit=$?

failed=0
fail() {
    echo "FAIL: $*" >&2
    failed=1
}

[[ "$actualExit" == "$expectedExit" ]] || fail "exit code $actualExit, expected $expectedExit"
for re in "${stdoutPatterns[@]+"${stdoutPatterns[@]}"}"; do
    grep -Eq -- "$re" "$outDir/stdout" || fail "stdout does not match /$re/"
done
for re in "${stderrPatterns[@]+"${stderrPatterns[@]}"}"; do
    grep -Eq -- "$re" "$outDir/stderr" || fail "stderr does not match /$re/"
done
if [[ $stderrEmpty -eq 1 && -s "$outDir/stderr" ]]; then
    fail "stderr is not empty"
fi
# Expected lines must appear in the order given.
lineNumber=0
for expected in "${stderrLines[@]+"${stderrLines[@]}"}"; do
    found=$(grep -nFx -- "$expected" "$outDir/stderr" | head -n 1 | cut -d: -f1)
    if [[ -z "$found" ]]; then
        fail "stderr lacks the line: $expected"
    elif [[ "$found" -le "$lineNumber" ]]; then
        fail "stderr line out of order: $expected"
    else
        lineNumber=$found
    fi
done

if [[ $failed -ne 0 ]]; then
    echo "--- command: $*" >&2
    echo "--- stdout:" >&2
    cat "$outDir/stdout" >&2
    echo "--- stderr:" >&2
    cat "$outDir/stderr" >&2
    exit 1
fi
exit 0
