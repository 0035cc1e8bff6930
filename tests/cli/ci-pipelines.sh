#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# SPDX-FileCopyrightText: 2026 The segproof authors
# The example pipelines of docs/ci.md (docs/ci/*.yml): valid YAML in yamllint's strict mode
# (a broken file must be refused: negative control), and every segproof command and option
# they use is one `segproof COMMAND --help` lists, so the examples cannot drift from the CLI.
#   ci-pipelines.sh SEGPROOF SOURCE_DIR
set -u
segproof=$1
src=$2
fail=0
config="$src/docs/ci/.yamllint"
for pipeline in "$src"/docs/ci/*.yml; do
    if ! yamllint -s -c "$config" "$pipeline"; then
        echo "FAIL: yamllint: $pipeline"
        fail=1
    fi
    # Every "segproof COMMAND ... --option" of the pipeline, its lines joined.
    while read -r command options; do
        help=$("$segproof" "$command" --help 2>&1) || {
            echo "FAIL: $pipeline: 'segproof $command' is not a command"
            fail=1
            continue
        }
        for option in $options; do
            grep -q -- "$option" <<<"$help" || {
                echo "FAIL: $pipeline: segproof $command has no $option"
                fail=1
            }
        done
        echo "$(basename "$pipeline"): segproof $command $options"
    done < <(tr '\n' ' ' <"$pipeline" | sed 's/segproof /\nsegproof /g' |
        grep -E '^segproof (diff|verify|lint|matrix|validate) ' | sed -E 's/(\|\||- name:).*//' |
        awk '{ printf "%s", $2; for (i = 3; i <= NF; i++) if ($i ~ /^--/) printf " %s", $i; print "" }')
done
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
printf -- '---\njobs:\n  a: [\n' >"$tmp/broken.yml"
if yamllint -s -c "$config" "$tmp/broken.yml" >/dev/null; then
    echo "FAIL: yamllint accepted a broken pipeline"
    fail=1
fi
exit $fail
