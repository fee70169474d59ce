#!/usr/bin/env bash
# roundtrip.sh RETORT ENGINE SAMPLE_DIR
# On a live engine: upgrade base:heads, dump; downgrade heads:base, only the
# (empty) version table left; upgrade again, same dump; then single-revision
# upgrades in plan order end in the same dump and version rows.
source "$(dirname "$0")/lib.sh"
live_init "$2" "$1"
SAMPLE=$3
name=$(basename "$SAMPLE")
vt=$(version_table "$SAMPLE")
vtq=$(version_table_query "$SAMPLE")

gen "$SAMPLE" upgrade base:heads >"$WORK/up.sql" || fail "retort upgrade base:heads failed for $name"
gen "$SAMPLE" downgrade heads:base >"$WORK/down.sql" || fail "retort downgrade heads:base failed for $name"
revisions=$(script_revisions "$WORK/up.sql")
[ -n "$revisions" ] || fail "the upgrade script of $name runs no migration"

new_db "$name"; db=$DB
apply_or_fail "$db" "$WORK/up.sql" "first upgrade"
engine_dump "$db" >"$WORK/dump_a.sql"
engine_query "$db" "SELECT version_num FROM $vtq ORDER BY 1" >"$WORK/rows_a.txt"
[ -s "$WORK/rows_a.txt" ] || fail "no version rows after the upgrade"

apply_or_fail "$db" "$WORK/down.sql" "downgrade"
left=$(engine_tables "$db" | tr '\n' ' ')
[ "$left" = "$vt " ] || fail "after downgrade heads:base expected only '$vt', found: '$left'"
rows=$(engine_query "$db" "SELECT count(*) FROM $vtq")
[ "$rows" = "0" ] || fail "the version table holds $rows row(s) after downgrading to base"

apply_or_fail "$db" "$WORK/up.sql" "second upgrade"
engine_dump "$db" >"$WORK/dump_b.sql"
diff -u "$WORK/dump_a.sql" "$WORK/dump_b.sql" >&2 || fail "upgrade, downgrade, upgrade: the schema differs from the first upgrade"

# Step by step: each revision on its own, START = a current version row
# (or base) chosen so that the script runs exactly that one migration. A
# merge needs several START rows, which a range cannot name: its section of
# the whole script is applied instead.
new_db "${name}_steps"; db2=$DB
steps=0
for rev in $revisions; do
  current=$(engine_query "$db2" "SELECT version_num FROM $vtq ORDER BY 1" 2>/dev/null || true)
  [ -n "$current" ] || current=base
  done_one=0
  for start in $current; do
    if gen "$SAMPLE" upgrade "$start:$rev" >"$WORK/step.sql" 2>"$WORK/step.err" &&
       [ "$(script_revisions "$WORK/step.sql" | tr '\n' ' ')" = "$rev " ]; then
      apply_or_fail "$db2" "$WORK/step.sql" "single step $start:$rev"
      done_one=1
      break
    fi
  done
  if [ $done_one = 0 ]; then
    # The section of up.sql from this revision's banner to the next one,
    # in a transaction of its own.
    awk -v rev="$rev" '
      /^-- Running (upgrade|downgrade) / { on = ($0 ~ ("-> *" rev "$")) }
      on && !/^(BEGIN|COMMIT);$/ { print }' "$WORK/up.sql" >"$WORK/section.sql"
    grep -q . "$WORK/section.sql" || fail "no section for $rev in the upgrade script"
    # In a transaction where the engine has transactional DDL (the whole script has BEGIN).
    tx=0; grep -qx 'BEGIN;' "$WORK/up.sql" && tx=1
    { [ $tx = 0 ] || echo "BEGIN;"; cat "$WORK/section.sql"; [ $tx = 0 ] || echo "COMMIT;"; } >"$WORK/step.sql"
    note "$rev: no single START row runs it alone (a merge or a dependency on another branch); applied its section of the whole script"
    apply_or_fail "$db2" "$WORK/step.sql" "section of $rev"
  fi
  steps=$((steps + 1))
done
engine_dump "$db2" >"$WORK/dump_steps.sql"
diff -u "$WORK/dump_a.sql" "$WORK/dump_steps.sql" >&2 || fail "single-revision upgrades end in a different schema than the whole run"
engine_query "$db2" "SELECT version_num FROM $vtq ORDER BY 1" >"$WORK/rows_steps.txt"
diff -u "$WORK/rows_a.txt" "$WORK/rows_steps.txt" >&2 || fail "single-revision upgrades end in different version rows"

echo "ok: $name on $ENGINE: round trip and $steps single steps"
