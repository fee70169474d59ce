#!/usr/bin/env bash
# Configures and builds retort into build/ (or $RETORT_BUILD_DIR).
set -euo pipefail
cd "$(dirname "$0")/.."
build=${RETORT_BUILD_DIR:-build}
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DRETORT_WERROR=ON "$@" >/dev/null
cmake --build "$build" -j "$(nproc)"
