#!/usr/bin/env bash
# Handover from Alembic (issue 14, docs/alembic.md): retort carries on from a
# database that Alembic made, and builds from base the database Alembic
# builds. alembic/ is a history in SQLAlchemy's default style (no naming
# convention); project/ is the same history in .mig, written by hand.
#
#   handover.sh RETORT ENGINE        ENGINE: postgresql | mariadb | sqlite
#
# 1. A: Alembic online, base -> heads.                    catalog(A)
# 2. B: retort `upgrade base:heads` applied.              catalog(B) = catalog(A)
# 3. C: Alembic online to MID, then retort's `upgrade MID:heads` applied:
#    catalog(C) = catalog(A); then `downgrade heads:base`: only the empty
#    version table is left; then `upgrade base:heads` again: catalog(A).
# A catalog is the engine's own account of the schema (pg_dump -s; mysqldump
# --no-data with collations; SQLite's pragmas, sqlite_catalog.py), the
# version rows and the rows of the tables the data migrations wrote.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=../live/lib.sh
source "$here/../live/lib.sh"
live_init "$2" "$1"
PROJECT=$here/project
MID=a1000004
PY=/usr/bin/python3
"$PY" -c 'import alembic' 2>/dev/null || fail "Alembic does not import under $PY (apt-get install python3-alembic)"

# The database Alembic and retort share: MariaDB's is made with a collation
# that is not utf8mb4's default, as a team's often is, so a table that does
# not inherit it shows.
fresh() {
  new_db "$1"
  if [ "$ENGINE" = mariadb ]; then
    retort_mysql_client -e "DROP DATABASE \`$DB\`; CREATE DATABASE \`$DB\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
  fi
}

url() {
  case $ENGINE in
    postgresql) echo "postgresql+psycopg2://${RETORT_PG_USER:-postgres}@${RETORT_PG_HOST:-127.0.0.1}:$RETORT_PG_PORT/$1" ;;
    mariadb)
      if [ -n "${RETORT_MYSQL_SOCKET:-}" ]; then
        echo "mysql+pymysql://${RETORT_MYSQL_USER:-retort}@localhost/$1?unix_socket=$RETORT_MYSQL_SOCKET&charset=utf8mb4"
      else
        echo "mysql+pymysql://${RETORT_MYSQL_USER:-retort}@${RETORT_MYSQL_HOST:-127.0.0.1}:$RETORT_MYSQL_PORT/$1?charset=utf8mb4"
      fi ;;
    sqlite) echo "sqlite:///$(retort_sqlite_file "$1")" ;;
  esac
}

alembic_to() {
  local db=$1 target=$2 out
  if ! out=$(cd "$here/alembic" && RETORT_HANDOVER_URL=$(url "$db") "$PY" -m alembic -c alembic.ini upgrade "$target" 2>&1); then
    echo "$out" >&2
    fail "Alembic could not upgrade $db to $target"
  fi
}

# MariaDB lists a table's plain keys in the order they were made. The order
# of two branches (here a1000006 and a1000008) is each tool's own: Alembic's
# follows its revision map (file order and hashing, see
# tests/conformance/alembic_conformance.py), retort's is deterministic; a
# re-created foreign key moves its index to the end. So the KEY lines of a
# table are compared as a set.
sort_key_lines() {
  "$PY" -c '
import sys
keys = []
for line in sys.stdin:
    if line.startswith("  KEY "):
        keys.append(line)
        continue
    sys.stdout.writelines(sorted(keys)); keys = []
    sys.stdout.write(line)
sys.stdout.writelines(sorted(keys))'
}

catalog() {
  local db=$1
  case $ENGINE in
    sqlite) "$PY" "$here/sqlite_catalog.py" "$(retort_sqlite_file "$db")" ;;
    mariadb) engine_dump "$db" | sort_key_lines ;;
    *) engine_dump "$db" ;;
  esac
  echo "-- version rows"
  engine_query "$db" "SELECT version_num FROM alembic_version ORDER BY 1"
  echo "-- fees"
  engine_query "$db" "SELECT id, student_id, amount, status FROM fees ORDER BY id" 2>/dev/null || true
  echo "-- fee_archive"
  engine_query "$db" "SELECT fee_id, amount FROM fee_archive ORDER BY fee_id" 2>/dev/null || true
}

same() {
  local what=$1 want=$2 got=$3
  diff -u "$want" "$got" >&2 || fail "$ENGINE: $what differs from Alembic's (diff above: - Alembic, + retort)"
  note "$ENGINE: $what: same as Alembic's"
}

script() {
  local out=$WORK/$1.sql; shift
  gen "$PROJECT" "$@" -o "$out" >&2 || fail "retort $* failed"
  echo "$out"
}

up_all=$(script up_all upgrade base:heads)
up_mid=$(script up_mid upgrade "$MID:heads")
down_all=$(script down_all downgrade heads:base)

fresh alembic; a=$DB
alembic_to "$a" heads
catalog "$a" >"$WORK/a.txt"
grep -q a1000009 "$WORK/a.txt" || fail "Alembic did not reach a1000009"

fresh retort; b=$DB
apply_or_fail "$b" "$up_all" "upgrade base:heads"
catalog "$b" >"$WORK/b.txt"
same "the database retort builds from base" "$WORK/a.txt" "$WORK/b.txt"

fresh handover; c=$DB
alembic_to "$c" "$MID"
apply_or_fail "$c" "$up_mid" "upgrade $MID:heads on Alembic's database at $MID"
catalog "$c" >"$WORK/c.txt"
same "Alembic's database at $MID after retort's upgrade $MID:heads" "$WORK/a.txt" "$WORK/c.txt"

apply_or_fail "$c" "$down_all" "downgrade heads:base on the handed-over database"
left=$(engine_tables "$c" | tr '\n' ' ')
[ "$left" = "alembic_version " ] || fail "$ENGINE: after downgrade heads:base the tables are: $left"
rows=$(engine_query "$c" "SELECT COUNT(*) FROM alembic_version")
[ "$rows" = 0 ] || fail "$ENGINE: $rows version row(s) left after downgrade heads:base"

apply_or_fail "$c" "$up_all" "upgrade base:heads after the downgrade"
catalog "$c" >"$WORK/c2.txt"
same "the handed-over database downgraded to base and upgraded again" "$WORK/a.txt" "$WORK/c2.txt"
echo "handover $ENGINE: ok"
