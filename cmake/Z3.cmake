# SPDX-License-Identifier: GPL-2.0-or-later
# SPDX-FileCopyrightText: 2026 The segproof authors
# Debian's libz3-dev ships no CMake config: wrap the header and library once as Z3::libz3.
find_path(Z3_INCLUDE_DIR z3++.h REQUIRED)
find_library(Z3_LIBRARY NAMES z3 REQUIRED)
add_library(Z3::libz3 UNKNOWN IMPORTED)
set_target_properties(Z3::libz3 PROPERTIES
  IMPORTED_LOCATION "${Z3_LIBRARY}"
  INTERFACE_INCLUDE_DIRECTORIES "${Z3_INCLUDE_DIR}")
