#!/usr/bin/env bash
# README command 2: install everything, build, start the database engines the
# live tests need, run the whole suite through CTest, stop what was started.
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
