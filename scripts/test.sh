#!/usr/bin/env bash
# Installs what is needed, builds, and runs every test: the normal build (unit,
# CLI and GUI tests; the GUI ones under xvfb-run) and an ASan/UBSan build of
# the libraries and the command line.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
# The BPMN tools the interop tests open our BPMN files with (npm, lock file).
scripts/install-interop.sh

scripts/build.sh build
ctest --test-dir build --output-on-failure -j "$(nproc)"

# The sanitizer build leaves out the editor: Mesa's and GLFW's own leaks would
# drown ours, and the GUI is exercised by the normal build above.
# -O1 with line tables only (-g1): less compile time than -O2 -g, still
# readable sanitizer stacks.
scripts/build.sh build-asan -DSTRAWMAN_SANITIZE=ON -DSTRAWMAN_EDITOR=OFF -DSTRAWMAN_BENCHMARKS=OFF \
  -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG="-O1 -g1" -DCMAKE_C_FLAGS_DEBUG="-O1 -g1"
ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 UBSAN_OPTIONS=print_stacktrace=1 \
  ctest --test-dir build-asan --output-on-failure -j "$(nproc)"
