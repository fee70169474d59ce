#!/usr/bin/env bash
# The libFuzzer targets of tests/fuzz (docs/testing.md), in the sanitizer
# build tree ($RETORT_ASAN_BUILD_DIR, default build-asan):
#   fuzz.sh build            configure (clang, RETORT_FUZZ) and build the targets
#   fuzz.sh seeds            make the seed corpora from samples/ and tests/fuzz/seeds
#   fuzz.sh smoke            every target for about a minute; fails on any finding
#   fuzz.sh long [SECONDS] [TARGET...]
#                            every target (or the ones named) for SECONDS
#                            (default 3600), then a summary of execs and coverage
#                            in <tree>/fuzz/summary.txt (summary-TARGET.txt when
#                            one target is named, so runs can go in parallel)
# Each run starts from the seeds and the corpus of earlier runs in
# <tree>/fuzz/corpus/<target>; a finding is written to <tree>/fuzz/findings/.
set -euo pipefail
cd "$(dirname "$0")/.."
src=$PWD
tree=${RETORT_ASAN_BUILD_DIR:-build-asan}
out=$tree/fuzz
targets=(fuzz_parser fuzz_config fuzz_revision fuzz_pipeline fuzz_python)

build() {
  [ -f "$tree/CMakeCache.txt" ] ||
    CC=clang CXX=clang++ cmake -S . -B "$tree" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
      -DRETORT_FUZZ=ON -DRETORT_WERROR=ON >/dev/null
  cmake --build "$tree" -j "$(nproc)" --target "${targets[@]}"
}

# One seed file per sample .mig (parser), per retort.yaml (config), per line
# of tests/fuzz/seeds/revision.txt (revision), per project: its .mig
# files joined by "%%" lines (pipeline), and per .py of the Alembic projects
# under tests/ (python). Plus the committed seeds.
seeds() {
  rm -rf "$out/seeds"
  for t in "${targets[@]}"; do mkdir -p "$out/seeds/$t"; done
  local n=0 dir f
  for f in samples/*/versions/*.mig tests/*/*/versions/*.mig; do
    if [ -f "$f" ]; then cp "$f" "$out/seeds/fuzz_parser/mig_$((n++))"; fi
  done
  for f in samples/*/retort.yaml tests/*/*/retort.yaml tests/mysql_live/*.yaml; do
    if [ -f "$f" ]; then cp "$f" "$out/seeds/fuzz_config/yaml_$((n++))"; fi
  done
  while IFS= read -r line; do
    printf '%s' "$line" >"$out/seeds/fuzz_revision/spec_$((n++))"
  done < tests/fuzz/seeds/revision.txt
  for dir in samples/*/versions tests/*/*/versions; do
    # a folder without .mig files (tests/handover/alembic/versions) is no project
    compgen -G "$dir/*.mig" >/dev/null || continue
    local first=1 seed=$out/seeds/fuzz_pipeline/project_$((n++))
    : >"$seed"
    for f in "$dir"/*.mig; do
      [ $first = 1 ] || printf '\n%%%%\n' >>"$seed"
      cat "$f" >>"$seed"
      first=0
    done
  done
  for f in tests/*/alembic/*.py tests/*/alembic/versions/*.py; do
    if [ -f "$f" ]; then cp "$f" "$out/seeds/fuzz_python/py_$((n++))"; fi
  done
  for t in "${targets[@]}"; do
    if [ -d "tests/fuzz/seeds/$t" ]; then cp tests/fuzz/seeds/"$t"/* "$out/seeds/$t/"; fi
    echo "seeds: $t: $(ls "$out/seeds/$t" | wc -l) files"
  done
}

# run TARGET SECONDS LOG: fuzzes into the target's corpus; non-zero on a
# finding (crash, leak, UB, an input slower than -timeout, too much memory).
run() {
  local t=$1 seconds=$2 log=$3
  mkdir -p "$out/corpus/$t" "$out/findings"
  "$tree/tests/fuzz/$t" -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=25 \
      -dict="$src/tests/fuzz/$t.dict" -artifact_prefix="$out/findings/$t-" -print_final_stats=1 \
      "$out/corpus/$t" "$out/seeds/$t" >"$log" 2>&1
}

# "execs cov ft corpus" from the last lines of a libFuzzer log.
stats() {
  local execs cov ft corp
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$1" | tail -1)
  cov=$(grep -o 'cov: [0-9]*' "$1" | tail -1 | cut -d' ' -f2)
  ft=$(grep -o 'ft: [0-9]*' "$1" | tail -1 | cut -d' ' -f2)
  corp=$(grep -o 'corp: [0-9]*' "$1" | tail -1 | cut -d' ' -f2)
  echo "${execs:-?} ${cov:-?} ${ft:-?} ${corp:-?}"
}

fuzz_all() {
  local seconds=$1 summary=$2 status=0 t log
  shift 2
  if [ $# -gt 0 ]; then targets=("$@"); fi
  [ -d "$out/seeds" ] || seeds >/dev/null
  printf '%-14s %8s %10s %6s %6s %6s %s\n' target seconds execs cov ft corpus result >"$summary"
  for t in "${targets[@]}"; do
    log=$out/$t.log
    local result=ok
    run "$t" "$seconds" "$log" || { result=FINDING; status=1; }
    read -r execs cov ft corp < <(stats "$log")
    printf '%-14s %8s %10s %6s %6s %6s %s\n' "$t" "$seconds" "$execs" "$cov" "$ft" "$corp" "$result" >>"$summary"
    if [ $result != ok ]; then
      echo "fuzz: $t found something; the end of $log:" >&2
      tail -60 "$log" >&2
      ls "$out/findings"/"$t"-* >&2 2>/dev/null || true
    fi
  done
  cat "$summary"
  return $status
}

case ${1:-} in
  build) build ;;
  seeds) seeds ;;
  smoke) build >/dev/null; seeds >/dev/null; fuzz_all 60 "$out/smoke.txt" ;;
  long)
    build >/dev/null
    seconds=${2:-3600}
    shift $(($# < 2 ? $# : 2))
    if [ $# = 1 ]; then summary=$out/summary-$1.txt; else summary=$out/summary.txt; fi
    [ -d "$out/seeds" ] || seeds >/dev/null
    fuzz_all "$seconds" "$summary" "$@" ;;
  *) echo "usage: scripts/fuzz.sh build|seeds|smoke|long [SECONDS]" >&2; exit 2 ;;
esac
