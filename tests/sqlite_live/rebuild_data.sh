#!/usr/bin/env bash
# rebuild_data.sh RETORT SAMPLES_DIR
# samples/rebuilds on SQLite, one revision at a time, with rows in the
# tables: after every table rebuild the rows are all there with their values,
# the foreign keys pointing at the rebuilt tables still hold and still act,
# PRAGMA foreign_key_check and integrity_check are clean, no temporary table
# is left, and the AUTOINCREMENT counter survives. The expected values are
# written here by hand from the .mig files, not derived from retort's output.
source "$(dirname "$0")/../live/lib.sh"
live_init sqlite "$1"
SAMPLE=$2/rebuilds
revs=(a1b0c0d0e001 a1b0c0d0e002 a1b0c0d0e003 a1b0c0d0e004 a1b0c0d0e005 a1b0c0d0e006 a1b0c0d0e007)

# hex of the UTF-8 bytes of a string, upper case as SQLite's hex() prints it
hx() { printf '%s' "$1" | od -An -tx1 | tr -d ' \n' | tr a-f A-F; }

expect() {  # expect DB WHAT SQL EXPECTED
  local got
  got=$(engine_query "$1" "$3") || fail "$2: query failed: $3"
  [ "$got" = "$4" ] || fail "$2: expected
$4
got
$got"
}

healthy() {  # healthy DB WHAT
  expect "$1" "$2: foreign_key_check" "PRAGMA foreign_key_check" ""
  expect "$1" "$2: integrity_check" "PRAGMA integrity_check" "ok"
  expect "$1" "$2: leftovers" "SELECT name FROM sqlite_schema WHERE name LIKE 'retort_new_%'" ""
}

step() {  # step DB FROM TO
  gen "$SAMPLE" upgrade "$2:$3" >"$WORK/step.sql" || fail "retort upgrade $2:$3 failed"
  apply_or_fail "$1" "$WORK/step.sql" "upgrade $2:$3"
}

new_db rebuild_steps; db=$DB
step "$db" base "${revs[0]}"
# The AUTOINCREMENT counter runs ahead of the rows: 4 was used and deleted.
engine_query "$db" "INSERT INTO owners (name, code) VALUES ('Tmp', 'T4'); DELETE FROM owners WHERE code = 'T4'" >/dev/null
expect "$db" "seed" "SELECT seq FROM sqlite_sequence WHERE name = 'owners'" "4"

prev=${revs[0]}
for rev in "${revs[@]:1}"; do
  step "$db" "$prev" "$rev"
  healthy "$db" "after $rev"
  expect "$db" "after $rev: owners" "SELECT id, name, code FROM owners ORDER BY id" "$(printf '1\tAda\tA1\n2\tBob\tB2\n3\tCy\tC3')"
  expect "$db" "after $rev: tags" "SELECT id, item_id, tag FROM tags ORDER BY id" "$(printf '1\t1\ttools\n2\t2\tbulk\n3\t3\ttools')"
  expect "$db" "after $rev: counter" "SELECT seq FROM sqlite_sequence WHERE name = 'owners'" "4"
  prev=$rev
done

# The head: items went through six rebuilds.
expect "$db" "head: items" \
  "SELECT id, owner_id, label, quote(price), hex(remark), quote(reviewer_id), status FROM items ORDER BY id" \
  "$(printf '1\t1\thammer\t12.5\t%s\t2\tnew\n' "$(hx "it's heavy")"
     printf '2\t1\tnails\t0.02\t\tNULL\tsold\n'
     printf '3\t2\tsaw\t30\t%s\t1\tnew\n' "$(hx $'line one\nline two')"
     printf '4\t3\tglue\t4.75\t%s\t3\tnew\n' "$(hx 'café ☕')"
     printf '5\t2\ttape\t1.5\t%s\tNULL\tnew' "$(hx none)")"
expect "$db" "head: item columns" "SELECT group_concat(name, ',') FROM pragma_table_info('items')" \
  "id,owner_id,label,price,remark,reviewer_id,status"
expect "$db" "head: indexes" "SELECT name FROM pragma_index_list('items') WHERE origin = 'c' ORDER BY name" "ix_items_label"

# The rules of the new tables hold ...
for bad in "INSERT INTO items (id, owner_id, label) VALUES (9, 99, 'x')" \
           "INSERT INTO tags (id, item_id, tag) VALUES (9, 99, 'x')" \
           "UPDATE items SET reviewer_id = 99 WHERE id = 1" \
           "INSERT INTO items (id, owner_id, label) VALUES (9, 1, 'hammer')" \
           "INSERT INTO owners (id, name, code) VALUES (8, NULL, 'x')"; do
  if engine_query "$db" "PRAGMA foreign_keys=ON; $bad" >/dev/null 2>&1; then fail "accepted: $bad"; fi
done
# ... and the dropped one does not (uq_owners_code is gone).
engine_query "$db" "INSERT INTO owners (name, code) VALUES ('Dee', 'A1')" >/dev/null || fail "uq_owners_code still enforced"
expect "$db" "counter kept across the rebuild of owners" "SELECT max(id) FROM owners" "5"
# Foreign keys act through the rebuilt tables: cascade and set null.
engine_query "$db" "PRAGMA foreign_keys=ON; DELETE FROM owners WHERE id = 2" >/dev/null || fail "delete owner 2"
expect "$db" "cascade" "SELECT id, quote(reviewer_id) FROM items ORDER BY id" "$(printf '1\tNULL\n2\tNULL\n4\t3')"
expect "$db" "cascade to tags" "SELECT id FROM tags ORDER BY id" "$(printf '1\n2')"
healthy "$db" "after the deletes"

# Down again: the rows come back through the reverse rebuilds.
new_db rebuild_down; db2=$DB
gen "$SAMPLE" upgrade base:heads >"$WORK/up.sql" || fail "retort upgrade failed"
gen "$SAMPLE" downgrade "heads:${revs[0]}" >"$WORK/down.sql" || fail "retort downgrade failed"
apply_or_fail "$db2" "$WORK/up.sql" "upgrade"
apply_or_fail "$db2" "$WORK/down.sql" "downgrade to ${revs[0]}"
healthy "$db2" "after the downgrade"
expect "$db2" "downgraded items" \
  "SELECT id, owner_id, label, quote(qty), quote(price), hex(note), quote(reviewer_id), quote(legacy) FROM items ORDER BY id" \
  "$(printf '1\t1\thammer\t0\t12.5\t%s\t2\tNULL\n' "$(hx "it's heavy")"
     printf '2\t1\tnails\t0\t0.02\t\tNULL\tNULL\n'
     printf '3\t2\tsaw\t0\t30\t%s\t1\tNULL\n' "$(hx $'line one\nline two')"
     printf '4\t3\tglue\t0\t4.75\t%s\t3\tNULL' "$(hx 'café ☕')")"
expect "$db2" "downgraded owners" "SELECT count(*) FROM owners" "3"
if engine_query "$db2" "INSERT INTO owners (name, code) VALUES ('Dup', 'A1')" >/dev/null 2>&1; then
  fail "uq_owners_code is not back after the downgrade"
fi
echo "ok: rows, foreign keys and counters survive every rebuild of samples/rebuilds"
