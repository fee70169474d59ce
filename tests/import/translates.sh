#!/usr/bin/env bash
# Without an engine: `retort import alembic PROJECT` translates every
# revision (exit 0, `... 0 need hand work`), `retort check` passes on what it
# wrote (or reports exactly PROJECT/expected_check), and upgrade base:heads / downgrade heads:base compile for each engine
# in PROJECT/engines. roundtrip.sh then runs them against Alembic.
#
#   translates.sh RETORT PROJECT
set -euo pipefail
RETORT=$1
PROJECT=$2
fail() { echo "FAIL: $*" >&2; exit 1; }
WORK=$(mktemp -d "${TMPDIR:-/tmp}/retort-import.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
"$RETORT" import alembic "$PROJECT" "$WORK/out" >"$WORK/stdout" 2>"$WORK/stderr" ||
  { cat "$WORK/stderr" "$WORK/stdout" >&2; fail "import did not translate every revision of $PROJECT"; }
cat "$WORK/stderr" >&2
tail -1 "$WORK/stdout" | grep -q '; 0 need hand work$' || fail "unexpected last line: $(tail -1 "$WORK/stdout")"
# PROJECT/expected_check (optional): the errors `retort check` must report,
# one fragment a line, and no others (an Alembic downgrade that is not the
# inverse of its upgrade, which retort's round trip reports).
if [ -e "$PROJECT/expected_check" ]; then
  status=0
  "$RETORT" -C "$WORK/out" check >"$WORK/check.out" 2>&1 || status=$?
  cat "$WORK/check.out" >&2
  [ "$status" = 1 ] || fail "retort check exited $status, not 1 as $PROJECT/expected_check says"
  want=0
  while IFS= read -r line; do
    case $line in "" | "#"*) continue ;; esac
    grep -F -- "error: $line" "$WORK/check.out" >/dev/null || fail "retort check does not report: $line"
    want=$((want + 1))
  done <"$PROJECT/expected_check"
  got=$(grep -c ': error: ' "$WORK/check.out" || true)
  [ "$got" = "$want" ] || fail "retort check reports $got errors, $PROJECT/expected_check lists $want"
else
  "$RETORT" -C "$WORK/out" check >&2 || fail "retort check fails on the imported $PROJECT"
fi
while IFS= read -r engine; do
  [ -n "$engine" ] || continue
  [ "$engine" = mariadb ] || [ "$engine" = postgresql ] || [ "$engine" = sqlite ] || fail "unknown engine $engine"
  "$RETORT" -C "$WORK/out" upgrade base:heads -d "$engine" -o "$WORK/up.sql" >&2 || fail "upgrade base:heads -d $engine"
  "$RETORT" -C "$WORK/out" downgrade heads:base -d "$engine" -o "$WORK/down.sql" >&2 || fail "downgrade heads:base -d $engine"
done <"$PROJECT/engines"
echo "translates: $(tail -1 "$WORK/stdout")"
