#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
# SPDX-FileCopyrightText: 2026 The segproof authors
"""Writes scenarios/enterprise-10k.yaml: the 10,000-desktop enterprise preset.

    python3 scenarios/generate-enterprise.py              # writes scenarios/enterprise-10k.yaml
    python3 scenarios/generate-enterprise.py -o -         # writes to stdout
    python3 scenarios/generate-enterprise.py --check      # exits 1 if the file on disk differs

Python 3 standard library only and fully deterministic (no randomness): the same script
always writes the same bytes, so the YAML can be regenerated and diffed in review.
Edit this script, not the YAML.

Sizing comes from the project's research notes (docs: parameters.md, "VDI estate sizing" and
"NSX distributed firewall"); everything marked [A] in the YAML header is an assumption.
"""

import argparse
import os
import sys
import textwrap

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_OUTPUT = os.path.join(HERE, "enterprise-10k.yaml")

# --------------------------------------------------------------------------------------------
# Sizing (parameters.md, "VDI estate sizing")
# --------------------------------------------------------------------------------------------
BLOCKS = 5                      # 10,000 desktops = 5 blocks x 2,000 (Horizon 7 pod/block)
SEGMENTS_PER_BLOCK = 4          # 4 x /23 per block
DESKTOPS_PER_SEGMENT = 500      # a /23 (community Horizon multi-VLAN best practice)
HOSTS_PER_BLOCK = 18            # 16 x 125 desktops + 2 spare
ACTIVE_HOSTS_PER_BLOCK = 16
DESKTOPS_PER_HOST = 125         # Horizon 6.2 planning guide, 8-10 desktops per core [A: 125]
DESKTOPS_PER_BLOCK = SEGMENTS_PER_BLOCK * DESKTOPS_PER_SEGMENT
assert ACTIVE_HOSTS_PER_BLOCK * DESKTOPS_PER_HOST == DESKTOPS_PER_BLOCK

# Departments [A]: (population, desktops). Laid out block by block, in numbering order, each
# block filling its 4 segments of 500 in turn; a department may straddle segment boundaries.
LAYOUT = [
    [("finance", 900), ("executive", 100), ("hr", 300), ("legal", 200), ("it-admin", 40),
     ("it-helpdesk", 120), ("it", 240), ("procurement", 100)],
    [("engineering", 2000)],
    [("engineering", 400), ("procurement", 100), ("sales", 1400), ("procurement-2", 100)],
    [("marketing", 500), ("operations", 1300), ("contractor-ops", 200)],
    [("support", 1600), ("contractor-support", 400)],
]

# Population key -> (department, extra tags). The Windows firewall GPO exception "File and
# Printer Sharing (SMB-In)" is on 85% of desktops (P = 0.85, vendor survey in parameters.md);
# the hardened departments (finance, executive, hr, legal: 1,500 desktops) lack it [A].
POPULATIONS = {
    "finance": ("finance", []),
    "executive": ("executive", []),
    "hr": ("hr", []),
    "legal": ("legal", []),
    "it-admin": ("it", ["role|it-admin"]),
    "it-helpdesk": ("it", ["role|helpdesk"]),
    "it": ("it", []),
    "procurement": ("procurement", []),
    "procurement-2": ("procurement", []),
    "engineering": ("engineering", []),
    "sales": ("sales", []),
    "marketing": ("marketing", []),
    "operations": ("operations", []),
    "contractor-ops": ("operations", ["worker|contractor"]),
    "support": ("support", []),
    "contractor-support": ("support", ["worker|contractor"]),
}
HARDENED_DEPARTMENTS = {"finance", "executive", "hr", "legal"}
DEPARTMENTS = ["finance", "executive", "hr", "legal", "it", "procurement", "engineering",
               "sales", "marketing", "operations", "support"]
DESKTOP_OS = "Windows 11 Enterprise"
# What a desktop serves: the Windows defaults (RPC, NetBIOS, SMB, RDP), the Horizon agent
# (Blast, PCoIP, USB and MMR redirection), SCCM remote control and the EDR agent's push port.
DESKTOP_LISTENS = ["rpc-epmap", "netbios", "smb", "rdp", "blast", "pcoip", "horizon-usb",
                   "horizon-mmr", "sccm-rc", "edr-push"]
# Every Windows server also serves RPC, SMB (admin shares), RDP, WinRM and the monitoring,
# backup and EDR agents; Linux servers and appliances SSH and SNMP.
WINDOWS_LISTENS = ["rpc-epmap", "smb", "rdp", "winrm", "mon-agent", "backup-agent", "edr-push"]
APPLIANCE_LISTENS = ["ssh", "snmp"]


def seg_name(block, seg):
    return "vdi-b%d-%d" % (block, seg)


def seg_cidr(block, seg):
    return "10.%d.%d.0/23" % (10 + block, 2 * (seg - 1))


def seg_group(block, seg):
    return "seg-" + seg_name(block, seg)


def desktop_segments():
    for b in range(1, BLOCKS + 1):
        for s in range(1, SEGMENTS_PER_BLOCK + 1):
            yield b, s


# --------------------------------------------------------------------------------------------
# Servers [A]: 4 DCs, 4 file, 2 SQL, 6 app, 2 mail, 2 proxy, 2 UAG (parameters.md, enterprise
# preset), plus the infrastructure a Horizon pod of this size runs: 7 connection servers (5+2,
# Horizon 7.7), one vCenter per block, and [A] 2 jump hosts, SCCM, KMS, backup, monitoring.
# --------------------------------------------------------------------------------------------
SERVER_SEGMENTS = [
    # name, vlan, cidr, host pattern
    ("infra", 200, "10.20.0.0/24", "esx-srv[01-04]"),
    ("servers", 201, "10.20.1.0/24", "esx-srv[01-04]"),
    ("db", 202, "10.20.2.0/24", "esx-srv[01-04]"),
    ("mgmt", 300, "10.30.0.0/24", "esx-mgmt[01-02]"),
    ("dmz", 900, "172.16.10.0/24", "esx-dmz[01-02]"),
]

WIN = "Windows Server 2022"
# name pattern, segment, first ip, tags, listens, os, holds
SERVERS = [
    ("dc[01-04]", "infra", "10.20.0.10", ["role|domain-controller", "os|windows"],
     ["dns", "kerberos", "kpasswd", "ldap", "ldaps", "gc", "ntp", "smb", "rpc-epmap", "rpc-dyn",
      "dhcp"], WIN, None),
    ("sccm01", "infra", "10.20.0.20", ["role|sccm", "os|windows"],
     ["sccm-mp", "wsus", "sccm-notify", "smb", "rdp"], WIN, None),
    ("kms01", "infra", "10.20.0.21", ["role|kms", "os|windows"], ["kms"], WIN, None),
    ("fs01", "servers", "10.20.1.10", ["role|file-server", "share|profiles", "os|windows"],
     ["smb"], WIN, None),
    ("fs[02-03]", "servers", "10.20.1.11", ["role|file-server", "share|departmental",
                                           "os|windows"], ["smb"], WIN, None),
    ("fs04", "servers", "10.20.1.13", ["role|file-server", "share|finance-vault",
                                      "data|crown-jewel", "os|windows"], ["smb"], WIN,
     (1200000, "180GB")),
    ("erp-web01", "servers", "10.20.1.20", ["role|app-server", "app|erp", "tier|web",
                                            "os|windows"],
     ["https", "expenses", "itsm", "clm"], WIN, None),
    ("erp-app01", "servers", "10.20.1.21", ["role|app-server", "app|erp", "tier|app",
                                            "os|windows"],
     ["sap-gui", "sap-msg", "sap-gw", "bi"], WIN, None),
    ("hris-web01", "servers", "10.20.1.22", ["role|app-server", "app|hris", "tier|web",
                                             "os|windows"],
     ["https", "recruiting", "intranet", "kb", "cms"], WIN, None),
    ("hris-app01", "servers", "10.20.1.23", ["role|app-server", "app|hris", "tier|app",
                                             "os|windows"],
     ["hris-client", "payroll", "hris-api"], WIN, None),
    ("plm-web01", "servers", "10.20.1.24", ["role|app-server", "app|plm", "tier|web",
                                            "os|windows"], ["https"], WIN, None),
    ("plm-app01", "servers", "10.20.1.25", ["role|app-server", "app|plm", "tier|app",
                                            "os|windows"],
     ["plm-fms", "flexlm", "wms", "cti", "plm-api"], WIN, None),
    ("prt[01-02]", "servers", "10.20.1.40", ["role|print-server", "os|windows"],
     ["smb", "rpc-epmap", "rpc-dyn"], WIN, None),
    ("mail[01-02]", "servers", "10.20.1.30", ["role|mail", "os|windows"],
     ["smtp", "https", "exchange-repl"], WIN, None),
    ("sql01", "db", "10.20.2.10", ["role|sql", "app|erp", "tier|db", "data|crown-jewel",
                                   "os|windows"], ["mssql", "mssql-browser"], WIN,
     (3500000, "420GB")),
    ("sql02", "db", "10.20.2.11", ["role|sql", "app|plm", "tier|db", "os|windows"],
     ["mssql", "mssql-browser"], WIN, None),
    ("vc[01-05]", "mgmt", "10.30.0.10", ["role|vcenter", "os|appliance"], ["https", "ssh"],
     "VMware Photon OS", None),
    ("cs[01-07]", "mgmt", "10.30.0.20", ["role|connection-server", "os|windows"],
     ["https", "horizon-jms", "horizon-cs-repl"], WIN, None),
    ("jump[01-02]", "mgmt", "10.30.0.30", ["role|jump-host", "os|windows"], ["rdp"], WIN, None),
    ("bkp01", "mgmt", "10.30.0.40", ["role|backup", "os|windows"], ["https"], WIN, None),
    ("mon01", "mgmt", "10.30.0.41", ["role|monitoring", "os|linux"], ["https", "syslog"],
     "Linux", None),
    ("edr01", "mgmt", "10.30.0.42", ["role|edr", "os|windows"], ["edr-agent", "https"], WIN,
     None),
    ("uag[01-02]", "dmz", "172.16.10.10", ["role|uag", "os|appliance"], ["uag-ext", "ssh"],
     "VMware Photon OS", None),
    ("proxy[01-02]", "dmz", "172.16.10.20", ["role|proxy", "os|linux"], ["proxy", "ssh"],
     "Linux", None),
]

# Addresses outside the estate (RFC 5737 documentation ranges [A]):
#   192.0.2.0/24      public services the estate uses (SaaS, DNS, NTP, update, partner)
#   198.51.100.0/24   threat-intelligence blocklist (IOC feed)
#   203.0.113.0/24    attacker infrastructure: the C2 server (new, on no blocklist)
EXTERNALS = [
    ("c2", "203.0.113.10"),
    ("saas-m365", "192.0.2.10"),
    ("teams-media", "192.0.2.11"),
    ("saas-crm", "192.0.2.20"),
    ("saas-hr", "192.0.2.21"),
    ("idp", "192.0.2.30"),
    ("dns-resolver1", "192.0.2.53"),
    ("dns-resolver2", "192.0.2.54"),
    ("ntp1", "192.0.2.123"),
    ("ntp2", "192.0.2.124"),
    ("windows-update", "192.0.2.80"),
    ("backup-cloud", "192.0.2.90"),
    ("bank-sftp", "192.0.2.100"),
]

SERVICES = [
    ("dns", ["udp/53", "tcp/53"]),
    ("dns-udp", ["udp/53"]),
    ("dns-tcp", ["tcp/53"]),
    ("kerberos", ["tcp/88", "udp/88"]),
    ("kerberos-tcp", ["tcp/88"]),
    ("kerberos-udp", ["udp/88"]),
    ("kpasswd", ["tcp/464", "udp/464"]),
    ("ldap", ["tcp/389", "udp/389"]),
    ("ldap-tcp", ["tcp/389"]),
    ("cldap", ["udp/389"]),
    ("ldaps", ["tcp/636"]),
    ("gc", ["tcp/3268", "tcp/3269"]),
    ("ntp", ["udp/123"]),
    ("smb", ["tcp/445"]),
    ("netbios", ["udp/137", "udp/138", "tcp/139"]),
    ("rpc-epmap", ["tcp/135"]),
    ("rpc-dyn", ["tcp/49152-65535"]),
    ("dhcp", ["udp/67"]),
    ("ad-ws", ["tcp/9389"]),
    ("dfsr", ["tcp/5722"]),
    ("llmnr", ["udp/5355"]),
    ("mdns", ["udp/5353"]),
    ("kms", ["tcp/1688"]),
    ("sccm-mp", ["tcp/80", "tcp/443"]),
    ("wsus", ["tcp/8530", "tcp/8531"]),
    ("sccm-notify", ["tcp/10123"]),
    ("sccm-rc", ["tcp/2701"]),
    ("http", ["tcp/80"]),
    ("https", ["tcp/443"]),
    ("web", ["tcp/80", "tcp/443"]),
    ("ftp", ["tcp/21"]),
    ("proxy", ["tcp/8080"]),
    ("smtp", ["tcp/25"]),
    ("exchange-repl", ["tcp/64327"]),
    ("mssql", ["tcp/1433"]),
    ("mssql-browser", ["udp/1434"]),
    ("sap-gui", ["tcp/3200-3209"]),          # SAP instance numbers 00-09 [A]
    ("sap-gw", ["tcp/3300-3309"]),
    ("sap-msg", ["tcp/3600-3609"]),
    ("rdp", ["tcp/3389"]),
    ("winrm", ["tcp/5985", "tcp/5986"]),
    ("ssh", ["tcp/22"]),
    ("dameware", ["tcp/6129"]),
    ("blast", ["tcp/22443", "udp/22443"]),
    ("blast-tcp", ["tcp/22443"]),
    ("blast-udp", ["udp/22443"]),
    ("pcoip", ["tcp/4172", "udp/4172"]),
    ("pcoip-tcp", ["tcp/4172"]),
    ("pcoip-udp", ["udp/4172"]),
    ("horizon-usb", ["tcp/32111"]),
    ("horizon-mmr", ["tcp/9427"]),
    ("horizon-jms", ["tcp/4001", "tcp/4002"]),
    ("horizon-cs-repl", ["tcp/4100", "tcp/4101", "tcp/8472", "tcp/22389", "tcp/22636"]),
    ("uag-ext", ["tcp/443", "udp/443", "tcp/8443", "udp/8443", "tcp/4172", "udp/4172"]),
    ("vcenter-elm", ["tcp/443", "tcp/2012", "tcp/2014", "tcp/2020", "tcp/389"]),
    ("backup-agent", ["tcp/6160", "tcp/6162", "tcp/2500-3300"]),
    ("backup-installer", ["tcp/6160"]),
    ("backup-transport", ["tcp/6162"]),
    ("backup-data", ["tcp/2500-3300"]),
    ("edr-agent", ["tcp/4120", "tcp/4122"]),
    ("edr-push", ["tcp/4118"]),
    ("mon-agent", ["tcp/10050"]),
    ("snmp", ["udp/161"]),
    ("syslog", ["udp/514", "tcp/6514"]),
    ("ping", ["icmp/8"]),
    ("teams-media", ["udp/3478-3481"]),
    # internal applications [A]: one port each on the app servers
    ("expenses", ["tcp/8444"]),
    ("itsm", ["tcp/8082"]),
    ("clm", ["tcp/8446"]),
    ("bi", ["tcp/8083"]),
    ("recruiting", ["tcp/8445"]),
    ("intranet", ["tcp/8081"]),
    ("hris-client", ["tcp/8443"]),
    ("payroll", ["tcp/9443"]),
    ("hris-api", ["tcp/8009"]),
    ("kb", ["tcp/8085"]),
    ("cms", ["tcp/8086"]),
    ("plm-fms", ["tcp/4544"]),
    ("flexlm", ["tcp/27000-27009"]),
    ("plm-api", ["tcp/7001"]),
    ("wms", ["tcp/8084"]),
    ("cti", ["tcp/5060", "udp/5060", "udp/16384-32767"]),
    ("sccm-console", ["tcp/135", "tcp/445"]),
]


# --------------------------------------------------------------------------------------------
# YAML emission helpers (flow style, one rule per line)
# --------------------------------------------------------------------------------------------
def scalar(v):
    """A YAML scalar: plain when that reads back as the same string, else double-quoted."""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int):
        return str(v)
    s = str(v)
    plain = (s != "" and s == s.strip() and s[0] not in "-|"
             and all(c.isalnum() or c in "-_.|/+ " for c in s)
             and s.lower() not in ("true", "false", "null", "yes", "no", "on", "off", "~"))
    return s if plain else '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def flow(v):
    """Flow style; a list of one is written as its element (the reader accepts both)."""
    if isinstance(v, (list, tuple)):
        if len(v) == 1:
            return flow(v[0])
        return "[" + ", ".join(flow(x) for x in v) + "]"
    if isinstance(v, dict):
        return "{" + ", ".join("%s: %s" % (k, flow(x)) for k, x in v.items()) + "}"
    return scalar(v)


def flow_list(v):
    """Always a list, even of one."""
    return "[" + ", ".join(flow(x) for x in v) + "]"


class Policy:
    def __init__(self, name):
        self.name = name
        self.lines = []
        self.ids = set()
        self.count = 0
        self.no_applied_to = 0
        self.disabled = 0
        self.reject = 0

    def section(self, title):
        self.lines.append("      # --- %s" % title)

    def comment(self, text):
        self.lines.append("      # " + text)

    def rule(self, id, src, dst, service, action="allow", applied_to=None, direction=None,
             disabled=False, description=None, note=None):
        assert id not in self.ids, id
        self.ids.add(id)
        fields = [("id", id), ("from", src), ("to", dst), ("service", service),
                  ("action", action)]
        if direction:
            fields.append(("direction", direction))
        if applied_to:
            fields.append(("applied_to", applied_to))
        else:
            self.no_applied_to += 1
        if disabled:
            fields.append(("disabled", True))
            self.disabled += 1
        if action == "reject":
            self.reject += 1
        if description:
            fields.append(("description", description))
        line = "      - {" + ", ".join("%s: %s" % (k, flow(v)) for k, v in fields) + "}"
        if note:
            line += "  # " + note
        self.lines.append(line)
        self.count += 1


# --------------------------------------------------------------------------------------------
# Estate
# --------------------------------------------------------------------------------------------
def expand(pattern):
    """Expands one [a-b] range (enough for this script's own patterns)."""
    if "[" not in pattern:
        return [pattern]
    head, rest = pattern.split("[", 1)
    body, tail = rest.split("]", 1)
    lo, hi = body.split("-")
    width = len(lo) if lo.startswith("0") else 0
    return ["%s%0*d%s" % (head, width, n, tail) for n in range(int(lo), int(hi) + 1)]


def desktop_entries():
    """Yields one machine entry per (population, segment) run of desktop numbers:
    (first, last, block, segment, department, population, tags, host patterns)."""
    number = 1
    for b, block in enumerate(LAYOUT, start=1):
        assert sum(n for _, n in block) == DESKTOPS_PER_BLOCK, b
        offset = 0  # desktops placed in this block so far
        for key, count in block:
            dept, extra = POPULATIONS[key]
            left = count
            while left > 0:
                seg = offset // DESKTOPS_PER_SEGMENT + 1
                room = DESKTOPS_PER_SEGMENT - offset % DESKTOPS_PER_SEGMENT
                n = min(left, room)
                tags = ["role|vdi-desktop", "dept|" + dept] + extra
                if dept not in HARDENED_DEPARTMENTS:
                    tags.append("hostfw|file-sharing")
                # every entry of a block lists the same hosts, and segproof continues one
                # round-robin over entries with the same host list, so the block's 2,000
                # desktops land exactly 125 per active host
                hosts = ["esx-b%d-[01-%02d]" % (b, ACTIVE_HOSTS_PER_BLOCK)]
                yield number, number + n - 1, b, seg, dept, key, tags, hosts
                offset += n
                number += n
                left -= n


def dept_segments():
    """[(department, block, segment)] wherever a department has desktops, in layout order."""
    combos = []
    for first, last, b, s, dept, key, tags, hosts in desktop_entries():
        if (dept, b, s) not in combos:
            combos.append((dept, b, s))
    return combos


def combo_group(dept, b, s):
    return "%s-b%d-%d" % (dept, b, s)


# --------------------------------------------------------------------------------------------
# Document
# --------------------------------------------------------------------------------------------
def build():
    out = []
    w = out.append

    desktops = list(desktop_entries())
    combos = dept_segments()
    n_desktops = sum(last - first + 1 for first, last, *_ in desktops)
    n_servers = sum(len(expand(s[0])) for s in SERVERS)
    assert n_desktops == 10000

    dfw = Policy("dfw")
    gw = Policy("gateway")
    edge = Policy("perimeter")
    host = Policy("host")
    build_dfw(dfw, combos)
    build_gateway(gw)
    build_perimeter(edge)
    build_host(host)
    groups = build_groups(combos)
    intents = build_intents()

    # ---- header ----------------------------------------------------------------------------
    counts = (
        "Counts: {machines:,} machines ({desktops:,} desktops, {servers} servers), {segments} "
        "segments, {hosts} hosts, {groups} groups; rules: dfw {dfw} ({dfw_applied} with "
        "applied_to, {dfw_none} without on purpose, {dfw_disabled} disabled), gateway {gw}, "
        "perimeter {edge}, host {host}; {intents} intents.").format(
        desktops=n_desktops, servers=n_servers, machines=n_desktops + n_servers,
        segments=BLOCKS * SEGMENTS_PER_BLOCK + len(SERVER_SEGMENTS),
        hosts=BLOCKS * HOSTS_PER_BLOCK + 8,
        groups=len([g for g in groups if not g.startswith("  #")]),
        dfw=dfw.count, dfw_applied=dfw.count - dfw.no_applied_to, dfw_none=dfw.no_applied_to,
        dfw_disabled=dfw.disabled, gw=gw.count, edge=edge.count, host=host.count,
        intents=len([i for i in intents if not i.startswith("  #")]))
    header = HEADER.format(desktops=n_desktops, dfw_none=dfw.no_applied_to,
                           counts=textwrap.fill(counts, 94, initial_indent="# ",
                                                subsequent_indent="# "))
    w(header.rstrip("\n"))
    w("format: segproof/v1")
    w("name: enterprise-10k")
    w("description: >-")
    w("  10,000 Horizon desktops (5 blocks x 2,000, 20 /23 segments) and %d servers;"
      " NSX DFW of %d rules." % (n_servers, dfw.count))
    w("")

    # ---- estate ----------------------------------------------------------------------------
    w("estate:")
    w("  segments:")
    for b, s in desktop_segments():
        w("    - {name: %s, vlan: %d, cidr: %s}" % (seg_name(b, s), 1100 + 10 * b + s,
                                                     seg_cidr(b, s)))
    for name, vlan, cidr, _ in SERVER_SEGMENTS:
        w("    - {name: %s, vlan: %d, cidr: %s}" % (name, vlan, cidr))
    w("  hosts:")
    w('    - {name: "esx-b[1-%d]-[01-%02d]"}    # per block: 01-16 carry 125 desktops each,'
      ' 17-18 spare' % (BLOCKS, HOSTS_PER_BLOCK))
    w('    - {name: "esx-srv[01-04]"}        # server cluster (infra, servers, db) [A]')
    w('    - {name: "esx-mgmt[01-02]"}       # management cluster [A]')
    w('    - {name: "esx-dmz[01-02]"}        # DMZ cluster [A]')
    w("  machines:")
    w("    # Desktops: numbered vdi00001-vdi10000 block by block; departments [A].")
    last_block = None
    for first, last, b, s, dept, key, tags, hosts in desktops:
        if b != last_block:
            w("    # block %d (esx-b%d-01..16, segments vdi-b%d-1..4)" % (b, b, b))
            last_block = b
        name = "vdi[%05d-%05d]" % (first, last)
        w("    - {name: %s, kind: desktop, segment: %s, host: %s, ip: auto,"
          % (scalar(name), seg_name(b, s), flow_list(hosts)))
        w("       tags: %s, os: %s," % (flow_list(tags), DESKTOP_OS))
        w("       listens: %s}" % flow_list(DESKTOP_LISTENS))
    w("    # Servers [A]: fixed addresses; spread round-robin over their cluster, so the")
    w("    # members of a pair (dc01/dc02, uag01/uag02, ...) sit on different hosts.")
    cursors = {}
    for pattern, seg, ip, tags, listens, os_name, holds in SERVERS:
        cluster = [x for x in SERVER_SEGMENTS if x[0] == seg][0][3]
        members = expand(cluster)
        c = cursors.get(cluster, 0)
        hosts = members[c % len(members):] + members[:c % len(members)]
        cursors[cluster] = c + len(expand(pattern))
        host_field = scalar(hosts[0]) if len(expand(pattern)) == 1 else flow_list(hosts)
        line = ("    - {name: %s, kind: server, segment: %s, host: %s, ip: %s,"
                % (scalar(pattern), seg, host_field, ip))
        w(line)
        baseline = WINDOWS_LISTENS if "os|windows" in tags else APPLIANCE_LISTENS
        listens = listens + [x for x in baseline if x not in listens]
        tail = "       tags: %s, os: %s,\n       listens: %s" % (flow_list(tags), os_name,
                                                               flow_list(listens))
        if holds:
            tail += ",\n       holds: {records: %d, bytes: %s}" % holds
        w(tail + "}")
    w("  external:")
    for name, ip in EXTERNALS:
        w("    - {name: %s, ip: %s}" % (name, ip))
    w("")

    # ---- groups ----------------------------------------------------------------------------
    w("groups:")
    for g in groups:
        w(g)
    w("")

    # ---- services --------------------------------------------------------------------------
    w("services:")
    for name, entries in SERVICES:
        w("  %s: %s" % (name, flow(entries)))
    w("")

    # ---- firewalls -------------------------------------------------------------------------
    w("firewalls:")
    w("  dfw:                         # NSX distributed firewall at every vNIC")
    w("    default: drop              # the default layer-3 rule")
    w("    rules:")
    out.extend(dfw.lines)
    w("  gateway:                     # the appliance firewall between segments")
    w("    default: drop")
    w("    rules:")
    out.extend(gw.lines)
    w("  perimeter:                   # the internet edge")
    w("    default: drop")
    w("    rules:")
    out.extend(edge.lines)
    w("  host:                        # Windows Defender Firewall on the desktops (GPO)")
    w("    applies_to: desktops")
    w("    default_in: drop")
    w("    default_out: allow")
    w("    rules:")
    out.extend(host.lines)
    w("")

    # ---- postures --------------------------------------------------------------------------
    w("postures:")
    w("  flat: [perimeter]")
    w("  segment-fw: [gateway, perimeter]")
    w("  host-fw: [host, gateway, perimeter]")
    w("  microseg: [dfw, gateway, perimeter]")
    w("  microseg+quarantine: {firewalls: [dfw, gateway, perimeter], quarantine: true}")
    w("  # Detection at the vNIC (docs/attack-model.md): the blocked-attempt pattern and NSX's")
    w("  # distributed IDS / IPS, alone (alerts only) and each alone feeding the quarantine")
    w("  # (microseg+quarantine acts on AV / EDR and monitoring alerts).")
    w("  microseg+pattern+quarantine: {firewalls: [dfw, gateway, perimeter], pattern: true,")
    w("                                quarantine: [pattern]}")
    w("  microseg+ids: {firewalls: [dfw, gateway, perimeter], ids: detect}")
    w("  microseg+ids+quarantine: {firewalls: [dfw, gateway, perimeter], ids: detect, quarantine: [ids]}")
    w("  microseg+ips: {firewalls: [dfw, gateway, perimeter], ids: prevent}")
    w("  microseg+ips+quarantine: {firewalls: [dfw, gateway, perimeter], ids: prevent,")
    w("                            quarantine: [ids]}")
    w("")

    # ---- intents ---------------------------------------------------------------------------
    w("intents:")
    out.extend(intents)
    return "\n".join(out) + "\n", dict(dfw=dfw, gw=gw, edge=edge, host=host, groups=groups,
                                        intents=intents)


HEADER = """\
# enterprise-10k.yaml: a 10,000-desktop VMware Horizon + NSX estate, segproof's large preset.
#
# GENERATED by scenarios/generate-enterprise.py -- do not edit by hand; edit the script and
# run `python3 scenarios/generate-enterprise.py` (deterministic: same script, same bytes).
#
# Where the numbers come from (docs/parameters.md; [A] = assumption, not a sourced figure):
# - {desktops:,} desktops = 5 blocks x 2,000: Horizon 7 pod/block architecture (block of 2,000
#   desktops with one vCenter; a pod of 10,000 sessions). One vCenter per block: vc01-05.
# - 7 connection servers (5 + 2 spare) per 10,000-session pod: Horizon 7.7 (cs01-07).
# - 125 desktops per host [A] (range 70-200; Horizon 6.2 planning guide: 8-10 desktops per
#   core, a 10k-seat design used 12/core): 18 hosts per block = 16 x 125 + 2 spare, so 90
#   desktop hosts (esx-bN-17/18 carry nothing: spare capacity for HA / maintenance).
# - 500 desktops per segment, one /23 per segment (community Horizon multi-VLAN best
#   practice): 4 per block, 20 desktop segments. Addressing 10.11-15.x.x, VLANs 1111-1154 [A].
# - Servers [A] (enterprise preset): 4 DCs, 4 file servers, 2 SQL, 6 app, 2 mail, 2 proxy,
#   2 UAG (Horizon Unified Access Gateways, in the DMZ). Added for the policy to be
#   realistic [A]: SCCM, KMS, 2 print servers, 2 jump hosts, backup, monitoring, the
#   partner AV/EDR manager (edr01); server segments infra, servers, db, mgmt, dmz and their
#   addresses [A].
# - Crown jewels [A]: fs04 (finance vault, 1.2 M records) and sql01 (ERP database); sizes [A].
# - Departments and their placement over blocks and segments [A]; 600 contractors.
# - Windows firewall exception "File and Printer Sharing (SMB-In)" on 8,500 of 10,000
#   desktops: P(SMB open desktop-to-desktop in a flat network) = 0.85 (vendor survey,
#   parameters.md); which desktops carry it (all but finance, executive, hr, legal) [A].
# - DFW: NSX categories in order Emergency, Infrastructure, Environment, Application; default
#   drop. Quarantine group virus_found|true: the NSX-T partner AV/EDR tagging chain
#   (parameters.md). applied_to on almost every rule: NSX limits are 4,000 rules per vNIC and
#   120,000 per host (Broadcom KB 371437); a policy applied everywhere would land all rules on
#   each of 125 vNICs per host. Rule granularity (one rule per segment and NSX service) [A].
# - Internal applications, ports and department use [A]. Addresses outside: RFC 5737
#   documentation ranges [A] (192.0.2.0/24 services, 198.51.100.0/24 IOC feed,
#   203.0.113.0/24 attacker / C2).
#
{counts}
#
# Deliberate policy mistakes (a linter and `verify` should find them; the 5 intents marked
# VIOLATED below are violated by design with every firewall in force, and under microseg):
# - app-plm-db-engineering-*: engineering's PLM database rule targets sql-servers instead of
#   plm-db, so engineering desktops reach the ERP database sql01 on tcp/1433 (too broad).
# - legacy-it-admins-rdp-sccm: a "temporary" rule lets IT admins RDP to sccm01 directly,
#   bypassing the jump hosts (and the gateway has a matching rule).
# - infra-contractors-no-dept-shares: the drop that kept contractors off the departmental
#   shares was disabled during an incident and never re-enabled.
# - infra-teams-media-*: Teams media goes straight to the internet (UDP 3478-3481), not
#   through the proxy: desktops do reach the internet directly.
# - app-erp-support-reject: placed after the ESS rule that lets every desktop reach the ERP
#   web tier on HTTPS, so it is shadowed and support still reaches it.
# - Also: a few redundant copies (a block-3 DNS rule pasted twice, dept ERP-web rules already
#   covered by ESS), a rule towards a decommissioned, empty group (legacy-crm), a disabled
#   incident-response isolation rule, rules with reject, a gateway rule that can never match
#   (gw-dc-repl-legacy), and {dfw_none} DFW rules without applied_to (the two quarantine
#   rules, the two oldest IOC rules and a legacy NTP rule), which land on every vNIC.
"""


def build_groups(combos):
    g = []

    def add(name, body, comment=None):
        line = "  %s: {%s}" % (name, ", ".join(
            "%s: %s" % (k, flow_list(v) if k in ("any", "all", "except") else flow(v))
            for k, v in body.items()))
        if comment:
            line += "   # " + comment
        g.append(line)

    g.append("  # people")
    add("desktops", {"tag": "role|vdi-desktop"})
    for d in DEPARTMENTS:
        add("dept-" + d, {"tag": "dept|" + d})
    add("contractors", {"tag": "worker|contractor"})
    add("it-admins", {"tag": "role|it-admin"})
    add("helpdesk", {"tag": "role|helpdesk"})
    add("file-sharing-desktops", {"tag": "hostfw|file-sharing"})
    add("non-helpdesk-desktops", {"all": ["desktops"], "except": ["helpdesk"]})
    add("quarantined", {"tag": "virus_found|true"},
        "filled at run time by the AV/EDR quarantine chain")
    g.append("  # desktop segments and blocks (machines in them)")
    for b in range(1, BLOCKS + 1):
        add("block-b%d" % b, {"segment": [seg_name(b, s)
                                          for s in range(1, SEGMENTS_PER_BLOCK + 1)]})
    for b, s in desktop_segments():
        add(seg_group(b, s), {"segment": seg_name(b, s)})
    g.append("  # department x segment (the DFW's applied_to for department rules)")
    for dept, b, s in combos:
        add(combo_group(dept, b, s), {"all": ["dept-" + dept, seg_group(b, s)]})
    g.append("  # servers")
    add("dcs", {"tag": "role|domain-controller"})
    add("sccm", {"tag": "role|sccm"})
    add("kms", {"tag": "role|kms"})
    add("file-servers", {"tag": "role|file-server"})
    add("profile-servers", {"tag": "share|profiles"})
    add("dept-file-servers", {"tag": "share|departmental"})
    add("finance-vault", {"tag": "share|finance-vault"})
    add("crown-jewels", {"tag": "data|crown-jewel"})
    add("app-servers", {"tag": "role|app-server"})
    add("tier-web", {"tag": "tier|web"})
    add("tier-app", {"tag": "tier|app"})
    for app in ("erp", "hris", "plm"):
        add("app-" + app, {"tag": "app|" + app})
        add(app + "-web", {"all": ["app-" + app, "tier-web"]})
        add(app + "-app", {"all": ["app-" + app, "tier-app"]})
    add("sql-servers", {"tag": "role|sql"})
    add("erp-db", {"machines": "sql01"})
    add("plm-db", {"machines": "sql02"})
    add("mail-servers", {"tag": "role|mail"})
    add("proxies", {"tag": "role|proxy"})
    add("uags", {"tag": "role|uag"})
    add("connection-servers", {"tag": "role|connection-server"})
    add("vcenters", {"tag": "role|vcenter"})
    add("jump-hosts", {"tag": "role|jump-host"})
    add("backup", {"tag": "role|backup"})
    add("monitoring", {"tag": "role|monitoring"})
    add("edr", {"tag": "role|edr"}, "partner AV/EDR manager: tags virus_found=true")
    add("print-servers", {"tag": "role|print-server"})
    add("legacy-crm", {"tag": "app|legacy-crm"}, "decommissioned 2022: no members left")
    add("windows-servers", {"tag": "os|windows"})
    add("linux-servers", {"tag": ["os|linux", "os|appliance"]})
    add("servers", {"any": ["windows-servers", "linux-servers"]})
    add("servers-except-jump", {"all": ["servers"], "except": ["jump-hosts"]})
    add("managed-vms", {"any": ["desktops", "servers"]})
    for name, _, _, _ in SERVER_SEGMENTS:
        add(name + "-servers", {"segment": name})
    g.append("  # one group per server (the DFW's applied_to for the onboarding template)")
    for name, seg, tags in server_list():
        add(name_group(name), {"machines": name})
    g.append("  # address ranges (the gateway and perimeter work on subnets)")
    add("net-vdi", {"cidr": [seg_supernet(b) for b in range(1, BLOCKS + 1)]})
    for b in range(1, BLOCKS + 1):
        add("net-vdi-b%d" % b, {"cidr": seg_supernet(b)})
    for name, _, cidr, _ in SERVER_SEGMENTS:
        add("net-" + name, {"cidr": cidr})
    add("internal", {"cidr": ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"]})
    add("internet", {"all": ["any"], "except": ["internal"]})
    g.append("  # outside")
    add("ioc-ransomware", {"cidr": "198.51.100.0/26"}, "threat-intel feed [A]")
    add("ioc-phishing", {"cidr": "198.51.100.64/26"})
    add("ioc-botnet", {"cidr": "198.51.100.128/25"})
    add("ioc-feed", {"any": ["ioc-ransomware", "ioc-phishing", "ioc-botnet"]})
    add("internet-clean", {"all": ["internet"], "except": ["ioc-feed"]})
    add("c2", {"machines": "c2"}, "the attacker's server: new, on no blocklist")
    add("teams-media", {"machines": "teams-media"})
    add("saas", {"machines": ["saas-m365", "saas-crm", "saas-hr", "idp"]})
    add("idp", {"machines": "idp"})
    add("saas-hr", {"machines": "saas-hr"})
    add("dns-resolvers", {"machines": "dns-resolver[1-2]"})
    add("ntp-sources", {"machines": "ntp[1-2]"})
    add("windows-update", {"machines": "windows-update"})
    add("backup-cloud", {"machines": "backup-cloud"})
    add("bank-sftp", {"machines": "bank-sftp"})
    return g


def seg_supernet(b):
    return "10.%d.0.0/21" % (10 + b)


# AD services a desktop needs, one rule each (NSX predefined-service granularity).
AD_CLIENT = ["dns-udp", "dns-tcp", "kerberos-udp", "kerberos-tcp", "kpasswd", "ldap-tcp",
             "cldap", "ldaps", "gc", "ntp", "smb", "rpc-epmap", "rpc-dyn", "dhcp"]
# The same for a Windows server (no DHCP: fixed addresses).
AD_SERVER = ["dns-udp", "dns-tcp", "kerberos-udp", "kerberos-tcp", "kpasswd", "ldap-tcp",
             "cldap", "ldaps", "gc", "ntp", "smb", "rpc-epmap", "rpc-dyn"]
AD_REPLICATION = ["dns", "kerberos", "ldap", "ldaps", "gc", "rpc-epmap", "rpc-dyn", "smb",
                  "dfsr", "ad-ws", "ntp", "kpasswd"]

# Department -> [(short name, target group, service)] [A]
DEPT_APPS = {
    "finance": [("sap-gui", "erp-app", "sap-gui"), ("sap-msg", "erp-app", "sap-msg"),
                ("bi", "erp-app", "bi"), ("erp-db", "erp-db", "mssql"),
                ("payroll", "hris-app", "payroll"), ("vault", "finance-vault", "smb")],
    "executive": [("erp-web", "erp-web", "https"), ("hris-web", "hris-web", "https"),
                  ("bi", "erp-app", "bi")],
    "hr": [("hris-web", "hris-web", "https"), ("hris-client", "hris-app", "hris-client"),
           ("payroll", "hris-app", "payroll"), ("recruiting", "hris-web", "recruiting")],
    "legal": [("clm", "erp-web", "clm")],
    "it": [("sccm-console", "sccm", "sccm-console")],
    "procurement": [("sap-gui", "erp-app", "sap-gui"), ("clm", "erp-web", "clm")],
    "engineering": [("plm-web", "plm-web", "https"), ("plm-fms", "plm-app", "plm-fms"),
                    ("flexlm", "plm-app", "flexlm"),
                    ("plm-db", "sql-servers", "mssql")],      # too broad: should be plm-db
    "sales": [("sap-gui", "erp-app", "sap-gui"), ("bi", "erp-app", "bi")],
    "marketing": [("cms", "hris-web", "cms")],
    "operations": [("sap-gui", "erp-app", "sap-gui"), ("sap-msg", "erp-app", "sap-msg"),
                   ("plm-web", "plm-web", "https"), ("wms", "plm-app", "wms"),
                   ("bi", "erp-app", "bi")],
    "support": [("cti", "plm-app", "cti")],
}
# Applications every desktop uses, one rule per desktop segment [A].
ALL_DESKTOP_APPS = [("ess", "erp-web", "https"), ("expenses", "erp-web", "expenses"),
                    ("intranet", "hris-web", "intranet"), ("itsm", "erp-web", "itsm"),
                    ("kb", "hris-web", "kb")]


def server_list():
    """[(name, segment, tags)] for every server."""
    result = []
    for pattern, seg, ip, tags, listens, os_name, holds in SERVERS:
        for name in expand(pattern):
            result.append((name, seg, tags))
    return result


def build_dfw(p, combos):
    # ---------------------------------------------------------------- Emergency
    p.section("Emergency: quarantine and threat-intel blocks")
    p.rule("em-quarantine-out", "quarantined", "any", "any", "drop",
           description="NSX partner AV/EDR tags virus_found=true; applies everywhere")
    p.rule("em-quarantine-in", "any", "quarantined", "any", "drop")
    p.rule("em-ioc-botnet-out", "any", "ioc-botnet", "any", "drop",
           note="oldest feed rule, never given applied_to")
    p.rule("em-ioc-botnet-in", "ioc-botnet", "any", "any", "drop")
    for feed in ("ransomware", "phishing"):
        p.rule("em-ioc-%s-out" % feed, "managed-vms", "ioc-" + feed, "any", "drop",
               applied_to="managed-vms")
        p.rule("em-ioc-%s-in" % feed, "ioc-" + feed, "managed-vms", "any", "drop",
               applied_to="managed-vms")
    p.rule("em-ir-isolate-block3", "block-b3", "any", "any", "drop", applied_to="block-b3",
           disabled=True, description="INC-2023-0412 containment of block 3; lifted")

    # ---------------------------------------------------------------- Infrastructure
    p.section("Infrastructure: hygiene")
    p.rule("infra-no-legacy-name-resolution", "desktops", "any", ["llmnr", "mdns", "netbios"],
           "drop", applied_to="desktops", direction="out")
    p.rule("infra-contractors-no-dept-shares", "contractors", "dept-file-servers", "smb", "drop",
           applied_to=["contractors", "dept-file-servers"], disabled=True,
           description="disabled for INC-2024-0311 (contractor onboarding), never re-enabled",
           note="MISTAKE: disabled; violates contractors-no-dept-shares")

    for b in range(1, BLOCKS + 1):
        p.section("Infrastructure: block %d desktops (one rule per segment and service)" % b)
        for s in range(1, SEGMENTS_PER_BLOCK + 1):
            sg = seg_group(b, s)
            tag = "b%d-%d" % (b, s)
            for svc in AD_CLIENT:
                p.rule("infra-%s-ad-%s" % (tag, svc), sg, "dcs", svc,
                       applied_to=[sg, "dcs"])
            if (b, s) == (3, 2):
                p.rule("infra-%s-ad-dns-udp-copy" % tag, sg, "dcs", "dns-udp",
                       applied_to=[sg, "dcs"], note="MISTAKE: pasted twice (redundant)")
            p.rule("infra-%s-kms" % tag, sg, "kms", "kms", applied_to=[sg, "kms"])
            p.rule("infra-%s-sccm-mp" % tag, sg, "sccm", "sccm-mp", applied_to=[sg, "sccm"])
            p.rule("infra-%s-wsus" % tag, sg, "sccm", "wsus", applied_to=[sg, "sccm"])
            p.rule("infra-%s-sccm-notify" % tag, sg, "sccm", "sccm-notify",
                   applied_to=[sg, "sccm"])
            p.rule("infra-%s-sccm-rc" % tag, "sccm", sg, "sccm-rc", applied_to=[sg, "sccm"])
            p.rule("infra-%s-horizon-agent" % tag, sg, "connection-servers", "horizon-jms",
                   applied_to=[sg, "connection-servers"])
            for svc in ("blast-tcp", "blast-udp", "pcoip-tcp", "pcoip-udp", "horizon-usb",
                        "horizon-mmr"):
                p.rule("infra-%s-uag-%s" % (tag, svc), "uags", sg, svc,
                       applied_to=[sg, "uags"])
            p.rule("infra-%s-edr-heartbeat" % tag, sg, "edr", "edr-agent",
                   applied_to=[sg, "edr"])
            p.rule("infra-%s-edr-push" % tag, "edr", sg, "edr-push", applied_to=[sg, "edr"])
            p.rule("infra-%s-proxy" % tag, sg, "proxies", "proxy", applied_to=[sg, "proxies"])
            p.rule("infra-%s-mail" % tag, sg, "mail-servers", "https",
                   applied_to=[sg, "mail-servers"])
            p.rule("infra-%s-teams-media" % tag, sg, "teams-media", "teams-media",
                   applied_to=sg,
                   note="MISTAKE: direct internet; violates no-desktop-internet-direct"
                   if (b, s) == (1, 1) else None)
            p.rule("infra-%s-profiles" % tag, sg, "profile-servers", "smb",
                   applied_to=[sg, "profile-servers"])
            p.rule("infra-%s-dept-shares" % tag, sg, "dept-file-servers", "smb",
                   applied_to=[sg, "dept-file-servers"])
            for svc in ("smb", "rpc-epmap", "rpc-dyn"):
                p.rule("infra-%s-print-%s" % (tag, svc), sg, "print-servers", svc,
                       applied_to=[sg, "print-servers"])
            p.rule("infra-%s-helpdesk-rdp" % tag, "helpdesk", sg, "rdp",
                   applied_to=[sg, "helpdesk"])
            p.rule("infra-%s-helpdesk-dameware" % tag, "helpdesk", sg, "dameware",
                   applied_to=[sg, "helpdesk"])
            p.rule("infra-%s-mon-ping" % tag, "monitoring", sg, "ping",
                   applied_to=[sg, "monitoring"])
            p.rule("infra-%s-mon-wmi" % tag, "monitoring", sg, ["rpc-epmap", "rpc-dyn"],
                   applied_to=[sg, "monitoring"])

    p.section("Infrastructure: servers (the onboarding template, one rule per server and "
              "service)")
    for name, seg, tags in server_list():
        if "role|domain-controller" in tags:
            continue
        windows = "os|windows" in tags
        if windows:
            for svc in AD_SERVER:
                p.rule("srv-%s-ad-%s" % (name, svc), name_group(name), "dcs", svc,
                       applied_to=[name_group(name), "dcs"])
            if "role|kms" not in tags:
                p.rule("srv-%s-kms" % name, name_group(name), "kms", "kms",
                       applied_to=[name_group(name), "kms"])
            if "role|sccm" not in tags:
                for svc in ("sccm-mp", "wsus"):
                    p.rule("srv-%s-%s" % (name, svc), name_group(name), "sccm", svc,
                           applied_to=[name_group(name), "sccm"])
            if "role|edr" not in tags:
                p.rule("srv-%s-edr-heartbeat" % name, name_group(name), "edr", "edr-agent",
                       applied_to=[name_group(name), "edr"])
                p.rule("srv-%s-edr-push" % name, "edr", name_group(name), "edr-push",
                       applied_to=[name_group(name), "edr"])
        elif seg == "dmz":
            p.rule("srv-%s-dns" % name, name_group(name), "dns-resolvers", "dns",
                   applied_to=name_group(name))
            p.rule("srv-%s-ntp" % name, name_group(name), "ntp-sources", "ntp",
                   applied_to=name_group(name))
        else:
            for svc in ("dns", "ntp", "ldap-tcp", "kerberos"):
                p.rule("srv-%s-ad-%s" % (name, svc), name_group(name), "dcs", svc,
                       applied_to=[name_group(name), "dcs"])
        if "role|monitoring" not in tags:
            for svc in (["mon-agent", "ping"] if windows else ["snmp", "ping"]):
                p.rule("srv-%s-mon-%s" % (name, svc), "monitoring", name_group(name), svc,
                       applied_to=[name_group(name), "monitoring"])
            p.rule("srv-%s-syslog" % name, name_group(name), "monitoring", "syslog",
                   applied_to=[name_group(name), "monitoring"])
        if "role|backup" not in tags:
            for svc in ("backup-installer", "backup-transport", "backup-data"):
                p.rule("srv-%s-%s" % (name, svc), "backup", name_group(name), svc,
                       applied_to=[name_group(name), "backup"])
        for svc in (["rdp", "winrm"] if windows else ["ssh"]):  # jump hosts included
            p.rule("srv-%s-jump-%s" % (name, svc), "jump-hosts", name_group(name), svc,
                   applied_to=[name_group(name), "jump-hosts"])
    for dc in expand("dc[01-04]"):
        for svc in ("mon-agent", "ping"):
            p.rule("srv-%s-mon-%s" % (dc, svc), "monitoring", name_group(dc), svc,
                   applied_to=[name_group(dc), "monitoring"])
        p.rule("srv-%s-syslog" % dc, name_group(dc), "monitoring", "syslog",
               applied_to=[name_group(dc), "monitoring"])
        for svc in ("backup-installer", "backup-transport", "backup-data"):
            p.rule("srv-%s-%s" % (dc, svc), "backup", name_group(dc), svc,
                   applied_to=[name_group(dc), "backup"])
        p.rule("srv-%s-edr-heartbeat" % dc, name_group(dc), "edr", "edr-agent",
               applied_to=[name_group(dc), "edr"])
        p.rule("srv-%s-edr-push" % dc, "edr", name_group(dc), "edr-push",
               applied_to=[name_group(dc), "edr"])
        for svc in ("rdp", "winrm"):
            p.rule("srv-%s-jump-%s" % (dc, svc), "jump-hosts", name_group(dc), svc,
                   applied_to=[name_group(dc), "jump-hosts"])
        p.rule("srv-%s-kms" % dc, name_group(dc), "kms", "kms", applied_to=[name_group(dc), "kms"])
        for svc in ("sccm-mp", "wsus"):
            p.rule("srv-%s-%s" % (dc, svc), name_group(dc), "sccm", svc,
                   applied_to=[name_group(dc), "sccm"])
        p.rule("srv-%s-dns-forward" % dc, name_group(dc), "dns-resolvers", "dns",
               applied_to=name_group(dc))
        p.rule("srv-%s-ntp-source" % dc, name_group(dc), "ntp-sources", "ntp",
               applied_to=name_group(dc))
    p.rule("srv-ntp-legacy", "managed-vms", "dcs", "ntp",
           note="legacy catch-all from the NSX-V migration, no applied_to")

    p.section("Infrastructure: Active Directory replication")
    for svc in AD_REPLICATION:
        p.rule("infra-dc-replication-%s" % svc, "dcs", "dcs", svc, applied_to="dcs")

    p.section("Infrastructure: Horizon and vSphere management plane")
    p.rule("infra-uag-cs-https", "uags", "connection-servers", "https",
           applied_to=["uags", "connection-servers"])
    p.rule("infra-uag-cs-blast", "uags", "connection-servers", "tcp/8443",
           applied_to=["uags", "connection-servers"])
    p.rule("infra-uag-idp", "uags", "idp", "https", applied_to="uags")
    for svc in ("horizon-cs-repl", "ldap-tcp", "https", "rpc-epmap", "rpc-dyn"):
        p.rule("infra-cs-replication-%s" % svc, "connection-servers", "connection-servers",
               svc, applied_to="connection-servers")
    p.rule("infra-cs-vcenter", "connection-servers", "vcenters", "https",
           applied_to=["connection-servers", "vcenters"])
    p.rule("infra-cs-events-db", "connection-servers", "plm-db", "mssql",
           applied_to=["connection-servers", "plm-db"],
           description="Horizon events database on sql02")
    p.rule("infra-vcenter-elm", "vcenters", "vcenters", "vcenter-elm", applied_to="vcenters")
    p.rule("infra-jump-vcenter", "jump-hosts", "vcenters", "https",
           applied_to=["jump-hosts", "vcenters"])
    p.rule("infra-backup-vcenter", "backup", "vcenters", "https",
           applied_to=["backup", "vcenters"])
    p.rule("infra-mon-vcenter", "monitoring", "vcenters", "https",
           applied_to=["monitoring", "vcenters"])
    p.rule("infra-sccm-db", "sccm", "plm-db", "mssql", applied_to=["sccm", "plm-db"],
           description="ConfigMgr site database on sql02")
    p.rule("infra-sccm-windows-update", "sccm", "windows-update", "web", applied_to="sccm")
    p.rule("infra-backup-cloud", "backup", "backup-cloud", "https", applied_to="backup")
    p.rule("infra-mon-sql", "monitoring", "sql-servers", "mssql",
           applied_to=["monitoring", "sql-servers"])
    p.rule("infra-it-admins-jump", "it-admins", "jump-hosts", "rdp",
           applied_to=["it-admins", "jump-hosts"])
    p.rule("infra-proxy-kerberos", "proxies", "dcs", ["kerberos", "ldap-tcp"],
           applied_to=["proxies", "dcs"], description="user authentication at the proxy")

    # ---------------------------------------------------------------- Environment
    p.section("Environment: zones")
    p.rule("env-vdi-isolation", "desktops", "desktops", "any", "drop", applied_to="desktops",
           description="no desktop-to-desktop traffic (helpdesk rules above are the exception)")
    p.rule("env-desktops-direct-internet", "desktops", "internet", "web", "reject",
           applied_to="desktops", description="browsers fail fast: use the proxy")
    p.rule("env-dmz-no-internal", "dmz-servers", "internal", "any", "drop",
           applied_to="dmz-servers", description="the DMZ initiates nothing inward but the "
           "Infrastructure rules above")
    p.rule("env-db-no-internet", "db-servers", "internet", "any", "reject",
           applied_to="db-servers")

    # ---------------------------------------------------------------- Application
    p.section("Application: used by every desktop (one rule per desktop segment)")
    for short, target, svc in ALL_DESKTOP_APPS:
        for b, s in desktop_segments():
            sg = seg_group(b, s)
            p.rule("app-%s-b%d-%d" % (short, b, s), sg, target, svc, applied_to=[sg, target])
    p.rule("app-erp-support-reject", "dept-support", "erp-web", "https", "reject",
           applied_to=["dept-support", "erp-web"],
           description="PCI: call-centre desktops must not reach ERP",
           note="MISTAKE: shadowed by app-ess-*; violates support-no-erp-web")

    p.section("Application: departments (one rule per department, segment and service)")
    for dept, b, s in combos:
        cg = combo_group(dept, b, s)
        for short, target, svc in DEPT_APPS[dept]:
            note = None
            if dept == "engineering" and short == "plm-db" and (b, s) == (2, 1):
                note = "MISTAKE: to sql-servers, not plm-db; violates erp-db-only-from-app-tier"
            if short == "erp-web":
                note = "redundant: app-ess-* already allows every desktop"
            p.rule("app-%s-%s-b%d-%d" % (short, dept, b, s), cg, target, svc,
                   applied_to=[cg, target], note=note)
    p.rule("legacy-it-admins-rdp-sccm", "it-admins", "sccm", "rdp",
           applied_to=["it-admins", "sccm"],
           description="temporary, CHG-2291 (2021): console access until the jump hosts",
           note="MISTAKE: bypasses the jump hosts; violates admin-only-from-jump-hosts")
    p.rule("app-finance-erp-web", "dept-finance", "erp-web", "https",
           applied_to=["dept-finance", "erp-web"], note="redundant with app-ess-*")
    p.rule("app-legacy-crm", "dept-sales", "legacy-crm", "https",
           applied_to=["dept-sales", "legacy-crm"], note="never matches: legacy-crm is empty")

    p.section("Application: server tiers (web -> app -> db)")
    tiers = [
        ("erp", "erp-web", "erp-app", ["sap-gui", "sap-msg", "sap-gw", "bi"]),
        ("hris", "hris-web", "hris-app", ["hris-api", "payroll"]),
        ("plm", "plm-web", "plm-app", ["plm-api", "plm-fms"]),
    ]
    for app, web, appt, svcs in tiers:
        for svc in svcs:
            p.rule("tier-%s-web-app-%s" % (app, svc), web, appt, svc, applied_to=[web, appt])
    for app, db in (("erp", "erp-db"), ("hris", "erp-db"), ("plm", "plm-db")):
        for svc in ("mssql", "mssql-browser"):
            p.rule("tier-%s-app-db-%s" % (app, svc), app + "-app", db, svc,
                   applied_to=[app + "-app", db])
    p.rule("tier-plm-app-vault", "plm-app", "dept-file-servers", "smb",
           applied_to=["plm-app", "dept-file-servers"])
    p.rule("tier-erp-bank-sftp", "erp-app", "bank-sftp", "ssh", applied_to="erp-app")
    p.rule("tier-hris-saas", "hris-app", "saas-hr", "https", applied_to="hris-app",
           description="payroll export to the HR SaaS")
    p.rule("tier-apps-mail", "app-servers", "mail-servers", "smtp",
           applied_to=["app-servers", "mail-servers"])

    p.section("Application: mail, proxy, remote access")
    for svc in ("exchange-repl", "smb", "rpc-epmap", "rpc-dyn"):
        p.rule("mail-dag-%s" % svc, "mail-servers", "mail-servers", svc,
               applied_to="mail-servers")
    p.rule("mail-inbound", "internet-clean", "mail-servers", "smtp", applied_to="mail-servers")
    p.rule("mail-outbound", "mail-servers", "internet", "smtp", applied_to="mail-servers")
    p.rule("proxy-egress", "proxies", "internet", ["web", "ftp"], applied_to="proxies")
    p.rule("proxy-egress-copy", "proxies", "internet-clean", "web", applied_to="proxies",
           note="redundant with proxy-egress")
    p.rule("uag-ingress", "internet-clean", "uags", "uag-ext", applied_to="uags")
    p.rule("mon-internet-ping", "monitoring", "internet", "ping", applied_to="monitoring")


def name_group(name):
    return "srv-" + name


def build_gateway(p):
    p.section("emergency")
    p.rule("gw-ioc-out", "any", "ioc-feed", "any", "drop")
    p.rule("gw-ioc-in", "ioc-feed", "any", "any", "drop")
    for b in range(1, BLOCKS + 1):
        net = "net-vdi-b%d" % b
        p.section("block %d desktops" % b)
        p.rule("gw-b%d-ad" % b, net, "dcs", ["dns", "kerberos", "kpasswd", "ldap", "ldaps",
                                            "gc", "ntp", "smb", "rpc-epmap", "rpc-dyn",
                                            "dhcp"])
        p.rule("gw-b%d-infra" % b, net, ["kms", "sccm"], ["kms", "sccm-mp", "wsus",
                                                        "sccm-notify"])
        p.rule("gw-b%d-files" % b, net, "file-servers", "smb")
        p.rule("gw-b%d-apps" % b, net, "app-servers",
               ["https", "expenses", "itsm", "clm", "bi", "recruiting", "intranet",
                "hris-client", "payroll", "kb", "cms", "plm-fms", "flexlm", "wms", "cti", "sap-gui",
                "sap-msg"])
        p.rule("gw-b%d-db" % b, net, "sql-servers", "mssql")
        p.rule("gw-b%d-print" % b, net, "print-servers", ["smb", "rpc-epmap", "rpc-dyn"])
        p.rule("gw-b%d-edr" % b, net, "edr", "edr-agent")
        p.rule("gw-b%d-edr-push" % b, "edr", net, "edr-push")
        p.rule("gw-b%d-mail" % b, net, "mail-servers", "https")
        p.rule("gw-b%d-proxy" % b, net, "proxies", "proxy")
        p.rule("gw-b%d-horizon" % b, net, "connection-servers", "horizon-jms")
        p.rule("gw-b%d-uag" % b, "uags", net, ["blast", "pcoip", "horizon-usb",
                                               "horizon-mmr"])
        p.rule("gw-b%d-sccm-rc" % b, "sccm", net, "sccm-rc")
        p.rule("gw-b%d-mon" % b, "monitoring", net, ["ping", "rpc-epmap", "rpc-dyn"])
        p.rule("gw-b%d-teams" % b, net, "teams-media", "teams-media")
        p.rule("gw-b%d-web-reject" % b, net, "internet", "web", "reject")
    p.section("people")
    p.rule("gw-helpdesk-desktops", "helpdesk", "net-vdi", ["rdp", "dameware"])
    p.rule("gw-it-admins-jump", "it-admins", "jump-hosts", "rdp")
    p.rule("gw-it-admins-sccm", "it-admins", "sccm", ["rdp", "sccm-console"],
           note="legacy, mirrors legacy-it-admins-rdp-sccm")
    p.section("servers")
    nets = ["net-infra", "net-servers", "net-db", "net-mgmt"]
    p.rule("gw-srv-ad", nets, "dcs", ["dns", "kerberos", "kpasswd", "ldap", "ldaps", "gc",
                                      "ntp", "smb", "rpc-epmap", "rpc-dyn"])
    p.rule("gw-srv-infra", nets, ["kms", "sccm"], ["kms", "sccm-mp", "wsus"])
    p.rule("gw-proxy-auth", "proxies", "dcs", ["kerberos", "ldap"])
    p.rule("gw-app-db", "app-servers", "sql-servers", ["mssql", "mssql-browser"])
    p.rule("gw-app-files", "plm-app", "dept-file-servers", "smb")
    p.rule("gw-app-mail", "app-servers", "mail-servers", "smtp")
    p.rule("gw-cs-db", "connection-servers", "plm-db", "mssql")
    p.rule("gw-sccm-db", "sccm", "plm-db", "mssql")
    p.rule("gw-mon-sql", "monitoring", "sql-servers", "mssql")
    p.rule("gw-uag-cs", "uags", "connection-servers", ["https", "tcp/8443"])
    p.rule("gw-jump-admin", "jump-hosts", ["net-infra", "net-servers", "net-db", "net-dmz"],
           ["rdp", "winrm", "ssh"])
    p.rule("gw-mon-servers", "monitoring", ["net-infra", "net-servers", "net-db", "net-dmz"],
           ["mon-agent", "snmp", "ping"])
    p.rule("gw-backup-servers", "backup", ["net-infra", "net-servers", "net-db", "net-dmz"],
           "backup-agent")
    p.rule("gw-syslog", ["net-infra", "net-servers", "net-db", "net-dmz"], "monitoring",
           "syslog")
    p.rule("gw-edr-servers", ["net-infra", "net-servers", "net-db"], "edr", "edr-agent")
    p.rule("gw-edr-push-servers", "edr", ["net-infra", "net-servers", "net-db"], "edr-push")
    p.rule("gw-dc-repl-legacy", "dcs", "dcs", "any",
           note="never matches: all DCs share the infra segment")
    p.section("internet")
    p.rule("gw-mail-in", "internet-clean", "mail-servers", "smtp")
    p.rule("gw-mail-out", "mail-servers", "internet", "smtp")
    p.rule("gw-proxy-out", "proxies", "internet", ["web", "ftp"])
    p.rule("gw-uag-in", "internet-clean", "uags", "uag-ext")
    p.rule("gw-uag-idp", "uags", "idp", "https")
    p.rule("gw-ext-dns", ["dcs", "uags", "proxies"], "dns-resolvers", "dns")
    p.rule("gw-ext-ntp", ["dcs", "uags", "proxies"], "ntp-sources", "ntp")
    p.rule("gw-erp-sftp", "erp-app", "bank-sftp", "ssh")
    p.rule("gw-hris-saas", "hris-app", "saas-hr", "https")
    p.rule("gw-backup-cloud", "backup", "backup-cloud", "https")
    p.rule("gw-sccm-wu", "sccm", "windows-update", "web")
    p.rule("gw-mon-ping", "monitoring", "internet", "ping")
    p.rule("gw-db-internet", "net-db", "internet", "any", "reject")


def build_perimeter(p):
    p.rule("edge-ioc-out", "any", "ioc-feed", "any", "drop")
    p.rule("edge-ioc-in", "ioc-feed", "any", "any", "drop")
    p.rule("edge-uag-https", "internet-clean", "uags", ["tcp/443", "udp/443"])
    p.rule("edge-uag-blast", "internet-clean", "uags", ["tcp/8443", "udp/8443"])
    p.rule("edge-uag-pcoip", "internet-clean", "uags", ["tcp/4172", "udp/4172"])
    p.rule("edge-uag-idp", "uags", "idp", "https")
    p.rule("edge-smtp-in", "internet-clean", "mail-servers", "smtp")
    p.rule("edge-smtp-out", "mail-servers", "internet", "smtp")
    p.rule("edge-proxy-web", "proxies", "internet", "web")
    p.rule("edge-proxy-ftp", "proxies", "internet", "ftp",
           description="legacy FTP downloads through the proxy")
    p.rule("edge-proxy-web-saas", "proxies", "saas", "https",
           note="redundant with edge-proxy-web")
    p.rule("edge-dns-out", ["dcs", "uags", "proxies"], "dns-resolvers", "dns")
    p.rule("edge-ntp-out", ["dcs", "uags", "proxies"], "ntp-sources", "ntp")
    p.rule("edge-teams-media", "desktops", "teams-media", "teams-media",
           note="MISTAKE: desktops straight to the internet")
    p.rule("edge-desktops-web", "desktops", "internet", "web", "reject")
    p.rule("edge-bank-sftp", "erp-app", "bank-sftp", "ssh")
    p.rule("edge-hris-saas", "hris-app", "saas-hr", "https")
    p.rule("edge-backup-cloud", "backup", "backup-cloud", "https")
    p.rule("edge-windows-update", "sccm", "windows-update", "web")
    p.rule("edge-mon-ping", "monitoring", "internet", "ping")
    p.rule("edge-no-smb-out", "internal", "internet", ["smb", "netbios", "rpc-epmap"], "drop",
           note="redundant with the default drop, kept for the auditors")
    p.rule("edge-db-out", "db-servers", "internet", "any", "reject")
    p.rule("edge-vendor-rdp", "internet", "jump-hosts", "rdp", disabled=True,
           description="vendor remote support, enabled on request only")


def build_host(p):
    p.rule("hf-helpdesk-in", "helpdesk", "desktops", ["rdp", "dameware"], direction="in")
    p.rule("hf-horizon-in", ["uags", "connection-servers"], "desktops",
           ["blast", "pcoip", "horizon-usb", "horizon-mmr"], direction="in")
    p.rule("hf-sccm-in", "sccm", "desktops", "sccm-rc", direction="in")
    p.rule("hf-edr-in", "edr", "desktops", "edr-push", direction="in")
    p.rule("hf-monitoring-in", "monitoring", "desktops", ["ping", "rpc-epmap", "rpc-dyn"],
           direction="in")
    p.rule("hf-file-sharing-in", "net-vdi", "desktops", ["smb", "netbios"], direction="in",
           applied_to="file-sharing-desktops",
           description="GPO 'File and Printer Sharing (SMB-In)', 85% of desktops")
    p.rule("hf-no-smb-to-internet", "desktops", "internet", ["smb", "netbios"], "drop",
           direction="out")
    p.rule("hf-no-llmnr-out", "desktops", "any", ["llmnr", "mdns"], "drop", direction="out")


def build_intents():
    L = []

    def intent(id, kind, src, dst, svc, compromised=None, violated=None):
        body = "{from: %s, to: %s, service: %s}" % (flow(src), flow(dst), flow(svc))
        line = "  - {id: %s, %s: %s" % (id, kind, body)
        if compromised:
            line += ", assume_compromised: %s" % flow(compromised)
        line += "}"
        if violated:
            L.extend(textwrap.wrap("VIOLATED by design: " + violated, 96,
                                   initial_indent="  # ", subsequent_indent="  #   "))
        L.append(line)

    L.append("  # ---- deny: what must never get through")
    intent("no-desktop-lateral", "deny", "non-helpdesk-desktops", "desktops", "any")
    intent("no-desktop-lateral-even-if-owned", "deny", "non-helpdesk-desktops", "desktops",
           ["smb", "rdp", "winrm", "rpc-epmap", "rpc-dyn"], compromised="desktops")
    intent("helpdesk-rdp-but-no-smb", "deny", "helpdesk", "desktops", ["smb", "winrm"],
           compromised="helpdesk")
    intent("finance-no-lateral-even-if-owned", "deny", "dept-finance", "dept-finance", "any",
           compromised="dept-finance")
    intent("engineering-not-finance", "deny", "dept-engineering", "dept-finance", "any")
    intent("hr-isolated", "deny", ["dept-sales", "dept-support", "dept-marketing"], "dept-hr",
           "any")
    intent("contractors-no-vault", "deny", "contractors", "finance-vault", "any")
    intent("contractors-no-dept-shares", "deny", "contractors", "dept-file-servers", "smb",
           violated="the drop rule infra-contractors-no-dept-shares is disabled, and "
           "infra-*-dept-shares lets every desktop segment reach fs02/fs03 on SMB")
    intent("contractors-owned-no-jump", "deny", "contractors", "jump-hosts", "any",
           compromised="contractors")
    intent("no-desktop-internet-direct", "deny", "desktops", "internet", "any",
           violated="Teams media (infra-*-teams-media, gw-b*-teams, edge-teams-media) goes "
           "from the desktops straight to the internet on UDP 3478-3481, not via the proxy")
    intent("no-desktop-c2", "deny", "desktops", "c2", "any")
    intent("no-inbound-to-desktops", "deny", "internet", "desktops", "any")
    intent("no-inbound-to-core", "deny", "internet",
           ["dcs", "file-servers", "sql-servers", "app-servers", "vcenters",
            "connection-servers", "jump-hosts"], "any")
    intent("uag-no-dcs", "deny", "uags", "dcs", "any")
    intent("dmz-no-dc-admin", "deny", "dmz-servers", "dcs",
           ["smb", "rpc-epmap", "rpc-dyn", "rdp", "winrm", "ldaps", "gc"])
    intent("dmz-no-file-servers", "deny", "dmz-servers", "file-servers", "any")
    intent("dmz-no-databases", "deny", "dmz-servers", "sql-servers", "any")
    intent("db-no-internet", "deny", "sql-servers", "internet", "any")
    intent("no-ioc", "deny", "managed-vms", "ioc-feed", "any")
    intent("helpdesk-no-server-admin", "deny", "helpdesk", "servers", ["rdp", "winrm", "ssh"])
    intent("sales-no-plm", "deny", "dept-sales", ["plm-web", "plm-app", "plm-db"], "any")
    intent("support-no-erp-web", "deny", "dept-support", "erp-web", "https",
           violated="app-erp-support-reject comes after app-ess-* (every desktop segment to "
           "erp-web on HTTPS): shadowed, never decides")
    intent("no-desktop-vcenter", "deny", "desktops", "vcenters", "any")
    intent("servers-no-desktops", "deny",
           ["app-servers", "sql-servers", "file-servers", "mail-servers", "proxies"],
           "desktops", "any")
    L.append("  # ---- allow: what the business needs")
    intent("logon-ok", "allow", "desktops", "dcs", ["kerberos", "ldap", "dns"])
    intent("gpo-ok", "allow", "desktops", "dcs", "smb")
    intent("kms-ok", "allow", "desktops", "kms", "kms")
    intent("patching-ok", "allow", "desktops", "sccm", ["sccm-mp", "wsus"])
    intent("profiles-ok", "allow", "desktops", "profile-servers", "smb")
    intent("browsing-ok", "allow", "desktops", "proxies", "proxy")
    intent("mail-client-ok", "allow", "desktops", "mail-servers", "https")
    intent("horizon-display-ok", "allow", "uags", "desktops", ["blast", "pcoip"])
    intent("horizon-agent-ok", "allow", "desktops", "connection-servers", "horizon-jms")
    intent("finance-vault-ok", "allow", "dept-finance", "finance-vault", "smb")
    intent("finance-sap-ok", "allow", "dept-finance", "erp-app", "sap-gui")
    intent("engineering-plm-ok", "allow", "dept-engineering", "plm-web", "https")
    intent("helpdesk-rdp-ok", "allow", "helpdesk", "desktops", "rdp")
    intent("jump-rdp-ok", "allow", "jump-hosts", "windows-servers", "rdp")
    intent("erp-tier-ok", "allow", "erp-app", "erp-db", "mssql")
    intent("remote-access-ok", "allow", "internet-clean", "uags", "uag-ext")
    L.append("  # ---- only: who alone may reach what")
    intent("vault-smb-only-finance", "only", "dept-finance", "finance-vault", "smb")
    intent("vault-only-authorised", "only",
           ["dept-finance", "jump-hosts", "backup", "monitoring", "edr"], "finance-vault",
           "any")
    intent("erp-db-only-from-app-tier", "only",
           ["erp-app", "hris-app", "dept-finance", "monitoring"], "erp-db", "mssql",
           violated="app-plm-db-engineering-* allow engineering to sql-servers (both SQL "
           "servers) instead of plm-db: engineering desktops reach sql01 on tcp/1433")
    intent("admin-only-from-jump-hosts", "only", "jump-hosts", "servers-except-jump",
           ["rdp", "winrm", "ssh"],
           violated="legacy-it-admins-rdp-sccm (and gw-it-admins-sccm) let IT admins' "
           "desktops RDP to sccm01 directly")
    intent("vcenter-only-from-mgmt", "only",
           ["connection-servers", "jump-hosts", "backup", "monitoring", "vcenters"],
           "vcenters", "https")
    intent("desktop-rdp-only-helpdesk", "only", "helpdesk", "desktops", "rdp",
           compromised="desktops")
    intent("display-only-from-uag", "only", ["uags", "connection-servers"], "desktops",
           ["blast", "pcoip"])
    intent("hris-only-hr-exec", "only", ["dept-hr", "dept-executive"], "hris-web", "https")
    intent("dc-auth-only-managed", "only", "managed-vms", "dcs", ["kerberos", "ldap"])
    intent("sap-only-business", "only",
           ["dept-finance", "dept-procurement", "dept-sales", "dept-operations", "erp-web",
            "backup"], "erp-app", ["sap-gui", "sap-msg"])
    return L


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("-o", "--output", default=DEFAULT_OUTPUT,
                        help="where to write the YAML ('-' for stdout)")
    parser.add_argument("--check", action="store_true",
                        help="do not write; exit 1 if the output file differs")
    args = parser.parse_args()
    text, parts = build()
    if args.check:
        with open(args.output, encoding="utf-8") as f:
            same = f.read() == text
        print("up to date" if same else "%s is stale: regenerate it" % args.output)
        return 0 if same else 1
    if args.output == "-":
        sys.stdout.write(text)
    else:
        with open(args.output, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
    counts = "dfw %d, gateway %d, perimeter %d, host %d rules; %d groups; %d intents" % (
        parts["dfw"].count, parts["gw"].count, parts["edge"].count, parts["host"].count,
        len([g for g in parts["groups"] if not g.startswith("  #")]),
        len([i for i in parts["intents"] if i.startswith("  - ")]))
    print(counts, file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
