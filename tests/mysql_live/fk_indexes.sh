#!/usr/bin/env bash
# The indexes of `kids` after every revision of fk_indexes/, upgrading and
# then downgrading step by step, are exactly the model's keys plus the index
# InnoDB keeps for a foreign key no key serves (named after the foreign key),
# and the one it keeps after the foreign key is dropped.
# Also the data statements of the last revision (CONCAT, CHAR_LENGTH).
set -euo pipefail
source "$(dirname "$0")/common.sh" "$1" "$2"
project=$src/tests/mysql_live/fk_indexes
revs=(f1f1f1f1f1f1 f2f2f2f2f2f2 f3f3f3f3f3f3 f4f4f4f4f4f4 f5f5f5f5f5f5 f6e6e6e6e6e6)
declare -A expected=(
  [f1f1f1f1f1f1]="PRIMARY(id) fk_kids_parent_id_parents(parent_id)"
  [f2f2f2f2f2f2]="PRIMARY(id) ix_kids_parent(parent_id)"
  [f3f3f3f3f3f3]="PRIMARY(id) uq_kids_parent_code(parent_id,code)"
  [f4f4f4f4f4f4]="PRIMARY(id)"
  [f5f5f5f5f5f5]="PRIMARY(id) fk_kids_parent(parent_id)"
  [f6e6e6e6e6e6]="PRIMARY(id) fk_kids_parent(parent_id)"
)
# Where the way down differs: f5's downgrade drops its foreign key and
# InnoDB keeps the key's index (docs/mysql.md), as after Alembic's downgrade.
declare -A expected_down=(
  [f4f4f4f4f4f4]="PRIMARY(id) fk_kids_parent(parent_id)"
)

indexes() { table_indexes kids; }

expect() {
  local rev=$1 when=$2 actual want=${expected[$1]}
  case $when in "after downgrade"*) want=${expected_down[$rev]:-$want} ;; esac
  actual=$(indexes)
  [ "$actual" = "$want" ] || fail "$rev ($when): indexes '$actual', expected '$want'"
  echo "ok: $rev ($when): $actual"
}

prev=base
for rev in "${revs[@]}"; do
  retort_script "$work/up.sql" -C "$project" upgrade "$prev:$rev" -d mariadb
  engine_apply "$db" "$work/up.sql" || fail "upgrade $prev:$rev did not apply"
  expect "$rev" "after upgrade"
  prev=$rev
done

rows=$(engine_query "$db" "SELECT id, kid_code FROM kids ORDER BY id" | tr '\t\n' ': ')
[ "$rows" = "11:kk-X " ] || fail "data statements left '$rows' in kids, expected '11:kk-X '"
comment=$(engine_query "$db" "SELECT TABLE_COMMENT FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'kids'")
[ "$comment" = "children; it's a \\\\ test" ] || fail "table comment reads '$comment'"
echo "ok: data and table comment"

for ((i = ${#revs[@]} - 1; i > 0; i--)); do
  retort_script "$work/down.sql" -C "$project" downgrade "${revs[i]}:${revs[i-1]}" -d mariadb
  engine_apply "$db" "$work/down.sql" || fail "downgrade ${revs[i]}:${revs[i-1]} did not apply"
  expect "${revs[i-1]}" "after downgrade from ${revs[i]}"
done
