#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
# SPDX-FileCopyrightText: 2026 The segproof authors
"""Checks that every source file, script and CMake file of the checkout carries segproof's SPDX
licence line (docs/licensing.md). Prints each file without it; exit 1 when there is one."""
import subprocess
import sys

TAG = "SPDX-License-Identifier: GPL-2.0-or-later"
PATTERNS = ["*.cc", "*.h", "*.py", "*.sh", "*CMakeLists.txt", "*.cmake", "*.sbatch", "*.in",
            ".ci/run", "Makefile", "packaging/bash-completion/*"]


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else "."
    files = subprocess.check_output(["git", "-C", root, "ls-files", *PATTERNS], text=True).split()
    missing = []
    for name in files:
        with open(f"{root}/{name}", encoding="utf-8", errors="replace") as f:
            head = "".join(f.readline() for _ in range(5))
        if TAG not in head:
            missing.append(name)
    for name in missing:
        print(f"{name}:1:1: error: no '{TAG}' in the first 5 lines")
    print(f"check-licence-headers: {len(files)} files, {len(missing)} without the licence line")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
