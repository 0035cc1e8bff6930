# SPDX-License-Identifier: GPL-2.0-or-later
# SPDX-FileCopyrightText: 2026 The segproof authors
# cmake -DPYTHON=... -DSCRIPT=collect-test.py -DCASES="a;b" -P check-cases.cmake: fails unless
# the script's cases (--list) are exactly CASES, in order.
execute_process(COMMAND "${PYTHON}" "${SCRIPT}" --segproof - --data - --list
  OUTPUT_VARIABLE listed RESULT_VARIABLE rc OUTPUT_STRIP_TRAILING_WHITESPACE)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "${SCRIPT} --list failed (${rc})")
endif()
string(REPLACE "\n" ";" listed "${listed}")
if(NOT "${listed}" STREQUAL "${CASES}")
  message(FATAL_ERROR "tests/collect/CMakeLists.txt registers\n  ${CASES}\nbut the script has\n  ${listed}")
endif()
message(STATUS "${SCRIPT}: every case is registered")
