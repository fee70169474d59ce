#!/usr/bin/env bash
# After every revision of tests/mysql_live/alter_columns, upgrading and then
# downgrading step by step, information_schema.COLUMNS shows each column's
# type, nullability, default, AUTO_INCREMENT and comment exactly as
# expected/<revision>.tsv (written by hand from the model) says.
set -euo pipefail
source "$(dirname "$0")/common.sh" "$1" "$2"
project=$src/tests/mysql_live/alter_columns
revs=(a1a1a1a1a1a1 b2b2b2b2b2b2 c3c3c3c3c3c3 d4d4d4d4d4d4 e5e5e5e5e5e5 f6f6f6f6f6f6)

columns() {
  # --raw: values as stored, no batch escaping
  retort_mysql_client --batch --raw --skip-column-names "$db" -e "
    SELECT COLUMN_NAME, COLUMN_TYPE, IS_NULLABLE, COALESCE(COLUMN_DEFAULT, '(none)'), EXTRA, COLUMN_COMMENT
    FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'accounts'
    ORDER BY COLUMN_NAME"
}

expect_columns() {
  local rev=$1 when=$2
  columns >"$work/actual.tsv"
  if ! diff -u "$project/expected/$rev.tsv" "$work/actual.tsv" >&2; then
    fail "columns differ from the model at $rev ($when)"
  fi
  echo "ok: $rev ($when)"
}

prev=base
for rev in "${revs[@]}"; do
  retort_script "$work/up.sql" -C "$project" upgrade "$prev:$rev" -d mariadb
  engine_apply "$db" "$work/up.sql" || fail "upgrade $prev:$rev did not apply"
  expect_columns "$rev" "after upgrade"
  prev=$rev
done

# The row seeded as 'business' went through the enum rename.
row=$(engine_query "$db" "SELECT id, code, title, kind FROM accounts")
[ "$row" = $'1\tA-1\tfirst\tcompany' ] || fail "the seeded row reads back as '$row'"
echo "ok: the seeded row kept its values through every change"

for ((i = ${#revs[@]} - 1; i > 0; i--)); do
  retort_script "$work/down.sql" -C "$project" downgrade "${revs[i]}:${revs[i-1]}" -d mariadb
  engine_apply "$db" "$work/down.sql" || fail "downgrade ${revs[i]}:${revs[i-1]} did not apply"
  expect_columns "${revs[i-1]}" "after downgrade from ${revs[i]}"
done

retort_script "$work/down.sql" -C "$project" downgrade "${revs[0]}:base" -d mariadb
engine_apply "$db" "$work/down.sql" || fail "downgrade to base did not apply"
[ "$(engine_tables "$db")" = alembic_version ] || fail "tables left after downgrade to base: $(engine_tables "$db")"
echo "ok: downgrade to base leaves only alembic_version"
