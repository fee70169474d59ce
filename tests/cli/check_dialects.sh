#!/usr/bin/env bash
# check_dialects.sh RETORT
# `dialects:` in retort.yaml (docs/config.md, docs/cli.md "check"): check
# replays and renders the scripts of every listed dialect. A MySQL index on a
# text column passes a PostgreSQL-only check and fails once mysql is listed;
# an error every dialect finds is printed once; downgrades are rendered too.
set -uo pipefail
R=$1
failures=0
work=$(mktemp -d "${TMPDIR:-/tmp}/retort-check-dialects.XXXXXX")
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }

# project NAME YAML UPGRADE DOWNGRADE
project() {
  local dir="$work/$1"
  mkdir -p "$dir/versions"
  printf 'versions: [versions]\n%b' "$2" >"$dir/retort.yaml"
  cat >"$dir/versions/a1_notes.mig" <<MIG
revision a1;
down_revision none;
upgrade {
    create table notes (id integer primary key, title text not null, tag string(20));
    $3
}
downgrade {
    $4
    drop table notes;
}
MIG
}

# expect NAME STATUS [grep pattern that stderr must match] [pattern it must not match]
expect() {
  local name=$1 status=$2 has=${3:-} hasnt=${4:-}
  "$R" -C "$work/$name" check >"$work/$name.out" 2>"$work/$name.err"
  local got=$?
  [ "$got" -eq "$status" ] || fail "$name: exit $got, expected $status: $(cat "$work/$name.err")"
  if [ -n "$has" ] && ! grep -q -- "$has" "$work/$name.err"; then fail "$name: stderr lacks '$has': $(cat "$work/$name.err")"; fi
  if [ -n "$hasnt" ] && grep -q -- "$hasnt" "$work/$name.err"; then fail "$name: stderr has '$hasnt'"; fi
}

index='create index ix_notes_title on notes (title);'
# The near miss: PostgreSQL alone (the default dialects) accepts it.
project pg_only 'dialect: postgresql\n' "$index" ''
expect pg_only 0
project pg_sqlite 'dialects: [postgresql, sqlite]\n' "$index" ''
expect pg_sqlite 0
# With mysql listed: the MySQL back end's error, with a note at its entry.
project with_mysql 'dialects: [postgresql, mysql]\n' "$index" ''
expect with_mysql 1 "error: MySQL cannot use TEXT column \"notes.title\"" ''
grep -q "retort.yaml:2:24: note: found when checking for mysql, listed in 'dialects' of retort.yaml" \
  "$work/with_mysql.err" || fail "with_mysql: no note at the dialects entry: $(cat "$work/with_mysql.err")"
# mysql as the dialect itself: the same error, without the note.
project mysql_first 'dialect: mysql\ndialects: [mysql, postgresql]\n' "$index" ''
expect mysql_first 1 "error: MySQL cannot use TEXT column" "found when checking"
# A bounded column is fine everywhere.
project bounded 'dialects: [postgresql, mysql, sqlite]\n' 'create index ix_notes_tag on notes (tag);' ''
expect bounded 0
# The downgrade is rendered too: an index re-created on the text column there.
project down_mysql 'dialects: [postgresql, mysql]\n' '' "$index"
expect down_mysql 1 "error: MySQL cannot use TEXT column"
# An error of the schema replay, found for every dialect, is printed once.
project twice 'dialects: [postgresql, mysql, sqlite]\n' 'alter table notes drop column nope;' ''
expect twice 1 'has no column "nope"'
n=$(grep -c 'has no column "nope"' "$work/twice.err")
[ "$n" -eq 1 ] || fail "twice: the replay error is printed $n times"
# --format json carries the note too.
"$R" -C "$work/with_mysql" check --format json >"$work/json.out" 2>/dev/null
grep -q "found when checking for mysql" "$work/json.out" || fail "json: no note: $(cat "$work/json.out")"

[ "$failures" -eq 0 ] && echo "check_dialects: ok"
exit "$failures"
