#!/usr/bin/env bash
# The import corpus against Alembic itself (docs/testing.md, docs/import.md):
#
#   roundtrip.sh RETORT ENGINE PROJECT     ENGINE: postgresql | mariadb | sqlite
#
# 1. A: Alembic ONLINE `upgrade heads` on a fresh database.       catalog(A)
# 2. `retort import alembic PROJECT` must translate every revision (exit 0).
# 3. B: the imported project's `upgrade base:heads -d ENGINE` applied to
#    another fresh database.                          catalog(B) = catalog(A)
# 4. The imported `downgrade heads:base` applied to B leaves at most the
#    empty version table.
# A catalog is the engine's own account of the schema (pg_dump -s; mysqldump
# --no-data; SQLite's pragmas), the version rows, and the rows the queries in
# PROJECT/queries (one SQL a line, optional) return. The only lines that may
# differ are those PROJECT/differences.ENGINE lists, each with the import
# warning that says so.
# Skipped (77) when the engine's settings are absent, failing when CI=true.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=../live/lib.sh
source "$here/../live/lib.sh"
live_init "$2" "$1"
# shellcheck source=lib.sh
source "$here/lib.sh"
PROJECT=$3
name=$(cd "$PROJECT" && pwd); name=${name#"$CORPUS"/}; name=${name//\//_}

catalog() {
  local db=$1 q
  corpus_catalog "$db"
  if [ -e "$PROJECT/queries" ]; then
    while IFS= read -r q; do
      [ -n "$q" ] && [ "${q:0:1}" != "#" ] || continue
      echo "-- $q"
      engine_query "$db" "$q"
    done <"$PROJECT/queries"
  fi
}

new_db alembic; a=$DB
if ! out=$(alembic_in "$PROJECT" "$a" upgrade heads 2>&1); then
  echo "$out" >&2
  fail "Alembic could not upgrade $PROJECT to heads on $ENGINE"
fi
catalog "$a" >"$WORK/a.txt"

imported=$WORK/imported
if ! "$RETORT" import alembic "$PROJECT" "$imported" >"$WORK/import.out" 2>"$WORK/import.err"; then
  cat "$WORK/import.err" "$WORK/import.out" >&2
  fail "retort import alembic $PROJECT did not translate every revision"
fi
note "$(tail -1 "$WORK/import.out")"

gen "$imported" upgrade base:heads -o "$WORK/up.sql" >&2 || fail "retort upgrade base:heads failed on the imported $name"
gen "$imported" downgrade heads:base -o "$WORK/down.sql" >&2 || fail "retort downgrade heads:base failed on the imported $name"

new_db retort; b=$DB
apply_or_fail "$b" "$WORK/up.sql" "upgrade base:heads of the imported $name"
catalog "$b" >"$WORK/b.txt"
# The differences retort cannot avoid are listed in PROJECT/differences.ENGINE:
# the exact changed lines (- Alembic, + retort), each covered by a warning the
# import must have printed (`warning: TEXT` lines).
expected=$PROJECT/differences.$ENGINE
diff "$WORK/a.txt" "$WORK/b.txt" | sed -n 's/^< /-/p; s/^> /+/p' >"$WORK/diff.txt" || true
if [ -e "$expected" ]; then
  grep '^[-+]' "$expected" >"$WORK/diff.expected" || true
  while IFS= read -r w; do
    grep -qF -- "warning: $w" "$WORK/import.err" || fail "$ENGINE $name: the import did not warn: $w"
  done < <(sed -n 's/^warning: //p' "$expected")
else
  : >"$WORK/diff.expected"
fi
if ! diff -u "$WORK/diff.expected" "$WORK/diff.txt" >&2; then
  diff -u "$WORK/a.txt" "$WORK/b.txt" >&2 || true
  fail "$ENGINE $name: the imported project's database differs from Alembic's other than $expected says (diffs above: - Alembic, + retort)"
fi
note "$ENGINE $name: the imported project builds Alembic's database ($(grep -c . "$WORK/diff.txt") line(s) differ as $(basename "$expected") says)"

apply_or_fail "$b" "$WORK/down.sql" "downgrade heads:base of the imported $name"
left=$(engine_tables "$b" | tr '\n' ' ')
case $left in
  "" | "alembic_version ") ;;
  *) fail "$ENGINE $name: after downgrade heads:base the tables are: $left" ;;
esac
if [ -n "$left" ]; then
  rows=$(engine_query "$b" "SELECT COUNT(*) FROM alembic_version")
  [ "$rows" = 0 ] || fail "$ENGINE $name: $rows version row(s) left after downgrade heads:base"
fi
if [ "$ENGINE" = postgresql ]; then
  types=$(engine_query "$b" "SELECT typname FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
                             WHERE n.nspname = 'public' AND t.typtype = 'e' ORDER BY 1" | tr '\n' ' ')
  [ -z "$types" ] || fail "$ENGINE $name: enum types left after downgrade heads:base: $types"
fi
echo "import roundtrip $ENGINE $name: ok"
