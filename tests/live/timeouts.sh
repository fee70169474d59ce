#!/usr/bin/env bash
# The timeouts of retort.yaml take effect on a real engine (docs/scripts.md,
# "Timeouts"). A second session holds a lock on `accounts`; the script that
# needs the table lock must fail within the timeout (not wait for the other
# session), change nothing, and leave the version row where it was. On
# PostgreSQL a statement longer than statement_timeout fails the same way.
#   timeouts.sh RETORT ENGINE        (postgresql or mariadb)
source "$(dirname "$0")/lib.sh"
live_init "$2" "$1"

project="$WORK/project"
cp -r "$LIVE_DIR/timeout_project" "$project"
case $ENGINE in
  postgresql) printf 'postgresql: { lock_timeout: 1s, statement_timeout: 2s }\n' >>"$project/retort.yaml" ;;
  mariadb) printf 'mysql: { lock_wait_timeout: 1 }\n' >>"$project/retort.yaml" ;;
  *) fail "timeouts.sh runs on postgresql or mariadb, not $ENGINE" ;;
esac

new_db timeouts
gen "$project" upgrade base:b0b0b0b0b001 >"$WORK/up1.sql"
apply_or_fail "$DB" "$WORK/up1.sql" "upgrade to b0b0b0b0b001"
gen "$project" upgrade b0b0b0b0b001:b0b0b0b0b002 >"$WORK/up2.sql"
gen "$project" upgrade b0b0b0b0b002:b0b0b0b0b003 >"$WORK/up3.sql"

# holder SECONDS: a second session that reads accounts in an open
# transaction (a shared lock) for SECONDS; its pid in $HOLDER.
holder() {
  case $ENGINE in
    postgresql)
      _psql -d "$DB" -c "BEGIN; LOCK TABLE accounts IN ACCESS SHARE MODE; SELECT pg_sleep($1); COMMIT;" \
        >/dev/null 2>&1 &
      ;;
    mariadb)
      engine_query "$DB" "START TRANSACTION; SELECT COUNT(*) FROM accounts; SELECT SLEEP($1); COMMIT;" \
        >/dev/null 2>&1 &
      ;;
  esac
  HOLDER=$!
}
holding() {
  case $ENGINE in
    postgresql) [ "$(engine_query "$DB" "SELECT count(*) FROM pg_locks l JOIN pg_class c ON c.oid = l.relation
                                         WHERE c.relname = 'accounts' AND l.pid <> pg_backend_pid()")" != 0 ] ;;
    mariadb) [ "$(engine_query "$DB" "SELECT COUNT(*) FROM information_schema.processlist
                                      WHERE info LIKE 'SELECT SLEEP%'")" != 0 ] ;;
  esac
}

# release: ends the second session on the server (and waits for its client).
release() {
  case $ENGINE in
    postgresql) engine_query "$DB" "SELECT pg_terminate_backend(pid) FROM pg_stat_activity
                                    WHERE query LIKE '%pg_sleep(30)%' AND pid <> pg_backend_pid()" >/dev/null ;;
    mariadb) local id
             for id in $(engine_query "$DB" "SELECT id FROM information_schema.processlist
                                            WHERE info LIKE 'SELECT SLEEP(30)%'"); do
               engine_query "$DB" "KILL $id" >/dev/null || true
             done ;;
  esac
  wait "$HOLDER" 2>/dev/null || true
}

holder 30
for _ in $(seq 100); do holding && break; sleep 0.1; done
holding || fail "the second session does not hold its lock"
start=$(date +%s)
if out=$(engine_apply "$DB" "$WORK/up2.sql" 2>&1); then
  release
  fail "the upgrade that needs the table lock succeeded while another session held a lock"
fi
elapsed=$(( $(date +%s) - start ))
release
[ "$elapsed" -lt 10 ] || fail "the upgrade failed only after ${elapsed}s: the timeout did not take effect ($out)"
case $ENGINE in
  postgresql) grep -q "lock timeout" <<<"$out" || fail "no 'lock timeout' in: $out" ;;
  mariadb) grep -q "Lock wait timeout" <<<"$out" || fail "no 'Lock wait timeout' in: $out" ;;
esac
note "lock wait stopped after ${elapsed}s: $(grep -m1 -i error <<<"$out")"
[ "$(engine_query "$DB" "SELECT version_num FROM alembic_version")" = b0b0b0b0b001 ] ||
  fail "the version row moved although the migration failed"

# Without the other session the same script runs.
apply_or_fail "$DB" "$WORK/up2.sql" "upgrade to b0b0b0b0b002 without the lock"

if [ "$ENGINE" = postgresql ]; then
  if out=$(engine_apply "$DB" "$WORK/up3.sql" 2>&1); then
    fail "a 3 s statement ran under statement_timeout 2s"
  fi
  grep -q "statement timeout" <<<"$out" || fail "no 'statement timeout' in: $out"
  note "statement stopped: $(grep -m1 -i error <<<"$out")"
  [ "$(engine_query "$DB" "SELECT version_num FROM alembic_version")" = b0b0b0b0b002 ] ||
    fail "the version row moved although the slow migration failed"
fi
echo "timeouts on $ENGINE: ok"
