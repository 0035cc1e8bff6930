# SPDX-License-Identifier: GPL-2.0-or-later
# SPDX-FileCopyrightText: 2026 The segproof authors
# segproof_describe_version(SOURCE_DIR OUT): segproof's version, as every output's provenance
# gives it (docs/versions.md):
#   - in a git checkout with a tag v<X.Y.Z> behind HEAD: `git describe` without the v,
#     "0.2.0" on the tag itself, "0.2.0-3-g1a2b3c4" three commits after it;
#   - in a git checkout without such a tag (a shallow clone): VERSION's number and the
#     commit, "0.2.0-g1a2b3c4";
#   - either one with "-dirty" when tracked files differ from the commit;
#   - without git (a release tarball): VERSION's number alone.
function(segproof_describe_version source_dir out)
  file(STRINGS "${source_dir}/VERSION" base LIMIT_COUNT 1)
  string(STRIP "${base}" base)
  set(version "${base}")
  find_package(Git QUIET)
  if(GIT_FOUND AND EXISTS "${source_dir}/.git")
    execute_process(COMMAND "${GIT_EXECUTABLE}" -C "${source_dir}" describe --tags
        --match "v[0-9]*" --dirty
      OUTPUT_VARIABLE described RESULT_VARIABLE failed ERROR_QUIET
      OUTPUT_STRIP_TRAILING_WHITESPACE)
    if(NOT failed)
      string(REGEX REPLACE "^v" "" version "${described}")
    else()
      execute_process(COMMAND "${GIT_EXECUTABLE}" -C "${source_dir}" describe --always
          --abbrev=7 --dirty
        OUTPUT_VARIABLE commit RESULT_VARIABLE failed ERROR_QUIET
        OUTPUT_STRIP_TRAILING_WHITESPACE)
      if(NOT failed)
        set(version "${base}-g${commit}")
      endif()
    endif()
  endif()
  set(${out} "${version}" PARENT_SCOPE)
endfunction()

# segproof_debian_version(VERSION OUT): the same version as a Debian package version orders
# it: "0.2.0-3-g1a2b3c4" -> "0.2.0+git3.g1a2b3c4", "-dirty" -> "+dirty", "0.2.0-g1a2b3c4" ->
# "0.2.0+g1a2b3c4" (a hyphen would start the Debian revision).
function(segproof_debian_version version out)
  string(REGEX REPLACE "-([0-9]+)-g" "+git\\1.g" deb "${version}")
  string(REPLACE "-g" "+g" deb "${deb}")
  string(REPLACE "-dirty" "+dirty" deb "${deb}")
  set(${out} "${deb}" PARENT_SCOPE)
endfunction()
