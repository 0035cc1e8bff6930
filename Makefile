# SPDX-License-Identifier: GPL-2.0-or-later
# SPDX-FileCopyrightText: 2026 The segproof authors
# The front door: `make demo` and `make test` (README.md). Everything else is a helper.
PRESET ?= default
BUILD_DIR = $(if $(filter default,$(PRESET)),build,build-$(PRESET))
JOBS ?= $(shell nproc)
SEGPROOF = $(BUILD_DIR)/cli/segproof
DEMO_SCENARIO ?= scenarios/seed.yaml
DEMO_OUT ?= out/demo

.PHONY: all deps configure build test test-fast demo bench reproduce package format format-check asan fuzz clean

all: build

deps:
	@scripts/install-deps.sh

$(BUILD_DIR)/CMakeCache.txt:
	cmake --preset $(PRESET)

configure: deps $(BUILD_DIR)/CMakeCache.txt

build: configure
	cmake --build $(BUILD_DIR) -j $(JOBS)

## Every test through ctest (slow ones included).
test: build
	ctest --test-dir $(BUILD_DIR) --output-on-failure -j $(JOBS)

## Only the fast tests (no label `slow`).
test-fast: build
	ctest --test-dir $(BUILD_DIR) --output-on-failure -j $(JOBS) -LE slow

## segproof on the default scenario: validate, verify, matrix vs probe, then the HTML report
## (DEMO_RUNS runs per posture, default 30; DEMO_LANG=ja for the page in Japanese).
demo: build
	@scripts/demo.sh $(SEGPROOF) $(DEMO_SCENARIO) $(DEMO_OUT)

bench: build
	@scripts/bench.sh $(BUILD_DIR)

## Every row of docs/reproductions.md into out/reproduce/ (about 40 minutes on 2 cores; RUNS=20).
reproduce: build
	@scripts/reproduce.sh $(SEGPROOF) out/reproduce

## The Debian package, $(BUILD_DIR)/segproof_VERSION_ARCH.deb (docs/install.md).
package: build
	cd $(BUILD_DIR) && cpack -G DEB

asan:
	$(MAKE) test PRESET=asan

## libFuzzer on the scenario reader and the NSX importer, FUZZ_SECONDS each (docs/fuzzing.md).
FUZZ_SECONDS ?= 60
fuzz:
	@scripts/fuzz.sh $(FUZZ_SECONDS)

format:
	clang-format -i $$(git ls-files '*.h' '*.cc' ':!docs')

format-check: deps
	clang-format --dry-run --Werror $$(git ls-files '*.h' '*.cc' ':!docs')

clean:
	rm -rf build build-* out
