#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# SPDX-FileCopyrightText: 2026 The segproof authors
# The Debian package, installed for real (docs/install.md):
#  1. `cmake --install` puts the binary, man page, completion, docs and scenarios in place;
#  2. CPack builds the .deb, with its Debian dependencies computed by dpkg-shlibdeps;
#  3. `dpkg -i` installs it on this machine; from a folder outside the checkout the installed
#     segproof verifies /usr/share/segproof/scenarios/seed.yaml (and seed-nsx.yaml, which reads
#     the NSX export beside it) exactly as the build tree's binary does; the man page and the
#     bash completion work;
#  4. `dpkg -r` removes every file again.
# Skips (77) when not root, or when a segproof package is already installed: the test never
# replaces a user's own install.
#   package-install.sh BUILD_DIR SOURCE_DIR
set -u
build=$1
src=$2
fail() { echo "package-install: FAIL: $*" >&2; exit 1; }
if [[ $(id -u) -ne 0 ]]; then echo "package-install: skipped: dpkg -i needs root"; exit 77; fi
if dpkg-query -W -f='${Status}' segproof 2>/dev/null | grep -q "install ok installed"; then
    echo "package-install: skipped: a segproof package is installed already"; exit 77
fi
work=$(mktemp -d)
installed=0
cleanup() {
    if [[ $installed == 1 ]]; then dpkg -r segproof >/dev/null 2>&1; fi
    rm -rf "$work"
}
trap cleanup EXIT
version=$("$build/cli/segproof" --version) || fail "the build's segproof --version"

# 1. cmake --install into a folder.
cmake --install "$build" --prefix "$work/prefix" >/dev/null || fail "cmake --install"
for file in bin/segproof share/man/man1/segproof.1.gz share/bash-completion/completions/segproof \
    share/doc/segproof/README.md share/doc/segproof/copyright share/doc/segproof/CHANGELOG.md \
    share/doc/segproof/scenario-format.md share/segproof/scenarios/seed.yaml \
    share/segproof/scenarios/nsx/seed-dfw-infra.json; do
    [[ -f "$work/prefix/$file" ]] || fail "cmake --install did not put $file in place"
done

# 2. The package.
start=$(date +%s%N)
(cd "$work" && cpack --config "$build/CPackConfig.cmake" -B "$work/cpack" >"$work/cpack.log" 2>&1) ||
    fail "cpack: $(tail -5 "$work/cpack.log")"
deb=$(ls "$work"/cpack/segproof_*.deb 2>/dev/null | head -1)
[[ -n $deb ]] || fail "cpack made no .deb: $(ls "$work/cpack")"
depends=$(dpkg-deb -f "$deb" Depends)
for lib in libns3.37 libz3-4 libyaml-cpp0.7 libsqlite3-0 libopenmpi3 libstdc++6; do
    grep -q "$lib" <<<"$depends" || fail "Depends lacks $lib: $depends"
done
debversion=$(dpkg-deb -f "$deb" Version)
[[ $debversion =~ ^[0-9]+\.[0-9]+\.[0-9]+ ]] || fail "package version '$debversion'"
echo "package: $(basename "$deb"), $(stat -c %s "$deb") bytes, installed size $(dpkg-deb -f "$deb" Installed-Size) KiB, built in $(( ($(date +%s%N) - start) / 1000000 )) ms"
echo "Depends: $depends"

# 3. Installed, and used from outside the checkout.
dpkg -i "$deb" >"$work/dpkg.log" 2>&1 || fail "dpkg -i: $(tail -5 "$work/dpkg.log")"
installed=1
mkdir -p "$work/elsewhere"
cd "$work/elsewhere" || fail "cd"
[[ $(/usr/bin/segproof --version) == "$version" ]] || fail "installed version $(/usr/bin/segproof --version), build $version"
for scenario in seed.yaml seed-nsx.yaml; do
    /usr/bin/segproof verify "/usr/share/segproof/scenarios/$scenario" >"$work/installed.out" 2>&1
    code=$?
    "$build/cli/segproof" verify "$src/scenarios/$scenario" >"$work/build.out" 2>&1
    expected=$?
    [[ $code == "$expected" ]] || fail "verify $scenario exited $code, the build's binary $expected"
    [[ $code == 0 || $code == 1 ]] || fail "verify $scenario exited $code: $(cat "$work/installed.out")"
    sed "s|/usr/share/segproof/scenarios/||g" "$work/installed.out" >"$work/a"
    sed "s|$src/scenarios/||g" "$work/build.out" >"$work/b"
    cmp -s "$work/a" "$work/b" || fail "verify $scenario: the installed binary says otherwise: $(diff "$work/a" "$work/b" | head)"
    echo "installed segproof verify $scenario: exit $code, $(grep -c PROVED "$work/a") PROVED, $(grep -c VIOLATED "$work/a") VIOLATED, as the build's binary"
done
zcat /usr/share/man/man1/segproof.1.gz | grep -q '^\.SH "EXIT STATUS"' || fail "the man page has no EXIT STATUS"
zcat /usr/share/man/man1/segproof.1.gz | grep -q "verify" || fail "the man page lists no commands"
complete() {
    bash -c 'source /usr/share/bash-completion/completions/segproof
             COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _segproof; echo "${COMPREPLY[*]}"' _ "$@"
}
[[ $(complete segproof veri) == verify ]] || fail "completion of 'veri': '$(complete segproof veri)'"
[[ $(complete segproof verify --tim) == --timeout ]] || fail "completion of 'verify --tim': '$(complete segproof verify --tim)'"

# 4. Removed.
dpkg -r segproof >"$work/dpkg.log" 2>&1 || fail "dpkg -r: $(tail -5 "$work/dpkg.log")"
installed=0
[[ ! -e /usr/bin/segproof && ! -e /usr/share/segproof ]] || fail "dpkg -r left files"
echo "package-install: ok"
