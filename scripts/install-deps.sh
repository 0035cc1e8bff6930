#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# SPDX-FileCopyrightText: 2026 The segproof authors
# Installs the Debian packages segproof builds and tests with, only those missing.
# Idempotent; uses sudo only when not root. Prints what it installs.
set -euo pipefail

packages=(
  build-essential cmake make pkg-config
  libns3-dev ns3 libgsl-dev        # ns-3 3.37 (its CMake config needs ns3's binaries and GSL); GSL for research/'s fit
  libz3-dev                        # Z3 4.8 (no CMake config: cmake/Z3.cmake wraps it)
  libboost-graph-dev libcli11-dev libgtest-dev libgmock-dev   # Boost.Graph; Boost.Odeint comes with its headers
  libyaml-cpp-dev nlohmann-json3-dev
  openmpi-bin libopenmpi-dev       # segproof campaign under mpirun (docs/campaign.md)
  libsqlite3-dev sqlite3           # the campaign's results database
  libcurl4-openssl-dev openssl     # segproof collect's HTTPS (collect/); the test certificate
  libzip-dev zip                   # a SharpHound collection's zip (formats/sharphound/); its tests
  clang-format time
  python3                          # scripts/check-boundaries.py, the browser test's checks
  help2man dpkg-dev                # the man page; dpkg-shlibdeps for the .deb's dependencies
  python3-jsonschema yamllint      # the SARIF / JSON Schema checks; the example CI pipelines
  slurm-wlm munge                  # tests/slurm: a one-node Slurm cluster for the sbatch template
)
packages+=("$@")

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages present"
  exit 0
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
echo "install-deps: installing ${missing[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "install-deps: done"
