#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
# SPDX-FileCopyrightText: 2026 The segproof authors
"""The NSX export's round trip on one scenario: `segproof export-nsx SCENARIO` (twice: the same
bytes), then the scenario with `firewalls: {dfw: {nsx: EXPORT}}` in place of its DFW, and
`segproof diff ORIGINAL ROUNDTRIP --posture P` for posture `all` and every posture the scenario
defines must find nothing newly allowed or blocked (exit 0).

usage: nsx-round-trip.py SEGPROOF SCENARIO WORK_DIR
"""
import os
import re
import subprocess
import sys


def run(command):
    done = subprocess.run(command, capture_output=True, text=True)
    return done.returncode, done.stdout, done.stderr


def replace_dfw(text, export):
    """The scenario's text with its `dfw:` section under `firewalls:` replaced by an import."""
    lines = text.splitlines(keepends=True)
    out = []
    in_firewalls = False
    skipping = False
    replaced = False
    for line in lines:
        stripped = line.strip()
        indent = len(line) - len(line.lstrip(' '))
        if skipping:
            if stripped == '' or indent > 2:
                continue
            skipping = False
        if re.match(r'^firewalls:', line):
            in_firewalls = True
        elif re.match(r'^\S', line) and not line.startswith('#'):
            in_firewalls = False
        if in_firewalls and re.match(r'^  dfw:', line):
            out.append('  dfw: {nsx: "%s"}\n' % export)
            skipping = True
            replaced = True
            continue
        out.append(line)
    if not replaced:
        raise SystemExit('no dfw section under firewalls: in the scenario')
    return ''.join(out)


def absolute_nsx_paths(text, folder):
    """Other `nsx: FILE` paths (an estate read from NSX), relative to the scenario's folder,
    made absolute: the round-trip copy lives elsewhere."""
    def absolute(m):
        path = m.group(2)
        if path.startswith('/') or path.startswith('"'):
            return m.group(0)
        return m.group(1) + '"' + os.path.abspath(os.path.join(folder, path)) + '"'
    return re.sub(r'(nsx:\s*)([^\s,{}]+)', absolute, text)


def postures(text):
    names = []
    inside = False
    for line in text.splitlines():
        if re.match(r'^postures:', line):
            inside = True
            continue
        if inside:
            if re.match(r'^\S', line):
                break
            m = re.match(r'^  ([^\s#:][^:]*):', line)
            if m:
                names.append(m.group(1).strip())
    return names


def main():
    segproof, scenario, work = sys.argv[1:4]
    os.makedirs(work, exist_ok=True)
    base = os.path.splitext(os.path.basename(scenario))[0]
    export = os.path.abspath(os.path.join(work, base + '.nsx.json'))
    again = os.path.abspath(os.path.join(work, base + '.again.nsx.json'))
    failures = []
    for target in (export, again):
        code, out, err = run([segproof, 'export-nsx', scenario, '--out', target])
        sys.stdout.write(out)
        sys.stdout.write(err)
        if code != 0:
            raise SystemExit('export-nsx exited %d' % code)
    if open(export, 'rb').read() != open(again, 'rb').read():
        failures.append('two exports of the same scenario differ')
    text = open(scenario, encoding='utf-8').read()
    roundtrip = os.path.join(work, base + '.roundtrip.yaml')
    with open(roundtrip, 'w', encoding='utf-8') as f:
        f.write(absolute_nsx_paths(replace_dfw(text, export),
                                   os.path.dirname(os.path.abspath(scenario))))
    checked = ['all'] + postures(text)
    for posture in checked:
        code, out, err = run([segproof, 'diff', scenario, roundtrip, '--posture', posture])
        clean = ('newly allowed: none' in out.splitlines() and
                 'newly blocked: none' in out.splitlines())
        print('posture %s: diff exit %d, %s' % (posture, code, 'no change' if clean else 'CHANGED'))
        if code != 0 or not clean:
            failures.append('posture %s:\n%s%s' % (posture, out, err))
    if failures:
        print('\n'.join(['FAILED'] + failures))
        return 1
    print('round trip of %s: no change under %d postures (%s)'
          % (scenario, len(checked), ', '.join(checked)))
    return 0


if __name__ == '__main__':
    sys.exit(main())
