#!/usr/bin/env bash
# README command 2: install everything, build, start the database engines the
# live tests need, run the whole suite through CTest, then again in the
# sanitizer build, then the fuzz smoke; stop what was started.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --test
bash scripts/build.sh
build=${RETORT_BUILD_DIR:-build}

# Each scripts/engine_*.sh starts one server and prints the environment the
# live tests read; `stop` stops it by its pid.
export RETORT_ENGINES_DIR=$(mktemp -d /tmp/retort-engines.XXXXXX)
chmod 755 "$RETORT_ENGINES_DIR"
stop_engines() {
  for e in scripts/engine_*.sh; do [ -e "$e" ] && bash "$e" stop || true; done
  rm -rf "$RETORT_ENGINES_DIR"
}
trap stop_engines EXIT
for e in scripts/engine_*.sh; do
  [ -e "$e" ] || continue
  eval "$(bash "$e" start)"
done

ctest --test-dir "$build" --output-on-failure -j "$(nproc)" "$@"

# The same suite under AddressSanitizer + UndefinedBehaviorSanitizer
# (docs/testing.md): clang, its own tree, the engines still running. Any
# report aborts the process that made it, and is also written to a log
# folder that must stay empty, so a report from a process whose exit status
# a test script ignores still fails the run.
asan=${RETORT_ASAN_BUILD_DIR:-build-asan}
CC=clang CXX=clang++ cmake -S . -B "$asan" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DRETORT_FUZZ=ON -DRETORT_WERROR=ON >/dev/null
cmake --build "$asan" -j "$(nproc)"
san_logs=$(mktemp -d /tmp/retort-sanitizer.XXXXXX)
export ASAN_OPTIONS="halt_on_error=1:abort_on_error=1:detect_leaks=1:print_stacktrace=1:log_path=$san_logs/asan"
export UBSAN_OPTIONS="halt_on_error=1:abort_on_error=1:print_stacktrace=1:log_path=$san_logs/ubsan"
export LSAN_OPTIONS="exitcode=23:print_suppressions=0:log_path=$san_logs/lsan"
status=0
ctest --test-dir "$asan" --output-on-failure -j "$(nproc)" "$@" || status=1
if [ -n "$(ls -A "$san_logs")" ]; then
  echo "test.sh: sanitizer reports in $san_logs:" >&2
  cat "$san_logs"/* >&2
  status=1
fi
[ $status = 0 ] || exit $status
rm -rf "$san_logs"
unset ASAN_OPTIONS UBSAN_OPTIONS LSAN_OPTIONS  # libFuzzer reports on its own
bash scripts/fuzz.sh smoke
