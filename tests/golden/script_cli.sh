#!/usr/bin/env bash
# script_cli.sh RETORT SAMPLES_DIR
# The script commands' options and exit codes (cli.md, docs/scripts.md):
# -o writes atomically and a failed compile keeps the old file, --check
# prints a unified diff and exits 1, usage errors exit 2, output is
# byte-identical from run to run.
set -uo pipefail
R=$1 SAMPLES=$2
work=$(mktemp -d "${TMPDIR:-/tmp}/retort-cli.XXXXXX")
trap 'rm -rf "$work"' EXIT
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
expect_status() {  # expect_status WANT DESCRIPTION COMMAND...
  local want=$1 what=$2; shift 2
  "$@" >"$work/out" 2>"$work/err"
  local got=$?
  [ "$got" = "$want" ] || { fail "$what: exit $got, expected $want"; cat "$work/err" >&2; }
}
school=$SAMPLES/school

# Deterministic: two runs, same bytes.
"$R" -C "$school" upgrade base:heads >"$work/a.sql" || fail "upgrade failed"
"$R" -C "$school" upgrade base:heads >"$work/b.sql" || fail "upgrade failed"
cmp -s "$work/a.sql" "$work/b.sql" || fail "two runs differ"

# -o: the same bytes as stdout, in a file; no temporary file left behind.
expect_status 0 "-o" "$R" -C "$school" upgrade base:heads -o "$work/out.sql"
cmp -s "$work/a.sql" "$work/out.sql" || fail "-o wrote something else than stdout"
[ ! -s "$work/out" ] || fail "-o also printed the script"
[ "$(ls -A "$work" | grep -c retort-)" = 0 ] || fail "a temporary file was left: $(ls -A "$work")"

# -o onto something that is not a regular file writes into it (a rename
# would replace it: `-o /dev/null` once turned /dev/null into a file).
mkfifo "$work/fifo"
cat "$work/fifo" >"$work/from_fifo" &
reader=$!
expect_status 0 "-o FIFO" "$R" -C "$school" upgrade base:heads -o "$work/fifo"
wait $reader
[ -p "$work/fifo" ] || fail "-o replaced a FIFO with a file"
cmp -s "$work/a.sql" "$work/from_fifo" || fail "-o FIFO wrote something else than stdout"
rm -f "$work/fifo" "$work/from_fifo"
# Through a symlink the file it points to is replaced; its mode is kept.
echo old >"$work/real.sql"
chmod 640 "$work/real.sql"
ln -s real.sql "$work/link.sql"
expect_status 0 "-o symlink" "$R" -C "$school" upgrade base:heads -o "$work/link.sql"
[ -L "$work/link.sql" ] || fail "-o replaced a symlink with a file"
cmp -s "$work/a.sql" "$work/real.sql" || fail "-o symlink did not write the file it points to"
[ "$(stat -c %a "$work/real.sql")" = 640 ] || fail "-o changed the mode of the file it replaced"
rm -f "$work/link.sql" "$work/real.sql" "$work/out.sql"

# A failed compile leaves an old file intact and creates none.
mkdir -p "$work/broken/versions"
printf 'versions: [versions]\ndialect: postgresql\n' >"$work/broken/retort.yaml"
printf 'revision aaaa1111;\ndown_revision none;\nupgrade {\n    drop table missing;\n}\n' >"$work/broken/versions/a.mig"
echo "old content" >"$work/keep.sql"
expect_status 1 "broken project" "$R" -C "$work/broken" upgrade base:heads -o "$work/keep.sql"
[ "$(cat "$work/keep.sql")" = "old content" ] || fail "a failed compile changed the -o file"
grep -q "a.mig:4:[0-9]*: error" "$work/err" || { fail "no file:line:col diagnostic for the broken project"; cat "$work/err" >&2; }
expect_status 1 "broken project, new file" "$R" -C "$work/broken" upgrade base:heads -o "$work/new.sql"
[ ! -e "$work/new.sql" ] || fail "a failed compile created the -o file"

# --check: equal -> 0 and silent; different -> 1 and a unified diff.
expect_status 0 "--check equal" "$R" -C "$school" upgrade base:heads --check "$work/a.sql"
[ ! -s "$work/out" ] || fail "--check printed something for equal files"
sed 's/^COMMIT;$/COMMIT; -- edited/' "$work/a.sql" >"$work/edited.sql"
expect_status 1 "--check different" "$R" -C "$school" upgrade base:heads --check "$work/edited.sql"
grep -q "^--- $work/edited.sql" "$work/out" || fail "--check printed no diff header"
grep -q "^-COMMIT; -- edited$" "$work/out" || fail "--check diff lacks the removed line"
grep -q "^+COMMIT;$" "$work/out" || fail "--check diff lacks the added line"
expect_status 1 "--check missing golden" "$R" -C "$school" upgrade base:heads --check "$work/nope.sql"

# Usage errors exit 2; --help exits 0.
expect_status 2 "downgrade without START" "$R" -C "$school" downgrade base
expect_status 2 "no range" "$R" -C "$school" upgrade
expect_status 2 "unknown dialect" "$R" -C "$school" upgrade heads -d oracle
expect_status 2 "unknown option" "$R" -C "$school" upgrade heads --frobnicate
for cmd in upgrade downgrade stamp; do
  expect_status 0 "$cmd --help" "$R" "$cmd" --help
  grep -q "usage: retort $cmd" "$work/out" || fail "$cmd --help prints no usage"
done
# An unknown revision is an input error (1), not a usage error.
expect_status 1 "unknown revision" "$R" -C "$school" upgrade base:zzzz9999

# A name over 63 bytes is an error on PostgreSQL, with its place.
mkdir -p "$work/long/versions"
printf 'versions: [versions]\ndialect: postgresql\n' >"$work/long/retort.yaml"
printf 'revision aaaa1111;\ndown_revision none;\nupgrade {\n    create table %s (id integer);\n}\n' \
  "$(printf 'a%.0s' $(seq 64))" >"$work/long/versions/a.mig"
expect_status 1 "64-byte table name" "$R" -C "$work/long" upgrade heads
grep -q "a.mig:4:18: error: .*64 bytes" "$work/err" || { fail "no diagnostic for a 64-byte name"; cat "$work/err" >&2; }

# stamp prints only version-table statements.
"$R" -C "$school" stamp base:heads >"$work/stamp.sql" || fail "stamp failed"
grep -q "CREATE TABLE IF NOT EXISTS alembic_version" "$work/stamp.sql" || fail "stamp from base does not create the version table"
grep -q "INSERT INTO alembic_version" "$work/stamp.sql" || fail "stamp moves no stamp"
if grep -v alembic_version "$work/stamp.sql" | grep -qE "^(CREATE|ALTER|DROP|INSERT|UPDATE|DELETE)"; then
  fail "stamp prints more than version-table statements"
fi

# stamp head from base is one INSERT (Alembic's stamp), not one per revision.
n=$(grep -cE "^(INSERT|UPDATE|DELETE)" "$work/stamp.sql" || true)
[ "$n" = 1 ] || fail "stamp base:heads of a one-head history writes $n version statements, not one INSERT"
"$R" -C "$school" stamp head >"$work/stamp2.sql" || fail "stamp head failed"
cmp -s "$work/stamp.sql" "$work/stamp2.sql" || fail "stamp head and stamp base:heads differ"

# The header names the range as resolved: the spellings of one range give the same bytes.
head_id=$(sed -n 's/^revision \([0-9a-z_]*\);.*/\1/p' "$school"/versions/*.mig | tail -1)
"$R" -C "$school" upgrade heads -o "$work/h1.sql" || fail "upgrade heads failed"
for spelling in base:heads head base:head "$head_id" "base:${head_id:0:6}"; do
  "$R" -C "$school" upgrade "$spelling" --check "$work/h1.sql" >/dev/null ||
    fail "upgrade $spelling differs from upgrade heads"
done
grep -q "^-- Generated by retort: upgrade from base to " "$work/h1.sql" || fail "the header does not name the resolved range"

# Warnings about a derived downgrade only: downgrade and check print them, upgrade and schema do not.
mkdir -p "$work/dropper/versions"
printf 'versions: [versions]\ndialect: postgresql\n' >"$work/dropper/retort.yaml"
printf 'revision dddd0001;\ndown_revision none;\nupgrade {\n    create table t (id integer);\n}\ndowngrade auto;\n' \
  >"$work/dropper/versions/a.mig"
printf 'revision dddd0002;\ndown_revision dddd0001;\nupgrade {\n    drop table t;\n}\ndowngrade auto;\n' \
  >"$work/dropper/versions/b.mig"
for cmd in "upgrade heads" "schema"; do
  "$R" -C "$work/dropper" $cmd >/dev/null 2>"$work/err" || fail "$cmd of the dropper failed"
  if grep -q "warning" "$work/err"; then fail "$cmd prints a downgrade-only warning: $(cat "$work/err")"; fi
done
for cmd in "downgrade heads:base" "check"; do
  "$R" -C "$work/dropper" $cmd >/dev/null 2>"$work/err" || fail "$cmd of the dropper failed"
  grep -q "warning: downgrade auto recreates table \"t\" but not the rows it held" "$work/err" ||
    fail "$cmd does not warn that the rows are not restored"
done

[ $failures = 0 ] && echo "ok: script command options"
exit $((failures > 0))
