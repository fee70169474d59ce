#!/usr/bin/env bash
# pg_features.sh RETORT
# PostgreSQL specifics the samples do not reach, applied live: names that
# need quoting, identity (and its sequence after explicit ids), JSONB, timestamptz, uuid, comments with quotes,
# FK actions, DESC and partial indexes, CREATE INDEX CONCURRENTLY, an enum
# value added and used in the same run, enum <-> text with a partial index on
# the column, text -> integer with USING, DROP VALUE, the version table in a
# schema, one transaction per migration. Upgrade, downgrade, upgrade must
# give the same schema.
source "$(dirname "$0")/lib.sh"
live_init postgresql "$1"

p=$WORK/project
mkdir -p "$p/versions"
cat >"$p/retort.yaml" <<'YAML'
versions: [versions]
dialect: postgresql
version_table: Versions
version_table_schema: ops
transaction_per_migration: true
YAML
cat >"$p/versions/a.mig" <<'MIG'
revision aaaa0001;
down_revision none;
message 'tables with awkward names';
upgrade {
    create type "Mood" as enum ('happy', 'sad');
    create table "user" (
        id              bigint      primary key autoincrement,
        "Display Name"  string(50)  not null,
        "order"         integer     not null default 0,
        mood            "Mood"      not null default 'happy',
        settings        json,
        seen_at         timestamptz default now(),
        token           uuid,
        note            text        comment 'it''s a note',
        check ("order" >= 0)
    );
    comment on table "user" is 'users; with a ''quote'' and a \ backslash';
    create index ix_user_mood on "user" (mood, "order" desc) where mood <> 'sad';
    create table posts (
        id      integer primary key,
        user_id bigint  references "user" (id) on delete cascade on update restrict,
        body    text
    );
    insert into "user" (id, "Display Name", settings, token) values
        (1, 'Ada', '{"a": 1}', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11');
    insert into posts (id, user_id, body) values (10, 1, 'first');
}
downgrade {
    drop table posts;
    drop table "user";
    drop type "Mood";
}
MIG
cat >"$p/versions/b.mig" <<'MIG'
revision bbbb0002;
down_revision aaaa0001;
message 'a new mood, used at once';
upgrade {
    alter type "Mood" add value 'curious';
    update "user" set mood = 'curious' where id = 1;
}
downgrade {
    update "user" set mood = 'happy' where mood = 'curious';
    alter type "Mood" drop value 'curious';
}
MIG
cat >"$p/versions/c.mig" <<'MIG'
revision cccc0003;
down_revision bbbb0002;
message 'type changes';
upgrade {
    alter table posts add column score text default '7';
    alter table posts
        alter column score drop default,
        alter column score type integer,
        alter column score set default 0;
    alter table "user" alter column mood type text;
    create index concurrently ix_posts_user on posts (user_id desc);
}
downgrade {
    drop index concurrently ix_posts_user;
    alter table "user" alter column mood type "Mood";
    alter table posts drop column score;
}
MIG

gen "$p" upgrade base:heads >"$WORK/up.sql" || fail "retort upgrade failed"
gen "$p" downgrade heads:base >"$WORK/down.sql" || fail "retort downgrade failed"
grep -q 'CREATE INDEX CONCURRENTLY' "$WORK/up.sql" || fail "no CONCURRENTLY index in the script"
new_db features; db=$DB
engine_query "$db" "CREATE SCHEMA ops" >/dev/null
apply_or_fail "$db" "$WORK/up.sql" "upgrade"
engine_dump "$db" >"$WORK/dump_a.sql"

check() {  # check SQL EXPECTED
  local got
  got=$(engine_query "$db" "$1")
  [ "$got" = "$2" ] || fail "$1: got '$got', expected '$2'"
}
check "SELECT mood, settings->>'a', token FROM \"user\"" $'curious\t1\ta0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'
check "SELECT obj_description('\"user\"'::regclass, 'pg_class')" "users; with a 'quote' and a \\ backslash"
check "SELECT col_description('\"user\"'::regclass, 8)" "it's a note"
check "SELECT score FROM posts" "7"
check "SELECT column_default FROM information_schema.columns WHERE table_name = 'posts' AND column_name = 'score'" "0"
check "SELECT data_type FROM information_schema.columns WHERE table_name = 'user' AND column_name = 'seen_at'" "timestamp with time zone"
check "SELECT data_type FROM information_schema.columns WHERE table_name = 'user' AND column_name = 'settings'" "jsonb"
check "SELECT is_identity FROM information_schema.columns WHERE table_name = 'user' AND column_name = 'id'" "YES"
check "SELECT pg_get_indexdef('ix_user_mood'::regclass)" 'CREATE INDEX ix_user_mood ON public."user" USING btree (mood, "order" DESC) WHERE (mood <> '"'"'sad'"'"'::text)'
check "SELECT confdeltype::text || confupdtype::text FROM pg_constraint WHERE conname = 'fk_posts_user_id_user'" "cr"
check "SELECT version_num FROM ops.\"Versions\"" "cccc0003"
# The insert gave id 1 explicitly: the identity's sequence was moved past it,
# so the application's own next insert gets 2, not a duplicate key.
check "INSERT INTO \"user\" (\"Display Name\") VALUES ('Bob') RETURNING id" "2"

apply_or_fail "$db" "$WORK/down.sql" "downgrade"
check "SELECT string_agg(schemaname || '.' || tablename, ' ') FROM pg_tables WHERE schemaname IN ('public', 'ops')" 'ops.Versions'
check "SELECT count(*) FROM ops.\"Versions\"" "0"
check "SELECT count(*) FROM pg_type WHERE typname LIKE 'Mood%'" "0"

apply_or_fail "$db" "$WORK/up.sql" "second upgrade"
engine_dump "$db" >"$WORK/dump_b.sql"
diff -u "$WORK/dump_a.sql" "$WORK/dump_b.sql" >&2 || fail "upgrade, downgrade, upgrade: the schema differs"

# The guard reads the version table in its schema (ops."Versions"): the same
# upgrade again, and a downgrade from a revision the database is not at,
# stop with "retort guard" and change nothing; the right START runs.
gen "$p" downgrade bbbb0002:base >"$WORK/down_wrong.sql" || fail "retort downgrade failed"
for script in up down_wrong; do
  if out=$(engine_apply "$db" "$WORK/$script.sql" 2>&1); then
    fail "$script.sql ran on a database at cccc0003: the guard did not fire"
  fi
  grep -q "retort guard" <<<"$out" || fail "$script.sql failed without 'retort guard': $out"
  check "SELECT version_num FROM ops.\"Versions\"" "cccc0003"
done
engine_dump "$db" >"$WORK/dump_c.sql"
diff -u "$WORK/dump_a.sql" "$WORK/dump_c.sql" >&2 || fail "a script the guard stopped changed the schema"
apply_or_fail "$db" "$WORK/down.sql" "downgrade from the right START"
check "SELECT count(*) FROM ops.\"Versions\"" "0"
echo "ok: PostgreSQL features round-trip, the guard on a version table in a schema"
