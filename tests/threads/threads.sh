#!/usr/bin/env bash
# threads.sh RETORT GEN_PY
# The same project gives the same bytes (scripts, diagnostics, exit codes)
# with one worker thread and with four: files are read and parsed in
# parallel, their results and diagnostics are taken in file order.
set -uo pipefail
R=$1 GEN=$2
work=$(mktemp -d "${TMPDIR:-/tmp}/retort-threads.XXXXXX")
trap 'rm -rf "$work"' EXIT
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }

p=$work/proj
python3 "$GEN" "$p" --revisions 300 --shape branchy --seed 3 >/dev/null || { echo "gen.py failed" >&2; exit 1; }

# run NAME ARGS...: runs retort with 1 and with 4 threads, compares stdout,
# stderr and exit status.
run() {
  local name=$1; shift
  for j in 1 4; do
    RETORT_JOBS=$j "$R" -C "$p" "$@" >"$work/$name.$j.out" 2>"$work/$name.$j.err"
    echo $? >"$work/$name.$j.rc"
  done
  for part in out err rc; do
    cmp -s "$work/$name.1.$part" "$work/$name.4.$part" || fail "$name: std$part differs between 1 and 4 threads"
  done
}

run check check
[ "$(cat "$work/check.1.rc")" = 0 ] || fail "check of the generated project failed: $(cat "$work/check.1.err")"
for d in postgresql sqlite mysql; do
  run "upgrade-$d" upgrade base:heads -d "$d"
  [ -s "$work/upgrade-$d.1.out" ] || fail "upgrade -d $d printed nothing"
done
run heads heads
# The script both runs produced is also one SQLite accepts: applied whole to
# an empty database (the PostgreSQL and MariaDB scripts of generated projects
# are applied by hand, docs/performance.md; the samples' by the live tests).
sqlite3 -bail "$work/db.sqlite" <"$work/upgrade-sqlite.1.out" >"$work/sqlite.out" 2>&1 ||
  fail "sqlite3 rejected the generated upgrade script: $(tail -3 "$work/sqlite.out")"
[ "$(sqlite3 "$work/db.sqlite" 'SELECT count(*) FROM alembic_version')" -ge 1 ] ||
  fail "the version table is empty after the upgrade script"

# Break files all over the project: errors in many files, several per
# worker batch, must come out the same and in file order.
files=("$p"/versions/*.mig)
for i in 7 40 41 150 151 152 299; do
  f=${files[$i]}
  case $((i % 3)) in
    0) printf 'upgrade { create tabel oops (id integer); }\n' >>"$f" ;;
    1) sed -i 's/^upgrade {/upgrade {\n    drop table/' "$f" ;;
    2) printf '\xff' >>"$f" ;;
  esac
done
run broken check
[ "$(cat "$work/broken.1.rc")" = 1 ] || fail "check of the broken project exited $(cat "$work/broken.1.rc"), expected 1"
n=$(grep -c ': error: ' "$work/broken.1.err")
[ "$n" -ge 7 ] || fail "expected an error for each of the 7 broken files, got $n: $(cat "$work/broken.1.err")"
# File order: the error lines' file names are sorted.
grep -o '^[^:]*\.mig' "$work/broken.1.err" | sort -c || fail "diagnostics are not in file order"

[ "$failures" = 0 ] || { echo "$failures failure(s)" >&2; exit 1; }
echo "threads: same output with 1 and 4 threads"
