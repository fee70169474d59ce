#!/usr/bin/env bash
# interrupt.sh RETORT SAMPLES_DIR
# An interrupted `-o` leaves the old file as it was and no temporary file.
# gdb stops retort at fsync, when the whole script is in the temporary file
# and the rename has not happened, and delivers the signal there; a second
# case kills retort while it compiles a large generated project.
set -uo pipefail
R=$1 SAMPLES=$2
failures=0
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }

out="$work/out/upgrade.sql"
mkdir -p "$work/out"
reset_old() { printf 'old script\n' >"$out"; }
leftovers() { find "$work/out" -name '.*retort-*' | wc -l; }

for sig in SIGINT SIGTERM; do
  reset_old
  gdb -q -batch -nx \
      -ex 'set breakpoint pending on' -ex 'handle SIGINT SIGTERM nostop noprint pass' -ex 'break fsync' \
      -ex "run -C $SAMPLES/school upgrade base:head -d postgresql -o $out" \
      -ex "shell find $work/out -name '.*retort-*' -size +0 >$work/seen" \
      -ex "signal $sig" \
      --args "$R" >"$work/gdb.log" 2>&1
  grep -q "Program terminated with signal $sig" "$work/gdb.log" \
    || { fail "$sig: retort did not die of the signal"; cat "$work/gdb.log" >&2; }
  [ -s "$work/seen" ] || fail "$sig: no temporary file existed at fsync (did the breakpoint hit?)"
  [ "$(cat "$out")" = "old script" ] || fail "$sig: the old file changed"
  [ "$(leftovers)" = 0 ] || fail "$sig: temporary file left: $(find "$work/out" -name '.*retort-*')"
done

# Killed while compiling: the old file stays, nothing else appears.
big="$work/big"
mkdir -p "$big/versions"
printf 'versions: [versions]\ndialect: postgresql\n' >"$big/retort.yaml"
awk -v dir="$big/versions" 'BEGIN {
  prev = "none"
  for (i = 1; i <= 3000; i++) {
    rev = sprintf("r%05d", i); f = dir "/" rev ".mig"
    printf "revision %s;\ndown_revision %s;\n\nupgrade {\n  create table t%d (id integer primary key);\n}\n", rev, prev, i > f
    printf "downgrade {\n  drop table t%d;\n}\n", i > f
    close(f); prev = rev
  }
}'
reset_old
"$R" -C "$big" upgrade base:head -d postgresql -o "$work/full.sql" \
  || fail "the generated project does not compile"
"$R" -C "$big" upgrade base:head -d postgresql -o "$out" &
pid=$!
sleep 0.05
kill -TERM "$pid" 2>/dev/null
wait "$pid"; status=$?
if [ "$status" = 143 ]; then
  [ "$(cat "$out")" = "old script" ] || fail "killed: the old file changed"
else
  # Finished before the signal: then the file is the whole new script.
  cmp -s "$out" "$work/full.sql" || fail "exit $status: neither the old file nor the whole script"
fi
[ "$(leftovers)" = 0 ] || fail "killed: temporary file left"

[ $failures = 0 ] && echo "interrupt: all cases passed"
exit $((failures > 0))
