#!/usr/bin/env bash
# static.sh SOURCE_DIR WORK_DIR
# Configures and builds retort with -DRETORT_STATIC=ON in WORK_DIR, checks
# that the binary is statically linked, and compares its scripts for every
# sample and dialect with the goldens (tests/golden/golden.sh).
set -euo pipefail
src=$1 work=$2
cmake -S "$src" -B "$work" -G Ninja -DCMAKE_BUILD_TYPE=Release -DRETORT_TESTS=OFF -DRETORT_STATIC=ON >/dev/null
cmake --build "$work" --target retort >"$work/build.log" 2>&1 || { cat "$work/build.log" >&2; exit 1; }
bin=$work/driver/retort
if ldd "$bin" >/dev/null 2>&1; then
  echo "FAIL: $bin is not static:" >&2
  ldd "$bin" >&2
  exit 1
fi
"$bin" --version
status=0
for sample in "$src"/samples/*/; do
  sample=${sample%/}
  case $(basename "$sample") in fail_*) continue ;; esac
  for variant in postgresql sqlite mysql; do
    bash "$src/tests/golden/golden.sh" "$bin" "$sample" "$src/golden" "$variant" || status=1
  done
done
# The worker threads run in the static binary too: 100 files are read and
# parsed by four threads, and the script is the same as with one.
rm -rf "$work/gen"
python3 "$src/bench/gen.py" "$work/gen" --revisions 100 >/dev/null
RETORT_JOBS=4 "$bin" -C "$work/gen" upgrade base:heads -d postgresql -o "$work/gen4.sql" || status=1
RETORT_JOBS=1 "$bin" -C "$work/gen" upgrade base:heads -d postgresql -o "$work/gen1.sql" || status=1
cmp -s "$work/gen1.sql" "$work/gen4.sql" || { echo "FAIL: 4 threads and 1 thread give different scripts" >&2; status=1; }
exit $status
