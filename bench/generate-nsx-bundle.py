#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
# SPDX-FileCopyrightText: 2026 The segproof authors
"""Writes a deterministic NSX collector's bundle at NSX scale, and a scenario that reads it.

usage: generate-nsx-bundle.py OUT_DIR [--vms 25000] [--groups 2000] [--rules 20000] [--seed 1]

The bundle has the shape segproof collect writes (docs/collect.md): VMs with tags, guest OS and
host, one VIF each on a segment port, /20 segments, groups (tag conditions, nested paths, IP
sets, segment paths, some with realized vm_members), security policies in the four L3
categories with applied-to scopes, rules over groups and NSX's built-in services, and the
default layer-3 section. OUT_DIR gets bundle.json and scenario.yaml (estate and DFW from the
bundle, two postures, a few intents over its groups), and the same objects as a folder of NSX
API responses, api/ (one GET per file, listings in pages of 1,000 with result_count and cursor,
rules and segment ports in their own listings, as a user saves them), with scenario-api.yaml.
"""
import argparse
import ipaddress
import json
import os
import random

BUILTIN = ["/infra/services/HTTP", "/infra/services/HTTPS", "/infra/services/SSH",
           "/infra/services/SMB", "/infra/services/RDP", "/infra/services/DNS-UDP",
           "/infra/services/LDAP", "/infra/services/MS_RPC_TCP", "/infra/services/ICMP-ALL",
           "/infra/services/MySQL", "/infra/services/KERBEROS"]
CATEGORIES = ["Emergency", "Infrastructure", "Environment", "Application"]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--vms", type=int, default=25000)
    ap.add_argument("--groups", type=int, default=2000)
    ap.add_argument("--rules", type=int, default=20000)
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    rnd = random.Random(a.seed)
    os.makedirs(a.out, exist_ok=True)

    per_segment = 4000  # a /20 holds 4094
    segments, vms, vifs = [], [], []
    apps = max(1, a.groups // 4)
    for s in range((a.vms + per_segment - 1) // per_segment):
        net = ipaddress.IPv4Network(f"10.{64 + s // 16}.{(s % 16) * 16}.0/20")
        segments.append({"id": f"seg-{s:02d}", "display_name": f"seg-{s:02d}",
                         "path": f"/infra/segments/seg-{s:02d}", "vlan_ids": [str(100 + s)],
                         "subnets": [{"gateway_address": f"{net.network_address + 1}/20",
                                      "network": str(net)}],
                         "connectivity_path": "/infra/tier-1s/t1", "segment_ports": []})
    for i in range(a.vms):
        s = i // per_segment
        net = ipaddress.IPv4Network(segments[s]["subnets"][0]["network"])
        ip = str(net.network_address + 10 + i % per_segment)
        desktop = i % 5 != 0
        vm_id = f"5000{i:06d}-vm"
        app = rnd.randrange(apps)
        tags = [{"scope": "app", "tag": f"app{app:04d}"},
                {"scope": "tier", "tag": rnd.choice(["web", "app", "db"])}]
        if desktop:
            tags.append({"scope": "role", "tag": "vdi-desktop"})
        vms.append({"display_name": f"vm-{i:05d}", "external_id": vm_id,
                    "host_id": f"host-{i % 200:03d}",
                    "source": {"target_display_name": f"esx{i % 200:03d}",
                               "target_type": "HostNode"},
                    "guest_info": {"os_name": "Microsoft Windows 10 (64-bit)" if desktop
                                   else "Ubuntu Linux (64-bit)"},
                    "tags": tags, "type": "REGULAR", "power_state": "VM_RUNNING"})
        attachment = f"att-{i:06d}"
        vifs.append({"owner_vm_id": vm_id, "lport_attachment_id": attachment,
                     "ip_address_info": [{"ip_addresses": [ip], "source": "VM_TOOLS"}]})
        segments[s]["segment_ports"].append({"attachment": {"id": attachment}})

    groups = []
    gpath = lambda name: f"/infra/domains/default/groups/{name}"
    for g in range(a.groups):
        kind = g % 10
        name = f"g{g:04d}"
        if kind < 6:
            expression = [{"resource_type": "Condition", "member_type": "VirtualMachine",
                           "key": "Tag", "operator": "EQUALS", "value": f"app|app{g % apps:04d}"}]
            if kind == 1:
                expression += [{"resource_type": "ConjunctionOperator",
                                "conjunction_operator": "AND"},
                               {"resource_type": "Condition", "member_type": "VirtualMachine",
                                "key": "Tag", "operator": "EQUALS",
                                "value": "tier|" + rnd.choice(["web", "app", "db"])}]
        elif kind < 8 and g >= 10:
            expression = [{"resource_type": "PathExpression",
                           "paths": [gpath(f"g{rnd.randrange(g):04d}") for _ in range(3)]}]
        elif kind == 8:
            base = ipaddress.IPv4Address("172.16.0.0") + 256 * g
            expression = [{"resource_type": "IPAddressExpression",
                           "ip_addresses": [f"{base}/24"]}]
        else:
            expression = [{"resource_type": "PathExpression",
                           "paths": [f"/infra/segments/seg-{rnd.randrange(len(segments)):02d}"]}]
        groups.append({"id": name, "display_name": name, "path": gpath(name),
                       "resource_type": "Group", "expression": expression})

    policies, rule_no = [], 0
    per_policy = 50
    for p in range((a.rules + per_policy - 1) // per_policy):
        category = CATEGORIES[min(3, p * 4 // max(1, (a.rules // per_policy)))]
        scoped = p % 3 != 0
        scope = [gpath(f"g{rnd.randrange(a.groups) // 10 * 10:04d}")] if scoped else ["ANY"]
        rules = []
        for r in range(per_policy):
            if rule_no >= a.rules:
                break
            action = "ALLOW" if rnd.random() < 0.7 else rnd.choice(["DROP", "REJECT"])
            if category == "Environment" and rnd.random() < 0.2:
                action = "JUMP_TO_APPLICATION"
            rules.append({"id": f"r{rule_no:06d}", "display_name": f"r{rule_no:06d}",
                          "resource_type": "Rule", "sequence_number": 10 * (r + 1),
                          "action": action, "direction": "IN_OUT",
                          "source_groups": [gpath(f"g{rnd.randrange(a.groups):04d}")],
                          "destination_groups": [gpath(f"g{rnd.randrange(a.groups):04d}")],
                          "services": rnd.sample(BUILTIN, rnd.randint(1, 2)),
                          "scope": ["ANY"], "logged": rnd.random() < 0.1})
            rule_no += 1
        policies.append({"id": f"p{p:04d}", "display_name": f"p{p:04d}",
                         "resource_type": "SecurityPolicy", "category": category,
                         "sequence_number": 10 * (p + 1), "scope": scope, "rules": rules})
    policies.append({"id": "default-layer3-section", "display_name": "Default Layer3 Section",
                     "category": "Application", "sequence_number": 2147483647, "rules": [
                         {"id": "default-layer3-rule", "action": "DROP",
                          "sequence_number": 2147483647}]})
    bundle = {
        "collector": {"tool": "bench/generate-nsx-bundle.py", "complete": True,
                      "manager": "https://nsx.bench.test", "collected_at": "2026-12-02T00:00:00Z"},
        "services": [], "virtual_machines": vms, "virtual_network_interface": vifs,
        "segments": segments, "tier0": [{"id": "t0"}], "tier1": [{"id": "t1"}],
        "domains": [{"id": "default", "display_name": "default", "resources": {
            "groups": groups, "security_policies": policies, "gateway_policies": []}}]}
    with open(os.path.join(a.out, "bundle.json"), "w", encoding="utf-8") as f:
        json.dump(bundle, f, indent=1)
    write_api_folder(os.path.join(a.out, "api"), bundle)
    for name, source in (("scenario.yaml", "bundle.json"), ("scenario-api.yaml", "api")):
        with open(os.path.join(a.out, name), "w", encoding="utf-8") as f:
            f.write(f"# generated by bench/generate-nsx-bundle.py --vms {a.vms} "
                    f"--groups {a.groups} --rules {a.rules} --seed {a.seed}\n"
                    "format: segproof/v1\nname: nsx-scale\n"
                    f"estate: {{nsx: {source}}}\n"
                    f"firewalls:\n  dfw: {{nsx: {source}}}\n"
                    "postures:\n  flat: []\n  microseg: [dfw]\n"
                    "intents:\n"
                    "  - {id: no-lateral, deny: {from: g0000, to: g0001, service: tcp/445}}\n"
                    "  - {id: web-ok, allow: {from: g0002, to: g0003, service: tcp/443}}\n")
    print(f"{a.out}/bundle.json: {a.vms} VMs, {len(segments)} segments, {a.groups} groups, "
          f"{rule_no} rules in {len(policies) - 1} policies")


def write_api_folder(folder, bundle):
    """The bundle's objects as the Manager's API answers them, one GET (one page) per file."""
    os.makedirs(folder, exist_ok=True)
    for old in os.listdir(folder):
        os.remove(os.path.join(folder, old))

    def listing(name, objects, resource_type, page=1000):
        typed = [dict(o, resource_type=resource_type) for o in objects]
        pages = [typed[i:i + page] for i in range(0, len(typed), page)] or [[]]
        for n, results in enumerate(pages):
            body = {"results": results, "result_count": len(typed)}
            if n + 1 < len(pages):
                body["cursor"] = f"{(n + 1) * page:08d}"
            with open(os.path.join(folder, f"{name}.{n + 1:03d}.json"), "w",
                      encoding="utf-8") as f:
                json.dump(body, f, indent=1)

    listing("api_v1_fabric_virtual-machines", bundle["virtual_machines"], "VirtualMachine")
    listing("api_v1_fabric_vifs", bundle["virtual_network_interface"], "VirtualNetworkInterface")
    segments = [{k: v for k, v in s.items() if k != "segment_ports"} for s in bundle["segments"]]
    listing("policy_api_v1_infra_segments", segments, "Segment")
    for s in bundle["segments"]:
        ports = [dict(p, id=p["attachment"]["id"], parent_path=s["path"],
                      path=f"{s['path']}/ports/{p['attachment']['id']}")
                 for p in s["segment_ports"]]
        listing(f"policy_api_v1_infra_segments_{s['id']}_ports", ports, "SegmentPort")
    listing("policy_api_v1_infra_tier-0s", bundle["tier0"], "Tier0")
    listing("policy_api_v1_infra_tier-1s", bundle["tier1"], "Tier1")
    domain = bundle["domains"][0]["resources"]
    listing("policy_api_v1_infra_domains_default_groups", domain["groups"], "Group")
    policies = [{k: v for k, v in p.items() if k != "rules"} for p in domain["security_policies"]]
    listing("policy_api_v1_infra_domains_default_security-policies", policies, "SecurityPolicy")
    for p in domain["security_policies"]:
        path = f"/infra/domains/default/security-policies/{p['id']}"
        rules = [dict(r, parent_path=path) for r in p["rules"]]
        listing(f"policy_api_v1_infra_domains_default_security-policies_{p['id']}_rules", rules,
                "Rule")


if __name__ == "__main__":
    main()
