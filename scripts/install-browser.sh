#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# SPDX-FileCopyrightText: 2026 The segproof authors
# Installs the Debian packages the browser test of the HTML report needs (tests/browser/),
# only those missing: headless Chromium, a Japanese font for the --lang ja page, Debian's PIL
# for /usr/bin/python3, and poppler-utils (pdfinfo, pdffonts, pdftotext, pdftoppm).
# Idempotent; uses sudo only when not root. Prints what it installs. Waits, rather than fails,
# while another apt or dpkg holds the lock (the en and ja tests may call it at the same time).
set -euo pipefail

packages=(chromium fonts-ipafont-gothic python3-pil poppler-utils)

missing_packages() {
  missing=()
  for p in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
      missing+=("$p")
    fi
  done
}

missing_packages
if [ ${#missing[@]} -eq 0 ]; then
  echo "install-browser: all ${#packages[@]} packages present"
  exit 0
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi

# One of us at a time: a second caller waits here, then finds the packages installed.
lock="${TMPDIR:-/tmp}/segproof-install-browser.lock"
exec 9>>"$lock"
flock 9
missing_packages
if [ ${#missing[@]} -eq 0 ]; then
  echo "install-browser: all ${#packages[@]} packages present (installed meanwhile)"
  exit 0
fi

# apt-get, retried while some other apt or dpkg holds its lock (up to about 10 minutes); any
# other failure ends the script at once.
apt_get() {
  local attempt errors
  errors="$(mktemp)"
  for attempt in $(seq 1 60); do
    if DEBIAN_FRONTEND=noninteractive $sudo apt-get -o DPkg::Lock::Timeout=60 "$@" \
        2>"$errors"; then
      cat "$errors" >&2
      rm -f "$errors"
      return 0
    fi
    cat "$errors" >&2
    if ! grep -qiE "could not get lock|unable to lock|unable to acquire|is held by process" \
        "$errors"; then
      rm -f "$errors"
      return 1
    fi
    echo "install-browser: apt-get $1: locked by another process (attempt $attempt);" \
      "retrying in 10 s" >&2
    sleep 10
  done
  rm -f "$errors"
  return 1
}

echo "install-browser: installing ${missing[*]}"
apt_get update -qq
apt_get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
missing_packages
if [ ${#missing[@]} -ne 0 ]; then
  echo "install-browser: still missing after apt-get: ${missing[*]}" >&2
  exit 1
fi
echo "install-browser: done"
