#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-or-later
# SPDX-FileCopyrightText: 2026 The segproof authors
"""Spoils a copy of report.html on purpose, for the negative controls of report-in-browser.sh.

    make-control.py network IN OUT      drop the CSP <meta> and load an image from the network
    make-control.py blank FIGURE IN OUT empty the <svg> of <figure id="FIGURE">
    make-control.py hide FIGURE IN OUT  keep that <svg>'s elements but draw none of them

Exits 1 when the page lacks what it should spoil (a control that changes nothing proves nothing).
"""

import re
import sys

CSP_META = re.compile(r"<meta\s[^>]*http-equiv\s*=\s*[\"']?content-security-policy[\"']?[^>]*>",
                      re.IGNORECASE)
# TEST-NET-2 (RFC 5737): reserved for documentation, never a real server.
EXTERNAL_IMAGE = '<img src="http://198.51.100.1/x.png" alt="control">'


def figure_svg(page, figure_id):
    """(start of the svg's content, start of its </svg>) inside <figure id="figure_id">."""
    figure = re.search(r"<figure\s[^>]*\bid\s*=\s*[\"']?" + re.escape(figure_id) + r"[\"'\s>]",
                       page)
    if not figure:
        sys.exit(f"make-control: no <figure id=\"{figure_id}\">")
    svg = re.compile(r"<svg\b[^>]*>", re.IGNORECASE).search(page, figure.end())
    end = page.lower().find("</svg>", svg.end() if svg else 0)
    figure_end = page.lower().find("</figure>", figure.end())
    if not svg or end < 0 or svg.start() > figure_end or svg.group(0).endswith("/>"):
        sys.exit(f"make-control: <figure id=\"{figure_id}\"> has no <svg>...</svg>")
    return svg.end(), end


def main():
    mode, args = sys.argv[1], sys.argv[2:]
    if mode == "network" and len(args) == 2:
        source, target = args
        page = open(source, encoding="utf-8").read()
        page, removed = CSP_META.subn("", page)
        if removed == 0:
            sys.exit("make-control: no Content-Security-Policy <meta> to remove")
        page, added = re.subn(r"(<body\b[^>]*>)", r"\1" + EXTERNAL_IMAGE, page, count=1,
                              flags=re.IGNORECASE)
        if added == 0:
            sys.exit("make-control: no <body> to put the image in")
    elif mode in ("blank", "hide") and len(args) == 3:
        figure_id, source, target = args
        page = open(source, encoding="utf-8").read()
        start, end = figure_svg(page, figure_id)
        content = page[start:end]
        if not content.strip():
            sys.exit(f"make-control: the <svg> of {figure_id} is already empty")
        if mode == "blank":
            page = page[:start] + page[end:]
        else:
            page = page[:start] + '<g style="display:none">' + content + "</g>" + page[end:]
    else:
        sys.exit(__doc__)
    open(target, "w", encoding="utf-8").write(page)


if __name__ == "__main__":
    main()
