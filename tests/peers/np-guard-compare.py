#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
# SPDX-FileCopyrightText: 2026 The segproof authors
"""Compares segproof's connectivity with np-guard vmware-analyzer's on one NSX example.

usage: np-guard-compare.py [--known FILE] EXAMPLE.json EXPECTED.txt

Runs segproof (the binary $SEGPROOF names, default build/cli/segproof) on EXAMPLE.json as the
peer analyses it, DFW only (a scenario `estate: {nsx: EXAMPLE, unaddressed: placeholder}`,
`firewalls: {dfw: {nsx: EXAMPLE}}`, posture [dfw]), with `matrix --by machine --json`, and
compares it with EXPECTED.txt (the peer's "Analyzed connectivity" table) pair by pair and port
by port. Outside address ranges are compared address by address (each side's ranges are cut
at every boundary of the other's). The comparison ranges over the peer's connections: TCP and
UDP on ports 1-65535 (port 0 is not a port a connection can use) and ICMP; np-guard's
"All Connections" is those three, so segproof's other IP protocols are not compared.

--known FILE lists differences already explained (docs/nsx-import.md, "Compared with
np-guard"), one per line, "EXAMPLE.json: DIFFERENCE  # why"; they are printed as known and do
not count, but a listed difference that no longer occurs is one (the list must stay true).

Exit 0 when they agree (up to the known differences), 1 with every other difference printed,
2 when either side cannot be read.
"""
import ipaddress
import json
import os
import subprocess
import sys
import tempfile

PORTS = (1, 65535)
PROTOCOLS = ("tcp", "udp")


def fail(message):
    print("np-guard-compare: " + message, file=sys.stderr)
    sys.exit(2)


def empty():
    return {"tcp": set(), "udp": set(), "icmp": set(), "other": False}


def port_set(ranges):
    """The ports of [(first, last)] inside 1-65535, as a frozenset of (first, last) runs."""
    points = set()
    for first, last in ranges:
        first, last = max(first, PORTS[0]), min(last, PORTS[1])
        if first <= last:
            points.add((first, last))
    return normalise(points)


def normalise(runs):
    merged = []
    for first, last in sorted(runs):
        if merged and first <= merged[-1][1] + 1:
            merged[-1] = (merged[-1][0], max(merged[-1][1], last))
        else:
            merged.append((first, last))
    return set(merged)


def parse_peer_connections(text, where):
    """'TCP dst-ports: 80,443', 'ICMP,TCP', 'ICMP;TCP dst-ports: 80', 'All Connections'."""
    conn = empty()
    text = text.strip()
    if text == "All Connections":
        conn = {"tcp": {PORTS}, "udp": {PORTS}, "icmp": {(0, 255)}, "other": True}
        return conn
    for part in text.split(";"):
        part = part.strip()
        words = part.split(" ", 1)
        protocols = words[0].split(",")
        detail = words[1].strip() if len(words) > 1 else ""
        for protocol in protocols:
            p = protocol.strip().lower()
            if p in PROTOCOLS:
                if not detail:
                    conn[p] |= {PORTS}
                elif detail.startswith("dst-ports:"):
                    runs = set()
                    for item in detail[len("dst-ports:"):].split(","):
                        item = item.strip()
                        first, _, last = item.partition("-")
                        runs.add((int(first), int(last or first)))
                    conn[p] |= runs
                else:
                    fail(f"{where}: cannot read '{part}' (only dst-ports are compared)")
            elif p == "icmp":
                if detail:
                    fail(f"{where}: cannot read '{part}' (ICMP with a detail)")
                conn["icmp"] |= {(0, 255)}
            else:
                fail(f"{where}: unknown protocol '{protocol}' in '{text}'")
    for p in PROTOCOLS:
        conn[p] = normalise(conn[p])
    return conn


def read_expected(path):
    rows = {}
    with open(path, encoding="utf-8") as f:
        lines = [line.rstrip("\n") for line in f]
    started = False
    for number, line in enumerate(lines, 1):
        if not line.strip() or line.startswith("Analyzed connectivity"):
            continue
        cells = [c.strip() for c in line.split("|")]
        if len(cells) != 3:
            fail(f"{path}:{number}: expected 'source |destination |connections'")
        if not started:
            started = True  # the header line
            continue
        rows[(cells[0], cells[1])] = parse_peer_connections(cells[2], f"{path}:{number}")
    return rows


def run_segproof(example):
    segproof = os.environ.get("SEGPROOF", "build/cli/segproof")
    example = os.path.abspath(example)
    with tempfile.TemporaryDirectory() as tmp:
        scenario = os.path.join(tmp, "peer.yaml")
        with open(scenario, "w", encoding="utf-8") as f:
            f.write("format: segproof/v1\n"
                    "name: " + json.dumps(os.path.basename(example)) + "\n"
                    "estate: {nsx: " + json.dumps(example) + ", unaddressed: placeholder}\n"
                    "firewalls:\n"
                    "  dfw: {nsx: " + json.dumps(example) + "}\n"
                    "postures:\n"
                    "  dfw-only: [dfw]\n")
        done = subprocess.run([segproof, "matrix", scenario, "--by", "machine", "--posture",
                               "dfw-only", "--json"], capture_output=True, text=True)
    if done.returncode != 0:
        fail(f"segproof exited {done.returncode} on {example}:\n{done.stderr}")
    return json.loads(done.stdout)


def segproof_connections(pair):
    conn = empty()
    for d in pair["delivered"]:
        p = d["protocol"]
        if p in PROTOCOLS:
            for s_first, s_last in d["source_ports"]:
                if (s_first, s_last) != (0, 65535):
                    conn.setdefault("source-restricted", set()).add((p, s_first, s_last))
            conn[p] |= port_set([tuple(r) for r in d["destination_ports"]])
        elif p == "icmp":
            conn["icmp"] |= {tuple(r) for r in d["icmp_types"]}
        else:
            conn["other"] = True
    for p in PROTOCOLS:
        conn[p] = normalise(conn[p])
    conn["icmp"] = normalise(conn["icmp"])
    return conn


def to_range(text):
    """'1.2.0.0/24', '8.8.8.8', '8.8.8.8/32', '1.2.0.0-1.2.1.255' -> (first, last) ints."""
    if "-" in text:
        a, b = text.split("-")
        return int(ipaddress.IPv4Address(a)), int(ipaddress.IPv4Address(b))
    net = ipaddress.IPv4Network(text, strict=False)
    return int(net.network_address), int(net.broadcast_address)


def is_address(name):
    try:
        to_range(name)
        return True
    except ValueError:
        return False


def describe(conn):
    parts = []
    for p in PROTOCOLS:
        if conn[p]:
            runs = sorted(conn[p])
            if runs == [PORTS]:
                parts.append(p.upper())
            else:
                parts.append(p.upper() + " dst-ports: " + ",".join(
                    str(a) if a == b else f"{a}-{b}" for a, b in runs))
    if conn["icmp"]:
        parts.append("ICMP" if sorted(conn["icmp"]) == [(0, 255)] else
                     "ICMP types " + str(sorted(conn["icmp"])))
    if conn.get("source-restricted"):
        parts.append("source ports restricted: " + str(sorted(conn["source-restricted"])))
    return "; ".join(parts) or "nothing"


def same(a, b):
    keys = ("tcp", "udp", "icmp", "source-restricted")
    return all(a.get(k) == b.get(k) for k in keys if a.get(k) or b.get(k))


def read_known(path, example):
    known = {}
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            text, _, why = line.partition("  # ")
            name, _, difference = text.partition(": ")
            if not difference or not why:
                fail(f"{path}:{number}: expected 'EXAMPLE.json: DIFFERENCE  # why'")
            if name == example:
                known[difference.strip()] = why.strip()
    return known


def main():
    args = sys.argv[1:]
    known_file = None
    if len(args) >= 2 and args[0] == "--known":
        known_file = args[1]
        args = args[2:]
    if len(args) != 2:
        fail("usage: np-guard-compare.py [--known FILE] EXAMPLE.json EXPECTED.txt")
    sys.argv[1:] = args
    expected = read_expected(sys.argv[2])
    doc = run_segproof(sys.argv[1])
    ends = {e["name"]: e for e in doc["ends"]}
    ours = {}
    for pair in doc["pairs"]:
        ours[(pair["from"], pair["to"])] = segproof_connections(pair)

    # Address ends: cut both sides' ranges at every boundary, then compare per piece.
    def pieces_of(name, cuts):
        if name in ends and ends[name]["kind"] == "machine":
            return [name]
        if name in ends:
            ranges = [to_range(a) for a in ends[name]["addresses"]]
        elif is_address(name):
            ranges = [to_range(name)]
        else:
            return [name]
        out = []
        for first, last in ranges:
            points = sorted({first, last + 1} | {c for c in cuts if first < c <= last})
            out += [(points[i], points[i + 1] - 1) for i in range(len(points) - 1)]
        return out

    cuts = set()
    for name in list(ends) + [n for key in expected for n in key]:
        if (name in ends and ends[name]["kind"] == "outside") or (name not in ends and
                                                                  is_address(name)):
            for a in (ends[name]["addresses"] if name in ends else [name]):
                first, last = to_range(a)
                cuts |= {first, last + 1}

    def expand(table):
        flat = {}
        for (src, dst), conn in table.items():
            for s in pieces_of(src, cuts):
                for d in pieces_of(dst, cuts):
                    flat[(s, d)] = conn
        return flat

    theirs_flat = expand(expected)
    ours_flat = expand(ours)
    nothing = empty()

    def label(end):
        if isinstance(end, tuple):
            a, b = end
            return str(ipaddress.IPv4Address(a)) + ("" if a == b else
                                                     "-" + str(ipaddress.IPv4Address(b)))
        return end

    differences = []
    for key in sorted(set(theirs_flat) | set(ours_flat), key=lambda k: (str(k[0]), str(k[1]))):
        a = ours_flat.get(key, nothing)
        b = theirs_flat.get(key, nothing)
        if not same(a, b):
            differences.append(f"{label(key[0])} -> {label(key[1])}: segproof {describe(a)}; "
                               f"np-guard {describe(b)}")
    name = os.path.basename(sys.argv[1])
    known = read_known(known_file, name) if known_file else {}
    explained = [d for d in differences if d in known]
    unexplained = [d for d in differences if d not in known]
    vanished = [d for d in known if d not in differences]
    for d in explained:
        print(f"  known: {d}  ({known[d]})")
    if unexplained or vanished:
        print(f"{name}: {len(unexplained)} difference(s)" +
              (f", {len(vanished)} known difference(s) no longer seen" if vanished else ""))
        for d in unexplained:
            print("  " + d)
        for d in vanished:
            print("  listed as known but not seen: " + d)
        return 1
    print(f"{name}: agrees with np-guard on {len(expected)} pair(s)" +
          (f", up to {len(explained)} known difference(s)" if explained else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
