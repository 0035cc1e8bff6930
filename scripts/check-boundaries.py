#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
# SPDX-FileCopyrightText: 2026 The segproof authors
"""Checks the folder boundaries of docs/development.md, by what each target links and what each
file includes: core/ links and includes no parser (yaml-cpp, nlohmann-json), no engine (ns-3,
Z3) and nothing of another folder; a folder under formats/ never ns-3 or Z3, nor another
format's folder unless the table allows it; and so on for every folder. Prints one line per
breach and exits 1 when there is any, 0 when there is none.

usage: check-boundaries.py SOURCE_DIR [--graphviz FILE]
  SOURCE_DIR      the project's source tree (its #include lines are read)
  --graphviz FILE CMake's dependency graph (cmake --graphviz=FILE); without it, the script
                  configures SOURCE_DIR in a temporary build folder to make one
"""
import os
import re
import subprocess
import sys
import tempfile

# Libraries by what they are (patterns on CMake target names and link items).
PARSERS = [r'^yaml-cpp$', r'^nlohmann_json', r'libyaml-cpp']
YAML = [r'^yaml-cpp$', r'libyaml-cpp']
NS3 = [r'^ns3::', r'libns3']
Z3 = [r'^Z3::', r'libz3']
SQLITE = [r'^SQLite::', r'libsqlite3']
MPI = [r'^MPI::', r'libmpi']
CLI11 = [r'^CLI11::']
FORMATS = [r'^segproof_format_']


def targets(*names):
    return [r'^segproof_%s$' % n for n in names]


# What each library target must never link, directly or through another target.
LINKS = {
    r'^segproof_core$': PARSERS + NS3 + Z3 + SQLITE + MPI + CLI11 + FORMATS +
    targets('verifier', 'sim', 'reports', 'results', 'research', 'campaign', 'collect'),
    # The NSX Manager client: core, libcurl and nlohmann-json, nothing else of segproof's.
    r'^segproof_collect$': YAML + NS3 + Z3 + SQLITE + MPI + CLI11 + FORMATS +
    targets('verifier', 'sim', 'reports', 'results', 'research', 'campaign'),
    # The NSX export writes core's types as JSON: core and nlohmann-json, no reader.
    r'^segproof_format_nsx_export$': [r'^yaml-cpp$', r'libyaml-cpp'] + FORMATS,
    r'^segproof_format_': NS3 + Z3 + SQLITE + MPI + CLI11 +
    targets('verifier', 'sim', 'reports', 'results', 'research', 'campaign'),
    r'^segproof_verifier$': NS3 + SQLITE + MPI + FORMATS + targets('sim'),
    r'^segproof_sim$': Z3 + targets('verifier'),
    r'^segproof_reports$': NS3 + Z3 + SQLITE + MPI + targets('verifier', 'sim'),
    r'^segproof_results$': NS3 + Z3 + MPI + targets('verifier', 'sim'),
    r'^segproof_research$': NS3 + Z3 + SQLITE + MPI + targets('verifier', 'sim'),
    r'^segproof_campaign$': Z3 + targets('verifier'),
}

# Headers by what they are (patterns on the text between the include's <> or "").
H_PARSERS = [r'^yaml-cpp/', r'^nlohmann/']
H_YAML = [r'^yaml-cpp/']
H_NS3 = [r'^ns3/']
H_Z3 = [r'^z3']
H_SQLITE = [r'^sqlite3\.h$']
H_MPI = [r'^mpi\.h$']
H_CLI11 = [r'^CLI/']


def folders(*names):
    return [r'^%s/' % n for n in names]


# What the files of each folder must never include: (folder, forbidden, allowed exceptions).
# The first rule whose folder holds the file applies.
INCLUDES = [
    ('core/', H_PARSERS + H_NS3 + H_Z3 + H_SQLITE + H_MPI + H_CLI11 +
     folders('formats', 'verifier', 'sim', 'reports', 'results', 'research', 'campaign', 'cli',
             'collect'),
     []),
    # The NSX Manager client (libcurl, nlohmann-json) reads no file format and runs no engine.
    ('collect/', H_YAML + H_NS3 + H_Z3 + H_SQLITE + H_MPI + H_CLI11 +
     folders('formats', 'verifier', 'sim', 'reports', 'results', 'research', 'campaign', 'cli'),
     []),
    # A reader may use the shared input plumbing; the scenario reads the NSX export a
    # `dfw: {nsx: FILE}` names and the SharpHound collection `identity: {sharphound: PATH}`
    # names; no other format includes another.
    ('formats/scenario/', H_NS3 + H_Z3 + H_SQLITE + H_MPI + H_CLI11 +
     folders('formats', 'verifier', 'sim', 'reports', 'results', 'research', 'campaign', 'cli'),
     folders('formats/scenario', 'formats/input', 'formats/nsx', 'formats/sharphound')),
    # The NSX export writes what core holds; it reads nothing, so not even formats/input.
    ('formats/nsx-export/', H_NS3 + H_Z3 + H_SQLITE + H_MPI + H_CLI11 + [r'^yaml-cpp/'] +
     folders('formats', 'verifier', 'sim', 'reports', 'results', 'research', 'campaign', 'cli'),
     folders('formats/nsx-export')),
    ('formats/', H_NS3 + H_Z3 + H_SQLITE + H_MPI + H_CLI11 +
     folders('formats', 'verifier', 'sim', 'reports', 'results', 'research', 'campaign', 'cli'),
     folders('formats/input')),
    ('verifier/', H_NS3 + H_SQLITE + H_MPI + H_PARSERS +
     folders('formats', 'sim', 'reports', 'results', 'research', 'campaign', 'cli'), []),
    # The simulator reads no file: it sends its results between processes as JSON.
    ('sim/', H_Z3 + H_SQLITE + H_MPI + H_PARSERS +
     folders('formats', 'verifier', 'reports', 'results', 'research', 'campaign', 'cli'),
     folders('formats/run-result')),
    ('reports/', H_NS3 + H_Z3 + H_SQLITE + H_MPI +
     folders('formats', 'verifier', 'sim', 'results', 'research', 'campaign', 'cli'), []),
    ('results/', H_NS3 + H_Z3 + H_MPI +
     folders('formats', 'verifier', 'sim', 'research', 'campaign', 'cli'), []),
    ('research/', H_NS3 + H_Z3 + H_SQLITE + H_MPI +
     folders('formats', 'verifier', 'sim', 'results', 'campaign', 'cli'), []),
    # MPI is called from mpi-rank-link.cc only.
    ('campaign/', H_Z3 + H_MPI + folders('verifier', 'cli'), []),
]
MPI_HOME = 'campaign/mpi-rank-link.cc'
INCLUDE = re.compile(r'^\s*#\s*include\s*[<"]([^>"]+)[>"]', re.M)


def matches(patterns, text):
    return any(re.search(p, text) for p in patterns)


def source_files(root):
    for folder in ['core', 'collect', 'formats', 'verifier', 'sim', 'reports', 'results',
                   'research', 'campaign', 'cli']:
        for dirpath, _, files in os.walk(os.path.join(root, folder)):
            for f in sorted(files):
                if f.endswith(('.h', '.cc')):
                    path = os.path.join(dirpath, f)
                    yield os.path.relpath(path, root).replace(os.sep, '/')


def include_breaches(root):
    breaches = []
    headers_of = {}
    for rel in source_files(root):
        text = open(os.path.join(root, rel), encoding='utf-8', errors='replace').read()
        included = [(text.count('\n', 0, m.start()) + 1, m.group(1))
                    for m in INCLUDE.finditer(text)]
        headers_of[rel] = included
        rule = next((r for r in INCLUDES if rel.startswith(r[0])), None)
        if rule is None:
            continue
        folder, forbidden, allowed = rule
        for line, header in included:
            if rel == MPI_HOME and header == 'mpi.h':
                continue
            if matches(forbidden, header) and not matches(allowed, header):
                why = ('only %s calls MPI' % MPI_HOME if header == 'mpi.h' else
                       '%s never uses it' % folder)
                breaches.append('%s:%d: includes %s, and %s (docs/development.md)'
                                % (rel, line, header, why))
    # No ns-3 type in the sim/ headers the CLI includes: it links sim, not ns-3.
    for rel, included in headers_of.items():
        if not rel.startswith('cli/'):
            continue
        for _, header in included:
            if header.startswith('sim/') and header in headers_of:
                for line, inner in headers_of[header]:
                    if inner.startswith('ns3/'):
                        breaches.append('%s:%d: includes %s, an ns-3 header, and cli/%s '
                                        'includes it (no ns-3 type in the headers cli/ uses)'
                                        % (header, line, inner, os.path.basename(rel)))
    return sorted(set(breaches))


def read_graph(dot):
    labels, edges = {}, {}
    node = re.compile(r'^\s*"(node\d+)" \[ label = "([^"\\]+)')
    edge = re.compile(r'^\s*"(node\d+)" -> "(node\d+)"')
    for line in open(dot, encoding='utf-8'):
        m = node.match(line)
        if m:
            labels[m.group(1)] = m.group(2)
            continue
        m = edge.match(line)
        if m:
            edges.setdefault(m.group(1), []).append(m.group(2))
    graph = {}
    for a, bs in edges.items():
        graph.setdefault(labels[a], []).extend(labels[b] for b in bs)
    return {labels[n]: graph.get(labels[n], []) for n in labels}


def link_breaches(graph):
    breaches = []
    for target in sorted(graph):
        rules = [forbidden for pattern, forbidden in LINKS.items() if re.search(pattern, target)]
        if not rules:
            continue
        # Depth-first over what the target links, keeping the path that reached each library.
        seen, stack = {}, [(target, [target])]
        while stack:
            name, path = stack.pop()
            for dep in graph.get(name, []):
                if dep not in seen:
                    seen[dep] = path + [dep]
                    stack.append((dep, path + [dep]))
        for dep, path in sorted(seen.items()):
            if any(matches(forbidden, dep) for forbidden in rules):
                breaches.append('link: %s links %s (%s)' % (target, dep, ' -> '.join(path)))
    return breaches


def graph_of(root):
    """CMake's dependency graph of the project, configured in a temporary folder."""
    with tempfile.TemporaryDirectory(prefix='segproof-boundaries-') as build:
        dot = os.path.join(build, 'deps.dot')
        subprocess.run(['cmake', '-S', root, '-B', build, '--graphviz=' + dot,
                        '-DSEGPROOF_BUILD_TESTS=OFF', '-DSEGPROOF_BUILD_BENCH=OFF'],
                       check=True, stdout=subprocess.DEVNULL)
        return read_graph(dot)


def main(argv):
    if len(argv) not in (2, 4) or (len(argv) == 4 and argv[2] != '--graphviz'):
        sys.stderr.write(__doc__)
        return 2
    root = argv[1]
    graph = read_graph(argv[3]) if len(argv) == 4 else graph_of(root)
    breaches = include_breaches(root) + link_breaches(graph)
    for b in breaches:
        print(b)
    libraries = sum(1 for t in graph if any(re.search(p, t) for p in LINKS))
    print('check-boundaries: %d library targets and %d source files checked: %s'
          % (libraries, sum(1 for _ in source_files(root)),
             '%d breaches' % len(breaches) if breaches else 'no breach'))
    return 1 if breaches else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
