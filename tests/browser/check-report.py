#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-or-later
# SPDX-FileCopyrightText: 2026 The segproof authors
"""Checks a `segproof report` page (report.html) in headless Chromium.

    /usr/bin/python3 check-report.py REPORT.html WORKDIR [--lang en|ja] [--figures all|none|ID,...]

Run it with Debian's /usr/bin/python3 (python3-pil); the PATH python3 may lack PIL. It renders
the page once (screenshot, --dump-dom, --print-to-pdf, all under a net log), and each figure's
<svg> as a standalone .svg file drawn as an image of its own (all on one sheet, one more run,
each then cut out to its own PNG), then checks:

  render   Chromium ran and wrote what it was asked for
  dom      the DOM contract: <html lang>, the CSP meta, table#verdicts with posture rows, every
           figure with exactly one non-empty inline <svg> of the expected kind
  selfcontained  no <script>, <link>, frames, objects or <base>, and no src/href/url() to
           http(s)/ftp/ws(s) or protocol-relative addresses (in the file and in the DOM)
  network  the net logs show no request by the page (Chromium's own background requests, which
           carry no page origin, are listed and ignored)
  pixels   the full-page screenshot and each figure's own screenshot are not blank
  pdf      the print is A4 portrait, 1 to 12 pages, none blank
  lang     html lang; for ja: a Japanese font is installed, the DOM has Japanese text, the PDF
           embeds a Japanese font and its text layer holds the DOM's Japanese characters

Every check prints "PASS <check>: ..." or "FAIL <check>: ..."; exit 0 when all pass, 1 otherwise.
Everything it makes stays in WORKDIR for a person to look at: page.png, figures/*.svg and
*.png (figures.png is the whole sheet), report.pdf, pdf-page-*.png, dom.html, netlog/*.json,
chromium-*.log.
"""

import argparse
import html.parser
import json
import os
import pathlib
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.parse
import xml.etree.ElementTree as ET

try:
    from PIL import Image, ImageChops
except ImportError:  # pragma: no cover - a setup problem, not a finding
    sys.exit("check-report: PIL is missing: run it with /usr/bin/python3 after "
             "scripts/install-browser.sh (Debian's python3-pil)")

# Every run: headless, as root, without Chromium's own background traffic where flags can stop
# it. Each run adds a fresh profile, a net log and what to capture.
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu",
                  "--disable-background-networking", "--disable-component-update",
                  "--no-first-run"]
# Never wait for ever on a request that hangs: stop loading after 30 s and capture what is there.
# (No --virtual-time-budget: the page has no script nor timer to wait for, and with it Chromium
# 156 hung before writing anything in 4 of 13 runs beside another one, against 0 of 12 without.)
SETTLE_FLAGS = ["--timeout=30000"]
# A run that outlives this is stuck: it is killed (with its children) and run again, twice at most.
CHROMIUM_TIMEOUT_S = 90
CHROMIUM_ATTEMPTS = 3
WIDTH = 1240
FIRST_HEIGHT = 8000
MAX_HEIGHT = 16384

FIXED_FIGURES = ["chart-infection", "chart-cdf", "chart-blocked", "diagram-estate"]
# Drawn when the page has them: the time to quarantine (a posture that quarantines: the seed
# has five) and a sweep figure per swept parameter (report --db on a campaign's sweep).
OPTIONAL_FIGURES = ["chart-quarantine-cdf"]
SWEEP_PREFIX = "chart-sweep-"
LOCAL_SCHEMES = ("file:", "data:", "about:", "chrome:", "devtools:")
EXTERNAL_URL = re.compile(r"^\s*(?:(?:https?|ftp|wss?):|//|\\\\)", re.IGNORECASE)
CSS_URL = re.compile(r"""(?:url\(\s*['"]?|@import\s+['"])\s*([^'")\s]+)""", re.IGNORECASE)
URL_ATTRIBUTES = {"src", "href", "xlink:href", "srcset", "action", "formaction", "poster",
                  "data", "background", "ping", "cite", "longdesc", "manifest", "codebase",
                  "archive", "lowsrc", "dynsrc", "imagesrcset"}
FORBIDDEN_TAGS = {"script", "link", "iframe", "frame", "frameset", "object", "embed", "base",
                  "applet", "portal", "fencedframe"}
VOID_TAGS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
             "param", "source", "track", "wbr"}
JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff66-\uff9f]")

results = []  # (passed, check, message)


def report(passed, check, message):
    results.append((passed, check, message))
    print(f"{'PASS' if passed else 'FAIL'} {check}: {message}", flush=True)


def note(message):
    print(f"  note: {message}", flush=True)


# ---------------------------------------------------------------------------------------------
# A small DOM built with html.parser (with each element's place in the source text).


class Element:
    def __init__(self, tag, attrs, start):
        self.tag = tag
        self.attrs = {k.lower(): (v if v is not None else "") for k, v in attrs}
        self.children = []
        self.text = []
        self.start = start  # offset of "<tag" in the source
        self.end = None     # offset just past the end tag (or the start tag when void)

    def iter(self):
        yield self
        for child in self.children:
            yield from child.iter()

    def find_all(self, tag):
        return [e for e in self.iter() if e.tag == tag]

    def classes(self):
        return self.attrs.get("class", "").split()

    def all_text(self):
        return "".join(t for e in self.iter() for t in e.text)


class TreeBuilder(html.parser.HTMLParser):
    def __init__(self, source):
        super().__init__(convert_charrefs=True)
        self.source = source
        self.line_starts = [0]
        for m in re.finditer("\n", source):
            self.line_starts.append(m.end())
        self.root = Element("#document", [], 0)
        self.stack = [self.root]
        self.feed(source)
        self.close()

    def source_offset(self):
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    def handle_starttag(self, tag, attrs):
        element = Element(tag, attrs, self.source_offset())
        self.stack[-1].children.append(element)
        if tag in VOID_TAGS:
            element.end = self.source.index(">", element.start) + 1
        else:
            self.stack.append(element)

    def handle_startendtag(self, tag, attrs):
        element = Element(tag, attrs, self.source_offset())
        element.end = self.source.index(">", element.start) + 1
        self.stack[-1].children.append(element)

    def handle_endtag(self, tag):
        for i in range(len(self.stack) - 1, 0, -1):
            if self.stack[i].tag == tag:
                end = self.source.index(">", self.source_offset()) + 1
                for element in self.stack[i:]:
                    element.end = end
                del self.stack[i:]
                return

    def handle_data(self, data):
        self.stack[-1].text.append(data)


def parse(source):
    return TreeBuilder(source).root


# ---------------------------------------------------------------------------------------------
# Chromium


def find_chromium():
    for name in (os.environ.get("CHROMIUM", ""), "chromium", "chromium-browser", "google-chrome"):
        if name and shutil.which(name):
            return shutil.which(name)
    return None


def run_chromium(chromium, work, name, url, extra):
    """Runs Chromium with a fresh profile and a net log; returns (rc, stdout, seconds). A run
    that hangs is killed with all its processes and tried again (a note says so)."""
    netlog = work / "netlog" / f"{name}.json"
    started = time.monotonic()
    rc, out = None, b""
    with open(work / f"chromium-{name}.log", "wb") as log:
        for attempt in range(1, CHROMIUM_ATTEMPTS + 1):
            profile = tempfile.mkdtemp(prefix=f"profile-{name}-", dir=work)
            command = ([chromium] + CHROMIUM_FLAGS +
                       [f"--user-data-dir={profile}", f"--log-net-log={netlog}",
                        "--net-log-capture-mode=Everything"] + SETTLE_FLAGS + extra + [url])
            log.write((f"== attempt {attempt}: " + " ".join(command) + "\n\n").encode())
            log.flush()
            process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=log,
                                       start_new_session=True)
            try:
                out, _ = process.communicate(timeout=CHROMIUM_TIMEOUT_S)
                rc = process.returncode
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                out, _ = process.communicate()
                rc = "timeout"
            try:
                os.killpg(process.pid, signal.SIGKILL)  # renderers or helpers left behind
            except ProcessLookupError:
                pass
            shutil.rmtree(profile, ignore_errors=True)
            if rc != "timeout":
                break
            if netlog.exists():  # still checked, with the others
                netlog.rename(netlog.with_name(f"{name}-killed-{attempt}.json"))
            note(f"chromium ({name}) hung for {CHROMIUM_TIMEOUT_S} s: killed"
                 + (", trying again" if attempt < CHROMIUM_ATTEMPTS else ""))
    return rc, out, time.monotonic() - started


# ---------------------------------------------------------------------------------------------
# Pixels


MAX_COUNTED_COLOURS = 4096


def share(mask):
    """The share of pixels set (255) in a mode "L" mask."""
    return mask.histogram()[255] / (mask.width * mask.height)


def colour_count(stats):
    if stats["distinct"] > MAX_COUNTED_COLOURS:
        return f"over {MAX_COUNTED_COLOURS}"
    return str(stats["distinct"])


def pixel_stats(image):
    """Non-white share (some channel below 245), colour share (channels 60 or more apart) and
    the number of distinct colours (counted up to MAX_COUNTED_COLOURS + 1)."""
    image = image.convert("RGB")
    red, green, blue = image.split()
    darkest = ImageChops.darker(ImageChops.darker(red, green), blue)
    lightest = ImageChops.lighter(ImageChops.lighter(red, green), blue)
    non_white = darkest.point(lambda v: 255 if v < 245 else 0)
    chromatic = ImageChops.subtract(lightest, darkest).point(lambda v: 255 if v >= 60 else 0)
    colours = image.getcolors(MAX_COUNTED_COLOURS)
    return {"size": image.size, "non_white": share(non_white), "chromatic": share(chromatic),
            "distinct": len(colours) if colours is not None else MAX_COUNTED_COLOURS + 1}


def content_bottom(image):
    """The first row below all content (rows that only hold the page's background are cut)."""
    image = image.convert("RGB")
    background = image.getpixel((image.width - 1, image.height - 1))
    box = ImageChops.difference(image, Image.new("RGB", image.size, background)).getbbox()
    return 0 if box is None else box[3]


# ---------------------------------------------------------------------------------------------
# Net log


def load_netlog(path):
    text = path.read_text(encoding="utf-8", errors="replace")
    try:
        return json.loads(text)
    except json.JSONDecodeError:
        pass
    # Chromium ended before closing the file (killed): it writes one event a line, so drop a
    # torn last line or two and close the events list ourselves.
    lines = text.rstrip().split("\n")
    for drop in range(0, min(4, len(lines) - 1)):
        kept = "\n".join(lines[:len(lines) - drop]).rstrip().rstrip(",")
        try:
            return json.loads(kept + "]}")
        except json.JSONDecodeError:
            continue
    raise ValueError(f"{path} is not JSON, even once closed")


NETWORK_SOURCES = re.compile(
    r"^(URL_REQUEST|SOCKET|UDP_SOCKET|UDP_CLIENT_SOCKET|TCP_CONNECT_JOB|SSL_CONNECT_JOB|"
    r"TRANSPORT_CONNECT_JOB|SOCKS_CONNECT_JOB|HTTP_PROXY_CONNECT_JOB|HOST_RESOLVER_IMPL_JOB|"
    r"HOST_RESOLVER_IMPL_(PROC|SYSTEM)_TASK|DNS_TRANSACTION|DNS_OVER_HTTPS|HTTP_STREAM_JOB|"
    r"HTTP_STREAM_JOB_CONTROLLER|HTTP_STREAM_POOL.*|QUIC_SESSION|QUIC_SESSION_POOL_.*JOB|"
    r"HTTP2_SESSION|WEB_SOCKET.*|WEB_TRANSPORT.*|PRECONNECT.*|MDNS.*)$")
# Where a request's network partition is named: the page's is "file://" (its top frame).
PARTITION_PARAMS = ("network_anonymization_key", "network_isolation_key", "group_id")
REMOTE_PARAMS = ("url", "host", "hostname", "destination", "address", "remote_address",
                 "address_list", "location", "origin")
# Chromium's IPv6 reachability check connects (never sends) a UDP socket to this address.
IPV6_PROBE = "[2001:4860:4860::8888]:443"


def is_local(url):
    return str(url).lower().startswith(LOCAL_SCHEMES)


def analyse_netlog(path):
    """Sorts the network activity of one net log: returns (page, browser, events).

    Sources working for one another (a URL request, its stream and connect jobs, sockets,
    host resolution, DNS transactions) are linked by params.source_dependency; each linked
    group is judged as a whole:
      page     a URL request that a document started (any initiator but "not an origin"), or
               any event naming the page's own partition (file://) with a remote target
      browser  otherwise, a URL request with initiator "not an origin" (Chromium's update
               checks, network time, account list, spelling dictionary) or a partition that
               is not the page's ("null", a Google site)
      browser  sockets or DNS with no request nor partition, when they only reach the DNS
               servers of the net log's DNS configuration or Chromium's IPv6 probe address
      page     anything else (fail-closed: activity nobody vouches for counts against the page)
    Only URLs whose scheme is file:, data:, about:, chrome: or devtools: are not requests."""
    log = load_netlog(path)
    constants = log.get("constants", {})
    event_names = {v: k for k, v in constants.get("logEventTypes", {}).items()}
    source_names = {v: k for k, v in constants.get("logSourceType", {}).items()}
    if not event_names or not source_names:
        raise ValueError(f"{path} has no logEventTypes / logSourceType constants")
    events = log.get("events", [])

    parent = {}

    def find(x):
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for event in events:
        source = event["source"]["id"]
        find(source)
        dependency = (event.get("params") or {}).get("source_dependency")
        if isinstance(dependency, dict) and "id" in dependency:
            parent[find(source)] = find(dependency["id"])

    nameservers = {IPV6_PROBE}
    requests, groups = {}, {}
    for event in events:
        params = event.get("params") or {}
        source_type = source_names.get(event["source"]["type"], "?")
        event_type = event_names.get(event["type"], "?")
        if event_type == "DNS_CONFIG_CHANGED":
            nameservers.update(str(n) for n in params.get("nameservers", []))
        group = groups.setdefault(find(event["source"]["id"]), {
            "page_partition": [], "partitions": set(), "remote": set(), "types": set()})
        remote = {f"{k}={params[k]}" for k in REMOTE_PARAMS
                  if k in params and not is_local(params[k]) and
                  not (k == "address" and event_type.endswith("LOCAL_ADDRESS"))}
        partitions = {str(params[k]) for k in PARTITION_PARAMS if k in params}
        group["partitions"].update(partitions)
        if any("file://" in p for p in partitions) and remote:
            group["page_partition"].append(f"{event_type} " + ", ".join(sorted(remote)))
        if source_type == "URL_REQUEST":
            request = requests.setdefault(event["source"]["id"], {
                "urls": set(), "initiators": set(), "partitions": set(), "group": group})
            if "url" in params:
                request["urls"].add(str(params["url"]))
            if "initiator" in params:
                request["initiators"].add(str(params["initiator"]))
            request["partitions"].update(partitions)
        if NETWORK_SOURCES.match(source_type):
            group["types"].add(source_type)
            group["remote"].update(remote)

    page, browser = [], []
    for request in requests.values():
        urls = sorted(u for u in request["urls"] if not is_local(u))
        if request["urls"] and not urls:
            continue  # file:, data:, chrome: ...
        initiators = request["initiators"]
        what = (f"URL request {', '.join(urls) or '(no URL logged)'} "
                f"(initiator {', '.join(sorted(initiators)) or 'none logged'})")
        group = request["group"]
        if (urls and initiators == {"not an origin"} and
                not any("file://" in p for p in request["partitions"])):
            browser.append(what)
            group.setdefault("verdict", "browser")
        else:
            page.append(what)
            group["verdict"] = "page"
    for group in groups.values():
        if group["page_partition"]:
            page.extend(f"  in the page's partition: {e}" for e in group["page_partition"][:10])
            continue
        if group.get("verdict") or not group["types"]:
            continue
        targets = ", ".join(sorted(group["remote"]))[:300]
        types = ", ".join(sorted(group["types"]))
        if group["partitions"]:
            browser.append(f"{types} in partition {', '.join(sorted(group['partitions']))}"
                           f" -> {targets}")
        elif all(t.split("=", 1)[1] in nameservers for t in group["remote"]
                 if t.startswith("address=")) and \
                not any(not t.startswith("address=") for t in group["remote"]):
            browser.append(f"{types} to the DNS servers / IPv6 probe -> {targets}")
        else:
            page.append(f"{types} with no request or partition behind it -> {targets}")
    return page, browser, len(events)


# ---------------------------------------------------------------------------------------------
# The checks


def check_self_contained(label, root):
    problems = []
    for element in root.iter():
        if element.tag in FORBIDDEN_TAGS:
            problems.append(f"<{element.tag}> element")
        if element.tag == "meta" and element.attrs.get("http-equiv", "").lower() == "refresh":
            problems.append("<meta http-equiv=refresh>")
        for name, value in element.attrs.items():
            values = [value]
            if name in ("srcset", "imagesrcset"):
                values = [part.strip().split(" ")[0] for part in value.split(",")]
            if name in URL_ATTRIBUTES or name.endswith(":href"):
                for v in values:
                    if EXTERNAL_URL.match(v):
                        problems.append(f"<{element.tag} {name}=\"{v}\">")
            if name == "style" or name.startswith("on"):
                if name.startswith("on"):
                    problems.append(f"<{element.tag} {name}=...> event handler")
                for url in CSS_URL.findall(value):
                    if EXTERNAL_URL.match(url):
                        problems.append(f"<{element.tag} style> url({url})")
        if element.tag == "style":
            for url in CSS_URL.findall("".join(element.text)):
                if EXTERNAL_URL.match(url):
                    problems.append(f"<style> url({url}) / @import")
    if problems:
        report(False, "selfcontained", f"{label}: " + "; ".join(sorted(set(problems))[:20]))
    else:
        report(True, "selfcontained",
               f"{label}: no script, link, frame or object, no external src/href/url()")


def points_count(points):
    numbers = re.findall(r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?", points)
    return len(numbers) // 2


def visible_fill(element):
    fill = element.attrs.get("fill", "").strip().lower()
    style = element.attrs.get("style", "").lower()
    m = re.search(r"fill\s*:\s*([^;]+)", style)
    if m:
        fill = m.group(1).strip()
    if fill in ("none", "transparent", "white", "#fff", "#ffffff", "rgb(255,255,255)"):
        return False
    for attribute in ("fill-opacity", "opacity"):
        try:
            if float(element.attrs.get(attribute, "1")) == 0:
                return False
        except ValueError:
            pass
    return True


def positive_size(element):
    try:
        return (float(element.attrs.get("width", "0").rstrip("%px")) > 0 and
                float(element.attrs.get("height", "0").rstrip("%px")) > 0)
    except ValueError:
        return True  # a unit we do not parse: let the pixels decide


def check_figure_content(figure_id, svg):
    """The svg's content as the contract says; returns an error message or None (and a note)."""
    drawn = [e for e in svg.iter() if e is not svg and e.tag not in ("title", "desc")]
    if not drawn:
        return "its <svg> is empty", None
    if figure_id == "chart-infection":
        lines = [p for p in svg.find_all("polyline") if points_count(p.attrs.get("points", "")) >= 2]
        if not lines:
            return "no <polyline> with 2 or more points", None
        return None, f"{len(lines)} polyline(s)"
    if figure_id.startswith(SWEEP_PREFIX):
        lines = [p for p in svg.find_all("polyline") if points_count(p.attrs.get("points", "")) >= 2]
        dots = svg.find_all("circle")
        if not lines or not dots:
            return "no <polyline> of 2 or more points with its <circle> dots", None
        return None, f"{len(lines)} polyline(s), {len(dots)} dot(s)"
    if figure_id in ("chart-cdf", "chart-quarantine-cdf"):
        paths = [p for p in svg.find_all("path") if p.attrs.get("d", "").strip()]
        if paths:
            return None, f"{len(paths)} path(s) with d"
        text = " ".join(svg.all_text().split())
        if text:
            return None, f"no <path> (no run reached the crown jewel?); its text: {text[:80]!r}"
        return "no <path> with a d attribute and no text", None
    if figure_id == "chart-blocked":
        bars = [r for r in svg.find_all("rect") if visible_fill(r) and positive_size(r)]
        if not bars:
            return "no <rect> bar with a size and a visible fill", None
        return None, f"{len(bars)} filled rect(s)"
    # heatmaps and the estate diagram: cells / boxes
    rects = [r for r in svg.find_all("rect") if positive_size(r)]
    if not rects:
        return "no <rect> with a size", None
    return None, f"{len(rects)} rect(s)"


def check_dom(root, lang):
    """Returns the figure ids found (for the pixel checks)."""
    failures, facts = [], []
    html_elements = root.find_all("html")
    found_lang = html_elements[0].attrs.get("lang", "") if html_elements else ""
    if found_lang != lang:
        failures.append(f"<html lang=\"{found_lang}\">, expected \"{lang}\"")
    csp = [m for m in root.find_all("meta")
           if m.attrs.get("http-equiv", "").lower() == "content-security-policy"]
    if not csp or "default-src 'none'" not in csp[0].attrs.get("content", ""):
        failures.append("no <meta http-equiv=\"Content-Security-Policy\"> with default-src 'none'")
    tables = [t for t in root.find_all("table") if t.attrs.get("id") == "verdicts"]
    rows = []
    if len(tables) != 1:
        failures.append(f"{len(tables)} <table id=\"verdicts\">, expected 1")
    else:
        rows = [r for r in tables[0].find_all("tr") if "posture-row" in r.classes()]
        if not rows:
            failures.append("table#verdicts has no tr.posture-row")
        facts.append(f"{len(rows)} posture row(s)")
    figures = {f.attrs.get("id", ""): f for f in root.find_all("figure")}
    heatmaps = sorted(i for i, f in figures.items()
                      if i.startswith("chart-matrix-") and "heatmap" in f.classes())
    if not heatmaps:
        failures.append("no <figure class=\"chart heatmap\" id=\"chart-matrix-POSTURE\">")
    elif rows and len(heatmaps) != len(rows):
        failures.append(f"{len(heatmaps)} heatmap(s) for {len(rows)} posture row(s)")
    row_text = [" ".join(r.all_text().split()) for r in rows]
    for heatmap in heatmaps:
        posture = heatmap[len("chart-matrix-"):]
        if rows and not any(posture in t for t in row_text):
            failures.append(f"figure {heatmap}: no posture row names '{posture}'")
    optional = [i for i in OPTIONAL_FIGURES if i in figures]
    sweeps = sorted(i for i in figures if i.startswith(SWEEP_PREFIX))
    expected = FIXED_FIGURES + optional + sweeps + heatmaps
    for figure_id in expected:
        figure = figures.get(figure_id)
        if figure is None:
            failures.append(f"figure {figure_id}: missing")
            continue
        if "chart" not in figure.classes():
            failures.append(f"figure {figure_id}: no class \"chart\"")
        svgs = figure.find_all("svg")
        if len(svgs) != 1:
            failures.append(f"figure {figure_id}: {len(svgs)} <svg>, expected exactly 1")
            continue
        error, fact = check_figure_content(figure_id, svgs[0])
        if error:
            failures.append(f"figure {figure_id}: {error}")
        else:
            facts.append(f"{figure_id}: {fact}")
    for failure in failures:
        report(False, "dom", failure)
    if not failures:
        report(True, "dom", f"lang {lang}, CSP meta, {len(expected)} figures; " + "; ".join(facts))
    return expected


def standalone_svg(source, figure, styles):
    """The figure's <svg> from the source file as a standalone document: (text, suffix)."""
    svg = figure.find_all("svg")[0]
    text = source[svg.start:svg.end]
    start_tag = text[:text.index(">") + 1]
    additions = ""
    if not re.search(r"\sxmlns\s*=", start_tag):
        additions += ' xmlns="http://www.w3.org/2000/svg"'
    if "xlink:" in text and not re.search(r"\sxmlns:xlink\s*=", start_tag):
        additions += ' xmlns:xlink="http://www.w3.org/1999/xlink"'
    self_closing = start_tag.endswith("/>")
    head = start_tag[:-2 if self_closing else -1].rstrip() + additions
    # The page's own CSS, in case the chart leans on it (class-based colours and fonts).
    style = f"<style><![CDATA[\n{styles}\n]]></style>" if styles.strip() else ""
    if self_closing:
        document = head + ">" + style + "</svg>"
    else:
        document = head + ">" + style + text[len(start_tag):]
    try:
        ET.fromstring(document)
        return document, ".svg", None
    except ET.ParseError as error:
        page = ("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><meta http-equiv="
                "\"Content-Security-Policy\" content=\"default-src 'none'; style-src "
                "'unsafe-inline'; img-src data:\"><style>" + styles +
                "\nbody{margin:0;background:#fff}</style></head><body>" + text +
                "</body></html>")
        return page, ".html", f"its <svg> is not well-formed XML ({error}): rendered in HTML"


def figure_height(svg):
    match = re.split(r"[\s,]+", svg.attrs.get("viewbox", "").strip())
    try:
        _, _, width, height = (float(v) for v in match)
        if width > 0 and height > 0:
            return max(100, min(4000, round(WIDTH * height / width)))
    except ValueError:
        pass
    return 900


def check_pdf(work, pdf):
    if not pdf.is_file() or pdf.stat().st_size == 0:
        report(False, "pdf", "Chromium wrote no PDF")
        return
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True)
    pages = re.search(r"^Pages:\s+(\d+)", info.stdout, re.MULTILINE)
    size = re.search(r"^Page size:\s+([\d.]+) x ([\d.]+) pts(.*)$", info.stdout, re.MULTILINE)
    if info.returncode != 0 or not pages or not size:
        report(False, "pdf", f"pdfinfo failed: {info.stderr.strip() or info.stdout[:200]}")
        return
    count, width, height = int(pages.group(1)), float(size.group(1)), float(size.group(2))
    failures = []
    if abs(width - 595.28) > 3 or abs(height - 841.89) > 3:
        failures.append(f"page size {width} x {height} pts, expected A4 portrait 595 x 842")
    if not 1 <= count <= 12:
        failures.append(f"{count} pages, expected 1 to 12")
    # Every page rendered small: none may be blank (a stray page break prints an empty sheet).
    for old in work.glob("pdf-page-*.png"):
        old.unlink()
    subprocess.run(["pdftoppm", "-r", "40", "-png", str(pdf), str(work / "pdf-page")],
                   capture_output=True)
    rendered = sorted(work.glob("pdf-page-*.png"))
    if len(rendered) != count:
        failures.append(f"pdftoppm rendered {len(rendered)} of {count} pages")
    for png in rendered:
        with Image.open(png) as image:
            if pixel_stats(image)["non_white"] < 0.001:
                failures.append(f"{png.name} is blank")
    if failures:
        report(False, "pdf", "; ".join(failures))
    else:
        report(True, "pdf", f"{count} page(s), {width} x {height} pts{size.group(3)}, none blank")


def check_lang(lang, root, pdf):
    if lang != "ja":
        report(True, "lang", f"lang {lang}: nothing more to check")
        return
    failures, facts = [], []
    fonts = subprocess.run(["fc-list", ":lang=ja", "family", "postscriptname"],
                           capture_output=True, text=True).stdout
    ja_names = set()
    for line in fonts.splitlines():
        for part in re.split(r"[,:]", line):
            part = part.replace("postscriptname=", "").strip()
            if part:
                ja_names.add(re.sub(r"[^a-z0-9]", "", part.lower()))
    ja_names.discard("")
    if not ja_names:
        failures.append("fc-list :lang=ja lists no font (install fonts-ipafont-gothic)")
    match = subprocess.run(["fc-match", "Noto Sans CJK JP:lang=ja"], capture_output=True,
                           text=True).stdout.strip()
    facts.append(f"fc-match 'Noto Sans CJK JP:lang=ja' -> {match}")
    body = root.find_all("body")
    visible = ""
    if body:
        visible = "".join(t for e in body[0].iter() if e.tag not in ("title", "style", "desc")
                          for t in e.text)
    japanese = set(JAPANESE.findall(visible))
    if len(JAPANESE.findall(visible)) < 10:
        failures.append(f"the body has {len(JAPANESE.findall(visible))} Japanese characters")
    facts.append(f"{len(japanese)} distinct Japanese characters in the body")
    if pdf.is_file():
        listed = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True).stdout
        embedded = []
        for line in listed.splitlines()[2:]:
            name = line.split()[0] if line.split() else ""
            name = re.sub(r"^[A-Z]{6}\+", "", name)
            normal = re.sub(r"[^a-z0-9]", "", name.lower())
            if normal and any(normal.startswith(n) or n.startswith(normal) for n in ja_names):
                embedded.append(name)
        if not embedded:
            failures.append("the PDF embeds no Japanese font (pdffonts: " +
                            ", ".join(l.split()[0] for l in listed.splitlines()[2:] if l.split())
                            + ")")
        else:
            facts.append(f"PDF embeds {', '.join(sorted(set(embedded)))}")
        text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"],
                              capture_output=True, text=True).stdout
        missing = sorted(c for c in japanese if c not in text)
        if japanese and len(missing) > 0.1 * len(japanese):
            failures.append(f"the PDF's text lacks {len(missing)} of the {len(japanese)} "
                            f"Japanese characters: {''.join(missing[:40])}")
        else:
            facts.append(f"PDF text holds {len(japanese) - len(missing)}/{len(japanese)}")
    if failures:
        report(False, "lang", "; ".join(failures + facts))
    else:
        report(True, "lang", "ja: " + "; ".join(facts))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("report", type=pathlib.Path)
    parser.add_argument("work", type=pathlib.Path)
    parser.add_argument("--lang", default="en", choices=["en", "ja"])
    parser.add_argument("--figures", default="all",
                        help="which figures to screenshot alone: all, none, or ID,ID")
    args = parser.parse_args()
    started = time.monotonic()

    work = args.work.resolve()
    report_path = args.report.resolve()
    if not report_path.is_file():
        report(False, "render", f"{report_path}: no such file")
        return 1
    chromium = find_chromium()
    if chromium is None:
        report(False, "render", "no chromium on PATH (run scripts/install-browser.sh)")
        return 1
    for sub in ("netlog", "figures"):
        shutil.rmtree(work / sub, ignore_errors=True)
        (work / sub).mkdir(parents=True)
    source = report_path.read_text(encoding="utf-8")
    source_root = parse(source)

    # (a) the page: screenshot, DOM and PDF in one run.
    screenshot, pdf = work / "page-full.png", work / "report.pdf"
    for old in (screenshot, pdf, work / "page.png"):
        old.unlink(missing_ok=True)
    url = report_path.as_uri()
    rc, dom, seconds = run_chromium(chromium, work, "page", url, [
        f"--window-size={WIDTH},{FIRST_HEIGHT}", f"--screenshot={screenshot}", "--dump-dom",
        f"--print-to-pdf={pdf}", "--no-pdf-header-footer"])
    (work / "dom.html").write_bytes(dom)
    height = FIRST_HEIGHT
    if rc != 0 or not dom.strip() or not screenshot.is_file():
        report(False, "render", f"chromium exited {rc}, DOM {len(dom)} bytes, screenshot "
               f"{'written' if screenshot.is_file() else 'missing'} "
               f"(see {work / 'chromium-page.log'})")
        return finish(started)
    with Image.open(screenshot) as image:
        bottom = content_bottom(image)
    if bottom > height - 16:
        # The page is taller than the window: once more, as tall as Chromium allows.
        height = MAX_HEIGHT
        screenshot.unlink()
        rc, _, more = run_chromium(chromium, work, "page-tall", url, [
            f"--window-size={WIDTH},{height}", f"--screenshot={screenshot}"])
        seconds += more
        if rc != 0 or not screenshot.is_file():
            report(False, "render", f"chromium exited {rc} on the {height} px tall screenshot "
                   f"(see {work / 'chromium-page-tall.log'})")
            return finish(started)
        with Image.open(screenshot) as image:
            bottom = content_bottom(image)
        if bottom > height - 16:
            note(f"the page is taller than {height} px: page.png shows its first {height} px")
    with Image.open(screenshot) as image:
        image.crop((0, 0, WIDTH, min(height, max(bottom + 24, 200)))).save(work / "page.png")
    screenshot.unlink()
    report(True, "render", f"page rendered in {seconds:.1f} s: page.png {WIDTH}x"
           f"{min(height, max(bottom + 24, 200))}, dom.html {len(dom)} bytes, report.pdf")

    # (b) the DOM and the file itself.
    dom_root = parse(dom.decode("utf-8", errors="replace"))
    figure_ids = check_dom(dom_root, args.lang)
    check_self_contained("report.html", source_root)
    check_self_contained("DOM", dom_root)

    # (d) the whole page's pixels.
    with Image.open(work / "page.png") as image:
        stats = pixel_stats(image)
    message = (f"page.png: {stats['non_white']:.1%} non-white, {colour_count(stats)} colours, "
               f"{stats['chromatic']:.2%} in colour")
    report(stats["non_white"] >= 0.01 and stats["distinct"] >= 32, "pixels", message +
           ("" if stats["non_white"] >= 0.01 and stats["distinct"] >= 32 else
            " (expected >= 1% non-white and >= 32 colours)"))

    # (d) each figure alone: its <svg> from report.html as a standalone .svg file, which
    # Chromium draws as an image of its own (no page CSS, no page layout around it). To spare a
    # Chromium start per figure, the images stand one under another on a sheet, drawn in one run
    # (two if taller than Chromium's limit), and each image's box is cut out to ID.png.
    source_figures = {f.attrs.get("id", ""): f for f in source_root.find_all("figure")}
    styles = "\n".join("".join(s.text) for s in source_root.find_all("style"))
    wanted = (figure_ids if args.figures == "all" else [] if args.figures == "none"
              else [f for f in args.figures.split(",") if f])
    on_sheet, alone = [], []
    for figure_id in wanted:
        figure = source_figures.get(figure_id)
        if figure is None or len(figure.find_all("svg")) != 1:
            report(False, "pixels", f"{figure_id}: no figure with one <svg> in report.html")
            continue
        document, suffix, problem = standalone_svg(source, figure, styles)
        if problem:
            note(f"{figure_id}: {problem}")
        path = work / "figures" / f"{figure_id}{suffix}"
        path.write_text(document, encoding="utf-8")
        job = (figure_id, path, figure_height(figure.find_all("svg")[0]))
        (on_sheet if suffix == ".svg" else alone).append(job)

    sheets = []
    for job in on_sheet:
        if not sheets or sum(h for _, _, h in sheets[-1]) + job[2] > MAX_HEIGHT:
            sheets.append([])
        sheets[-1].append(job)
    shots = {}  # figure id -> (png, chromium's exit, seconds, what was drawn)
    for number, sheet in enumerate(sheets, 1):
        name = "figures" if len(sheets) == 1 else f"figures-{number}"
        page = work / "figures" / f"{name}.html"
        page.write_text(
            "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><style>html,body{margin:0;"
            "padding:0;overflow:hidden;background:#fff}img{display:block;border:0;width:"
            f"{WIDTH}px}}</style></head><body>" + "".join(
                f'<img src="{urllib.parse.quote(path.name)}" alt="" style="height:{height}px">'
                for _, path, height in sheet) + "</body></html>", encoding="utf-8")
        png = work / "figures" / f"{name}.png"
        rc, _, seconds = run_chromium(chromium, work, name, page.as_uri(), [
            f"--window-size={WIDTH},{sum(h for _, _, h in sheet)}", f"--screenshot={png}"])
        top = 0
        for figure_id, path, height in sheet:
            cut = work / "figures" / f"{figure_id}.png"
            if rc == 0 and png.is_file():
                with Image.open(png) as image:
                    image.crop((0, top, WIDTH, top + height)).save(cut)
            shots[figure_id] = (cut, rc, seconds, f"{path.name} as an image on {png.name}")
            top += height
    for figure_id, path, height in alone:
        cut = work / "figures" / f"{figure_id}.png"
        rc, _, seconds = run_chromium(chromium, work, f"figure-{figure_id}", path.as_uri(), [
            f"--window-size={WIDTH},{height}", f"--screenshot={cut}"])
        shots[figure_id] = (cut, rc, seconds, f"{path.name} alone")

    for figure_id in wanted:
        if figure_id not in shots:
            continue
        png, rc, seconds, drawn = shots[figure_id]
        if rc != 0 or not png.is_file():
            report(False, "pixels", f"{figure_id}: chromium exited {rc}, no screenshot")
            continue
        with Image.open(png) as image:
            stats = pixel_stats(image)
        good = stats["non_white"] >= 0.002 and stats["distinct"] > 2
        report(good, "pixels", f"{figure_id}: {stats['non_white']:.2%} non-white, "
               f"{colour_count(stats)} colours, {stats['chromatic']:.2%} in colour "
               f"({png.name}: {drawn}, {seconds:.1f} s)" +
               ("" if good else " (expected >= 0.2% non-white and > 2 colours)"))

    # (c) the net logs of every run.
    page_requests, browser_requests, events = [], set(), 0
    for netlog in sorted((work / "netlog").glob("*.json")):
        try:
            page, browser, count = analyse_netlog(netlog)
        except (ValueError, KeyError, TypeError) as error:
            if "-killed-" in netlog.name:
                # A killed run's log may be empty or torn; the run that followed it loaded the
                # same page in full, under its own net log.
                note(f"unreadable net log of a killed run, {netlog.name}: {error}")
            else:
                report(False, "network", f"unreadable net log {netlog.name}: {error}")
            continue
        events += count
        page_requests += [f"{netlog.name}: {p}" for p in page]
        browser_requests.update(re.sub(r"\?[^ ,]*", "?...", b)[:200] for b in browser)
    logs = len(list((work / "netlog").glob("*.json")))
    for request in sorted(browser_requests):
        note(f"ignored, Chromium's own: {request}")
    if page_requests:
        report(False, "network", f"the page made {len(page_requests)} network request(s) or "
               f"connection(s) in {logs} net log(s):\n    " + "\n    ".join(page_requests[:40]))
    elif logs == 0:
        report(False, "network", "no net log was written (--log-net-log)")
    else:
        report(True, "network", f"{logs} net log(s), {events} events: no request by the page "
               f"({len(browser_requests)} background request(s) of Chromium's own ignored)")

    # (e) the print, (f) the language.
    check_pdf(work, pdf)
    check_lang(args.lang, dom_root, pdf)
    return finish(started)


def finish(started):
    failed = [r for r in results if not r[0]]
    print(f"check-report: {len(results) - len(failed)} passed, {len(failed)} failed "
          f"({time.monotonic() - started:.1f} s)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
