#!/usr/bin/env bash
# replay_seeds.sh TREE: makes the seed corpora in TREE/fuzz/seeds (scripts/fuzz.sh
# seeds) and runs each fuzz target of TREE once over its seeds, no mutation.
set -euo pipefail
tree=$1
src=$(cd "$(dirname "$0")/../.." && pwd)
RETORT_ASAN_BUILD_DIR=$tree bash "$src/scripts/fuzz.sh" seeds
for t in fuzz_parser fuzz_config fuzz_revision fuzz_pipeline fuzz_python; do
  "$tree/tests/fuzz/$t" -runs=0 -timeout=60 "$tree/fuzz/seeds/$t" 2>&1 | grep -E '^(#[0-9]+ +DONE|Done )' ||
    { echo "FAIL: $t on its seeds" >&2; "$tree/tests/fuzz/$t" -runs=0 "$tree/fuzz/seeds/$t" 2>&1 | tail -40 >&2; exit 1; }
done
