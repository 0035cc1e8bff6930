# SPDX-License-Identifier: GPL-2.0-or-later
# SPDX-FileCopyrightText: 2026 The segproof authors
# segproof_warnings: the warning set for segproof's own code (never for third-party headers).
add_library(segproof_warnings INTERFACE)
target_compile_options(segproof_warnings INTERFACE -Wall -Wextra -Wpedantic -Wshadow
  -Wnon-virtual-dtor -Wold-style-cast -Wcast-align -Woverloaded-virtual -Wconversion
  -Wno-sign-conversion)
if(SEGPROOF_WERROR)
  target_compile_options(segproof_warnings INTERFACE -Werror)
endif()
