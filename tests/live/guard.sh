#!/usr/bin/env bash
# The guard on a real engine (docs/scripts.md#the-guard): a script applied to
# the database it starts from succeeds; applied to one at another revision,
# at base, or already upgraded, it changes nothing -- schema dump, rows and
# version rows are the same before and after -- and says "retort guard".
# Every case runs with the client in its strict mode (engine_apply: psql
# -v ON_ERROR_STOP=1, sqlite3 -bail, mariadb) and in its default mode (plain
# psql, sqlite3 without -bail; the mariadb client stops by default), on the
# project tests/live/guard_project as it is and with transaction_per_migration.
#   guard.sh RETORT ENGINE
source "$(dirname "$0")/lib.sh"
live_init "$2" "$1"

# The client in its default mode: non-zero only when the client itself says so.
apply_default() {
  local db=$1 file=$2
  case $ENGINE in
    postgresql) PGOPTIONS='-c client_min_messages=warning' "$PG_BIN/psql" -X -q $(_pg_conn) -d "$db" -f "$file" ;;
    sqlite) sqlite3 "$(retort_sqlite_file "$db")" <"$file" ;;
    *) engine_apply "$db" "$file" ;;
  esac
}
apply_strict() { engine_apply "$1" "$2"; }

state() {
  local db=$1
  engine_dump "$db"
  echo "== accounts"
  engine_query "$db" "SELECT id, balance FROM accounts ORDER BY id" 2>/dev/null || echo "(none)"
  echo "== versions"
  engine_query "$db" "SELECT version_num FROM alembic_version ORDER BY version_num" 2>/dev/null || echo "(none)"
}

versions() { engine_query "$1" "SELECT version_num FROM alembic_version ORDER BY version_num" 2>/dev/null | tr '\n' ' '; }

# at REV COMMAND RANGE ok|fail END_ROWS
cases=(
  "base upgrade a0a0a0a0a001 ok a0a0a0a0a001"
  "a0a0a0a0a001 upgrade a0a0a0a0a001:a0a0a0a0a003 ok a0a0a0a0a003"
  "a0a0a0a0a003 downgrade a0a0a0a0a003:a0a0a0a0a001 ok a0a0a0a0a001"
  "a0a0a0a0a002 stamp a0a0a0a0a002:a0a0a0a0a003 ok a0a0a0a0a003"
  "a0a0a0a0a001 upgrade a0a0a0a0a002:a0a0a0a0a003 fail -"
  "base upgrade a0a0a0a0a001:a0a0a0a0a003 fail -"
  "a0a0a0a0a002 upgrade a0a0a0a0a001:a0a0a0a0a002 fail -"
  "a0a0a0a0a003 upgrade a0a0a0a0a001:a0a0a0a0a003 fail -"
  "a0a0a0a0a003 upgrade a0a0a0a0a002:a0a0a0a0a003 fail -"
  "a0a0a0a0a001 upgrade a0a0a0a0a003 fail -"
  "a0a0a0a0a002 downgrade a0a0a0a0a003:a0a0a0a0a001 fail -"
  "base downgrade a0a0a0a0a003:base fail -"
  "a0a0a0a0a003 stamp a0a0a0a0a001:a0a0a0a0a002 fail -"
)

plain="$LIVE_DIR/guard_project"
per_migration="$WORK/per_migration"
mkdir -p "$per_migration"
cp -r "$plain/versions" "$per_migration/"
{ cat "$plain/retort.yaml"; echo "transaction_per_migration: true"; } >"$per_migration/retort.yaml"

runs=0
for project in "$plain" "$per_migration"; do
  for mode in strict default; do
    n=0
    for c in "${cases[@]}"; do
      read -r at cmd range expect end <<<"$c"
      n=$((n + 1))
      what="$(basename "$project") $mode: $cmd $range on a database at $at"
      new_db "g${n}_${mode:0:1}"
      if [ "$at" != base ]; then
        gen "$project" upgrade "$at" >"$WORK/prep.sql"
        apply_or_fail "$DB" "$WORK/prep.sql" "$what (preparing)"
      fi
      gen "$project" "$cmd" "$range" >"$WORK/script.sql" || fail "$what: retort failed"
      state "$DB" >"$WORK/before"
      status=0
      "apply_$mode" "$DB" "$WORK/script.sql" >"$WORK/out" 2>&1 || status=$?
      state "$DB" >"$WORK/after"
      if [ "$expect" = ok ]; then
        [ "$status" = 0 ] || { cat "$WORK/out" >&2; fail "$what: failed on the right database"; }
        got=$(versions "$DB")
        [ "$got" = "$end " ] || fail "$what: version rows '$got', expected '$end'"
      else
        if [ "$mode" = strict ] && [ "$status" = 0 ]; then fail "$what: the client reported no error"; fi
        grep -q "retort guard" "$WORK/out" || { cat "$WORK/out" >&2; fail "$what: no 'retort guard' message"; }
        diff -u "$WORK/before" "$WORK/after" >&2 || fail "$what: the database changed"
      fi
      runs=$((runs + 1))
      engine_drop "$DB" >/dev/null 2>&1 || true
    done
  done
done
echo "guard: $runs cases on $ENGINE"
