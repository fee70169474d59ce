#!/usr/bin/env bash
# --no-guard leaves the guard out of upgrade/downgrade/stamp; the timeouts of
# retort.yaml: SET LOCAL after every BEGIN on PostgreSQL, SET SESSION once on
# MySQL, nothing by default (docs/scripts.md, docs/config.md).
#   guard_timeouts.sh RETORT PROJECT
set -euo pipefail
retort=$1 project=$2
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

for cmd in "upgrade a0a0a0a0a003" "downgrade a0a0a0a0a003:base" "stamp a0a0a0a0a002"; do
  for d in postgresql sqlite mysql; do
    # shellcheck disable=SC2086
    "$retort" -C "$project" $cmd -d $d | grep -q "retort guard" || fail "$cmd -d $d: no guard"
    # shellcheck disable=SC2086
    ! "$retort" -C "$project" $cmd -d $d --no-guard | grep -q "retort_guard\|retort guard\|\.bail" ||
      fail "$cmd -d $d --no-guard: a guard is left"
  done
done

"$retort" -C "$project" upgrade a0a0a0a0a003 -d postgresql | grep -q "SET LOCAL\|lock_wait_timeout" &&
  fail "a timeout without one in retort.yaml"
cp -r "$project/versions" "$work/"
{ cat "$project/retort.yaml"; echo "transaction_per_migration: true";
  echo "postgresql: { lock_timeout: 5s, statement_timeout: 10min }"; echo "mysql: { lock_wait_timeout: 10 }"; } >"$work/retort.yaml"
"$retort" -C "$work" upgrade a0a0a0a0a003 -d postgresql >"$work/pg.sql"
begins=$(grep -c '^BEGIN;$' "$work/pg.sql")
[ "$(grep -c "^SET LOCAL lock_timeout = '5s';$" "$work/pg.sql")" = "$begins" ] || fail "lock_timeout not after every BEGIN"
[ "$(grep -c "^SET LOCAL statement_timeout = '10min';$" "$work/pg.sql")" = "$begins" ] || fail "statement_timeout not after every BEGIN"
"$retort" -C "$work" upgrade a0a0a0a0a003 -d mysql >"$work/my.sql"
[ "$(grep -c '^SET SESSION lock_wait_timeout = 10;$' "$work/my.sql")" = 1 ] || fail "lock_wait_timeout not once"
[ "$(grep -n 'SET SESSION lock_wait_timeout' "$work/my.sql" | cut -d: -f1)" -lt "$(grep -n '^ALTER\|^CREATE TABLE acc\|^UPDATE acc' "$work/my.sql" | head -1 | cut -d: -f1)" ] ||
  fail "lock_wait_timeout after a change"
"$retort" -C "$work" upgrade a0a0a0a0a003 -d sqlite | grep -q "^SET \|timeout" && fail "a timeout on SQLite"
echo "guard_timeouts: ok"
