# SPDX-License-Identifier: GPL-2.0-or-later
# SPDX-FileCopyrightText: 2026 The segproof authors
# cmake -DSOURCE_DIR=... -DBINARY_DIR=... -P WriteVersionHeader.cmake: run at every build
# (target segproof_version), so a commit after configuring changes the version without a new
# `cmake`. Writes generated/segproof/version.h and version.txt (read by CPack) only when the
# version changed, so nothing recompiles otherwise.
cmake_minimum_required(VERSION 3.25)
include("${CMAKE_CURRENT_LIST_DIR}/SegproofVersion.cmake")
segproof_describe_version("${SOURCE_DIR}" SEGPROOF_VERSION)
configure_file("${SOURCE_DIR}/core/version.h.in" "${BINARY_DIR}/generated/segproof/version.h"
  @ONLY)
file(CONFIGURE OUTPUT "${BINARY_DIR}/version.txt" CONTENT "@SEGPROOF_VERSION@\n" @ONLY)
