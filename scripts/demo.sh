#!/usr/bin/env bash
# README command 1: install what is needed, build retort, check a sample
# project and print its PostgreSQL upgrade script.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build.sh
build=${RETORT_BUILD_DIR:-build}
"$build/driver/retort" -C samples/school check
"$build/driver/retort" -C samples/school upgrade base:head -d postgresql
