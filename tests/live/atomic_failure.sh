#!/usr/bin/env bash
# atomic_failure.sh RETORT ENGINE
# A script that fails halfway on purpose must leave the database as it was:
# one transaction for the run; with transaction_per_migration the migrations
# before the failing one stay applied. (Engines with transactional DDL.)
source "$(dirname "$0")/lib.sh"
live_init "$2" "$1"

project=$WORK/project
mkdir -p "$project/versions"
cat >"$project/versions/a.mig" <<'MIG'
revision aaaa0001;
down_revision none;
message 'first';
upgrade {
    create table first_table (id integer primary key, name text);
    insert into first_table (id, name) values (1, 'kept?');
}
downgrade {
    drop table first_table;
}
MIG
cat >"$project/versions/b.mig" <<'MIG'
revision bbbb0002;
down_revision aaaa0001;
message 'fails halfway';
upgrade {
    create table second_table (id integer primary key);
    alter table first_table add column extra integer;
    insert into first_table (id, name) values (2, 'never');
    -- fails on every engine: row 1 exists already
    execute $$INSERT INTO first_table (id, name) VALUES (1, 'duplicate')$$;
    create table third_table (id integer primary key);
}
downgrade {
    drop table third_table;
    alter table first_table drop column extra;
    drop table second_table;
}
MIG

run_case() {  # run_case PER_MIGRATION EXPECTED_TABLES EXPECTED_ROWS
  printf 'versions: [versions]\ndialect: %s\ntransaction_per_migration: %s\n' "$ENGINE_DIALECT" "$1" >"$project/retort.yaml"
  gen "$project" upgrade base:heads >"$WORK/up.sql" || fail "retort upgrade failed (transaction_per_migration: $1)"
  local db
  new_db "atomic_$1"; db=$DB
  engine_dump "$db" >"$WORK/empty.sql"
  if engine_apply "$db" "$WORK/up.sql" >/dev/null 2>&1; then
    fail "the script with a duplicate primary key applied without an error"
  fi
  local tables rows
  tables=$(engine_tables "$db" | tr '\n' ' ')
  [ "$tables" = "$2" ] || fail "transaction_per_migration: $1: tables after the failure: '$tables', expected '$2'"
  if [ -n "$3" ]; then
    rows=$(engine_query "$db" "SELECT version_num FROM alembic_version ORDER BY 1" | tr '\n' ' ')
    [ "$rows" = "$3" ] || fail "transaction_per_migration: $1: version rows '$rows', expected '$3'"
    local data
    data=$(engine_query "$db" "SELECT id FROM first_table ORDER BY 1" | tr '\n' ' ')
    [ "$data" = "1 " ] || fail "transaction_per_migration: $1: first_table holds '$data', expected only row 1"
  else
    engine_dump "$db" >"$WORK/after.sql"
    diff -u "$WORK/empty.sql" "$WORK/after.sql" >&2 || fail "the failed script changed the database"
  fi
}

run_case false "" ""
run_case true "alembic_version first_table " "aaaa0001 "
echo "ok: a failing script leaves $ENGINE as it was"
